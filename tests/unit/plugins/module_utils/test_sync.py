# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

import pytest

from ansible_collections.ncm.platforms.plugins.module_utils import state, sync
from ansible_collections.ncm.platforms.plugins.module_utils.state import Field

SECRET = "device-pass-123"
SPEC = {"name": Field(), "count": Field("int"), "dpassword": Field(secret=True)}
CURRENT = {"id": "7", "name": "a", "count": "3", "dpassword": "********"}


class FakeResource(object):
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
    resource = FakeResource(None)
    changed, obj, diff = sync.present(resource, SPEC, {"name": "a", "count": None, "dpassword": SECRET}, check_mode)
    assert changed is True
    assert diff == {"before": {}, "after": {"name": "a", "dpassword": state.MASK}}
    if check_mode:
        assert resource.writes == []
        assert obj == {"name": "a", "dpassword": SECRET}
    else:
        assert resource.writes == [("create", {"name": "a", "dpassword": SECRET})]
        assert obj["id"] == "new"


@pytest.mark.parametrize("check_mode", [False, True])
def test_present_unchanged_sends_nothing(check_mode):
    resource = FakeResource(CURRENT)
    changed, obj, diff = sync.present(resource, SPEC, {"name": "a", "count": 3, "dpassword": SECRET}, check_mode)
    assert (changed, obj, resource.writes) == (False, CURRENT, [])
    assert diff == {"before": {}, "after": {}}


@pytest.mark.parametrize("check_mode", [False, True])
def test_present_updates_only_what_differs(check_mode):
    resource = FakeResource(CURRENT)
    changed, obj, diff = sync.present(resource, SPEC, {"name": None, "count": 4, "dpassword": SECRET}, check_mode)
    assert changed is True
    assert diff == {"before": {"count": "3"}, "after": {"count": 4}}
    assert obj["count"] == 4 and obj["id"] == "7"
    expected_writes = [] if check_mode else [("update", "7", {"name": "a", "count": 4})]
    assert resource.writes == expected_writes


@pytest.mark.parametrize("check_mode", [False, True])
def test_present_with_update_secrets_always_changes_and_sends_the_secret(check_mode):
    resource = FakeResource(CURRENT)
    changed, dummy, diff = sync.present(resource, SPEC, {"count": 3, "dpassword": SECRET}, check_mode, update_secrets=True)
    assert changed is True
    assert diff == {"before": {"dpassword": state.MASK}, "after": {"dpassword": state.MASK}}
    assert SECRET not in json.dumps(diff)
    expected_writes = [] if check_mode else [("update", "7", {"name": "a", "count": 3, "dpassword": SECRET})]
    assert resource.writes == expected_writes


def test_update_secrets_without_a_secret_given_is_no_change():
    resource = FakeResource(CURRENT)
    changed, dummy, dummy_diff = sync.present(resource, SPEC, {"count": 3}, False, update_secrets=True)
    assert changed is False and resource.writes == []


@pytest.mark.parametrize("check_mode", [False, True])
def test_absent_deletes_when_present(check_mode):
    resource = FakeResource(CURRENT)
    changed, obj, diff = sync.absent(resource, SPEC, check_mode)
    assert (changed, obj) == (True, None)
    assert diff == {"before": {"name": "a", "count": "3"}, "after": {}}
    assert resource.writes == ([] if check_mode else [("delete", "7")])


@pytest.mark.parametrize("check_mode", [False, True])
def test_absent_when_absent_is_no_change(check_mode):
    resource = FakeResource(None)
    assert sync.absent(resource, SPEC, check_mode) == (False, None, {"before": {}, "after": {}})
    assert resource.writes == []
