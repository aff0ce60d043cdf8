#!/usr/bin/env bash
# Serves a second emulator over HTTPS with a CA of its own (made at start-up by trustme),
# then runs playbook.yml against it: for every platform, certificates checked without
# api.ca_path fail naming the fix, with the CA in api.ca_path they pass, and
# validate_certs: false passes with exactly one warning; a wrong CA in api.ca_path fails.
# The emulator is stopped and its folder removed however the run ends.
set -eu

# shellcheck source=tests/integration/targets/setup_emulator/config.sh
. ../setup_emulator/config.sh
emulator_python=$(config_value emulator_python)
emulator_source=$(config_value emulator_source)
emulator_lib=$(config_value emulator_lib)
# the credentials of integration_config.yml (marker values, tests/integration/README.md), if not the defaults
emulator_config=$(sed -n 's/^emulator_config: *//p' "$config")
# shellcheck source=tools/emulator-lib.sh
. "$emulator_lib"

work=$(mktemp -d)
cleanup() {
    emulator_stop
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' INT TERM

emulator_start "$emulator_python" "$emulator_source" "$work" ${emulator_config:+--config "$emulator_config"} --tls-dir "$work/tls" || exit 1
[ -s "$work/tls/ca.pem" ] || { echo "the HTTPS emulator wrote no CA file" >&2; exit 1; }

# A CA that did not sign the emulator's certificate, for the wrong-CA case.
"$emulator_python" -c 'import sys, trustme; trustme.CA().cert_pem.write_to_path(sys.argv[1])' "$work/other-ca.pem"

ANSIBLE_NOCOLOR=1 ansible-playbook playbook.yml -i localhost, -e @"$config" \
    -e tls_url="https://127.0.0.1:$(cat "$work/port")" -e tls_ca="$work/tls/ca.pem" \
    -e tls_other_ca="$work/other-ca.pem" "$@"
