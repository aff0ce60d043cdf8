"""SteelCentral emulator: OAuth access-code tokens, token expiry and the Basic fallback."""

import base64

import pytest
import requests

TOKEN = "/api/common/1.0/oauth/token"
FEATURES = "/api/cmc.configurator/1.0/features"
CODE = "emulator-access-code"
TIMEOUT = 10


def get_token(url, assertion=CODE, **extra):
    form = {"grant_type": "access_code", "assertion": assertion}
    form.update(extra)
    return requests.post(url + TOKEN, data=form, timeout=TIMEOUT)


def jwt_assertion(code):
    header = base64.urlsafe_b64encode(b'{"alg":"none"}').decode("ascii").rstrip("=")
    return "%s.%s." % (header, code)


def bearer(url, token, path=FEATURES):
    return requests.get(url + path, headers={"Authorization": "Bearer " + token}, timeout=TIMEOUT)


def assert_riverbed_error(resp, status, error_id=None):
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error_id", "error_text", "error_info"}
    assert isinstance(body["error_text"], str) and body["error_text"]
    assert isinstance(body["error_info"], dict)
    if error_id:
        assert body["error_id"] == error_id
    return body


def test_token_with_raw_code_echoes_state(emu_url):
    resp = get_token(emu_url, state="st-123")
    assert resp.status_code == 200
    body = resp.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 3600
    assert body["state"] == "st-123"
    assert bearer(emu_url, body["access_token"]).status_code == 200


def test_token_with_jwt_style_assertion(emu_url):
    resp = get_token(emu_url, assertion=jwt_assertion(CODE), state="abc")
    assert resp.status_code == 200
    assert bearer(emu_url, resp.json()["access_token"]).status_code == 200


@pytest.mark.parametrize("assertion", ["wrong-code", jwt_assertion("wrong-code"), CODE + "x"])
def test_wrong_access_code_is_401(emu_url, assertion):
    assert_riverbed_error(get_token(emu_url, assertion=assertion), 401, "AUTH_INVALID_CODE")


@pytest.mark.parametrize("form, error_id", [
    ({"assertion": CODE}, "INVALID_REQUEST"),
    ({"grant_type": "password", "assertion": CODE}, "UNSUPPORTED_GRANT_TYPE"),
    ({"grant_type": "access_code"}, "INVALID_REQUEST"),
])
def test_bad_token_requests_are_400(emu_url, form, error_id):
    resp = requests.post(emu_url + TOKEN, data=form, timeout=TIMEOUT)
    assert_riverbed_error(resp, 400, error_id)


def test_no_credentials_is_401(emu_url):
    resp = requests.get(emu_url + FEATURES, timeout=TIMEOUT)
    assert_riverbed_error(resp, 401, "AUTH_REQUIRED")
    assert "Bearer" in resp.headers["WWW-Authenticate"]


def test_unknown_token_is_401(emu_url):
    assert_riverbed_error(bearer(emu_url, "not-a-token"), 401, "AUTH_INVALID_TOKEN")


def test_token_lifetime_switch_and_expiry(emu_url, admin):
    admin.switches(scc_token_lifetime=60)
    body = get_token(emu_url).json()
    assert body["expires_in"] == 60
    assert bearer(emu_url, body["access_token"]).status_code == 200
    admin.advance_clock(59)
    assert bearer(emu_url, body["access_token"]).status_code == 200
    admin.advance_clock(2)
    assert_riverbed_error(bearer(emu_url, body["access_token"]), 401, "AUTH_EXPIRED_TOKEN")
    fresh = get_token(emu_url).json()["access_token"]
    assert bearer(emu_url, fresh).status_code == 200


def test_expire_tokens_switch_expires_every_issued_token_once(emu_url, admin):
    old = get_token(emu_url).json()["access_token"]
    admin.switches(scc_expire_tokens=True)
    assert_riverbed_error(bearer(emu_url, old), 401, "AUTH_EXPIRED_TOKEN")
    assert admin.switches()["scc_expire_tokens"] is False
    fresh = get_token(emu_url).json()["access_token"]
    assert bearer(emu_url, fresh).status_code == 200
    assert bearer(emu_url, old).status_code == 401


def test_basic_fallback_on(emu_url):
    resp = requests.get(emu_url + FEATURES, auth=("admin", "emulator-password"), timeout=TIMEOUT)
    assert resp.status_code == 200
    assert len(resp.json()) == 6
    resp = requests.get(emu_url + FEATURES, auth=("admin", "wrong-password"), timeout=TIMEOUT)
    assert_riverbed_error(resp, 401, "AUTH_INVALID_CREDENTIALS")
    assert "Basic" in resp.headers["WWW-Authenticate"]


def test_basic_fallback_off(emu_url, admin):
    admin.switches(scc_allow_basic=False)
    resp = requests.get(emu_url + FEATURES, auth=("admin", "emulator-password"), timeout=TIMEOUT)
    assert_riverbed_error(resp, 401, "AUTH_BASIC_DISABLED")
    assert "Basic" not in resp.headers["WWW-Authenticate"]
    token = get_token(emu_url).json()["access_token"]
    assert bearer(emu_url, token).status_code == 200


def test_credentials_come_from_config(start_emulator):
    server = start_emulator(config={"scc": {"access_code": "my-code", "username": "ops", "password": "ops-password"}})
    assert get_token(server.url).status_code == 401
    token = get_token(server.url, assertion="my-code").json()["access_token"]
    assert bearer(server.url, token).status_code == 200
    assert requests.get(server.url + FEATURES, auth=("ops", "ops-password"), timeout=TIMEOUT).status_code == 200
    assert requests.get(server.url + FEATURES, auth=("admin", "emulator-password"), timeout=TIMEOUT).status_code == 401


def test_a_token_is_not_an_access_code(emu_url):
    token = get_token(emu_url).json()["access_token"]
    resp = requests.post(emu_url + TOKEN, data={"grant_type": "access_code", "assertion": token}, timeout=TIMEOUT)
    assert_riverbed_error(resp, 401, "AUTH_INVALID_CODE")
