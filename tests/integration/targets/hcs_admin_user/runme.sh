#!/usr/bin/env bash
# Runs playbook.yml (every behaviour of hcs_admin_user against the emulator) at the highest
# verbosity with --diff, then fails if a secret of the tests (the user passwords of
# secrets.yml, the API credentials, every other marker value) appears anywhere in what
# ansible-playbook printed, in any encoding: tools/scan-secrets.py, which
# integration_config.yml names (tools/with-emulator.sh).
set -eu

# shellcheck source=tests/integration/targets/setup_emulator/config.sh
. ../setup_emulator/config.sh
emulator_python=$(config_value emulator_python)
secret_scanner=$(config_value secret_scanner)
collection_tree=$(config_value collection_tree)

out=$(mktemp)
trap 'rm -f "$out"' EXIT

status=0
ANSIBLE_NOCOLOR=1 ANSIBLE_ROLES_PATH=.. ansible-playbook playbook.yml -i localhost, -e @"$config" \
    -vvvv --diff "$@" >"$out" 2>&1 || status=$?
# The whole output, also for the scan of every target's output (tools/run-scanned.sh).
cat "$out"
if [ "$status" -ne 0 ]; then
    echo "playbook.yml failed (exit $status)" >&2
    exit 1
fi

# The run must have handled passwords (masked) for the scan to mean anything.
"$emulator_python" "$secret_scanner" --require '********' --require VALUE_SPECIFIED_IN_NO_LOG_PARAMETER "$collection_tree" "$out"
echo "hcs_admin_user passed; no secret in $(wc -l <"$out") lines of -vvvv --diff output"
