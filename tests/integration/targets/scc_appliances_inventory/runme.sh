#!/usr/bin/env bash
# The ncm.platforms.scc_appliances inventory against the emulator (issue 24):
# `ansible-inventory --list` and `--graph` (hosts, variables, default, keyed and composed
# groups), an access code vault-encrypted in the configuration, caching (a cached run sends
# no request; the emulator's request log says so) and a health change seen after a flush, a
# play that targets a group and pushes to its serials (and the push_config role given a
# group), bad configurations (each error names the key), and no secret in any output at -vvvv:
# everything is printed, then scanned (tools/scan-secrets.py).
set -eu

# shellcheck source=tests/integration/targets/setup_emulator/config.sh
. ../setup_emulator/config.sh
emulator_url=$(config_value emulator_url)
scc_access_code=$(config_value scc_access_code)
emulator_python=$(config_value emulator_python)
secret_scanner=$(config_value secret_scanner)
collection_tree=$(config_value collection_tree)

work=$(mktemp -d)
out="$work/output.log"
trap 'cat "$out"; rm -rf "$work"' EXIT
export ANSIBLE_NOCOLOR=1 ANSIBLE_ROLES_PATH=.. ANSIBLE_INVENTORY_UNPARSED_FAILED=true
fail() { echo "scc_appliances_inventory: $*" >&2; exit 1; }
log() { "$emulator_python" emulator.py "$emulator_url" "$@"; }

# The vault password is a secret of this test; the access code goes into the file encrypted.
printf '%s\n' 'NCMSECRET-scc_appliances_inventory-vault-5150' >"$work/vault-pass"
vault=(--vault-password-file "$work/vault-pass")
encrypted=$(printf '%s' "$scc_access_code" | ANSIBLE_VERBOSITY=0 ansible-vault encrypt_string "${vault[@]}" --stdin-name access_code 2>>"$out")
write_config() {  # write_config FILE [extra YAML lines...]: the emulator's api, the code encrypted
    local file=$1
    shift
    { printf 'plugin: ncm.platforms.scc_appliances\napi:\n  url: %s\n' "$emulator_url"
      printf '%s\n' "$encrypted" | sed 's/^/  /'
      printf '%s\n' "$@"; } >"$file"
}
write_config "$work/lab.scc_appliances.yml" 'cache: true' 'cache_plugin: ansible.builtin.jsonfile' \
    "cache_connection: $work/cache" 'keyed_groups: [{key: scc_time_zone, prefix: tz}]' \
    "compose: {scc_major_version: \"scc_version.version_number.split('.')[0]\"}"
write_config "$work/live.scc_appliances.yml"
inventory=(-i "$work/lab.scc_appliances.yml" "${vault[@]}")

ansible-playbook reset.yml -i localhost, -e @"$config" -vvvv >>"$out" 2>&1 || fail "reset.yml failed"

# --list: hosts, variables, groups; the answer is now cached
ansible-inventory "${inventory[@]}" --list --output "$work/list.json" -vvvv >>"$out" 2>&1 || fail "ansible-inventory --list failed"
"$emulator_python" check_list.py "$work/list.json" >>"$out" 2>&1 || fail "--list: $(tail -1 "$out")"
[ "$(log count)" -gt 0 ] || fail "the first --list sent no request"

# a play on a group pushes to its serials; push_config takes a group's hosts
ansible-playbook push.yml -i localhost, -i "$work/live.scc_appliances.yml" "${vault[@]}" -e @"$config" -vvvv >>"$out" 2>&1 \
    || fail "push.yml failed"

# caching: the cached inventory sends no request, whatever the Controller says meanwhile;
# a flush reads again (the health changes once that read has been answered)
log health XN10H0001A01 critical
log clear
ansible-inventory "${inventory[@]}" --graph scc_health_normal -vvvv >"$work/graph" 2>>"$out" || fail "--graph failed"
cat "$work/graph" >>"$out"
[ "$(log count)" -eq 0 ] || fail "the cached --graph sent $(log count) request(s)"
grep -q -- '--hq-london-sh1$' "$work/graph" || fail "--graph scc_health_normal lacks hq-london-sh1"
ansible-inventory "${inventory[@]}" --graph --flush-cache >>"$out" 2>&1 || fail "--graph --flush-cache failed"
[ "$(log count)" -gt 0 ] || fail "--flush-cache sent no request"
ansible-inventory "${inventory[@]}" --graph scc_health_critical --flush-cache >"$work/graph" 2>>"$out" || fail "--graph failed"
cat "$work/graph" >>"$out"
grep -q -- '--hq-london-sh1$' "$work/graph" || fail "after the health change, hq-london-sh1 is not in scc_health_critical"

# bad configurations: ansible-inventory fails, naming the key
bad() {  # bad "expected text" [YAML lines...] (never shown: they hold credentials)
    local expected=$1
    shift
    { echo 'plugin: ncm.platforms.scc_appliances'; printf '%s\n' "$@"; } >"$work/bad.scc_appliances.yml"
    if ansible-inventory -i "$work/bad.scc_appliances.yml" --list -vvvv >"$work/bad.log" 2>&1; then
        cat "$work/bad.log" >>"$out"
        fail "the bad configuration that must fail with '$expected' was accepted"
    fi
    cat "$work/bad.log" >>"$out"
    grep -qF -- "$expected" "$work/bad.log" || fail "a bad configuration's error does not say: $expected"
}
bad 'missing required arguments: url found in api' "api: {access_code: NCMSECRET-scc_appliances_inventory-code-2210}"
bad 'api.timeout must be more than 0' "api: {url: '$emulator_url', access_code: NCMSECRET-scc_appliances_inventory-code-2211, timeout: 0}"
bad 'api.colour' "api: {url: '$emulator_url', access_code: NCMSECRET-scc_appliances_inventory-code-2212, colour: red}"
bad "api.url $emulator_url/api ends in /api" "api: {url: '$emulator_url/api', access_code: NCMSECRET-scc_appliances_inventory-code-2213}"
bad 'filters.site is not a field' "api: {url: '$emulator_url', access_code: '$scc_access_code'}" 'filters: {site: 1}'
bad 'filters.health' "api: {url: '$emulator_url', access_code: '$scc_access_code'}" 'filters: {health: poor}'
bad 'api: no credentials' "api: {url: '$emulator_url'}"
bad 'HTTP 401' "api: {url: '$emulator_url', access_code: NCMSECRET-scc_appliances_inventory-wrong-8841}"

# no secret anywhere in what was printed (the module's own masking shows in the push play)
"$emulator_python" "$secret_scanner" --require VALUE_SPECIFIED_IN_NO_LOG_PARAMETER "$collection_tree" "$out" >"$work/scan" 2>&1 \
    || { cat "$work/scan" >>"$out"; fail "a secret was printed (see the scan above)"; }
cat "$work/scan" >>"$out"
echo "scc_appliances_inventory: all checks passed" >>"$out"
