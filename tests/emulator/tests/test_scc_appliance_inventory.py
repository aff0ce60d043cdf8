"""SteelCentral emulator: the appliance inventory service (cmc.appliance_inventory 1.0)."""

import pytest
import requests

BASE = "/api/cmc.appliance_inventory/1.0"
TOKEN = "/api/common/1.0/oauth/token"
TIMEOUT = 10
SERIALS = ["XN10H0001A01", "XN10H0001A02", "XN20D0002A01", "XN20D0002A02", "XN30B0003A01", "XN30B0004A01"]
FULL_KEYS = {"id", "serial", "uuid", "model", "product_code", "arch", "version", "hostname", "address",
             "auto_detected_address", "override_address", "time_zone", "state", "health", "connectivity", "interfaces"}
BRIEF_KEYS = {"id", "serial", "uuid", "model", "product_code", "hostname", "address", "health"}


@pytest.fixture
def inv(emu_url):
    token = requests.post(emu_url + TOKEN, data={"grant_type": "access_code", "assertion": "emulator-access-code"},
                          timeout=TIMEOUT).json()["access_token"]
    session = requests.Session()
    session.headers["Authorization"] = "Bearer " + token

    def call(path, **params):
        return session.get(emu_url + BASE + path, params=params, timeout=TIMEOUT)
    return call


def ok(resp):
    assert resp.status_code == 200, resp.text
    return resp.json()


def test_the_appliances_are_those_push_jobs_target(inv):
    appliances = ok(inv("/appliances"))
    assert [item["serial"] for item in appliances] == SERIALS
    assert [item["id"] for item in appliances] == [1, 2, 3, 4, 5, 6]
    assert all(set(item) == FULL_KEYS for item in appliances)
    frankfurt2 = appliances[3]
    assert (frankfurt2["hostname"], frankfurt2["product_code"], frankfurt2["health"]) == ("dc-frankfurt-sh2", "EX", "degraded")
    assert (frankfurt2["address"], frankfurt2["auto_detected_address"]) == ("dc-fra-sh2.example.net", "10.2.0.12")
    assert appliances[0]["address"] == appliances[0]["auto_detected_address"] == "10.1.0.11"
    assert appliances[5]["state"] == "read_only"


def test_brief_form_and_one_by_id(inv):
    brief = ok(inv("/brief_appliances"))
    assert all(set(item) == BRIEF_KEYS for item in brief)
    full = ok(inv("/appliances/items/2"))
    assert dict((key, full[key]) for key in BRIEF_KEYS) == brief[1]
    missing = inv("/appliances/items/99")
    assert missing.status_code == 404 and missing.json()["error_id"] == "RESOURCE_NOT_FOUND"


def test_declared_filters_select_and_other_parameters_are_ignored(inv):
    assert [item["serial"] for item in ok(inv("/appliances", health="normal"))] == SERIALS[:3] + SERIALS[4:5]
    assert [item["serial"] for item in ok(inv("/brief_appliances", serial="XN30B0004A01"))] == ["XN30B0004A01"]
    uuid = ok(inv("/appliances/items/1"))["uuid"]
    assert [item["id"] for item in ok(inv("/appliances", uuid=uuid))] == [1]
    assert len(ok(inv("/appliances", product_code="EX", state="managed"))) == 6


def test_a_health_outside_its_enum_is_refused(inv):
    resp = inv("/appliances", health="NORMAL")
    assert resp.status_code == 400
    assert resp.json()["error_id"] == "INVALID_PARAMETER" and resp.json()["error_info"] == {"parameter": "health"}


def test_the_inventory_needs_a_token(emu_url):
    resp = requests.get(emu_url + BASE + "/appliances", timeout=TIMEOUT)
    assert resp.status_code == 401


def test_health_changes_after_the_next_read(inv, admin):
    admin.switches(scc_health_after_read={"XN10H0001A01": "critical"})
    assert ok(inv("/appliances/items/1"))["health"] == "normal"
    assert ok(inv("/appliances/items/1"))["health"] == "critical"
    assert admin.switches()["scc_health_after_read"] == {}


def test_seeded_appliance_without_hostname(inv, admin):
    admin.seed(scc_appliances=[{"serialnum": "XN99Z0009A01", "name": None, "site_id": 4, "product_code": "GC"}])
    item = ok(inv("/appliances", serial="XN99Z0009A01"))[0]
    assert (item["id"], item["hostname"], item["product_code"], item["address"]) == (7, None, "GC", None)
    refused = admin.call("POST", "/seed", {"scc_appliances": [{"serialnum": "X1", "site_id": 4, "health": "bad"}]},
                         expect_ok=False)
    assert refused.status_code == 400 and "health must be one of" in refused.text
