#!/usr/bin/env bash
# Fill DIR with python3.X symlinks to real interpreters (3.8 and newer, see find-python.sh),
# so that ansible-test, with DIR first on PATH, finds every Python version (pyenv's shims for
# versions that are not selected fail with exit 127). Prints the versions linked.
#   tools/python-dir.sh PYENV_ROOT DIR
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
pyenv_root=${1:?usage: tools/python-dir.sh PYENV_ROOT DIR}
dir=${2:?usage: tools/python-dir.sh PYENV_ROOT DIR}
mkdir -p "$dir"
find "$dir" -maxdepth 1 -type l -name 'python3.*' -delete

linked=()
for minor in 8 9 10 11 12 13 14 15; do
  if python=$("$here/find-python.sh" "3.$minor" "$pyenv_root"); then
    ln -s "$python" "$dir/python3.$minor"
    linked+=("3.$minor")
  fi
done
echo "interpreters in $dir: ${linked[*]:-none}"
