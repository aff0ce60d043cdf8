#!/usr/bin/env bash
# Run the demo playbook twice (tools/with-emulator.sh provides the emulator): the first run
# shows what it does (with --diff: the changed fields only), the second must report changed=0 on every host (idempotence).
#   tools/run-demo.sh VENV TREE PLAYBOOK
set -euo pipefail

venv=${1:?usage: tools/run-demo.sh VENV TREE PLAYBOOK}
tree=${2:?usage}
playbook=${3:?usage}
venv=$(cd "$venv" && pwd)
tree=$(cd "$tree" && pwd)

export PATH="$venv/bin:$PATH"
export ANSIBLE_COLLECTIONS_PATH
ANSIBLE_COLLECTIONS_PATH=$(cd "$tree/../../.." && pwd)
export ANSIBLE_PYTHON_INTERPRETER="$venv/bin/python"
export ANSIBLE_LOCALHOST_WARNING=false ANSIBLE_INVENTORY_UNPARSED_WARNING=false
log_dir=$(mktemp -d)
trap 'rm -rf "$log_dir"' EXIT

for run in 1 2; do
  printf '\n--- demo run %s: ansible-playbook %s\n' "$run" "$playbook"
  (cd "$tree" && ansible-playbook --diff -e "emulator_url=$EMULATOR_URL" "$playbook") | tee "$log_dir/run$run.txt"
done

# PLAY RECAP lines: "host : ok=N changed=N unreachable=N failed=N ..."
recap=$(sed -n '/^PLAY RECAP/,$p' "$log_dir/run2.txt" | grep -E ' changed=[0-9]+' || true)
if [ -z "$recap" ]; then
  echo "demo: no PLAY RECAP in the second run" >&2
  exit 1
fi
if grep -Eq ' changed=[1-9]' <<<"$recap"; then
  echo "demo: the second run changed something; it must report changed=0:" >&2
  echo "$recap" >&2
  exit 1
fi
echo "demo: second run reported changed=0 (idempotent)"
