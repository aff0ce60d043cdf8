"""Workload 7: the purge of many audit records, export included: `nccm_account_audit_purge`, the
`audit_retention` role, and a plain `requests` script (requests_baseline.py purge)."""

import datetime
import json
import os

from bench_runner import REQUESTS_BASELINE
from seed_data import seed_audit

VARIANTS = [("ours", "nccm_account_audit_purge"), ("role", "audit_retention role"),
            ("req", "requests loop, sequential deletes")]
KEEP = 10  # records newer than the cut-off, which every variant must leave
CUTOFF = "2025-01-01T00:00:00.000Z"


def workload_purge(bench):
    count = 1000 if bench.args.short else 10000
    print("7. purge of %d audit records with export" % count, flush=True)
    samples = dict((key, {"wall": [], "requests": [], "writes": []}) for key, dummy_label in VARIANTS)
    export = os.path.join(bench.work, "audit-export.json")
    # the role takes a number of days: the whole days since the cut-off (records kept are newer)
    days = (datetime.datetime.now(datetime.timezone.utc)
            - datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc)).days
    for round_no in range(bench.rounds()):
        for key, label in bench.rotate(VARIANTS, round_no):
            bench.emu.reset()
            seed_audit(bench.emu, count)
            seed_audit(bench.emu, KEEP, created="2025-06-01T00:00:00.000Z")
            if os.path.exists(export):
                os.unlink(export)
            run = purge(bench, key, label, export, count, days)
            sent, writes = bench.emu.counts()
            bench.expect(label + ": deletes", writes, count)
            bench.expect(label + ": records left", len(bench.emu.collection("infraon_audit")), KEEP)
            check_export(bench, label, count, export)
            samples[key]["wall"].append(run.wall)
            samples[key]["requests"].append(sent)
            samples[key]["writes"].append(writes)
    bench.results["purge"] = dict(count=count, samples=samples)


def purge(bench, key, label, export, count, days):
    """One variant's run: a playbook or the baseline script."""
    if key == "ours":
        return bench.playbook("audit_purge.yml", {"cutoff": CUTOFF, "export_path": export,
                                                  "expected_count": count}, label)
    if key == "role":
        return bench.playbook("audit_retention.yml", {"days": days, "export_path": export}, label)
    return bench.python_script([REQUESTS_BASELINE, "purge", CUTOFF, export], label)


def check_export(bench, label, count, export):
    """The export holds every purged record, and only its owner can read it."""
    try:
        with open(export) as handle:
            exported = json.load(handle)
        bench.expect(label + ": records exported", len(exported.get("records", [])), count)
        bench.expect(label + ": export file mode", oct(os.stat(export).st_mode & 0o777), oct(0o600))
    except (OSError, ValueError) as exc:
        bench.fail("%s: export file: %s" % (label, exc))
