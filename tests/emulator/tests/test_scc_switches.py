"""SteelCentral emulator: the switches of the job answers' shape, token revocation, HTML fault pages."""

import pytest
import requests

BASE = "/api/cmc.configurator/1.0"
TOKEN = "/api/common/1.0/oauth/token"
TIMEOUT = 10
CAMEL = ["Queued", "InProgress", "Success", "Failed", "Canceled"]
UPPER = ["QUEUED", "IN_PROGRESS", "SUCCESS", "FAILED", "CANCELED"]
NEW_SWITCHES = {
    "scc_job_status_spelling": ("camel", ["camel", "upper"]),
    "scc_job_optional_keys": ("null", ["null", "absent"]),
    "scc_job_unused_targets": ("absent", ["absent", "null", "empty"]),
    "scc_job_create_status": (201, [201, 200]),
}


def new_token(emu_url):
    resp = requests.post(emu_url + TOKEN, data={"grant_type": "access_code", "assertion": "emulator-access-code"},
                         timeout=TIMEOUT)
    assert resp.status_code == 200, resp.text
    return resp.json()["access_token"]


@pytest.fixture
def scc(emu_url):
    session = requests.Session()
    session.headers["Authorization"] = "Bearer " + new_token(emu_url)

    def call(method, path, **kwargs):
        return session.request(method, emu_url + BASE + path, timeout=TIMEOUT, **kwargs)
    return call


def ok(resp, status=200):
    assert resp.status_code == status, resp.text
    return resp.json()


def submit(scc, status=201, **body):
    return ok(scc("POST", "/jobs", json=body), status)


def get_job(scc, job_id):
    return ok(scc("GET", "/jobs/items/%d" % job_id))


def listed_ids(scc, **params):
    return [job["id"] for job in ok(scc("GET", "/jobs", params=params))]


def test_new_switches_are_listed_with_their_defaults(admin):
    listing = admin.call("GET", "/switches/defaults").json()
    current = admin.switches()
    for name, (default, choices) in NEW_SWITCHES.items():
        assert listing["defaults"][name] == default
        assert listing["choices"][name] == choices
        assert current[name] == default
    for name, (default, choices) in NEW_SWITCHES.items():
        bad = "no-such-value" if isinstance(default, int) else 202
        assert admin.call("PUT", "/switches", {name: bad}, expect_ok=False).status_code == 400


def _jobs_in_every_status(scc, admin):
    """Five jobs that end Queued, InProgress, Success, Failed and Canceled (in that order)."""
    admin.switches(scc_push_script={"queued_seconds": 1000, "running_seconds": 10})
    queued = submit(scc, feature_ids=[1], site_ids=[3])
    admin.switches(scc_push_script={"queued_seconds": 0, "running_seconds": 1000})
    running = submit(scc, feature_ids=[1], site_ids=[3])
    admin.switches(scc_push_script={"queued_seconds": 0, "running_seconds": 0})
    success = submit(scc, feature_ids=[1], site_ids=[3])
    admin.switches(scc_push_script={"queued_seconds": 0, "running_seconds": 0, "failures": [{}]})
    failed = submit(scc, feature_ids=[1], site_ids=[3])
    admin.switches(scc_push_script={"queued_seconds": 1000, "running_seconds": 10})
    canceled = submit(scc, feature_ids=[1], site_ids=[3])
    ok(scc("POST", "/jobs/items/%d/cancel" % canceled["id"]))
    return [queued, running, success, failed, canceled]


@pytest.mark.parametrize("spelling, words", [(None, CAMEL), ("camel", CAMEL), ("upper", UPPER)])
def test_status_spelling_in_every_job_answer(scc, admin, spelling, words):
    if spelling:
        admin.switches(scc_job_status_spelling=spelling)
    jobs = _jobs_in_every_status(scc, admin)
    assert jobs[0]["job_status"] == words[0], "the POST answer"
    assert [get_job(scc, job["id"])["job_status"] for job in jobs] == words
    assert [job["job_status"] for job in ok(scc("GET", "/jobs"))] == words
    assert ok(scc("POST", "/jobs/items/%d/cancel" % jobs[0]["id"]))["job_status"] == words[4]
    refused = scc("POST", "/jobs/items/%d/cancel" % jobs[2]["id"])
    assert refused.status_code == 400 and refused.json()["error_info"]["job_status"] == words[2]
    items = get_job(scc, jobs[2]["id"])["detailed_status"]
    assert [(item["status"], item["result"]) for item in items] == [("Completed", "Success")], "items keep their words"


@pytest.mark.parametrize("spelling", ["camel", "upper"])
def test_job_status_filter_accepts_either_spelling(scc, admin, spelling):
    admin.switches(scc_job_status_spelling=spelling)
    jobs = _jobs_in_every_status(scc, admin)
    ids = [job["id"] for job in jobs]
    for index in range(5):
        assert listed_ids(scc, job_status=CAMEL[index]) == [ids[index]]
        assert listed_ids(scc, job_status=UPPER[index]) == [ids[index]]
    for bad in ("Done", "in_progress", "IN PROGRESS", ""):
        resp = scc("GET", "/jobs", params={"job_status": bad})
        assert resp.status_code == 400 and resp.json()["error_id"] == "INVALID_PARAMETER", bad


def test_optional_keys_null_by_default(scc, admin):
    assert admin.switches()["scc_job_optional_keys"] == "null"
    created = submit(scc, feature_ids=[1], site_ids=[1])
    for key in ("push_time", "completion_time", "error_text"):
        assert key in created and created[key] is None
    assert get_job(scc, created["id"])["error_text"] is None


def test_optional_keys_absent(scc, admin):
    admin.switches(scc_job_optional_keys="absent", scc_push_script={"queued_seconds": 10, "running_seconds": 10})
    created = submit(scc, feature_ids=[1], site_ids=[1])
    assert not set(created) & {"push_time", "completion_time", "error_text"}
    assert len(created["detailed_status"]) == 2
    admin.advance_clock(15)
    running = get_job(scc, created["id"])
    assert isinstance(running["push_time"], int)
    assert "completion_time" not in running and "error_text" not in running
    admin.advance_clock(10)
    done = get_job(scc, created["id"])
    assert done["job_status"] == "Success"
    assert isinstance(done["completion_time"], int) and "error_text" not in done
    assert [job.get("error_text", "absent") for job in ok(scc("GET", "/jobs"))] == ["absent"]
    admin.switches(scc_push_script={"queued_seconds": 0, "running_seconds": 5, "pre_push_error": "Backup failed"})
    failed = get_job(scc, submit(scc, feature_ids=[1], site_ids=[1])["id"])
    assert failed["error_text"] == "Backup failed", "a value is always shown"


def test_empty_detailed_status_is_absent_or_an_empty_list(scc, admin):
    site = admin.seed(scc_sites=[{"name": "Branch-Empty", "site_type_id": 3}])["scc_sites"][0]
    created = submit(scc, feature_ids=[1], site_ids=[site])
    assert created["detailed_status"] == []
    admin.switches(scc_job_optional_keys="absent")
    assert "detailed_status" not in get_job(scc, created["id"])


@pytest.mark.parametrize("setting, expected", [(None, "absent"), ("absent", "absent"), ("null", None), ("empty", [])])
def test_unused_target_arrays(scc, admin, setting, expected):
    if setting:
        admin.switches(scc_job_unused_targets=setting)
    by_type = submit(scc, feature_ids=[1], site_type_ids=[3])
    by_site = submit(scc, feature_ids=[1], site_ids=[1])
    by_serial = submit(scc, feature_ids=[1], appliance_serial_numbers=["XN10H0001A01"])
    answers = [(by_type, "site_type_ids", [3]), (by_site, "site_ids", [1]), (by_serial, "appliance_serial_numbers", ["XN10H0001A01"])]
    for answer, used, value in answers:
        for shown in (answer, get_job(scc, answer["id"])):
            assert shown[used] == value
            for other in {"site_ids", "appliance_serial_numbers", "site_type_ids"} - {used}:
                assert shown.get(other, "absent") == expected, (used, other)
    listed = ok(scc("GET", "/jobs"))
    assert [job.get("site_ids", "absent") for job in listed] == [expected, [1], expected]


@pytest.mark.parametrize("setting, status", [(None, 201), (201, 201), (200, 200)])
def test_job_creation_status(scc, admin, setting, status):
    if setting:
        admin.switches(scc_job_create_status=setting)
    resp = scc("POST", "/jobs", json={"feature_ids": [2], "site_ids": [2]})
    assert resp.status_code == status
    body = resp.json()
    assert body["job_status"] == "Queued"
    assert resp.headers["Location"] == "%s/jobs/items/%d" % (BASE, body["id"])
    assert scc("POST", "/jobs", json={"feature_ids": [6], "site_ids": [2]}).status_code == 400


def test_revoke_tokens_now(emu_url, admin):
    first, second = new_token(emu_url), new_token(emu_url)

    def features(token):
        return requests.get(emu_url + BASE + "/features", headers={"Authorization": "Bearer " + token}, timeout=TIMEOUT)
    assert features(first).status_code == 200 and features(second).status_code == 200
    admin.clear_log()
    assert admin.call("POST", "/scc/revoke-tokens").json() == {"revoked": 2}
    assert admin.log() == [], "the admin action is not logged"
    for token in (first, second):
        resp = features(token)
        assert resp.status_code == 401
        assert resp.json()["error_id"] == "AUTH_INVALID_TOKEN", "revoked, not expired"
        assert resp.headers["WWW-Authenticate"].startswith("Bearer")
    admin.advance_clock(3600 * 48)
    assert features(first).status_code == 401
    fresh = new_token(emu_url)
    assert features(fresh).status_code == 200, "a token issued afterwards works"
    assert requests.get(emu_url + BASE + "/features", auth=("admin", "emulator-password"), timeout=TIMEOUT).status_code == 200
    assert admin.call("POST", "/scc/revoke-tokens").json() == {"revoked": 1}
    assert features(fresh).status_code == 401
    assert admin.call("POST", "/scc/revoke-tokens").json() == {"revoked": 0}


def test_reset_forgets_tokens_and_switches(emu_url, admin):
    token = new_token(emu_url)
    admin.switches(scc_job_status_spelling="upper", scc_job_create_status=200)
    admin.reset("scc")
    assert admin.switches()["scc_job_status_spelling"] == "camel"
    assert admin.switches()["scc_job_create_status"] == 201
    resp = requests.get(emu_url + BASE + "/features", headers={"Authorization": "Bearer " + token}, timeout=TIMEOUT)
    assert resp.status_code == 401


@pytest.mark.parametrize("status, title", [(502, "502 Bad Gateway"), (503, "503 Service Unavailable"),
                                           (504, "504 Gateway Timeout"), (500, "500 Internal Server Error")])
def test_html_body_on_an_injected_5xx(scc, admin, status, title):
    admin.fault(kind="status", status=status, path="^/api/cmc\\.configurator/", body="html")
    resp = scc("GET", "/features")
    assert resp.status_code == status
    assert resp.headers["Content-Type"].startswith("text/html")
    text = resp.text
    assert text.lstrip().startswith("<html>") and text.rstrip().endswith("</html>")
    assert "<title>%s</title>" % title in text
    with pytest.raises(ValueError):
        resp.json()
    assert scc("GET", "/features").status_code == 200
    assert admin.log()[-2]["status"] == status


def test_json_body_stays_the_default_for_faults(scc, admin):
    fault = admin.fault(kind="status", status=502, path="features", msg="upstream gone")
    assert fault["body"] == "json"
    resp = scc("GET", "/features")
    assert resp.status_code == 502 and resp.json() == {"error": "upstream gone"}
    assert resp.headers["Content-Type"].startswith("application/json")
    admin.fault(kind="status", status=502, path="features", body="json")
    assert scc("GET", "/features").json() == {"error": "Emulated failure."}


def test_html_body_on_429_keeps_retry_after(scc, admin):
    admin.fault(kind="429", path="features", retry_after=2, body="html")
    resp = scc("GET", "/features")
    assert resp.status_code == 429 and resp.headers["Retry-After"] == "2"
    assert resp.headers["Content-Type"].startswith("text/html") and "429 Too Many Requests" in resp.text


@pytest.mark.parametrize("spec", [{"kind": "status", "body": "xml"}, {"kind": "drop", "body": "html"},
                                  {"kind": "status_error", "body": "html"}, {"kind": "delay", "body": "html"}])
def test_bad_fault_body_is_400(admin, spec):
    resp = admin.call("POST", "/faults", spec, expect_ok=False)
    assert resp.status_code == 400 and "body" in resp.json()["error"]
    assert admin.faults() == []
