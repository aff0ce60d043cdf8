# -*- coding: utf-8 -*-
# Copyright: ncm.platforms contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Mirror the checkout into BUILD/ansible_collections/ncm/platforms.

ansible-test must run from a path that ends in ``ansible_collections/NAMESPACE/NAME``.
This script copies exactly the collection's files there, on every run:

* the files are what git sees in the checkout: tracked plus untracked-and-not-ignored
  (``git ls-files --cached --others --exclude-standard``), minus deleted ones; outside a
  git checkout, a walk that skips the usual tool folders;
* a file is copied only when its size or modification time differ; files that are no
  longer in the checkout are removed from the copy;
* the copy gets an empty git repository of its own, so that ansible-test lists its files
  with git (all untracked, filtered by the copied .gitignore) instead of walking up to the
  checkout's repository, in which the build folder is ignored;
* ``.git``, ``tests/output`` and ``.ansible`` in the copy are left alone (tool state).

Usage: python tools/build_collection_tree.py SOURCE BUILD_ROOT
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

NAMESPACE = 'ncm'
NAME = 'platforms'

# kept in the copy between runs, never mirrored from the checkout
PRESERVED = ('.git', '.ansible', 'tests/output')

# skipped when the checkout is not a git repository
WALK_SKIP_DIRS = ('.git', '.build', '.tox', '.ansible', '.cache', '.pytest_cache', '__pycache__', 'build', 'dist')
WALK_SKIP_PREFIXES = ('.venv',)
WALK_SKIP_PATHS = ('tests/output', 'tests/integration/integration_config.yml')
WALK_SKIP_SUFFIXES = ('.pyc', '.pyo', '.tar.gz', '.retry')


def git_files(source):
    """Return the files git sees in the checkout, or None when it is not a git checkout."""
    if not os.path.exists(os.path.join(source, '.git')):
        return None

    def ls_files(*options):
        output = subprocess.check_output(['git', '-C', source, 'ls-files', '-z'] + list(options))
        return set(item for item in output.decode('utf-8').split('\0') if item)

    return ls_files('--cached', '--others', '--exclude-standard') - ls_files('--deleted')


def walk_files(source):
    """Return the files under the checkout, skipping tool folders."""
    found = set()

    for root, dirs, files in os.walk(source):
        rel_root = os.path.relpath(root, source)
        rel_root = '' if rel_root == '.' else rel_root
        dirs[:] = [name for name in dirs
                   if name not in WALK_SKIP_DIRS
                   and not name.startswith(WALK_SKIP_PREFIXES)
                   and os.path.join(rel_root, name) not in WALK_SKIP_PATHS]

        for name in files:
            rel_path = os.path.join(rel_root, name)

            if rel_path in WALK_SKIP_PATHS or name.endswith(WALK_SKIP_SUFFIXES):
                continue

            found.add(rel_path)

        found.update(os.path.join(rel_root, name) for name in dirs if os.path.islink(os.path.join(root, name)))

    return found


def is_preserved(rel_path):
    """Return True when the path in the copy belongs to a tool and is never mirrored."""
    return any(rel_path == item or rel_path.startswith(item + '/') for item in PRESERVED)


def same_file(src, dst):
    """Return True when dst looks like an up-to-date copy of src."""
    if os.path.islink(src) or os.path.islink(dst):
        return os.path.islink(src) and os.path.islink(dst) and os.readlink(src) == os.readlink(dst)

    if not os.path.isfile(dst):
        return False

    src_stat = os.stat(src)
    dst_stat = os.stat(dst)

    return (src_stat.st_size == dst_stat.st_size
            and src_stat.st_mtime_ns == dst_stat.st_mtime_ns
            and src_stat.st_mode == dst_stat.st_mode)


def remove(path):
    """Remove a file, a symlink or a folder."""
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path)
    elif os.path.lexists(path):
        os.unlink(path)


def copy(src, dst):
    """Copy one file or symlink, with its mode and modification time."""
    parent = os.path.dirname(dst)

    if os.path.lexists(parent) and not os.path.isdir(parent):
        remove(parent)

    os.makedirs(parent, exist_ok=True)

    if os.path.isdir(dst) and not os.path.islink(dst):
        shutil.rmtree(dst)

    if os.path.islink(src):
        remove(dst)
        os.symlink(os.readlink(src), dst)
    else:
        shutil.copy2(src, dst)


def sync(source, dest, wanted):
    """Make dest hold exactly the wanted files of source; return (copied, removed)."""
    copied = removed = 0

    for rel_path in sorted(wanted):
        src = os.path.join(source, rel_path)
        dst = os.path.join(dest, rel_path)

        if not os.path.lexists(src):
            continue

        if not same_file(src, dst):
            copy(src, dst)
            copied += 1

    for root, dirs, files in os.walk(dest, topdown=True):
        rel_root = os.path.relpath(root, dest)
        rel_root = '' if rel_root == '.' else rel_root
        dirs[:] = [name for name in dirs if not is_preserved(os.path.join(rel_root, name))]

        for name in files + [item for item in dirs if os.path.islink(os.path.join(root, item))]:
            rel_path = os.path.join(rel_root, name)

            if rel_path not in wanted and not is_preserved(rel_path):
                remove(os.path.join(root, name))
                removed += 1

    for root, dirs, files in os.walk(dest, topdown=False):
        rel_root = os.path.relpath(root, dest)

        if rel_root != '.' and not is_preserved(rel_root) and not os.listdir(root):
            os.rmdir(root)

    return copied, removed


def main():
    """Build or refresh the collection tree."""
    if len(sys.argv) != 3:
        sys.exit(__doc__)

    source = os.path.abspath(sys.argv[1])
    dest = os.path.join(os.path.abspath(sys.argv[2]), 'ansible_collections', NAMESPACE, NAME)

    if os.path.commonpath([source, dest]) == dest:
        sys.exit('the build folder must not contain the checkout')

    wanted = git_files(source)

    if wanted is None:
        wanted = walk_files(source)

    os.makedirs(dest, exist_ok=True)
    copied, removed = sync(source, dest, wanted)

    if not os.path.isdir(os.path.join(dest, '.git')):
        subprocess.check_call(['git', 'init', '--quiet', dest])

    print('collection tree %s: %d files, %d copied, %d removed' % (dest, len(wanted), copied, removed))


if __name__ == '__main__':
    main()
