# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from unittest import mock

import pytest

from ansible_collections.ncm.platforms.plugins.module_utils import errors
from ansible_collections.ncm.platforms.plugins.module_utils.scc import client as scc
from ansible_collections.ncm.platforms.plugins.modules import cmc_push_job as module
from ansible_collections.ncm.platforms.tests.unit.plugins.modules import module_harness as helpers

CODE = "access-code-5512"
API = {"url": "https://scc.example.test", "access_code": CODE}
BODY = {"feature_ids": [3], "appliance_serial_numbers": ["XN1", "XN2"], "backup": False}
TARGET = {"feature_ids": [3], "appliance_serial_numbers": ["XN1", "XN2"]}
WAIT = (1800, 4.0, None)  # the defaults: every 4 s, no growth (issue 25)


def job(job_id=7, status="Queued", **fields):
    body = dict(BODY, id=job_id, job_status=status)
    body.update(fields)
    return body


def new_client():
    client = helpers.new_client(scc.SccClient)
    client.find_unfinished.return_value = None
    client.create_job.return_value = job()
    client.wait.return_value = (job(status="Success"), 12.5)
    return client


def run_module(params, client, capsys, check_mode=False):
    return helpers.run_module(module, params, client, capsys, check_mode=check_mode,
                              api=API, secrets=[CODE])


def writes(client):
    return [call for call in client.mock_calls if call[0] in ("create_job", "cancel")]


def test_submits_a_job_and_waits_for_success(capsys):
    client = new_client()
    result = run_module(TARGET, client, capsys)
    assert result["changed"] is True
    assert (result["status"], result["elapsed"], result["failed_appliances"]) == ("Success", 12.5, [])
    assert result["msg"] == "Submitted push job 7."
    assert client.mock_calls == [mock.call.find_unfinished(BODY), mock.call.create_job(BODY),
                                 mock.call.wait(job(), *WAIT)]


def test_feature_names_are_resolved_before_anything_else(capsys):
    client = new_client()
    client.feature_ids.return_value = [3, 2]
    body = dict(BODY, feature_ids=[3, 2], site_ids=[1], backup=True)
    del body["appliance_serial_numbers"]
    run_module({"features": ["dns", "ntp"], "site_ids": [1], "backup": True, "wait": False}, client, capsys)
    assert client.mock_calls == [mock.call.feature_ids(["dns", "ntp"]), mock.call.find_unfinished(body),
                                 mock.call.create_job(body)]


def test_an_unknown_feature_name_fails_with_no_write(capsys):
    client = new_client()
    client.feature_ids.side_effect = errors.InputError("features: 'bgp' is not a feature; the features that can "
                                                       "be pushed are: dns, ntp.")
    result = run_module({"features": ["bgp"], "site_ids": [1]}, client, capsys)
    assert result["failed"] is True
    assert result["msg"].startswith("features: 'bgp' is not a feature")
    assert writes(client) == []


def test_an_unfinished_identical_job_is_reused_unchanged(capsys):
    client = new_client()
    client.find_unfinished.return_value = job(5, "InProgress")
    client.wait.return_value = (job(5, "Success"), 3.0)
    result = run_module(TARGET, client, capsys)
    assert result["changed"] is False
    assert result["job"]["id"] == 5
    assert result["msg"] == "Reused unfinished push job 5 (same features, targets and backup)."
    assert client.mock_calls == [mock.call.find_unfinished(BODY), mock.call.wait(job(5, "InProgress"), *WAIT)]


def test_reuse_disabled_submits_without_looking(capsys):
    client = new_client()
    result = run_module(dict(TARGET, reuse_unfinished=False, wait=False), client, capsys)
    assert (result["changed"], result["status"], result["elapsed"]) == (True, "Queued", 0.0)
    assert client.mock_calls == [mock.call.create_job(BODY)]


@pytest.mark.parametrize("found, changed, message", [
    (None, True, "Check mode: would submit a new push job."),
    (job(5, "Queued"), False, "Check mode: would reuse unfinished push job 5."),
])
def test_check_mode_submits_nothing_and_says_what_it_would_do(capsys, found, changed, message):
    client = new_client()
    client.find_unfinished.return_value = found
    result = run_module(TARGET, client, capsys, check_mode=True)
    assert (result["changed"], result["msg"]) == (changed, message)
    assert result["job"]["job_status"] == "Queued"
    assert client.mock_calls == [mock.call.find_unfinished(BODY)]


def test_attach_by_id_follows_that_job(capsys):
    client = new_client()
    client.job.return_value = job(9, "InProgress")
    result = run_module({"id": 9, "wait_timeout": 60, "poll_interval": 1, "max_poll_interval": 2}, client, capsys)
    assert (result["changed"], result["msg"]) == (False, "Attached to push job 9.")
    assert client.mock_calls == [mock.call.job(9), mock.call.wait(job(9, "InProgress"), 60, 1.0, 2.0)]


def test_attach_to_an_unknown_id_fails(capsys):
    client = new_client()
    client.job.return_value = None
    result = run_module({"id": 9}, client, capsys)
    assert (result["failed"], result["msg"]) == (True, "No push job has id 9.")


def test_cancel_an_unfinished_job_and_wait_for_canceled(capsys):
    client = new_client()
    client.job.return_value = job(9, "InProgress")
    client.cancel.return_value = job(9, "InProgress")
    client.wait.return_value = (job(9, "Canceled"), 1.0)
    result = run_module({"id": 9, "state": "canceled"}, client, capsys)
    assert (result["changed"], result["status"], result["msg"]) == (True, "Canceled", "Canceled push job 9.")
    assert client.mock_calls == [mock.call.job(9), mock.call.cancel(9), mock.call.wait(job(9, "InProgress"), *WAIT)]


@pytest.mark.parametrize("check_mode", [False, True])
def test_cancel_of_a_final_job_is_unchanged(capsys, check_mode):
    client = new_client()
    client.job.return_value = job(9, "CANCELED")
    result = run_module({"id": 9, "state": "canceled"}, client, capsys, check_mode=check_mode)
    assert (result["changed"], result["msg"]) == (False, "Push job 9 is already CANCELED: nothing to cancel.")
    assert client.mock_calls == [mock.call.job(9)]


def test_cancel_in_check_mode_sends_no_cancel(capsys):
    client = new_client()
    client.job.return_value = job(9, "Queued")
    result = run_module({"id": 9, "state": "canceled"}, client, capsys, check_mode=True)
    assert (result["changed"], result["msg"]) == (True, "Check mode: would cancel push job 9.")
    assert client.mock_calls == [mock.call.job(9)]


def test_a_failed_job_fails_the_task_with_its_details(capsys):
    client = new_client()
    client.wait.return_value = (job(status="Failed", detailed_status=[
        {"serialnum": "XN2", "feature_id": 3, "status": "Completed", "result": "Fail", "error_text": "DNS down"}]), 4.0)
    client.feature_names.return_value = {3: "dns"}
    result = run_module(TARGET, client, capsys)
    assert result["failed"] is True
    assert result["msg"] == "Push job 7 failed on 1 appliance/feature item(s): XN2 feature 3 (dns): DNS down"
    assert result["failed_appliances"] == [{"serialnum": "XN2", "feature_id": 3, "feature_name": "dns",
                                            "error_text": "DNS down"}]
    assert result["status"] == "Failed"


def test_a_timeout_fails_with_the_last_status(capsys):
    client = new_client()
    client.wait.side_effect = errors.WaitTimeout("Push job 7 is still InProgress after 3 s (timeout 3 s)",
                                                 status="InProgress", state=job(status="InProgress"), elapsed=3.0)
    result = run_module(dict(TARGET, wait_timeout=3), client, capsys)
    assert result["msg"] == ("Push job 7 is still InProgress after 3 s (timeout 3 s); the job is left running "
                             "on the Controller.")
    assert writes(client) == [mock.call.create_job(BODY)]


def test_cancel_on_timeout_cancels_before_failing(capsys):
    client = new_client()
    client.wait.side_effect = errors.WaitTimeout("Push job 7 is still Queued after 3 s (timeout 3 s)",
                                                 status="Queued", state=job(), elapsed=3.0)
    client.cancel.return_value = job(status="Canceled")
    result = run_module(dict(TARGET, wait_timeout=3, cancel_on_timeout=True), client, capsys)
    assert result["msg"].endswith("canceled it (cancel_on_timeout): the job is now Canceled.")
    assert writes(client) == [mock.call.create_job(BODY), mock.call.cancel(7)]


@pytest.mark.parametrize("params, message", [
    ({"feature_ids": [3], "site_ids": []}, "site_ids must have at least one item."),
    ({"feature_ids": [], "site_ids": [1]}, "feature_ids must have at least one item."),
    ({"feature_ids": [-3], "site_ids": [1]}, "feature_ids items must be at least 1 (got -3)."),
    ({"feature_ids": [3], "site_type_ids": [0]}, "site_type_ids items must be at least 1 (got 0)."),
    ({"id": 0}, "id must be at least 1 (got 0)."),
    (dict(TARGET, wait_timeout=0), "wait_timeout must be more than 0 seconds (got 0)."),
    (dict(TARGET, poll_interval=0), "poll_interval must be more than 0 seconds (got 0.0)."),
    ({"state": "canceled", "feature_ids": [3], "site_ids": [1]}, "state is canceled but all of the following are missing: id"),
    ({"feature_ids": [3], "features": ["dns"], "site_ids": [1]}, "parameters are mutually exclusive: feature_ids|features"),
    ({"feature_ids": [3], "site_ids": [1], "site_type_ids": [1]}, "parameters are mutually exclusive: site_ids|"),
    ({"id": 3, "site_ids": [1]}, "parameters are mutually exclusive: id|site_ids"),
    ({"site_ids": [1]}, "one of the following is required: id, feature_ids, features"),
    ({"feature_ids": [1]}, "one of the following is required: id, site_ids"),
])
def test_bad_input_fails_before_any_request(capsys, params, message):
    client = new_client()
    result = run_module(params, client, capsys)
    assert result["failed"] is True
    assert result["msg"].startswith(message)
    assert client.mock_calls == []
