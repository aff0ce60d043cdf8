"""Workload 5: a push job: the polls, and the delay between the job's end and the task's end;
measured once for real, then computed for other lengths, and for VOSS transactions, with the
collection's own `wait_for` under a fake clock (wait_schedules.py)."""

import re
import time

from emulator_admin import writes_of
from wait_schedules import computed


def workload_push(bench):
    seconds = 3 if bench.args.short else 60
    print("5. a %d s push job" % seconds, flush=True)
    measured = measure_push(bench, seconds)
    bench.results["push"] = dict(seconds=seconds, measured=measured, computed=computed(bench.collections, seconds))


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
