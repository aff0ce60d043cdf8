"""SteelCentral emulator: push jobs (submit, validation, progress over time, cancel, filters)."""

import time

import pytest
import requests

BASE = "/api/cmc.configurator/1.0"
TIMEOUT = 10
JOB_KEYS = {"id", "operation", "idx", "timestamp", "feature_ids", "creation_time", "push_time", "completion_time",
            "error_text", "job_status", "backup", "detailed_status"}
HQ = ["XN10H0001A01", "XN10H0001A02"]
BRANCHES = ["XN30B0003A01", "XN30B0004A01"]


@pytest.fixture
def scc(emu_url):
    session = requests.Session()
    resp = session.post(emu_url + "/api/common/1.0/oauth/token",
                        data={"grant_type": "access_code", "assertion": "emulator-access-code"}, timeout=TIMEOUT)
    session.headers["Authorization"] = "Bearer " + resp.json()["access_token"]

    def call(method, path, **kwargs):
        return session.request(method, emu_url + BASE + path, timeout=TIMEOUT, **kwargs)
    return call


def submit(scc, **body):
    resp = scc("POST", "/jobs", json=body)
    assert resp.status_code == 201, resp.text
    return resp.json()


def job(scc, job_id):
    resp = scc("GET", "/jobs/items/%d" % job_id)
    assert resp.status_code == 200, resp.text
    return resp.json()


def test_submit_by_site_answers_queued_job(scc):
    before = time.time()
    body = submit(scc, feature_ids=[1, 3], site_ids=[1], backup=True)
    after = time.time()
    assert set(body) == JOB_KEYS | {"site_ids"}
    assert body["job_status"] == "Queued"
    assert body["feature_ids"] == [1, 3]
    assert body["site_ids"] == [1]
    assert body["backup"] is True
    assert body["push_time"] is None and body["completion_time"] is None and body["error_text"] is None
    assert isinstance(body["creation_time"], int) and int(before) <= body["creation_time"] <= after
    items = [(d["serialnum"], d["feature_id"], d["status"], d["result"]) for d in body["detailed_status"]]
    assert items == [(HQ[0], 1, "Pending", None), (HQ[0], 3, "Pending", None), (HQ[1], 1, "Pending", None), (HQ[1], 3, "Pending", None)]
    assert job(scc, body["id"])["site_ids"] == [1]


def test_submit_by_site_type_and_by_serial(scc):
    by_type = submit(scc, feature_ids=[2], site_type_ids=[3])
    assert [d["serialnum"] for d in by_type["detailed_status"]] == BRANCHES
    assert by_type["site_type_ids"] == [3] and "site_ids" not in by_type
    by_serial = submit(scc, feature_ids=[2, 4], appliance_serial_numbers=["XN20D0002A02"])
    assert [(d["serialnum"], d["feature_id"]) for d in by_serial["detailed_status"]] == [("XN20D0002A02", 2), ("XN20D0002A02", 4)]
    assert by_serial["backup"] is False
    assert by_serial["id"] == by_type["id"] + 1


@pytest.mark.parametrize("body", [
    {"site_ids": [1]},
    {"feature_ids": None, "site_ids": [1]},
    {"feature_ids": [], "site_ids": [1]},
    {"feature_ids": "1", "site_ids": [1]},
    {"feature_ids": ["1"], "site_ids": [1]},
    {"feature_ids": [True], "site_ids": [1]},
    {"feature_ids": [1.5], "site_ids": [1]},
    {"feature_ids": [99], "site_ids": [1]},
    {"feature_ids": [1, 6], "site_ids": [1]},
    {"feature_ids": [1]},
    {"feature_ids": [1], "site_ids": [1], "site_type_ids": [1]},
    {"feature_ids": [1], "site_ids": [1], "appliance_serial_numbers": [HQ[0]]},
    {"feature_ids": [1], "site_ids": []},
    {"feature_ids": [1], "appliance_serial_numbers": []},
    {"feature_ids": [1], "site_type_ids": []},
    {"feature_ids": [1], "site_ids": ["1"]},
    {"feature_ids": [1], "site_ids": [77]},
    {"feature_ids": [1], "site_type_ids": [77]},
    {"feature_ids": [1], "appliance_serial_numbers": ["NOSUCHSERIAL"]},
    {"feature_ids": [1], "appliance_serial_numbers": [5]},
    {"feature_ids": [1], "site_ids": [1], "backup": "yes"},
], ids=lambda body: ",".join("%s=%r" % kv for kv in sorted(body.items())))
def test_submit_validation(scc, body):
    resp = scc("POST", "/jobs", json=body)
    assert resp.status_code == 400, resp.text
    error = resp.json()
    assert error["error_id"] == "INVALID_PARAMETER"
    assert error["error_text"]
    assert scc("GET", "/jobs").json() == []


@pytest.mark.parametrize("data, headers", [
    ("not json", {"Content-Type": "application/json"}),
    ("", {}),
    ("[1, 2]", {"Content-Type": "application/json"}),
])
def test_submit_needs_a_json_object(scc, data, headers):
    resp = scc("POST", "/jobs", data=data, headers=headers)
    assert resp.status_code == 400
    assert resp.json()["error_id"] in ("INVALID_JSON", "INVALID_PARAMETER")


def test_job_moves_with_the_emulator_clock(scc, admin):
    """Driven by the emulator clock (moved by the test), not by the time this machine takes."""
    admin.switches(scc_push_script={"queued_seconds": 600, "running_seconds": 1200})
    created = submit(scc, feature_ids=[1], site_ids=[1])
    assert job(scc, created["id"])["job_status"] == "Queued"
    admin.advance_clock(600 + 300)  # within the token lifetime (3600 s)
    running = job(scc, created["id"])
    assert running["job_status"] == "InProgress"
    assert isinstance(running["push_time"], int) and running["completion_time"] is None
    assert [d["status"] for d in running["detailed_status"]] == ["Running", "Pending"]
    admin.advance_clock(1200)
    done = job(scc, created["id"])
    assert done["job_status"] == "Success"
    assert done["completion_time"] >= done["push_time"] >= done["creation_time"]
    assert [(d["status"], d["result"], d["error_text"]) for d in done["detailed_status"]] == [("Completed", "Success", None)] * 2


def test_items_run_one_after_another(scc, admin):
    admin.switches(scc_push_script={"queued_seconds": 10, "running_seconds": 40})
    created = submit(scc, feature_ids=[1, 2], site_ids=[1])
    admin.advance_clock(10 + 15)
    states = [d["status"] for d in job(scc, created["id"])["detailed_status"]]
    assert states == ["Completed", "Running", "Pending", "Pending"]
    admin.advance_clock(20)
    assert [d["status"] for d in job(scc, created["id"])["detailed_status"]] == ["Completed"] * 3 + ["Running"]


def test_scripted_failure_ends_failed(scc, admin):
    admin.switches(scc_push_script={"queued_seconds": 1, "running_seconds": 2,
                                    "failures": [{"serialnum": HQ[1], "feature_id": 3, "error_text": "DNS server unreachable"}]})
    created = submit(scc, feature_ids=[1, 3], site_ids=[1])
    admin.advance_clock(3.5)
    done = job(scc, created["id"])
    assert done["job_status"] == "Failed"
    assert done["error_text"] is None
    results = dict(((d["serialnum"], d["feature_id"]), (d["result"], d["error_text"])) for d in done["detailed_status"])
    assert results == {(HQ[0], 1): ("Success", None), (HQ[0], 3): ("Success", None),
                       (HQ[1], 1): ("Success", None), (HQ[1], 3): ("Fail", "DNS server unreachable")}


def test_failure_wildcards(scc, admin):
    admin.switches(scc_push_script={"queued_seconds": 0, "running_seconds": 0, "failures": [{"serialnum": BRANCHES[0]}]})
    created = submit(scc, feature_ids=[1, 2], site_type_ids=[3])
    done = job(scc, created["id"])
    assert done["job_status"] == "Failed"
    failed = sorted((d["serialnum"], d["feature_id"]) for d in done["detailed_status"] if d["result"] == "Fail")
    assert failed == [(BRANCHES[0], 1), (BRANCHES[0], 2)]
    assert all(d["error_text"] for d in done["detailed_status"] if d["result"] == "Fail")


def test_pre_push_error(scc, admin):
    admin.switches(scc_push_script={"queued_seconds": 1, "running_seconds": 5, "pre_push_error": "Backup failed on controller"})
    created = submit(scc, feature_ids=[2], site_ids=[2], backup=True)
    assert job(scc, created["id"])["job_status"] == "Queued"
    admin.advance_clock(1.5)
    done = job(scc, created["id"])
    assert done["job_status"] == "Failed"
    assert done["error_text"] == "Backup failed on controller"
    assert all(d["result"] == "Fail" for d in done["detailed_status"])


def test_script_is_fixed_when_the_job_is_submitted(scc, admin):
    admin.switches(scc_push_script={"queued_seconds": 0, "running_seconds": 0})
    created = submit(scc, feature_ids=[1], site_ids=[3])
    assert created["job_status"] == "Queued"
    assert [d["status"] for d in created["detailed_status"]] == ["Pending"]
    admin.switches(scc_push_script={"queued_seconds": 100, "running_seconds": 100, "failures": [{}]})
    assert job(scc, created["id"])["job_status"] == "Success"


def test_cancel_a_queued_job(scc, admin):
    admin.switches(scc_push_script={"queued_seconds": 5, "running_seconds": 5})
    created = submit(scc, feature_ids=[1], site_ids=[1])
    resp = scc("POST", "/jobs/items/%d/cancel" % created["id"])
    assert resp.status_code == 200
    canceled = resp.json()
    assert canceled["job_status"] == "Canceled"
    assert canceled["push_time"] is None
    assert isinstance(canceled["completion_time"], int)
    admin.advance_clock(20)
    assert job(scc, created["id"])["job_status"] == "Canceled"
    again = scc("POST", "/jobs/items/%d/cancel" % created["id"])
    assert again.status_code == 400
    assert again.json()["error_id"] == "INVALID_OPERATION"


def test_cancel_a_running_job_keeps_completed_items(scc, admin):
    admin.switches(scc_push_script={"queued_seconds": 1, "running_seconds": 4})
    created = submit(scc, feature_ids=[1, 2], site_ids=[1])
    admin.advance_clock(1 + 1.5)
    canceled = scc("POST", "/jobs/items/%d/cancel" % created["id"]).json()
    assert canceled["job_status"] == "Canceled"
    assert isinstance(canceled["push_time"], int)
    assert [(d["status"], d["result"]) for d in canceled["detailed_status"]] == [
        ("Completed", "Success"), ("Pending", None), ("Pending", None), ("Pending", None)]
    admin.advance_clock(10)
    assert job(scc, created["id"])["detailed_status"] == canceled["detailed_status"]


@pytest.mark.parametrize("script", [{"queued_seconds": 0, "running_seconds": 0},
                                    {"queued_seconds": 0, "running_seconds": 0, "failures": [{}]}])
def test_cancel_a_finished_job_is_400(scc, admin, script):
    admin.switches(scc_push_script=script)
    created = submit(scc, feature_ids=[1], site_ids=[1])
    resp = scc("POST", "/jobs/items/%d/cancel" % created["id"])
    assert resp.status_code == 400
    assert resp.json()["error_info"]["job_status"] in ("Success", "Failed")


def test_cancel_unknown_job_is_404(scc):
    resp = scc("POST", "/jobs/items/42/cancel")
    assert resp.status_code == 404
    assert resp.json()["error_id"] == "RESOURCE_NOT_FOUND"


def test_list_jobs_and_filters(scc, admin):
    now = int(time.time())
    admin.seed(scc_jobs=[
        {"feature_ids": [1], "site_ids": [1], "creation_time": now - 3000, "script": {"queued_seconds": 0, "running_seconds": 0}},
        {"feature_ids": [2, 3], "site_ids": [2], "creation_time": now - 2000,
         "script": {"queued_seconds": 0, "running_seconds": 0, "failures": [{}]}},
        {"feature_ids": [3], "site_type_ids": [3], "creation_time": now - 1000, "script": {"queued_seconds": 5000, "running_seconds": 1}},
    ])
    submitted = submit(scc, feature_ids=[1], appliance_serial_numbers=[HQ[0]])
    everything = scc("GET", "/jobs").json()
    assert isinstance(everything, list)
    assert [j["id"] for j in everything] == [1, 2, 3, submitted["id"]]
    assert [j["job_status"] for j in everything[:3]] == ["Success", "Failed", "Queued"]

    def ids(**params):
        resp = scc("GET", "/jobs", params=params)
        assert resp.status_code == 200, resp.text
        return [j["id"] for j in resp.json()]
    assert ids(job_status="Failed") == [2]
    assert ids(job_status="Success") == [1]
    assert ids(feature_id=3) == [2, 3]
    assert ids(feature_id=1) == [1, submitted["id"]]
    assert ids(after=now - 2000) == [2, 3, submitted["id"]]
    assert ids(before=now - 2000) == [1, 2]
    assert ids(after=now - 2500, before=now - 500) == [2, 3]
    assert ids(after=now - 2500, before=now - 500, feature_id=3, job_status="Queued") == [3]
    assert ids(job_status="Canceled") == []


@pytest.mark.parametrize("params", [{"job_status": "Done"}, {"feature_id": "x"}, {"after": "yesterday"}, {"before": "soon"}])
def test_bad_filters_are_400(scc, params):
    resp = scc("GET", "/jobs", params=params)
    assert resp.status_code == 400
    assert resp.json()["error_id"] == "INVALID_PARAMETER"


def test_job_reads_need_auth(emu_url):
    for method, path in (("GET", "/jobs"), ("POST", "/jobs"), ("GET", "/jobs/items/1"), ("POST", "/jobs/items/1/cancel"),
                         ("GET", "/features"), ("GET", "/features/items/1")):
        resp = requests.request(method, emu_url + BASE + path, timeout=TIMEOUT)
        assert resp.status_code == 401, (method, path)
        assert resp.json()["error_id"] == "AUTH_REQUIRED"
