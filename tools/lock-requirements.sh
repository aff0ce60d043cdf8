#!/usr/bin/env bash
# Re-lock a pinned requirements file: keep its direct pins (the part above the marker line),
# install them into a throw-away venv made with the given Python, and write every other
# installed distribution below the marker, pinned with ==.
#
#   tools/lock-requirements.sh PYTHON FILE
#   e.g. tools/lock-requirements.sh "$(pyenv root)"/versions/3.11.7/bin/python requirements-dev.txt
set -euo pipefail

python=${1:?usage: tools/lock-requirements.sh PYTHON FILE}
file=${2:?usage: tools/lock-requirements.sh PYTHON FILE}
marker='# --- locked: every other dependency (tools/lock-requirements.sh writes below) ---'

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

direct="$tmp/direct.txt"
awk -v m="$marker" '$0 == m {exit} {print}' "$file" > "$direct"

"$python" -m venv "$tmp/venv"
if ! "$tmp/venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$direct" >"$tmp/pip.log" 2>&1; then
  grep -v '^WARNING: Location' "$tmp/pip.log" >&2 || true
  exit 1
fi

# names of the direct pins, normalised (PEP 503)
norm() { tr 'A-Z_.' 'a-z--'; }
names=$(grep -Eo '^[A-Za-z0-9._-]+' "$direct" | norm | sort -u)

{
  cat "$direct"
  echo "$marker"
  "$tmp/venv/bin/python" -m pip freeze --all --exclude-editable \
    | grep -Ev '^(pip|setuptools|wheel)==' \
    | while IFS= read -r line; do
        name=$(printf '%s\n' "${line%%==*}" | norm)
        grep -qx -- "$name" <<<"$names" || printf '%s\n' "$line"
      done
} > "$tmp/out.txt"
mv "$tmp/out.txt" "$file"
echo "locked $file"
