"""Workload 5: a push job: the polls, and the delay between the job's end and the task's end;
measured once for real, then computed for other lengths with the collection's own `wait_for`
(plugins/module_utils/waiting.py) under a fake clock, with cmc_push_job's default intervals."""

import re
import statistics
import sys
import time

from emulator_admin import writes_of


def workload_push(bench):
    seconds = 3 if bench.args.short else 60
    print("5. a %d s push job" % seconds, flush=True)
    measured = measure_push(bench, seconds)
    computed = push_computed(bench.collections, seconds)
    bench.results["push"] = dict(seconds=seconds, measured=measured, computed=computed)


def measure_push(bench, seconds):
    """One real run of a job Queued 1 s, then InProgress: what the emulator's log saw."""
    script = {"queued_seconds": 1, "running_seconds": seconds - 1, "failures": [], "pre_push_error": None}
    bench.emu.reset({"scc_push_script": script})
    started = time.time()
    run = bench.playbook("push_job.yml", {}, "cmc_push_job, %d s job" % seconds)
    ended = time.time()
    jobs = bench.emu.collection("scc_jobs")
    bench.expect("push job: jobs submitted", len(jobs), 1)
    entries = bench.emu.log()
    polls = [e for e in entries if e["method"] == "GET" and "/jobs/items/" in e["path"]]
    writes = writes_of(entries)
    bench.expect("push job: writes (the submit)", len(writes), 1)
    if not (jobs and polls):
        return {}
    created = jobs[0].get("creation_time")
    submit = [e for e in entries if e["method"] == "POST" and e["path"].endswith("/jobs")]
    job_end = (float(created) if isinstance(created, (int, float)) else submit[0]["time"]) + seconds
    # the log's "time" is epoch seconds (real); so is the job's creation_time while the clock is not moved
    measured = dict(polls=len(polls), seen_after=polls[-1]["time"] - job_end, task_end_after=ended - job_end,
                    wall=run.wall, started=started, requests=len(entries), writes=len(writes))
    match = re.search(r"BENCH elapsed=([\d.]+) status=(\w+)", run.output)
    measured["elapsed"] = float(match.group(1)) if match else None
    bench.expect("push job: final status", match.group(2) if match else None, "Success")
    return measured


def push_computed(collections, seconds):
    """wait_for (module_utils/waiting.py) under a fake clock, with cmc_push_job's default intervals."""
    sys.path.insert(0, collections)
    try:
        import yaml
        from ansible_collections.ncm.platforms.plugins.module_utils import waiting
        from ansible_collections.ncm.platforms.plugins.modules import cmc_push_job
        options = yaml.safe_load(cmc_push_job.DOCUMENTATION)["options"]
        timing = dict(timeout=float(options["wait_timeout"]["default"]),
                      interval=float(options["poll_interval"]["default"]),
                      max_interval=float(options["max_poll_interval"]["default"]))
    finally:
        sys.path.remove(collections)
    out = {"interval": timing["interval"], "max_interval": timing["max_interval"], "rows": []}
    for length in sorted(set([seconds, 60, 90, 600])):
        polls, delay = simulate(waiting.wait_for, timing, length)
        out["rows"].append(dict(job_seconds=length, polls=polls, delay=delay, label="%d s job" % length))
    spread = [simulate(waiting.wait_for, timing, length) for length in range(1, 1801)]
    out["rows"].append(dict(job_seconds=0, polls=max(p for p, dummy_delay in spread), delay=max(d for dummy_polls, d in spread),
                            label="jobs of 1..1800 s, worst"))
    out["rows"].append(dict(job_seconds=0, polls=statistics.mean(p for p, dummy_delay in spread),
                            delay=statistics.mean(d for dummy_polls, d in spread), label="jobs of 1..1800 s, mean"))
    return out


def simulate(wait_for, timing, length):
    """(polls, delay after the job's end) of waiting for a job of `length` seconds, on a fake clock."""
    now = [0.0]

    def poll():
        return "Success" if now[0] >= length else "InProgress"

    def sleep(delay):
        now[0] += delay
    result = wait_for(poll, lambda state: state == "Success", timing["timeout"], interval=timing["interval"],
                      max_interval=timing["max_interval"], clock=lambda: now[0], sleep=sleep, state="Queued")
    return result.polls, result.elapsed - length
