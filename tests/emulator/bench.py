"""Benchmark (not a test): simple authenticated GETs per second against a started emulator.

    cd tests/emulator && python bench.py [-n 3000] [--threads 1] [--path /ux/nccm/configuration_policies/?items_per_page=10&page=1]
"""

import argparse
import os
import sys
import threading
import time

import requests

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from ncm_emulator.core import create_app  # noqa: E402 pylint: disable=wrong-import-position
from ncm_emulator.server import Server  # noqa: E402 pylint: disable=wrong-import-position

DEFAULT_PATH = "/ux/nccm/configuration_policies/?items_per_page=10&page=1"


def worker(base, path, key, count, errors):
    session = requests.Session()
    session.headers["Authorization"] = key
    for _ in range(count):
        resp = session.get(base + path, timeout=10)
        if resp.status_code != 200:
            errors.append(resp.status_code)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=3000, help="requests in all (default 3000)")
    parser.add_argument("--threads", type=int, default=1, help="client threads (default 1)")
    parser.add_argument("--path", default=DEFAULT_PATH)
    parser.add_argument("--seed", type=int, default=20, help="policies to seed first (default 20)")
    args = parser.parse_args()

    app = create_app()
    server = Server(app).start()
    base = server.url
    key = app.extensions["ncm_emulator"].config["infraon"]["api_key"]
    requests.post(base + "/_emulator/seed", json={"generate": {
        "collection": "infraon_policies", "count": args.seed,
        "template": {"policyid": "bench-{n}", "organization": "org"}}}, timeout=10).raise_for_status()
    worker(base, args.path, key, 50, [])  # warm up
    errors = []
    per_thread = max(1, args.n // args.threads)
    threads = [threading.Thread(target=worker, args=(base, args.path, key, per_thread, errors)) for _ in range(args.threads)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    total = per_thread * args.threads
    server.stop()
    print("%d GETs in %.2f s with %d client thread(s): %.0f requests/second (%d errors)"
          % (total, elapsed, args.threads, total / elapsed, len(errors)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
