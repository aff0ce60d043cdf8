# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
from unittest import mock

import pytest

from ansible_collections.ncm.platforms.plugins.module_utils import compare, errors, sync
from ansible_collections.ncm.platforms.plugins.module_utils.resource import Field
from ansible_collections.ncm.platforms.plugins.module_utils.resource import Resource
from ansible_collections.ncm.platforms.plugins.module_utils.task import Task

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


def task_with(check_mode=False, **params):
    task = Task(dict(dict((name, None) for name in THING.fields), state="present", update_password="on_create"),
                check_mode=check_mode)
    task.params.update(params)
    return task


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
    result_changed, result = sync.ensure(task_with(check_mode, state=state, name="b", dpassword=SECRET),
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
        sync.ensure(task_with(name="x" * 10, count=1), target, Resource("t", {"name": Field(max_length=5)}), "t")
    assert target.mock_calls == []


# --- many objects -----------------------------------------------------------------------
POLICY_KIND = Resource("policy", {
    "policyid": Field(required=True), "organization": Field(required=True), "name": Field(),
    "processid": Field("int", default=1), "users": Field("set", default=[]), "schedule": Field("dict", default={}),
}, read_only=("id", "status"))
EXISTING = [
    {"id": "1", "status": "on", "policyid": "A", "organization": "acme", "name": "a", "processid": 1,
     "users": ["x"], "schedule": {"at": "02:00", "every": "day"}},
    {"id": "2", "status": "on", "policyid": "B", "organization": "acme", "name": "b", "processid": 3, "users": []},
    {"id": "3", "status": "on", "policyid": "C", "organization": "other", "name": "c", "processid": 1},
]


def of_acme(obj):
    return obj["organization"] == "acme"


def planned(state, config, existing=None, **kwargs):
    existing = EXISTING if existing is None else existing
    return [(action.kind, action.key, action.fields) for action in
            sync.plan(POLICY_KIND, "policyid", config, existing, state, **kwargs)]


def test_merged_creates_the_missing_and_updates_only_what_is_set():
    config = [{"policyid": "A", "name": "a2"}, {"policyid": "B", "name": "b"}, {"policyid": "N", "organization": "acme"}]
    assert planned("merged", config) == [("update", "A", ["name"]), ("create", "N", ["organization", "policyid"])]


def test_merged_unchanged_plans_nothing():
    assert planned("merged", [{"policyid": "A", "users": ["x"], "schedule": {"at": "02:00"}}]) == []


def test_replaced_clears_what_is_not_given_and_keeps_the_others_alone():
    actions = sync.plan(POLICY_KIND, "policyid", [{"policyid": "A", "organization": "acme"}], EXISTING, "replaced")
    assert [(a.kind, a.key, a.fields) for a in actions] == [("update", "A", ["name", "schedule", "users"])]
    assert actions[0].body == {"policyid": "A", "organization": "acme", "processid": 1, "users": [], "schedule": {}}
    assert actions[0].predicted == {"id": "1", "status": "on", "policyid": "A", "organization": "acme",
                                    "processid": 1, "users": [], "schedule": {}}
    assert actions[0].diff == {"before": {"name": "a", "users": ["x"], "schedule": {"at": "02:00", "every": "day"}},
                               "after": {"name": None, "users": [], "schedule": {"at": None, "every": None}}}


def test_replaced_with_exactly_the_current_options_is_no_change():
    config = [{"policyid": "B", "organization": "acme", "name": "b", "processid": 3}]
    assert planned("replaced", config) == []


def test_replaced_needs_the_required_options_in_every_item():
    with pytest.raises(errors.InputError) as info:
        sync.check_config(POLICY_KIND, "policyid", [{"policyid": "A", "name": "x"}], "replaced")
    assert info.value.message == "config[0] (policyid A): organization is required for state=replaced."


def test_overridden_deletes_the_unlisted_in_scope_only_and_last():
    config = [{"policyid": "A", "organization": "acme", "name": "a", "users": ["x"],
               "schedule": {"at": "02:00", "every": "day"}}, {"policyid": "N", "organization": "acme"}]
    assert planned("overridden", config, in_scope=of_acme) == [
        ("create", "N", ["organization", "policyid", "processid", "schedule", "users"]), ("delete", "B", [])]


def test_deleted_removes_the_listed_that_exist():
    assert planned("deleted", [{"policyid": "A"}, {"policyid": "Z"}]) == [("delete", "A", [])]


def test_deleted_without_config_removes_everything_in_scope():
    assert planned("deleted", None, in_scope=of_acme) == [
        ("delete", "A", []), ("delete", "B", [])]


def test_two_existing_objects_with_a_listed_key_fail_naming_them():
    with pytest.raises(errors.AmbiguousMatch) as info:
        planned("merged", [{"policyid": "A", "name": "x"}], existing=EXISTING + [dict(EXISTING[0], id="9")])
    assert info.value.details["ids"] == ["1", "9"]


def test_many_items_among_many_objects_convert_each_object_once():
    existing = [dict(EXISTING[1], id=str(n), policyid="P%d" % n) for n in range(1000)]
    config = [{"policyid": "P%d" % (n * 20), "name": "b"} for n in range(50)] + [{"policyid": "NEW", "organization": "acme"}]
    with mock.patch.object(POLICY_KIND, "to_options", wraps=POLICY_KIND.to_options) as to_options:
        assert planned("merged", config, existing=existing) == [("create", "NEW", ["organization", "policyid"])]
    # one per object, and one per listed object for its comparison; a scan per item made 51,050
    assert to_options.call_count == 1000 + 50


def test_a_key_held_in_another_form_is_still_found():
    kind = Resource("port", {"number": Field("int", required=True), "name": Field()}, read_only=("id",))
    existing = [{"id": "1", "number": "80", "name": "http"}, {"id": "2", "number": None}, {"id": "3", "number": 443}]
    actions = sync.plan(kind, "number", [{"number": 80, "name": "web"}, {"number": "443"}], existing, "merged")
    assert [(action.kind, action.current["id"]) for action in actions] == [("update", "1")]


@pytest.mark.parametrize("config, message", [
    ([{"policyid": "A"}, {"policyid": "A"}], "config[1] (policyid A): policyid 'A' is listed twice"),
    ([{"name": "x"}], "config[0]: policyid is required in every config item."),
    ([{"policyid": " "}], "config[0]: policyid is required in every config item."),
])
def test_bad_config_fails_before_any_request(config, message):
    with pytest.raises(errors.InputError) as info:
        sync.check_config(POLICY_KIND, "policyid", config, "merged")
    assert info.value.message.startswith(message)


class ManyTarget(FakeTarget):
    def __init__(self, fail_on=None):
        super(ManyTarget, self).__init__(None)
        self.fail_on = fail_on

    def update(self, current, body):
        if current["policyid"] == self.fail_on:
            raise errors.ApiError("PUT", "/p/", 400, "name: too long", "PUT /p/ returned HTTP 400: name: too long")
        return super(ManyTarget, self).update(current, body)


@pytest.mark.parametrize("check_mode", [False, True])
def test_apply_sends_in_order_or_nothing_in_check_mode(check_mode):
    actions = sync.plan(POLICY_KIND, "policyid", [{"policyid": "N", "organization": "o"}, {"policyid": "A", "name": "z"}],
                        EXISTING, "merged")
    target = ManyTarget()
    after = sync.apply(actions, target, check_mode, "policyid")
    assert [write[0] for write in target.writes] == ([] if check_mode else ["create", "update"])
    assert after["A"]["name"] == "z"
    result = sync.many_result(POLICY_KIND, "policyid", actions, after)
    assert result["changes"] == [{"policyid": "N", "action": "created", "fields": ["organization", "policyid"]},
                                 {"policyid": "A", "action": "updated", "fields": ["name"]}]
    assert result["before"] == [POLICY_KIND.options_result(EXISTING[0])]
    assert result["diff"][1] == {"before": {"name": "a"}, "after": {"name": "z"},
                                 "before_header": "policyid A", "after_header": "policyid A"}


def test_a_failed_write_names_the_object_and_lists_what_was_done():
    actions = sync.plan(POLICY_KIND, "policyid", [{"policyid": "N", "organization": "o"}, {"policyid": "A", "name": "z"}],
                        EXISTING, "merged")
    with pytest.raises(errors.ApiError) as info:
        sync.apply(actions, ManyTarget(fail_on="A"), False, "policyid")
    assert info.value.message == ("update of policyid='A' failed: PUT /p/ returned HTTP 400: name: too long "
                                  "(already done: created N)")
    assert info.value.details["changes"] == [{"policyid": "N", "action": "created", "fields": ["organization", "policyid"]}]


class ThreadTarget(FakeTarget):
    """A target whose writes may run in threads; fails the policies named in ``fail``."""

    def __init__(self, fail=()):
        super(ThreadTarget, self).__init__(None)
        self.fail = fail

    def create(self, body):
        if body["policyid"] in self.fail:
            raise errors.NcmError("transaction failed: locked")
        return super(ThreadTarget, self).create(body)


def test_apply_parallel_runs_every_write_and_then_lists_each_failure():
    config = [{"policyid": name, "organization": "o"} for name in ("N1", "N2", "N3", "N4")]
    actions = sync.plan(POLICY_KIND, "policyid", config, EXISTING, "merged")
    target = ThreadTarget(fail=("N2", "N4"))
    with pytest.raises(errors.NcmError) as info:
        sync.apply_parallel(actions, target, False, "policyid", 2)
    assert sorted(write[1]["policyid"] for write in target.writes) == ["N1", "N3"]
    assert info.value.message.startswith("2 of 4 writes failed: create of policyid=")
    assert sorted(item["policyid"] for item in info.value.details["failures"]) == ["N2", "N4"]
    assert sorted(change["policyid"] for change in info.value.details["changes"]) == ["N1", "N3"]


def test_apply_parallel_deletes_after_the_other_writes():
    actions = sync.plan(POLICY_KIND, "policyid", [{"policyid": "N", "organization": "o"}], EXISTING, "overridden",
                        in_scope=of_acme)
    target = ThreadTarget()
    after = sync.apply_parallel(actions, target, False, "policyid", 8)
    assert [write[0] for write in target.writes] == ["create", "delete", "delete"]
    assert sorted(after) == ["A", "B", "N"]


def test_replaced_fills_typed_suboptions_with_their_defaults_and_keeps_unmodelled_keys():
    kind = Resource("user", {
        "username": Field(required=True),
        "account": Field("dict", fields={"locked": Field("bool", default=False), "policy": Field()}),
    })
    current = {"username": "u", "account": {"locked": False, "policy": "P", "last_login": "yesterday"}}
    action = sync.plan(kind, "username", [{"username": "u"}], [current], "replaced")[0]
    assert action.diff == {"before": {"account": {"policy": "P"}}, "after": {"account": {"policy": None}}}
    assert action.body == {"username": "u", "account": {"locked": False, "last_login": "yesterday"}}
    assert sync.plan(kind, "username", [{"username": "u", "account": {"policy": "P"}}], [current], "replaced") == []
