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

The workloads are workload_*.py (what is timed and how), the report report*.py.
"""

import argparse
import os
import sys

from bench_runner import Bench
from report import report
from workload_audit_info import workload_audit_info
from workload_hcs_users import workload_hcs_users
from workload_overhead import workload_overhead
from workload_policies import workload_policies
from workload_purge import workload_purge
from workload_push import workload_push
from workload_requests import workload_requests

# workload n is WORKLOADS[n - 1] (--only n)
WORKLOADS = (workload_policies, workload_requests, workload_overhead, workload_audit_info, workload_push,
             workload_hcs_users, workload_purge)


def parse(argv):
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
    return args


def main(argv=None):
    args = parse(argv)
    bench = Bench(args)
    bench.run([WORKLOADS[int(n) - 1] for n in args.only.split(",")] if args.only else WORKLOADS)
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
