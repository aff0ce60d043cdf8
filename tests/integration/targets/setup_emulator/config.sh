# shellcheck shell=bash
# Sourced by a target's runme.sh (whose aliases list needs/target/setup_emulator):
# `name=$(config_value KEY)` reads KEY of ../../integration_config.yml, which
# tools/with-emulator.sh writes, and fails (set -e ends the script) naming a key it lacks.
config=../../integration_config.yml

config_value() {
    local value
    value=$(sed -n "s/^$1: *//p" "$config")
    if [ -z "$value" ]; then
        echo "$config has no $1: run the integration tests through tools/with-emulator.sh" >&2
        return 1
    fi
    printf '%s\n' "$value"
}
