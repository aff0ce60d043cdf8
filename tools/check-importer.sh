#!/usr/bin/env bash
# Build the collection tarball from TREE and run galaxy-importer (what Galaxy and Automation
# Hub run on an upload) on it, in its own venv; fail on any ERROR or WARNING it reports.
# RUN_ANSIBLE_TEST stays off (it needs containers); required tags are checked.
#   tools/check-importer.sh VENV IMPORTER_VENV TREE DIST_DIR
set -euo pipefail

venv=${1:?usage: tools/check-importer.sh VENV IMPORTER_VENV TREE DIST_DIR}
importer_venv=${2:?usage}
tree=${3:?usage}
dist=${4:?usage}
venv=$(cd "$venv" && pwd)
importer_venv=$(cd "$importer_venv" && pwd)
tree=$(cd "$tree" && pwd)
mkdir -p "$dist"
dist=$(cd "$dist" && pwd)

rm -rf "$dist"
mkdir -p "$dist"
(cd "$tree" && "$venv/bin/ansible-galaxy" collection build --output-path "$dist" --force)
tarballs=("$dist"/*.tar.gz)
[ -f "${tarballs[0]}" ] || { echo "check-importer: no tarball built in $dist" >&2; exit 1; }
tarball=${tarballs[0]}

log="$dist/galaxy-importer.log"
status=0
(
  cd "$dist"
  PATH="$importer_venv/bin:$PATH" \
  GALAXY_IMPORTER_RUN_ANSIBLE_TEST=false \
  GALAXY_IMPORTER_CHECK_REQUIRED_TAGS=true \
  GALAXY_IMPORTER_TMP_ROOT_DIR="$dist" \
    "$importer_venv/bin/python" -m galaxy_importer.main "$tarball"
) >"$log" 2>&1 || status=$?
grep -v '^Loading ' "$log" || true

if [ "$status" -ne 0 ]; then
  echo "galaxy-importer failed (exit $status) on $tarball" >&2
  exit 1
fi
if grep -Eq '^(ERROR|WARNING)' "$log"; then
  echo "galaxy-importer reported errors or warnings on $tarball (full log: $log)" >&2
  exit 1
fi
echo "galaxy-importer: $(basename "$tarball") imports cleanly"
