#!/usr/bin/env bash
# Lint the collection's docs the way the Ansible docsite build does:
# `antsibull-docs lint-collection-docs --plugin-docs` (schema and markup of every module's and
# role's docs, the RST generated from them, rstcheck), plus the references in extra docs
# (docs/docsite/, none yet) and every reference to this collection and to ansible.builtin;
# a reference to an unknown collection is an error too.
#
#   tools/check-docs.sh VENV TREE
#     VENV  the docs venv (tools/requirements/docs.txt)
#     TREE  the collection tree .../ansible_collections/ncm/platforms (make tree)
set -euo pipefail

usage='usage: tools/check-docs.sh VENV TREE'
venv=${1:?$usage}
tree=${2:?$usage}
venv=$(cd "$venv" && pwd)
tree=$(cd "$tree" && pwd)
case $tree in
  */ansible_collections/ncm/platforms) ;;
  *) echo "check-docs: $tree does not end in ansible_collections/ncm/platforms" >&2; exit 2 ;;
esac
export PATH="$venv/bin:$PATH"
export ANSIBLE_COLLECTIONS_PATH
ANSIBLE_COLLECTIONS_PATH=$(cd "$tree/../../.." && pwd)
export ANSIBLE_NOCOLOR=1 ANSIBLE_DEPRECATION_WARNINGS=false

cd "$tree"
set +e
antsibull-docs lint-collection-docs --plugin-docs \
  --check-extra-docs-refs --validate-collection-refs dependent --disallow-unknown-collection-refs \
  .
status=$?
set -e
if [ "$status" -ne 0 ]; then
  echo "check-docs: antsibull-docs lint-collection-docs found the problems above (exit $status)" >&2
  exit "$status"
fi
echo "check-docs: antsibull-docs lint-collection-docs --plugin-docs: no findings"
