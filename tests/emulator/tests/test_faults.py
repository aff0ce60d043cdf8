"""Fault injection: 429 + Retry-After, 5xx, dropped connections, delays, 2xx {"status": "error"},
5xx after the write was applied."""

import email.utils
import time

import pytest
import requests

POLICIES = "/ux/nccm/configuration_policies/"
LIST = POLICIES + "?items_per_page=5&page=1"


def get(session):
    return session.get(session.base + LIST, timeout=10)


def test_429_with_retry_after_for_the_next_n(infraon, admin):
    admin.fault(kind="429", method="GET", path="^/ux/nccm/configuration_policies/$", count=2, retry_after=3)
    for dummy in range(2):
        resp = get(infraon)
        assert resp.status_code == 429
        assert resp.headers["Retry-After"] == "3"
    assert get(infraon).status_code == 200
    assert [e["status"] for e in admin.log()] == [429, 429, 200]
    assert admin.faults() == []


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_5xx(infraon, admin, status):
    admin.fault(kind="status", status=status, path="configuration_policies", msg="backend down")
    resp = get(infraon)
    assert resp.status_code == status and resp.json() == {"error": "backend down"}
    assert get(infraon).status_code == 200


def test_drop_closes_the_connection_without_an_answer(infraon, admin):
    assert get(infraon).status_code == 200  # a kept-alive connection is open now
    admin.fault(kind="drop", path="^/ux/nccm/configuration_policies/$")
    with pytest.raises(requests.exceptions.ConnectionError):
        get(infraon)
    assert get(infraon).status_code == 200, "the next request gets a new connection and an answer"


def test_drop_on_a_fresh_connection_and_a_write(emu_url, admin):
    admin.fault(kind="drop", method="POST", path="configuration_policies")
    with pytest.raises(requests.exceptions.ConnectionError):
        requests.post(emu_url + POLICIES, json={"policyid": "p", "organization": "o"},
                      headers={"Authorization": "emulator-infraon-key"}, timeout=10)
    assert admin.raw("infraon_policies") == [], "a dropped write is not applied"
    assert [(e["method"], e["status"]) for e in admin.log()] == [("POST", 0)]


def test_delay_then_normal_answer(infraon, admin):
    admin.fault(kind="delay", delay=0.3, path="configuration_policies")
    start = time.monotonic()
    resp = get(infraon)
    assert resp.status_code == 200 and time.monotonic() - start >= 0.3  # a lower bound: any machine
    assert admin.faults() == [], "the delay was for one request only"
    assert get(infraon).status_code == 200


def test_delay_beyond_the_client_timeout(infraon, admin):
    admin.fault(kind="delay", delay=0.5, path="configuration_policies")
    with pytest.raises(requests.exceptions.ReadTimeout):
        infraon.get(infraon.base + LIST, timeout=0.2)
    # the emulator answers it later: wait for that (its log entry), so that it cannot land in
    # the log of the next test
    assert [e["status"] for e in admin.log(method="GET", wait_count=1, timeout=8)] == [200]


def test_status_error_in_a_2xx(infraon, admin):
    admin.fault(kind="status_error", method="POST", path="configuration_policies", msg="Policy could not be saved")
    resp = infraon.post(infraon.base + POLICIES, json={"policyid": "p", "organization": "o"}, timeout=10)
    assert resp.status_code == 200
    assert resp.json() == {"status": "error", "msg": "Policy could not be saved"}
    assert admin.raw("infraon_policies") == []


def test_method_filter_and_unlimited_count(infraon, admin):
    fault = admin.fault(kind="status", status=503, method="PUT", path="configuration_policies", count=None)
    assert get(infraon).status_code == 200
    for dummy in range(3):
        assert infraon.put(infraon.base + POLICIES + "0123456789abcdef01234567/", json={}, timeout=10).status_code == 503
    assert admin.faults()[0]["hits"] == 3
    admin.call("DELETE", "/faults/%d" % fault["id"])
    assert infraon.put(infraon.base + POLICIES + "0123456789abcdef01234567/", json={}, timeout=10).status_code == 404


def test_faults_are_taken_in_order(infraon, admin):
    admin.fault(kind="429", path="configuration_policies", retry_after=1)
    admin.fault(kind="status", status=502, path="configuration_policies")
    assert [get(infraon).status_code for dummy in range(3)] == [429, 502, 200]


def test_faults_come_before_authentication(emu_url, admin):
    admin.fault(kind="status", status=503, path="configuration_policies")
    assert requests.get(emu_url + LIST, timeout=10).status_code == 503


def test_admin_paths_are_never_faulted(admin):
    admin.fault(kind="status", status=500, path=".*", count=None)
    assert admin.call("GET", "/switches").status_code == 200


def test_429_with_retry_after_as_an_http_date(infraon, admin):
    admin.fault(kind="429", path="configuration_policies", retry_after=3, retry_after_format="http_date")
    before = time.time()
    resp = get(infraon)
    assert resp.status_code == 429
    when = email.utils.parsedate_to_datetime(resp.headers["Retry-After"]).timestamp()
    assert before + 3 <= when <= time.time() + 4, "now + 3 s, rounded up to the next whole second"
    assert resp.headers["Retry-After"].endswith(" GMT")
    assert get(infraon).status_code == 200


@pytest.mark.parametrize("bad", [{"retry_after_format": "minutes"}, {"retry_after": "soon"},
                                 {"retry_after": 1.5}, {"retry_after": -1}, {"retry_after": True}])
def test_429_options_are_checked(admin, bad):
    assert admin.call("POST", "/faults", dict(kind="429", **bad), expect_ok=False).status_code == 400


def test_status_after_store_applies_the_write_then_answers_502(infraon, admin):
    admin.fault(kind="status_after_store", method="POST", path="^/ux/nccm/configuration_policies/$", msg="upstream lost")
    resp = infraon.post(infraon.base + POLICIES, json={"policyid": "p", "organization": "o"}, timeout=10)
    assert resp.status_code == 502 and resp.json() == {"error": "upstream lost"}
    assert [p["policyid"] for p in admin.raw("infraon_policies")] == ["p"], "the write was applied"
    assert [(e["method"], e["status"]) for e in admin.log()] == [("POST", 502)], "logged with the status sent"
    resp = infraon.post(infraon.base + POLICIES, json={"policyid": "q", "organization": "o"}, timeout=10)
    assert resp.status_code == 201, "count 1: the next write is answered normally"
    assert admin.faults() == []


def test_status_after_store_html_page_and_another_status(emu_url, admin):
    admin.fault(kind="status_after_store", status=504, method="DELETE", body="html")
    infraon = requests.Session()
    infraon.headers["Authorization"] = "emulator-infraon-key"
    ids = admin.seed(infraon_policies=[{"policyid": "p", "organization": "o"}])["infraon_policies"]
    resp = infraon.delete(emu_url + POLICIES + ids[0] + "/", timeout=10)
    assert resp.status_code == 504
    assert resp.headers["Content-Type"].startswith("text/html")
    assert "<title>504 Gateway Timeout</title>" in resp.text
    assert admin.raw("infraon_policies") == [], "the delete was applied"


def test_status_after_store_replaces_an_error_answer_too(infraon, admin):
    admin.fault(kind="status_after_store", method="POST", path="configuration_policies")
    resp = infraon.post(infraon.base + POLICIES, json={"organization": "o"}, timeout=10)
    assert resp.status_code == 502, "the 400 of the service is lost behind the proxy as well"
    assert admin.raw("infraon_policies") == []
