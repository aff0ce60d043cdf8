#!/usr/bin/env bash
# Run a command while the local emulator (tests/emulator, docs/CONTRACTS.md) is serving.
#
#   tools/with-emulator.sh PYTHON STATE_DIR COLLECTION_TREE -- COMMAND [ARG...]
#
# Starts `python -m ncm_emulator --host 127.0.0.1 --port 0 --port-file ...` with a fresh
# state, waits for the port file, writes COLLECTION_TREE/tests/integration/integration_config.yml,
# exports EMULATOR_URL and the platforms' *_URL and credential variables (the modules' env
# fallbacks), runs COMMAND, and always stops the emulator afterwards. Exit status: COMMAND's.
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
port_file="$state_dir/port"
log="$state_dir/emulator.log"

PYTHONPATH="$top/tests/emulator" "$python" -m ncm_emulator \
  --host 127.0.0.1 --port 0 --port-file "$port_file" >"$log" 2>&1 &
pid=$!

stop_emulator() {
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}
trap stop_emulator EXIT
trap 'exit 143' INT TERM

for _ in $(seq 1 300); do
  [ -s "$port_file" ] && break
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "with-emulator: the emulator exited before it was listening; its log ($log):" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
  sleep 0.1
done
if [ ! -s "$port_file" ]; then
  echo "with-emulator: no port file after 30 s; the emulator's log ($log):" >&2
  tail -n 40 "$log" >&2
  exit 1
fi

port=$(cat "$port_file")
url="http://127.0.0.1:$port"
echo "emulator: $url (pid $pid, log $log)"

eval "$("$here/emulator-env.sh" "$url")"

mkdir -p "$tree/tests/integration"
cat > "$tree/tests/integration/integration_config.yml" <<YAML
---
# Written by tools/with-emulator.sh for this run; the emulator's default credentials (docs/CONTRACTS.md).
emulator_url: $url
infraon_api_key: emulator-infraon-key
infraon_username: emulator
infraon_password: emulator-password
scc_access_code: emulator-access-code
scc_username: admin
scc_password: emulator-password
voss_username: hcsadmin@sys.hcs
voss_password: emulator-password
YAML

set +e
"$@"
status=$?
set -e
stop_emulator
exit "$status"
