#!/usr/bin/env bash
# The AWX-style run: playbooks/demo.yml twice through ansible-runner (what AWX / Automation
# Controller run a job with), the credentials passed ONLY as environment variables in
# env/envvars, the way an AWX custom credential type injects them (docs/docsite/rst/awx.rst); then
# tests/awx/check_job_events.py checks both jobs succeeded, the second with changed=0 on every
# host (the playbook_on_stats event), and that no secret is in a job's stdout or job events.
#
#   tools/with-emulator.sh PYTHON STATE_DIR TREE -- tests/awx/run.sh VENV TREE
#     VENV  a venv with ansible-runner and ansible-core (requirements-dev.txt)
#     TREE  the collection tree .../ansible_collections/ncm/platforms (nox -s awx makes it)
#
# The private data dir (a temp folder, removed on success, kept on failure):
#   project/      the collection's playbooks (AWX: the project's checkout)
#   inventory/    localhost, local connection, the controller's Python (AWX: the inventory)
#   env/envvars   what the three custom credential types of docs/docsite/rst/awx.rst inject (their YAML is
#                 read from there and rendered like AWX does, tests/awx/credential_env.py):
#                 INFRAON_URL, INFRAON_API_KEY, SCC_URL, SCC_ACCESS_CODE, VOSS_URL,
#                 VOSS_USERNAME, VOSS_PASSWORD (+ *_VALIDATE_CERTS=true, empty *_CA_PATH); plus
#                 EMULATOR_URL (the demo's Infraon part reads it) and ANSIBLE_COLLECTIONS_PATH
#                 (AWX: the EE has the collection installed)
#   env/cmdline   --diff (AWX: the job template's "Show Changes")
# ansible-runner itself runs with those variables removed from its own environment, so
# env/envvars is their only source. Runner records the job's environment, secrets included,
# in artifacts/<id>/command by design: the check reports that file, it does not fail on it.
set -euo pipefail

usage='usage: tests/awx/run.sh VENV TREE (under tools/with-emulator.sh)'
venv=${1:?$usage}
tree=${2:?$usage}
venv=$(cd "$venv" && pwd)
tree=$(cd "$tree" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
injected=(EMULATOR_URL INFRAON_URL INFRAON_API_KEY SCC_URL SCC_ACCESS_CODE VOSS_URL VOSS_USERNAME VOSS_PASSWORD)

for name in "${injected[@]}"; do
  [ -n "${!name:-}" ] || { echo "awx-run: $name is not set: run under tools/with-emulator.sh" >&2; exit 2; }
done
[ -x "$venv/bin/ansible-runner" ] || { echo "awx-run: no ansible-runner in $venv" >&2; exit 2; }
case $tree in
  */ansible_collections/ncm/platforms) ;;
  *) echo "awx-run: $tree does not end in ansible_collections/ncm/platforms" >&2; exit 2 ;;
esac
collections_root=$(cd "$tree/../../.." && pwd)

work=$(mktemp -d)
pdd="$work/private_data_dir"
keep=false
cleanup() { if [ "$keep" = false ]; then rm -rf "$work"; fi; }
trap cleanup EXIT
mkdir -p "$pdd/project" "$pdd/inventory" "$pdd/env"
cp -a "$tree/playbooks/." "$pdd/project/"
cat > "$pdd/inventory/hosts" <<'INI'
localhost ansible_connection=local ansible_python_interpreter="{{ ansible_playbook_python }}"
INI
# env/envvars: what the three credential types of docs/docsite/rst/awx.rst inject (their injectors rendered
# with this environment's URLs and credentials), EMULATOR_URL and ANSIBLE_COLLECTIONS_PATH
PYTHONPATH="$collections_root" "$venv/bin/python" "$here/credential_env.py" "$tree/docs/docsite/rst/awx.rst" "$collections_root" \
  "$work/credential_files" "$pdd/env/envvars"
echo '--diff' > "$pdd/env/cmdline"

# what must reach the job through env/envvars only
strip=()
for name in "${injected[@]}" ANSIBLE_COLLECTIONS_PATH ANSIBLE_COLLECTIONS_PATHS DEMO_DEVICE_PASSWORD DEMO_ADMIN_PASSWORD \
  INFRAON_VALIDATE_CERTS INFRAON_CA_PATH SCC_VALIDATE_CERTS SCC_CA_PATH SCC_USERNAME SCC_PASSWORD \
  VOSS_VALIDATE_CERTS VOSS_CA_PATH; do
  strip+=(-u "$name")
done

echo "awx-run: private data dir $pdd"
ids=()
for run in 1 2; do
  ident="demo-run-$run"
  ids+=("$ident")
  printf '\n--- awx-style job %s: ansible-runner run PRIVATE_DATA_DIR -p demo.yml --ident %s\n' "$run" "$ident"
  set +e
  env "${strip[@]}" PATH="$venv/bin:$PATH" \
    "$venv/bin/ansible-runner" run "$pdd" -p demo.yml --ident "$ident" --quiet
  status=$?
  set -e
  sed -n '/^PLAY RECAP/,$p' "$pdd/artifacts/$ident/stdout" 2>/dev/null || true
  echo "ansible-runner exit status: $status"
done

echo
if ! "$venv/bin/python" "$here/check_job_events.py" "$pdd" "${ids[0]}" "${ids[1]}" "$pdd/project"; then
  keep=true
  echo "awx-run: FAILED; the private data dir is kept for a look: $pdd" >&2
  exit 1
fi
