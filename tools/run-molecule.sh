#!/usr/bin/env bash
# Run `molecule test` for every scenario under TREE/extensions/molecule/<name>/molecule.yml,
# each against a fresh emulator (tools/with-emulator.sh exports EMULATOR_URL, INFRAON_URL, ...)
# whose credentials are the marker values of tests/integration/secret-markers.json; every
# playbook at -vvvv with --diff, the whole output in STATE_DIR/<scenario>.log, which
# tools/scan-secrets.py then searches for the secrets (tools/run-scanned.sh).
#   tools/run-molecule.sh VENV TREE STATE_DIR
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
venv=${1:?usage: tools/run-molecule.sh VENV TREE STATE_DIR}
tree=${2:?usage}
state_dir=${3:?usage}
venv=$(cd "$venv" && pwd)
tree=$(cd "$tree" && pwd)

scenarios=()
for file in "$tree"/extensions/molecule/*/molecule.yml; do
  [ -f "$file" ] || continue
  name=${file%/molecule.yml}
  scenarios+=("${name##*/}")
done

# every role must have a scenario of its own name
missing=()
for dir in "$tree"/roles/*/; do
  [ -d "$dir" ] || continue
  role=${dir%/}; role=${role##*/}
  [ -f "$tree/extensions/molecule/$role/molecule.yml" ] || missing+=("$role")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "FAILED: role(s) without a Molecule scenario under extensions/molecule/: ${missing[*]}" >&2
  exit 1
fi

[ ${#scenarios[@]} -gt 0 ] || { echo "no Molecule scenario under $tree/extensions/molecule" >&2; exit 1; }

# molecule calls ansible-playbook and ansible-config from PATH: the venv, activated
export PATH="$venv/bin:$PATH" VIRTUAL_ENV="$venv"
# the collection under test is the build tree, never a copy in ~/.ansible/collections
export ANSIBLE_COLLECTIONS_PATH
ANSIBLE_COLLECTIONS_PATH=$(cd "$tree/../../.." && pwd)

# secrets are markers; ansible-playbook prints every task result and diff (issue 14); no
# colour, and no border around ansible-playbook's output (molecule would wrap its long lines
# at the terminal width, splitting what the scan looks for)
export NCM_SECRET_MARKERS="$tree/tests/integration/secret-markers.json"
export ANSIBLE_VERBOSITY=4 ANSIBLE_DIFF_ALWAYS=1
export NO_COLOR=1 MOLECULE_COMMAND_BORDERS=false

passed=0
for scenario in "${scenarios[@]}"; do
  printf -- '--- molecule scenario %s\n' "$scenario"
  "$here/with-emulator.sh" "$venv/bin/python" "$state_dir/$scenario" "$tree" -- \
    "$here/run-scanned.sh" "$venv/bin/python" "$tree" "$state_dir/$scenario.log" -- \
    env -C "$tree/extensions" molecule test --scenario-name "$scenario"
  passed=$((passed + 1))
done
echo "molecule: ${passed} scenario(s) passed: ${scenarios[*]}"
