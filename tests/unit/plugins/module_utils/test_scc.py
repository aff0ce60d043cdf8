# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import base64
from urllib.parse import parse_qs

import pytest
import responses
from responses import matchers

from ansible_collections.ncm.platforms.plugins.module_utils import errors, scc
from ansible_collections.ncm.platforms.tests.unit.plugins.fake_clock import FakeClock

BASE = "https://scc.example.test/proxy"
API = BASE + scc.BASE
TOKEN_URL = BASE + scc.TOKEN_PATH
CODE = "access-code-7731"
TOKEN = "tok-5f0e9a77c1"
PASSWORD = "basic-pass-4410"
FEATURES = [
    {"id": 1, "name": "snmp", "push_enable": True},
    {"id": 2, "name": "ntp", "push_enable": True},
    {"id": 3, "name": "dns", "push_enable": True},
    {"id": 6, "name": "syslog", "push_enable": False},
]
PARAMS = dict(state="present", id=None, feature_ids=None, features=None, site_ids=None,
              appliance_serial_numbers=None, site_type_ids=None, backup=False, reuse_unfinished=True,
              wait=True, wait_timeout=60, poll_interval=1.0, max_poll_interval=4.0, cancel_on_timeout=False)


class FakeModule(object):
    def __init__(self, **api):
        self.params = {"api": dict(dict(url=BASE, access_code=None, username=None, password=None,
                                        validate_certs=True, ca_path=None, timeout=30, retries=0), **api)}
        self.no_log_values = set(value for name, value in api.items() if name in ("access_code", "password"))
        self.lines = []

    def debug(self, line):
        self.lines.append(line)

    def warn(self, line):
        self.lines.append("[WARNING] " + line)


def client(clock=None, **api):
    if "username" not in api:
        api.setdefault("access_code", CODE)
    api_client = scc.connect(FakeModule(**api))
    if clock is not None:
        api_client.clock, api_client.sleep = clock, clock.sleep
    return api_client


def token(value=TOKEN):
    responses.post(TOKEN_URL, json={"access_token": value, "token_type": "bearer", "expires_in": 3600})


def job(job_id=7, status="Queued", **fields):
    body = {"id": job_id, "feature_ids": [3], "appliance_serial_numbers": ["XN1", "XN2"], "backup": False,
            "job_status": status}
    body.update(fields)
    return body


def item(serial, feature_id, result, text=None):
    return {"serialnum": serial, "feature_id": feature_id, "status": "Completed", "result": result, "error_text": text}


def calls():
    return [(call.request.method, call.request.path_url) for call in responses.calls]


def params(**changes):
    return dict(PARAMS, **changes)


# --- authentication --------------------------------------------------------------------
@responses.activate
def test_the_access_code_is_exchanged_once_for_a_bearer_token_at_the_first_request():
    token()
    responses.get(API + "/features", json=FEATURES)
    api = client()
    assert calls() == []
    api.features()
    api.features()
    assert calls() == [("POST", "/proxy/api/common/1.0/oauth/token"), ("GET", "/proxy/api/cmc.configurator/1.0/features"),
                       ("GET", "/proxy/api/cmc.configurator/1.0/features")]
    form = parse_qs(responses.calls[0].request.body)
    assert (form["grant_type"], form["assertion"]) == (["access_code"], [CODE])
    assert len(form["state"][0]) >= 8
    assert responses.calls[0].request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert responses.calls[1].request.headers["Authorization"] == "Bearer " + TOKEN
    assert api.rest.redact("%s and %s" % (TOKEN, CODE)) == "******** and ********"
    assert api.rest.wrote is False


@responses.activate
def test_a_401_gets_one_new_token_and_the_request_is_sent_again():
    token()
    token(TOKEN + "-2")
    responses.get(API + "/jobs/items/7", status=401, json={"error_id": "AUTH_EXPIRED_TOKEN", "error_text": "expired"})
    responses.get(API + "/jobs/items/7", json=job())
    assert client().job(7) == job()
    assert [method for method, _path in calls()] == ["POST", "GET", "POST", "GET"]
    assert responses.calls[3].request.headers["Authorization"] == "Bearer " + TOKEN + "-2"
    assert "Authorization" not in responses.calls[2].request.headers


@responses.activate
def test_a_second_401_after_the_new_token_fails_with_the_server_message():
    token()
    token(TOKEN + "-2")
    responses.get(API + "/jobs/items/7", status=401, json={"error_id": "AUTH_INVALID_TOKEN", "error_text": "not valid"})
    with pytest.raises(errors.ApiError) as info:
        client().job(7)
    assert info.value.message == "GET %s%s/jobs/items/7 returned HTTP 401: not valid" % (BASE, scc.BASE)
    assert len(responses.calls) == 4


@responses.activate
def test_without_an_access_code_http_basic_is_sent():
    responses.get(API + "/features", json=FEATURES)
    client(username="admin", password=PASSWORD).features()
    expected = base64.b64encode(("admin:" + PASSWORD).encode()).decode()
    assert responses.calls[0].request.headers["Authorization"] == "Basic " + expected
    assert calls() == [("GET", "/proxy/api/cmc.configurator/1.0/features")]


@responses.activate
@pytest.mark.parametrize("api, option", [(dict(username="", password=PASSWORD), "api.username"),
                                         (dict(username="admin", password="  "), "api.password")])
def test_blank_basic_credentials_fail_before_any_request(api, option):
    with pytest.raises(errors.InputError) as info:
        client(**api)
    assert info.value.message == "%s must not be empty or only spaces." % option
    assert not responses.calls


@responses.activate
def test_a_refused_access_code_fails_without_showing_it():
    responses.post(TOKEN_URL, status=401, json={"error_id": "AUTH_INVALID_CODE", "error_text": "bad code %s" % CODE})
    with pytest.raises(errors.ApiError) as info:
        client().features()
    assert info.value.message == "POST " + BASE + "/api/common/1.0/oauth/token returned HTTP 401: bad code ********"


@responses.activate
def test_a_token_answer_without_a_token_fails():
    responses.post(TOKEN_URL, json={"token_type": "bearer"})
    with pytest.raises(errors.ResponseFormatError) as info:
        client().features()
    assert info.value.message == "POST /api/common/1.0/oauth/token answered HTTP 200 without an access_token"


def test_a_blank_access_code_fails_before_any_request():
    with pytest.raises(errors.InputError) as info:
        client(access_code="  ")
    assert info.value.message == "api.access_code must not be empty or only spaces."


# --- error answers ----------------------------------------------------------------------
@responses.activate
def test_a_riverbed_error_body_gives_the_message():
    token()
    responses.get(API + "/features/items/9", status=400, json={"error_id": "INVALID_PARAMETER", "error_text": "bad id"})
    with pytest.raises(errors.ApiError) as info:
        client().feature(9)
    assert (info.value.status, info.value.server_message) == (400, "bad id")


@responses.activate
def test_a_2xx_with_a_riverbed_error_body_is_a_failure():
    token()
    responses.get(API + "/features", json={"error_id": "INTERNAL", "error_text": "catalogue unavailable"})
    with pytest.raises(errors.ApiError) as info:
        client().features()
    assert info.value.server_message == "catalogue unavailable"


@pytest.mark.parametrize("status", [502, 503, 504])
@responses.activate
def test_an_html_page_from_a_proxy_is_reported_as_such(status):
    token()
    responses.get(API + "/jobs", status=status, body="<!DOCTYPE html><html><body><h1>Bad Gateway</h1></body></html>",
                  content_type="text/html")
    with pytest.raises(errors.ApiError) as info:
        client().jobs()
    assert info.value.status == status
    assert info.value.message.startswith("GET %s%s/jobs returned HTTP %d " % (BASE, scc.BASE, status))
    assert info.value.message.endswith(
        "with an HTML page instead of an API answer: a proxy or load balancer in front of the service "
        "answered, not the service")
    assert "<h1>" not in info.value.message


@responses.activate
def test_a_missing_job_or_feature_is_none():
    token()
    responses.get(API + "/jobs/items/5", status=404, json={"error_id": "RESOURCE_NOT_FOUND", "error_text": "no"})
    responses.get(API + "/features/items/5", status=404, json={"error_id": "RESOURCE_NOT_FOUND", "error_text": "no"})
    api = client()
    assert (api.job(5), api.feature(5)) == (None, None)


@responses.activate
def test_a_list_that_is_not_an_array_fails():
    token()
    responses.get(API + "/jobs", json={"jobs": []})
    with pytest.raises(errors.ResponseFormatError):
        client().jobs()


@responses.activate
def test_jobs_pass_the_filters_to_the_server():
    token()
    responses.get(API + "/jobs", json=[job()], match=[matchers.query_param_matcher(
        {"job_status": "Failed", "feature_id": "3", "after": "100", "before": "200"})])
    assert client().jobs(job_status="Failed", feature_id=3, after=100, before=200) == [job()]


@pytest.mark.parametrize("status", [200, 201])
@responses.activate
def test_job_creation_answered_200_or_201_is_the_new_job(status):
    token()
    responses.post(API + "/jobs", status=status, json=job(), match=[matchers.json_params_matcher({"feature_ids": [3]})])
    assert client().create_job({"feature_ids": [3]}) == job()


@responses.activate
def test_job_creation_without_a_job_in_the_answer_fails():
    token()
    responses.post(API + "/jobs", status=201, body="")
    with pytest.raises(errors.ResponseFormatError) as info:
        client().create_job({"feature_ids": [3]})
    assert "without the new job" in info.value.message


# --- feature names ----------------------------------------------------------------------
@responses.activate
def test_feature_names_resolve_to_ids_with_one_read():
    token()
    responses.get(API + "/features", json=FEATURES)
    assert client().feature_ids(["dns", "ntp"]) == [3, 2]
    assert len(responses.calls) == 2


@pytest.mark.parametrize("name, why", [("bgp", "is not a feature"),
                                       ("syslog", "cannot be pushed (push_enable is false)")])
@responses.activate
def test_an_unknown_or_not_pushable_name_fails_listing_the_pushable_names(name, why):
    token()
    responses.get(API + "/features", json=FEATURES)
    with pytest.raises(errors.InputError) as info:
        client().feature_ids(["dns", name])
    assert info.value.message == "features: %r %s; the features that can be pushed are: dns, ntp, snmp." % (name, why)


@responses.activate
def test_a_name_held_by_two_features_fails_listing_them():
    token()
    responses.get(API + "/features", json=FEATURES + [{"id": 9, "name": "dns", "push_enable": True}])
    with pytest.raises(errors.AmbiguousMatch) as info:
        client().feature_ids(["dns"])
    assert info.value.details["ids"] == [3, 9]


@responses.activate
def test_features_by_name_are_matched_again_client_side():
    token()
    responses.get(API + "/features", json=FEATURES, match=[matchers.query_param_matcher({"name": "dns"})])
    assert client().features(name="dns") == [FEATURES[2]]


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
    changed, result = scc.push(client(), params(features=["dns"], appliance_serial_numbers=["XN1", "XN2"], backup=True,
                                                wait=False), False)
    assert changed is True
    assert (result["job"]["id"], result["status"], result["msg"]) == (9, "Queued", "Submitted push job 9.")


@responses.activate
def test_push_reuses_an_unfinished_job_without_a_post():
    token()
    unfinished([job(7)], [])
    changed, result = scc.push(client(), params(feature_ids=[3], appliance_serial_numbers=["XN2", "XN1"], wait=False), False)
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
    changed, result = scc.follow(client(clock), job(), params())
    assert changed is False
    assert (result["status"], result["elapsed"], result["failed_appliances"]) == ("SUCCESS", 4.8, [])
    assert clock.sleeps == [1.0, 1.5, 2.25]


@responses.activate
def test_transient_faults_while_polling_do_not_end_the_wait():
    token()
    states(job(status="InProgress"), 503, 502, job(status="Success"))
    clock = FakeClock()
    assert scc.follow(client(clock), job(), params())[1]["status"] == "Success"
    assert len(clock.sleeps) == 4


@responses.activate
def test_a_failed_job_names_each_failed_appliance_and_feature():
    token()
    failed = job(status="Failed", feature_ids=[3, 2], detailed_status=[
        item("XN1", 3, "Success"), item("XN2", 3, "Fail", "DNS server unreachable"), item("XN2", 2, "FAIL", None)])
    states(failed)
    responses.get(API + "/features", json=FEATURES)
    with pytest.raises(errors.NcmError) as info:
        scc.follow(client(FakeClock()), job(), params())
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
        scc.follow(client(FakeClock()), job(), params())
    assert info.value.message == "Push job 7 failed on 1 appliance/feature item(s): XN2 feature 3: boom"


@responses.activate
def test_a_pre_push_failure_is_said_as_such():
    token()
    states(job(status="Failed", error_text="Appliance inventory is stale",
               detailed_status=[item("XN1", 3, "Fail", "Appliance inventory is stale")]))
    responses.get(API + "/features", json=FEATURES)
    with pytest.raises(errors.NcmError) as info:
        scc.follow(client(FakeClock()), job(), params())
    assert info.value.message == ("Push job 7 failed before the push started (pre-push failure): "
                                  "Appliance inventory is stale")
    assert info.value.details["failed_appliances"][0]["serialnum"] == "XN1"


@responses.activate
def test_a_canceled_job_fails_unless_the_cancel_was_asked():
    token()
    states(job(status="Canceled"), job(status="Canceled"))
    with pytest.raises(errors.NcmError) as info:
        scc.follow(client(FakeClock()), job(), params())
    assert info.value.message == "Push job 7 was canceled on the Controller before it finished."
    assert scc.follow(client(FakeClock()), job(), params(), cancel_asked=True)[1]["status"] == "Canceled"


@responses.activate
def test_a_timeout_fails_with_the_last_status_and_leaves_the_job_running():
    token()
    states(*[job(status="InProgress")] * 10)
    with pytest.raises(errors.WaitTimeout) as info:
        scc.follow(client(FakeClock()), job(), params(wait_timeout=5))
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
        scc.follow(client(FakeClock()), job(), params(wait_timeout=5, cancel_on_timeout=True))
    assert info.value.message == ("Push job 7 is still InProgress after 5 s (timeout 5 s); "
                                  "canceled it (cancel_on_timeout): the job is now Canceled.")
    assert info.value.details["job"]["job_status"] == "Canceled"
    assert calls()[-1] == ("POST", "/proxy/api/cmc.configurator/1.0/jobs/items/7/cancel")


@responses.activate
def test_cancel_on_timeout_of_a_job_that_just_ended_reports_its_end():
    token()
    states(*[job(status="InProgress")] * 4 + [job(status="Success")])
    responses.post(API + "/jobs/items/7/cancel", status=400, json={"error_id": "INVALID_OPERATION", "error_text": "done"})
    changed, result = scc.follow(client(FakeClock()), job(), params(wait_timeout=5, cancel_on_timeout=True))
    assert (changed, result["status"]) == (False, "Success")


@responses.activate
def test_a_job_that_vanishes_during_the_wait_fails():
    token()
    states(job(status="InProgress"))
    responses.get(API + "/jobs/items/7", status=404, json={"error_id": "RESOURCE_NOT_FOUND", "error_text": "gone"})
    with pytest.raises(errors.NcmError) as info:
        scc.follow(client(FakeClock()), job(), params())
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
        scc.check_push(params(**changes))
    assert info.value.message == message


@pytest.mark.parametrize("value, expected", [("1756612800", 1756612800), (1756612800, 1756612800),
                                             ("2025-08-31T04:00:00Z", 1756612800),
                                             ("2025-08-31T06:00:00+02:00", 1756612800)])
def test_after_and_before_take_epoch_seconds_or_iso_8601(value, expected):
    assert scc.epoch_seconds("after", value) == expected


def test_a_bad_moment_fails_naming_the_option():
    with pytest.raises(errors.InputError) as info:
        scc.epoch_seconds("before", "yesterday")
    assert info.value.message.startswith("before must be epoch seconds or an ISO 8601 date or date-time: 'yesterday'")


@pytest.mark.parametrize("value", ["inf", "-inf", "1e400", "nan"])
def test_an_infinite_moment_fails_naming_the_option(value):
    """``int(float('inf'))`` raises OverflowError, which used to end as a traceback."""
    with pytest.raises(errors.InputError) as info:
        scc.epoch_seconds("after", value)
    assert info.value.message.startswith("after must be epoch seconds or an ISO 8601 date or date-time: %r" % value)
