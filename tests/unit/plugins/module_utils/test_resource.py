# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

import pytest

from ansible_collections.ncm.platforms.plugins.module_utils import compare, errors
from ansible_collections.ncm.platforms.plugins.module_utils.resource import Field
from ansible_collections.ncm.platforms.plugins.module_utils.infraon.resources import AUDIT, POLICY
from ansible_collections.ncm.platforms.plugins.module_utils.resource import Resource

SECRET = "Sup3r-secret!"
ACCOUNT = {"disabled": Field("bool"), "locked": Field("bool"), "credential_policy": Field()}
USER = Resource("admin user", {
    "username": Field(api="hcsUname", required=True, max_length=64),
    "first_name": Field(api="AdminUser.first_name"),
    "role": Field(api="AdminUser.role", required=True),
    "password": Field(api="AdminUser.password", secret=True, min_length=8),
    "account_information": Field("dict", api="AdminUser.account_information", fields=ACCOUNT),
    "tags": Field("list"),
    "extra": Field("any"),
}, read_only=("AdminUser.account_information.last_login", "pkid"))
API_USER = {"pkid": "u1", "hcsUname": "jo", "AdminUser": {
    "first_name": "Jo", "role": "Operator", "department": "NOC", "password": "",
    "account_information": {"disabled": False, "last_login": "2025-08-01T00:00:00Z"}}}


def maximum(resource, name):
    return resource.fields[name].max_length


def test_audit_table_follows_the_documented_limits():
    assert maximum(AUDIT, "organization") == maximum(AUDIT, "connection_protocol") == 25
    assert maximum(AUDIT, "error") == 2000
    assert maximum(AUDIT, "dpassword") == maximum(AUDIT, "uofw") == 225
    assert AUDIT.secrets == ("dpassword", "denable_password")
    assert AUDIT.datetimes == ("last_update_time",)
    assert AUDIT.required == ("organization",)
    assert not set(AUDIT.fields) & {"id", "creationtime", "agent_id", "connection_status", "failure_message"}


def test_policy_table_follows_the_documented_types():
    limited = dict((name, field.max_length) for name, field in POLICY.fields.items() if field.max_length)
    assert limited == {"policyid": 25, "organization": 25}
    assert POLICY.required == ("policyid", "organization")
    assert set(POLICY.datetimes) == {"lastupdatetime", "activation_time", "lastaction", "nextaction"}
    kinds = dict((name, field.kind) for name, field in POLICY.fields.items())
    assert kinds["associated_rule_groups"] == kinds["assigned_users"] == kinds["assigned_group"] == "set"
    assert kinds["associate_users"] == kinds["associated_rules"] == "str"
    assert kinds["policy_schedule"] == "dict"
    assert not set(POLICY.fields) & {"id", "status", "creationtime", "last_update_time", "visibility"}


def test_options_come_from_the_table_for_every_kind():
    options = AUDIT.options()
    assert options["dpassword"] == {"type": "str", "no_log": True}
    assert options["last_update_time"] == {"type": "str"}
    policy = POLICY.options()
    assert policy["assigned_users"] == {"type": "list", "elements": "str"}
    assert policy["processid"] == {"type": "int"}
    assert policy["policy_schedule"] == {"type": "dict"}
    user = USER.options()
    assert user["tags"] == {"type": "list"}
    assert user["extra"] == {"type": "raw"}
    assert user["account_information"] == {"type": "dict", "options": {
        "disabled": {"type": "bool"}, "locked": {"type": "bool"}, "credential_policy": {"type": "str"}}}


@pytest.mark.parametrize("params, message", [
    ({"organization": "o" * 26}, "organization must be at most 25 characters long (got 26)."),
    ({"connection_protocol": "s" * 26}, "connection_protocol must be at most 25 characters long (got 26)."),
    ({"error": "e" * 2001}, "error must be at most 2000 characters long (got 2001)."),
    ({"job_name": "j" * 226}, "job_name must be at most 225 characters long (got 226)."),
    ({"dpassword": "p" * 226}, "dpassword must be at most 225 characters long."),
    ({"last_update_time": "yesterday"}, "last_update_time: "),
    ({"organization": "   "}, "organization must not be empty or only spaces."),
])
def test_check_names_the_option_and_the_rule(params, message):
    with pytest.raises(errors.InputError) as info:
        AUDIT.check(params)
    assert info.value.message.startswith(message)
    assert "p" * 226 not in info.value.message


def test_check_enforces_a_minimum_without_quoting_a_secret():
    with pytest.raises(errors.InputError) as info:
        USER.check({"password": "short"})
    assert info.value.message == "password must be at least 8 characters long."


def test_check_accepts_values_at_the_limits():
    """check() raises on the first broken rule; values exactly at each limit must pass."""
    assert AUDIT.check({"organization": "o" * 25, "error": "e" * 2000, "last_update_time": "2025-08-31T03:41:36.327Z"}) is None
    assert POLICY.check({"policyid": "p" * 25, "nextaction": "2025-08-31T03:41:36+00:00"}) is None
    assert USER.check({"password": "x" * 8}) is None


def test_nested_mapping_reads_an_api_object_as_options():
    assert USER.to_options(API_USER) == {
        "username": "jo", "first_name": "Jo", "role": "Operator", "password": "",
        "account_information": {"disabled": False, "last_login": "2025-08-01T00:00:00Z"}}


def test_nested_mapping_writes_options_as_an_api_object():
    assert USER.to_api({"username": "jo", "first_name": "Jo", "role": None,
                        "account_information": {"locked": True}}) == {
        "hcsUname": "jo", "AdminUser": {"first_name": "Jo", "account_information": {"locked": True}}}


def test_update_body_starts_from_the_current_object_and_keeps_unmodelled_fields():
    desired = USER.desired({"first_name": "Joe", "account_information": {
        "locked": True, "disabled": None, "credential_policy": None}, "password": SECRET})
    body = USER.update_body(API_USER, desired, with_secrets=False)
    assert body == {"hcsUname": "jo", "AdminUser": {
        "first_name": "Joe", "role": "Operator", "department": "NOC",
        "account_information": {"disabled": False, "locked": True}}}
    assert USER.update_body(API_USER, desired, with_secrets=True)["AdminUser"]["password"] == SECRET


def test_update_body_sends_back_a_secret_read_in_clear_but_never_a_mask():
    current = {"id": "r1", "organization": "acme", "dpassword": "clear-one", "denable_password": "********"}
    body = AUDIT.update_body(current, AUDIT.desired({"organization": "acme"}), with_secrets=False)
    assert body == {"organization": "acme", "dpassword": "clear-one"}


def test_typed_suboptions_left_unset_are_left_alone_in_the_compare():
    desired = USER.desired({"account_information": {"disabled": None, "locked": None, "credential_policy": None}})
    assert USER.changes(desired, API_USER) == {}


def test_masked_api_object_and_diff_never_hold_a_secret():
    obj = dict(API_USER, AdminUser=dict(API_USER["AdminUser"], password=SECRET))
    assert USER.api_result(obj)["AdminUser"]["password"] == compare.MASK
    assert obj["AdminUser"]["password"] == SECRET
    assert SECRET not in json.dumps(USER.options_result(obj))


def test_predicted_create_holds_the_documented_defaults():
    assert POLICY.predicted({"policyid": "P", "organization": "o", "assigned_users": ["a"]}) == {
        "policyid": "P", "organization": "o", "processid": 1, "assigned_users": ["a"],
        "associated_rule_groups": [], "assigned_group": [], "policy_schedule": {}}
