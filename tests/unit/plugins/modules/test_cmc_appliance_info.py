# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from unittest import mock

import pytest

from ansible_collections.ncm.platforms.plugins.module_utils.scc import client as scc, inventory
from ansible_collections.ncm.platforms.plugins.modules import cmc_appliance_info as module
from ansible_collections.ncm.platforms.tests.unit.plugins.modules import module_harness as helpers

API = {"url": "https://scc.example.test", "access_code": "access-code-5521"}
LONDON = {"id": 1, "serial": "XN10H0001A01", "hostname": "hq-london-sh1", "health": "normal", "product_code": "SH"}
PARIS = {"id": 5, "serial": "XN30B0003A01", "hostname": "branch-paris-sh1", "health": "critical", "product_code": "SH"}


def run_module(params, client, capsys):
    return helpers.run_module(module, params, client, capsys, api=API, secrets=[API["access_code"]])


def test_one_appliance_by_id(capsys):
    client = helpers.new_client(scc.SccClient)
    client.appliance.return_value = LONDON
    result = run_module({"id": 1}, client, capsys)
    assert (result["changed"], result["appliances"]) == (False, [inventory.appliance_view(LONDON)])
    assert client.mock_calls == [mock.call.appliance(1)]


def test_serial_and_filters_select_with_the_view_of_the_inventory(capsys):
    client = helpers.new_client(scc.SccClient)
    client.appliances.return_value = [LONDON, PARIS]
    result = run_module({"serial": "XN30B0003A01", "filters": {"product_code": "sh"}}, client, capsys)
    assert result["appliances"] == [inventory.appliance_view(PARIS)]
    assert client.mock_calls == [mock.call.appliances(serial="XN30B0003A01")]


@pytest.mark.parametrize("params, message", [
    ({"id": 0}, "id must be at least 1 (got 0)."),
    ({"serial": ""}, "serial must not be empty or only spaces."),
    ({"id": 1, "serial": "X"}, "parameters are mutually exclusive: id|serial"),
    ({"filters": {"site": 1}}, "filters.site is not a field that can be filtered on"),
])
def test_bad_input_fails_before_any_request(capsys, params, message):
    client = helpers.new_client(scc.SccClient)
    result = run_module(params, client, capsys)
    assert result["failed"] is True
    assert result["msg"].startswith(message)
    assert client.mock_calls == []
