#!/usr/bin/env bash
# Prove the execution-environment metadata works without a container engine:
# 1. install the built tarball into a scratch collections folder and let ansible-builder's
#    introspection read meta/execution-environment.yml: it must find `requests`;
# 2. `ansible-builder create` the build context of docs/execution-environment/execution-environment.yml.
#   tools/check-ee.sh VENV TREE WORK_DIR
set -euo pipefail

venv=${1:?usage: tools/check-ee.sh VENV TREE WORK_DIR}
tree=${2:?usage}
work=${3:?usage}
venv=$(cd "$venv" && pwd)
tree=$(cd "$tree" && pwd)
mkdir -p "$work"
work=$(cd "$work" && pwd)
export PATH="$venv/bin:$PATH"

rm -rf "$work"
mkdir -p "$work/dist" "$work/collections"
(cd "$tree" && ansible-galaxy collection build --output-path "$work/dist" --force >/dev/null)
tarballs=("$work"/dist/*.tar.gz)
[ -f "${tarballs[0]}" ] || { echo "check-ee: no tarball built" >&2; exit 1; }

ansible-galaxy collection install --offline --no-deps --force -p "$work/collections" "${tarballs[0]}" >/dev/null
ansible-builder introspect --sanitize "$work/collections" | tee "$work/introspect.txt"
if ! grep -Eq 'requests.*ncm\.platforms|^- requests' "$work/introspect.txt"; then
  echo "check-ee: ansible-builder introspection did not find requests in ncm.platforms' EE metadata" >&2
  exit 1
fi

cp "$tree/docs/execution-environment/execution-environment.yml" "$work/execution-environment.yml"
cp "${tarballs[0]}" "$work/ncm-platforms.tar.gz"
ansible-builder create --file "$work/execution-environment.yml" --context "$work/context" --output-filename Containerfile
for file in Containerfile _build/collections/ncm-platforms.tar.gz _build/requirements.yml; do
  [ -f "$work/context/$file" ] || { echo "check-ee: ansible-builder create made no $file" >&2; exit 1; }
done
echo "execution environment: introspection finds requests; build context in $work/context"
