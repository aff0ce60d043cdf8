# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type


import pytest
import responses
from responses import matchers

from ansible_collections.ncm.platforms.plugins.module_utils import errors
from ansible_collections.ncm.platforms.plugins.module_utils.scc import push as scc_push, info as scc_info
from ansible_collections.ncm.platforms.tests.unit.plugins.fake_clock import FakeClock
from ansible_collections.ncm.platforms.tests.unit.plugins.module_utils.scc_api import (
    API, FEATURES, calls, client, item, job, params, token)


# --- reuse ------------------------------------------------------------------------------
def unfinished(queued, in_progress, feature_id=3):
    for status, answer in (("Queued", queued), ("InProgress", in_progress)):
        responses.get(API + "/jobs", json=answer, match=[matchers.query_param_matcher(
            {"job_status": status, "feature_id": str(feature_id)})])


@responses.activate
def test_reuse_matches_features_and_targets_as_sets():
    token()
    same = job(8, "InProgress", feature_ids=[3, 1], appliance_serial_numbers=["XN2", "XN1"], site_ids=None)
    unfinished([job(7, appliance_serial_numbers=["XN1"])], [same])
    body = {"feature_ids": [3, 1], "appliance_serial_numbers": ["XN1", "XN2"], "backup": False}
    assert client().find_unfinished(body) == same


@pytest.mark.parametrize("other_targets", [{}, {"site_ids": None, "site_type_ids": None}, {"site_ids": [], "site_type_ids": []}],
                         ids=["absent", "null", "empty"])
@responses.activate
def test_target_arrays_absent_null_or_empty_mean_none(other_targets):
    token()
    found = job(7, **other_targets)
    unfinished([found], [])
    assert client().find_unfinished({"feature_ids": [3], "appliance_serial_numbers": ["XN1", "XN2"], "backup": False}) == found


@pytest.mark.parametrize("body", [
    {"feature_ids": [3], "appliance_serial_numbers": ["XN1", "XN2"], "backup": True},
    {"feature_ids": [3], "appliance_serial_numbers": ["XN1"], "backup": False},
    {"feature_ids": [3, 1], "appliance_serial_numbers": ["XN1", "XN2"], "backup": False},
    {"feature_ids": [3], "site_ids": [1], "backup": False},
], ids=["backup differs", "fewer targets", "more features", "other target kind"])
@responses.activate
def test_a_job_that_differs_is_not_reused(body):
    token()
    unfinished([job(7)], [])
    assert client().find_unfinished(body) is None


@responses.activate
def test_a_finished_job_from_a_server_that_ignores_the_filter_is_not_reused():
    token()
    unfinished([job(7, "Success")], [job(7, "SUCCESS")])
    assert client().find_unfinished({"feature_ids": [3], "appliance_serial_numbers": ["XN1", "XN2"]}) is None


@responses.activate
def test_a_job_seen_in_both_lists_is_one_match_and_two_jobs_are_an_error():
    token()
    unfinished([job(7)], [job(7, "IN_PROGRESS")])
    body = {"feature_ids": [3], "appliance_serial_numbers": ["XN1", "XN2"], "backup": False}
    assert client().find_unfinished(body)["id"] == 7
    responses.reset()
    token()
    unfinished([job(7)], [job(8, "InProgress")])
    with pytest.raises(errors.AmbiguousMatch) as info:
        client().find_unfinished(body)
    assert info.value.details["ids"] == [7, 8]


@responses.activate
def test_push_submits_a_new_job_when_backup_differs():
    token()
    responses.get(API + "/features", json=FEATURES)
    unfinished([job(7)], [])
    responses.post(API + "/jobs", status=201, json=job(9, backup=True), match=[matchers.json_params_matcher(
        {"feature_ids": [3], "appliance_serial_numbers": ["XN1", "XN2"], "backup": True})])
    changed, result = scc_push.push(client(), params(features=["dns"], appliance_serial_numbers=["XN1", "XN2"],
                                                     backup=True, wait=False), False)
    assert changed is True
    assert (result["job"]["id"], result["status"], result["msg"]) == (9, "Queued", "Submitted push job 9.")


@responses.activate
def test_push_reuses_an_unfinished_job_without_a_post():
    token()
    unfinished([job(7)], [])
    changed, result = scc_push.push(client(), params(feature_ids=[3], appliance_serial_numbers=["XN2", "XN1"], wait=False), False)
    assert (changed, result["job"]["id"]) == (False, 7)
    assert result["msg"].startswith("Reused unfinished push job 7")
    assert all(method == "GET" for method, path in calls() if "oauth" not in path)


# --- the wait and its failure messages -------------------------------------------------
def states(*answers):
    for answer in answers:
        if isinstance(answer, int):
            responses.get(API + "/jobs/items/7", status=answer, json={"error_id": "BUSY", "error_text": "busy"})
        else:
            responses.get(API + "/jobs/items/7", json=answer)


@responses.activate
def test_the_wait_polls_with_a_growing_interval_until_success():
    token()
    states(job(status="InProgress"), job(status="InProgress"), job(status="SUCCESS"))
    clock = FakeClock()
    changed, result = scc_push.follow(client(clock), job(), params())
    assert changed is False
    assert (result["status"], result["elapsed"], result["failed_appliances"]) == ("SUCCESS", 4.8, [])
    assert clock.sleeps == [1.0, 1.5, 2.25]


@responses.activate
def test_transient_faults_while_polling_do_not_end_the_wait():
    token()
    states(job(status="InProgress"), 503, 502, job(status="Success"))
    clock = FakeClock()
    assert scc_push.follow(client(clock), job(), params())[1]["status"] == "Success"
    assert len(clock.sleeps) == 4


@responses.activate
def test_a_failed_job_names_each_failed_appliance_and_feature():
    token()
    failed = job(status="Failed", feature_ids=[3, 2], detailed_status=[
        item("XN1", 3, "Success"), item("XN2", 3, "Fail", "DNS server unreachable"), item("XN2", 2, "FAIL", None)])
    states(failed)
    responses.get(API + "/features", json=FEATURES)
    with pytest.raises(errors.NcmError) as info:
        scc_push.follow(client(FakeClock()), job(), params())
    assert info.value.message == ("Push job 7 failed on 2 appliance/feature item(s): XN2 feature 3 (dns): "
                                  "DNS server unreachable; XN2 feature 2 (ntp): no error text")
    assert info.value.details["failed_appliances"] == [
        {"serialnum": "XN2", "feature_id": 3, "feature_name": "dns", "error_text": "DNS server unreachable"},
        {"serialnum": "XN2", "feature_id": 2, "feature_name": "ntp", "error_text": None}]
    assert info.value.details["status"] == "Failed"


@responses.activate
def test_a_failed_job_still_fails_when_the_features_cannot_be_read():
    token()
    states(job(status="Failed", detailed_status=[item("XN2", 3, "Fail", "boom")]))
    responses.get(API + "/features", status=500, json={"error_id": "X", "error_text": "down"})
    with pytest.raises(errors.NcmError) as info:
        scc_push.follow(client(FakeClock()), job(), params())
    assert info.value.message == "Push job 7 failed on 1 appliance/feature item(s): XN2 feature 3: boom"


@responses.activate
def test_a_pre_push_failure_is_said_as_such():
    token()
    states(job(status="Failed", error_text="Appliance inventory is stale",
               detailed_status=[item("XN1", 3, "Fail", "Appliance inventory is stale")]))
    responses.get(API + "/features", json=FEATURES)
    with pytest.raises(errors.NcmError) as info:
        scc_push.follow(client(FakeClock()), job(), params())
    assert info.value.message == ("Push job 7 failed before the push started (pre-push failure): "
                                  "Appliance inventory is stale")
    assert info.value.details["failed_appliances"][0]["serialnum"] == "XN1"


@responses.activate
def test_a_canceled_job_fails_unless_the_cancel_was_asked():
    token()
    states(job(status="Canceled"), job(status="Canceled"))
    with pytest.raises(errors.NcmError) as info:
        scc_push.follow(client(FakeClock()), job(), params())
    assert info.value.message == "Push job 7 was canceled on the Controller before it finished."
    assert scc_push.follow(client(FakeClock()), job(), params(), cancel_asked=True)[1]["status"] == "Canceled"


@responses.activate
def test_a_timeout_fails_with_the_last_status_and_leaves_the_job_running():
    token()
    states(*[job(status="InProgress")] * 10)
    with pytest.raises(errors.WaitTimeout) as info:
        scc_push.follow(client(FakeClock()), job(), params(wait_timeout=5))
    assert info.value.message == ("Push job 7 is still InProgress after 5 s (timeout 5 s); "
                                  "the job is left running on the Controller.")
    assert (info.value.details["status"], info.value.details["elapsed"]) == ("InProgress", 5.0)
    assert all(method == "GET" for method, path in calls() if "oauth" not in path)


@responses.activate
def test_cancel_on_timeout_cancels_then_fails_saying_so():
    token()
    states(*[job(status="InProgress")] * 10)
    responses.post(API + "/jobs/items/7/cancel", json=job(status="Canceled"))
    with pytest.raises(errors.WaitTimeout) as info:
        scc_push.follow(client(FakeClock()), job(), params(wait_timeout=5, cancel_on_timeout=True))
    assert info.value.message == ("Push job 7 is still InProgress after 5 s (timeout 5 s); "
                                  "canceled it (cancel_on_timeout): the job is now Canceled.")
    assert info.value.details["job"]["job_status"] == "Canceled"
    assert calls()[-1] == ("POST", "/proxy/api/cmc.configurator/1.0/jobs/items/7/cancel")


@responses.activate
def test_cancel_on_timeout_of_a_job_that_just_ended_reports_its_end():
    token()
    states(*[job(status="InProgress")] * 4 + [job(status="Success")])
    responses.post(API + "/jobs/items/7/cancel", status=400, json={"error_id": "INVALID_OPERATION", "error_text": "done"})
    changed, result = scc_push.follow(client(FakeClock()), job(), params(wait_timeout=5, cancel_on_timeout=True))
    assert (changed, result["status"]) == (False, "Success")


@responses.activate
def test_a_job_that_vanishes_during_the_wait_fails():
    token()
    states(job(status="InProgress"))
    responses.get(API + "/jobs/items/7", status=404, json={"error_id": "RESOURCE_NOT_FOUND", "error_text": "gone"})
    with pytest.raises(errors.NcmError) as info:
        scc_push.follow(client(FakeClock()), job(), params())
    assert info.value.message == "Push job 7 no longer exists on the Controller."


# --- input ------------------------------------------------------------------------------
@pytest.mark.parametrize("changes, message", [
    ({"site_ids": []}, "site_ids must have at least one item."),
    ({"feature_ids": [0]}, "feature_ids items must be at least 1 (got 0)."),
    ({"appliance_serial_numbers": [" "]}, "appliance_serial_numbers must not be empty or only spaces."),
    ({"features": ["dns", ""]}, "features must not be empty or only spaces."),
    ({"id": 0}, "id must be at least 1 (got 0)."),
    ({"wait_timeout": 0}, "wait_timeout must be more than 0 seconds (got 0)."),
    ({"poll_interval": -1.0}, "poll_interval must be more than 0 seconds (got -1.0)."),
    ({"max_poll_interval": 0.0}, "max_poll_interval must be more than 0 seconds (got 0.0)."),
])
def test_bad_push_input_fails_naming_the_option(changes, message):
    with pytest.raises(errors.InputError) as info:
        scc_push.check_push(params(**changes))
    assert info.value.message == message


@pytest.mark.parametrize("value, expected", [("1756612800", 1756612800), (1756612800, 1756612800),
                                             ("2025-08-31T04:00:00Z", 1756612800),
                                             ("2025-08-31T06:00:00+02:00", 1756612800)])
def test_after_and_before_take_epoch_seconds_or_iso_8601(value, expected):
    assert scc_info.epoch_seconds("after", value) == expected


def test_a_bad_moment_fails_naming_the_option():
    with pytest.raises(errors.InputError) as info:
        scc_info.epoch_seconds("before", "yesterday")
    assert info.value.message.startswith("before must be epoch seconds or an ISO 8601 date or date-time: 'yesterday'")


@pytest.mark.parametrize("value", ["inf", "-inf", "1e400", "nan"])
def test_an_infinite_moment_fails_naming_the_option(value):
    """``int(float('inf'))`` raises OverflowError, which used to end as a traceback."""
    with pytest.raises(errors.InputError) as info:
        scc_info.epoch_seconds("after", value)
    assert info.value.message.startswith("after must be epoch seconds or an ISO 8601 date or date-time: %r" % value)
