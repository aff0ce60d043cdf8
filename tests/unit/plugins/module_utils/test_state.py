# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

import pytest

from ansible_collections.ncm.platforms.plugins.module_utils import state
from ansible_collections.ncm.platforms.plugins.module_utils.state import Field

SECRET = "device-pass-123"
SPEC = {
    "name": Field(),
    "when": Field("datetime"),
    "users": Field("set"),
    "order": Field("list"),
    "count": Field("int"),
    "enabled": Field("bool"),
    "schedule": Field("dict"),
    "account": Field("dict", fields={"locked": Field("bool"), "policy": Field()}),
    "dpassword": Field(secret=True),
}


@pytest.mark.parametrize("desired, current", [
    ("2025-08-31T03:41:36.327Z", "2025-08-31T03:41:36.327000+00:00"),
    ("2025-08-31T03:41:36.327Z", "2025-08-31T03:41:36Z"),
    ("2025-08-31T03:41:36Z", "2025-08-31T03:41:36.327Z"),
    ("2025-08-31T05:41:36.327+02:00", "2025-08-31T03:41:36.327Z"),
    ("2025-08-31 03:41:36", "2025-08-31T03:41:36.000Z"),
])
def test_datetimes_equal_as_instants(desired, current):
    assert state.equal(Field("datetime"), desired, current)


@pytest.mark.parametrize("desired, current", [
    ("2025-08-31T03:41:36.327Z", "2025-08-31T03:41:36.328Z"),
    ("2025-08-31T03:41:36Z", "2025-08-31T03:41:37Z"),
    ("2025-08-31T03:41:36.327Z", "2025-08-31T03:41:36.327+01:00"),
    ("2025-08-31T03:41:36Z", None),
])
def test_datetimes_different(desired, current):
    assert not state.equal(Field("datetime"), desired, current)


def test_parse_datetime_rejects_garbage():
    with pytest.raises(ValueError):
        state.parse_datetime("31/08/2025")


@pytest.mark.parametrize("desired, current, same", [
    (["a", "b"], ["b", "a"], True),
    (["a", "b"], ["a", "b", "c"], False),
    ([1, 2], ["2", "1"], True),
    ([], None, True),
    (["a"], [], False),
])
def test_lists_as_sets(desired, current, same):
    assert state.equal(Field("set"), desired, current) is same


def test_ordered_list_cares_about_order():
    assert not state.equal(Field("list"), ["a", "b"], ["b", "a"])
    assert state.equal(Field("list"), ["a", 1], ["a", "1"])


@pytest.mark.parametrize("desired, current, same", [
    (1, "1", True),
    (1, 1, True),
    (1, "2", False),
    (1, "one", False),
    (0, None, False),
])
def test_numeric_strings(desired, current, same):
    assert state.equal(Field("int"), desired, current) is same


def test_booleans_from_strings():
    assert state.equal(Field("bool"), True, "true")
    assert not state.equal(Field("bool"), False, "true")


def test_strings_are_exact_but_empty_is_null():
    assert state.equal(Field(), "", None)
    assert not state.equal(Field(), "a", "A")


def test_nested_dict_compares_only_the_keys_asked():
    current = {"schedule": {"every": "1", "unit": "day", "extra": {"x": 1, "y": 2}}}
    assert state.differences(SPEC, {"schedule": {"every": 1, "extra": {"x": 1}}}, current) == {}
    assert state.differences(SPEC, {"schedule": {"unit": "week", "extra": {"y": 3}}}, current) == {
        "schedule": {"unit": "week", "extra": {"y": 3}}}


def test_nested_dict_with_known_fields():
    current = {"account": {"locked": "false", "policy": "Default"}}
    assert state.differences(SPEC, {"account": {"locked": False}}, current) == {}
    assert state.differences(SPEC, {"account": {"locked": True, "policy": "Default"}}, current) == {
        "account": {"locked": True}}


def test_differences_skip_unset_and_secret_options():
    current = {"name": "a", "count": "3", "dpassword": "********"}
    desired = {"name": None, "count": 3, "dpassword": SECRET, "users": None}
    assert state.differences(SPEC, desired, current) == {}
    assert state.differences(SPEC, {"count": 4}, current) == {"count": 4}


def test_change_diff_holds_changed_fields_only():
    current = {"name": "a", "count": 3, "schedule": {"every": 1, "unit": "day"}}
    changes = state.differences(SPEC, {"name": "a", "count": 4, "schedule": {"unit": "week"}}, current)
    assert state.change_diff(SPEC, changes, current) == {
        "before": {"count": 3, "schedule": {"unit": "day"}},
        "after": {"count": 4, "schedule": {"unit": "week"}},
    }


def test_masked_never_contains_a_secret():
    obj = {"name": "a", "dpassword": SECRET}
    assert state.masked(SPEC, obj) == {"name": "a", "dpassword": state.MASK}
    assert obj["dpassword"] == SECRET
    assert state.masked(SPEC, {"dpassword": ""}) == {"dpassword": ""}
    diff = state.change_diff(SPEC, {"dpassword": SECRET, "name": "b"}, {"dpassword": SECRET, "name": "a"})
    assert SECRET not in json.dumps(diff)


def test_update_body_merges_and_drops_read_only_and_read_back_secrets():
    current = {"id": "x1", "creationtime": "2025-01-01T00:00:00Z", "name": "a", "count": 3,
               "schedule": {"every": 1, "unit": "day"}, "dpassword": "********"}
    desired = {"count": 4, "schedule": {"unit": "week"}, "dpassword": SECRET, "name": None}
    assert state.update_body(SPEC, current, desired, with_secrets=False) == {
        "name": "a", "count": 4, "schedule": {"every": 1, "unit": "week"}}
    assert state.update_body(SPEC, current, desired, with_secrets=True)["dpassword"] == SECRET


def test_set_options_keeps_only_set_writable_options():
    desired = {"name": "a", "count": None, "id": "ignored", "dpassword": SECRET}
    assert state.set_options(SPEC, desired) == {"name": "a", "dpassword": SECRET}
    assert state.set_options(SPEC, desired, with_secrets=False) == {"name": "a"}


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        Field("float")
