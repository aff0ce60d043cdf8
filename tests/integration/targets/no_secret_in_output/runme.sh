#!/usr/bin/env bash
# Runs playbook.yml (every way a secret reaches a module or comes back from a server) at
# the highest verbosity with --diff, then fails if any secret value appears anywhere in
# what ansible-playbook printed.
set -eu

out=$(mktemp)
tokens=$(mktemp)  # the SteelCentral bearer tokens the emulator issued, written by the playbook
trap 'rm -f "$out" "$tokens"' EXIT

status=0
ANSIBLE_NOCOLOR=1 ANSIBLE_ROLES_PATH=.. ansible-playbook playbook.yml -i localhost, -e @../../integration_config.yml \
    -e no_secret_tokens_file="$tokens" -vvvv --diff "$@" >"$out" 2>&1 || status=$?
# The whole output, also for the scan of every target's output (tools/run-scanned.sh).
cat "$out"
if [ "$status" -ne 0 ]; then
    echo "playbook.yml failed (exit $status)" >&2
    exit 1
fi

# The secrets of this target and the emulator's credentials from integration_config.yml.
secrets=$(sed -n 's/^[a-z_]*\(password\|api_key\|access_code\): *//p' secrets.yml ../../integration_config.yml)
[ "$(printf '%s\n' "$secrets" | wc -l)" -ge 11 ] || { echo "too few secrets read" >&2; exit 1; }
# The tokens: the access-code logins and the new token after the expiry during the wait.
[ "$(grep -c . "$tokens")" -ge 3 ] || { echo "fewer than 3 SteelCentral tokens issued: the playbook did not exercise them" >&2; exit 1; }
secrets=$(printf '%s\n%s\n' "$secrets" "$(grep . "$tokens")")

leaked=0
while IFS= read -r secret; do
    if grep -qF -- "$secret" "$out"; then
        echo "LEAK: a secret appears in the output:" >&2
        grep -nF -- "$secret" "$out" | head -5 | while IFS= read -r line; do
            printf '%s\n' "${line//"$secret"/<the secret>}"
        done >&2
        leaked=1
    fi
done <<<"$secrets"

# The run must have handled secrets for the check to mean anything.
grep -qF '********' "$out" || { echo "no masked secret in the output: the playbook did not exercise secrets" >&2; exit 1; }
grep -qF 'VALUE_SPECIFIED_IN_NO_LOG_PARAMETER' "$out" || { echo "no no_log parameter in the output" >&2; exit 1; }
grep -qF '"access_code": "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"' "$out" || { echo "no SteelCentral access code (masked) in the output" >&2; exit 1; }

[ "$leaked" -eq 0 ] || exit 1
echo "no secret in $(wc -l <"$out") lines of -vvvv --diff output"
