#!/usr/bin/env bash
# Run several stages of `make test` at the same time (the machine has more than one core and
# most stages use one), each through tools/stage.sh with its output kept in a log; then print
# every log in the order given. Exit status: 0 when every stage passed, else 1.
#   tools/side-by-side.sh TIMES_FILE LOG_DIR NAME 'COMMAND' [NAME 'COMMAND' ...]
# A COMMAND is one shell command line (e.g. 'make units BUILD=...; make lint BUILD=...' runs
# those two in turn, in one lane); give each lane its own BUILD folder.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
times_file=${1:?usage: tools/side-by-side.sh TIMES_FILE LOG_DIR NAME COMMAND [NAME COMMAND ...]}
log_dir=${2:?usage}
shift 2
[ $# -ge 2 ] && [ $(( $# % 2 )) -eq 0 ] || { echo "side-by-side: expected NAME COMMAND pairs" >&2; exit 2; }
mkdir -p "$log_dir"

names=() logs=() pids=()
while [ $# -gt 0 ]; do
  name=$1 command=$2
  shift 2
  log="$log_dir/$(printf '%s' "$name" | tr -c 'A-Za-z0-9._-' '_').log"
  "$here/stage.sh" "$times_file" "$name" -- bash -eu -o pipefail -c "$command" >"$log" 2>&1 &
  names+=("$name") logs+=("$log") pids+=($!)
done
joined() { local out="" item; for item in "$@"; do out="${out:+$out, }$item"; done; printf '%s' "$out"; }
printf '\n===== side by side: %s (logs in %s) =====\n' "$(joined "${names[@]}")" "$log_dir"

failed=()
for i in "${!pids[@]}"; do
  wait "${pids[$i]}" || failed+=("${names[$i]}")
done
for log in "${logs[@]}"; do
  cat "$log"
done
if [ ${#failed[@]} -gt 0 ]; then
  printf '===== side by side: FAILED: %s =====\n' "$(joined "${failed[@]}")" >&2
  exit 1
fi
