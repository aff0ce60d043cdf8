#!/usr/bin/env bash
# `make emulator`: serve the three APIs on 127.0.0.1:PORT in the foreground (Ctrl-C stops it),
# after printing the `export` lines to paste into another shell to rehearse a playbook.
#   tools/emulator-foreground.sh PYTHON PORT
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
python=${1:?usage: tools/emulator-foreground.sh PYTHON PORT}
port=${2:?usage}
echo "# paste into another shell, then run ansible-playbook from $top:"
"$here/emulator-env.sh" "http://127.0.0.1:$port"
echo "export ANSIBLE_COLLECTIONS_PATH=$top/.build"
echo "# serving on http://127.0.0.1:$port (Ctrl-C stops it)"
PYTHONPATH="$top/tests/emulator" exec "$python" -m ncm_emulator --host 127.0.0.1 --port "$port"
