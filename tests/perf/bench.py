"""The benchmark of ncm.platforms (issue 11, DESIGN.md "Benchmarks").

Run under tools/with-emulator.sh (EMULATOR_URL, INFRAON_URL... set):

    python tests/perf/bench.py TREE [--runs 5] [--short] [--out docs/performance.md]

TREE is the collection tree (.../ansible_collections/ncm/platforms; nox -s bench makes it). Each workload runs
side by side with what a user would otherwise write (ansible.builtin.uri tasks, a plain
requests loop), ours and the baseline alternating within each round; the emulator is reset
and seeded before every run, and its request log gives the requests sent and the writes.
The medians go to --out (markdown) and a PNG chart beside it (same name, .png).

--short: small sizes, one round, no file written unless --out is given: it checks
correctness only (right object counts, zero writes on an unchanged run, every playbook
passing). The exit status is non-zero only on such a correctness failure, never on a time.
"""

import argparse
import datetime
import json
import math
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

import requests

HERE = os.path.dirname(os.path.abspath(__file__))
PLAYBOOKS = os.path.join(HERE, "playbooks")
PLAY_TIMEOUT = 900  # seconds, per process (bounded)
WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
LOGIN_PATHS = ("/ux/api-token-auth/", "/api/common/1.0/oauth/token")
HIERARCHY = "sys.hcs.CS-P.CS-NB.BBBCorp"  # a customer node without users (nor nodes below)
INFRAON_PAGE = 500


class Failure(Exception):
    """A correctness failure: the benchmark exits non-zero."""


# --------------------------------------------------------------------------------------------
# the emulator's admin API

class Emulator(object):
    def __init__(self, url):
        self.url = url.rstrip("/")
        self.http = requests.Session()

    def call(self, method, path, body=None):
        answer = self.http.request(method, self.url + "/_emulator/" + path, json=body, timeout=300)
        if answer.status_code >= 400:
            raise Failure("emulator %s %s: HTTP %s %s" % (method, path, answer.status_code, answer.text[:300]))
        return answer.json() if answer.content else None

    def reset(self, switches=None):
        self.call("POST", "reset")
        if switches:
            self.call("PUT", "switches", switches)

    def seed(self, body):
        return self.call("POST", "seed", body)["ids"]

    def clear_log(self):
        self.call("DELETE", "log")

    def log(self, method=None):
        return self.call("GET", "log" + ("?method=" + method if method else ""))["entries"]

    def collection(self, name):
        return self.call("GET", "collections/" + name)

    def counts(self):
        """(requests sent, writes) since the last clear; logins are not writes."""
        entries = self.log()
        writes = [e for e in entries if e["method"] in WRITE_METHODS and not e["path"].startswith(LOGIN_PATHS)]
        return len(entries), len(writes)


# --------------------------------------------------------------------------------------------
# processes: wall time, peak memory (largest process of the tree, from wait4), output

class Run(object):
    def __init__(self, rc, wall, maxrss_kb, output):
        self.rc, self.wall, self.maxrss_kb, self.output = rc, wall, maxrss_kb, output

    def recap(self):
        """{"changed": n, "failed": n, ...} of the PLAY RECAP line of localhost."""
        match = re.search(r"^localhost\s+:\s+(.*)$", self.output, re.M)
        return dict((k, int(v)) for k, v in re.findall(r"(\w+)=(\d+)", match.group(1))) if match else {}


def run_process(argv, env, cwd=HERE, timeout=PLAY_TIMEOUT):
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

    def playbook(self, name, extra=None, label=None, check_rc=True):
        """Run tests/perf/playbooks/NAME with extra vars; a failed playbook is a correctness failure."""
        path = name if os.path.isabs(name) else os.path.join(PLAYBOOKS, name)
        argv = [self.playbook_bin, "-i", "localhost,", "-c", "local", path]
        if extra is not None:
            vars_file = os.path.join(self.work, "vars.json")
            with open(vars_file, "w") as handle:
                json.dump(extra, handle)
            argv += ["-e", "@" + vars_file]
        run = run_process(argv, self.env)
        print("  %-52s %6.2f s rc=%d" % (label or name, run.wall, run.rc), flush=True)
        if check_rc and run.rc != 0:
            self.fail("%s: ansible-playbook exited %d:\n%s" % (label or name, run.rc, run.output[-3000:]))
        return run

    def python_script(self, argv, label):
        run = run_process([self.python] + argv, self.env)
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

    # ----------------------------------------------------------------------------------------
    # data

    @staticmethod
    def policies(count, prefix="BENCH-"):
        return [dict(policyid="%s%03d" % (prefix, n), organization="acme", name="Bench policy %d" % n,
                     description="Backup policy %d of the benchmark" % n, processid=3,
                     associated_rule_groups=["rg-core", "rg-edge"]) for n in range(1, count + 1)]

    def seed_policies(self, count, template_prefix="OTHER-"):
        if count:
            self.emu.seed({"generate": {"collection": "infraon_policies", "count": count, "template": {
                "policyid": template_prefix + "{n:05d}", "organization": "other", "name": "Other policy {n}",
                "processid": 1}}})

    def policies_in_emulator(self, prefix):
        return [p for p in self.emu.collection("infraon_policies") if str(p.get("policyid", "")).startswith(prefix)]

    # ----------------------------------------------------------------------------------------
    # 1. many policies: one task vs a loop of the single module vs uri

    def workload_policies(self):
        count = 3 if self.args.short else 50
        others = 10
        desired = self.policies(count)
        variants = [("ours", "policies_many.yml", "nccm_configuration_policies, one task"),
                    ("loop", "policies_loop.yml", "nccm_configuration_policy in a loop"),
                    ("uri", "policies_uri.yml", "uri per policy (GET list + POST/PUT)"),
                    ("uri_once", "policies_uri_batched.yml", "uri, one list read + looped POST/PUT")]
        if self.args.short:
            variants = variants[:3]
        samples = dict((key, {"create": [], "rerun": [], "create_req": [], "create_writes": [],
                              "rerun_req": [], "rerun_writes": []}) for key, dummy_label, dummy_goal in variants)
        print("1. %d policies, create then unchanged re-run" % count, flush=True)
        for round_no in range(self.rounds()):
            for key, book, label in self.rotate(variants, round_no):
                self.emu.reset()
                self.seed_policies(others)
                run = self.playbook(book, {"policies": desired}, "%s: create" % key)
                requests_sent, writes = self.emu.counts()
                made = self.policies_in_emulator("BENCH-")
                self.expect("%s create: policies made" % key, len(made), count)
                self.expect("%s create: writes" % key, writes, count)
                samples[key]["create"].append(run.wall)
                samples[key]["create_req"].append(requests_sent)
                samples[key]["create_writes"].append(writes)
                self.emu.clear_log()
                run = self.playbook(book, {"policies": desired}, "%s: unchanged re-run" % key)
                requests_sent, writes = self.emu.counts()
                self.expect("%s re-run: writes" % key, writes, 0)
                self.expect("%s re-run: changed tasks" % key, run.recap().get("changed"), 0)
                samples[key]["rerun"].append(run.wall)
                samples[key]["rerun_req"].append(requests_sent)
                samples[key]["rerun_writes"].append(writes)
        self.results["policies"] = dict(count=count, variants=variants, samples=samples)
        if not self.args.short:
            self.results["policies"]["profile"] = self.profile_policies(desired, others)

    def profile_policies(self, desired, others):
        """The many-policies module alone (no Ansible around it), under cProfile: unchanged run."""
        self.emu.reset()
        self.seed_policies(others)
        module = "ansible_collections.ncm.platforms.plugins.modules.nccm_configuration_policies"
        args_file = os.path.join(self.work, "module-args.json")
        with open(args_file, "w") as handle:
            json.dump({"ANSIBLE_MODULE_ARGS": {"config": desired}}, handle)
        env = dict(self.env, PYTHONPATH=self.collections)
        out = {}
        for phase in ("create", "rerun"):
            prof = os.path.join(self.work, "policies-%s.prof" % phase)
            run = run_process([self.python, "-m", "cProfile", "-o", prof, "-m", module, args_file], env)
            if run.rc != 0:
                self.fail("module alone (%s): exited %d: %s" % (phase, run.rc, run.output[-2000:]))
                return out
            plain = run_process([self.python, "-m", module, args_file], env) if phase == "rerun" else None
            out[phase] = dict(wall_profiled=run.wall, wall=plain.wall if plain else None,
                              top=self.profile_top(prof))
        return out

    @staticmethod
    def profile_top(path, count=8):
        import io
        import pstats
        stream = io.StringIO()
        stats = pstats.Stats(path, stream=stream)
        stats.sort_stats("cumulative").print_stats(40)
        rows = []
        for line in stream.getvalue().splitlines():
            parts = line.split(None, 5)
            ours = any(word in parts[5] for word in ("ncm", "requests", "socket", "json")) if len(parts) == 6 else False
            if ours and re.match(r"^[\d/]+$", parts[0]):
                rows.append((float(parts[3]), parts[0], parts[5][-90:]))
        return rows[:count]

    # ----------------------------------------------------------------------------------------
    # 2. requests per unchanged run

    def workload_requests(self):
        print("2. requests per unchanged run", flush=True)
        sizes = [10] if self.args.short else [10, 1000, 10000]
        shapes = ["array"] if self.args.short else ["array", "envelope"]
        rows = []
        target = self.policies(1, prefix="TARGET-")[0]
        # by id: one GET whatever N
        self.emu.reset()
        self.seed_policies(sizes[-1])
        ids = self.emu.seed({"infraon_policies": [target]})["infraon_policies"]
        self.emu.clear_log()
        self.playbook("policy_one.yml", {"policy_args": dict(target, id=ids[0])}, "policy by id")
        rows.append(self.count_row("policy by id, N=%d" % sizes[-1], 1, "1 GET of the object"))
        for shape in shapes:
            for size in sizes:
                self.emu.reset({"infraon_list_shape": shape})
                self.seed_policies(size - 1)
                self.emu.seed({"infraon_policies": [target]})
                self.emu.clear_log()
                self.playbook("policy_one.yml", {"policy_args": target}, "policy by policyid, N=%d %s" % (size, shape))
                floor = math.ceil(size / float(INFRAON_PAGE))
                rows.append(self.count_row("policy by policyid among N=%d (%s)" % (size, shape), floor,
                                           self.list_note(shape, size)))
        many = 3 if self.args.short else 50
        desired = self.policies(many)
        for shape in ([] if self.args.short else shapes):  # the short form: workload 1 runs this module
            for size in sizes:
                self.emu.reset({"infraon_list_shape": shape})
                self.seed_policies(max(0, size - many))
                self.emu.seed({"infraon_policies": desired})
                self.emu.clear_log()
                self.playbook("policies_many.yml", {"policies": desired},
                              "%d policies in one task, N=%d %s" % (many, size, shape))
                floor = math.ceil(max(size, many) / float(INFRAON_PAGE))
                rows.append(self.count_row("nccm_configuration_policies, %d among N=%d (%s)"
                                           % (many, max(size, many), shape), floor, self.list_note(shape, size)))
        if self.module_exists("hcs_admin_user"):
            user = self.users(1)[0]
            for size in sizes:
                self.emu.reset()
                self.seed_users(size - 1)
                self.emu.seed({"voss_users": [self.voss_seed(user)]})
                self.emu.clear_log()
                args = dict((k, v) for k, v in user.items() if k != "password")
                args["hierarchy"] = HIERARCHY
                self.playbook("hcs_user_one.yml", {"user_args": args}, "hcs user by username, N=%d" % size)
                floor = math.ceil(size / 2000.0)
                rows.append(self.count_row("HCS user by username among N=%d" % size, floor,
                                           "+1 GET of the user's own record: list items carry a summary "
                                           "(hcsUname, hierarchy), not the AdminUser fields to compare"))
        else:
            rows.append(dict(case="HCS user by username", requests=None, floor=None, writes=None,
                             note="not measured: hcs_admin_user not built yet"))
        if self.args.short:
            pass  # the short form: workload 6 runs hcs_admin_users
        elif self.module_exists("hcs_admin_users"):
            users = self.users(50)
            for size in sizes:
                self.emu.reset()
                self.seed_users(max(0, size - len(users)))
                self.emu.seed({"voss_users": [self.voss_seed(u) for u in users]})
                self.emu.clear_log()
                self.playbook("hcs_users_many.yml", {"users": users, "hierarchy": HIERARCHY},
                              "%d HCS users in one task, N=%d" % (len(users), size))
                rows.append(self.count_row("hcs_admin_users, %d among N=%d" % (len(users), max(size, len(users))),
                                           math.ceil(max(size, len(users)) / 2000.0),
                                           "a GET of each listed user's own record (list items are summaries)"))
        else:
            rows.append(dict(case="hcs_admin_users, 50 among N", requests=None, floor=None, writes=None,
                             note="not measured: hcs_admin_users not built yet"))
        self.results["requests"] = rows

    def count_row(self, case, floor, note):
        sent, writes = self.emu.counts()
        self.expect("%s: writes on an unchanged run" % case, writes, 0)
        return dict(case=case, requests=sent, floor=floor, writes=writes, note=note if sent > floor else "at the floor")

    @staticmethod
    def list_note(shape, size):
        if shape == "array":
            return ("bare-array list: a full last page (or a first page shorter than the server's unknown "
                    "clamp) cannot tell it is the last, so one more (empty) page is read")
        return "envelope: count/next end the read"

    # ----------------------------------------------------------------------------------------
    # 3. per-task overhead: one module task vs one uri GET task

    def workload_overhead(self):
        print("3. per-task overhead", flush=True)
        extra = 0 if self.args.short else 20
        self.emu.reset()
        target = self.policies(1, prefix="TARGET-")[0]
        policy_id = self.emu.seed({"infraon_policies": [target]})["infraon_policies"][0]
        books = {}
        sizes = sorted(set((1, 1 + extra)))
        for kind in ("module", "uri"):
            for tasks in sizes:
                books[(kind, tasks)] = self.overhead_playbook(kind, tasks)
        samples = {"module": dict((n, []) for n in sizes), "uri": dict((n, []) for n in sizes), "empty": []}
        empty = self.overhead_playbook("module", 0)
        pairs = [(kind, n) for n in sizes for kind in ("module", "uri")]
        for round_no in range(self.rounds()):
            if extra:
                samples["empty"].append(self.playbook(empty, {}, "empty playbook (start-up)").wall)
            for kind, tasks in self.rotate(pairs, round_no):
                self.emu.clear_log()
                run = self.playbook(books[(kind, tasks)], {"policy_id": policy_id}, "%s x %d" % (kind, tasks))
                sent, writes = self.emu.counts()
                self.expect("%s x %d: requests" % (kind, tasks), sent, tasks)
                self.expect("%s x %d: writes" % (kind, tasks), writes, 0)
                samples[kind][tasks].append(run.wall)
        self.results["overhead"] = dict(extra=extra, samples=samples)

    def overhead_playbook(self, kind, tasks):
        path = os.path.join(self.work, "overhead-%s-%d.yml" % (kind, tasks))
        lines = ["---", "- name: Per-task overhead (%s x %d)" % (kind, tasks), "  hosts: localhost",
                 "  gather_facts: false", "  tasks:"]
        if not tasks:
            lines[-1] = "  tasks: []"
        for n in range(tasks):
            if kind == "module":
                lines += ["    - name: Read the policy %d" % n, "      ncm.platforms.nccm_configuration_policy_info:",
                          "        id: \"{{ policy_id }}\""]
            else:
                lines += ["    - name: Read the policy %d" % n, "      ansible.builtin.uri:",
                          "        url: \"{{ lookup('ansible.builtin.env', 'INFRAON_URL') }}"
                          "/ux/nccm/configuration_policies/{{ policy_id }}/\"",
                          "        headers:", "          Authorization: \"{{ lookup('ansible.builtin.env', "
                          "'INFRAON_API_KEY') }}\""]
        with open(path, "w") as handle:
            handle.write("\n".join(lines) + "\n")
        return path

    # ----------------------------------------------------------------------------------------
    # 4. reading many audit records: the info module vs a plain requests loop

    @staticmethod
    def audit_template(created):
        return {"organization": "acme", "job_id": "JOB-{n:05d}", "ci_id": "CI-{n:05d}", "job_iteration_id": "1",
                "ipaddress": "10.1.{i:05d}", "device_account": "netops", "dpassword": "device-secret-{n}",
                "connection_protocol": "ssh", "task_owner": "scheduler", "client_ip": "192.0.2.10",
                "job_type": "backup", "job_name": "Nightly backup {n}", "process_name": "config-backup",
                "connection_for": "backup", "config_type": "running", "creationtime": created}

    def seed_audit(self, count, created="2024-03-01T00:00:00.000Z"):
        if count:
            self.emu.seed({"generate": {"collection": "infraon_audit", "count": count,
                                        "template": self.audit_template(created)}})

    def workload_audit_info(self):
        count = 1000 if self.args.short else 10000
        print("4. reading %d audit records" % count, flush=True)
        script = os.path.join(HERE, "requests_baseline.py")
        variants = [("ours_all", "module, every record returned"), ("ours_none", "module, none returned"),
                    ("req_keep", "requests loop, every record kept"), ("req_count", "requests loop, counted only")]
        samples = dict((key, {"wall": [], "rss": [], "requests": []}) for key, dummy_label in variants)
        self.emu.reset()
        self.seed_audit(count)
        for round_no in range(self.rounds()):
            for key, label in self.rotate(variants, round_no):
                self.emu.clear_log()
                if key == "ours_all":
                    run = self.playbook("audit_info.yml", {"audit_filters": None, "expected_count": count}, label)
                elif key == "ours_none":
                    run = self.playbook("audit_info.yml", {"audit_filters": {"organization": "nobody"},
                                                           "expected_count": 0}, label)
                else:
                    run = self.python_script([script, "read", "--keep" if key == "req_keep" else "--count"], label)
                    self.expect(label + ": records read", run.output.strip().splitlines()[-1:], ["count=%d" % count])
                sent, writes = self.emu.counts()
                self.expect(label + ": writes", writes, 0)
                samples[key]["wall"].append(run.wall)
                samples[key]["rss"].append(run.maxrss_kb / 1024.0)
                samples[key]["requests"].append(sent)
        self.results["audit_info"] = dict(count=count, variants=variants, samples=samples)

    # ----------------------------------------------------------------------------------------
    # 5. a push job: polls and the delay between its end and the task's end

    def workload_push(self):
        seconds = 3 if self.args.short else 60
        print("5. a %d s push job" % seconds, flush=True)
        script = {"queued_seconds": 1, "running_seconds": seconds - 1, "failures": [], "pre_push_error": None}
        self.emu.reset({"scc_push_script": script})
        started = time.time()
        run = self.playbook("push_job.yml", {}, "cmc_push_job, %d s job" % seconds)
        ended = time.time()
        jobs = self.emu.collection("scc_jobs")
        self.expect("push job: jobs submitted", len(jobs), 1)
        entries = self.emu.log()
        polls = [e for e in entries if e["method"] == "GET" and "/jobs/items/" in e["path"]]
        writes = [e for e in entries if e["method"] in WRITE_METHODS and not e["path"].startswith(LOGIN_PATHS)]
        self.expect("push job: writes (the submit)", len(writes), 1)
        measured = {}
        if jobs and polls:
            job = jobs[0]
            created = job.get("creation_time")
            submit = [e for e in entries if e["method"] == "POST" and e["path"].endswith("/jobs")]
            job_end = (float(created) if isinstance(created, (int, float)) else submit[0]["time"]) + seconds
            # the log's "time" is epoch seconds (real); so is the job's creation_time while the clock is not moved
            measured = dict(polls=len(polls), seen_after=polls[-1]["time"] - job_end, task_end_after=ended - job_end,
                            wall=run.wall, started=started, requests=len(entries), writes=len(writes))
            match = re.search(r"BENCH elapsed=([\d.]+) status=(\w+)", run.output)
            measured["elapsed"] = float(match.group(1)) if match else None
            self.expect("push job: final status", match.group(2) if match else None, "Success")
        computed = self.push_computed(seconds)
        self.results["push"] = dict(seconds=seconds, measured=measured, computed=computed)

    def push_computed(self, seconds):
        """wait_for (module_utils/waiting.py) under a fake clock, with cmc_push_job's default intervals."""
        sys.path.insert(0, self.collections)
        try:
            import yaml
            from ansible_collections.ncm.platforms.plugins.module_utils import waiting
            from ansible_collections.ncm.platforms.plugins.modules import cmc_push_job
            options = yaml.safe_load(cmc_push_job.DOCUMENTATION)["options"]
            interval = float(options["poll_interval"]["default"])
            max_interval = float(options["max_poll_interval"]["default"])
            timeout = float(options["wait_timeout"]["default"])
        finally:
            sys.path.remove(self.collections)
        out = {"interval": interval, "max_interval": max_interval, "rows": []}

        def simulate(length):
            now = [0.0]

            def poll():
                return "Success" if now[0] >= length else "InProgress"

            def sleep(delay):
                now[0] += delay
            result = waiting.wait_for(poll, lambda state: state == "Success", timeout, interval=interval,
                                      max_interval=max_interval, clock=lambda: now[0], sleep=sleep, state="Queued")
            return result.polls, result.elapsed - length
        for length in sorted(set([seconds, 60, 90, 600])):
            polls, delay = simulate(length)
            out["rows"].append(dict(job_seconds=length, polls=polls, delay=delay, label="%d s job" % length))
        spread = [simulate(length) for length in range(1, 1801)]
        out["rows"].append(dict(job_seconds=0, polls=max(p for p, dummy_delay in spread), delay=max(d for dummy_polls, d in spread),
                                label="jobs of 1..1800 s, worst"))
        out["rows"].append(dict(job_seconds=0, polls=statistics.mean(p for p, dummy_delay in spread),
                                delay=statistics.mean(d for dummy_polls, d in spread), label="jobs of 1..1800 s, mean"))
        return out

    # ----------------------------------------------------------------------------------------
    # 6. many HCS users: one hcs_admin_users task vs a loop of hcs_admin_user

    def users(self, count):
        return [dict(username="benchuser%03d" % n, first_name="Bench", last_name="User %d" % n,
                     email="benchuser%03d@example.com" % n, role="CustomerAdminRole", password="Bench-pass-%03d" % n)
                for n in range(1, count + 1)]

    @staticmethod
    def voss_seed(user):
        admin = dict(username=user["username"], first_name=user["first_name"], last_name=user["last_name"],
                     email=user["email"], role=user["role"])
        return {"hierarchy": HIERARCHY, "hcsUname": user["username"], "AdminUser": admin}

    def seed_users(self, count):
        if count:
            self.emu.seed({"generate": {"collection": "voss_users", "count": count, "template": {
                "hierarchy": HIERARCHY, "hcsUname": "other{n:05d}",
                "AdminUser": {"username": "other{n:05d}", "role": "CustomerAdminRole"}}}})

    def workload_hcs_users(self):
        count = 3 if self.args.short else 50
        missing = [name for name in ("hcs_admin_users", "hcs_admin_user") if not self.module_exists(name)]
        if missing:
            self.results["hcs_users"] = dict(count=count, missing=missing)
            print("6. not measured: %s not built yet" % ", ".join(missing), flush=True)
            return
        print("6. %d HCS users, transactions of 0.5 s" % count, flush=True)
        users = self.users(count)
        variants = [("ours", "hcs_users_many.yml"), ("loop", "hcs_users_loop.yml")]
        samples = dict((key, {"wall": [], "requests": [], "writes": []}) for key, dummy_label in variants)
        for round_no in range(self.rounds()):
            for key, book in self.rotate(variants, round_no):
                self.emu.reset({"voss_transaction_seconds": 0.5})
                run = self.playbook(book, {"users": users, "hierarchy": HIERARCHY}, "%s: create %d users" % (key, count))
                sent, writes = self.emu.counts()
                made = [u for u in self.emu.collection("voss_users") if str(u.get("hcsUname", "")).startswith("benchuser")]
                self.expect("%s: users made" % key, len(made), count)
                self.expect("%s: writes" % key, writes, count)
                samples[key]["wall"].append(run.wall)
                samples[key]["requests"].append(sent)
                samples[key]["writes"].append(writes)
        self.results["hcs_users"] = dict(count=count, samples=samples)

    # ----------------------------------------------------------------------------------------
    # 7. purge of many audit records with export

    def workload_purge(self):
        count = 1000 if self.args.short else 10000
        keep = 10
        cutoff = "2025-01-01T00:00:00.000Z"
        print("7. purge of %d audit records with export" % count, flush=True)
        script = os.path.join(HERE, "requests_baseline.py")
        variants = [("ours", "nccm_account_audit_purge"), ("role", "audit_retention role"),
                    ("req", "requests loop, sequential deletes")]
        samples = dict((key, {"wall": [], "requests": [], "writes": []}) for key, dummy_label in variants)
        export = os.path.join(self.work, "audit-export.json")
        # the role takes a number of days: the whole days since the cut-off (records kept are newer)
        days = (datetime.datetime.now(datetime.timezone.utc)
                - datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc)).days
        for round_no in range(self.rounds()):
            for key, label in self.rotate(variants, round_no):
                self.emu.reset()
                self.seed_audit(count)
                self.seed_audit(keep, created="2025-06-01T00:00:00.000Z")
                if os.path.exists(export):
                    os.unlink(export)
                if key == "ours":
                    run = self.playbook("audit_purge.yml", {"cutoff": cutoff, "export_path": export,
                                                            "expected_count": count}, label)
                elif key == "role":
                    run = self.playbook("audit_retention.yml", {"days": days, "export_path": export}, label)
                else:
                    run = self.python_script([script, "purge", cutoff, export], label)
                sent, writes = self.emu.counts()
                self.expect(label + ": deletes", writes, count)
                self.expect(label + ": records left", len(self.emu.collection("infraon_audit")), keep)
                try:
                    with open(export) as handle:
                        exported = json.load(handle)
                    self.expect(label + ": records exported", len(exported.get("records", [])), count)
                    self.expect(label + ": export file mode", oct(os.stat(export).st_mode & 0o777), oct(0o600))
                except (OSError, ValueError) as exc:
                    self.fail("%s: export file: %s" % (label, exc))
                samples[key]["wall"].append(run.wall)
                samples[key]["requests"].append(sent)
                samples[key]["writes"].append(writes)
        self.results["purge"] = dict(count=count, samples=samples)

    # ----------------------------------------------------------------------------------------

    def run(self):
        started = time.time()
        self.results["started"] = datetime.datetime.now(datetime.timezone.utc)
        self.results["load_before"] = os.getloadavg()
        for step in (self.workload_policies, self.workload_requests, self.workload_overhead,
                     self.workload_audit_info, self.workload_push, self.workload_hcs_users, self.workload_purge):
            try:
                step()
            except Failure as exc:
                self.fail("%s: %s" % (step.__name__, exc))
        self.results["load_after"] = os.getloadavg()
        self.results["duration"] = time.time() - started
        shutil.rmtree(self.work, ignore_errors=True)


# --------------------------------------------------------------------------------------------
# the report

def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def fmt_s(value):
    return "-" if value is None else ("%.2f s" % value)


def fmt_ratio(value):
    if value is None:
        return "-"
    return "%.2fx (1/%.0f)" % (value, 1 / value) if 0 < value < 0.5 else "%.2fx" % value


def yes_no(ok):
    return "-" if ok is None else ("yes" if ok else "**no**")


def ratio(a, b):
    return None if a is None or not b else a / b


def machine():
    cpu = ""
    try:
        with open("/proc/cpuinfo") as handle:
            cpu = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), "")
    except OSError:
        pass
    try:
        from ansible.release import __version__ as core
    except ImportError:
        core = "?"
    return dict(cores=os.cpu_count(), cpu=cpu, python=platform.python_version(), core=core,
                system="%s %s" % (platform.system(), platform.release()))


def report(bench, out_path):
    res, args = bench.results, bench.args
    info = machine()
    lines = ["# Performance", "",
             "Written by `tests/perf/bench.py` (`make bench`); do not edit by hand. Loopback, against the local "
             "emulator (`tests/emulator`). Times are the wall time of the whole `ansible-playbook` process "
             "(start-up included) or of the whole script; medians of %d paired run(s), ours and the baseline "
             "taking turns within each round; the emulator is reset and seeded before every run. Requests and "
             "writes are counted from the emulator's request log (logins are not writes)." % bench.rounds(), "",
             "- date: %s" % res["started"].strftime("%Y-%m-%d %H:%M UTC"),
             "- machine: %d cores (%s), %s; Python %s, ansible-core %s" % (info["cores"], info["cpu"] or "?",
                                                                           info["system"], info["python"], info["core"]),
             "- load average (1, 5, 15 min) before / after: %s / %s%s" % (
                 ", ".join("%.2f" % x for x in res["load_before"]), ", ".join("%.2f" % x for x in res["load_after"]),
                 " (other jobs were running on the machine: times are noisy)" if res["load_before"][0] > 1.0 else ""),
             "- benchmark run time: %.0f s%s" % (res["duration"], "; short form (small N, one run)" if args.short else ""),
             "- correctness: %s" % ("all checks passed" if not bench.failures else "%d FAILURES" % len(bench.failures)),
             ""]
    chart = {}
    limits = []

    # 1
    pol = res.get("policies")
    if pol:
        s = pol["samples"]
        n = pol["count"]
        lines += ["## 1. %d policies: create, then an unchanged re-run" % n, "",
                  "Baseline: `ansible.builtin.uri` per policy (GET the list, then POST when missing or PUT when a "
                  "declared field differs: `tests/perf/playbooks/policies_uri.yml`); a second `uri` playbook "
                  "reads the list once and loops the writes (`policies_uri_batched.yml`), shown for reference. "
                  "Both `uri` playbooks read one page of 500, as hand-written ones do.", "",
                  "| workload | ours | baseline | ratio | requests sent | writes | goal | goal met |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- |"]
        m = dict((k, dict((f, med(v)) for f, v in s[k].items())) for k in s)
        goals = [("nccm_configuration_policies vs uri per policy, unchanged re-run", "ours", "uri", "rerun",
                  "<= 2 s and <= 1/20", lambda o, r: o <= 2.0 and r <= 1 / 20.0),
                 ("nccm_configuration_policies vs uri per policy, create", "ours", "uri", "create", "<= 1/10",
                  lambda o, r: r <= 0.1),
                 ("nccm_configuration_policy loop vs uri per policy, unchanged re-run", "loop", "uri", "rerun",
                  "<= 0.6x", lambda o, r: r <= 0.6),
                 ("nccm_configuration_policy loop vs uri per policy, create", "loop", "uri", "create", "<= 0.6x",
                  lambda o, r: r <= 0.6),
                 ("nccm_configuration_policies vs uri one list read, unchanged re-run", "ours", "uri_once", "rerun",
                  "(none)", None),
                 ("nccm_configuration_policies vs uri one list read, create", "ours", "uri_once", "create", "(none)",
                  None)]
        for label, ours, base, phase, goal, test in goals:
            if ours not in m or base not in m:
                continue
            r = ratio(m[ours][phase], m[base][phase])
            ok = test(m[ours][phase], r) if test and r is not None else None
            lines.append("| %s | %s | %s | %s | %s / %s | %s / %s | %s | %s |" % (
                label, fmt_s(m[ours][phase]), fmt_s(m[base][phase]), fmt_ratio(r),
                _int(m[ours][phase + "_req"]), _int(m[base][phase + "_req"]),
                _int(m[ours][phase + "_writes"]), _int(m[base][phase + "_writes"]), goal, yes_no(ok)))
            if ok is False:
                limits.append((label, ours, phase))
        lines += ["", "All four, median: " + "; ".join(
            "%s: create %s (%s requests), re-run %s (%s requests)" % (key, fmt_s(m[key]["create"]), _int(m[key]["create_req"]),
                                                                      fmt_s(m[key]["rerun"]), _int(m[key]["rerun_req"]))
            for key, dummy_label, dummy_goal in pol["variants"]) + ".", ""]
        chart["1. %d policies (s)" % n] = [(key, m[key]["create"], m[key]["rerun"]) for key, dummy_label, dummy_goal in pol["variants"]]

    # 3 (needed by the notes of 1)
    ovh = res.get("overhead")
    per_task = {}
    if ovh:
        s, extra = ovh["samples"], ovh["extra"]
        for kind in ("module", "uri"):
            diffs = [(b - a) / extra for a, b in zip(s[kind][1], s[kind][1 + extra])] if extra else []
            per_task[kind] = med(diffs)
        per_task["empty"] = med(s["empty"])
        per_task["uri_one"] = med(s["uri"][1])

    if pol and limits:
        lines += ["### What limits it", ""]
        prof = pol.get("profile", {})
        m_ours = med(pol["samples"]["ours"]["rerun"])
        if per_task.get("empty") is not None:
            lines.append("- An empty playbook takes %s here (ansible-playbook start-up: Python imports, inventory, "
                         "plugin loading); one module task adds about %s. Of the one-task re-run's %s, about %s is "
                         "Ansible itself, whatever the module does." % (
                             fmt_s(per_task["empty"]), fmt_s(per_task.get("module")), fmt_s(m_ours),
                             fmt_s((per_task["empty"] or 0) + (per_task.get("module") or 0))))
        if per_task.get("uri_one") is not None:
            lines.append("- A playbook of one `uri` GET task (workload 3) takes %s here: a goal below that is below what "
                         "`ansible-playbook` with one task of any module costs on this machine." % fmt_s(per_task["uri_one"]))
        if prof.get("rerun"):
            lines.append("- The module alone (run as `python -m ...nccm_configuration_policies args.json`, no Ansible) "
                         "takes %s for the unchanged run of %d policies (1 list read). cProfile, cumulative, the "
                         "module's own and the HTTP frames:" % (fmt_s(prof["rerun"]["wall"]), pol["count"]))
            lines += ["", "  | cumulative | calls | function |", "  | --- | --- | --- |"]
            lines += ["  | %.3f s | %s | `%s` |" % row for row in prof["rerun"]["top"]]
            lines.append("")
        if prof.get("create"):
            lines.append("- Create: the API answers a policy POST with no body (documented default), so the module "
                         "reads the list back to find each new policy: %s requests for %d creates. Profile of the "
                         "module alone (create):" % (_int(med(pol["samples"]["ours"]["create_req"])), pol["count"]))
            lines += ["", "  | cumulative | calls | function |", "  | --- | --- | --- |"]
            lines += ["  | %.3f s | %s | `%s` |" % row for row in prof["create"]["top"]]
            lines.append("")
        for label, key, phase in limits:
            if key == "loop":
                lines.append("- %s: a loop runs the module once per item (a new Python process, module transfer, "
                             "imports, one full list read each); `uri` pays the same per-item cost in Ansible, so "
                             "the gap is bounded by Ansible's per-item overhead, not by the module." % label)
        lines.append("")

    # 2
    rows = res.get("requests")
    if rows:
        lines += ["## 2. Requests per unchanged run", "",
                  "Floor: the fewest requests that can give the answer (1 GET by id; one page of 500 per 500 "
                  "policies; one page of 2000 users). Zero writes always.", "",
                  "| workload | ours (requests sent) | baseline (floor) | ratio | requests sent | writes | goal | goal met | why above the floor |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
        for row in rows:
            if row["requests"] is None:
                lines.append("| %s | - | - | - | - | - | 0 writes | - | %s |" % (row["case"], row["note"]))
                continue
            lines.append("| %s | %d | %d | %s | %d | %d | 0 writes | %s | %s |" % (
                row["case"], row["requests"], row["floor"], fmt_ratio(ratio(row["requests"], row["floor"])),
                row["requests"], row["writes"], yes_no(row["writes"] == 0), row["note"]))
        lines.append("")
        chart["2. requests, unchanged run"] = [(r["case"].replace("among ", "").replace("nccm_configuration_policies", "many")[:28],
                                                r["requests"], r["floor"]) for r in rows if r["requests"] is not None]

    if ovh:
        s, extra = ovh["samples"], ovh["extra"]
        r = ratio(per_task["module"], per_task["uri"])
        lines += ["## 3. Per-task overhead: one module task vs one `uri` GET task", "",
                  "Each task reads one policy by id (1 GET). Per-task cost = (playbook of %d tasks - playbook of "
                  "1 task) / %d, paired per round; the one-task playbooks are shown whole." % (1 + extra, extra), "",
                  "| workload | ours | baseline | ratio | requests sent | writes | goal | goal met |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- |",
                  "| cost of one more task | %s | %s | %s | 1 / 1 | 0 / 0 | <= 1.15x | %s |" % (
                      fmt_s(per_task["module"]), fmt_s(per_task["uri"]), fmt_ratio(r),
                      yes_no(r <= 1.15 if r is not None else None)),
                  "| playbook of one task (start-up included) | %s | %s | %s | 1 / 1 | 0 / 0 | (none) | - |" % (
                      fmt_s(med(s["module"][1])), fmt_s(med(s["uri"][1])), fmt_ratio(ratio(med(s["module"][1]), med(s["uri"][1])))),
                  "| empty playbook (start-up alone) | %s | | | 0 | 0 | | |" % fmt_s(per_task["empty"]), ""]
        if r is not None and r > 1.15:
            lines += ["What limits it: a collection module ships `module_utils` (rest, errors, compare, resource...) "
                      "and `requests` is imported in the module process; `uri` uses ansible-core's bundled "
                      "`urllib` code. Per-task times under load are noisy (see the load average above).", ""]
        chart["3. per-task cost (s)"] = [("module", per_task["module"], None), ("uri", per_task["uri"], None)]

    aud = res.get("audit_info")
    if aud:
        s = aud["samples"]
        m = dict((k, dict((f, med(v)) for f, v in s[k].items())) for k in s)
        lines += ["## 4. Reading %d audit records: `nccm_account_audit_info` vs a plain `requests` loop" % aud["count"], "",
                  "Peak memory: the largest process of the run's tree (`ru_maxrss` from `wait4`: for a playbook, "
                  "the controller, its worker or the module process, whichever peaked highest).", "",
                  "| workload | ours | baseline | ratio | requests sent | writes | peak memory (ours / baseline) | goal met |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- |",
                  "| every record returned to Ansible / kept in a list | %s | %s | %s | %s / %s | 0 / 0 | %.0f MiB / %.0f MiB | - |" % (
                      fmt_s(m["ours_all"]["wall"]), fmt_s(m["req_keep"]["wall"]),
                      fmt_ratio(ratio(m["ours_all"]["wall"], m["req_keep"]["wall"])),
                      _int(m["ours_all"]["requests"]), _int(m["req_keep"]["requests"]), m["ours_all"]["rss"], m["req_keep"]["rss"]),
                  "| none returned (a filter that matches none) / counted only | %s | %s | %s | %s / %s | 0 / 0 | %.0f MiB / %.0f MiB | - |" % (
                      fmt_s(m["ours_none"]["wall"]), fmt_s(m["req_count"]["wall"]),
                      fmt_ratio(ratio(m["ours_none"]["wall"], m["req_count"]["wall"])),
                      _int(m["ours_none"]["requests"]), _int(m["req_count"]["requests"]), m["ours_none"]["rss"], m["req_count"]["rss"]),
                  "", "The module runs inside `ansible-playbook` (start-up and result handling included); the "
                  "baseline is a bare Python process, so the ratio is mostly Ansible's own cost. Returning the "
                  "records costs the difference between the two module rows (%s, and the memory)." % fmt_s(
                      (m["ours_all"]["wall"] or 0) - (m["ours_none"]["wall"] or 0)), ""]
        chart["4. %d audit records (s)" % aud["count"]] = [
            ("module all", m["ours_all"]["wall"], None), ("module none", m["ours_none"]["wall"], None),
            ("requests keep", m["req_keep"]["wall"], None), ("requests count", m["req_count"]["wall"], None)]

    push = res.get("push")
    if push:
        meas, comp = push["measured"], push["computed"]
        lines += ["## 5. A %d s push job (`cmc_push_job`, default intervals)" % push["seconds"], "",
                  "Default `poll_interval` %.0f s, growing by half up to `max_poll_interval` %.0f s. Measured: one "
                  "real run (the job is Queued 1 s, then InProgress); computed: `waiting.wait_for` of the tree "
                  "under a fake clock." % (comp["interval"], comp["max_interval"]), "",
                  "| workload | ours | baseline | ratio | requests sent | writes | polls | end of job -> last poll | end of job -> task end |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
        if meas:
            lines.append("| %d s job, measured (one run) | %s | - | - | %d | %d (the submit) | %d | %s | %s |" % (
                push["seconds"], fmt_s(meas["wall"]), meas["requests"], meas["writes"], meas["polls"],
                fmt_s(meas["seen_after"]), fmt_s(meas["task_end_after"])))
        for row in comp["rows"]:
            lines.append("| %s, computed | - | - | - | - | - | %s | %s | - |" % (
                row["label"], ("%.1f" % row["polls"]) if isinstance(row["polls"], float) else row["polls"],
                fmt_s(row["delay"])))
        lines += ["", "The end of a job is seen within the interval in force (up to %.0f s after the job ends once "
                  "the interval has grown); lower `max_poll_interval` for a shorter delay at the cost of more polls."
                  % comp["max_interval"], ""]
        chart["5. push job: delay after its end (s)"] = [(r["label"].replace(" job", ""), r["delay"], None)
                                                         for r in comp["rows"]]

    hcs = res.get("hcs_users")
    if hcs:
        lines += ["## 6. %d HCS admin users: one `hcs_admin_users` task vs `hcs_admin_user` in a loop "
                  "(transactions of 0.5 s)" % hcs["count"], "",
                  "| workload | ours | baseline | ratio | requests sent | writes | goal | goal met |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- |"]
        if hcs.get("missing"):
            lines.append("| create %d users | not measured: %s not built yet | | | | | <= 1/5 | - |" % (
                hcs["count"], " and ".join(hcs["missing"])))
        else:
            s = hcs["samples"]
            m = dict((k, dict((f, med(v)) for f, v in s[k].items())) for k in s)
            r = ratio(m["ours"]["wall"], m["loop"]["wall"])
            lines.append("| create %d users | %s | %s | %s | %s / %s | %s / %s | <= 1/5 | %s |" % (
                hcs["count"], fmt_s(m["ours"]["wall"]), fmt_s(m["loop"]["wall"]), fmt_ratio(r),
                _int(m["ours"]["requests"]), _int(m["loop"]["requests"]), _int(m["ours"]["writes"]),
                _int(m["loop"]["writes"]), yes_no(r <= 0.2 if r is not None else None)))
            chart["6. %d HCS users (s)" % hcs["count"]] = [
                ("one task", m["ours"]["wall"], None), ("loop", m["loop"]["wall"], None)]
        lines.append("")

    pur = res.get("purge")
    if pur:
        s = pur["samples"]
        m = dict((k, dict((f, med(v)) for f, v in s[k].items())) for k in s)
        r = ratio(m["ours"]["wall"], m["req"]["wall"])
        lines += ["## 7. Purge of %d audit records, export included" % pur["count"], "",
                  "Baseline: a plain `requests` script that reads the pages, writes the export, then deletes one "
                  "record after another. Ours: `nccm_account_audit_purge` (default `max_in_flight` 4), in a playbook.", "",
                  "| workload | ours | baseline | ratio | requests sent | writes | goal | goal met |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- |",
                  "| export + delete %d records | %s | %s | %s | %s / %s | %s / %s | < 60 s | %s |" % (
                      pur["count"], fmt_s(m["ours"]["wall"]), fmt_s(m["req"]["wall"]), fmt_ratio(r),
                      _int(m["ours"]["requests"]), _int(m["req"]["requests"]), _int(m["ours"]["writes"]),
                      _int(m["req"]["writes"]), yes_no(m["ours"]["wall"] < 60 if m["ours"]["wall"] is not None else None)),
                  "| the same through the `audit_retention` role | %s | %s | %s | %s / %s | %s / %s | < 60 s | %s |" % (
                      fmt_s(m["role"]["wall"]), fmt_s(m["req"]["wall"]), fmt_ratio(ratio(m["role"]["wall"], m["req"]["wall"])),
                      _int(m["role"]["requests"]), _int(m["req"]["requests"]), _int(m["role"]["writes"]),
                      _int(m["req"]["writes"]), yes_no(m["role"]["wall"] < 60 if m["role"]["wall"] is not None else None)),
                  "", "Against one loopback emulator (a threaded werkzeug server on %d cores) parallel deletes "
                  "share the server's CPU; the time is mostly the server's." % (os.cpu_count() or 0), ""]
        chart["7. purge %d records (s)" % pur["count"]] = [
            ("purge module", m["ours"]["wall"], None), ("audit_retention role", m["role"]["wall"], None),
            ("requests loop", m["req"]["wall"], None)]

    if bench.failures:
        lines += ["## Correctness failures", ""] + ["- " + f.splitlines()[0] for f in bench.failures] + [""]
    text = "\n".join(lines)
    if out_path:
        folder = os.path.dirname(os.path.abspath(out_path))
        os.makedirs(folder, exist_ok=True)
        png = os.path.splitext(out_path)[0] + ".png"
        text = text.replace("# Performance\n", "# Performance\n\n![the tables below as a chart](%s)\n" % os.path.basename(png), 1)
        with open(out_path, "w") as handle:
            handle.write(text)
        draw(chart, png)
        print("wrote %s and %s" % (out_path, png))
    return text


def _int(value):
    return "-" if value is None else "%d" % round(value)


def draw(chart, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    panels = [(title, rows) for title, rows in chart.items() if rows]
    cols = 3
    rows_n = max(1, math.ceil(len(panels) / float(cols)))
    fig, axes = plt.subplots(rows_n, cols, figsize=(16, 4.8 * rows_n), squeeze=False)
    for ax in axes.flat[len(panels):]:
        ax.axis("off")
    for ax, (title, rows) in zip(axes.flat, panels):
        labels = [r[0] for r in rows]
        first = [r[1] or 0 for r in rows]
        second = [r[2] for r in rows]
        x = list(range(len(rows)))
        if any(v is not None for v in second):
            width = 0.4
            names = ("requests", "floor") if title.startswith("2.") else ("create", "unchanged re-run")
            ax.bar([i - width / 2 for i in x], first, width, label=names[0])
            ax.bar([i + width / 2 for i in x], [v or 0 for v in second], width, label=names[1])
            ax.legend(fontsize=8)
        else:
            ax.bar(x, first)
        if title.startswith("2."):
            ax.set_yscale("log")
        ax.set_title(title, fontsize=10)
        ax.set_xticks(x)
        ax.set_xticklabels(labels, rotation=30, ha="right", fontsize=7)
        ax.grid(axis="y", alpha=0.3)
    fig.suptitle("ncm.platforms benchmark (medians; see docs/performance.md)")
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tree", help="the collection tree, .../ansible_collections/ncm/platforms")
    parser.add_argument("--runs", type=int, default=5, help="paired rounds per timed workload (default 5)")
    parser.add_argument("--short", action="store_true", help="small N, one run: correctness only")
    parser.add_argument("--out", help="markdown report to write (a .png chart beside it)")
    parser.add_argument("--only", help="comma-separated workload numbers to run (1-7), for development")
    args = parser.parse_args(argv)
    if not os.environ.get("EMULATOR_URL"):
        parser.error("EMULATOR_URL is not set: run under tools/with-emulator.sh")
    if not os.path.isdir(os.path.join(args.tree, "plugins", "modules")):
        parser.error("%s is not a collection tree (no plugins/modules)" % args.tree)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    bench = Bench(args)
    if args.only:
        steps = [bench.workload_policies, bench.workload_requests, bench.workload_overhead, bench.workload_audit_info,
                 bench.workload_push, bench.workload_hcs_users, bench.workload_purge]
        chosen = [steps[int(n) - 1] for n in args.only.split(",")]
        bench.results["started"] = datetime.datetime.now(datetime.timezone.utc)
        bench.results["load_before"] = os.getloadavg()
        started = time.time()
        for step in chosen:
            try:
                step()
            except Failure as exc:
                bench.fail("%s: %s" % (step.__name__, exc))
        bench.results["load_after"] = os.getloadavg()
        bench.results["duration"] = time.time() - started
    else:
        bench.run()
    text = report(bench, args.out)
    if not args.out:
        print(text)
    if bench.failures:
        print("\nbench: %d correctness failure(s):" % len(bench.failures), file=sys.stderr)
        for failure in bench.failures:
            print("- " + failure.splitlines()[0], file=sys.stderr)
        return 1
    print("bench: every correctness check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
