#!/usr/bin/env bash
# Create or refresh a virtual environment from a pinned requirements file.
# Skips the install when the venv was made by the same interpreter from the same file
# (a stamp holds the sha256 of both); recreates it when the interpreter changed.
#   tools/venv.sh DIR PYTHON REQUIREMENTS
set -euo pipefail

dir=${1:?usage: tools/venv.sh DIR PYTHON REQUIREMENTS}
python=${2:?usage: tools/venv.sh DIR PYTHON REQUIREMENTS}
requirements=${3:?usage: tools/venv.sh DIR PYTHON REQUIREMENTS}
stamp="$dir/.requirements.sha256"

version=$("$python" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')
want=$( { echo "python $version $(readlink -f "$python")"; cat "$requirements"; } | sha256sum | cut -d' ' -f1)

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$dir/bin/python" ]; then
  echo "$dir: up to date (Python $version, $requirements)"
  exit 0
fi

if [ -x "$dir/bin/python" ] && [ "$("$dir/bin/python" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])' 2>/dev/null)" != "$version" ]; then
  rm -rf "$dir"
fi

if [ ! -x "$dir/bin/python" ]; then
  echo "$dir: creating with Python $version ($python)"
  rm -rf "$dir"
  "$python" -m venv "$dir"
fi

echo "$dir: installing $requirements"
rm -f "$stamp"
log="$dir/pip-install.log"
# (this machine's pip configuration names local index folders that may not exist: drop that noise)
if ! "$dir/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements" >"$log" 2>&1; then
  grep -v '^WARNING: Location' "$log" >&2 || true
  echo "$dir: pip install -r $requirements failed" >&2
  exit 1
fi
grep -v '^WARNING: Location' "$log" || true
"$dir/bin/python" -m pip check
echo "$want" > "$stamp"
