"""The admin API: reset, seed, switches, faults (bookkeeping), log, clock."""

import pytest
import requests

POLICIES = "/ux/nccm/configuration_policies/"
LIST = POLICIES + "?items_per_page=500&page=1"


def test_index_lists_vendors_and_switches(admin):
    info = admin.call("GET", "/").json()
    assert "infraon" in info["vendors"]
    assert info["switches"]["infraon_list_shape"] == "array"


def test_seed_lists_and_raw_collection(admin, infraon):
    ids = admin.seed(infraon_policies=[{"policyid": "p1", "organization": "o"}, {"policyid": "p2", "organization": "o"}],
                     infraon_audit=[{"organization": "o", "dpassword": "s3cret"}])
    assert len(ids["infraon_policies"]) == 2 and len(ids["infraon_audit"]) == 1
    raw = admin.raw("infraon_audit")
    assert raw[0]["dpassword"] == "s3cret"
    assert raw[0]["id"] == ids["infraon_audit"][0]
    got = infraon.get(infraon.base + LIST, timeout=10).json()
    assert [p["policyid"] for p in got] == ["p1", "p2"]


def test_seed_generator_makes_1200_policies_in_one_request(admin, infraon):
    ids = admin.generate("infraon_policies", 1200, {"policyid": "pol-{n:04d}", "organization": "org", "processid": 7})
    assert len(ids) == 1200 and len(set(ids)) == 1200
    page3 = infraon.get(infraon.base + POLICIES, params={"items_per_page": 500, "page": 3}, timeout=10).json()
    assert len(page3) == 200
    assert page3[0]["policyid"] == "pol-1001" and page3[-1]["policyid"] == "pol-1200"
    assert page3[0]["processid"] == 7


def test_seed_keeps_given_ids_and_read_only_fields(admin, infraon):
    oid = "0123456789abcdef01234567"
    admin.seed(infraon_policies=[{"id": oid, "policyid": "p", "organization": "o", "status": "active",
                                  "creationtime": "2024-01-02T03:04:05Z"}])
    got = infraon.get(infraon.base + POLICIES + oid + "/", timeout=10).json()
    assert got["status"] == "active" and got["creationtime"] == "2024-01-02T03:04:05.000Z"


def test_seed_rejects_bad_bodies(admin):
    assert admin.call("POST", "/seed", ["x"], expect_ok=False).status_code == 400
    assert admin.call("POST", "/seed", {"infraon_policies": "x"}, expect_ok=False).status_code == 400
    assert admin.call("POST", "/seed", {"generate": {"count": 2}}, expect_ok=False).status_code == 400


def test_reset_all_restores_defaults(admin):
    admin.seed(infraon_policies=[{"policyid": "p", "organization": "o"}])
    admin.switches(infraon_list_shape="envelope")
    admin.fault(kind="status", status=500, path="^/nowhere")
    admin.reset()
    assert admin.raw("infraon_policies") == []
    assert admin.switches()["infraon_list_shape"] == "array"
    assert admin.faults() == []


def test_reset_one_vendor_keeps_faults_and_log(admin, infraon):
    admin.seed(infraon_policies=[{"policyid": "p", "organization": "o"}])
    admin.switches(infraon_list_shape="envelope")
    admin.fault(kind="status", status=500, path="^/nowhere")
    infraon.get(infraon.base + LIST, timeout=10)
    admin.reset("infraon")
    assert admin.raw("infraon_policies") == []
    assert admin.switches()["infraon_list_shape"] == "array"
    assert len(admin.faults()) == 1
    assert len(admin.log()) == 1
    assert admin.call("POST", "/reset", {"vendor": "nobody"}, expect_ok=False).status_code == 400


def test_switches_get_put_and_validation(admin):
    assert admin.switches()["infraon_max_page_size"] == 500
    assert admin.switches(infraon_max_page_size=50)["infraon_max_page_size"] == 50
    for bad in ({"no_such_switch": 1}, {"infraon_list_shape": "table"}, {"infraon_max_page_size": "many"},
                {"infraon_max_page_size": 2.5}, {"infraon_max_page_size": True}):
        assert admin.call("PUT", "/switches", bad, expect_ok=False).status_code == 400
    defaults = admin.call("GET", "/switches/defaults").json()
    assert defaults["defaults"]["infraon_max_page_size"] == 500
    assert "envelope" in defaults["choices"]["infraon_list_shape"]


def test_reset_then_switches_seed_and_faults_in_one_call(admin, infraon):
    admin.switches(infraon_list_shape="envelope")
    admin.seed(infraon_policies=[{"policyid": "old", "organization": "o"}])
    answer = admin.call("POST", "/reset", {
        "switches": {"infraon_policy_post_answer": "object"},
        "seed": {"infraon_policies": [{"policyid": "new", "organization": "o"}]},
        "faults": [{"kind": "status", "status": 503, "path": "^/nowhere"}],
    }).json()
    assert answer["reset"] == "all" and len(answer["ids"]["infraon_policies"]) == 1
    switches = admin.switches()
    assert switches["infraon_list_shape"] == "array", "reset first"
    assert switches["infraon_policy_post_answer"] == "object"
    assert [p["policyid"] for p in admin.raw("infraon_policies")] == ["new"]
    assert [(f["kind"], f["status"]) for f in admin.faults()] == [("status", 503)]
    assert admin.call("POST", "/reset", {"switches": {"nope": 1}}, expect_ok=False).status_code == 400


def test_faults_list_and_delete(admin):
    first = admin.fault(kind="429", path="^/a", count=2, retry_after=5)
    admin.fault(kind="delay", path="^/b", delay=0.01)
    assert first["kind"] == "429" and first["count"] == 2 and first["id"] >= 1
    assert len(admin.faults()) == 2
    assert admin.call("DELETE", "/faults/%d" % first["id"]).json()["deleted"] == 1
    assert [f["path"] for f in admin.faults()] == ["^/b"]
    assert admin.clear_faults()["deleted"] == 1
    assert admin.faults() == []


def test_faults_validation(admin):
    for bad in ({"kind": "explode"}, {"kind": "429", "path": "("}, {"kind": "429", "count": 0}):
        assert admin.call("POST", "/faults", bad, expect_ok=False).status_code == 400


def test_log_records_requests_without_body_values(admin, infraon):
    infraon.post(infraon.base + POLICIES, json={"policyid": "p", "organization": "o", "description": "top-secret"}, timeout=10)
    infraon.get(infraon.base + LIST + "&sort=policyid", timeout=10)
    entries = admin.log()
    assert [(e["method"], e["path"], e["status"]) for e in entries] == [("POST", POLICIES, 201), ("GET", POLICIES, 200)]
    assert entries[0]["body_keys"] == ["description", "organization", "policyid"]
    assert entries[1]["query"] == {"items_per_page": "500", "page": "1", "sort": "policyid"}
    assert "top-secret" not in admin.call("GET", "/log").text
    for entry in entries:
        assert set(entry) >= {"method", "path", "query", "status", "body_keys", "time"}


def test_log_filters_and_clear(admin, infraon):
    infraon.get(infraon.base + LIST, timeout=10)
    infraon.post(infraon.base + POLICIES, json={"policyid": "p", "organization": "o"}, timeout=10)
    infraon.delete(infraon.base + POLICIES + "0123456789abcdef01234567/", timeout=10)
    writes = admin.log(method="POST,PUT,DELETE")
    assert [e["method"] for e in writes] == ["POST", "DELETE"]
    assert admin.log(path="nowhere") == []
    last = admin.log()[-1]["seq"]
    assert admin.log(since=last) == []
    assert admin.clear_log()["deleted"] == 3
    assert admin.log() == []


def test_admin_calls_are_not_logged(admin):
    admin.switches()
    admin.faults()
    requests.get(admin.base + "/log", timeout=10)
    assert admin.log() == []


def test_unknown_paths_are_logged_as_404(admin, emu_url):
    assert requests.get(emu_url + "/no/such/path", timeout=10).status_code == 404
    assert admin.log()[0]["status"] == 404


def test_clock_advance(admin):
    before = admin.call("GET", "/clock").json()
    after = admin.advance_clock(3600)
    assert after["offset"] == before["offset"] + 3600
    assert after["clock"] >= before["clock"] + 3600
    assert admin.call("POST", "/clock", {"advance": "soon"}, expect_ok=False).status_code == 400


def test_log_wait_count_answers_once_the_request_was_answered(admin, infraon):
    """A request the client gave up on is logged when the emulator has answered it, its
    object stored: ?wait_count= waits for that entry (the event), not for time to pass."""
    admin.fault(kind="delay", delay=0.6, method="POST", path="configuration_policies")
    with pytest.raises(requests.exceptions.ReadTimeout):
        infraon.post(infraon.base + POLICIES, json={"policyid": "late", "organization": "o"}, timeout=0.1)
    entries = admin.log(method="POST", wait_count=1, timeout=8)
    assert [(e["method"], e["status"]) for e in entries] == [("POST", 201)]
    assert [p["policyid"] for p in admin.raw("infraon_policies")] == ["late"], "stored before it is logged"


def test_log_wait_count_gives_up_with_504_and_refuses_bad_values(admin, infraon):
    infraon.get(infraon.base + LIST, timeout=10)
    resp = admin.call("GET", "/log", params={"wait_count": 2, "timeout": 0}, expect_ok=False)
    assert resp.status_code == 504 and resp.json()["count"] == 1
    assert admin.log(wait_count=1, timeout=0)[0]["method"] == "GET"
    for bad in ({"wait_count": -1}, {"wait_count": "x"}, {"wait_count": 1, "timeout": 121}):
        assert admin.call("GET", "/log", params=bad, expect_ok=False).status_code == 400
