# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

import pytest

from ansible_collections.ncm.platforms.plugins.module_utils import compare, errors
from ansible_collections.ncm.platforms.plugins.module_utils.resource import Field

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
    ("2025-08-31T03:41:36.327512Z", "2025-08-31T03:41:36.327Z"),
    ("2025-08-31T03:41:36.3Z", "2025-08-31T03:41:36.327Z"),
    ("2025-08-31T03:41:36.123456789Z", "2025-08-31T03:41:36.123456+00:00"),
])
def test_datetimes_equal_as_instants(desired, current):
    assert compare.satisfies(Field("datetime"), desired, current)


@pytest.mark.parametrize("desired, current", [
    ("2025-08-31T03:41:36.327Z", "2025-08-31T03:41:36.328Z"),
    ("2025-08-31T03:41:36Z", "2025-08-31T03:41:37Z"),
    ("2025-08-31T03:41:36.327Z", "2025-08-31T03:41:36.327+01:00"),
    ("2025-08-31T03:41:36Z", None),
])
def test_datetimes_different(desired, current):
    assert not compare.satisfies(Field("datetime"), desired, current)


def test_parse_datetime_rejects_garbage():
    with pytest.raises(ValueError):
        compare.parse_datetime("31/08/2025")


@pytest.mark.parametrize("desired, current, same", [
    (["a", "b"], ["b", "a"], True),
    (["a", "b"], ["a", "b", "c"], False),
    ([1, 2], ["2", "1"], True),
    ([], None, True),
    (["a"], [], False),
])
def test_lists_as_sets(desired, current, same):
    assert compare.satisfies(Field("set"), desired, current) is same


@pytest.mark.parametrize("kind", ["set", "list", "any"])
@pytest.mark.parametrize("current", ["a", 7, True, {"a": 1}])
def test_a_list_held_as_a_scalar_or_a_dict_is_a_change_not_a_crash(kind, current):
    assert compare.satisfies(Field(kind), ["a"], current) is False


def test_ordered_list_cares_about_order():
    assert not compare.satisfies(Field("list"), ["a", "b"], ["b", "a"])
    assert compare.satisfies(Field("list"), ["a", 1], ["a", "1"])


@pytest.mark.parametrize("desired, current, same", [
    (1, "1", True),
    (1, 1, True),
    (1, "2", False),
    (1, "one", False),
    (0, None, False),
])
def test_numeric_strings(desired, current, same):
    assert compare.satisfies(Field("int"), desired, current) is same


def test_booleans_from_strings():
    assert compare.satisfies(Field("bool"), True, "true")
    assert not compare.satisfies(Field("bool"), False, "true")


def test_strings_are_exact_but_empty_is_null():
    assert compare.satisfies(Field(), "", None)
    assert not compare.satisfies(Field(), "a", "A")


def test_nested_dict_compares_only_the_keys_asked():
    current = {"schedule": {"every": "1", "unit": "day", "extra": {"x": 1, "y": 2}}}
    assert compare.differences(SPEC, {"schedule": {"every": 1, "extra": {"x": 1}}}, current) == {}
    assert compare.differences(SPEC, {"schedule": {"unit": "week", "extra": {"y": 3}}}, current) == {
        "schedule": {"unit": "week", "extra": {"y": 3}}}


def test_nested_dict_with_known_fields():
    current = {"account": {"locked": "false", "policy": "Default"}}
    assert compare.differences(SPEC, {"account": {"locked": False}}, current) == {}
    assert compare.differences(SPEC, {"account": {"locked": True, "policy": "Default"}}, current) == {
        "account": {"locked": True}}


def test_differences_skip_unset_and_secret_options():
    current = {"name": "a", "count": "3", "dpassword": "********"}
    desired = {"name": None, "count": 3, "dpassword": SECRET, "users": None}
    assert compare.differences(SPEC, desired, current) == {}
    assert compare.differences(SPEC, {"count": 4}, current) == {"count": 4}


def test_change_diff_holds_changed_fields_only():
    current = {"name": "a", "count": 3, "schedule": {"every": 1, "unit": "day"}}
    changes = compare.differences(SPEC, {"name": "a", "count": 4, "schedule": {"unit": "week"}}, current)
    assert compare.change_diff(SPEC, changes, current) == {
        "before": {"count": 3, "schedule": {"unit": "day"}},
        "after": {"count": 4, "schedule": {"unit": "week"}},
    }


def test_masked_never_contains_a_secret():
    obj = {"name": "a", "dpassword": SECRET}
    assert compare.mask_secrets(SPEC, obj) == {"name": "a", "dpassword": compare.MASK}
    assert obj["dpassword"] == SECRET
    assert compare.mask_secrets(SPEC, {"dpassword": ""}) == {"dpassword": ""}
    diff = compare.change_diff(SPEC, {"dpassword": SECRET, "name": "b"}, {"dpassword": SECRET, "name": "a"})
    assert SECRET not in json.dumps(diff)


def test_merge_lays_nested_dicts_key_by_key_and_a_none_removes_the_key():
    base = {"name": "a", "schedule": {"every": 1, "unit": "day"}}
    assert compare.merge(base, {"schedule": {"unit": "week", "every": None}, "new": {"x": None, "y": 1}}) == {
        "name": "a", "schedule": {"unit": "week"}, "new": {"y": 1}}
    assert base == {"name": "a", "schedule": {"every": 1, "unit": "day"}}


def test_set_options_keeps_only_set_writable_options():
    desired = {"name": "a", "count": None, "id": "ignored", "dpassword": SECRET}
    assert compare.set_options(SPEC, desired) == {"name": "a", "dpassword": SECRET}
    assert compare.set_options(SPEC, desired, with_secrets=False) == {"name": "a"}


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        Field("float")


def test_datetimes_compare_at_the_coarser_precision_both_ways():
    assert compare.same_instant("2025-08-31T03:41:36.327999Z", "2025-08-31T03:41:36.327Z")
    assert compare.same_instant("2025-08-31T03:41:36.327Z", "2025-08-31T03:41:36.327999Z")
    assert not compare.same_instant("2025-08-31T03:41:36.326999Z", "2025-08-31T03:41:36.327Z")


@pytest.mark.parametrize("value", [
    "2025-08-31T03:41:36+05", "2025-08-31T03:41:36z", "2025-08-31t03:41:36Z", "2025-08-31T03:41:36,5Z",
    "2025-08-31T03:41:36 +02:00", " 2025-08-31T03:41:36Z", "2025-08-31", "2025-02-30T00:00:00Z",
    "\uff12\uff10\uff12\uff15-08-31T03:41:36Z", "2025-08-31T03:41:36+\u0660\u0665:00",
])
def test_datetimes_the_api_refuses_are_refused(value):
    with pytest.raises(ValueError):
        compare.parse_datetime(value)


def test_out_of_range_offset_reads_as_a_sentence():
    with pytest.raises(ValueError) as info:
        compare.parse_datetime("2025-08-31T03:41:36+24:00")
    assert "offset +24:00 is out of range (-23:59 to +23:59)" in str(info.value)


def test_nested_key_set_to_none_asks_for_its_removal():
    current = {"schedule": {"every": 1, "at": "02:00"}}
    assert compare.differences(SPEC, {"schedule": {"at": None}}, current) == {"schedule": {"at": None}}
    assert compare.differences(SPEC, {"schedule": {"gone": None}}, current) == {}
    changes = compare.differences(SPEC, {"schedule": {"at": None}}, current)
    assert compare.change_diff(SPEC, changes, current) == {
        "before": {"schedule": {"at": "02:00"}}, "after": {"schedule": {"at": None}}}


@pytest.mark.parametrize("word", ["InProgress", "IN_PROGRESS", "In Progress", "in-progress"])
def test_status_words_ignore_case_and_separators(word):
    assert compare.status_key(word) == compare.status_key("InProgress") == "inprogress"


ITEMS = [{"id": 1, "name": "a", "count": "3"}, {"id": 2, "name": "b", "count": 3}, {"id": 3, "name": "b"}]


def test_find_one_with_no_match_is_none():
    assert compare.find_one(ITEMS, {"name": "z"}, SPEC) is None


def test_find_one_with_one_match_compares_by_field_kind():
    assert compare.find_one(ITEMS, {"name": "a", "count": 3}, SPEC)["id"] == 1


def test_find_one_with_two_matches_fails_and_lists_them():
    with pytest.raises(errors.AmbiguousMatch) as info:
        compare.find_one(ITEMS, {"name": "b"}, SPEC, where="/things/")
    assert info.value.details["ids"] == [2, 3]
    assert info.value.message == "2 objects at /things/ match name='b' (ids: 2, 3); set id to pick one"


def test_find_one_reads_items_through_a_view_and_names_them_by_id_of():
    users = [{"pkid": "p1", "data": {"hcsUname": "x"}}, {"pkid": "p2", "data": {"hcsUname": "x"}}]
    with pytest.raises(errors.AmbiguousMatch) as info:
        compare.find_one(users, {"username": "x"}, view=lambda item: {"username": item["data"]["hcsUname"]},
                         id_of=lambda item: item["pkid"])
    assert info.value.details["ids"] == ["p1", "p2"]
