"""Run one process: wall time, peak memory (largest process of the tree, from wait4), output."""

import os
import re
import signal
import subprocess
import tempfile
import threading
import time

PLAY_TIMEOUT = 900  # seconds, per process (bounded)


class Run(object):
    def __init__(self, rc, wall, maxrss_kb, output):
        self.rc, self.wall, self.maxrss_kb, self.output = rc, wall, maxrss_kb, output

    def recap(self):
        """{"changed": n, "failed": n, ...} of the PLAY RECAP line of localhost."""
        match = re.search(r"^localhost\s+:\s+(.*)$", self.output, re.M)
        return dict((k, int(v)) for k, v in re.findall(r"(\w+)=(\d+)", match.group(1))) if match else {}


def run_process(argv, env, cwd, timeout=PLAY_TIMEOUT):
    with tempfile.TemporaryFile(mode="w+") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
        timer = threading.Timer(timeout, lambda: os.killpg(proc.pid, signal.SIGKILL))
        timer.start()
        try:
            dummy_pid, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        return Run(proc.returncode, wall, usage.ru_maxrss, out.read())
