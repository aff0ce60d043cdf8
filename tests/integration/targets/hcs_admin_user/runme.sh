#!/usr/bin/env bash
# Runs playbook.yml (every behaviour of hcs_admin_user against the emulator) at the highest
# verbosity with --diff, then fails if any password appears anywhere in what
# ansible-playbook printed.
set -eu

out=$(mktemp)
trap 'rm -f "$out"' EXIT

status=0
ANSIBLE_NOCOLOR=1 ANSIBLE_ROLES_PATH=.. ansible-playbook playbook.yml -i localhost, -e @../../integration_config.yml \
    -vvvv --diff "$@" >"$out" 2>&1 || status=$?
# The whole output, also for the scan of every target's output (tools/run-scanned.sh).
cat "$out"
if [ "$status" -ne 0 ]; then
    echo "playbook.yml failed (exit $status)" >&2
    exit 1
fi

# The user passwords of this target and the API credentials from integration_config.yml.
secrets=$(sed -n 's/^[a-z_]*password: *//p' secrets.yml ../../integration_config.yml | sort -u)
[ "$(printf '%s\n' "$secrets" | wc -l)" -ge 5 ] || { echo "too few secrets read: $(printf '%s\n' "$secrets" | wc -l)" >&2; exit 1; }

leaked=0
while IFS= read -r secret; do
    if grep -qF -- "$secret" "$out"; then
        echo "LEAK: a password appears in the output:" >&2
        grep -nF -- "$secret" "$out" | head -5 | while IFS= read -r line; do
            printf '%s\n' "${line//"$secret"/<the secret>}"
        done >&2
        leaked=1
    fi
done <<<"$secrets"

# The run must have handled passwords for the check to mean anything.
grep -qF '********' "$out" || { echo "no masked password in the output" >&2; exit 1; }
grep -qF 'VALUE_SPECIFIED_IN_NO_LOG_PARAMETER' "$out" || { echo "no no_log parameter in the output" >&2; exit 1; }

[ "$leaked" -eq 0 ] || exit 1
echo "hcs_admin_user passed; no password in $(wc -l <"$out") lines of -vvvv --diff output"
