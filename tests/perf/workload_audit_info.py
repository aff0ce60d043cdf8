"""Workload 4: reading many audit records: `nccm_account_audit_info` (every record returned, or
none) vs a plain `requests` loop (requests_baseline.py read: records kept, or counted only)."""

from bench_runner import REQUESTS_BASELINE
from seed_data import seed_audit

VARIANTS = [("ours_all", "module, every record returned"), ("ours_none", "module, none returned"),
            ("req_keep", "requests loop, every record kept"), ("req_count", "requests loop, counted only")]


def workload_audit_info(bench):
    count = 1000 if bench.args.short else 10000
    print("4. reading %d audit records" % count, flush=True)
    samples = dict((key, {"wall": [], "rss": [], "requests": []}) for key, dummy_label in VARIANTS)
    bench.emu.reset()
    seed_audit(bench.emu, count)
    for round_no in range(bench.rounds()):
        for key, label in bench.rotate(VARIANTS, round_no):
            bench.emu.clear_log()
            run = read_records(bench, key, label, count)
            sent, writes = bench.emu.counts()
            bench.expect(label + ": writes", writes, 0)
            samples[key]["wall"].append(run.wall)
            samples[key]["rss"].append(run.maxrss_kb / 1024.0)
            samples[key]["requests"].append(sent)
    bench.results["audit_info"] = dict(count=count, variants=VARIANTS, samples=samples)


def read_records(bench, key, label, count):
    """One variant's run (a playbook or the baseline script), its record count checked."""
    if key == "ours_all":
        return bench.playbook("audit_info.yml", {"audit_filters": None, "expected_count": count}, label)
    if key == "ours_none":
        return bench.playbook("audit_info.yml", {"audit_filters": {"organization": "nobody"},
                                                 "expected_count": 0}, label)
    run = bench.python_script([REQUESTS_BASELINE, "read", "--keep" if key == "req_keep" else "--count"], label)
    bench.expect(label + ": records read", run.output.strip().splitlines()[-1:], ["count=%d" % count])
    return run
