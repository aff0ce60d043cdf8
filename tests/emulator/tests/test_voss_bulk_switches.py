"""VOSS emulator (issue 25): the bulk delete's switches (refusal, a limit of hrefs, a partial
failure) and the export as a backup (refusal, the format in the body, no password)."""

import io
import json
import zipfile

import pytest

BASE = "/api/relation/HcsAdminUserREL"
TX = "/api/tool/Transaction"
TIMEOUT = 10
BBB = "sys.hcs.CS-P.CS-NB.BBBCorp"
SECRET = "Bulk-Secret-Pw-77"


@pytest.fixture
def voss(voss_caller):
    return voss_caller(BBB, TIMEOUT)


def make_users(voss, *names):
    return [voss("POST", BASE + "/", json={"hcsUname": name, "AdminUser": {
        "username": name, "role": "CustomerAdminRole", "password": SECRET}}).json()["pkid"] for name in names]


def hrefs(pkids):
    return {"hrefs": ["%s/%s" % (BASE, pkid) for pkid in pkids]}


def names(voss):
    return [item["data"]["hcsUname"] for item in voss("GET", BASE + "/").json()["resources"]]


def final(voss, answer):
    assert answer.status_code == 202, answer.text
    resp = voss("GET", "%s/%s/" % (TX, answer.json()["transaction_id"]), hierarchy=None)
    return resp.json()["data"]


def test_new_switches_are_listed_with_their_defaults(admin):
    listing = admin.call("GET", "/switches/defaults").json()
    assert listing["defaults"]["voss_bulk_delete_refuse"] == 0
    assert listing["choices"]["voss_bulk_delete_refuse"] == [0, 400, 405]
    assert listing["defaults"]["voss_bulk_max_hrefs"] == 0
    assert listing["defaults"]["voss_bulk_fail_users"] == []
    assert listing["choices"]["voss_export_refuse"] == [0, 400, 403, 405]
    for bad in ({"voss_bulk_delete_refuse": 404}, {"voss_bulk_fail_users": "ann"}, {"voss_export_refuse": 500}):
        assert admin.call("PUT", "/switches", bad, expect_ok=False).status_code == 400, bad


def test_bulk_delete_is_one_transaction(voss, admin):
    admin.switches(voss_transaction_seconds=0)
    pkids = make_users(voss, "b1", "b2", "b3")
    data = final(voss, voss("DELETE", BASE + "/", params={"nowait": "true"}, json=hrefs(pkids[:2])))
    assert data["status"] == "Success" and data["operation"] == "bulk_delete"
    assert names(voss) == ["b3"]
    assert len(admin.raw("voss_transactions")) == 1


@pytest.mark.parametrize("status", [400, 405])
def test_a_refused_bulk_delete_changes_nothing(voss, admin, status):
    pkids = make_users(voss, "r1", "r2")
    admin.switches(voss_bulk_delete_refuse=status)
    resp = voss("DELETE", BASE + "/", params={"nowait": "true"}, json=hrefs(pkids))
    assert resp.status_code == status
    assert "Bulk delete is not supported" in resp.json()["message"]
    assert names(voss) == ["r1", "r2"] and admin.raw("voss_transactions") == []
    assert voss("DELETE", BASE + "/%s/" % pkids[0]).status_code == 200, "one delete still works"


def test_more_hrefs_than_the_server_takes_answer_400(voss, admin):
    pkids = make_users(voss, "l1", "l2", "l3")
    admin.switches(voss_bulk_max_hrefs=2)
    resp = voss("DELETE", BASE + "/", params={"nowait": "true"}, json=hrefs(pkids))
    assert resp.status_code == 400 and "At most 2 hrefs per bulk request (got 3)" in resp.json()["message"]
    assert names(voss) == ["l1", "l2", "l3"]
    admin.switches(voss_transaction_seconds=0)
    assert final(voss, voss("DELETE", BASE + "/", params={"nowait": "true"}, json=hrefs(pkids[:2])))["status"] == "Success"


def test_a_partial_bulk_failure_names_the_failed_and_deletes_the_others(voss, admin):
    pkids = make_users(voss, "p1", "p2", "p3", "p4")
    admin.switches(voss_transaction_seconds=0, voss_bulk_fail_users=["p3", pkids[1]],
                   voss_fail_message="Device refused (emulated)")
    data = final(voss, voss("DELETE", BASE + "/", params={"nowait": "true"}, json=hrefs(pkids)))
    assert data["status"] == "Fail" and data["rolled_back"] is False
    assert data["message"] == ("Bulk delete: 2 of 4 instance(s) failed, the others were deleted: "
                               "hcsUname p2 (pkid %s): Device refused (emulated); "
                               "hcsUname p3 (pkid %s): Device refused (emulated)" % (pkids[1], pkids[2]))
    assert names(voss) == ["p2", "p3"]


def test_an_instance_gone_before_its_bulk_transaction_runs_fails_alone(voss, admin):
    """Another client deleted g2 after the bulk request was taken, before its transaction ran:
    the others are deleted, and the transaction fails naming g2 alone."""
    pkids = make_users(voss, "g1", "g2", "g3")
    admin.switches(voss_transaction_seconds=0, voss_queued_polls=1)
    answer = voss("DELETE", BASE + "/", params={"nowait": "true"}, json=hrefs(pkids))
    assert final(voss, answer)["status"] == "Queued"
    assert voss("DELETE", "%s/%s/" % (BASE, pkids[1])).status_code < 300
    data = final(voss, answer)
    assert data["status"] == "Fail"
    assert data["message"] == ("Bulk delete: 1 of 3 instance(s) failed, the others were deleted: "
                               "pkid %s: HcsAdminUserREL %s not found." % (pkids[1], pkids[1]))
    assert names(voss) == []


def test_a_partial_synchronous_bulk_failure_answers_400(voss, admin):
    pkids = make_users(voss, "s1", "s2")
    admin.switches(voss_bulk_fail_users=["s1"])
    resp = voss("DELETE", BASE + "/", json=hrefs(pkids))
    assert resp.status_code == 400 and "hcsUname s1 (pkid %s)" % pkids[0] in resp.json()["message"]
    assert names(voss) == ["s1"]


def unzip(resp):
    archive = zipfile.ZipFile(io.BytesIO(resp.content))
    return json.loads(archive.read(archive.namelist()[0]))


def test_export_format_in_the_body_and_no_password(voss):
    pkids = make_users(voss, "e1", "e2")
    resp = voss("POST", BASE + "/export/", json=dict(hrefs(pkids), export_format="json"))
    assert resp.status_code == 200 and resp.headers["Content-Type"] == "application/x-zip"
    doc = unzip(resp)
    assert [item["data"]["hcsUname"] for item in doc["instances"]] == ["e1", "e2"]
    assert all("password" not in item["data"]["AdminUser"] for item in doc["instances"])
    assert SECRET not in json.dumps(doc)
    xlsx = voss("POST", BASE + "/export/", json=dict(hrefs(pkids), export_format="xlsx"))
    assert xlsx.headers["Content-Type"].startswith("application/vnd.openxmlformats")


@pytest.mark.parametrize("status", [400, 403, 405])
def test_a_refused_export(voss, admin, status):
    make_users(voss, "x1")
    admin.switches(voss_export_refuse=status)
    resp = voss("POST", BASE + "/export/", json={"export_format": "json"})
    assert resp.status_code == status and "Export is not supported" in resp.json()["message"]
