# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from unittest import mock

import pytest

from ansible_collections.ncm.platforms.plugins.module_utils.scc import client as scc
from ansible_collections.ncm.platforms.plugins.modules import cmc_push_job_info as module
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
