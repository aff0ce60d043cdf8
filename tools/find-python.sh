#!/usr/bin/env bash
# Print the path of a working Python X.Y interpreter, or nothing (exit 1) if there is none:
# the newest $PYENV_ROOT/versions/X.Y.Z first, then pythonX.Y on PATH (if it really runs:
# pyenv's shims for versions that are not selected fail).
#   tools/find-python.sh X.Y [PYENV_ROOT]
set -euo pipefail

v=${1:?usage: tools/find-python.sh X.Y [PYENV_ROOT]}
pyenv_root=${2:-}
re="^${v//./\\.}\\.([0-9]+)\$"

works() { [ -x "$1" ] && "$1" -c 'import venv' >/dev/null 2>&1; }

if [ -n "$pyenv_root" ] && [ -d "$pyenv_root/versions" ]; then
  candidates=()
  for dir in "$pyenv_root"/versions/"$v".*; do
    name=${dir##*/}
    if [[ $name =~ $re ]]; then
      candidates+=("${BASH_REMATCH[1]} $dir/bin/python$v")
    fi
  done
  if [ ${#candidates[@]} -gt 0 ]; then
    while read -r _ candidate; do
      if works "$candidate"; then
        echo "$candidate"
        exit 0
      fi
    done < <(printf '%s\n' "${candidates[@]}" | sort -k1,1nr)
  fi
fi

if candidate=$(command -v "python$v" 2>/dev/null) && works "$candidate"; then
  echo "$candidate"
  exit 0
fi
exit 1
