#!/usr/bin/env bash
# Run one stage of `make test` with a banner, its duration, and a line in TIMES_FILE.
#   tools/stage.sh TIMES_FILE NAME -- COMMAND [ARG...]
set -uo pipefail

times_file=${1:?usage: tools/stage.sh TIMES_FILE NAME -- COMMAND...}
name=${2:?usage}
shift 2
[ "${1:-}" = "--" ] && shift

printf '\n===== stage: %s =====\n' "$name"
STAGE_SKIP_FILE=$(mktemp)
export STAGE_SKIP_FILE
start=$(date +%s)
"$@"
status=$?
elapsed=$(( $(date +%s) - start ))
skipped=$(paste -sd ';' "$STAGE_SKIP_FILE")
rm -f "$STAGE_SKIP_FILE"
mkdir -p "$(dirname "$times_file")"
if [ "$status" -eq 0 ] && [ -n "$skipped" ]; then
  printf '%-28s %5ss  skipped: %s\n' "$name" "$elapsed" "$skipped" >> "$times_file"
  printf '===== stage %s skipped: %s (%ss) =====\n' "$name" "$skipped" "$elapsed"
elif [ "$status" -eq 0 ]; then
  printf '%-28s %5ss  ok\n' "$name" "$elapsed" >> "$times_file"
  printf '===== stage %s passed (%ss) =====\n' "$name" "$elapsed"
else
  printf '%-28s %5ss  FAILED (exit %s)\n' "$name" "$elapsed" "$status" >> "$times_file"
  printf '===== stage %s FAILED (exit %s, %ss) =====\n' "$name" "$status" "$elapsed" >&2
fi
exit "$status"
