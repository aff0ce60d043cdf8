#!/usr/bin/env bash
# Twenty ansible-playbook processes at once against the one emulator (worker.yml -e worker=N):
# each owns some policies and users, and all declare the same shared ones (objects.yml) with
# the same values, through the single-object and the many-objects modules. Then the
# emulator's store (its admin API, never the workers' output) must hold every declared
# object once, in its declared state, nothing else changed; and the same twenty again must
# all succeed with changed=0 and send no write.
#
# The objects more than one worker declares present are seeded first: two runs that create
# one object at the same moment are left to the server (Infraon has no unique policyid: both
# are created, the documented twins, which fail the run that finds them; VOSS answers the
# second with a 409), and the Infraon modules' notes say to run the writers of a tenant one
# at a time for that. Updates and deletes of one object by many runs at once must converge.
set -eu

workers=20
config=../../integration_config.yml
# The Python that runs ansible-test (it has PyYAML); python3 outside ansible-test.
python=$(command -v python || command -v python3)
tmp=$(mktemp -d)
# The workers' output (-vvvv, integration.cfg) goes where tools/run-scanned.sh looks for
# secrets besides this script's own output: secret_scan_dir of integration_config.yml.
logs=$(sed -n 's/^secret_scan_dir: *//p' "$config")
logs=${logs:+$logs/concurrency}
logs=${logs:-$tmp}
mkdir -p "$logs"
pids=()

# Each worker runs under timeout(1), which is a process group of its own: on an early exit
# the whole group of every worker still running is stopped, and waited for.
cleanup() {
    local pid
    for pid in ${pids[@]+"${pids[@]}"}; do
        kill -TERM -- "-$pid" 2>/dev/null || true
    done
    for pid in ${pids[@]+"${pids[@]}"}; do
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 143' INT TERM

# Start-up of twenty controllers on few cores: local connection with pipelining, the
# interpreter given (worker.yml), no fact gathering, only the host-list inventory plugin.
export ANSIBLE_NOCOLOR=1 ANSIBLE_PIPELINING=1 ANSIBLE_INVENTORY_ENABLED=host_list

run_round() {
    local round=$1 n status
    pids=()
    for n in $(seq 1 "$workers"); do
        timeout 600 ansible-playbook worker.yml -i localhost, -e @"$config" -e worker="$n" "${@:2}" \
            </dev/null >"$logs/round$round-$(printf 'w%02d' "$n").log" 2>&1 &
        pids+=("$!")
    done
    for n in $(seq 1 "$workers"); do
        status=0
        wait "${pids[$((n - 1))]}" || status=$?
        echo "$status" >"$logs/round$round-$(printf 'w%02d' "$n").rc"
    done
    pids=()
}

"$python" store.py seed "$config" "$workers" "$tmp/before.json"

start=$SECONDS
run_round 1 "$@"
echo "round 1: $workers workers at once took $((SECONDS - start)) s"
"$python" store.py recap 1 "$workers" "$logs"
"$python" store.py check "$config" "$workers" "$tmp/before.json" "$tmp/after.json"

"$python" store.py clear-log "$config"
start=$SECONDS
run_round 2 "$@"
echo "round 2: $workers workers at once took $((SECONDS - start)) s"
"$python" store.py recap 2 "$workers" "$logs"
"$python" store.py unchanged "$config" "$tmp/after.json"
echo "concurrency passed"
