# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

import pytest
import requests
import responses

from ansible_collections.ncm.platforms.plugins.module_utils import compare, errors, rest
from ansible_collections.ncm.platforms.tests.unit.plugins.module_utils.rest_api import BASE, SECRET, Sleeps, client, dropped, refused


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
