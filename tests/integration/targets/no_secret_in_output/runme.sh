#!/usr/bin/env bash
# Runs playbook.yml (every way a secret reaches a module or comes back from a server) at
# the highest verbosity with --diff, then fails if a secret (those of secrets.yml, the
# emulator's credentials, every other marker value, and the SteelCentral tokens the emulator
# issued) appears anywhere in what ansible-playbook printed, in any encoding:
# tools/scan-secrets.py, which integration_config.yml names (tools/with-emulator.sh).
set -eu

# shellcheck source=tests/integration/targets/setup_emulator/config.sh
. ../setup_emulator/config.sh
emulator_python=$(config_value emulator_python)
secret_scanner=$(config_value secret_scanner)
collection_tree=$(config_value collection_tree)

out=$(mktemp)
tokens=$(mktemp)  # the SteelCentral bearer tokens the emulator issued, written by the playbook
trap 'rm -f "$out" "$tokens"' EXIT

status=0
ANSIBLE_NOCOLOR=1 ANSIBLE_ROLES_PATH=.. ansible-playbook playbook.yml -i localhost, -e @"$config" \
    -e no_secret_tokens_file="$tokens" -vvvv --diff "$@" >"$out" 2>&1 || status=$?
# The whole output, also for the scan of every target's output (tools/run-scanned.sh).
cat "$out"
if [ "$status" -ne 0 ]; then
    echo "playbook.yml failed (exit $status)" >&2
    exit 1
fi

# The tokens: the access-code logins and the new token after the expiry during the wait.
[ "$(grep -c . "$tokens")" -ge 3 ] || { echo "fewer than 3 SteelCentral tokens issued: the playbook did not exercise them" >&2; exit 1; }

# The run must have handled secrets (masked), the SteelCentral access code among them, for the
# scan to mean anything.
"$emulator_python" "$secret_scanner" --secrets "$tokens" --require '********' --require VALUE_SPECIFIED_IN_NO_LOG_PARAMETER \
    --require '"access_code": "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"' "$collection_tree" "$out"
echo "no secret in $(wc -l <"$out") lines of -vvvv --diff output"
