# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from unittest import mock

import pytest

from ansible_collections.ncm.platforms.plugins.module_utils.scc import client as scc
from ansible_collections.ncm.platforms.plugins.modules import cmc_push_job_info as module
from ansible_collections.ncm.platforms.plugins.plugin_utils import module_result
from ansible_collections.ncm.platforms.tests.unit.plugins.modules import module_harness as helpers

API = {"url": "https://scc.example.test", "username": "admin", "password": "basic-pass-3391"}
JOBS = [{"id": 1, "feature_ids": [3], "job_status": "Failed"}, {"id": 2, "feature_ids": [3], "job_status": "FAILED"},
        {"id": 3, "feature_ids": [3], "job_status": "Success"}]


def run_module(params, client, capsys, check_mode=False):
    return helpers.run_module(module, params, client, capsys, check_mode=check_mode,
                              api=API, secrets=[API["password"]])


@pytest.mark.parametrize("check_mode", [False, True])
def test_one_job_by_id(capsys, check_mode):
    client = helpers.new_client(scc.SccClient)
    client.job.return_value = JOBS[0]
    result = run_module({"id": 1}, client, capsys, check_mode)
    assert (result["changed"], result["jobs"]) == (False, [JOBS[0]])
    assert client.mock_calls == [mock.call.job(1)]


def test_an_unknown_id_gives_no_job(capsys):
    client = helpers.new_client(scc.SccClient)
    client.job.return_value = None
    assert run_module({"id": 4}, client, capsys)["jobs"] == []


def test_filters_go_to_the_server_with_moments_as_epoch_seconds(capsys):
    client = helpers.new_client(scc.SccClient)
    client.jobs.return_value = JOBS
    result = run_module({"job_status": "Failed", "feature_id": 3, "after": "2025-08-31T04:00:00Z",
                         "before": "1756700000"}, client, capsys)
    assert client.mock_calls == [mock.call.jobs(job_status="Failed", feature_id=3, after=1756612800, before=1756700000)]
    assert [job["id"] for job in result["jobs"]] == [1, 2]


def test_no_filter_lists_every_job(capsys):
    client = helpers.new_client(scc.SccClient)
    client.jobs.return_value = JOBS
    assert run_module({}, client, capsys)["jobs"] == JOBS
    assert client.mock_calls == [mock.call.jobs(job_status=None, feature_id=None, after=None, before=None)]


@pytest.mark.parametrize("params, message", [
    ({"id": 0}, "id must be at least 1 (got 0)."),
    ({"feature_id": 0}, "feature_id must be at least 1 (got 0)."),
    ({"after": "last week"}, "after must be epoch seconds or an ISO 8601 date or date-time"),
    ({"id": 1, "job_status": "Failed"}, "parameters are mutually exclusive: id|job_status"),
    ({"job_status": "Running"}, "job_status: 'Running' is not a push job status; give one of Queued, InProgress,"),
    ({"after": "2026-02-01", "before": "2026-01-31T23:59:59Z"},
     "after (2026-02-01) is later than before (2026-01-31T23:59:59Z): no job can be in that interval."),
    ({"after": "1756700001", "before": "1756700000"}, "after (1756700001) is later than before (1756700000)"),
])
def test_bad_input_fails_before_any_request(capsys, params, message):
    client = helpers.new_client(scc.SccClient)
    result = run_module(params, client, capsys)
    assert result["failed"] is True
    assert result["msg"].startswith(message)
    assert client.mock_calls == []


@pytest.mark.parametrize("given", ["IN_PROGRESS", "In Progress", "inprogress", "in-progress", "InProgress"])
def test_a_status_in_any_spelling_is_sent_as_the_api_spells_it(capsys, given):
    client = helpers.new_client(scc.SccClient)
    client.jobs.return_value = [{"id": 5, "job_status": "InProgress"}, {"id": 6, "job_status": "Queued"}]
    result = run_module({"job_status": given}, client, capsys)
    assert client.mock_calls == [mock.call.jobs(job_status="InProgress", feature_id=None, after=None, before=None)]
    assert [job["id"] for job in result["jobs"]] == [5]


@pytest.mark.parametrize("given, epoch", [
    ("2026-01-01", 1767225600),
    ("2026-01-01T00:00", 1767225600),
    ("2026-01-01T00:00:00", 1767225600),
    ("2026-01-01T01:00:00+01:00", 1767225600),
    ("2026-01-01T00:00:00.750Z", 1767225600),
    ("2026-01-01 00:00:00Z", 1767225600),
    ("1767225600", 1767225600),
])
def test_every_iso_8601_form_is_a_moment(capsys, given, epoch):
    client = helpers.new_client(scc.SccClient)
    client.jobs.return_value = []
    run_module({"after": given, "before": given}, client, capsys)
    assert client.mock_calls == [mock.call.jobs(job_status=None, feature_id=None, after=epoch, before=epoch)]


MANY = [{"id": 11, "job_status": "Queued", "feature_ids": [1], "site_ids": [1]},
        {"id": 12, "job_status": "IN_PROGRESS", "feature_ids": [2, 3], "site_ids": [2], "appliance_serial_numbers": None},
        {"id": 13, "job_status": "Failed", "feature_ids": [3], "site_type_ids": [2]},
        {"id": 14, "job_status": "InProgress", "feature_ids": [3], "appliance_serial_numbers": ["XN10H0001A02"]}]


@pytest.mark.parametrize("filters, query, ids", [
    ({"job_status": "in progress"}, {"job_status": "InProgress", "feature_id": None}, [12, 14]),
    ({"feature_ids": 3}, {"job_status": None, "feature_id": 3}, [12, 13, 14]),
    ({"job_status": ["Queued", "IN PROGRESS"], "feature_ids": [1, 2]}, {"job_status": None, "feature_id": None}, [11, 12]),
    ({"site_ids": [2, 1]}, {"job_status": None, "feature_id": None}, [11, 12]),
    ({"site_type_ids": 2}, {"job_status": None, "feature_id": None}, [13]),
    ({"appliance_serial_numbers": "XN10H0001A02", "job_status": "inprogress"},
     {"job_status": "InProgress", "feature_id": None}, [14]),
])
def test_filters_match_the_jobs_fields_one_value_also_asked_of_the_server(capsys, filters, query, ids):
    client = helpers.new_client(scc.SccClient)
    client.jobs.return_value = MANY  # as a server that ignores its query parameters answers
    result = run_module({"filters": filters, "before": "1756700000"}, client, capsys)
    assert client.mock_calls == [mock.call.jobs(after=None, before=1756700000, **query)]
    assert [job["id"] for job in result["jobs"]] == ids
    assert "deprecations" not in result


def _deprecation(entry):
    """``(msg, version, collection)`` of a deprecation as a module's result carries it (a dict
    with ``collection_name``, or ansible-core 2.19's serialized ``DeprecationSummary``)."""
    if "event" in entry:
        return entry["event"]["msg"], entry["version"], entry["deprecator"]["resolved_name"]
    return entry["msg"], entry["version"], entry["collection_name"]


@pytest.mark.parametrize("old, new, message", [
    ({"job_status": "FAILED"}, {"filters": {"job_status": "FAILED"}},
     "The option job_status is deprecated: give filters.job_status instead, for example filters: {job_status: FAILED}."),
    ({"feature_id": 3}, {"filters": {"feature_ids": [3]}},
     "The option feature_id is deprecated: give filters.feature_ids instead, for example filters: {feature_ids: 3}."),
])
def test_a_deprecated_spelling_selects_what_its_filter_does_and_warns_on_both_paths(capsys, old, new, message):
    def read(params):
        client = helpers.new_client(scc.SccClient)
        client.jobs.return_value = JOBS + MANY
        return run_module(params, client, capsys), client.mock_calls
    (deprecated, deprecated_calls), (current, current_calls) = read(old), read(new)
    assert (deprecated["jobs"], deprecated_calls) == (current["jobs"], current_calls)
    assert [_deprecation(entry) for entry in deprecated["deprecations"]] == [(message, "2.0.0", "ncm.platforms")]
    assert "deprecations" not in current
    client = helpers.new_client(scc.SccClient)
    client.jobs.return_value = JOBS + MANY
    with mock.patch.object(module, "CONNECT", return_value=client):
        in_process = module_result.run(module, dict(old, api=API), check_mode=False, diff=False, name="x")
    assert in_process["jobs"] == deprecated["jobs"]
    assert in_process["deprecations"] == [{"msg": message, "version": "2.0.0", "collection_name": "ncm.platforms"}]


@pytest.mark.parametrize("params, message", [
    ({"job_status": "Failed", "filters": {"job_status": "Success"}},
     "job_status and filters.job_status are mutually exclusive: give filters.job_status alone (job_status is deprecated)."),
    ({"feature_id": 3, "filters": {"feature_ids": 3}},
     "feature_id and filters.feature_ids are mutually exclusive: give filters.feature_ids alone (feature_id is deprecated)."),
    ({"id": 1, "filters": {"job_status": "Failed"}}, "parameters are mutually exclusive: id|filters"),
    ({"filters": {"job_status": []}}, "filters.job_status needs at least one value."),
    ({"filters": {"feature_ids": []}}, "filters.feature_ids needs at least one value."),
    ({"filters": {"feature_ids": [3, None]}}, "Elements value for option 'feature_ids' found in 'filters' is of type NoneType"),
    ({"filters": {"job_status": ["Failed", None]}}, "filters.job_status: '' is not a push job status"),
    ({"filters": {"job_status": ["Failed", "Running"]}}, "filters.job_status: 'Running' is not a push job status"),
    ({"filters": {"feature_ids": [3, 0]}}, "filters.feature_ids must be at least 1 (got 0)."),
    ({"filters": {"site_ids": [2147483648]}}, "filters.site_ids must be at most 2147483647 (got 2147483648)."),
    ({"filters": {"appliance_serial_numbers": " "}}, "filters.appliance_serial_numbers must not be empty or only spaces."),
    ({"filters": {"status": "Failed"}}, "Unsupported parameters for (basic.py) module: filters.status."),
])
def test_bad_filters_fail_before_any_request(capsys, params, message):
    client = helpers.new_client(scc.SccClient)
    result = run_module(params, client, capsys)
    assert result["failed"] is True
    assert result["msg"].startswith(message)
    assert client.mock_calls == []
