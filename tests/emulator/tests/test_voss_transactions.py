"""VOSS emulator: nowait writes and tool/Transaction (status over time, Fail, Completed, hrefs)."""


import pytest
import requests

BASE = "/api/relation/HcsAdminUserREL"
TX = "/api/tool/Transaction"
TIMEOUT = 10
BBB = "sys.hcs.CS-P.CS-NB.BBBCorp"
SECRET = "Tx-Secret-Pw-9"


@pytest.fixture
def voss(voss_caller):
    return voss_caller(BBB, TIMEOUT)


def user(name, **admin):
    body = {"username": name, "role": "CustomerAdminRole"}
    body.update(admin)
    return {"hcsUname": name, "AdminUser": body}


def names(voss):
    return [item["data"]["hcsUname"] for item in voss("GET", BASE + "/").json()["resources"]]


def submit(voss, method, path, body=None):
    resp = voss(method, path, params={"nowait": "true"}, json=body)
    assert resp.status_code == 202, resp.text
    answer = resp.json()
    assert set(answer) == {"href", "success", "transaction_id"}
    assert answer["success"] is True
    assert answer["href"] == "%s/%s" % (TX, answer["transaction_id"])
    return answer["transaction_id"]


def transaction(voss, tx_id):
    resp = voss("GET", "%s/%s/" % (TX, tx_id), hierarchy=None)
    assert resp.status_code == 200, resp.text
    return resp.json()


def test_nowait_create_with_the_emulator_clock(voss, admin):
    """Driven by the emulator clock (moved by the test), not by the time this machine takes."""
    admin.switches(voss_transaction_seconds=3600)
    tx_id = submit(voss, "POST", BASE + "/", user("dave", password=SECRET))
    queued = transaction(voss, tx_id)
    assert queued["pkid"] == tx_id
    assert queued["meta"]["model_type"] == "tool/Transaction"
    assert queued["data"]["status"] == "Queued"
    assert queued["data"]["resource"]["current_state"] is None
    assert names(voss) == []
    admin.advance_clock(1800)
    assert transaction(voss, tx_id)["data"]["status"] == "In Progress"
    assert names(voss) == []
    admin.advance_clock(1800)
    done = transaction(voss, tx_id)["data"]
    assert done["status"] == "Success"
    assert done["completed_time"] and done["started_time"] and done["submitted_time"]
    href = done["resource"]["after_transaction"]
    assert done["resource"]["current_state"] == href
    pkid = href.rstrip("/").split("/")[-1]
    assert href == "%s/%s" % (BASE, pkid)
    got = voss("GET", BASE + "/%s/" % pkid)
    assert got.status_code == 200
    assert got.json()["data"]["hcsUname"] == "dave"
    assert SECRET not in got.text and SECRET not in str(done)


def test_change_appears_exactly_when_the_transaction_ends(voss, admin):
    admin.switches(voss_transaction_seconds=30)
    tx_id = submit(voss, "POST", BASE + "/", user("erin"))
    admin.advance_clock(29)
    assert transaction(voss, tx_id)["data"]["status"] == "In Progress"
    assert names(voss) == []
    admin.advance_clock(2)
    assert names(voss) == ["erin"]
    assert transaction(voss, tx_id)["data"]["status"] == "Success"


def test_completed_as_final_word(voss, admin):
    admin.switches(voss_transaction_seconds=0, voss_final_status_word="Completed")
    tx_id = submit(voss, "POST", BASE + "/", user("frank"))
    assert transaction(voss, tx_id)["data"]["status"] == "Completed"
    assert names(voss) == ["frank"]


def test_bad_final_word_is_refused(admin):
    assert admin.call("PUT", "/switches", {"voss_final_status_word": "Done"}, expect_ok=False).status_code == 400


def test_forced_failure_of_the_next_transaction(voss, admin):
    admin.switches(voss_transaction_seconds=0, voss_fail_transactions=1, voss_fail_message="CUCM rejected the user")
    failed = submit(voss, "POST", BASE + "/", user("gina"))
    data = transaction(voss, failed)["data"]
    assert data["status"] == "Fail"
    assert data["message"] == "CUCM rejected the user"
    assert data["resource"]["after_transaction"] is None
    assert names(voss) == []
    assert admin.switches()["voss_fail_transactions"] == 0
    ok = submit(voss, "POST", BASE + "/", user("gina"))
    assert transaction(voss, ok)["data"]["status"] == "Success"
    assert names(voss) == ["gina"]


def test_conflict_found_when_applied_fails_the_transaction(voss, admin):
    admin.switches(voss_transaction_seconds=5)
    first = submit(voss, "POST", BASE + "/", user("hank"))
    second = submit(voss, "POST", BASE + "/", user("hank"))
    admin.advance_clock(6)
    assert transaction(voss, first)["data"]["status"] == "Success"
    data = transaction(voss, second)["data"]
    assert data["status"] == "Fail"
    assert "already exists" in data["message"]
    assert names(voss) == ["hank"]


def test_nowait_update_and_delete(voss, admin):
    admin.switches(voss_transaction_seconds=0)
    pkid = voss("POST", BASE + "/", json=user("ivy")).json()["pkid"]
    tx_id = submit(voss, "PUT", BASE + "/%s/" % pkid, user("ivy", first_name="Ivy"))
    data = transaction(voss, tx_id)["data"]
    assert data["status"] == "Success"
    assert data["resource"]["before_transaction"] == data["resource"]["after_transaction"] == "%s/%s" % (BASE, pkid)
    assert voss("GET", BASE + "/%s/" % pkid).json()["data"]["AdminUser"]["first_name"] == "Ivy"
    tx_id = submit(voss, "DELETE", BASE + "/%s/" % pkid)
    data = transaction(voss, tx_id)["data"]
    assert data["status"] == "Success"
    assert data["resource"]["before_transaction"] == "%s/%s" % (BASE, pkid)
    assert data["resource"]["current_state"] is None
    assert names(voss) == []


def test_nowait_bulk_delete(voss, admin):
    admin.switches(voss_transaction_seconds=0)
    pkids = [voss("POST", BASE + "/", json=user(name)).json()["pkid"] for name in ("j1", "j2", "j3")]
    tx_id = submit(voss, "DELETE", BASE + "/", {"hrefs": ["%s/%s" % (BASE, pkid) for pkid in pkids[:2]]})
    assert transaction(voss, tx_id)["data"]["status"] == "Success"
    assert names(voss) == ["j3"]


def test_update_of_a_user_deleted_meanwhile_fails(voss, admin):
    admin.switches(voss_transaction_seconds=5)
    pkid = voss("POST", BASE + "/", json=user("kim")).json()["pkid"]
    tx_id = submit(voss, "PUT", BASE + "/%s/" % pkid, user("kim", last_name="K"))
    assert voss("DELETE", BASE + "/%s/" % pkid).status_code == 200
    admin.advance_clock(6)
    data = transaction(voss, tx_id)["data"]
    assert data["status"] == "Fail"
    assert "not found" in data["message"]


def test_validation_errors_answer_at_once_even_with_nowait(voss, admin):
    resp = voss("POST", BASE + "/", params={"nowait": "true"}, json=user("x", password="short"))
    assert resp.status_code == 400
    assert "password" in resp.json()["message"]
    assert admin.raw("voss_transactions") == []


def test_slash_query_href_style(voss, admin):
    admin.switches(voss_transaction_seconds=0, voss_href_style="slash_query")
    tx_id = submit(voss, "POST", BASE + "/", user("leo"))
    href = transaction(voss, tx_id)["data"]["resource"]["after_transaction"]
    path, _sep, query = href.partition("?")
    assert path.endswith("/") and query.startswith("hierarchy=")
    pkid = path.rstrip("/").split("/")[-1]
    assert voss("GET", BASE + "/%s/" % pkid).status_code == 200


def test_poll_unknown_and_auth(voss, admin, emu_url):
    admin.switches(voss_transaction_seconds=0)
    tx_id = submit(voss, "POST", BASE + "/", user("mia"))
    poll = voss("GET", "%s/%s/poll/" % (TX, tx_id), hierarchy=None).json()
    assert poll == {tx_id: {"status": "Success", "href": "%s/%s" % (TX, tx_id), "description": "hcsUname: mia"}}
    assert voss("GET", "%s/%s" % (TX, tx_id), hierarchy=None).status_code == 200
    assert voss("GET", "%s/%s/" % (TX, tx_id), hierarchy=BBB).status_code == 200
    unknown = voss("GET", TX + "/no-such-transaction/", hierarchy=None)
    assert unknown.status_code == 404
    assert "no-such-transaction" in unknown.json()["message"]
    assert requests.get(emu_url + "%s/%s/" % (TX, tx_id), timeout=TIMEOUT).status_code == 401
