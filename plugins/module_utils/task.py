# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The task a module runs, as every layer below the module sees it.

The runner builds one from the module object (an action plugin could build one from the
task's arguments); nothing below the module layer sees the module object. ``secrets`` is the
set of values every output masks: a value added with ``hide`` is masked in the result the
way a ``no_log`` option is, because the runner hands Ansible the same set.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

COLLECTION = "ncm.platforms"


class Task(object):
    """``params`` (the validated options), ``check_mode``, ``diff``, ``secrets``, ``warn``,
    ``deprecate``, ``debug``."""

    def __init__(self, params, check_mode=False, diff=False, secrets=None, warn=None, debug=None, deprecate=None):
        self.params = params
        self.check_mode = check_mode
        self.diff = diff
        self.secrets = set() if secrets is None else secrets
        self._warn = warn
        self._debug = debug
        self._deprecate = deprecate

    def hide(self, value):
        """Mask ``value`` wherever the task's output would show it (blank values are not secrets)."""
        if value is not None and str(value).strip():
            self.secrets.add(str(value))

    def warn(self, message):
        if self._warn is not None:
            self._warn(message)

    def deprecate(self, message, version):
        """A deprecation of this collection, removed in ``version``: AnsibleModule.deprecate's arguments."""
        if self._deprecate is not None:
            self._deprecate(message, version=version, collection_name=COLLECTION)

    def debug(self, message):
        if self._debug is not None:
            self._debug(message)
