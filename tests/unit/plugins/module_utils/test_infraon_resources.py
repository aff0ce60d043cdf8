# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.ncm.platforms.plugins.module_utils import errors
from ansible_collections.ncm.platforms.plugins.module_utils.infraon_resources import AUDIT, POLICY


def test_audit_table_follows_the_documented_limits():
    assert AUDIT.limits["organization"] == 25
    assert AUDIT.limits["connection_protocol"] == 25
    assert AUDIT.limits["error"] == 2000
    assert AUDIT.limits["dpassword"] == AUDIT.limits["uofw"] == 225
    assert AUDIT.secrets == ("dpassword", "denable_password")
    assert AUDIT.datetimes == ("last_update_time",)
    assert not set(AUDIT.spec) & {"id", "creationtime", "agent_id", "connection_status", "failure_message"}


def test_policy_table_follows_the_documented_types():
    assert POLICY.limits == {"policyid": 25, "organization": 25}
    assert POLICY.required == ("policyid", "organization")
    assert set(POLICY.datetimes) == {"lastupdatetime", "activation_time", "lastaction", "nextaction"}
    kinds = dict((name, field.kind) for name, field in POLICY.spec.items())
    assert kinds["associated_rule_groups"] == kinds["assigned_users"] == kinds["assigned_group"] == "set"
    assert kinds["associate_users"] == kinds["associated_rules"] == "str"
    assert kinds["policy_schedule"] == "dict"
    assert not set(POLICY.spec) & {"id", "status", "creationtime", "last_update_time", "visibility"}


def test_options_come_from_the_table_with_secrets_no_log():
    options = AUDIT.options()
    assert options["dpassword"] == {"type": "str", "no_log": True}
    assert options["last_update_time"] == {"type": "str"}
    policy = POLICY.options()
    assert policy["assigned_users"] == {"type": "list", "elements": "str"}
    assert policy["processid"] == {"type": "int"}
    assert policy["policy_schedule"] == {"type": "dict"}


@pytest.mark.parametrize("params, message", [
    ({"organization": "o" * 26}, "organization must be at most 25 characters long (got 26)."),
    ({"connection_protocol": "s" * 26}, "connection_protocol must be at most 25 characters long (got 26)."),
    ({"error": "e" * 2001}, "error must be at most 2000 characters long (got 2001)."),
    ({"job_name": "j" * 226}, "job_name must be at most 225 characters long (got 226)."),
    ({"dpassword": "p" * 226}, "dpassword must be at most 225 characters long."),
    ({"last_update_time": "yesterday"}, "last_update_time: "),
])
def test_check_names_the_option_and_the_rule(params, message):
    with pytest.raises(errors.InputError) as info:
        AUDIT.check(params)
    assert info.value.message.startswith(message)
    assert "p" * 226 not in info.value.message


def test_check_accepts_values_at_the_limits():
    """check() raises on the first broken rule; values exactly at each limit must pass."""
    assert AUDIT.check({"organization": "o" * 25, "error": "e" * 2000, "last_update_time": "2025-08-31T03:41:36.327Z"}) is None
    assert POLICY.check({"policyid": "p" * 25, "nextaction": "2025-08-31T03:41:36+00:00"}) is None
