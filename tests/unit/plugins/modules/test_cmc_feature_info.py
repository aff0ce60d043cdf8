# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from unittest import mock

import pytest

from ansible_collections.ncm.platforms.plugins.module_utils.scc import client as scc
from ansible_collections.ncm.platforms.plugins.modules import cmc_feature_info as module
from ansible_collections.ncm.platforms.tests.unit.plugins.modules import module_harness as helpers

API = {"url": "https://scc.example.test", "access_code": "access-code-0917"}
DNS = {"id": 3, "name": "dns", "pretty_name": "DNS", "description": "", "push_enable": True}


def run_module(params, client, capsys, check_mode=False):
    return helpers.run_module(module, params, client, capsys, check_mode=check_mode,
                              api=API, secrets=[API["access_code"]])


@pytest.mark.parametrize("found, features", [(DNS, [DNS]), (None, [])])
def test_one_feature_by_id(capsys, found, features):
    client = helpers.new_client(scc.SccClient)
    client.feature.return_value = found
    result = run_module({"id": 3}, client, capsys)
    assert (result["changed"], result["features"]) == (False, features)
    assert client.mock_calls == [mock.call.feature(3)]


@pytest.mark.parametrize("params, name", [({"name": "dns"}, "dns"), ({}, None)])
def test_features_by_name_or_all(capsys, params, name):
    client = helpers.new_client(scc.SccClient)
    client.features.return_value = [DNS]
    result = run_module(params, client, capsys, check_mode=True)
    assert (result["changed"], result["features"]) == (False, [DNS])
    assert client.mock_calls == [mock.call.features(name=name)]


@pytest.mark.parametrize("params, message", [
    ({"id": -1}, "id must be at least 1 (got -1)."),
    ({"name": " "}, "name must not be empty or only spaces."),
    ({"id": 3, "name": "dns"}, "parameters are mutually exclusive: id|name"),
])
def test_bad_input_fails_before_any_request(capsys, params, message):
    client = helpers.new_client(scc.SccClient)
    result = run_module(params, client, capsys)
    assert result["failed"] is True
    assert result["msg"].startswith(message)
    assert client.mock_calls == []
