#!/usr/bin/env bash
# The changelog gate, and the release:
# 1. a change under plugins/ or roles/ since the last release must come with a changelog
#    fragment (changelogs/fragments/*.yml or *.yaml) added or changed since then. "Since" covers
#    the commits after the base and what is not committed yet (changed and untracked files).
#    The base is the last commit that changed changelogs/changelog.yaml: `antsibull-changelog
#    release` writes it and nothing else does, so that is the last release (before the first
#    one, the commit that added it, the start of the changelog); tags are not needed. When the
#    working tree's changelog.yaml differs from HEAD's, a release is being made in the working
#    tree (it consumed the fragments): the gate has nothing to compare until it is committed.
# 2. `antsibull-changelog lint` (the fragments) and `lint-changelog-yaml`;
# 3. CHANGELOG.rst builds, in a throw-away copy of the collection (never in the checkout):
#    `antsibull-changelog generate` from changelog.yaml when it has a release (it refuses to
#    run before the first one), and a preview of the next release: `antsibull-changelog
#    release --version <galaxy.yml version>` + generate in that copy, so the pending fragments
#    render too; the checkout's fragments and changelog.yaml are not touched.
# --release makes that release for real: galaxy.yml's version (a version already released
# takes the pending fragments in, its date kept; a new one is dated DATE, default today), then
# writes changelog.yaml and CHANGELOG.rst back into REPO and removes the fragments it took in.
#
#   tools/check-changelog.sh VENV REPO COPY [--write-changelog | --release [DATE]]
#     (nox -s changelog [-- --write-changelog | -- --release [DATE]]; make release)
#     VENV   a venv with antsibull-changelog and ansible-core
#     REPO   the git checkout
#     COPY   a throw-away copy of the collection, .../ansible_collections/ncm/platforms
#     --write-changelog  copy the preview CHANGELOG.rst into REPO/CHANGELOG.rst
#     --release [DATE]   release galaxy.yml's version into REPO (see above)
set -euo pipefail

usage='usage: tools/check-changelog.sh VENV REPO COPY [--write-changelog | --release [DATE]]'
venv=$(cd "${1:?$usage}" && pwd)
repo=$(cd "${2:?$usage}" && pwd)
copy=$(cd "${3:?$usage}" && pwd)
mode=${4:-check}
release_date=${5:-}
case $mode in
  check|--write-changelog|--release) ;;
  *) echo "$usage" >&2; exit 2 ;;
esac
export PATH="$venv/bin:$PATH"
export ANSIBLE_NOCOLOR=1 ANSIBLE_DEPRECATION_WARNINGS=false
git=(git -C "$repo")

"${git[@]}" rev-parse --git-dir >/dev/null 2>&1 || { echo "check-changelog: $repo is not a git checkout" >&2; exit 2; }
if [ "$("${git[@]}" rev-parse --is-shallow-repository)" = true ]; then
  echo "check-changelog: $repo is a shallow clone: the history back to the last release is needed (git fetch --unshallow)" >&2
  exit 1
fi

# ---- 1. fragment gate
changes_file=changelogs/changelog.yaml
base=$("${git[@]}" log -1 --format=%H -- "$changes_file")
if [ -z "$base" ]; then
  echo "check-changelog: no commit has $changes_file" >&2
  exit 1
fi
released=$(python -c 'import sys, yaml; print(" ".join(yaml.safe_load(open(sys.argv[1])).get("releases") or {}))' "$repo/$changes_file")
base_what="the last commit that changed $changes_file ($("${git[@]}" log -1 --format='%h, %ad' --date=short "$base"); released: ${released:-nothing yet})"
in_tree_release=false
"${git[@]}" diff --quiet HEAD -- "$changes_file" || in_tree_release=true

changes_since() {  # paths changed since the base, committed or not, plus untracked ones
  local filter=$1
  shift
  {
    "${git[@]}" diff --name-only --no-renames --diff-filter="$filter" "$base" -- "$@"
    "${git[@]}" ls-files --others --exclude-standard -- "$@"
  } | sort -u
}
code=$(changes_since ACDMRT plugins roles)
fragments=$(changes_since AMR changelogs/fragments | grep -E '\.ya?ml$' || true)

echo "check-changelog: base: $base_what"
if [ "$in_tree_release" = true ]; then
  echo "check-changelog: $changes_file is changed in the working tree (a release being made, which took the fragments in): the fragment gate counts from the commit that records it"
elif [ -n "$code" ]; then
  printf 'check-changelog: %s file(s) under plugins/ or roles/ changed since then\n' "$(wc -l <<<"$code")"
  if [ -z "$fragments" ]; then
    {
      echo "check-changelog: FAILED: these changes come without a new changelog fragment since $base_what:"
      awk 'NR <= 20 {print "    " $0}' <<<"$code"
      [ "$(wc -l <<<"$code")" -le 20 ] || echo "    ..."
      echo "  add changelogs/fragments/<something>.yml (sections: see changelogs/config.yaml;"
      echo "  a change users cannot see goes under 'trivial:')"
    } >&2
    exit 1
  fi
  printf 'check-changelog: fragment(s) since then: %s\n' "$(tr '\n' ' ' <<<"$fragments")"
else
  echo "check-changelog: nothing under plugins/ or roles/ changed since then"
fi

# ---- 2 and 3. lint and build, in COPY (a throw-away copy: ansible_collections/ncm/platforms)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export ANSIBLE_COLLECTIONS_PATH
ANSIBLE_COLLECTIONS_PATH=$(cd "$copy/../../.." && pwd)
cd "$copy"

antsibull-changelog lint
antsibull-changelog lint-changelog-yaml changelogs/changelog.yaml
echo "check-changelog: antsibull-changelog lint and lint-changelog-yaml: no findings"

releases=$(python -c 'import sys, yaml; print(len(yaml.safe_load(open(sys.argv[1])).get("releases") or {}))' changelogs/changelog.yaml)
if [ "$releases" -gt 0 ]; then
  antsibull-changelog generate
  echo "check-changelog: antsibull-changelog generate: CHANGELOG.rst builds from changelog.yaml ($releases release(s))"
else
  echo "check-changelog: changelog.yaml has no release yet: antsibull-changelog generate has nothing to render (it refuses before the first release); checking the preview only"
fi

version=$(python -c 'import sys, yaml; print(yaml.safe_load(open(sys.argv[1]))["version"])' galaxy.yml)
pending=$(find changelogs/fragments -maxdepth 1 -type f \( -name '*.yml' -o -name '*.yaml' \) | wc -l)
is_released() {
  python -c 'import sys, yaml; sys.exit(0 if sys.argv[2] in (yaml.safe_load(open(sys.argv[1])).get("releases") or {}) else 1)' \
    changelogs/changelog.yaml "$1"
}
release() {  # release (or take the pending fragments into) version $1, then render CHANGELOG.rst
  antsibull-changelog release --version "$1" ${2:+--date "$2"} >"$work/release.log" 2>&1 \
    || { cat "$work/release.log" >&2; echo "check-changelog: antsibull-changelog release $1 failed" >&2; exit 1; }
  grep -v -e '^WARNING Found no release_summary' -e "^WARNING release $1 already exists" "$work/release.log" || true
  antsibull-changelog generate
  [ -s CHANGELOG.rst ] || { echo "check-changelog: release $1 made no CHANGELOG.rst" >&2; exit 1; }
  if [ -x "$venv/bin/rstcheck" ]; then
    rstcheck --report-level warning CHANGELOG.rst
  fi
}

if [ "$mode" = --release ]; then
  if is_released "$version"; then
    what="took $pending pending fragment(s) into release $version"
  else
    what="released $version (${release_date:-today}) with $pending fragment(s)"
  fi
  release "$version" "$release_date"
  antsibull-changelog lint-changelog-yaml changelogs/changelog.yaml
  cp changelogs/changelog.yaml "$repo/changelogs/changelog.yaml"
  cp CHANGELOG.rst "$repo/CHANGELOG.rst"
  for fragment in "$repo"/changelogs/fragments/*.y*ml; do
    [ -e "$fragment" ] || continue
    [ -e "changelogs/fragments/$(basename "$fragment")" ] || rm "$fragment"
  done
  echo "check-changelog: $what; wrote $repo/changelogs/changelog.yaml and CHANGELOG.rst and removed the fragments it took in (commit them together)"
  exit 0
fi

if [ "$pending" -gt 0 ]; then
  # galaxy.yml still names a released version: preview the fragments as the next patch release
  if is_released "$version"; then
    version=$(python -c 'import sys; v = sys.argv[1].split("."); v[-1] = str(int(v[-1]) + 1); print(".".join(v))' "$version")
  fi
  release "$version"
  echo "check-changelog: preview of release $version ($pending pending fragment(s)): CHANGELOG.rst builds ($(wc -l <CHANGELOG.rst) lines)"
  what="the preview of release $version"
elif [ "$releases" -gt 0 ]; then
  what="the one generated from changelog.yaml"
else
  echo "check-changelog: no release and no fragment: nothing to render" >&2
  exit 1
fi

if [ "$mode" = --write-changelog ]; then
  cp CHANGELOG.rst "$repo/CHANGELOG.rst"
  echo "check-changelog: wrote $repo/CHANGELOG.rst ($what)"
elif [ -f "$repo/CHANGELOG.rst" ] && ! cmp -s CHANGELOG.rst "$repo/CHANGELOG.rst"; then
  echo "check-changelog: note: the committed CHANGELOG.rst differs from $what (refresh: make changelog ARGS=--write-changelog)"
fi
echo "check-changelog: passed"
