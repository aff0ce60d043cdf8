# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
from itertools import islice

import pytest
import responses
from responses import matchers

from ansible_collections.ncm.platforms.plugins.module_utils import compare, errors
from ansible_collections.ncm.platforms.plugins.module_utils.infraon import client as infraon
from ansible_collections.ncm.platforms.plugins.module_utils.infraon.resources import AUDIT, POLICY
from ansible_collections.ncm.platforms.tests.unit.plugins.recorded_task import RecordedTask

BASE = "https://nccm.example.test/proxy"
KEY = "infraonDNS key-0123456789"
PASSWORD = "login-pass-987"
TOKEN = "tok-abcdef123456"
POLICIES = BASE + POLICY.path
AUDITS = BASE + AUDIT.path


def recorded_task(**api):
    params = {"api": dict(dict(url=BASE, api_key=None, username=None, password=None,
                               validate_certs=True, ca_path=None, timeout=30, retries=0), **api)}
    return RecordedTask(params, secrets=[value for name, value in api.items() if name in ("api_key", "password")])


def list_all(api, resource, limit=None, **kwargs):
    return list(islice(api.iter_all(resource, **kwargs), limit))


def client(**api):
    api.setdefault("api_key", KEY)
    return infraon.connect(recorded_task(**api))


def page(items_per_page, number, body, url=POLICIES, **kwargs):
    query = {"items_per_page": str(items_per_page), "page": str(number)}
    query.update(kwargs)
    responses.get(url, json=body, match=[matchers.query_param_matcher(query)])


def sent(index):
    return responses.calls[index].request


# --- connecting ----------------------------------------------------------------------
def test_the_api_option_sets_tls_timeout_and_retries():
    api = client(ca_path=__file__, timeout=7, retries=5)
    assert (api.rest.verify, api.rest.timeout, api.rest.retries) == (__file__, 7, 5)
    assert client(validate_certs=False, ca_path=__file__).rest.verify is False
    assert api.rest.base_url == BASE


@responses.activate
@pytest.mark.parametrize("api, option", [(dict(username=" ", password=PASSWORD), "api.username"),
                                         (dict(username="jo", password=""), "api.password")])
def test_a_blank_login_credential_fails_before_any_request(api, option):
    with pytest.raises(errors.InputError) as info:
        list_all(client(api_key=None, **api), POLICY)
    assert info.value.message == "%s must not be empty or only spaces." % option
    assert not responses.calls


@responses.activate
def test_debug_lines_go_to_module_debug_without_the_key():
    task = recorded_task(api_key=KEY)
    page(500, 1, [])
    list_all(infraon.connect(task), POLICY)
    assert task.lines and all(KEY not in line for line in task.lines)


@responses.activate
def test_an_api_key_ending_in_a_newline_is_sent_stripped():
    page(500, 1, [])
    list_all(client(api_key=KEY + "\n"), POLICY)
    assert sent(0).headers["Authorization"] == KEY


@pytest.mark.parametrize("key, rule", [("   ", "is empty or only spaces"), ("ab\ncd", "contains a line break")])
def test_an_api_key_that_cannot_be_a_header_fails_naming_the_option(key, rule):
    with pytest.raises(errors.InputError) as info:
        client(api_key=key)
    assert info.value.message.startswith("api.api_key " + rule)
    assert "ab" not in info.value.message


@responses.activate
def test_api_key_goes_verbatim_in_the_authorization_header():
    page(500, 1, [])
    assert list_all(client(), POLICY) == []
    assert sent(0).headers["Authorization"] == KEY


@responses.activate
def test_login_happens_at_first_request_and_the_token_is_sent_verbatim():
    responses.post(BASE + "/ux/api-token-auth/", json={"token": TOKEN},
                   match=[matchers.json_params_matcher({"username": "emulator", "password": PASSWORD})])
    page(500, 1, [])
    api = client(api_key=None, username="emulator", password=PASSWORD)
    assert len(responses.calls) == 0
    list_all(api, POLICY)
    list_all(api, POLICY)
    assert [call.request.method for call in responses.calls] == ["POST", "GET", "GET"]
    assert sent(1).headers["Authorization"] == TOKEN
    assert TOKEN not in api.rest.redact("the token is %s" % TOKEN)


@responses.activate
def test_an_expired_token_gets_one_new_login_and_the_request_is_sent_again():
    responses.post(BASE + "/ux/api-token-auth/", json={"token": TOKEN})
    responses.post(BASE + "/ux/api-token-auth/", json={"token": TOKEN + "-2"})
    responses.get(POLICIES + "p1/", status=401, json={"detail": "Token expired."})
    responses.get(POLICIES + "p1/", json={"id": "p1"})
    assert client(api_key=None, username="emulator", password=PASSWORD).get(POLICY, "p1") == {"id": "p1"}
    assert [call.request.method for call in responses.calls] == ["POST", "GET", "POST", "GET"]
    assert sent(3).headers["Authorization"] == TOKEN + "-2"


@responses.activate
def test_login_answer_without_token_fails_without_leaking_the_password():
    responses.post(BASE + "/ux/api-token-auth/", json={"detail": "ok"})
    with pytest.raises(errors.ResponseFormatError) as info:
        client(api_key=None, username="emulator", password=PASSWORD).get(POLICY, "1")
    assert "without a token" in info.value.message
    assert PASSWORD not in json.dumps(info.value.to_result())


@responses.activate
def test_rejected_login_is_an_api_error_with_the_server_message():
    responses.post(BASE + "/ux/api-token-auth/", status=400,
                   json={"non_field_errors": ["Unable to log in with provided credentials."]})
    with pytest.raises(errors.ApiError) as info:
        client(api_key=None, username="emulator", password=PASSWORD).options(POLICY)
    assert info.value.status == 400
    assert "Unable to log in" in info.value.message


@responses.activate
def test_a_2xx_status_error_body_is_a_failure():
    responses.post(POLICIES, json={"status": "error", "msg": "policy engine busy"})
    with pytest.raises(errors.ApiError) as info:
        client().create(POLICY, {"policyid": "P1"})
    assert info.value.status == 200
    assert info.value.message == "POST %s%s returned HTTP 200: policy engine busy" % (BASE, POLICY.path)


def test_error_in_body_ignores_ordinary_answers():
    assert infraon.error_in_body({"status": "success", "id": "1"}) is None
    assert infraon.error_in_body([{"status": "error"}]) is None
    assert infraon.error_in_body({"status": "ERROR"}) == "the server answered status error"


@responses.activate
def test_401_names_method_path_and_status_but_not_the_key():
    responses.get(POLICIES + "x1/", status=401, json={"error": "Invalid API key."})
    with pytest.raises(errors.ApiError) as info:
        client().get(POLICY, "x1")
    assert info.value.message == "GET %s%sx1/ returned HTTP 401: Invalid API key." % (BASE, POLICY.path)
    assert KEY not in json.dumps(info.value.to_result())


# --- paging ----------------------------------------------------------------------------
def items(*ids):
    return [{"id": str(i), "policyid": "P%s" % i} for i in ids]


@responses.activate
def test_array_pages_are_read_until_a_short_page_even_when_the_server_clamps():
    page(500, 1, items(1, 2))
    page(500, 2, items(3, 4))
    page(500, 3, items(5))
    assert [item["id"] for item in list_all(client(), POLICY)] == ["1", "2", "3", "4", "5"]
    assert len(responses.calls) == 3


@responses.activate
def test_array_pages_end_at_an_empty_page():
    page(500, 1, items(1, 2))
    page(500, 2, [])
    assert len(list_all(client(), POLICY)) == 2
    assert len(responses.calls) == 2


@responses.activate
def test_sort_reverse_and_page_size_are_passed_through():
    page(50, 1, items(1), sort="name", reverse="true")
    page(50, 2, [], sort="name", reverse="true")
    assert len(list_all(client(), POLICY, sort="name", reverse=True, page_size=50)) == 1


@responses.activate
def test_envelope_pages_follow_next_until_null():
    page(500, 1, {"count": 3, "next": POLICIES + "?page=2", "previous": None, "results": items(1, 2)})
    page(500, 2, {"count": 3, "next": None, "previous": POLICIES, "results": items(3)})
    assert [item["id"] for item in list_all(client(), POLICY)] == ["1", "2", "3"]
    assert len(responses.calls) == 2


@responses.activate
def test_envelope_ends_when_count_is_reached_even_if_next_is_set():
    page(500, 1, {"count": 2, "next": POLICIES + "?page=2", "results": items(1, 2)})
    assert len(list_all(client(), POLICY)) == 2
    assert len(responses.calls) == 1


@responses.activate
def test_envelope_without_next_uses_count():
    page(500, 1, {"count": 3, "results": items(1, 2)})
    page(500, 2, {"count": 3, "results": items(3)})
    assert len(list_all(client(), POLICY)) == 3


@responses.activate
def test_limit_stops_reading_pages():
    page(500, 1, items(1, 2))
    page(500, 2, items(3, 4))
    assert [item["id"] for item in list_all(client(), POLICY, limit=3)] == ["1", "2", "3"]
    assert len(responses.calls) == 2


@responses.activate
def test_a_server_that_ignores_the_page_parameter_fails_instead_of_looping():
    responses.get(POLICIES, json=items(1, 2))
    with pytest.raises(errors.ResponseFormatError) as info:
        list_all(client(), POLICY)
    assert "ignores the page parameter" in info.value.message


@responses.activate
def test_an_unknown_list_shape_fails():
    page(500, 1, {"data": []})
    with pytest.raises(errors.ResponseFormatError):
        list_all(client(), POLICY)


# --- find ------------------------------------------------------------------------------
@responses.activate
def test_find_reads_to_the_end_and_finds_a_match_on_page_three():
    page(500, 1, items(1, 2))
    page(500, 2, items(3, 4))
    page(500, 3, items(5))
    assert client().find(POLICY, {"policyid": "P5"})["id"] == "5"
    assert len(responses.calls) == 3


@responses.activate
def test_find_returns_none_when_nothing_matches():
    page(500, 1, items(1))
    page(500, 2, [])
    assert client().find(POLICY, {"policyid": "P9"}) is None


@responses.activate
def test_find_with_two_matches_fails_and_lists_their_ids():
    page(500, 1, [{"id": "a1", "organization": "acme", "job_id": "J1", "ci_id": ""},
                  {"id": "a2", "organization": "acme", "job_id": "J1"},
                  {"id": "a3", "organization": "acme", "job_id": "J2"}], url=AUDITS)
    page(500, 2, [], url=AUDITS)
    with pytest.raises(errors.AmbiguousMatch) as info:
        client().find(AUDIT, {"organization": "acme", "job_id": "J1", "ci_id": None})
    assert info.value.details["ids"] == ["a1", "a2"]
    assert "(ids: a1, a2)" in info.value.message


@responses.activate
def test_an_unset_criterion_matches_only_a_blank_field():
    page(500, 1, [{"id": "a1", "organization": "acme", "ci_id": "rtr"},
                  {"id": "a2", "organization": "acme", "ci_id": None}], url=AUDITS)
    page(500, 2, [], url=AUDITS)
    assert client().find(AUDIT, {"organization": "acme", "ci_id": None})["id"] == "a2"


def test_matches_compares_by_field_kind():
    item = {"processid": 1, "lastupdatetime": "2025-08-31T16:02:16Z", "assigned_users": ["b", "a"]}
    assert compare.matches(item, {"processid": "1", "lastupdatetime": "2025-08-31T18:02:16+02:00",
                                  "assigned_users": ["a", "b"]}, POLICY.fields)
    assert not compare.matches(item, {"processid": 2}, POLICY.fields)


# --- objects ---------------------------------------------------------------------------
@responses.activate
def test_get_answers_none_on_404_and_quotes_the_id():
    responses.get(POLICIES + "a%2Fb/", status=404, json={"detail": "Not found."})
    assert client().get(POLICY, "a/b") is None


@responses.activate
def test_create_returns_the_answered_object():
    responses.post(AUDITS, status=201, json={"id": "a1", "organization": "acme"},
                   match=[matchers.json_params_matcher({"organization": "acme"})])
    assert client().create(AUDIT, {"organization": "acme"}) == {
        "id": "a1", "organization": "acme"}
    assert len(responses.calls) == 1


@responses.activate
def test_create_with_no_body_finds_the_new_object_by_its_natural_key():
    responses.post(POLICIES, status=201)
    page(500, 1, items(1, 7))
    page(500, 2, [])
    created = client().create(POLICY, {"policyid": "P7", "organization": "acme"})
    assert created["id"] == "7"
    assert [call.request.method for call in responses.calls] == ["POST", "GET", "GET"]


@responses.activate
def test_create_answering_status_and_id_reads_the_object_back_by_id():
    responses.post(POLICIES, status=201, json={"status": "success", "id": "p9"})
    responses.get(POLICIES + "p9/", json={"id": "p9", "policyid": "P9"})
    assert client().create(POLICY, {"policyid": "P9"})["policyid"] == "P9"
    assert [call.request.url for call in responses.calls] == [POLICIES, POLICIES + "p9/"]


@responses.activate
def test_create_that_cannot_be_read_back_fails():
    responses.post(POLICIES, status=201)
    page(500, 1, [])
    with pytest.raises(errors.ResponseFormatError) as info:
        client().create(POLICY, {"policyid": "P1"})
    assert "could not be read back" in info.value.message


@responses.activate
def test_update_puts_the_body_and_returns_the_answer():
    responses.put(POLICIES + "p1/", json={"id": "p1", "name": "n"},
                  match=[matchers.json_params_matcher({"policyid": "P1", "name": "n"})])
    assert client().update(POLICY, "p1", {"policyid": "P1", "name": "n"}) == {"id": "p1", "name": "n"}


@responses.activate
def test_update_without_an_object_in_the_answer_reads_it_again():
    responses.put(POLICIES + "p1/", status=204)
    responses.get(POLICIES + "p1/", json={"id": "p1", "name": "n"})
    assert client().update(POLICY, "p1", {"name": "n"})["name"] == "n"
    responses.replace(responses.GET, POLICIES + "p1/", status=404)
    with pytest.raises(errors.ResponseFormatError):
        client().update(POLICY, "p1", {"name": "n"})


@responses.activate
def test_delete_sends_delete_and_accepts_an_object_already_gone():
    responses.delete(POLICIES + "p1/", status=204)
    responses.delete(POLICIES + "p2/", status=404, json={"detail": "Not found."})
    client().delete(POLICY, "p1")
    client().delete(POLICY, "p2")
    assert [call.request.method for call in responses.calls] == ["DELETE", "DELETE"]


@responses.activate
def test_delete_error_fails_with_the_server_message():
    responses.delete(POLICIES + "p1/", status=403, json={"detail": "Forbidden."})
    with pytest.raises(errors.ApiError) as info:
        client().delete(POLICY, "p1")
    assert info.value.to_result()["status"] == 403


@responses.activate
def test_options_reads_the_options_path():
    responses.get(POLICIES + "options/", json={"processid": 1})
    assert client().options(POLICY) == {"processid": 1}


@responses.activate
def test_a_create_that_finds_twins_of_its_key_says_other_runs_made_them():
    responses.post(POLICIES, status=201)
    page(500, 1, [{"id": "7", "policyid": "P7"}, {"id": "8", "policyid": "P7"}])
    page(500, 2, [])
    api = client()
    with pytest.raises(errors.AmbiguousMatch) as info:
        api.create(POLICY, {"policyid": "P7", "organization": "acme"})
    assert info.value.details["ids"] == ["7", "8"]
    assert "created the configuration policy, but 2 objects now hold policyid='P7' (ids: 7, 8)" in info.value.message
    assert "throttle: 1" in info.value.message
    assert api.rest.wrote is True
