#!/usr/bin/env bash
# Rehearsal without a clone (docs/docsite/rst/rehearse.rst): serve the emulator from an installed collection
# with the documented command, `PYTHON COLLECTION/tests/emulator`, run from another folder;
# wait for it to listen (its port file), then check that its admin API answers with the three
# platforms and that its start-up line names a README that is there. Always stops it.
#
#   tools/check-installed-emulator.sh PYTHON COLLECTION STATE_DIR
#
# PYTHON: a venv holding only COLLECTION/tests/emulator/requirements.txt; COLLECTION: the
# installed ansible_collections/ncm/platforms; STATE_DIR: a new folder for its port and log.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
python=${1:?usage: tools/check-installed-emulator.sh PYTHON COLLECTION STATE_DIR}
collection=$(cd "${2:?usage}" && pwd)
mkdir -p "${3:?usage}"
state_dir=$(cd "$3" && pwd)
# shellcheck source=tools/emulator-lib.sh
. "$here/emulator-lib.sh"

cd "$state_dir"
trap emulator_stop EXIT
emulator_start "$python" "$collection/tests/emulator" "$state_dir" || exit 1
"$python" - "http://127.0.0.1:$(cat "$state_dir/port")/_emulator/" "$state_dir/emulator.log" "$collection" <<'PY'
import json, os, re, sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=30) as answer:
    vendors = json.load(answer)["vendors"]
if vendors != ["infraon", "scc", "voss"]:
    sys.exit("GET %s: vendors %r, not infraon, scc and voss" % (sys.argv[1], vendors))
with open(sys.argv[2], encoding="utf-8") as handle:
    readme = re.search(r"seed data and switches: (.+)$", handle.read(), re.M)
if not readme or not readme.group(1).startswith(sys.argv[3]) or not os.path.isfile(readme.group(1)):
    sys.exit("the emulator's start-up lines name no README of the installed collection")
print("the installed collection's emulator answered %s (%s)" % (sys.argv[1], ", ".join(vendors)))
PY
