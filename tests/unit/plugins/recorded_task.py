# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A task for unit tests of the layers below the module: what it warned and logged is kept."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ncm.platforms.plugins.module_utils.task import Task


class RecordedTask(Task):
    """A ``Task`` with ``params``; its warnings (``[WARNING] ``-prefixed) and debug lines are kept in ``lines``."""

    def __init__(self, params, secrets=()):
        self.lines = []
        super(RecordedTask, self).__init__(params, secrets=set(secrets), warn=self._warned, debug=self.lines.append)

    def _warned(self, line):
        self.lines.append("[WARNING] " + line)
