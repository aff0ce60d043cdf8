"""VOSS emulator: switches for synchronous nowait writes, transaction messages, error bodies,
list limits, list scope and the intermediate transaction states counted in polls."""

import pytest

BASE = "/api/relation/HcsAdminUserREL"
TX = "/api/tool/Transaction"
TIMEOUT = 10
CSNB = "sys.hcs.CS-P.CS-NB"
AAA = "sys.hcs.CS-P.CS-NB.AAAGlobal"
BBB = "sys.hcs.CS-P.CS-NB.BBBCorp"
NEW_SWITCHES = {
    "voss_nowait": ("transaction", ["transaction", "sync"]),
    "voss_sync_create_status": (200, [200, 201]),
    "voss_tx_message_key": ("message", ["message", "error"]),
    "voss_error_key": ("message", ["message", "error", "detail", "errors"]),
    "voss_maximum_limit": (2000, None),
    "voss_default_limit": (50, None),
    "voss_list_scope": ("subtree", ["subtree", "node"]),
    "voss_queued_polls": (0, None),
    "voss_in_progress_polls": (0, None),
}


@pytest.fixture
def voss(voss_caller):
    return voss_caller(BBB, TIMEOUT)


def user(name, **admin):
    body = {"username": name, "role": "CustomerAdminRole"}
    body.update(admin)
    return {"hcsUname": name, "AdminUser": body}


def names(voss, hierarchy=BBB, **params):
    resp = voss("GET", BASE + "/", hierarchy=hierarchy, params=params)
    assert resp.status_code == 200, resp.text
    return [item["data"]["hcsUname"] for item in resp.json()["resources"]]


def submit(voss, method, path, body=None):
    resp = voss(method, path, params={"nowait": "true"}, json=body)
    assert resp.status_code == 202, resp.text
    return resp.json()["transaction_id"]


def tx_status(voss, tx_id, poll=False):
    if poll:
        resp = voss("GET", "%s/%s/poll/" % (TX, tx_id), hierarchy=None)
        assert resp.status_code == 200, resp.text
        return resp.json()[tx_id]["status"]
    resp = voss("GET", "%s/%s/" % (TX, tx_id), hierarchy=None)
    assert resp.status_code == 200, resp.text
    return resp.json()["data"]["status"]


def test_new_switches_are_listed_with_their_defaults(admin):
    listing = admin.call("GET", "/switches/defaults").json()
    current = admin.switches()
    for name, (default, choices) in NEW_SWITCHES.items():
        assert listing["defaults"][name] == default, name
        assert listing["choices"].get(name) == choices, name
        assert current[name] == default, name
    for bad in ({"voss_nowait": "async"}, {"voss_sync_create_status": 202}, {"voss_tx_message_key": "detail"},
                {"voss_error_key": "msg"}, {"voss_list_scope": "local"}, {"voss_maximum_limit": "100"},
                {"voss_queued_polls": 1.5}):
        assert admin.call("PUT", "/switches", bad, expect_ok=False).status_code == 400, bad


# ---- 7: synchronous answers despite nowait=true ---------------------------------

def test_nowait_gives_a_transaction_by_default(voss, admin):
    assert admin.switches()["voss_nowait"] == "transaction"
    submit(voss, "POST", BASE + "/", user("ann"))
    assert len(admin.raw("voss_transactions")) == 1


@pytest.mark.parametrize("create_status", [None, 200, 201])
def test_nowait_answered_synchronously(voss, admin, create_status):
    admin.switches(voss_nowait="sync", voss_transaction_seconds=30)
    if create_status:
        admin.switches(voss_sync_create_status=create_status)
    expected = create_status or 200
    created = voss("POST", BASE + "/", params={"nowait": "true"}, json=user("bob"))
    assert created.status_code == expected, created.text
    body = created.json()
    assert set(body) == {"pkid", "model_type", "meta", "success"}
    assert body["success"] is True and body["model_type"] == "relation/HcsAdminUserREL"
    assert names(voss) == ["bob"], "applied at once"
    pkid = body["pkid"]
    updated = voss("PUT", BASE + "/%s/" % pkid, params={"nowait": "true"}, json=user("bob", first_name="Bob"))
    assert updated.status_code == 200 and updated.json()["pkid"] == pkid
    assert voss("GET", BASE + "/%s/" % pkid).json()["data"]["AdminUser"]["first_name"] == "Bob"
    clash = voss("POST", BASE + "/", params={"nowait": "true"}, json=user("bob"))
    assert clash.status_code == 409
    deleted = voss("DELETE", BASE + "/%s/" % pkid, params={"nowait": "true"})
    assert deleted.status_code == 200 and deleted.json()["success"] is True
    assert names(voss) == []
    pkids = [voss("POST", BASE + "/", json=user(name)).json()["pkid"] for name in ("c1", "c2")]
    bulk = voss("DELETE", BASE + "/", params={"nowait": "true"}, json={"hrefs": ["%s/%s" % (BASE, p) for p in pkids]})
    assert bulk.status_code == 200 and bulk.json()["pkids"] == pkids
    assert admin.raw("voss_transactions") == []


def test_sync_create_status_applies_without_nowait_too(voss, admin):
    admin.switches(voss_sync_create_status=201)
    created = voss("POST", BASE + "/", json=user("dan"))
    assert created.status_code == 201
    assert voss("PUT", BASE + "/%s/" % created.json()["pkid"], json=user("dan")).status_code == 200
    submit(voss, "POST", BASE + "/", user("dee"))


# ---- 8: a failed transaction's message -------------------------------------------

@pytest.mark.parametrize("key", [None, "message", "error"])
def test_failed_transaction_message_key(voss, admin, key):
    admin.switches(voss_transaction_seconds=0, voss_fail_transactions=1, voss_fail_message="CUCM said no")
    if key:
        admin.switches(voss_tx_message_key=key)
    tx_id = submit(voss, "POST", BASE + "/", user("eve"))
    data = voss("GET", "%s/%s/" % (TX, tx_id), hierarchy=None).json()["data"]
    assert data["status"] == "Fail"
    if key == "error":
        assert data["error"] == "CUCM said no"
        assert data["message"] is None and data["detail"] is None
    else:
        assert data["message"] == "CUCM said no" and data["detail"] == "CUCM said no"
        assert "error" not in data
    good = submit(voss, "POST", BASE + "/", user("eve"))
    data = voss("GET", "%s/%s/" % (TX, good), hierarchy=None).json()["data"]
    assert data["status"] == "Success" and data["message"] is None and data.get("error") is None


# ---- 9: error bodies --------------------------------------------------------------

@pytest.mark.parametrize("key", [None, "message", "error", "detail", "errors"])
def test_error_body_key(voss, admin, emu_url, key):
    if key:
        admin.switches(voss_error_key=key)
    key = key or "message"
    cases = [
        (voss("POST", BASE + "/", json=user("x", password="short")), 400, "password", "AdminUser.password"),
        (voss("GET", BASE + "/000000000000000000000000/"), 404, "not found", None),
        (voss("GET", BASE + "/", hierarchy="sys.nowhere"), 404, "sys.nowhere", "hierarchy"),
        (voss("GET", "/api/relation/HcsAdminUserREL/x/y/z"), 404, "Not found", None),
        (voss("PATCH", BASE + "/"), 405, "PATCH", None),
        (voss("GET", BASE + "/", hierarchy=None, auth=("hcsadmin@sys.hcs", "wrong")), 401, "Authentication", None),
    ]
    voss("POST", BASE + "/", json=user("dup"))
    cases.append((voss("POST", BASE + "/", json=user("dup")), 409, "already exists", "hcsUname"))
    for resp, status, text, field in cases:
        assert resp.status_code == status, resp.text
        body = resp.json()
        assert body["success"] is False and body["http_code"] == status
        others = {"message", "error", "detail", "errors"} - {key}
        assert not others & set(body), body
        if key == "errors":
            assert isinstance(body["errors"], list) and len(body["errors"]) == 1
            item = body["errors"][0]
            assert text in item["message"]
            assert item.get("field") == field
            assert "field" not in body
        else:
            assert isinstance(body[key], str) and text in body[key]
            assert body.get("field") == field


# ---- 10: maximum_limit and the default limit --------------------------------------

def test_limits_default(voss, admin):
    admin.generate("voss_users", 60, {"hierarchy": BBB, "hcsUname": "u{n:03d}",
                                      "AdminUser": {"username": "u{n:03d}", "role": "CustomerAdminRole"}})
    page = voss("GET", BASE + "/").json()["pagination"]
    assert (page["limit"], page["maximum_limit"], page["total"]) == (50, 2000, 60)


def test_limits_switched(voss, admin):
    admin.generate("voss_users", 60, {"hierarchy": BBB, "hcsUname": "u{n:03d}",
                                      "AdminUser": {"username": "u{n:03d}", "role": "CustomerAdminRole"}})
    admin.switches(voss_maximum_limit=25, voss_default_limit=10)
    answer = voss("GET", BASE + "/").json()
    assert answer["pagination"]["limit"] == 10 and answer["pagination"]["maximum_limit"] == 25
    assert [item["data"]["hcsUname"] for item in answer["resources"]] == ["u%03d" % n for n in range(1, 11)]
    capped = voss("GET", BASE + "/", params={"limit": 2000, "skip": 50}).json()
    assert capped["pagination"]["limit"] == 25 and len(capped["resources"]) == 10
    assert "limit=25" in capped["pagination"]["current"]
    assert len(voss("GET", BASE + "/", params={"limit": 7}).json()["resources"]) == 7
    admin.switches(voss_default_limit=100)
    assert voss("GET", BASE + "/").json()["pagination"]["limit"] == 25, "the default is capped too"


# ---- 11: scope of a list ----------------------------------------------------------

def test_list_scope_subtree_by_default(voss, admin):
    assert sorted(names(voss, CSNB)) == ["AAAGlobalAdmin", "AAAGlobalENTCustomerAdminByResllerAdmin", "CS-NBAdmin"]
    assert names(voss, CSNB, traversal="local") == ["CS-NBAdmin"]
    assert len(names(voss, "sys")) == 3


def test_list_scope_node(voss, admin):
    admin.switches(voss_list_scope="node")
    assert names(voss, CSNB) == ["CS-NBAdmin"]
    answer = voss("GET", BASE + "/", hierarchy=CSNB).json()
    assert answer["pagination"]["total"] == 1
    assert names(voss, "sys") == []
    assert sorted(names(voss, AAA)) == ["AAAGlobalAdmin", "AAAGlobalENTCustomerAdminByResllerAdmin"]
    assert names(voss, CSNB, traversal="local") == ["CS-NBAdmin"]
    # only lists change: a user below the node is still reachable by pkid from there
    assert voss("GET", BASE + "/5dcd181956b5de0018913f3e/", hierarchy=CSNB).status_code == 200


# ---- 12: intermediate states counted in polls ---------------------------------------

def test_states_by_time_only_by_default(voss, admin):
    admin.switches(voss_transaction_seconds=0)
    tx_id = submit(voss, "POST", BASE + "/", user("fay"))
    assert tx_status(voss, tx_id) == "Success"
    assert names(voss) == ["fay"]


@pytest.mark.parametrize("poll", [False, True])
def test_states_counted_in_polls(voss, admin, poll):
    admin.switches(voss_transaction_seconds=0, voss_queued_polls=2, voss_in_progress_polls=3)
    tx_id = submit(voss, "POST", BASE + "/", user("gus"))
    assert names(voss) == [], "listing does not count as a poll"
    seen = [tx_status(voss, tx_id, poll=poll) for dummy in range(5)]
    assert seen == ["Queued", "Queued", "In Progress", "In Progress", "In Progress"]
    assert names(voss) == [], "not applied before it turns final"
    assert tx_status(voss, tx_id, poll=poll) == "Success"
    assert names(voss) == ["gus"]
    assert tx_status(voss, tx_id, poll=poll) == "Success"
    data = voss("GET", "%s/%s/" % (TX, tx_id), hierarchy=None).json()["data"]
    pkid = voss("GET", BASE + "/").json()["resources"][0]["pkid"]
    assert data["completed_time"] and data["resource"]["after_transaction"] == "%s/%s" % (BASE, pkid)


def test_polls_are_fixed_at_submission_and_mixed_reads_count(voss, admin):
    admin.switches(voss_transaction_seconds=0, voss_queued_polls=0, voss_in_progress_polls=2)
    tx_id = submit(voss, "DELETE", BASE + "/%s/" % voss("POST", BASE + "/", json=user("hal")).json()["pkid"])
    admin.switches(voss_in_progress_polls=0)
    assert tx_status(voss, tx_id, poll=True) == "In Progress"
    assert tx_status(voss, tx_id) == "In Progress"
    assert names(voss) == ["hal"]
    assert tx_status(voss, tx_id) == "Success"
    assert names(voss) == []


def test_polls_and_seconds_both_hold(voss, admin):
    admin.switches(voss_transaction_seconds=10, voss_queued_polls=1, voss_in_progress_polls=1)
    tx_id = submit(voss, "POST", BASE + "/", user("ida"))
    assert [tx_status(voss, tx_id) for dummy in range(4)] == ["Queued", "In Progress", "In Progress", "In Progress"]
    admin.advance_clock(11)
    assert names(voss) == ["ida"], "time up and polls done: applied"
    assert tx_status(voss, tx_id) == "Success"
    tx_id = submit(voss, "POST", BASE + "/", user("jo"))
    admin.advance_clock(11)
    assert names(voss) == ["ida"], "time up, but the polls still to come"
    assert [tx_status(voss, tx_id) for dummy in range(3)] == ["Queued", "In Progress", "Success"]
    assert sorted(names(voss)) == ["ida", "jo"]


def test_failure_after_polls(voss, admin):
    admin.switches(voss_transaction_seconds=0, voss_queued_polls=1, voss_fail_transactions=1,
                   voss_tx_message_key="error", voss_fail_message="boom")
    tx_id = submit(voss, "POST", BASE + "/", user("kay"))
    assert tx_status(voss, tx_id) == "Queued"
    data = voss("GET", "%s/%s/" % (TX, tx_id), hierarchy=None).json()["data"]
    assert data["status"] == "Fail" and data["error"] == "boom"
