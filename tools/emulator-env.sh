#!/usr/bin/env bash
# Print the `export` lines that point the modules' environment fallbacks (and the tests) at an
# emulator serving on URL, with the emulator's own credentials (docs/CONTRACTS.md).
#   tools/emulator-env.sh URL
set -euo pipefail
url=${1:?usage: tools/emulator-env.sh URL}
cat <<LINES
export EMULATOR_URL=$url
export INFRAON_URL=$url INFRAON_API_KEY=emulator-infraon-key
export SCC_URL=$url SCC_ACCESS_CODE=emulator-access-code
export VOSS_URL=$url VOSS_USERNAME=hcsadmin@sys.hcs VOSS_PASSWORD=emulator-password
LINES
