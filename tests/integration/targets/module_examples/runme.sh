#!/usr/bin/env bash
# Every module's EXAMPLES, run against the emulator (issue 13, "Every EXAMPLES block runs"):
# run_examples.py reads the EXAMPLES of each module in plugins/modules, turns them into one
# playbook (plan.yml: what to seed, which tasks run in check mode, what to check after a
# task), runs it, and fails if a module has no EXAMPLES or an example task did not run or failed.
set -eu

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}" run_examples.py "$work" "$@"
