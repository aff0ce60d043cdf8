"""The benchmark's plumbing: the environment ansible-playbook runs in, running a playbook or a
script (timed, a failed one recorded), correctness checks, rounds, and the workloads in turn."""

import datetime
import json
import os
import shutil
import sys
import tempfile
import time

from emulator_admin import Emulator, Failure
from timed_process import run_process

HERE = os.path.dirname(os.path.abspath(__file__))
PLAYBOOKS = os.path.join(HERE, "playbooks")
REQUESTS_BASELINE = os.path.join(HERE, "requests_baseline.py")  # the plain requests script of workloads 4 and 7
# the switch that makes every task of the collection run as a module (plugins/plugin_utils/in_process.py)
AS_MODULE = ("-e", "ncm_platforms_in_process=false")


class Bench(object):
    def __init__(self, args):
        self.args = args
        self.tree = os.path.abspath(args.tree)
        self.collections = os.path.abspath(os.path.join(self.tree, "..", "..", ".."))
        self.emu = Emulator(os.environ["EMULATOR_URL"])
        self.work = tempfile.mkdtemp(prefix="ncm-bench-")
        self.python = sys.executable
        bindir = os.path.dirname(self.python)
        self.playbook_bin = os.path.join(bindir, "ansible-playbook")
        if not os.path.exists(self.playbook_bin):
            self.playbook_bin = shutil.which("ansible-playbook")
        self.env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=self.collections,
                        ANSIBLE_PYTHON_INTERPRETER=self.python, ANSIBLE_LOCALHOST_WARNING="false",
                        ANSIBLE_INVENTORY_UNPARSED_WARNING="false", ANSIBLE_NOCOLOR="1",
                        ANSIBLE_RETRY_FILES_ENABLED="false", PATH=bindir + os.pathsep + os.environ.get("PATH", ""))
        self.failures = []
        self.results = {}

    def module_exists(self, name):
        return os.path.exists(os.path.join(self.tree, "plugins", "modules", name + ".py"))

    def fail(self, message):
        print("FAIL: " + message, flush=True)
        self.failures.append(message)

    def process(self, argv, env=None):
        """Run argv in tests/perf, in the benchmark's environment unless env is given."""
        return run_process(argv, env or self.env, HERE)

    def playbook(self, name, extra=None, label=None, check_rc=True, as_module=False, options=()):
        """Run tests/perf/playbooks/NAME with extra vars; a failed playbook is a correctness failure.
        as_module: the collection's tasks run as modules (the switch off), not in the worker;
        options: more ansible-playbook arguments."""
        path = name if os.path.isabs(name) else os.path.join(PLAYBOOKS, name)
        argv = [self.playbook_bin, "-i", "localhost,", "-c", "local", path] + list(options)
        if as_module:
            argv += AS_MODULE
        if extra is not None:
            vars_file = os.path.join(self.work, "vars.json")
            with open(vars_file, "w") as handle:
                json.dump(extra, handle)
            argv += ["-e", "@" + vars_file]
        run = self.process(argv)
        print("  %-52s %6.2f s rc=%d" % (label or name, run.wall, run.rc), flush=True)
        if check_rc and run.rc != 0:
            self.fail("%s: ansible-playbook exited %d:\n%s" % (label or name, run.rc, run.output[-3000:]))
        return run

    def python_script(self, argv, label):
        run = self.process([self.python] + argv)
        print("  %-52s %6.2f s rc=%d" % (label, run.wall, run.rc), flush=True)
        if run.rc != 0:
            self.fail("%s: exited %d:\n%s" % (label, run.rc, run.output[-3000:]))
        return run

    def expect(self, what, got, wanted):
        if got != wanted:
            self.fail("%s: got %r, expected %r" % (what, got, wanted))

    def rounds(self):
        return 1 if self.args.short else self.args.runs

    @staticmethod
    def rotate(items, round_no):
        """Ours and the baselines take turns at going first."""
        shift = round_no % len(items)
        return items[shift:] + items[:shift]

    def run(self, steps):
        """Each workload in turn (a Failure ends that one only), timed, with the load around them."""
        started = time.time()
        self.results["started"] = datetime.datetime.now(datetime.timezone.utc)
        self.results["load_before"] = os.getloadavg()
        for step in steps:
            try:
                step(self)
            except Failure as exc:
                self.fail("%s: %s" % (step.__name__, exc))
        self.results["load_after"] = os.getloadavg()
        self.results["duration"] = time.time() - started
        shutil.rmtree(self.work, ignore_errors=True)
