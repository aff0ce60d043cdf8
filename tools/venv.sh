#!/usr/bin/env bash
# Create or refresh a virtual environment from a pinned requirements file.
# Skips the install when the venv was made by the same interpreter from the same file
# (a stamp holds the sha256 of both); recreates it when the interpreter changed.
# The install is uv's (pinned in tools/requirements/uv.txt, kept in the venv UV_VENV, made
# with pip on first use); every venv gets pip too (--seed), for ansible-test's bootstrap.
#   tools/venv.sh DIR PYTHON REQUIREMENTS
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
dir=${1:?usage: tools/venv.sh DIR PYTHON REQUIREMENTS}
python=${2:?usage: tools/venv.sh DIR PYTHON REQUIREMENTS}
requirements=${3:?usage: tools/venv.sh DIR PYTHON REQUIREMENTS}
uv_venv=${UV_VENV:-$here/../.venv-uv}
stamp="$dir/.requirements.sha256"

version=$("$python" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')
want=$( { echo "python $version $(readlink -f "$python")"; cat "$requirements"; } | sha256sum | cut -d' ' -f1)

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$dir/bin/python" ]; then
  echo "$dir: up to date (Python $version, $requirements)"
  exit 0
fi

# uv itself: a small venv of its own, filled by pip once
uv_pin="$here/requirements/uv.txt"
if [ ! -x "$uv_venv/bin/uv" ] || ! cmp -s "$uv_pin" "$uv_venv/.requirements"; then
  rm -rf "$uv_venv"
  "$python" -m venv "$uv_venv"
  "$uv_venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$uv_pin" 2>&1 \
    | grep -v '^WARNING: Location' || true
  [ -x "$uv_venv/bin/uv" ] || { echo "$uv_venv: uv was not installed" >&2; exit 1; }
  cp "$uv_pin" "$uv_venv/.requirements"
fi
uv="$uv_venv/bin/uv"

if [ -x "$dir/bin/python" ] && [ "$("$dir/bin/python" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])' 2>/dev/null)" != "$version" ]; then
  rm -rf "$dir"
fi

if [ ! -x "$dir/bin/python" ]; then
  echo "$dir: creating with Python $version ($python)"
  rm -rf "$dir"
  "$uv" venv --quiet --seed --python "$python" "$dir"
fi

echo "$dir: installing $requirements"
rm -f "$stamp"
log="$dir/install.log"
if ! "$uv" pip install --quiet --python "$dir/bin/python" -r "$requirements" >"$log" 2>&1; then
  cat "$log" >&2
  echo "$dir: uv pip install -r $requirements failed" >&2
  exit 1
fi
"$uv" pip check --python "$dir/bin/python"
echo "$want" > "$stamp"
