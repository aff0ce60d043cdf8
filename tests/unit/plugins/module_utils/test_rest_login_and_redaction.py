# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

import pytest
import requests
import responses

from ansible_collections.ncm.platforms.plugins.module_utils import api_spec, compare, errors
from ansible_collections.ncm.platforms.tests.unit.plugins.module_utils.rest_api import BASE, client


# --- the login hook and 401 ------------------------------------------------------------
class Login(object):
    """A login hook that counts its runs and sets a new token each time."""

    def __init__(self):
        self.runs = 0

    def __call__(self, api):
        self.runs += 1
        api.request("POST", "/login", authenticate=False)
        api.set_header("Authorization", "Bearer token-%d" % self.runs)


@responses.activate
def test_login_runs_before_the_first_request_only():
    responses.post(BASE + "/login", json={})
    responses.get(BASE + "/a", json={})
    login = Login()
    api = client(login=login)
    assert login.runs == 0
    api.get("/a")
    api.get("/a")
    assert login.runs == 1
    assert [call.request.url.rsplit("/", 1)[1] for call in responses.calls] == ["login", "a", "a"]


@responses.activate
def test_a_netrc_entry_for_the_host_never_replaces_the_authorization_header(tmp_path, monkeypatch):
    """requests sends ~/.netrc credentials when a session has no auth: never ours, which set the header."""
    netrc = tmp_path / "netrc"
    netrc.write_text("machine nccm.example.test login someone password netrc-password\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    responses.get(BASE + "/a", json={})
    client(headers={"Authorization": "ApiKey the-key"}).get("/a")
    client(basic_auth=("hcsadmin", "the-password")).get("/a")
    assert [call.request.headers["Authorization"] for call in responses.calls] == [
        "ApiKey the-key", "Basic aGNzYWRtaW46dGhlLXBhc3N3b3Jk"]


@responses.activate
def test_a_401_gets_one_new_login_and_one_repeat():
    responses.post(BASE + "/login", json={})
    responses.get(BASE + "/a", status=401, json={"error": "token expired"})
    responses.get(BASE + "/a", json={"ok": True})
    login = Login()
    assert client(login=login).get("/a").data == {"ok": True}
    assert login.runs == 2
    assert responses.calls[3].request.headers["Authorization"] == "Bearer token-2"


@responses.activate
def test_a_second_401_fails_with_the_server_message_and_never_logs_in_twice_for_one_401():
    responses.post(BASE + "/login", json={})
    responses.get(BASE + "/a", status=401, json={"error": "token revoked"})
    login = Login()
    with pytest.raises(errors.ApiError) as info:
        client(login=login).get("/a")
    assert login.runs == 2
    assert [call.request.method for call in responses.calls] == ["POST", "GET", "POST", "GET"]
    assert info.value.message == "GET " + BASE + "/a returned HTTP 401: token revoked"


@responses.activate
def test_a_401_of_the_login_itself_is_never_retried():
    responses.post(BASE + "/login", status=401, json={"error": "bad access code"})
    login = Login()
    with pytest.raises(errors.ApiError) as info:
        client(login=login).get("/a")
    assert login.runs == 1 and len(responses.calls) == 1
    assert "bad access code" in info.value.message


@responses.activate
def test_a_401_without_a_login_hook_fails_at_once():
    responses.get(BASE + "/a", status=401, json={"error": "no"})
    with pytest.raises(errors.ApiError):
        client().get("/a")
    assert len(responses.calls) == 1


# --- what the client wrote --------------------------------------------------------------
@responses.activate
def test_wrote_turns_true_on_an_accepted_write_only():
    responses.get(BASE + "/a", json={})
    responses.post(BASE + "/a", status=400, json={"error": "bad"})
    api = client()
    api.get("/a")
    with pytest.raises(errors.ApiError):
        api.post("/a", json={})
    assert api.wrote is False
    responses.replace(responses.POST, BASE + "/a", status=201, json={"id": 1})
    api.post("/a", json={})
    assert api.wrote is True


@responses.activate
def test_a_post_whose_answer_never_came_says_it_may_have_been_made():
    responses.post(BASE + "/a", body=requests.exceptions.ReadTimeout("read timed out"))
    api = client()
    with pytest.raises(errors.RequestTimeout) as info:
        api.post("/a", json={})
    assert "may have been made: check the server before re-running" in info.value.message
    assert api.wrote is True


# --- redaction of every form ------------------------------------------------------------
@pytest.mark.parametrize("secret", ["key\n", "  spaced key ", "k\"ey'/&+=", "ключ-\t"])
def test_escaped_and_encoded_forms_of_a_secret_are_redacted(secret):
    api = client(secrets=[secret])
    texts = [repr(secret), json.dumps(secret), secret.encode("unicode_escape").decode("ascii")]
    for text in texts:
        assert secret.strip() not in api.redact("value: %s" % text).replace(compare.MASK, "")


# --- the api option --------------------------------------------------------------------
GOOD = dict(url="https://host.example:8443/prefix", timeout=30, retries=3, validate_certs=True, ca_path=None)


@pytest.mark.parametrize("change, message", [
    (dict(url=""), "api.url is empty"),
    (dict(url="host.example"), "must start with https:// or http://"),
    (dict(url="ftp://host.example"), "must start with https:// or http://"),
    (dict(url=" https://host.example"), "contains spaces"),
    (dict(url="https://host.example/?a=1"), "must not carry a query string"),
    (dict(url="https://host.example:99999"), "is not a valid URL"),
    (dict(timeout=0), "api.timeout must be more than 0 seconds (got 0)."),
    (dict(timeout=-5), "api.timeout must be more than 0 seconds (got -5)."),
    (dict(retries=-1), "api.retries must be 0 or more (got -1)."),
    (dict(ca_path="/nonexistent/ca.pem"), "api.ca_path /nonexistent/ca.pem does not exist."),
    (dict(username=""), "api.username must not be empty or only spaces."),
    (dict(username="jo", password=" \t"), "api.password must not be empty or only spaces."),
    (dict(access_code="  "), "api.access_code must not be empty or only spaces."),
])
def test_bad_api_values_fail_naming_the_key(change, message):
    with pytest.raises(errors.InputError) as info:
        api_spec.checked_api(dict(GOOD, **change))
    assert message in info.value.message


def test_good_api_values_pass_and_ca_path_is_not_checked_when_certificates_are_not():
    assert api_spec.checked_api(dict(GOOD)) == GOOD
    assert api_spec.checked_api(dict(GOOD, validate_certs=False, ca_path="/nonexistent"))["validate_certs"] is False


@responses.activate
def test_a_login_is_never_counted_as_a_write():
    responses.post(BASE + "/login", json={})
    responses.get(BASE + "/a", json={})
    api = client(login=Login())
    api.get("/a")
    assert api.wrote is False


@pytest.mark.parametrize("headers, body", [
    ({"Content-Type": "text/html"}, "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"),
    ({}, "  <!DOCTYPE html><html><body>Service Unavailable</body></html>"),
])
@responses.activate
def test_an_html_error_page_is_said_to_come_from_a_proxy(headers, body):
    responses.get(BASE + "/a", status=502, body=body, headers=headers)
    with pytest.raises(errors.ApiError) as info:
        client(retries=0).get("/a")
    assert info.value.message == ("GET " + BASE + "/a returned HTTP 502 Bad Gateway with an HTML page instead of an API answer: "
                                  "a proxy or load balancer in front of the service answered, not the service")
    assert info.value.status == 502 and "<" not in info.value.message


@pytest.mark.parametrize("status", [502, 503, 504])
@responses.activate
def test_a_write_answered_by_a_gateway_error_may_have_been_made(status):
    responses.post(BASE + "/a", status=status, json={"error": "upstream timed out"})
    api = client()
    with pytest.raises(errors.ApiError) as info:
        api.post("/a", json={})
    assert info.value.message.endswith("may have been made: check the server before re-running.")
    assert api.wrote is True and len(responses.calls) == 1


@responses.activate
def test_a_server_message_ending_in_a_full_stop_gets_no_second_one_before_the_warning():
    responses.post(BASE + "/a", status=502, json={"error": "Upstream lost."})
    with pytest.raises(errors.ApiError) as info:
        client().post("/a", json={})
    assert info.value.message == ("POST " + BASE + "/a returned HTTP 502: Upstream lost. The request reached the server, "
                                  "so the change may have been made: check the server before re-running.")


@responses.activate
def test_a_write_refused_by_the_service_is_not_a_change():
    responses.post(BASE + "/a", status=400, json={"error": "bad"})
    api = client()
    with pytest.raises(errors.ApiError) as info:
        api.post("/a", json={})
    assert "may have been made" not in info.value.message and api.wrote is False
