# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from unittest.mock import Mock

import pytest

from ansible_collections.ncm.platforms.plugins.module_utils import errors, rest, runner, validate


class Exit(Exception):
    pass


def fake_module(diff=False, params=None, **rules):
    module = Mock(spec=["exit_json", "fail_json", "_diff", "check_mode", "warn", "deprecate", "debug", "no_log_values",
                        "argument_spec", "params"] + list(validate.RULES))
    module._diff = diff
    module.no_log_values = {"hunter2-secret"}
    module.params = params or {}
    module.argument_spec = dict((name, {}) for name in module.params)
    for name in validate.RULES:
        setattr(module, name, rules.get(name))
    module.exit_json.side_effect = Exit
    module.fail_json.side_effect = Exit
    return module


@pytest.mark.parametrize("diff", [False, True])
def test_result_exits_and_diff_is_kept_only_with_diff_mode(diff):
    module = fake_module(diff)
    client = object()
    run = Mock(return_value=(True, {"record": {"id": "1"}, "diff": {"before": {}, "after": {"a": 1}}}))
    with pytest.raises(Exit):
        runner.execute(module, lambda m: client, run)
    (task, connected), _kwargs = run.call_args
    assert (task.params, task.diff, task.secrets, connected) == (module.params, diff, module.no_log_values, client)
    expected = {"record": {"id": "1"}}
    if diff:
        expected["diff"] = {"before": {}, "after": {"a": 1}}
    module.exit_json.assert_called_once_with(changed=True, **expected)


def test_errors_become_fail_json_with_details():
    module = fake_module()
    error = errors.ApiError("GET", "/x", 500, "boom", "GET /x returned HTTP 500: boom")
    with pytest.raises(Exit):
        runner.execute(module, lambda m: None, Mock(side_effect=error))
    module.fail_json.assert_called_once_with(
        changed=False, msg="GET /x returned HTTP 500: boom", method="GET", path="/x", status=500, server_message="boom")


def test_errors_while_connecting_fail_too():
    module = fake_module()
    with pytest.raises(Exit):
        runner.execute(module, Mock(side_effect=errors.InputError("api.url is not a URL")), Mock())
    module.fail_json.assert_called_once_with(changed=False, msg="api.url is not a URL")


def test_an_option_set_to_null_is_missing_before_connecting():
    module = fake_module(params={"feature_ids": [1], "site_ids": None}, required_one_of=[["id", "site_ids"]])
    connect = Mock()
    with pytest.raises(Exit):
        runner.execute(module, connect, Mock())
    module.fail_json.assert_called_once_with(changed=False, msg="one of the following is required: id, site_ids")
    connect.assert_not_called()


def test_a_failure_after_an_accepted_write_reports_changed():
    module = fake_module()
    client = Mock(spec=["wrote"], wrote=True)
    with pytest.raises(Exit):
        runner.execute(module, lambda m: client, Mock(side_effect=errors.ResponseFormatError("no read-back")))
    module.fail_json.assert_called_once_with(changed=True, msg="no read-back")


def test_an_unforeseen_exception_fails_redacted_in_every_form():
    module = fake_module()
    with pytest.raises(Exit):
        runner.execute(module, lambda m: None, Mock(side_effect=ValueError("bad header 'hunter2-secret\\n'")))
    kwargs = module.fail_json.call_args.kwargs
    assert kwargs["msg"] == "Unexpected ValueError: bad header '********\\n'"
    assert "hunter2" not in kwargs["exception"] and "Traceback" in kwargs["exception"]


def test_missing_requests_fails_with_missing_required_lib(monkeypatch):
    monkeypatch.setattr(rest, "HAS_REQUESTS", False)
    monkeypatch.setattr(rest, "REQUESTS_IMPORT_ERROR", "Traceback ...")
    module = fake_module()
    connect = Mock()
    with pytest.raises(Exit):
        runner.execute(module, connect, Mock())
    assert "requests" in module.fail_json.call_args.kwargs["msg"]
    connect.assert_not_called()
