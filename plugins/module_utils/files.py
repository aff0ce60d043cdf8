# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Files a module writes on the host it runs on (an export before a purge, a backup before a
delete): readable by their owner only, and complete or absent."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os
import tempfile


def write_private(path, payload):
    """Write ``payload`` (bytes) to ``path``, mode 0600.

    The bytes go to a temporary file beside ``path`` (made 0600 by ``mkstemp``), are flushed
    to disk, and the file is renamed into place: a reader never sees a part of it. An
    ``OSError`` leaves no temporary file behind and reaches the caller, whose message names
    its option.
    """
    handle, temporary = tempfile.mkstemp(prefix=".ncm-", suffix=".tmp", dir=os.path.dirname(os.path.abspath(path)))
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except OSError:
        os.unlink(temporary)
        raise
