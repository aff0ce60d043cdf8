#!/usr/bin/env bash
# The changelog gate:
# 1. a change under plugins/ or roles/ since the last release must come with a changelog
#    fragment (changelogs/fragments/*.yml or *.yaml) added or changed since then. "Since" covers
#    the commits after the base and what is not committed yet (changed and untracked files).
#    The base is the last release: the nearest tag v* reachable from HEAD; with no such tag
#    (nothing released yet, changelogs/changelog.yaml has `releases: {}`), the commit that
#    added changelogs/changelog.yaml, i.e. the start of the changelog (antsibull-changelog
#    puts every fragment written since then into the first release).
# 2. `antsibull-changelog lint` (the fragments) and `lint-changelog-yaml`;
# 3. CHANGELOG.rst builds, in a throw-away copy of the collection (never in the checkout):
#    `antsibull-changelog generate` from changelog.yaml when it has a release (it refuses to
#    run before the first one), and a preview of the next release: `antsibull-changelog
#    release --version <galaxy.yml version>` + generate in that copy, so the pending fragments
#    render too; the checkout's fragments and changelog.yaml are not touched.
#
#   tools/check-changelog.sh VENV REPO COPY [--write-changelog]   (nox -s changelog [-- --write-changelog])
#     VENV   a venv with antsibull-changelog and ansible-core
#     REPO   the git checkout
#     COPY   a throw-away copy of the collection, .../ansible_collections/ncm/platforms
#     --write-changelog  copy the preview CHANGELOG.rst into REPO/CHANGELOG.rst
set -euo pipefail

usage='usage: tools/check-changelog.sh VENV REPO COPY [--write-changelog]'
venv=$(cd "${1:?$usage}" && pwd)
repo=$(cd "${2:?$usage}" && pwd)
copy=$(cd "${3:?$usage}" && pwd)
write=false
[ "${4:-}" = --write-changelog ] && write=true
export PATH="$venv/bin:$PATH"
export ANSIBLE_NOCOLOR=1 ANSIBLE_DEPRECATION_WARNINGS=false
git=(git -C "$repo")

"${git[@]}" rev-parse --git-dir >/dev/null 2>&1 || { echo "check-changelog: $repo is not a git checkout" >&2; exit 2; }
if [ "$("${git[@]}" rev-parse --is-shallow-repository)" = true ]; then
  echo "check-changelog: $repo is a shallow clone: the history back to the last release is needed (git fetch --unshallow --tags)" >&2
  exit 1
fi

# ---- 1. fragment gate
if base=$("${git[@]}" describe --tags --abbrev=0 --match 'v*' HEAD 2>/dev/null); then
  base_what="the last release, tag $base"
else
  base=$("${git[@]}" log --diff-filter=A --format=%H --reverse -- changelogs/changelog.yaml | head -n 1)
  if [ -z "$base" ]; then
    echo "check-changelog: no tag v* and no commit that added changelogs/changelog.yaml" >&2
    exit 1
  fi
  base_what="no release tag v* yet: the commit that added changelogs/changelog.yaml, $("${git[@]}" log -1 --format='%h (%ad)' --date=short "$base")"
fi

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
if [ -n "$code" ]; then
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
if python -c 'import sys, yaml; sys.exit(0 if sys.argv[2] in (yaml.safe_load(open(sys.argv[1])).get("releases") or {}) else 1)' \
    changelogs/changelog.yaml "$version"; then
  # galaxy.yml still names the released version: preview as the next patch release
  version=$(python -c 'import sys; v = sys.argv[1].split("."); v[-1] = str(int(v[-1]) + 1); print(".".join(v))' "$version")
fi
pending=$(find changelogs/fragments -maxdepth 1 -type f \( -name '*.yml' -o -name '*.yaml' \) | wc -l)
antsibull-changelog release --version "$version" >"$work/release.log" 2>&1 \
  || { cat "$work/release.log" >&2; echo "check-changelog: the preview release failed" >&2; exit 1; }
grep -v '^WARNING Found no release_summary' "$work/release.log" || true
antsibull-changelog generate
[ -s CHANGELOG.rst ] || { echo "check-changelog: the preview made no CHANGELOG.rst" >&2; exit 1; }
if [ -x "$venv/bin/rstcheck" ]; then
  rstcheck --report-level warning CHANGELOG.rst
fi
echo "check-changelog: preview of release $version ($pending pending fragment(s)): CHANGELOG.rst builds ($(wc -l <CHANGELOG.rst) lines)"

if [ "$write" = true ]; then
  cp CHANGELOG.rst "$repo/CHANGELOG.rst"
  echo "check-changelog: wrote $repo/CHANGELOG.rst (the preview of release $version)"
elif [ -f "$repo/CHANGELOG.rst" ] && ! cmp -s CHANGELOG.rst "$repo/CHANGELOG.rst"; then
  echo "check-changelog: note: the committed CHANGELOG.rst differs from the preview of release $version (refresh: make changelog ARGS=--write-changelog)"
fi
echo "check-changelog: passed"
