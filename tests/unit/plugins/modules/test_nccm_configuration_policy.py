# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from unittest import mock

import pytest

from ansible_collections.ncm.platforms.plugins.module_utils import errors
from ansible_collections.ncm.platforms.plugins.module_utils.infraon.resources import POLICY
from ansible_collections.ncm.platforms.plugins.modules import nccm_configuration_policy as module
from ansible_collections.ncm.platforms.tests.unit.plugins.modules.module_harness import new_client, run_module, writes

PATH = POLICY.path
CURRENT = {
    "id": "p1", "status": "active", "creationtime": "2025-08-31T16:02:16.736Z", "visibility": "all",
    "policyid": "POL-1", "organization": "acme", "name": "Nightly", "processid": 1,
    "assigned_users": ["alice", "bob"], "associated_rule_groups": [],
    "policy_schedule": {"frequency": "daily", "at": "02:00"},
    "nextaction": "2025-09-01T02:00:00.000Z", "is_deleted": False,
}


def found(current):
    client = new_client()
    client.find.return_value = dict(current) if current else None
    return client


@pytest.mark.parametrize("check_mode", [False, True])
def test_creates_a_missing_policy_with_the_set_options(capsys, check_mode):
    client = found(None)
    client.create.return_value = dict(CURRENT)
    result = run_module(module, {"policyid": "POL-1", "organization": "acme", "assigned_users": ["alice"]},
                        client, capsys, check_mode=check_mode, diff=True)
    body = {"policyid": "POL-1", "organization": "acme", "assigned_users": ["alice"]}
    assert result["changed"] is True
    assert client.find.call_args == mock.call(POLICY, {"policyid": "POL-1"})
    assert result["diff"] == {"before": {}, "after": body}
    if check_mode:
        assert writes(client) == []
        predicted = dict((name, None) for name in POLICY.fields)
        predicted.update(body, processid=1, associated_rule_groups=[], assigned_group=[], policy_schedule={})
        assert result["policy"] == predicted
    else:
        assert writes(client) == [mock.call.create(POLICY, body, key=("policyid",))]
        assert result["policy"] == CURRENT


def test_same_again_is_unchanged_and_sends_no_write(capsys):
    client = found(CURRENT)
    result = run_module(module, {
        "policyid": "POL-1", "organization": "acme", "processid": "1",
        "assigned_users": ["bob", "alice"], "policy_schedule": {"at": "02:00"},
        "nextaction": "2025-09-01T04:00:00+02:00", "is_deleted": False}, client, capsys, diff=True)
    assert result["changed"] is False
    assert writes(client) == []
    assert result["policy"] == CURRENT
    assert result["diff"] == {"before": {}, "after": {}}


@pytest.mark.parametrize("check_mode", [False, True])
def test_update_puts_the_whole_writable_policy_and_diffs_one_field(capsys, check_mode):
    client = found(CURRENT)
    client.update.return_value = dict(CURRENT, name="Weekly")
    result = run_module(module, {"policyid": "POL-1", "name": "Weekly"}, client, capsys,
                        check_mode=check_mode, diff=True)
    assert result["changed"] is True
    assert result["diff"] == {"before": {"name": "Nightly"}, "after": {"name": "Weekly"}}
    assert result["policy"]["name"] == "Weekly"
    if check_mode:
        assert writes(client) == []
        return
    body = dict((key, value) for key, value in CURRENT.items()
                if key not in ("id", "status", "creationtime", "visibility"))
    body["name"] = "Weekly"
    assert writes(client) == [mock.call.update(POLICY, "p1", body)]


def test_policy_schedule_is_compared_and_merged_key_by_key(capsys):
    client = found(CURRENT)
    client.update.return_value = dict(CURRENT)
    result = run_module(module, {"policyid": "POL-1", "policy_schedule": {"at": "03:00"}}, client, capsys, diff=True)
    assert result["diff"] == {"before": {"policy_schedule": {"at": "02:00"}},
                              "after": {"policy_schedule": {"at": "03:00"}}}
    body = client.update.call_args[0][2]
    assert body["policy_schedule"] == {"frequency": "daily", "at": "03:00"}


def test_without_diff_mode_no_diff_is_returned(capsys):
    client = found(CURRENT)
    client.update.return_value = dict(CURRENT)
    assert "diff" not in run_module(module, {"policyid": "POL-1", "name": "x"}, client, capsys)


def test_lookup_by_id_reads_one_object(capsys):
    client = new_client()
    client.get.return_value = dict(CURRENT)
    result = run_module(module, {"id": "p1", "name": "Nightly"}, client, capsys)
    assert result["changed"] is False
    assert client.get.call_args == mock.call(POLICY, "p1")
    assert not client.find.called


def test_unknown_id_with_state_present_fails_without_a_write(capsys):
    client = new_client()
    client.get.return_value = None
    result = run_module(module, {"id": "nope", "policyid": "POL-1", "organization": "acme"}, client, capsys)
    assert result["failed"] is True
    assert "No configuration policy has id 'nope'" in result["msg"]
    assert writes(client) == []


@pytest.mark.parametrize("check_mode", [False, True])
def test_absent_deletes_and_diffs_the_whole_policy(capsys, check_mode):
    client = found(CURRENT)
    result = run_module(module, {"policyid": "POL-1", "state": "absent"}, client, capsys,
                        check_mode=check_mode, diff=True)
    assert result["changed"] is True
    assert result["policy"] == {}
    assert result["diff"]["after"] == {}
    assert result["diff"]["before"]["policyid"] == "POL-1"
    assert "id" not in result["diff"]["before"]
    assert writes(client) == ([] if check_mode else [mock.call.delete(POLICY, "p1")])


def test_absent_when_already_gone_is_unchanged(capsys):
    client = found(None)
    result = run_module(module, {"policyid": "POL-1", "state": "absent"}, client, capsys)
    assert result["changed"] is False
    assert writes(client) == []


@pytest.mark.parametrize("params, message", [
    ({"policyid": "P" * 26, "organization": "acme"}, "policyid must be at most 25 characters long (got 26)."),
    ({"policyid": "POL-1", "organization": "o" * 26}, "organization must be at most 25 characters long (got 26)."),
    ({"policyid": "POL-1", "activation_time": "31/08/2025"}, "activation_time: '31/08/2025' is not an ISO 8601"),
])
def test_bad_input_fails_before_any_request(capsys, params, message):
    client = new_client()
    result = run_module(module, params, client, capsys)
    assert result["failed"] is True
    assert result["msg"].startswith(message)
    assert client.mock_calls == []


@pytest.mark.parametrize("check_mode", [False, True])
def test_organization_is_required_on_create(capsys, check_mode):
    client = found(None)
    result = run_module(module, {"policyid": "POL-1"}, client, capsys, check_mode=check_mode)
    assert result["failed"] is True
    assert result["msg"] == "organization is required on create."
    assert writes(client) == []


def test_id_or_policyid_is_required(capsys):
    client = new_client()
    result = run_module(module, {"name": "x"}, client, capsys)
    assert result["failed"] is True
    assert "one of the following is required: id, policyid" in result["msg"]
    assert client.mock_calls == []


def test_ambiguous_policyid_fails_with_the_ids(capsys):
    client = new_client()
    client.find.side_effect = errors.AmbiguousMatch("2 objects match policyid='POL-1' (ids: p1, p2)", ids=["p1", "p2"])
    result = run_module(module, {"policyid": "POL-1", "name": "x"}, client, capsys)
    assert result["failed"] is True
    assert result["ids"] == ["p1", "p2"]
    assert "(ids: p1, p2)" in result["msg"]
    assert writes(client) == []


def test_server_error_fails_with_method_path_and_status(capsys):
    client = found(CURRENT)
    client.update.side_effect = errors.ApiError("PUT", PATH + "p1/", 400, "name: too long",
                                                "PUT %sp1/ returned HTTP 400: name: too long" % PATH)
    result = run_module(module, {"policyid": "POL-1", "name": "x"}, client, capsys)
    assert result["failed"] is True
    assert (result["method"], result["path"], result["status"]) == ("PUT", PATH + "p1/", 400)
    assert result["server_message"] == "name: too long"


@pytest.mark.parametrize("check_mode", [False, True])
def test_a_schedule_key_set_to_null_is_removed(capsys, check_mode):
    client = found(CURRENT)
    client.update.return_value = dict(CURRENT, policy_schedule={"frequency": "daily"})
    result = run_module(module, {"policyid": "POL-1", "policy_schedule": {"at": None}}, client, capsys,
                        check_mode=check_mode, diff=True)
    assert result["changed"] is True
    assert result["diff"] == {"before": {"policy_schedule": {"at": "02:00"}}, "after": {"policy_schedule": {"at": None}}}
    assert result["policy"]["policy_schedule"] == {"frequency": "daily"}
    if not check_mode:
        assert client.update.call_args[0][2]["policy_schedule"] == {"frequency": "daily"}


def test_a_schedule_key_set_to_null_that_is_already_absent_is_no_change(capsys):
    client = found(dict(CURRENT, policy_schedule={"frequency": "daily"}))
    assert run_module(module, {"policyid": "POL-1", "policy_schedule": {"at": None}}, client, capsys)["changed"] is False
    assert writes(client) == []


def test_an_id_given_the_policyid_of_another_policy_fails_naming_both(capsys):
    client = new_client()
    client.get.return_value = dict(CURRENT)
    client.find.return_value = dict(CURRENT, id="p2", policyid="POL-2")
    result = run_module(module, {"id": "p1", "policyid": "POL-2"}, client, capsys)
    assert result["failed"] is True
    assert result["msg"] == ("policyid='POL-2' is already held by the configuration policy with id 'p2'; giving it "
                             "to id 'p1' would make a duplicate: nothing changed.")
    assert client.find.call_args == mock.call(POLICY, {"policyid": "POL-2"})
    assert writes(client) == []


def test_an_id_may_rename_its_policy_to_a_free_policyid(capsys):
    client = new_client()
    client.get.return_value = dict(CURRENT)
    client.find.return_value = None
    client.update.return_value = dict(CURRENT, policyid="POL-9")
    result = run_module(module, {"id": "p1", "policyid": "POL-9"}, client, capsys)
    assert result["changed"] is True
    assert client.update.call_args[0][2]["policyid"] == "POL-9"


def test_absent_with_an_id_of_another_policyid_deletes_nothing(capsys):
    client = new_client()
    client.get.return_value = dict(CURRENT)
    result = run_module(module, {"id": "p1", "policyid": "POL-2", "state": "absent"}, client, capsys)
    assert result["failed"] is True
    assert result["msg"] == "id 'p1' is the configuration policy with policyid='POL-1', not policyid='POL-2': nothing deleted."
    assert writes(client) == []
