#!/usr/bin/env bash
# Run a command while the local emulator (tests/emulator, docs/CONTRACTS.md) is serving.
#
#   tools/with-emulator.sh PYTHON STATE_DIR COLLECTION_TREE -- COMMAND [ARG...]
#
# Starts `python tests/emulator --host 127.0.0.1 --port 0 --port-file ...` with a fresh
# state, waits for the port file, writes COLLECTION_TREE/tests/integration/integration_config.yml,
# exports EMULATOR_URL and the platforms' *_URL and credential variables (the modules' env
# fallbacks), runs COMMAND, and always stops the emulator afterwards. Exit status: COMMAND's.
#
# Credentials: the emulator's defaults; or, when NCM_SECRET_MARKERS names a JSON file (the
# integration tests and Molecule: tests/integration/secret-markers.json), its "emulator"
# section, which the emulator gets as --config, and integration_config.yml and the exports hold.
# integration_config.yml then also names that config (emulator_config, for a target that
# starts an emulator of its own) and a folder for output a target keeps out of its stdout
# (secret_scan_dir, STATE_DIR/scan: tools/run-scanned.sh scans it with the captured log).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
python=${1:?usage: tools/with-emulator.sh PYTHON STATE_DIR COLLECTION_TREE -- COMMAND...}
state_dir=${2:?usage}
tree=${3:?usage}
mkdir -p "$tree"
tree=$(cd "$tree" && pwd)
case $python in */*) python=$(cd "$(dirname "$python")" && pwd)/$(basename "$python") ;; esac
shift 3
[ "${1:-}" = "--" ] && shift
[ $# -gt 0 ] || { echo "with-emulator: no command" >&2; exit 2; }

rm -rf "$state_dir"
mkdir -p "$state_dir"
state_dir=$(cd "$state_dir" && pwd)
log="$state_dir/emulator.log"
# shellcheck source=tools/emulator-lib.sh
. "$here/emulator-lib.sh"

# the emulator's default credentials (docs/CONTRACTS.md), or the marker values
infraon_api_key=emulator-infraon-key infraon_username=emulator infraon_password=emulator-password
scc_access_code=emulator-access-code scc_username=admin scc_password=emulator-password
voss_username=hcsadmin@sys.hcs voss_password=emulator-password
config_args=()
emulator_config=
if [ -n "${NCM_SECRET_MARKERS:-}" ]; then
  emulator_config="$state_dir/emulator-config.json"
  # the "emulator" section as the emulator's --config; its values as shell assignments
  eval "$("$python" - "$NCM_SECRET_MARKERS" "$emulator_config" <<'PY'
import json, re, shlex, sys
with open(sys.argv[1], encoding="utf-8") as handle:
    section = json.load(handle)["emulator"]
with open(sys.argv[2], "w", encoding="utf-8") as handle:
    json.dump(section, handle)
for vendor, fields in sorted(section.items()):
    for field, value in sorted(fields.items()):
        if not isinstance(value, str):
            continue
        # plain YAML scalars in integration_config.yml, and read back by sed in runme.sh files
        if not re.match(r"^[A-Za-z0-9][A-Za-z0-9_+/=&%@~.-]*$", value):
            sys.exit("%s: emulator.%s.%s: use only A-Z a-z 0-9 _ + / = & %% @ ~ . - in a marker" % (sys.argv[1], vendor, field))
        print("%s_%s=%s" % (vendor, field, shlex.quote(value)))
PY
)"
  config_args=(--config "$emulator_config")
fi

trap emulator_stop EXIT
trap 'exit 143' INT TERM
emulator_start "$python" "$top/tests/emulator" "$state_dir" ${config_args[@]+"${config_args[@]}"} || exit 1

url="http://127.0.0.1:$(cat "$state_dir/port")"
echo "emulator: $url (pid $emulator_pid, log $log)"

# the modules' environment fallbacks (and the tests') point at it
export EMULATOR_URL=$url INFRAON_URL=$url INFRAON_API_KEY=$infraon_api_key SCC_URL=$url \
  SCC_ACCESS_CODE=$scc_access_code VOSS_URL=$url VOSS_USERNAME=$voss_username VOSS_PASSWORD=$voss_password

mkdir -p "$tree/tests/integration" "$state_dir/scan"
cat > "$tree/tests/integration/integration_config.yml" <<YAML
---
# Written by tools/with-emulator.sh for this run: the emulator's credentials (its defaults,
# docs/CONTRACTS.md, or the marker values of ${NCM_SECRET_MARKERS:-tests/integration/secret-markers.json}).
emulator_url: $url
infraon_api_key: $infraon_api_key
infraon_username: $infraon_username
infraon_password: $infraon_password
scc_access_code: $scc_access_code
scc_username: $scc_username
scc_password: $scc_password
voss_username: $voss_username
voss_password: $voss_password
# Where the tasks run: in the controller's worker process (true), or every task as a module
# (false: the module lane of make test, NCM_PLATFORMS_IN_PROCESS=false).
ncm_platforms_in_process: ${NCM_PLATFORMS_IN_PROCESS:-true}
# The emulator's --config file (empty: its defaults): give it to an emulator a target starts.
emulator_config: $emulator_config
# Output a target does not print (e.g. the logs of parallel runs) goes here: it is scanned
# for secrets with the captured log (tools/run-scanned.sh).
secret_scan_dir: $state_dir/scan
# How a target starts an emulator of its own (e.g. over HTTPS): this interpreter runs the
# folder emulator_source ("python tests/emulator", the __main__.py there).
emulator_python: $(command -v "$python")
emulator_source: $top/tests/emulator
# ... started and stopped with the functions of this file (tools/emulator-lib.sh)
emulator_lib: $here/emulator-lib.sh
# How a target scans output it captured for the secrets of the tests (ansible-test passes a
# runme.sh no environment of ours): emulator_python secret_scanner [--secrets FILE]
# [--require TEXT] collection_tree LOG
secret_scanner: $here/scan-secrets.py
collection_tree: $tree
YAML

set +e
"$@"
status=$?
set -e
emulator_stop
exit "$status"
