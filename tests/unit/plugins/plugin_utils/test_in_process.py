# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""When a task runs in the worker process, and when as a module (plugin_utils/in_process.py)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os
import sys
from unittest import mock

import pytest

from ansible_collections.ncm.platforms.plugins.module_utils import rest
from ansible_collections.ncm.platforms.plugins.plugin_utils import in_process
from ansible_collections.ncm.platforms.plugins.action.nccm_configuration_policy import ActionModule
from ansible_collections.ncm.platforms.plugins.modules import nccm_configuration_policy

HERE = os.path.dirname(os.path.abspath(sys.executable))


def action(transport="local", become=False, async_val=0, environment=None, delegate_to=None):
    task = mock.Mock(become=become, async_val=async_val, environment=environment or [], action="ncm.platforms.x",
                     delegate_to=delegate_to)
    templar = mock.Mock()
    templar.template.side_effect = lambda value: value
    plugin = ActionModule(task, mock.Mock(transport=transport), mock.Mock(), mock.Mock(), templar, mock.Mock())
    return plugin


def test_the_action_runs_its_own_module():
    assert ActionModule.module is nccm_configuration_policy


def test_a_local_task_runs_in_the_worker():
    assert action().module_path_reason({}) is None
    assert action().module_path_reason({"ansible_python_interpreter": os.path.join(HERE, "python3")}) is None


@pytest.mark.parametrize("plugin, task_vars, reason", [
    (action(), {"ncm_platforms_in_process": False}, "ncm_platforms_in_process is false"),
    (action(), {"ncm_platforms_in_process": "no"}, "ncm_platforms_in_process is false"),
    (action(transport="ssh"), {}, "the connection is ssh, not local"),
    (action(become=True), {}, "the task uses become"),
    (action(async_val=60), {}, "the task runs with async"),
    (action(environment=[{"HTTPS_PROXY": "http://proxy:3128"}]), {}, "the task sets environment:"),
    (action(), {"ansible_python_interpreter": "/opt/other-venv/bin/python3"},
     "ansible_python_interpreter is /opt/other-venv/bin/python3, not the controller's Python"),
])
def test_every_reason_to_run_as_a_module(plugin, task_vars, reason):
    assert plugin.module_path_reason(task_vars).startswith(reason)


def test_a_task_delegated_to_localhost_takes_the_interpreter_of_localhost():
    task_vars = {"ansible_python_interpreter": "/usr/bin/python3",  # the play's remote host
                 "ansible_delegated_vars": {"localhost": {"ansible_python_interpreter": sys.executable}}}
    assert action(delegate_to="localhost").module_path_reason(task_vars) is None
    task_vars["ansible_delegated_vars"]["localhost"]["ansible_python_interpreter"] = "/opt/venv/bin/python"
    assert action(delegate_to="localhost").module_path_reason(task_vars).startswith("ansible_python_interpreter is")


def test_the_environment_reason_never_shows_its_values():
    plugin = action(environment=[{"HTTPS_PROXY": "http://user:proxy-secret-77@proxy:3128"}])
    assert plugin.module_path_reason({}) == "the task sets environment:, which only a module process receives"


def test_an_empty_environment_entry_is_no_environment():
    assert action(environment=[{}]).module_path_reason({}) is None


def test_without_requests_on_the_controller_the_module_runs(monkeypatch):
    monkeypatch.setattr(rest, "HAS_REQUESTS", False)
    assert action().module_path_reason({}) == "requests cannot be imported on the controller"


def test_interpreter_discovery_counts_as_the_controller():
    assert in_process._same_python("auto_silent") and in_process._same_python(None)
