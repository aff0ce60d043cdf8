# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from unittest import mock

import pytest

from ansible_collections.ncm.platforms.plugins.module_utils.voss import client as voss, info
from ansible_collections.ncm.platforms.plugins.modules import hcs_admin_user_info as module
from ansible_collections.ncm.platforms.tests.unit.plugins.modules import module_harness as helpers

API_PASSWORD = "api-pass-8812"
API = {"url": "https://voss.example.test", "username": "hcsadmin@sys.hcs", "password": API_PASSWORD}
NODE = "5dcd1812e186e30018eb7023"
USERS = [{"pkid": "p1", "hcsUname": "a", "hierarchy_path": "sys.hcs.CS-P.CS-NB.AAAGlobal"},
         {"pkid": "p2", "hcsUname": "b", "hierarchy_path": "sys.hcs.CS-P.CS-NB.AAAGlobal.AAA-HQ"}]


def new_client():
    return helpers.new_client(voss.VossClient)


@pytest.fixture(autouse=True)
def read_users():
    """``info.read_users`` (tested with the client in test_voss.py), answering the two users."""
    with mock.patch.object(info, "read_users", return_value=(USERS, 2)) as reader:
        yield reader


def run_module(params, client, capsys, check_mode=False):
    return helpers.run_module(module, params, client, capsys, check_mode=check_mode,
                              api=API, secrets=[API_PASSWORD])


@pytest.mark.parametrize("check_mode", [False, True])
def test_lists_the_users_at_a_hierarchy(capsys, check_mode, read_users):
    client = new_client()
    result = run_module({"hierarchy": NODE}, client, capsys, check_mode=check_mode)
    assert (result["changed"], result["users"], result["total"]) == (False, USERS, 2)
    assert read_users.call_args_list == [mock.call(client, NODE, None, False)]


def test_one_user_with_details(capsys, read_users):
    client = new_client()
    read_users.return_value = ([USERS[0]], 1)
    result = run_module({"hierarchy": NODE, "username": "a", "details": True}, client, capsys)
    assert (result["users"], result["total"]) == ([USERS[0]], 1)
    assert read_users.call_args_list == [mock.call(client, NODE, "a", True)]


@pytest.mark.parametrize("params, message", [
    ({"hierarchy": " "}, "hierarchy must not be empty or only spaces."),
    ({"hierarchy": NODE, "username": ""}, "username must not be empty or only spaces."),
])
def test_blank_names_fail_before_any_request(capsys, params, message, read_users):
    client = new_client()
    result = run_module(params, client, capsys)
    assert result["failed"] is True
    assert result["msg"] == message
    assert client.mock_calls == [] and read_users.call_args_list == []


def test_hierarchy_is_required(capsys):
    client = new_client()
    result = run_module({}, client, capsys)
    assert result["failed"] is True
    assert "hierarchy" in result["msg"]
    assert client.mock_calls == []
