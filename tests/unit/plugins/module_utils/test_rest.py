# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

import pytest
import requests
import responses
from urllib3.exceptions import MaxRetryError, NewConnectionError, ProtocolError

from ansible_collections.ncm.platforms.plugins.module_utils import api_spec, compare, errors, rest

BASE = "https://nccm.example.test/prefix"
SECRET = "s3cr3t-key-value"


class Sleeps(list):
    def __call__(self, seconds):
        self.append(seconds)


def client(**kwargs):
    kwargs.setdefault("sleep", Sleeps())
    kwargs.setdefault("jitter", lambda: 1.0)
    return rest.RestClient(BASE, **kwargs)


def refused(url="https://nccm.example.test/"):
    reason = NewConnectionError(None, "Failed to establish a new connection: [Errno 111] Connection refused")
    return requests.exceptions.ConnectionError(MaxRetryError(None, url, reason))


def dropped():
    return requests.exceptions.ConnectionError(ProtocolError("Connection aborted.", ConnectionResetError(104, "reset")))


@responses.activate
def test_get_joins_base_path_and_parses_json():
    responses.get(BASE + "/ux/items/", json=[{"id": "1"}])
    answer = client().get("/ux/items/", params={"page": 1, "reverse": True})
    assert answer.status == 200
    assert answer.data == [{"id": "1"}]
    assert responses.calls[0].request.url == BASE + "/ux/items/?page=1&reverse=true"


@responses.activate
def test_503_then_200_get_succeeds_after_one_retry():
    responses.get(BASE + "/a", status=503)
    responses.get(BASE + "/a", json={"ok": True})
    sleeps = Sleeps()
    answer = client(sleep=sleeps).get("/a")
    assert answer.data == {"ok": True}
    assert len(responses.calls) == 2
    assert sleeps == [0.5]


@responses.activate
def test_429_with_retry_after_waits_what_the_server_asked():
    responses.get(BASE + "/a", status=429, headers={"Retry-After": "2"})
    responses.get(BASE + "/a", json={})
    sleeps = Sleeps()
    client(sleep=sleeps).get("/a")
    assert sleeps == [2.0]


def test_retry_after_as_http_date():
    assert rest.retry_after_seconds("Wed, 21 Oct 2015 07:28:02 GMT", now=1445412480.0) == pytest.approx(2.0)
    assert rest.retry_after_seconds("soon") is None
    assert rest.retry_after_seconds(None) is None


@responses.activate
def test_backoff_grows_and_is_capped():
    for dummy in range(4):
        responses.get(BASE + "/a", status=502)
    sleeps = Sleeps()
    with pytest.raises(errors.ApiError) as caught:
        client(sleep=sleeps, retries=3, backoff=10, max_backoff=25).get("/a")
    assert caught.value.status == 502
    assert sleeps == [10, 20, 25]
    assert len(responses.calls) == 4


@responses.activate
def test_post_that_got_502_is_not_sent_again():
    responses.post(BASE + "/a", status=502, json={"error": "bad gateway"})
    responses.post(BASE + "/a", status=201, json={})
    with pytest.raises(errors.ApiError) as caught:
        client().post("/a", json={"x": 1})
    assert len(responses.calls) == 1
    assert caught.value.status == 502


@responses.activate
def test_post_dropped_after_sending_is_not_sent_again():
    responses.post(BASE + "/a", body=dropped())
    responses.post(BASE + "/a", status=201, json={})
    with pytest.raises(errors.TransportError):
        client().post("/a", json={"x": 1})
    assert len(responses.calls) == 1


@responses.activate
def test_connection_refused_before_sending_a_post_is_retried():
    responses.post(BASE + "/a", body=refused())
    responses.post(BASE + "/a", status=201, json={"id": "9"})
    answer = client().post("/a", json={"x": 1})
    assert answer.data == {"id": "9"}
    assert len(responses.calls) == 2


@responses.activate
def test_dropped_get_is_retried():
    responses.get(BASE + "/a", body=dropped())
    responses.get(BASE + "/a", json=[])
    assert client().get("/a").data == []


@responses.activate
def test_retries_exhausted_raise_transport_error():
    for dummy in range(3):
        responses.get(BASE + "/a", body=refused())
    with pytest.raises(errors.TransportError) as caught:
        client(retries=2).get("/a")
    assert "could not connect" in caught.value.message
    assert len(responses.calls) == 3


@responses.activate
def test_timeout_is_its_own_error():
    responses.get(BASE + "/a", body=requests.exceptions.ReadTimeout("read timed out"))
    with pytest.raises(errors.RequestTimeout) as caught:
        client(retries=0, timeout=7).get("/a")
    assert "timed out after 7s" in caught.value.message


@responses.activate
def test_tls_error_is_its_own_error_and_not_retried():
    responses.get(BASE + "/a", body=requests.exceptions.SSLError("certificate verify failed"))
    with pytest.raises(errors.TLSError):
        client().get("/a")
    assert len(responses.calls) == 1


UNTRUSTED = ("HTTPSConnectionPool(host='h', port=443): Max retries exceeded (Caused by SSLError(SSLCertVerificationError(1, "
             "'[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate')))")


@pytest.mark.parametrize("settings, reason, wanted", [
    ({}, UNTRUSTED, "the default CA bundle does not trust the server's certificate: set api.ca_path to the file"),
    ({"ca_path": "/etc/other-ca.pem"}, UNTRUSTED,
     "api.ca_path /etc/other-ca.pem does not hold the CA that signed the server's certificate"),
    ({}, "certificate verify failed: self-signed certificate", "set api.ca_path"),
    ({}, "certificate verify failed: IP address mismatch, certificate is not valid for '10.0.0.1'",
     "api.url must name a host that the server's certificate is for"),
    ({}, "certificate verify failed: certificate has expired", "the server's certificate is not valid"),
])
@responses.activate
def test_certificate_verification_failure_says_what_to_set(settings, reason, wanted):
    responses.get(BASE + "/a", body=requests.exceptions.SSLError(reason))
    with pytest.raises(errors.TLSError) as caught:
        client(**settings).get("/a")
    message = caught.value.message
    assert message.startswith("TLS certificate verification failed on GET %s/a: " % BASE)
    assert wanted in message
    assert "or set api.validate_certs: false to skip the check" in message
    assert message.endswith("Details: " + reason)


@responses.activate
def test_other_tls_failure_keeps_its_plain_message():
    responses.get(BASE + "/a", body=requests.exceptions.SSLError("[SSL: WRONG_VERSION_NUMBER] wrong version number"))
    with pytest.raises(errors.TLSError) as caught:
        client().get("/a")
    assert caught.value.message == "TLS error on GET " + BASE + "/a: [SSL: WRONG_VERSION_NUMBER] wrong version number"


@pytest.mark.parametrize("body, message", [
    ({"error": "Invalid API key."}, "Invalid API key."),
    ({"detail": "Not found."}, "Not found."),
    ({"organization": ["Ensure this field has no more than 25 characters."]},
     "organization: Ensure this field has no more than 25 characters."),
    ({"error_id": "RESOURCE_NOT_FOUND", "error_text": "Job 7 not found"}, "Job 7 not found"),
])
@responses.activate
def test_error_status_carries_method_path_status_and_server_message(body, message):
    responses.put(BASE + "/ux/x/1/", status=400, json=body)
    with pytest.raises(errors.ApiError) as caught:
        client().put("/ux/x/1/", json={})
    assert caught.value.server_message == message
    assert caught.value.message == "PUT " + BASE + "/ux/x/1/ returned HTTP 400: " + message
    assert caught.value.to_result()["status"] == 400


@responses.activate
def test_error_with_a_text_body():
    responses.get(BASE + "/a", status=500, body="<html>Internal Server Error</html>")
    with pytest.raises(errors.ApiError) as caught:
        client(retries=0).get("/a")
    assert "Internal Server Error" in caught.value.message


@responses.activate
def test_allowed_status_is_returned():
    responses.get(BASE + "/a", status=404, json={"detail": "Not found."})
    assert client().get("/a", allow_status=(404,)).status == 404


@responses.activate
def test_2xx_with_error_body_is_a_failure_through_the_hook():
    responses.post(BASE + "/a", status=200, json={"status": "error", "msg": "duplicate policy"})

    def hook(body):
        return body.get("msg") if isinstance(body, dict) and body.get("status") == "error" else None

    with pytest.raises(errors.ApiError) as caught:
        client(error_in_body=hook).post("/a", json={})
    assert caught.value.status == 200
    assert caught.value.server_message == "duplicate policy"


@responses.activate
def test_2xx_that_is_not_json_is_a_format_error():
    responses.get(BASE + "/a", status=200, body="not json")
    with pytest.raises(errors.ResponseFormatError):
        client().get("/a")


@responses.activate
def test_empty_2xx_body_is_none():
    responses.post(BASE + "/a", status=201, body="")
    assert client().post("/a", json={}).data is None


@responses.activate
def test_authorization_header_is_sent_verbatim_and_never_shown():
    responses.get(BASE + "/a", status=401, json={"error": "Invalid API key: %s" % SECRET})
    api = client(headers={"Authorization": SECRET})
    with pytest.raises(errors.ApiError) as caught:
        api.get("/a")
    assert responses.calls[0].request.headers["Authorization"] == SECRET
    assert SECRET not in str(caught.value)
    assert SECRET not in json.dumps(caught.value.to_result())
    assert compare.MASK in caught.value.message


@responses.activate
def test_secret_in_request_body_echoed_in_error_is_redacted():
    responses.post(BASE + "/a", status=400, json={"dpassword": ["'%s' is too long" % SECRET]})
    with pytest.raises(errors.ApiError) as caught:
        client(secrets=[SECRET]).post("/a", json={"dpassword": SECRET})
    assert SECRET not in json.dumps(caught.value.to_result())


@responses.activate
def test_basic_auth_secret_and_its_encoding_never_shown():
    api = client(basic_auth=("admin", SECRET), retries=0)
    encoded = api.session.headers["Authorization"].split(" ", 1)[1]
    responses.get(BASE + "/a", body=requests.exceptions.ConnectionError("echo %s %s" % (SECRET, encoded)))
    with pytest.raises(errors.TransportError) as caught:
        api.get("/a")
    text = json.dumps(caught.value.to_result())
    assert SECRET not in text
    assert encoded not in text


@responses.activate
def test_debug_log_is_redacted():
    responses.get(BASE + "/" + SECRET, json={})
    lines = []
    client(secrets=[SECRET], log=lines.append).get("/" + SECRET)
    assert lines and all(SECRET not in line for line in lines)


@responses.activate
def test_tls_settings_reach_requests():
    responses.get(BASE + "/a", json={})
    api = client(validate_certs=False, ca_path="/etc/ca.pem")
    assert api.verify is False
    assert client(ca_path="/etc/ca.pem").verify == "/etc/ca.pem"
    assert client().verify is True
    api.get("/a")
    assert responses.calls[0].request.req_kwargs["verify"] is False


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
