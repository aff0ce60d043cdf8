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

from ansible_collections.ncm.platforms.plugins.module_utils import errors
from ansible_collections.ncm.platforms.plugins.module_utils.scc import client as scc
from ansible_collections.ncm.platforms.tests.unit.plugins.module_utils.scc_api import (
    API, BASE, CODE, FEATURES, PASSWORD, TOKEN, TOKEN_URL, calls, client, job, token)


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
