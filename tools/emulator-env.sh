#!/usr/bin/env bash
# Print the `export` lines that point the modules' environment fallbacks (and the tests) at an
# emulator serving on URL, with the emulator's own credentials (docs/CONTRACTS.md), or those
# in EMULATOR_INFRAON_API_KEY, EMULATOR_SCC_ACCESS_CODE, EMULATOR_VOSS_USERNAME and
# EMULATOR_VOSS_PASSWORD when set (tools/with-emulator.sh: the marker values of the tests).
#   tools/emulator-env.sh URL
set -euo pipefail
url=${1:?usage: tools/emulator-env.sh URL}
printf 'export EMULATOR_URL=%q\n' "$url"
printf 'export INFRAON_URL=%q INFRAON_API_KEY=%q\n' "$url" "${EMULATOR_INFRAON_API_KEY:-emulator-infraon-key}"
printf 'export SCC_URL=%q SCC_ACCESS_CODE=%q\n' "$url" "${EMULATOR_SCC_ACCESS_CODE:-emulator-access-code}"
printf 'export VOSS_URL=%q VOSS_USERNAME=%q VOSS_PASSWORD=%q\n' "$url" \
  "${EMULATOR_VOSS_USERNAME:-hcsadmin@sys.hcs}" "${EMULATOR_VOSS_PASSWORD:-emulator-password}"
