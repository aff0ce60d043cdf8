# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A module's logic run in process: validation, secrets, warnings and failures as a module has them."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import types

from ansible_collections.ncm.platforms.plugins.module_utils import errors
from ansible_collections.ncm.platforms.plugins.plugin_utils import module_result

SECRET = "hunter2-secret-value"
SPEC = dict(
    name=dict(type="str", required=True),
    token=dict(type="str", no_log=True),
    mode=dict(type="str", default="fast"),
    api=dict(type="dict", options=dict(url=dict(type="str"), password=dict(type="str", no_log=True))),
    config=dict(type="list", elements="dict", options=dict(key=dict(type="str", no_log=True))),
)


def fake_module(run, rules=None):
    return types.SimpleNamespace(ARGUMENT_SPEC=SPEC, RULES=rules or {}, CONNECT=lambda task: types.SimpleNamespace(wrote=False), run=run)


def test_no_log_values_of_options_and_suboptions():
    params = {"name": "n", "token": SECRET, "api": {"password": "pw-123456"}, "config": [{"key": "k-987654"}, {"key": " "}]}
    assert module_result.no_log_values(SPEC, params) == {SECRET, "pw-123456", "k-987654"}


def test_a_result_has_invocation_warnings_and_masked_secrets():
    def run(task, client):
        task.warn("careful with %s" % task.params["token"])
        return True, {"echo": task.params["token"], "pair": (1, 2), "diff": {"before": {}, "after": {}}}
    result = module_result.run(fake_module(run), {"name": "n", "token": SECRET}, check_mode=False, diff=False, name="x")
    assert result == {
        "changed": True, "echo": "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER", "pair": [1, 2],
        "invocation": {"module_args": {"name": "n", "token": "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER", "mode": "fast",
                                       "api": None, "config": None}},
        "warnings": ["careful with ********"]}
    assert SECRET not in repr(result)


def test_an_unknown_option_fails_as_ansible_module_says_it():
    result = module_result.run(fake_module(None), {"name": "n", "nosuch": 1}, check_mode=False, diff=False,
                               name="ncm.platforms.x")
    assert result["failed"] is True
    assert result["msg"].startswith("Unsupported parameters for (ncm.platforms.x) module: nosuch. Supported parameters include:")


def test_a_missing_required_option_fails_before_run():
    def run(task, client):
        raise AssertionError("run must not be called")
    result = module_result.run(fake_module(run), {}, check_mode=False, diff=False, name="x")
    assert (result["failed"], result["msg"]) == (True, "missing required arguments: name")


def test_an_error_of_run_fails_with_its_details_and_the_secret_masked():
    def run(task, client):
        raise errors.ApiError("GET", "/x", 500, "boom", "GET /x answered 500 for %s" % task.params["token"])
    result = module_result.run(fake_module(run), {"name": "n", "token": SECRET}, check_mode=True, diff=True, name="x")
    assert (result["failed"], result["changed"], result["status"]) == (True, False, 500)
    assert result["msg"] == "GET /x answered 500 for ********"


def test_rules_apply_with_null_as_missing():
    def run(task, client):
        return False, {}
    rules = {"required_one_of": [["token", "api"]]}
    result = module_result.run(fake_module(run, rules), {"name": "n", "token": None, "api": {"url": "u"}},
                               check_mode=False, diff=False, name="x")
    assert result == {"changed": False, "invocation": {"module_args": {
        "name": "n", "token": None, "mode": "fast", "api": {"url": "u", "password": None}, "config": None}}}
    result = module_result.run(fake_module(run, rules), {"name": "n", "token": None, "api": None},
                               check_mode=False, diff=False, name="x")
    assert (result["failed"], result["msg"]) == (True, "one of the following is required: token, api")
