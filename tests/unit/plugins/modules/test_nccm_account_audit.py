# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
from unittest import mock

import pytest

from ansible_collections.ncm.platforms.plugins.module_utils import errors, runner
from ansible_collections.ncm.platforms.plugins.module_utils.infraon import client as infraon
from ansible_collections.ncm.platforms.plugins.module_utils.infraon.resources import AUDIT
from ansible_collections.ncm.platforms.plugins.modules import nccm_account_audit as module
from ansible_collections.ncm.platforms.tests.unit.plugins.modules.module_harness import (
    API, new_client, patch_module_args, run_module, writes)

PATH = AUDIT.path
SECRET = "dev-pass-4711"
ENABLE = "enable-pass-0815"
OLD = "stored-pass-1234"
MASK = "********"
KEY = {"organization": "acme", "job_id": "J1", "job_iteration_id": "1", "ci_id": "rtr-01"}
CURRENT = dict(KEY, id="a1", creationtime="2025-08-31T03:41:36.327Z", agent_id="ag", connection_status="ok",
               failure_message="", ipaddress="192.0.2.10", connection_protocol="ssh",
               last_update_time="2025-08-31T03:41:36.327Z", dpassword=MASK, denable_password="")


def found(current):
    client = new_client()
    client.find.return_value = dict(current) if current else None
    return client


def direct_run(params, client, check_mode=False):
    """Call ``run`` itself (no Ansible output filtering) to see what the module returns."""
    args = dict(params, api=dict(API), _ansible_check_mode=check_mode)
    with patch_module_args(args):
        ansible_module = module.AnsibleModule(argument_spec=module.ARGUMENT_SPEC, supports_check_mode=True)
    return module.run(runner.task_of(ansible_module), client)


def test_default_identity_finds_by_organization_job_iteration_and_ci(capsys):
    client = found(CURRENT)
    run_module(module, dict(KEY), client, capsys)
    assert client.find.call_args == mock.call(AUDIT, KEY)


def test_unset_identity_fields_are_looked_up_as_blank(capsys):
    client = found(None)
    client.create.return_value = {"id": "a9"}
    run_module(module, {"organization": "acme", "job_id": "J1"}, client, capsys)
    criteria = {"organization": "acme", "job_id": "J1", "job_iteration_id": None, "ci_id": None}
    assert client.find.call_args == mock.call(AUDIT, criteria, near=[])
    assert client.create.call_args == mock.call(AUDIT, {"organization": "acme", "job_id": "J1"}, key=tuple(criteria))


def test_custom_identity(capsys):
    client = found(CURRENT)
    run_module(module, {"identity": ["organization", "ipaddress"], "organization": "acme",
                        "ipaddress": "192.0.2.10"}, client, capsys)
    assert client.find.call_args == mock.call(AUDIT, {"organization": "acme", "ipaddress": "192.0.2.10"})


def test_no_id_and_no_identity_value_fails_before_any_request(capsys):
    client = new_client()
    result = run_module(module, {"ipaddress": "192.0.2.10"}, client, capsys)
    assert result["failed"] is True
    assert result["msg"] == ("Give id, or set at least one of the identity options "
                             "(organization, job_id, job_iteration_id, ci_id).")
    assert client.mock_calls == []


def test_secrets_are_not_identity_choices(capsys):
    result = run_module(module, {"identity": ["dpassword"], "dpassword": SECRET}, new_client(), capsys)
    assert result["failed"] is True
    assert "identity" in result["msg"]


def test_ambiguous_identity_fails_and_lists_the_ids(capsys):
    client = new_client()
    client.find.side_effect = errors.AmbiguousMatch("2 objects match (ids: a1, a2)", ids=["a1", "a2"])
    result = run_module(module, dict(KEY), client, capsys)
    assert result["failed"] is True
    assert result["ids"] == ["a1", "a2"]
    assert writes(client) == []


@pytest.mark.parametrize("check_mode", [False, True])
def test_create_sends_the_secrets_and_returns_them_masked(check_mode):
    client = found(None)
    client.create.return_value = dict(CURRENT, dpassword=SECRET, denable_password=ENABLE)
    params = dict(KEY, dpassword=SECRET, denable_password=ENABLE, connection_protocol="ssh")
    changed, result = direct_run(params, client, check_mode=check_mode)
    assert changed is True
    assert result["record"]["dpassword"] == MASK
    assert result["record"]["denable_password"] == MASK
    assert result["diff"]["after"]["dpassword"] == MASK
    assert SECRET not in json.dumps(result) and ENABLE not in json.dumps(result)
    if check_mode:
        assert writes(client) == []
    else:
        assert client.create.call_args[0][1] == params


@pytest.mark.parametrize("shown", [MASK, "", None, OLD])
def test_secrets_are_never_compared(capsys, shown):
    client = found(dict(CURRENT, dpassword=shown))
    result = run_module(module, dict(KEY, dpassword=SECRET), client, capsys)
    assert result["changed"] is False
    assert writes(client) == []


def test_update_on_create_sends_no_new_secret_and_keeps_one_read_in_clear():
    client = found(dict(CURRENT, dpassword=OLD))
    client.update.return_value = dict(CURRENT, error="boom", dpassword=OLD)
    changed, result = direct_run(dict(KEY, error="boom", dpassword=SECRET), client)
    assert changed is True
    body = client.update.call_args[0][2]
    assert body["dpassword"] == OLD
    assert "denable_password" not in body
    assert result["diff"] == {"before": {"error": None}, "after": {"error": "boom"}}
    assert result["record"]["dpassword"] == MASK
    assert OLD not in json.dumps(result) and SECRET not in json.dumps(result)


def test_update_never_sends_back_a_masked_secret():
    client = found(CURRENT)
    client.update.return_value = dict(CURRENT)
    direct_run(dict(KEY, error="boom"), client)
    body = client.update.call_args[0][2]
    assert "dpassword" not in body and "denable_password" not in body
    assert not set(body) & {"id", "creationtime", "agent_id", "connection_status", "failure_message"}
    assert body == dict(KEY, ipaddress="192.0.2.10", connection_protocol="ssh",
                        last_update_time="2025-08-31T03:41:36.327Z", error="boom")


@pytest.mark.parametrize("check_mode", [False, True])
def test_update_password_always_sends_the_secret_and_reports_a_change(check_mode):
    client = found(CURRENT)
    client.update.return_value = dict(CURRENT)
    changed, result = direct_run(dict(KEY, dpassword=SECRET, update_password="always"), client, check_mode)
    assert changed is True
    assert result["diff"] == {"before": {"dpassword": MASK}, "after": {"dpassword": MASK}}
    assert SECRET not in json.dumps(result)
    if check_mode:
        assert writes(client) == []
    else:
        assert client.update.call_args[0][2]["dpassword"] == SECRET


def test_update_password_always_without_a_secret_is_no_change(capsys):
    client = found(CURRENT)
    result = run_module(module, dict(KEY, update_password="always"), client, capsys)
    assert result["changed"] is False


def test_date_times_compare_as_instants(capsys):
    client = found(CURRENT)
    result = run_module(module, dict(KEY, last_update_time="2025-08-31T05:41:36.327+02:00"), client, capsys)
    assert result["changed"] is False


@pytest.mark.parametrize("params, message", [
    (dict(KEY, organization="o" * 26), "organization must be at most 25 characters long (got 26)."),
    (dict(KEY, connection_protocol="s" * 26), "connection_protocol must be at most 25 characters long"),
    (dict(KEY, error="e" * 2001), "error must be at most 2000 characters long (got 2001)."),
    (dict(KEY, uofw="u" * 226), "uofw must be at most 225 characters long (got 226)."),
    (dict(KEY, dpassword="x" * 226), "dpassword must be at most 225 characters long."),
    (dict(KEY, last_update_time="not a date"), "last_update_time: 'not a date' is not an ISO 8601"),
])
def test_bad_input_fails_before_any_request(capsys, params, message):
    client = new_client()
    result = run_module(module, params, client, capsys)
    assert result["failed"] is True
    assert result["msg"].startswith(message)
    assert "x" * 226 not in json.dumps(result)
    assert client.mock_calls == []


def test_organization_is_required_on_create(capsys):
    client = found(None)
    result = run_module(module, {"identity": ["job_id"], "job_id": "J1"}, client, capsys)
    assert result["msg"] == "organization is required on create."
    assert writes(client) == []


def test_id_lookup_and_delete(capsys):
    client = new_client()
    client.get.return_value = dict(CURRENT)
    result = run_module(module, {"id": "a1", "state": "absent"}, client, capsys, diff=True)
    assert result["changed"] is True
    assert client.get.call_args == mock.call(AUDIT, "a1")
    assert writes(client) == [mock.call.delete(AUDIT, "a1")]
    assert "dpassword" not in result["diff"]["before"]
    assert result["record"] == {}


def test_delete_of_a_missing_record_is_unchanged(capsys):
    client = new_client()
    client.get.return_value = None
    result = run_module(module, {"id": "a1", "state": "absent"}, client, capsys)
    assert result["changed"] is False
    assert writes(client) == []


def test_transport_error_fails_the_task(capsys):
    client = new_client()
    client.find.side_effect = errors.TransportError("GET https://nccm.example.test/ux/ could not connect: refused",
                                                    method="GET", path=PATH)
    result = run_module(module, dict(KEY), client, capsys)
    assert result["failed"] is True
    assert result["msg"].startswith("GET https://nccm.example.test/ux/ could not connect")


@pytest.mark.parametrize("check_mode", [False, True])
def test_a_partial_identity_that_nearly_matches_warns_naming_the_records(capsys, check_mode):
    """Issue 20: organization and job_id given, the default identity also holds
    job_iteration_id and ci_id: the record a1 (J1 with both set) is not it, and a warning says so."""
    client = new_client()
    client.iter_all.return_value = iter([dict(CURRENT, dpassword=OLD), dict(CURRENT, id="a2", job_id="J2"),
                                         dict(CURRENT, id="a3", ci_id=None)])
    client.find.side_effect = lambda resource, criteria, near=None: infraon.InfraonClient.find(
        client, resource, criteria, near=near)
    client.create.return_value = {"id": "a9", "organization": "acme", "job_id": "J1"}
    result = run_module(module, {"organization": "acme", "job_id": "J1", "dpassword": SECRET}, client, capsys,
                        check_mode=check_mode)
    assert result["changed"] is True
    assert [warning["event"]["msg"] if isinstance(warning, dict) else warning for warning in result["warnings"]] == [
        "No audit record matches the identity (organization, job_id, job_iteration_id, ci_id) with "
        "job_iteration_id, ci_id unset, so state=present creates a new one; these records hold the same "
        "organization, job_id but differ in: id a1 (ci_id, job_iteration_id), id a3 (job_iteration_id). To update "
        "one, give its id or those options; to find records by fewer fields, narrow identity."]
    assert SECRET not in json.dumps(result) and OLD not in json.dumps(result)


def test_a_full_identity_does_not_look_for_near_matches(capsys):
    client = found(None)
    client.create.return_value = {"id": "a9"}
    result = run_module(module, dict(KEY), client, capsys)
    assert client.find.call_args == mock.call(AUDIT, KEY)
    assert "warnings" not in result
