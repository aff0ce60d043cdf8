#!/usr/bin/env bash
# Make ansible-test's pip bootstrap work offline. For each venv given, read the pip version
# its ansible-test bootstraps (24.2 for ansible-core 2.19, 25.2 for 2.21), download that pip
# wheel from PyPI into ~/.ansible/test/cache/, and put tools/ansible_test_get_pip.py next to
# it as get_pip_X_Y.py, the cached script ansible-test looks for before it tries to download one.
#   tools/ansible-test-cache.sh VENV...
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cache="${HOME}/.ansible/test/cache"
mkdir -p "$cache"

for venv in "$@"; do
  req=""
  for candidate in "$venv"/lib/python3*/site-packages/ansible_test/_internal/python_requirements.py; do
    [ -f "$candidate" ] && req=$candidate && break
  done
  if [ -z "$req" ]; then
    echo "ansible-test-cache: no ansible-test in $venv" >&2
    exit 1
  fi
  version=$(sed -n "s/^ *pip='\([0-9][0-9.]*\)',\$/\1/p" "$req" | head -n 1)
  if [ -z "$version" ]; then
    echo "ansible-test-cache: cannot read the pip version from $req" >&2
    exit 1
  fi
  script="$cache/get_pip_${version//./_}.py"
  if ! compgen -G "$cache/pip-$version-*.whl" >/dev/null; then
    "$venv/bin/python" -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
      --dest "$cache" "pip==$version" 2>&1 | grep -v '^WARNING: Location' || true
    compgen -G "$cache/pip-$version-*.whl" >/dev/null || { echo "ansible-test-cache: pip $version wheel not downloaded" >&2; exit 1; }
  fi
  cmp -s "$here/ansible_test_get_pip.py" "$script" || cp "$here/ansible_test_get_pip.py" "$script"
  echo "ansible-test pip bootstrap for $venv: $script (pip $version)"
done
