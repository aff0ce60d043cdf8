# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The base of the collection's action plugins: a task whose connection is local runs its
module's logic in the worker process; any other task runs the module as a module.

Why: a module process costs a Python start-up and the imports (about 0.8 s a task on a small
machine); the strategy loads an action plugin's class once per playbook, so what this file
imports (the module, ``requests``) is paid once and every task's worker, a fork, has it.
Only public ansible-core APIs: no patched AnsibleModule, no parsed module output, no daemon.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os
import sys

from ansible.module_utils.parsing.convert_bool import boolean
from ansible.plugins.action.normal import ActionModule as NormalAction
from ansible.utils.display import Display

from ansible_collections.ncm.platforms.plugins.module_utils import rest
from ansible_collections.ncm.platforms.plugins.plugin_utils import module_result

display = Display()

SWITCH = "ncm_platforms_in_process"


def _same_python(interpreter):
    """Whether ``interpreter`` names the controller's own Python environment (the same
    ``bin`` folder: a venv's python, python3 and python3.X are one environment)."""
    if not interpreter or str(interpreter).startswith("auto"):
        return True
    here = os.path.dirname(os.path.abspath(sys.executable))
    return os.path.dirname(os.path.abspath(str(interpreter))) == here


class ModuleAction(NormalAction):
    """Runs ``module`` (a module file of this collection: ``ARGUMENT_SPEC``, ``RULES``, ``CONNECT``,
    ``run``) in the worker when the task runs on the controller; otherwise as a module."""

    module = None

    def module_path_reason(self, task_vars):
        """Why this task must run as a module, or None when it may run in the worker."""
        if not boolean(task_vars.get(SWITCH, True), strict=False):
            return "%s is false" % SWITCH
        if self._connection.transport != "local":
            return "the connection is %s, not local (the module runs where the task is delegated)" % (
                self._connection.transport)
        if self._task.become:
            return "the task uses become"
        if self._task.async_val:
            return "the task runs with async"
        if any(self._task.environment or ()):
            return "the task sets environment:, which only a module process receives"  # never its values
        if not rest.HAS_REQUESTS:
            return "requests cannot be imported on the controller"
        interpreter = self._interpreter(task_vars)
        if not _same_python(interpreter):
            return "ansible_python_interpreter is %s, not the controller's Python" % interpreter
        return None

    def _interpreter(self, task_vars):
        """The Python the module would run in: the delegated host's when the task is delegated."""
        host_vars = task_vars
        if self._task.delegate_to:
            host_vars = (task_vars.get("ansible_delegated_vars") or {}).get(self._task.delegate_to) or {}
        return self._templar.template(host_vars.get("ansible_python_interpreter"))

    def run(self, tmp=None, task_vars=None):
        task_vars = task_vars or {}
        reason = self.module_path_reason(task_vars)
        if reason is not None:
            display.vvv("%s runs as a module: %s" % (self._task.action, reason))
            return super(ModuleAction, self).run(tmp, task_vars)
        display.vvv("%s runs in the controller's worker process (local connection)" % self._task.action)
        result = super(NormalAction, self).run(tmp, task_vars)  # ActionBase's checks, not the module run
        result.update(module_result.run(self.module, self._task.args, check_mode=bool(self._task.check_mode),
                                        diff=bool(self._task.diff), name=self._task.action, debug=display.debug))
        return result
