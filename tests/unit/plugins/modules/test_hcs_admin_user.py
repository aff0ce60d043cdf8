# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
from unittest import mock

import pytest

from ansible_collections.ncm.platforms.plugins.module_utils import errors
from ansible_collections.ncm.platforms.plugins.module_utils.voss import client as voss
from ansible_collections.ncm.platforms.plugins.modules import hcs_admin_user as module
from ansible_collections.ncm.platforms.tests.unit.plugins.modules import module_harness as helpers

API_PASSWORD = "api-pass-8812"
USER_PASSWORD = "user-pass-Qw12er"
API = {"url": "https://voss.example.test", "username": "hcsadmin@sys.hcs", "password": API_PASSWORD}
NODE = "sys.hcs.CS-P.CS-NB.AAAGlobal"
TX = "tx-1"
CURRENT = {
    "pkid": "p1", "hierarchy_path": NODE, "hcsUname": "jo",
    "AdminUser": {"username": "jo", "first_name": "Jo", "role": "CustomerAdminRole", "language": "en-us",
                  "set_language": False, "email": "jo@example.test",
                  "account_information": {"locked": False, "disabled": False, "change_password_on_login": False,
                                          "last_login_time": "2025-01-01T00:00:00.000Z"}},
}


def new_client(current=None):
    client = helpers.new_client(voss.VossClient)
    client.find_user.return_value = json.loads(json.dumps(current)) if current else None
    client.reference_name.side_effect = lambda hierarchy, value, attrs: value
    client.create_user.return_value = (dict(CURRENT), TX)
    client.update_user.return_value = (dict(CURRENT), TX)
    client.delete_user.return_value = TX
    return client


def run_module(params, client, capsys, check_mode=False, diff=False):
    params = dict(dict(hierarchy=NODE, username="jo"), **params)
    return helpers.run_module(module, params, client, capsys, check_mode=check_mode, diff=diff,
                              api=API, secrets=[API_PASSWORD, USER_PASSWORD])


def writes(client):
    return [call for call in client.mock_calls if call[0] in ("create_user", "update_user", "delete_user")]


@pytest.mark.parametrize("check_mode", [False, True])
def test_creates_a_missing_user(capsys, check_mode):
    client = new_client()
    result = run_module({"first_name": "Jo", "role": "CustomerAdminRole", "password": USER_PASSWORD},
                        client, capsys, check_mode=check_mode, diff=True)
    assert result["changed"] is True
    assert client.find_user.call_args == mock.call(NODE, "jo")
    assert result["diff"] == {"before": {}, "after": {"username": "jo", "first_name": "Jo", "role": "CustomerAdminRole",
                                                      "password": "********"}}
    if check_mode:
        assert writes(client) == []
        assert result["transaction_id"] is None
        assert result["user"] == {"hcsUname": "jo", "hierarchy_path": NODE, "AdminUser": {
            "username": "jo", "first_name": "Jo", "role": "CustomerAdminRole", "language": "en-us", "set_language": False,
            "account_information": {"disabled": False, "locked": False, "change_password_on_login": False}}}
        return
    body = {"hcsUname": "jo", "AdminUser": {"username": "jo", "first_name": "Jo", "role": "CustomerAdminRole",
                                            "password": USER_PASSWORD}}
    assert writes(client) == [mock.call.create_user(NODE, body, 300)]
    assert result["transaction_id"] == TX
    assert result["user"] == CURRENT


@pytest.mark.parametrize("check_mode", [False, True])
def test_role_is_required_on_create_and_nothing_is_written(capsys, check_mode):
    client = new_client()
    result = run_module({"first_name": "Jo"}, client, capsys, check_mode=check_mode)
    assert result["failed"] is True
    assert result["msg"] == "role is required on create."
    assert writes(client) == []


def test_same_again_is_unchanged_and_sends_no_write(capsys):
    client = new_client(CURRENT)
    result = run_module({"first_name": "Jo", "role": "CustomerAdminRole", "language": "EN-US", "set_language": False,
                         "password": USER_PASSWORD, "account_information": {"locked": False}}, client, capsys, diff=True)
    assert result["changed"] is False
    assert writes(client) == []
    assert result["diff"] == {"before": {}, "after": {}}
    assert result["transaction_id"] is None


@pytest.mark.parametrize("check_mode", [False, True])
def test_one_changed_field_updates_the_whole_user_and_diffs_that_field(capsys, check_mode):
    client = new_client(CURRENT)
    result = run_module({"last_name": "Doe", "password": USER_PASSWORD}, client, capsys, check_mode=check_mode, diff=True)
    assert result["changed"] is True
    assert result["diff"] == {"before": {"last_name": None}, "after": {"last_name": "Doe"}}
    if check_mode:
        assert writes(client) == []
        assert result["user"]["AdminUser"]["last_name"] == "Doe"
        return
    body = {"hcsUname": "jo", "AdminUser": dict(CURRENT["AdminUser"], last_name="Doe", account_information={
        "locked": False, "disabled": False, "change_password_on_login": False})}
    current = json.loads(json.dumps(CURRENT))
    assert writes(client) == [mock.call.update_user(NODE, current, body, 300)]
    assert result["transaction_id"] == TX


def test_update_password_always_sends_the_password_and_masks_it(capsys):
    client = new_client(CURRENT)
    result = run_module({"password": USER_PASSWORD, "update_password": "always"}, client, capsys, diff=True)
    assert result["changed"] is True
    assert result["diff"] == {"before": {"password": "********"}, "after": {"password": "********"}}
    body = client.update_user.call_args[0][2]
    assert body["AdminUser"]["password"] == USER_PASSWORD


@pytest.mark.parametrize("check_mode", [False, True])
def test_absent_deletes_the_user(capsys, check_mode):
    client = new_client(CURRENT)
    result = run_module({"state": "absent"}, client, capsys, check_mode=check_mode, diff=True)
    assert result["changed"] is True
    assert result["user"] == {}
    assert result["diff"]["after"] == {}
    assert result["diff"]["before"]["username"] == "jo"
    assert writes(client) == ([] if check_mode else [mock.call.delete_user(NODE, json.loads(json.dumps(CURRENT)), 300)])


def test_absent_when_already_gone_is_unchanged(capsys):
    client = new_client()
    result = run_module({"state": "absent"}, client, capsys)
    assert (result["changed"], result["user"], result["transaction_id"]) == (False, {}, None)
    assert writes(client) == []


@pytest.mark.parametrize("params, message", [
    ({"password": "7-chars"}, "password must be at least 8 characters long."),
    ({"username": "  "}, "username must not be empty or only spaces."),
    ({"hierarchy": ""}, "hierarchy must not be empty or only spaces."),
    ({"transaction_timeout": 0}, "transaction_timeout must be more than 0 seconds (got 0)."),
])
def test_bad_input_fails_before_any_request(capsys, params, message):
    client = new_client()
    result = run_module(dict(params, role="CustomerAdminRole"), client, capsys)
    assert result["failed"] is True
    assert result["msg"] == message
    assert "7-chars" not in json.dumps(result)
    assert client.mock_calls == []


def test_a_failed_transaction_fails_the_task_as_changed_with_its_message(capsys):
    client = new_client(CURRENT)
    client.update_user.side_effect = errors.NcmError(
        "VOSS transaction tx-9 (modify admin user jo) failed: rejected %s" % USER_PASSWORD, transaction_id="tx-9", status="Fail")
    client.wrote = True
    result = run_module({"first_name": "New", "password": USER_PASSWORD, "update_password": "always"}, client, capsys)
    assert result["failed"] is True
    assert result["changed"] is True
    assert result["msg"] == "VOSS transaction tx-9 (modify admin user jo) failed: rejected ********"
    assert (result["transaction_id"], result["status"]) == ("tx-9", "Fail")


def test_a_user_twice_at_the_node_fails_with_their_pkids(capsys):
    client = new_client()
    client.find_user.side_effect = errors.AmbiguousMatch("2 objects at hierarchy h match username='jo' (ids: a1, a2)",
                                                         ids=["a1", "a2"])
    result = run_module({"first_name": "x"}, client, capsys)
    assert result["failed"] is True
    assert result["ids"] == ["a1", "a2"]
    assert writes(client) == []


def test_the_argument_spec_follows_the_design():
    spec = module.ARGUMENT_SPEC
    assert spec["password"] == {"type": "str", "no_log": True}
    assert spec["update_password"] == {"type": "str", "choices": ["on_create", "always"], "default": "on_create",
                                       "no_log": False}
    assert spec["transaction_timeout"] == {"type": "int", "default": 300}
    assert spec["username"]["required"] is True and spec["hierarchy"]["required"] is True
    assert sorted(spec["account_information"]["options"]) == [
        "change_password_on_login", "credential_policy", "disabled", "locked", "reason_for_disabled"]


@pytest.mark.parametrize("check_mode", [False, True])
def test_config_returns_the_user_in_option_shape_that_can_be_fed_back(capsys, check_mode):
    client = new_client(CURRENT)
    result = run_module({"last_name": "Doe", "password": USER_PASSWORD}, client, capsys, check_mode=check_mode)
    assert result["user"]["AdminUser"]["first_name"] == "Jo"
    assert result["config"] == {
        "username": "jo", "first_name": "Jo", "last_name": None if not check_mode else "Doe",
        "email": "jo@example.test", "role": "CustomerAdminRole", "language": "en-us", "set_language": False,
        "account_information": {"disabled": False, "locked": False, "change_password_on_login": False,
                                "credential_policy": None, "reason_for_disabled": None}}
    if not check_mode:  # the user as the server holds it, fed back, is no change
        again = run_module(dict(result["config"], password=USER_PASSWORD), new_client(CURRENT), capsys)
        assert again["changed"] is False
    assert run_module({"state": "absent"}, new_client(CURRENT), capsys)["config"] == {}
