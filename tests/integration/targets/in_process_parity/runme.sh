#!/usr/bin/env bash
# The differential test of the two execution paths (plugin_utils/in_process.py): playbook.yml
# runs once with ncm_platforms_in_process=false (every task runs as a module) and once as it
# is (every task runs in the worker process), each time on a freshly reset emulator, at -vvv;
# each run's -vvv lines must say the path every task took, and compare.py must find the two
# sets of registered results equal (every key, changed, diff, warnings, failure messages).
# Both outputs are printed, for the scan of every target's output (tools/run-scanned.sh).
set -eu

# shellcheck source=tests/integration/targets/setup_emulator/config.sh
. ../setup_emulator/config.sh
emulator_python=$(config_value emulator_python)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cases=21  # the 20 tasks of cases.yml, and the server error

run() {  # run NAME SWITCH: the playbook through one path; results in $work/NAME.json
    local status=0
    ANSIBLE_NOCOLOR=1 ANSIBLE_ROLES_PATH=.. ansible-playbook playbook.yml -i localhost, -e @"$config" \
        -e parity_out="$work/$1.json" -e ncm_platforms_in_process="$2" -vvv "${@:3}" >"$work/$1.out" 2>&1 || status=$?
    cat "$work/$1.out"
    [ "$status" -eq 0 ] || { echo "the $1 run failed (exit $status)" >&2; exit 1; }
}

run module false "$@"
run in_process true "$@"

# Every module task took the path its run asked for, and said so at -vvv.
module_lines=$(grep -c "^ncm\.platforms\.[a-z_]* runs as a module: ncm_platforms_in_process is false" "$work/module.out" || true)
worker_lines=$(grep -c "^ncm\.platforms\.[a-z_]* runs in the controller's worker process" "$work/in_process.out" || true)
stray=$(grep -c "runs as a module" "$work/in_process.out" || true)
echo "module run: $module_lines tasks ran as modules; in-process run: $worker_lines in the worker, $stray as modules"
[ "$module_lines" -ge "$cases" ] && [ "$worker_lines" -ge "$cases" ] && [ "$stray" -eq 0 ] || {
    echo "a task did not take the path its run asked for" >&2; exit 1; }

"$emulator_python" compare.py "$work/module.json" "$work/in_process.json" "$cases"
