# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""hcs_admin_users against a mocked VOSS client (issue 20): an empty list never deletes,
results in config form, per-item messages name the user, pending transactions returned."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

import pytest

from ansible_collections.ncm.platforms.plugins.module_utils import errors
from ansible_collections.ncm.platforms.plugins.module_utils.voss import client as voss
from ansible_collections.ncm.platforms.plugins.modules import hcs_admin_users as module
from ansible_collections.ncm.platforms.tests.unit.plugins.modules import module_harness as helpers

API_PASSWORD = "api-pass-8812"
USER_PASSWORD = "user-pass-Qw12er"
LOGIN = "hcsadmin@sys.hcs"
API = {"url": "https://voss.example.test", "username": LOGIN, "password": API_PASSWORD}
NODE = "sys.hcs.CS-P.CS-NB.AAAGlobal"


def record(name, **admin):
    data = {"hcsUname": name, "hierarchy_path": NODE,
            "AdminUser": dict({"username": name, "first_name": name.title(), "role": "CustomerAdminRole",
                               "email": "%s@example.test" % name, "language": "en-us", "set_language": False,
                               "account_information": {"disabled": False, "locked": False,
                                                       "change_password_on_login": False,
                                                       "last_login_time": "2025-01-01T00:00:00.000Z"}}, **admin)}
    return {"pkid": "pk-" + name, "data": data}


USERS = [record(LOGIN), record("ann"), record("bob")]
FULL_ANN = {"username": "ann", "first_name": "Ann", "last_name": None, "email": "ann@example.test",
            "role": "CustomerAdminRole", "language": "en-us", "set_language": False,
            "account_information": {"disabled": False, "locked": False, "change_password_on_login": False,
                                    "credential_policy": None, "reason_for_disabled": None}}


def new_client():
    client = helpers.new_client(voss.VossClient)
    items = [{"pkid": user["pkid"], "data": {"hcsUname": user["data"]["hcsUname"], "hierarchy_path": NODE}}
             for user in USERS]
    client.list_users.return_value = (items, len(items))
    client.get_user.side_effect = lambda hierarchy, pkid: json.loads(json.dumps(
        next(user for user in USERS if user["pkid"] == pkid)))
    client.reference_name.side_effect = lambda hierarchy, value, attrs: value
    client.full_records.side_effect = lambda hierarchy, wanted: [(item, client.get_user(hierarchy, item["pkid"]))
                                                                 for item in wanted]
    client.delete_user.return_value = "tx-d"
    client.bulk_delete.return_value = "tx-b"
    return client


def run_module(params, client, capsys, check_mode=False, diff=False):
    return helpers.run_module(module, dict(dict(hierarchy=NODE), **params), client, capsys, check_mode=check_mode,
                              diff=diff, api=API, secrets=[API_PASSWORD, USER_PASSWORD])


def writes(client):
    return [call for call in client.mock_calls if call[0] in ("create_user", "update_user", "delete_user", "bulk_delete")]


@pytest.mark.parametrize("config", [[], None])
def test_overridden_with_an_empty_or_missing_config_fails_before_any_request(capsys, config):
    client = new_client()
    params = {"state": "overridden"} if config is None else {"state": "overridden", "config": config}
    result = run_module(params, client, capsys)
    assert result["failed"] is True and result["changed"] is False
    assert result["msg"].startswith("config is empty with state=overridden, which would delete every admin user "
                                    "at the node hierarchy")
    assert "use state=deleted with hierarchy given and config left out" in result["msg"]
    assert client.mock_calls == []


def test_deleted_with_an_empty_config_deletes_nothing(capsys):
    client = new_client()
    result = run_module({"state": "deleted", "config": []}, client, capsys)
    assert result["changed"] is False and result["changes"] == []
    assert writes(client) == []


def test_deleted_without_config_deletes_every_user_at_the_node_but_the_login(capsys):
    client = new_client()
    result = run_module({"state": "deleted"}, client, capsys)
    assert [change["username"] for change in result["changes"]] == ["ann", "bob"]


def test_gathered_returns_every_user_in_config_form(capsys):
    result = run_module({"state": "gathered"}, new_client(), capsys)
    assert [user["username"] for user in result["gathered"]] == [LOGIN, "ann", "bob"]
    assert result["gathered"][1] == FULL_ANN


@pytest.mark.parametrize("check_mode", [True, False])
def test_the_before_and_diff_of_a_deletion_show_the_whole_user(capsys, check_mode):
    client = new_client()
    result = run_module({"state": "overridden", "config": [{"username": "bob", "role": "CustomerAdminRole",
                                                            "first_name": "Bob", "email": "bob@example.test"}]},
                        client, capsys, check_mode=check_mode, diff=True)
    assert result["changes"] == [{"username": "ann", "action": "deleted", "fields": []}]
    assert result["before"] == [FULL_ANN]
    assert result["diff"][0]["before"] == FULL_ANN and result["diff"][0]["after"] == {}


def test_a_per_item_error_names_the_user(capsys):
    client = new_client()
    config = [{"username": "u%d" % n, "role": "CustomerAdminRole"} for n in range(3)]
    config.append({"username": "jdoe", "role": "CustomerAdminRole", "password": "7-chars"})
    result = run_module({"config": config}, client, capsys)
    assert result["msg"] == "config[3] (username jdoe): password must be at least 8 characters long."
    assert client.mock_calls == []


def test_a_transaction_that_outlasts_its_timeout_is_returned_as_pending(capsys):
    client = new_client()
    client.create_user.side_effect = errors.WaitTimeout(
        "VOSS transaction tx-7 (create admin user cy) is still Queued after 1 s (timeout 1 s); the write may "
        "still complete", transaction_id="tx-7")
    client.wrote = True
    result = run_module({"transaction_timeout": 1, "config": [{"username": "cy", "role": "CustomerAdminRole"}]},
                        client, capsys)
    assert result["failed"] is True and result["changed"] is True
    assert result["transactions"] == {"cy": "tx-7"}
    assert "the write may still complete" in result["msg"]
