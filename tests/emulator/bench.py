"""Benchmark (not a test): simple authenticated GETs per second against the emulator.

Starts the emulator as its own process (python -m ncm_emulator, as make demo and the tests'
CLI do), seeds some policies, then fires GETs over keep-alive connections (requests.Session)
and prints requests/second. The target is >= 500 on loopback.

    python tests/emulator/bench.py [-n 3000] [--threads 1] [--path PATH] [--seed 20]
"""

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time

import requests

HERE = os.path.dirname(os.path.abspath(__file__))
KEY = "emulator-infraon-key"
DEFAULT_PATH = "/ux/nccm/configuration_policies/?items_per_page=10&page=1"


def start_emulator(workdir):
    port_file = os.path.join(workdir, "port")
    env = dict(os.environ, PYTHONPATH=HERE)
    proc = subprocess.Popen([sys.executable, "-m", "ncm_emulator", "--port", "0", "--port-file", port_file], env=env)
    deadline = time.monotonic() + 30
    while not os.path.exists(port_file):
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise SystemExit("the emulator did not start")
        time.sleep(0.05)
    with open(port_file) as handle:
        return proc, "http://127.0.0.1:%d" % int(handle.read().strip())


def cpu_seconds(pid):
    """User+system CPU seconds of a process (Linux /proc), or None."""
    try:
        with open("/proc/%d/stat" % pid) as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / float(os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError):
        return None


def worker(url, count, errors):
    session = requests.Session()
    session.headers["Authorization"] = KEY
    for dummy in range(count):
        resp = session.get(url, timeout=10)
        if resp.status_code != 200:
            errors.append(resp.status_code)


def main():
    parser = argparse.ArgumentParser(description="GETs per second against the emulator")
    parser.add_argument("-n", type=int, default=3000, help="requests in all (default 3000)")
    parser.add_argument("--threads", type=int, default=1, help="client threads (default 1)")
    parser.add_argument("--path", default=DEFAULT_PATH, help="path to GET (default: a page of 10 policies)")
    parser.add_argument("--seed", type=int, default=20, help="policies to seed first (default 20)")
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="ncm-bench-")
    proc, base = start_emulator(workdir)
    try:
        requests.post(base + "/_emulator/seed", json={"generate": {
            "collection": "infraon_policies", "count": args.seed,
            "template": {"policyid": "bench-{n}", "organization": "org"}}}, timeout=10).raise_for_status()
        worker(base + args.path, 50, [])  # warm up
        errors = []
        per_thread = max(1, args.n // args.threads)
        threads = [threading.Thread(target=worker, args=(base + args.path, per_thread, errors))
                   for dummy in range(args.threads)]
        cpu_before = cpu_seconds(proc.pid)
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - start
        cpu_after = cpu_seconds(proc.pid)
    finally:
        proc.terminate()
        proc.wait(10)
    total = per_thread * args.threads
    print("%d GETs of %s in %.2f s, %d client thread(s): %.0f requests/second, %d errors"
          % (total, args.path, elapsed, args.threads, total / elapsed, len(errors)))
    if cpu_before is not None and cpu_after is not None and cpu_after > cpu_before:
        per_request = (cpu_after - cpu_before) / total
        print("emulator CPU: %.2f ms per request, i.e. about %.0f requests/second per busy core"
              % (per_request * 1000, 1 / per_request))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
