#!/usr/bin/env bash
# Run COMMAND with its whole output in LOG, then scan LOG (and the secret_scan_dir named in
# TREE/tests/integration/integration_config.yml) for the secrets of the tests with
# tools/scan-secrets.py (issue 14, "Secrets everywhere"). Used under tools/with-emulator.sh
# (NCM_SECRET_MARKERS set) by the integration sessions (noxfile.py) and tools/run-molecule.sh.
#
#   tools/run-scanned.sh PYTHON TREE LOG -- COMMAND [ARG...]
#
# The console shows only the progress lines of LOG (targets, plays' recaps, errors); when
# COMMAND fails, also its failed tasks (the last few, not those ignored) and the end of LOG;
# all of it with the secrets of the tests replaced by placeholders (scan-secrets.py --redact).
# The scan runs whatever COMMAND's status: a failure path must not leak either. Exit status:
# COMMAND's when it failed, else the scanner's.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
python=${1:?usage: tools/run-scanned.sh PYTHON TREE LOG -- COMMAND...}
tree=${2:?usage}
log=${3:?usage}
shift 3
[ "${1:-}" = "--" ] && shift
[ $# -gt 0 ] || { echo "run-scanned: no command" >&2; exit 2; }

mkdir -p "$(dirname "$log")"
: >"$log"
log=$(cd "$(dirname "$log")" && pwd)/$(basename "$log")

# What the console shows of the output (ansible-test, ansible-playbook, molecule), with every
# secret of the tests replaced by a placeholder.
redact=("$python" -u "$here/scan-secrets.py" --redact "$tree")
progress='^(Running [^ ]+ integration test|PLAY RECAP|[a-z][a-z0-9_.-]* +: ok=|ERROR|FATAL|WARNING: [^[]|NOTICE|INFO +[^ ]|CRITICAL)'

set +e
"$@" 2>&1 | tee "$log" | grep --line-buffered -E "$progress" | "${redact[@]}"
statuses=("${PIPESTATUS[@]}")
set -e
status=${statuses[0]}

if [ "$status" -ne 0 ]; then
  # Each failed task's result (ansible prints it as "fatal: [host]: FAILED! => {" and indented
  # lines up to a closing "}"), unless "...ignoring" follows; the last three of them.
  printf '\n----- failed tasks (the last 3; the whole output is in %s) -----\n' "$log"
  awk '
    function flush(ignored) {
      if (block != "" && !ignored) { kept[++count] = block }
      block = ""; inblock = 0
    }
    /^(fatal|failed): \[/ || /FAILED! =>/ { flush(0); inblock = 1; lines = 0; block = $0; next }
    inblock && (/^[ {}\[\]]/ || /^$/) { if (++lines <= 60) block = block "\n" $0; else if (lines == 61) block = block "\n    ..."; next }
    inblock { flush($0 ~ /^\.\.\.ignoring/) }
    END { flush(0); for (i = (count > 3 ? count - 2 : 1); i <= count; i++) print kept[i] "\n" }
  ' "$log" | "${redact[@]}"
  printf -- '----- the last 40 lines of %s -----\n' "$log"
  tail -n 40 "$log" | "${redact[@]}"
  printf -- '-----\n'
fi

scan_dir=$(sed -n 's/^secret_scan_dir: *//p' "$tree/tests/integration/integration_config.yml" 2>/dev/null || true)
scan_status=0
# the scanner first finds a leak planted in every form it knows (a second)
self_test=$("$python" "$here/scan-secrets.py" --self-test 2>&1) || { printf '%s\n' "$self_test" >&2; scan_status=2; }
"$python" "$here/scan-secrets.py" --require VALUE_SPECIFIED_IN_NO_LOG_PARAMETER "$tree" "$log" \
  ${scan_dir:+"$scan_dir"} || scan_status=$?

if [ "$status" -ne 0 ]; then
  echo "run-scanned: the command failed (exit $status): $*" >&2
  exit "$status"
fi
exit "$scan_status"
