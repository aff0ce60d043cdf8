# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""sync's many-objects rules of issue 20: an empty list never means "all", a per-item
message names the item, a check-mode result has the real run's keys and shapes."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

import pytest

from ansible_collections.ncm.platforms.plugins.module_utils import errors, sync
from ansible_collections.ncm.platforms.plugins.module_utils.resource import Field
from ansible_collections.ncm.platforms.plugins.module_utils.resource import Resource
from ansible_collections.ncm.platforms.tests.unit.plugins.module_utils.test_sync import (
    POLICY_KIND, SECRET, FakeTarget, of_acme, planned)


@pytest.mark.parametrize("config", [None, []])
def test_overridden_with_an_empty_or_missing_config_fails_before_any_request(config):
    with pytest.raises(errors.InputError) as info:
        sync.check_config(POLICY_KIND, "policyid", config, "overridden", scope="scope")
    assert info.value.message.startswith("config is empty with state=overridden, which would delete every policy in scope")
    assert "state=deleted with scope given and config left out" in info.value.message


def test_deleted_with_an_empty_config_deletes_nothing_and_without_config_everything_in_scope():
    assert planned("deleted", [], in_scope=of_acme) == []
    assert planned("deleted", None, in_scope=of_acme) == [("delete", "A", []), ("delete", "B", [])]


@pytest.mark.parametrize("config, state, message", [
    ([{"policyid": "A", "organization": "acme"}, {"policyid": "B", "organization": "x" * 26}], "merged",
     "config[1] (policyid B): organization must be at most 25 characters long (got 26)."),
    ([{"policyid": "A", "organization": "acme"}, {"policyid": "B", "name": "x"}], "replaced",
     "config[1] (policyid B): organization is required for state=replaced."),
    ([{"policyid": "A"}, {"name": "x"}], "merged", "config[1]: policyid is required in every config item."),
])
def test_a_per_item_input_error_names_the_item(config, state, message):
    kind = Resource("policy", {"policyid": Field(required=True), "organization": Field(required=True, max_length=25),
                               "name": Field()})
    with pytest.raises(errors.InputError) as info:
        sync.check_config(kind, "policyid", config, state)
    assert info.value.message == message


def test_a_create_without_a_required_option_names_the_item():
    with pytest.raises(errors.InputError) as info:
        planned("merged", [{"policyid": "A", "name": "a"}, {"policyid": "N", "name": "n"}])
    assert info.value.message == "config[1] (policyid N): organization is required on create."


def test_check_mode_and_real_results_have_the_same_keys_and_shapes():
    kind = Resource("user", {
        "username": Field(api="hcsUname", required=True), "first_name": Field(api="AdminUser.first_name"),
        "last_name": Field(api="AdminUser.last_name"), "password": Field(api="AdminUser.password", secret=True),
        "account": Field("dict", api="AdminUser.account", fields={"locked": Field("bool", default=False),
                                                                  "policy": Field()}),
    })
    config = [{"username": "u", "first_name": "U", "password": SECRET}]
    actions = sync.plan(kind, "username", config, [], "merged")
    # what a server answers: every key, unset ones null, the documented defaults filled in
    served = {"u": {"hcsUname": "u", "pkid": "9", "AdminUser": {"first_name": "U", "last_name": None,
                                                                "account": {"locked": False, "last_login": None}}}}
    checked = sync.many_result(kind, "username", actions, sync.apply(actions, FakeTarget(None), True, "username"))
    real = sync.many_result(kind, "username", actions, served)
    assert checked["after"] == real["after"] == [{"username": "u", "first_name": "U", "last_name": None,
                                                  "account": {"locked": False, "policy": None}}]
    assert SECRET not in json.dumps(checked)
