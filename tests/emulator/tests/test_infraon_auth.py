"""Infraon authentication: the key verbatim, and the token login."""

import requests

LIST = "/ux/nccm/jobs-account-audit/?items_per_page=10&page=1"
TOKEN = "/ux/api-token-auth/"


def test_configured_key_is_accepted_verbatim(emu_url):
    resp = requests.get(emu_url + LIST, headers={"Authorization": "emulator-infraon-key"}, timeout=10)
    assert resp.status_code == 200 and resp.json() == []


def test_wrong_missing_or_decorated_key_is_401(emu_url):
    for headers in ({}, {"Authorization": "wrong"}, {"Authorization": "ApiKey emulator-infraon-key"},
                    {"Authorization": "emulator-infraon-key "}):
        resp = requests.get(emu_url + LIST, headers=headers, timeout=10)
        assert resp.status_code == 401
        assert resp.json() == {"error": "Invalid API key."}


def test_every_infraon_endpoint_needs_the_key(emu_url):
    base = emu_url + "/ux/nccm/configuration_policies/"
    for method, url in (("POST", base), ("GET", base + "options/"), ("PUT", base + "0123456789abcdef01234567/"),
                        ("DELETE", base + "0123456789abcdef01234567/"), ("POST", base + "bulk-opration/"),
                        ("POST", base + "multi-delete/")):
        assert requests.request(method, url, json={}, timeout=10).status_code == 401, (method, url)


def test_token_login_and_use(emu_url):
    resp = requests.post(emu_url + TOKEN, json={"username": "emulator", "password": "emulator-password"}, timeout=10)
    assert resp.status_code == 200
    token = resp.json()["token"]
    assert len(token) == 40
    assert requests.get(emu_url + LIST, headers={"Authorization": token}, timeout=10).status_code == 200
    again = requests.post(emu_url + TOKEN, json={"username": "emulator", "password": "emulator-password"}, timeout=10)
    assert again.json()["token"] == token


def test_token_login_with_form_body(emu_url):
    resp = requests.post(emu_url + TOKEN, data={"username": "emulator", "password": "emulator-password"}, timeout=10)
    assert resp.status_code == 200 and "token" in resp.json()


def test_token_login_errors(emu_url):
    bad = requests.post(emu_url + TOKEN, json={"username": "emulator", "password": "nope"}, timeout=10)
    assert bad.status_code == 400
    assert bad.json() == {"non_field_errors": ["Unable to log in with provided credentials."]}
    missing = requests.post(emu_url + TOKEN, json={}, timeout=10)
    assert missing.status_code == 400
    assert missing.json() == {"username": ["This field is required."], "password": ["This field is required."]}


def test_token_is_gone_after_reset(emu_url, admin):
    token = requests.post(emu_url + TOKEN, json={"username": "emulator", "password": "emulator-password"},
                          timeout=10).json()["token"]
    admin.reset()
    assert requests.get(emu_url + LIST, headers={"Authorization": token}, timeout=10).status_code == 401


def test_credentials_come_from_the_config(start_emulator):
    server = start_emulator(config={"infraon": {"api_key": "ApiKey k-123", "username": "u", "password": "p"}})
    assert requests.get(server.url + LIST, headers={"Authorization": "ApiKey k-123"}, timeout=10).status_code == 200
    assert requests.get(server.url + LIST, headers={"Authorization": "emulator-infraon-key"}, timeout=10).status_code == 401
    resp = requests.post(server.url + TOKEN, json={"username": "u", "password": "p"}, timeout=10)
    assert resp.status_code == 200
