# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from unittest import mock

import pytest

from ansible_collections.ncm.platforms.plugins.module_utils.infraon.resources import AUDIT
from ansible_collections.ncm.platforms.plugins.modules import nccm_account_audit_info as module
from ansible_collections.ncm.platforms.tests.unit.plugins.modules.module_harness import new_client, run_module

PATH = AUDIT.path
SECRET = "dev-pass-4711"
RECORDS = [
    {"id": "a1", "organization": "acme", "job_id": "1", "creationtime": "2025-08-01T00:00:00.000Z",
     "dpassword": SECRET, "denable_password": ""},
    {"id": "a2", "organization": "acme", "job_id": "2", "creationtime": "2025-08-15T12:00:00Z",
     "dpassword": "", "denable_password": SECRET},
    {"id": "a3", "organization": "other", "job_id": "1", "creationtime": "2025-09-01T00:00:00+00:00"},
    {"id": "a4", "organization": "acme", "job_id": "3", "creationtime": None},
]


class Pages(object):
    """An ``iter_all`` that counts how many items were read."""

    def __init__(self, records):
        self.records = records
        self.read = 0

    def __call__(self, path, sort=None, reverse=None, page_size=None):
        for record in self.records:
            self.read += 1
            yield dict(record)


def listing(records=None):
    records = RECORDS if records is None else records
    client = new_client()
    client.iter_all.side_effect = Pages(records)
    return client


def ids(result):
    return [record["id"] for record in result["records"]]


def test_lists_every_record_with_secrets_masked_and_never_changes(capsys):
    client = listing()
    result = run_module(module, {}, client, capsys)
    assert result["changed"] is False
    assert ids(result) == ["a1", "a2", "a3", "a4"]
    assert result["count"] == 4
    assert result["records"][0]["dpassword"] == "********"
    assert result["records"][0]["denable_password"] == ""
    assert result["records"][1]["denable_password"] == "********"
    assert client.iter_all.call_args == mock.call(AUDIT, sort=None, reverse=None, page_size=500)
    assert "options" not in result


def test_sort_reverse_and_page_size_are_passed(capsys):
    client = listing()
    run_module(module, {"sort": "creationtime", "reverse": True, "page_size": 100}, client, capsys)
    assert client.iter_all.call_args == mock.call(AUDIT, sort="creationtime", reverse=True, page_size=100)


def test_filters_match_exactly_and_numbers_match_text(capsys):
    result = run_module(module, {"filters": {"organization": "acme", "job_id": 1}}, listing(), capsys)
    assert ids(result) == ["a1"]


def test_created_after_is_inclusive_and_created_before_exclusive(capsys):
    result = run_module(module, {"created_after": "2025-08-15T14:00:00+02:00",
                                 "created_before": "2025-09-01T00:00:00Z"}, listing(), capsys)
    assert ids(result) == ["a2"]


def test_limit_counts_matches_and_stops_reading(capsys):
    client = listing()
    result = run_module(module, {"filters": {"organization": "acme"}, "limit": 2}, client, capsys)
    assert ids(result) == ["a1", "a2"]
    assert client.iter_all.side_effect.read == 2


def test_id_reads_one_record(capsys):
    client = new_client()
    client.get.return_value = dict(RECORDS[0])
    result = run_module(module, {"id": "a1"}, client, capsys)
    assert client.get.call_args == mock.call(AUDIT, "a1")
    assert not client.iter_all.called
    assert ids(result) == ["a1"] and result["count"] == 1


def test_unknown_id_returns_no_record(capsys):
    client = new_client()
    client.get.return_value = None
    result = run_module(module, {"id": "zz"}, client, capsys)
    assert result["records"] == [] and result["count"] == 0
    assert "failed" not in result


def test_options_adds_the_options_answer_masked(capsys):
    client = listing([])
    client.options.return_value = {"organization": "", "dpassword": "default-secret"}
    result = run_module(module, {"options": True}, client, capsys)
    assert client.options.call_args == mock.call(AUDIT)
    assert result["options"] == {"organization": "", "dpassword": "********"}


@pytest.mark.parametrize("params, message", [
    ({"created_after": "last week"}, "created_after: 'last week' is not an ISO 8601"),
    ({"created_before": "2025-13-45"}, "created_before: "),
    ({"page_size": 0}, "page_size must be at least 1 (got 0)."),
    ({"limit": -1}, "limit must be at least 1 (got -1)."),
    ({"filters": {"dpassword": "x"}}, "filters: dpassword cannot be filtered on (a secret)."),
])
def test_bad_input_fails_before_any_request(capsys, params, message):
    client = new_client()
    result = run_module(module, params, client, capsys)
    assert result["failed"] is True
    assert result["msg"].startswith(message)
    assert client.mock_calls == []


@pytest.mark.parametrize("filters", [{"dpassword": SECRET}, {"organization": "acme", "denable_password": SECRET}])
def test_a_filter_on_a_secret_never_shows_the_value(capsys, filters):
    # the value is the user's password: masked also in the invocation Ansible prints
    result = run_module(module, {"filters": filters}, new_client(), capsys, secrets=[SECRET])
    assert result["failed"] is True
    assert "cannot be filtered on (a secret)" in result["msg"]
