#!/usr/bin/env bash
# Build the collection's docs site (the guides of docs/docsite, the changelog, every module and
# role, the `api` option of each platform from the doc fragments) with antsibull-docs and
# Sphinx, offline, into OUT.
#
#   tools/build-docs.sh VENV TREE OUT
#     VENV  the docs venv (tools/requirements/docs.txt: antsibull-docs, Sphinx, the theme)
#     TREE  the collection tree .../ansible_collections/ncm/platforms (nox -s docs makes it)
#     OUT   where the HTML site goes (replaced whole), e.g. docs/build
#
# 1. `antsibull-docs sphinx-init --use-current` writes a Sphinx project into a temp folder;
# 2. its conf.py gets an intersphinx mapping that reads a small local inventory instead of
#    docs.ansible.com (no network here): the few labels and environment variables of the
#    Ansible docs that the generated pages link to, pointing at their pages on docs.ansible.com;
# 3. its build.sh runs `antsibull-docs collection` and `sphinx-build -W --keep-going`
#    (any warning fails the build);
# 4. every module in plugins/modules, every role in roles/ and every guide in docs/docsite/rst
#    must have a page, and the changelog a page with a release; every module page must
#    document the `api` option, and every role must have meta/argument_specs.yml
#    (antsibull-docs documents a role from it only).
set -euo pipefail

usage='usage: tools/build-docs.sh VENV TREE OUT'
venv=${1:?$usage}
tree=${2:?$usage}
out=${3:?$usage}
venv=$(cd "$venv" && pwd)
tree=$(cd "$tree" && pwd)
mkdir -p "$(dirname "$out")"
out=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
collection=ncm.platforms

case $tree in
  */ansible_collections/ncm/platforms) ;;
  *) echo "build-docs: $tree does not end in ansible_collections/ncm/platforms" >&2; exit 2 ;;
esac
export PATH="$venv/bin:$PATH"
export ANSIBLE_COLLECTIONS_PATH
ANSIBLE_COLLECTIONS_PATH=$(cd "$tree/../../.." && pwd)
export ANSIBLE_NOCOLOR=1 ANSIBLE_DEPRECATION_WARNINGS=false

# the collection ansible-doc sees must be this tree (not a stale copy elsewhere)
found=$(ansible-galaxy collection list "$collection" --format json 2>/dev/null \
  | python -c 'import json,sys; print("\n".join(json.load(sys.stdin)))')
if [ "$found" != "$ANSIBLE_COLLECTIONS_PATH/ansible_collections" ]; then
  echo "build-docs: ansible-galaxy finds $collection in: ${found:-nowhere}; expected $ANSIBLE_COLLECTIONS_PATH/ansible_collections only" >&2
  exit 1
fi

# roles: antsibull-docs documents a role from meta/argument_specs.yml only
missing_specs=()
for role in "$tree"/roles/*/; do
  [ -d "$role" ] || continue
  [ -f "$role/meta/argument_specs.yml" ] || [ -f "$role/meta/argument_specs.yaml" ] \
    || missing_specs+=("roles/$(basename "$role")/meta/argument_specs.yml")
done
if [ ${#missing_specs[@]} -gt 0 ]; then
  echo "build-docs: these roles would have no docs page; add: ${missing_specs[*]}" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
site="$work/site"
mkdir -m 0755 "$site"   # antsibull-docs wants a folder only its owner can write

antsibull-docs sphinx-init --use-current --fail-on-error \
  --project "$collection" --copyright 'ncm.platforms contributors' \
  --title "$collection collection documentation" --html-short-title "$collection" \
  --dest-dir "$site" "$collection" >"$work/sphinx-init.log" 2>&1 \
  || { cat "$work/sphinx-init.log" >&2; echo "build-docs: antsibull-docs sphinx-init failed" >&2; exit 1; }

# offline intersphinx: a local inventory of the Ansible docs' labels that the generated pages
# reference (conf.py's relative inventory paths are relative to the rst/ folder)
python - "$site/ansible_devel.inv" <<'PY'
import sys
import zlib

# label, page#anchor (under docs.ansible.com/projects/ansible/devel/), title
LABELS = [
    ("common_return_values", "reference_appendices/common_return_values.html#common-return-values", "Return Values"),
    ("ansible_configuration_settings", "reference_appendices/config.html#ansible-configuration-settings", "Ansible Configuration Settings"),
    ("collections_keyword", "collections_guide/collections_using_playbooks.html#collections-keyword", "Simplifying module names with the collections keyword"),
    ("list_of_collections", "collections/index.html#list-of-collections", "Collection Index"),
    ("action_plugins", "plugins/action.html#action-plugins", "Action plugins"),
    ("callback_plugins", "plugins/callback.html#callback-plugins", "Callback plugins"),
    ("list_of_callback_plugins", "collections/index_callback.html#list-of-callback-plugins", "Index of all Callback Plugins"),
    ("module_defaults", "playbook_guide/playbooks_module_defaults.html#module-defaults", "Module defaults"),
]
# ansible-core's environment variables that generated pages reference (the inventory plugin's
# cache options), as on docs.ansible.com's configuration page
ENVVARS = ["ANSIBLE_CACHE_PLUGIN", "ANSIBLE_CACHE_PLUGIN_CONNECTION", "ANSIBLE_CACHE_PLUGIN_PREFIX",
           "ANSIBLE_CACHE_PLUGIN_TIMEOUT"]
header = (b"# Sphinx inventory version 2\n# Project: Ansible\n# Version: devel\n"
          b"# The remainder of this file is compressed using zlib.\n")
body = "".join("%s std:label -1 %s %s\n" % item for item in LABELS)
body += "".join("%s std:envvar 1 reference_appendices/config.html#envvar-$ -\n" % name for name in ENVVARS)
body = body.encode("utf-8")
with open(sys.argv[1], "wb") as handle:
    handle.write(header + zlib.compress(body))
PY
cat >> "$site/conf.py" <<'PY'

# tools/build-docs.sh: offline, read the local inventory only (links still go to docs.ansible.com)
intersphinx_mapping = {
    'ansible_devel': ('https://docs.ansible.com/projects/ansible/devel/', '../ansible_devel.inv'),
}
PY

echo "build-docs: antsibull-docs collection + sphinx-build (-W) for $collection from $tree"
if ! bash "$site/build.sh" >"$work/build.log" 2>&1; then
  grep -E 'WARNING|ERROR|Error|error:' "$work/build.log" >&2 || tail -n 40 "$work/build.log" >&2
  echo "build-docs: the docs build failed (warnings count as errors)" >&2
  exit 1
fi
html="$site/build/html"
pages="$html/collections/ncm/platforms"

problems=()
modules=0
for module in "$tree"/plugins/modules/*.py; do
  name=$(basename "$module" .py)
  case $name in __init__|_*) continue ;; esac
  modules=$((modules + 1))
  page="$pages/${name}_module.html"
  if [ ! -f "$page" ]; then
    problems+=("no page for module $name")
  elif ! grep -q 'id="parameter-api"' "$page"; then
    problems+=("the page of module $name does not document the api option")
  fi
done
roles=0
for role in "$tree"/roles/*/; do
  [ -d "$role" ] || continue
  roles=$((roles + 1))
  name=$(basename "$role")
  [ -f "$pages/${name}_role.html" ] || problems+=("no page for role $name")
done
# the guides (docs/docsite/extra-docs.yml) and the changelog (docs/docsite/config.yml)
guides=0
for guide in "$tree"/docs/docsite/rst/*.rst; do
  [ -f "$guide" ] || continue
  guides=$((guides + 1))
  name=$(basename "$guide" .rst)
  [ -f "$pages/docsite/$name.html" ] || problems+=("no page for the guide docs/docsite/rst/$name.rst")
done
grep -q 'v0\.' "$pages/changelog.html" 2>/dev/null || problems+=("no changelog page with a release")
if [ ${#problems[@]} -gt 0 ]; then
  printf 'build-docs: %s\n' "${problems[@]}" >&2
  exit 1
fi

rm -rf "$out"
cp -a "$html" "$out"
echo "build-docs: $guides guides, the changelog, $modules module pages (each with the api option), $roles role pages; open $out/index.html"
echo "build-docs: collection index: $out/collections/ncm/platforms/index.html"
