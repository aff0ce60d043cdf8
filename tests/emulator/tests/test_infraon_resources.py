"""Infraon CRUD on both resources, the two extra policy calls, and options."""

import re
import time

import pytest

AUDIT = "/ux/nccm/jobs-account-audit/"
POLICIES = "/ux/nccm/configuration_policies/"
MISSING = "0123456789abcdef01234567"
OBJECT_ID = re.compile(r"^[0-9a-f]{24}$")
MILLIS = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")

AUDIT_BODY = {"organization": "org1", "job_id": "j1", "ipaddress": "10.0.0.1", "device_account": "admin",
              "dpassword": "pw", "denable_password": "en", "connection_protocol": "ssh",
              "last_update_time": "2025-08-31T03:41:36.327Z"}
POLICY_BODY = {"policyid": "POL-1", "organization": "org1", "name": "Baseline", "description": "d",
               "associated_rule_groups": ["rg1"], "policy_schedule": {"every": "day"}, "is_deleted": False}


def url(session, path):
    return session.base + path


def create(session, path, body):
    resp = session.post(url(session, path), json=body, timeout=10)
    assert resp.status_code == 201, resp.text
    return resp


def only(session, path):
    items = session.get(url(session, path), params={"items_per_page": 100, "page": 1}, timeout=10).json()
    assert len(items) == 1
    return items[0]


def test_audit_create_answers_the_object(infraon):
    got = create(infraon, AUDIT, AUDIT_BODY).json()
    assert OBJECT_ID.match(got["id"])
    assert MILLIS.match(got["creationtime"])
    assert got["organization"] == "org1" and got["dpassword"] == "pw"
    assert got["last_update_time"] == "2025-08-31T03:41:36.327Z"
    assert got["agent_id"] is None and got["error"] is None
    assert list(got)[:6] == ["id", "creationtime", "agent_id", "connection_status", "failure_message", "organization"]


def test_audit_get_put_delete(infraon):
    oid = create(infraon, AUDIT, AUDIT_BODY).json()["id"]
    assert infraon.get(url(infraon, AUDIT + oid + "/"), timeout=10).json()["job_id"] == "j1"
    resp = infraon.put(url(infraon, AUDIT + oid + "/"), json={"organization": "org2", "job_name": "nightly"}, timeout=10)
    assert resp.status_code == 200
    got = resp.json()
    assert got["id"] == oid and got["organization"] == "org2" and got["job_name"] == "nightly"
    assert got["job_id"] is None, "PUT replaces: omitted fields are reset"
    assert got["dpassword"] == "pw", "an omitted write-only secret keeps its stored value"
    resp = infraon.delete(url(infraon, AUDIT + oid + "/"), timeout=10)
    assert resp.status_code == 204 and resp.content == b""
    assert infraon.get(url(infraon, AUDIT + oid + "/"), timeout=10).status_code == 404


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
@pytest.mark.parametrize("path", [AUDIT, POLICIES])
@pytest.mark.parametrize("oid", [MISSING, "not-an-object-id"])
def test_unknown_id_is_404(infraon, method, path, oid):
    resp = infraon.request(method, url(infraon, path + oid + "/"), json={"policyid": "p", "organization": "o"}, timeout=10)
    assert resp.status_code == 404
    assert resp.json() == {"detail": "Not found."}


def test_policy_create_answers_nothing_by_default(infraon):
    resp = create(infraon, POLICIES, POLICY_BODY)
    assert resp.content == b""
    got = only(infraon, POLICIES)
    assert got["policyid"] == "POL-1" and got["processid"] == 1
    assert got["associated_rule_groups"] == ["rg1"] and got["policy_schedule"] == {"every": "day"}
    assert got["assigned_users"] == [] and got["is_deleted"] is False
    assert MILLIS.match(got["creationtime"]) and got["last_update_time"] is None


@pytest.mark.parametrize("path,body,switch", [(AUDIT, AUDIT_BODY, "infraon_audit_post_answer"),
                                              (POLICIES, POLICY_BODY, "infraon_policy_post_answer")])
def test_post_answer_switch(infraon, admin, path, body, switch):
    admin.switches(**{switch: "object"})
    obj = create(infraon, path, body).json()
    assert OBJECT_ID.match(obj["id"]) and obj["organization"] == "org1"
    admin.switches(**{switch: "empty"})
    assert create(infraon, path, body).content == b""
    admin.switches(**{switch: "status_id"})
    answer = create(infraon, path, body).json()
    assert answer["status"] == "success" and OBJECT_ID.match(answer["id"])
    assert infraon.get(url(infraon, path + answer["id"] + "/"), timeout=10).status_code == 200


def test_policy_put_sets_last_update_time_and_keeps_read_only(infraon, admin):
    oid = admin.seed(infraon_policies=[dict(POLICY_BODY, status="active", creationtime="2024-01-01T00:00:00Z")])["infraon_policies"][0]
    body = {"policyid": "POL-1", "organization": "org1", "processid": "3", "id": "ffffffffffffffffffffffff",
            "status": "hacked", "creationtime": "2020-01-01T00:00:00Z", "unknown_key": 1}
    got = infraon.put(url(infraon, POLICIES + oid + "/"), json=body, timeout=10).json()
    assert got["id"] == oid and got["status"] == "active"
    assert got["creationtime"] == "2024-01-01T00:00:00.000Z"
    assert MILLIS.match(got["last_update_time"])
    assert got["processid"] == 3
    assert got["name"] is None and got["associated_rule_groups"] == [] and got["policy_schedule"] == {}
    assert "unknown_key" not in got


def test_read_only_fields_in_a_post_are_ignored(infraon, admin):
    admin.switches(infraon_audit_post_answer="object")
    got = create(infraon, AUDIT, dict(AUDIT_BODY, id="ffffffffffffffffffffffff", agent_id="a1",
                                      creationtime="2000-01-01T00:00:00Z")).json()
    assert got["id"] != "ffffffffffffffffffffffff" and got["agent_id"] is None
    assert not got["creationtime"].startswith("2000")


def test_put_requires_the_required_fields(infraon):
    oid = create(infraon, AUDIT, AUDIT_BODY).json()["id"]
    resp = infraon.put(url(infraon, AUDIT + oid + "/"), json={"job_id": "x"}, timeout=10)
    assert resp.status_code == 400 and resp.json() == {"organization": ["This field is required."]}


def test_creationtime_is_the_server_clock(infraon, admin):
    create(infraon, POLICIES, POLICY_BODY)
    first = only(infraon, POLICIES)["creationtime"]
    assert first[:4] == time.strftime("%Y", time.gmtime())


def test_policyid_uniqueness_is_not_enforced(infraon):
    create(infraon, POLICIES, POLICY_BODY)
    create(infraon, POLICIES, POLICY_BODY)
    items = infraon.get(url(infraon, POLICIES), params={"items_per_page": 10, "page": 1}, timeout=10).json()
    assert [p["policyid"] for p in items] == ["POL-1", "POL-1"]
    assert items[0]["id"] != items[1]["id"]


def test_bulk_operation_creates_then_updates_by_policyid(infraon):
    resp = infraon.post(url(infraon, POLICIES + "bulk-opration/"), json=POLICY_BODY, timeout=10)
    assert resp.status_code == 200
    created = resp.json()
    assert created["policyid"] == "POL-1" and OBJECT_ID.match(created["id"])
    resp = infraon.post(url(infraon, POLICIES + "bulk-opration/"), json=dict(POLICY_BODY, name="Renamed"), timeout=10)
    updated = resp.json()
    assert updated["id"] == created["id"] and updated["name"] == "Renamed"
    assert only(infraon, POLICIES)["name"] == "Renamed"
    bad = infraon.post(url(infraon, POLICIES + "bulk-opration/"), json={"name": "x"}, timeout=10)
    assert bad.status_code == 400 and set(bad.json()) == {"policyid", "organization"}


def test_multi_delete(infraon, admin):
    ids = admin.generate("infraon_policies", 3, {"policyid": "P{n}", "organization": "o"})
    resp = infraon.post(url(infraon, POLICIES + "multi-delete/"), json={"ids": ids[:2] + [MISSING]}, timeout=10)
    assert resp.status_code == 200
    assert resp.json()["id"] == ids[0] and "policyid" in resp.json()
    assert only(infraon, POLICIES)["id"] == ids[2]
    none = infraon.post(url(infraon, POLICIES + "multi-delete/"), json={"ids": [MISSING]}, timeout=10)
    assert none.status_code == 200 and "policyid" in none.json()
    assert infraon.post(url(infraon, POLICIES + "multi-delete/"), json={}, timeout=10).json() == {"ids": ["This field is required."]}
    assert infraon.post(url(infraon, POLICIES + "multi-delete/"), json={"ids": "x"}, timeout=10).status_code == 400


@pytest.mark.parametrize("path,keys", [(AUDIT, ("organization", "dpassword", "uofw")),
                                       (POLICIES, ("policyid", "processid", "policy_schedule", "is_deleted"))])
def test_options(infraon, path, keys):
    got = infraon.get(url(infraon, path + "options/"), timeout=10).json()
    assert "id" in got
    for key in keys:
        assert key in got
    if path == POLICIES:
        assert got["processid"] == 1


def test_bad_json_body(infraon):
    resp = infraon.post(url(infraon, POLICIES), data="{not json", headers={"Content-Type": "application/json"}, timeout=10)
    assert resp.status_code == 400 and resp.json()["detail"].startswith("JSON parse error")
    resp = infraon.post(url(infraon, POLICIES), json=["a"], timeout=10)
    assert resp.status_code == 400 and "non_field_errors" in resp.json()


def test_unsupported_method_is_405(infraon):
    resp = infraon.patch(url(infraon, POLICIES), json={}, timeout=10)
    assert resp.status_code == 405 and resp.json() == {"detail": 'Method "PATCH" not allowed.'}
