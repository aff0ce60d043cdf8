# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from unittest import mock

import pytest

from ansible_collections.ncm.platforms.plugins.module_utils import errors
from ansible_collections.ncm.platforms.plugins.module_utils.infraon.resources import POLICY
from ansible_collections.ncm.platforms.plugins.modules import nccm_configuration_policy_info as module
from ansible_collections.ncm.platforms.tests.unit.plugins.modules.module_harness import new_client, run_module

PATH = POLICY.path
POLICIES = [
    {"id": "p1", "policyid": "POL-1", "organization": "acme", "processid": 1, "is_deleted": False,
     "assigned_users": ["a", "b"], "policy_schedule": {"at": "02:00", "every": "day"}},
    {"id": "p2", "policyid": "POL-2", "organization": "acme", "processid": 2, "is_deleted": True,
     "assigned_users": [], "policy_schedule": {}},
    {"id": "p3", "policyid": "POL-1", "organization": "other", "processid": 1, "is_deleted": False},
]


def listing():
    client = new_client()
    client.iter_all.return_value = iter([dict(policy) for policy in POLICIES])
    return client


def ids(result):
    return [policy["id"] for policy in result["policies"]]


def test_lists_all_policies(capsys):
    client = listing()
    result = run_module(module, {}, client, capsys)
    assert result["changed"] is False
    assert ids(result) == ["p1", "p2", "p3"] and result["count"] == 3
    assert client.iter_all.call_args == mock.call(POLICY, sort=None, reverse=None, page_size=500)


def test_policyid_returns_every_policy_with_it(capsys):
    assert ids(run_module(module, {"policyid": "POL-1"}, listing(), capsys)) == ["p1", "p3"]


def test_filters_compare_by_field_kind(capsys):
    result = run_module(module, {"filters": {"processid": "1", "is_deleted": "false", "assigned_users": ["b", "a"],
                                             "policy_schedule": {"at": "02:00"}}}, listing(), capsys)
    assert ids(result) == ["p1"]


@pytest.mark.parametrize("filters, expected", [
    ({"organization": ["other", "acme"]}, ["p1", "p2", "p3"]),
    ({"organization": ["other", "globex"], "processid": [2, "1"]}, ["p3"]),
    ({"processid": [2, 7]}, ["p2"]),
    ({"is_deleted": [True, False]}, ["p1", "p2", "p3"]),
    ({"status": ["draft", "active"]}, ["p2"]),  # a read-only field: any of the values too
    ({"assigned_users": ["a"]}, []),  # a list field: still the set it must hold
])
def test_a_list_for_a_field_of_one_value_matches_any_of_its_values(capsys, filters, expected):
    client = new_client()
    client.iter_all.return_value = iter([dict(policy, status="active" if policy["id"] == "p2" else None)
                                         for policy in POLICIES])
    assert ids(run_module(module, {"filters": filters}, client, capsys)) == expected


def test_an_empty_list_of_values_fails_before_any_request(capsys):
    client = listing()
    result = run_module(module, {"filters": {"assigned_users": [], "organization": []}}, client, capsys)
    assert result["failed"] is True
    assert result["msg"] == ("filters.organization needs at least one value: a list of values matches any of them, "
                             "and an empty one would match nothing.")
    assert client.mock_calls == []


def test_filters_and_policyid_combine(capsys):
    assert ids(run_module(module, {"policyid": "POL-1", "filters": {"organization": "other"}}, listing(), capsys)) == ["p3"]


def test_options_is_returned(capsys):
    client = listing()
    client.options.return_value = {"processid": 1}
    assert run_module(module, {"options": True, "limit": 1}, client, capsys)["options"] == {"processid": 1}


def test_id_reads_one_policy(capsys):
    client = new_client()
    client.get.return_value = dict(POLICIES[1])
    assert ids(run_module(module, {"id": "p2"}, client, capsys)) == ["p2"]
    assert client.get.call_args == mock.call(POLICY, "p2")


def test_server_error_fails_the_task(capsys):
    client = new_client()
    client.iter_all.side_effect = errors.ApiError("GET", PATH, 200, "engine busy", "GET %s returned HTTP 200: engine busy" % PATH)
    result = run_module(module, {}, client, capsys)
    assert result["failed"] is True
    assert result["msg"] == "GET %s returned HTTP 200: engine busy" % PATH


def test_the_documented_active_policies_example_matches_a_flag_stored_as_null_or_left_out(capsys):
    client = new_client()
    client.iter_all.return_value = iter([dict(POLICIES[0]), dict(POLICIES[1]),
                                         {"id": "p4", "organization": "acme", "is_deleted": None},
                                         {"id": "p5", "organization": "acme"}])
    result = run_module(module, {"filters": {"organization": "acme", "is_deleted": False}, "sort": "name"}, client, capsys)
    assert ids(result) == ["p1", "p4", "p5"]


def test_an_unknown_filter_fails_naming_it_and_the_known_fields_before_any_request(capsys):
    client = listing()
    result = run_module(module, {"filters": {"orgnisation": "acme", "status": "active"}}, client, capsys)
    assert result["failed"] is True
    assert result["msg"].startswith("filters: orgnisation is no field of a configuration policy; known fields: ")
    assert "organization" in result["msg"] and "status" in result["msg"]
    assert client.mock_calls == []
