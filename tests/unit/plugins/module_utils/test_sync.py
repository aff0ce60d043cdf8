# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
from unittest import mock

import pytest

from ansible_collections.ncm.platforms.plugins.module_utils import compare, errors, sync
from ansible_collections.ncm.platforms.plugins.module_utils.compare import Field
from ansible_collections.ncm.platforms.plugins.module_utils.resource import Resource

SECRET = "device-pass-123"
THING = Resource("thing", {"name": Field(required=True), "count": Field("int"), "dpassword": Field(secret=True)},
                 read_only=("id",))
CURRENT = {"id": "7", "name": "a", "count": "3", "dpassword": "********"}
# A VOSS-shaped kind: options map into a nested API object.
USER = Resource("admin user", {
    "username": Field(api="hcsUname", required=True),
    "first_name": Field(api="AdminUser.first_name"),
    "role": Field(api="AdminUser.role", required=True),
    "password": Field(api="AdminUser.password", secret=True),
}, read_only=("AdminUser.account_information.last_login",))


class FakeTarget(object):
    """Records every write; ``find`` answers what it was given."""

    def __init__(self, current):
        self.current = current
        self.writes = []

    def find(self):
        return self.current

    def create(self, body):
        self.writes.append(("create", body))
        return dict(body, id="new")

    def update(self, current, body):
        self.writes.append(("update", current["id"], body))
        return dict(current, **body)

    def delete(self, current):
        self.writes.append(("delete", current["id"]))


@pytest.mark.parametrize("check_mode", [False, True])
def test_present_creates_when_absent(check_mode):
    target = FakeTarget(None)
    changed, obj, diff = sync.present(target, THING, {"name": "a", "count": None, "dpassword": SECRET}, check_mode)
    assert changed is True
    assert diff == {"before": {}, "after": {"name": "a", "dpassword": compare.MASK}}
    if check_mode:
        assert target.writes == []
        assert obj == {"name": "a", "dpassword": SECRET}
    else:
        assert target.writes == [("create", {"name": "a", "dpassword": SECRET})]
        assert obj["id"] == "new"


@pytest.mark.parametrize("check_mode", [False, True])
def test_create_without_a_required_option_fails_before_any_write(check_mode):
    target = FakeTarget(None)
    with pytest.raises(errors.InputError) as info:
        sync.present(target, THING, {"name": "  ", "count": 1}, check_mode)
    assert info.value.message == "name is required on create."
    assert target.writes == []


def test_check_mode_create_uses_the_targets_prediction():
    target = FakeTarget(None)
    target.predict = lambda body: dict(body, rendered=True)
    assert sync.present(target, THING, {"name": "a"}, True)[1] == {"name": "a", "rendered": True}


@pytest.mark.parametrize("check_mode", [False, True])
def test_present_unchanged_sends_nothing(check_mode):
    target = FakeTarget(CURRENT)
    changed, obj, diff = sync.present(target, THING, {"name": "a", "count": 3, "dpassword": SECRET}, check_mode)
    assert (changed, obj, target.writes) == (False, CURRENT, [])
    assert diff == {"before": {}, "after": {}}


@pytest.mark.parametrize("check_mode", [False, True])
def test_present_updates_only_what_differs(check_mode):
    target = FakeTarget(CURRENT)
    changed, obj, diff = sync.present(target, THING, {"name": None, "count": 4, "dpassword": SECRET}, check_mode)
    assert changed is True
    assert diff == {"before": {"count": "3"}, "after": {"count": 4}}
    assert obj["count"] == 4 and obj["id"] == "7"
    expected_writes = [] if check_mode else [("update", "7", {"name": "a", "count": 4})]
    assert target.writes == expected_writes


@pytest.mark.parametrize("check_mode", [False, True])
def test_present_with_update_secrets_always_changes_and_sends_the_secret(check_mode):
    target = FakeTarget(CURRENT)
    changed, dummy, diff = sync.present(target, THING, {"count": 3, "dpassword": SECRET}, check_mode, update_secrets=True)
    assert changed is True
    assert diff == {"before": {"dpassword": compare.MASK}, "after": {"dpassword": compare.MASK}}
    assert SECRET not in json.dumps(diff)
    expected_writes = [] if check_mode else [("update", "7", {"name": "a", "count": 3, "dpassword": SECRET})]
    assert target.writes == expected_writes


def test_update_secrets_without_a_secret_given_is_no_change():
    target = FakeTarget(CURRENT)
    changed, dummy, dummy_diff = sync.present(target, THING, {"count": 3}, False, update_secrets=True)
    assert changed is False and target.writes == []


@pytest.mark.parametrize("check_mode", [False, True])
def test_absent_deletes_when_present(check_mode):
    target = FakeTarget(CURRENT)
    changed, obj, diff = sync.absent(target, THING, check_mode)
    assert (changed, obj) == (True, None)
    assert diff == {"before": {"name": "a", "count": "3"}, "after": {}}
    assert target.writes == ([] if check_mode else [("delete", "7")])


@pytest.mark.parametrize("check_mode", [False, True])
def test_absent_when_absent_is_no_change(check_mode):
    target = FakeTarget(None)
    assert sync.absent(target, THING, check_mode) == (False, None, {"before": {}, "after": {}})
    assert target.writes == []


def test_nested_kind_updates_keep_unmodelled_fields_and_diff_by_option_names():
    current = {"id": "u1", "hcsUname": "jo", "AdminUser": {
        "first_name": "Jo", "role": "Operator", "department": "NOC",
        "account_information": {"last_login": "2025-01-01", "disabled": False}}}
    target = FakeTarget(current)
    changed, dummy, diff = sync.present(target, USER, {"username": "jo", "first_name": "Joe", "role": "Operator"}, False)
    assert changed is True
    assert diff == {"before": {"first_name": "Jo"}, "after": {"first_name": "Joe"}}
    assert target.writes == [("update", "u1", {"id": "u1", "hcsUname": "jo", "AdminUser": {
        "first_name": "Joe", "role": "Operator", "department": "NOC",
        "account_information": {"disabled": False}}})]


def test_nested_kind_creates_a_nested_body():
    target = FakeTarget(None)
    sync.present(target, USER, {"username": "jo", "role": "Operator", "password": SECRET}, False)
    assert target.writes == [("create", {"hcsUname": "jo", "AdminUser": {"role": "Operator", "password": SECRET}})]


def module_with(check_mode=False, **params):
    module = mock.Mock(check_mode=check_mode)
    module.params = dict(dict((name, None) for name in THING.fields), state="present", update_password="on_create")
    module.params.update(params)
    return module


@pytest.mark.parametrize("state, current, check_mode, changed, writes", [
    ("present", None, False, True, ["create"]),
    ("present", None, True, True, []),
    ("present", CURRENT, False, True, ["update"]),
    ("present", CURRENT, True, True, []),
    ("absent", CURRENT, False, True, ["delete"]),
    ("absent", CURRENT, True, True, []),
    ("absent", None, False, False, []),
    ("absent", None, True, False, []),
])
def test_ensure_across_state_and_check_mode(state, current, check_mode, changed, writes):
    target = FakeTarget(current)
    target.extras = {"transaction_id": "tx-1"}
    result_changed, result = sync.ensure(module_with(check_mode, state=state, name="b", dpassword=SECRET),
                                         target, THING, "thing")
    assert result_changed is changed
    assert [write[0] for write in target.writes] == writes
    assert result["transaction_id"] == "tx-1"
    assert SECRET not in json.dumps(result)
    if state == "absent":
        assert result["thing"] == {}


def test_ensure_checks_the_options_before_any_request():
    target = mock.Mock(spec=FakeTarget)
    with pytest.raises(errors.InputError):
        sync.ensure(module_with(name="x" * 10, count=1), target, Resource("t", {"name": Field(max_length=5)}), "t")
    assert target.mock_calls == []
