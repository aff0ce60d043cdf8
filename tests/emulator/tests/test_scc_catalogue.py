"""SteelCentral emulator: features, the default catalogue, seeding, unknown paths, state file."""

import os

import pytest
import requests

BASE = "/api/cmc.configurator/1.0"
TIMEOUT = 10
FEATURE_KEYS = {"id", "name", "pretty_name", "description", "push_enable"}


class Scc(object):
    """A bearer-token client of one emulator."""

    def __init__(self, url):
        self.url = url
        self.session = requests.Session()
        resp = self.session.post(url + "/api/common/1.0/oauth/token",
                                 data={"grant_type": "access_code", "assertion": "emulator-access-code"}, timeout=TIMEOUT)
        resp.raise_for_status()
        self.session.headers["Authorization"] = "Bearer " + resp.json()["access_token"]

    def request(self, method, path, **kwargs):
        return self.session.request(method, self.url + BASE + path, timeout=TIMEOUT, **kwargs)


@pytest.fixture
def scc(emu_url):
    return Scc(emu_url)


def test_features_list_is_a_bare_array_of_documented_objects(scc):
    resp = scc.request("GET", "/features")
    assert resp.status_code == 200
    features = resp.json()
    assert isinstance(features, list)
    assert [f["id"] for f in features] == [1, 2, 3, 4, 5, 6]
    assert [f["name"] for f in features] == ["snmp", "ntp", "dns", "qos", "path_selection", "syslog"]
    for feature in features:
        assert set(feature) == FEATURE_KEYS
        assert isinstance(feature["push_enable"], bool)
    assert [f["name"] for f in features if not f["push_enable"]] == ["syslog"]


def test_features_name_filter(scc):
    assert [f["id"] for f in scc.request("GET", "/features", params={"name": "dns"}).json()] == [3]
    assert scc.request("GET", "/features", params={"name": "nope"}).json() == []


def test_feature_item(scc):
    resp = scc.request("GET", "/features/items/5")
    assert resp.status_code == 200
    assert resp.json() == {"id": 5, "name": "path_selection", "pretty_name": "Path Selection",
                           "description": "Path selection rules over the WAN uplinks.", "push_enable": True}


@pytest.mark.parametrize("path", ["/features/items/99", "/features/items/abc", "/jobs/items/99", "/nothing/here"])
def test_not_found_in_riverbed_shape(scc, path):
    resp = scc.request("GET", path)
    assert resp.status_code == 404
    body = resp.json()
    assert body["error_id"] == "RESOURCE_NOT_FOUND"
    assert set(body) == {"error_id", "error_text", "error_info"}


def test_wrong_method_in_riverbed_shape(scc):
    resp = scc.request("DELETE", "/features")
    assert resp.status_code == 405
    assert resp.json()["error_id"] == "METHOD_NOT_ALLOWED"


def test_trailing_slash_is_accepted(scc):
    assert scc.request("GET", "/features/").status_code == 200
    assert scc.request("GET", "/jobs/").json() == []


def test_seed_features_sites_and_appliances(scc, admin):
    ids = admin.seed(scc_features=[{"name": "wan_optimization", "push_enable": True}, {"id": 40, "name": "banner"}],
                     scc_site_types=[{"id": 9, "name": "Kiosk"}],
                     scc_sites=[{"id": 90, "name": "Kiosk-1", "site_type_id": 9}],
                     scc_appliances=[{"serialnum": "KIOSK0000001", "site_id": 90}])
    assert ids["scc_features"] == [7, 40]
    names = dict((f["id"], f) for f in scc.request("GET", "/features").json())
    assert names[7]["pretty_name"] == "Wan Optimization"
    assert names[40]["push_enable"] is True
    resp = scc.request("POST", "/jobs", json={"feature_ids": [40], "site_type_ids": [9]})
    assert resp.status_code == 201, resp.text
    assert [d["serialnum"] for d in resp.json()["detailed_status"]] == ["KIOSK0000001"]


@pytest.mark.parametrize("collection, obj", [
    ("scc_features", {"id": "x", "name": "bad"}),
    ("scc_features", {"id": 50}),
    ("scc_features", {"name": "f", "push_enable": "yes"}),
    ("scc_sites", {"name": "no-type"}),
    ("scc_appliances", {"site_id": 1}),
    ("scc_jobs", {"feature_ids": [99], "site_ids": [1]}),
])
def test_bad_seed_objects_are_refused(admin, collection, obj):
    resp = admin.call("POST", "/seed", {collection: [obj]}, expect_ok=False)
    assert resp.status_code == 400


def test_reset_restores_catalogue_and_clears_jobs(scc, admin):
    assert scc.request("POST", "/jobs", json={"feature_ids": [1], "site_ids": [1]}).status_code == 201
    admin.seed(scc_features=[{"name": "extra"}])
    admin.reset("scc")
    fresh = Scc(scc.url)
    assert len(fresh.request("GET", "/features").json()) == 6
    assert fresh.request("GET", "/jobs").json() == []
    assert len(admin.raw("scc_appliances")) == 6
    assert len(admin.raw("scc_sites")) == 4


def test_state_file_keeps_jobs_and_catalogue(start_emulator, tmp_path):
    state = str(tmp_path / "state.json")
    first = start_emulator(state_file=state)
    client = Scc(first.url)
    job = client.request("POST", "/jobs", json={"feature_ids": [2], "appliance_serial_numbers": ["XN30B0003A01"]}).json()
    first.stop()
    assert os.path.exists(state)
    second = start_emulator(state_file=state)
    again = Scc(second.url)
    resp = again.request("GET", "/jobs/items/%d" % job["id"])
    assert resp.status_code == 200
    assert resp.json()["appliance_serial_numbers"] == ["XN30B0003A01"]
    assert again.request("GET", "/features/items/2").status_code == 200
    created = again.request("POST", "/jobs", json={"feature_ids": [2], "site_ids": [2]}).json()
    assert created["id"] == job["id"] + 1


def test_config_replaces_the_default_catalogue(start_emulator):
    server = start_emulator(config={
        "scc": {"defaults": False, "seed": {
            "scc_appliances": [{"serialnum": "LAB0001", "site_id": 1}],
            "scc_sites": [{"id": 1, "name": "Lab", "site_type_id": 1}],
            "scc_site_types": [{"id": 1, "name": "Lab"}],
            "scc_features": [{"id": 11, "name": "banner"}]}},
        "switches": {"scc_push_script": {"queued_seconds": 0, "running_seconds": 0, "failures": [{"feature_id": 11}]}}})
    client = Scc(server.url)
    assert [f["name"] for f in client.request("GET", "/features").json()] == ["banner"]
    created = client.request("POST", "/jobs", json={"feature_ids": [11], "site_ids": [1]}).json()
    assert client.request("GET", "/jobs/items/%d" % created["id"]).json()["job_status"] == "Failed"
    requests.post(server.url + "/_emulator/reset", timeout=TIMEOUT).raise_for_status()
    assert [f["name"] for f in Scc(server.url).request("GET", "/features").json()] == ["banner"]
