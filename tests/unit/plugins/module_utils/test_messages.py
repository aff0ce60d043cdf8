# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Messages name the kind of object with its right article, and say how to choose (issue 20)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from unittest import mock

import pytest

from ansible_collections.ncm.platforms.plugins.module_utils import compare, errors
from ansible_collections.ncm.platforms.plugins.module_utils.infraon import info as infraon_info
from ansible_collections.ncm.platforms.plugins.module_utils.infraon.resources import AUDIT, POLICY
from ansible_collections.ncm.platforms.plugins.module_utils.scc import client as scc
from ansible_collections.ncm.platforms.plugins.module_utils.voss import client as voss


@pytest.mark.parametrize("noun, article, plural", [
    ("audit record", "an audit record", "audit records"),
    ("configuration policy", "a configuration policy", "configuration policies"),
    ("admin user", "an admin user", "admin users"),
    ("push job", "a push job", "push jobs"),
    ("key", "a key", "keys"),
])
def test_a_kind_name_gets_its_article_and_plural(noun, article, plural):
    assert (compare.with_article(noun), compare.plural(noun)) == (article, plural)


@pytest.mark.parametrize("resource, wanted", [
    (AUDIT, "filters: nosuch is no field of an audit record; known fields: "),
    (POLICY, "filters: nosuch is no field of a configuration policy; known fields: "),
])
def test_an_unknown_filter_names_the_kind_with_its_article(resource, wanted):
    with pytest.raises(errors.InputError) as caught:
        infraon_info.check({"filters": {"nosuch": 1}}, resource)
    assert caught.value.message.startswith(wanted)


def test_two_identical_unfinished_push_jobs_say_push_jobs_and_how_to_choose():
    client = scc.SccClient(mock.Mock())
    same = {"feature_ids": [3], "site_ids": [1], "backup": False, "job_status": "Queued"}
    with mock.patch.object(client, "jobs", side_effect=[[dict(same, id=5), dict(same, id=6)], []]):
        with pytest.raises(errors.AmbiguousMatch) as caught:
            client.find_unfinished({"feature_ids": [3], "site_ids": [1], "backup": False})
    message = caught.value.message
    assert message.startswith("2 unfinished push jobs at /api/cmc.configurator/1.0/jobs match ")
    assert message.endswith("(ids: 5, 6); give id alone to attach to one of them (id cannot be combined with "
                            "features or targets), or reuse_unfinished: false to submit a new job")
    assert "objects" not in message and "set id" not in message


def test_two_features_of_one_name_say_features_and_to_give_their_ids():
    client = scc.SccClient(mock.Mock())
    catalogue = [{"id": 1, "name": "dns", "push_enable": True}, {"id": 2, "name": "dns", "push_enable": True}]
    with mock.patch.object(client, "features", return_value=catalogue):
        with pytest.raises(errors.AmbiguousMatch) as caught:
            client.feature_ids(["dns"])
    assert caught.value.message == ("2 features at /api/cmc.configurator/1.0/features match name='dns' (ids: 1, 2); "
                                    "give feature_ids instead of features to pick one")


def test_two_admin_users_of_one_name_at_a_node_never_say_set_id():
    client = voss.VossClient(mock.Mock())
    user = {"data": {"hcsUname": "jdoe", "hierarchy_path": "sys.hcs"}}
    with mock.patch.object(client, "list_users", return_value=([dict(user, pkid="a1"), dict(user, pkid="a2")], 2)):
        with pytest.raises(errors.AmbiguousMatch) as caught:
            client.find_user("sys.hcs", "jdoe")
    assert caught.value.message == ("2 admin users at hierarchy sys.hcs match username='jdoe' (ids: a1, a2); "
                                    "a username is unique at a node: remove the duplicate on the server")
