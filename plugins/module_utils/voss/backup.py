# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""``hcs_admin_users`` ``backup``: the users a task is about to delete, exported to a file on
the host the module runs on before the first write.

The file is the server's JSON export zip, scrubbed of secrets (``export.scrubbed_zip``),
written whole to a temporary file (mode 0600) in the target directory and renamed into place,
so it is either complete or absent.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os
import re
from datetime import datetime, timezone

from ansible_collections.ncm.platforms.plugins.module_utils import errors, files
from ansible_collections.ncm.platforms.plugins.module_utils.voss import export
from ansible_collections.ncm.platforms.plugins.module_utils.voss.client import BATCH

DEFAULT_DIR = "backup"
UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


def check_options(options):
    """Fail before any request on a ``backup_options.filename`` that is not a plain file name."""
    name = (options or {}).get("filename")
    if name is not None and (not name.strip() or os.path.basename(name) != name or name in (".", "..")):
        raise errors.InputError("backup_options.filename must be a file name without a directory (got %r); "
                                "give the directory as backup_options.dir_path." % name)


def backup_path(options, hierarchy, now=None):
    """Where the backup goes: ``<dir_path>/<filename>``; by default ``backup/<hierarchy>_<UTC
    time>.json.zip`` under the current directory of the process the module runs in."""
    options = options or {}
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y-%m-%dT%H-%M-%S.%fZ")
    name = options.get("filename") or "%s_%s.json.zip" % (UNSAFE.sub("_", hierarchy), stamp)
    return os.path.abspath(os.path.join(options.get("dir_path") or DEFAULT_DIR, name))


def write_atomically(path, payload):
    """Write ``payload`` to ``path`` (``files.write_private``: mode 0600, whole or not at all)."""
    directory = os.path.dirname(path)
    try:
        os.makedirs(directory, mode=0o700, exist_ok=True)
        files.write_private(path, payload)
    except OSError as exc:
        raise errors.NcmError("backup: cannot write %s: %s; nothing was changed." % (path, exc.strerror))
    return path


def back_up(client, hierarchy, users, options):
    """Export ``users`` (API objects with ``pkid``) into the backup file; return its path.

    One export request per ``client.BATCH`` users, all in one file. A refused or unreadable
    export fails the task here, before any write.
    """
    pkids = [user["pkid"] for user in users]
    try:
        payloads = [client.export_users(hierarchy, pkids[start:start + BATCH]) for start in range(0, len(pkids), BATCH)]
        payload = export.scrubbed_zip(payloads)
    except errors.NcmError as exc:
        raise errors.NcmError("backup: the export of the %d users to be deleted failed: %s; nothing was "
                              "changed." % (len(pkids), exc.message))
    return write_atomically(backup_path(options, hierarchy), payload)
