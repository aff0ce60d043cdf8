#!/usr/bin/env bash
# Say that a stage of `make test` checks nothing, and why: the stage table then shows
# "skipped: <why>" instead of "ok" (tools/stage.sh reads $STAGE_SKIP_FILE). Under CI=true a
# skip is a failure unless the stage allows it (--allowed-in-ci).
#   tools/skip.sh [--allowed-in-ci] WHY...
set -euo pipefail
allowed=false
if [ "${1:-}" = "--allowed-in-ci" ]; then allowed=true; shift; fi
why="$*"
if [ -n "${CI:-}" ] && [ "$allowed" = false ]; then
  echo "FAILED under CI: $why" >&2
  exit 1
fi
echo "skipped: $why"
if [ -n "${STAGE_SKIP_FILE:-}" ]; then echo "$why" >> "$STAGE_SKIP_FILE"; fi
