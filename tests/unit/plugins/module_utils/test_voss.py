# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import base64
import json

import pytest
import responses
from responses import matchers

from ansible_collections.ncm.platforms.plugins.module_utils import errors, sync
from ansible_collections.ncm.platforms.plugins.module_utils.voss import client as voss, info as voss_info, targets
from ansible_collections.ncm.platforms.plugins.module_utils.voss.resources import USER, USERS_PATH
from ansible_collections.ncm.platforms.tests.unit.plugins.recorded_task import RecordedTask

BASE = "https://voss.example.test/proxy"
USERS = BASE + USERS_PATH
PASSWORD = "basic-pass-4711"
ROOT, RESELLER, CUSTOMER, SITE = "6t0ggef2c0deab00hb595101", "5dcd180233fc9b00189005b2", "5dcd1812e186e30018eb7023", "5dcd1812e186e30018eb7031"
PATHS = {RESELLER: "sys.hcs.CS-P.CS-NB", CUSTOMER: "sys.hcs.CS-P.CS-NB.AAAGlobal",
         SITE: "sys.hcs.CS-P.CS-NB.AAAGlobal.AAA-HQ"}
CHAIN = {RESELLER: [ROOT, RESELLER], CUSTOMER: [ROOT, RESELLER, CUSTOMER], SITE: [ROOT, RESELLER, CUSTOMER, SITE]}
TX = "0f3a7c1e-2b4d-4e6f-8a9b-0c1d2e3f4a5b"


def recorded_task():
    return RecordedTask({"api": dict(url=BASE, username="hcsadmin@sys.hcs", password=PASSWORD, validate_certs=True,
                                     ca_path=None, timeout=30, retries=0)}, secrets=[PASSWORD])


def client():
    return voss.connect(recorded_task())


def item(pkid, name, node, references=True, path=True):
    meta = {"references": {"parent": [{"pkid": node, "href": "/api/data/HierarchyNode/" + node}]} if references else {}}
    if path:
        meta["path"] = CHAIN[node] + [pkid]
    return {"pkid": pkid, "meta": meta, "data": {"pkid": pkid + "-data", "hcsUname": name, "hierarchy_path": PATHS[node],
                                                 "hierarchy_friendly_name": PATHS[node].rsplit(".", 1)[-1]}}


def record(pkid, name, **admin):
    user = {"username": name, "role": "CustomerAdminRole", "language": "en-us", "set_language": False}
    user.update(admin)
    return {"pkid": pkid, "meta": {"model_type": "relation/HcsAdminUserREL"}, "data": {"AdminUser": user, "hcsUname": name}}


def list_page(hierarchy, skip, limit, items, total, maximum=2000):
    query = {"hierarchy": hierarchy, "format": "json", "skip": str(skip), "limit": str(limit),
             "order_by": "hcsUname", "direction": "asc"}
    responses.get(USERS, match=[matchers.query_param_matcher(query)], json={
        "pagination": {"skip": skip, "limit": min(limit, maximum), "total": total, "maximum_limit": maximum},
        "resources": items})


def get_record(hierarchy, body, status=200):
    responses.get("%s%s/" % (USERS, body["pkid"]), status=status, json=body,
                  match=[matchers.query_param_matcher({"hierarchy": hierarchy, "format": "json"})])


def transaction(status, hierarchy, tx_id=TX, **data):
    body = {"pkid": tx_id, "data": dict(status=status, **data)}
    responses.get("%s/api/tool/Transaction/%s/" % (BASE, tx_id), json=body,
                  match=[matchers.query_param_matcher({"hierarchy": hierarchy, "format": "json"})])


def requests_made(method=None):
    return [call.request for call in responses.calls if method is None or call.request.method == method]


# --- connecting and paging -------------------------------------------------------------------
@responses.activate
def test_basic_auth_hierarchy_and_format_on_every_call():
    list_page(CUSTOMER, 0, 2000, [], 0)
    assert client().list_users(CUSTOMER) == ([], 0)
    sent = requests_made()[0]
    token = base64.b64encode(("hcsadmin@sys.hcs:" + PASSWORD).encode()).decode()
    assert sent.headers["Authorization"] == "Basic " + token


@responses.activate
@pytest.mark.parametrize("key, value", [("username", ""), ("password", " ")])
def test_blank_credentials_fail_before_any_request(key, value):
    task = recorded_task()
    task.params["api"][key] = value
    with pytest.raises(errors.InputError) as info:
        voss.connect(task)
    assert info.value.message == "api.%s must not be empty or only spaces." % key
    assert not responses.calls


@responses.activate
def test_the_list_is_read_to_the_end_with_the_servers_maximum_limit():
    users = [item("p%d" % n, "user%d" % n, CUSTOMER) for n in range(5)]
    list_page(CUSTOMER, 0, 2000, users[:2], 5, maximum=2)
    list_page(CUSTOMER, 2, 2, users[2:4], 5, maximum=2)
    list_page(CUSTOMER, 4, 2, users[4:], 5, maximum=2)
    get_record(CUSTOMER, record("p4", "user4", first_name="Last"))
    found = client().find_user(CUSTOMER, "user4")
    assert found["pkid"] == "p4"
    assert found["AdminUser"]["first_name"] == "Last"
    assert found["hierarchy_path"] == PATHS[CUSTOMER]
    assert len(requests_made("GET")) == 4


@responses.activate
def test_a_list_without_a_total_ends_at_a_short_page():
    list_page(CUSTOMER, 0, 2000, [item("p1", "a", CUSTOMER)], None)
    assert client().list_users(CUSTOMER) == ([item("p1", "a", CUSTOMER)], 1)


# --- the node scope rule -----------------------------------------------------------------------
@pytest.mark.parametrize("hierarchy", [PATHS[CUSTOMER], CUSTOMER])
@pytest.mark.parametrize("references, path", [(True, True), (False, True), (True, False)])
@responses.activate
def test_only_the_user_at_the_node_itself_is_taken(hierarchy, references, path):
    child = item("child", "dup", SITE, references, path)
    mine = item("mine", "dup", CUSTOMER, references, path)
    list_page(hierarchy, 0, 2000, [child, item("other", "x", CUSTOMER), mine], 3)
    get_record(hierarchy, record("mine", "dup"))
    found = client().find_user(hierarchy, "dup")
    assert found["pkid"] == "mine"
    assert [sent.url.split("?")[0] for sent in requests_made()] == [USERS, USERS + "mine/"]


@pytest.mark.parametrize("hierarchy", [PATHS[CUSTOMER], CUSTOMER])
@responses.activate
def test_a_same_name_user_below_the_node_is_never_read(hierarchy):
    list_page(hierarchy, 0, 2000, [item("child", "dup", SITE)], 1)
    assert client().find_user(hierarchy, "dup") is None
    assert len(requests_made()) == 1


@responses.activate
def test_two_users_of_one_name_at_the_node_fail_listing_them():
    list_page(CUSTOMER, 0, 2000, [item("a1", "dup", CUSTOMER), item("a2", "dup", CUSTOMER), item("c", "dup", SITE)], 3)
    with pytest.raises(errors.AmbiguousMatch) as info:
        client().find_user(CUSTOMER, "dup")
    assert info.value.details["ids"] == ["a1", "a2"]
    assert "a1, a2" in info.value.message


# --- the PUT body ------------------------------------------------------------------------------
@responses.activate
def test_update_puts_the_whole_data_keeping_unmodelled_fields_and_dropping_read_only_ones():
    account = {"locked": False, "disabled": False, "credential_policy": "CP",
               "security_questions": [{"question": "q", "answer": "a"}],
               "last_login_time": "2025-01-01T00:00:00Z", "password_last_change_time": "2025-01-01T00:00:00Z",
               "password_last_change_time_by_user": "2025-01-01T00:00:00Z", "failed_login_lock_date": "2025-01-01T00:00:00Z",
               "num_of_failed_login_attempts": 2, "used_passwords": [{"password": "x"}]}
    current = record("mine", "jo", first_name="Jo", account_information=account)
    list_page(CUSTOMER, 0, 2000, [item("mine", "jo", CUSTOMER)], 1)
    get_record(CUSTOMER, current)
    responses.put(USERS + "mine/", json={"pkid": "mine", "success": True},
                  match=[matchers.query_param_matcher({"hierarchy": CUSTOMER, "format": "json", "nowait": "true"})])
    get_record(CUSTOMER, record("mine", "jo", first_name="Joe"))
    params = {"hierarchy": CUSTOMER, "username": "jo", "first_name": "Joe", "account_information": {"locked": True}}
    target = targets.AdminUser(client(), params)
    changed, user, diff = sync.present(target, USER, USER.desired(params), check_mode=False)
    body = json.loads(requests_made("PUT")[0].body)
    assert body == {"hcsUname": "jo", "AdminUser": {
        "username": "jo", "role": "CustomerAdminRole", "language": "en-us", "set_language": False, "first_name": "Joe",
        "account_information": {"locked": True, "disabled": False, "credential_policy": "CP",
                                "security_questions": [{"question": "q", "answer": "a"}]}}}
    assert changed and user["AdminUser"]["first_name"] == "Joe"
    assert diff == {"before": {"first_name": "Jo", "account_information": {"locked": False}},
                    "after": {"first_name": "Joe", "account_information": {"locked": True}}}
    assert target.extras == {"transaction_id": None}


# --- transactions ------------------------------------------------------------------------------
@pytest.mark.parametrize("href", ["/api/relation/HcsAdminUserREL/new1", "/api/relation/HcsAdminUserREL/new1/?hierarchy=" + CUSTOMER])
@responses.activate
def test_a_202_is_followed_to_success_and_the_new_pkid_comes_from_the_resource_href(href):
    responses.post(USERS, status=202, json={"href": "/api/tool/Transaction/" + TX, "success": True, "transaction_id": TX},
                   match=[matchers.query_param_matcher({"hierarchy": CUSTOMER, "format": "json", "nowait": "true"})])
    transaction("Queued", CUSTOMER)
    transaction("In Progress", CUSTOMER)
    transaction("Success", CUSTOMER, resource={"current_state": href, "after_transaction": href})
    get_record(CUSTOMER, record("new1", "jo"))
    created, tx_id = client().create_user(CUSTOMER, {"hcsUname": "jo", "AdminUser": {"role": "R"}}, 30)
    assert (created["pkid"], tx_id) == ("new1", TX)
    assert [r.url.split("?")[0].rsplit("/", 2)[-2] for r in requests_made("GET")] == [TX, TX, TX, "new1"]


@responses.activate
def test_a_transaction_without_an_id_field_is_taken_from_its_href():
    responses.delete(USERS + "p1/", status=202, json={"href": "/api/tool/Transaction/" + TX, "success": True})
    transaction("Completed", CUSTOMER)
    assert client().delete_user(CUSTOMER, {"pkid": "p1", "hcsUname": "jo"}, 30) == TX


@responses.activate
def test_a_synchronous_answer_ends_at_once():
    responses.post(USERS, json={"pkid": "new2", "model_type": "relation/HcsAdminUserREL", "success": True})
    get_record(CUSTOMER, record("new2", "jo"))
    created, tx_id = client().create_user(CUSTOMER, {"hcsUname": "jo", "AdminUser": {"role": "R"}}, 30)
    assert (created["pkid"], tx_id) == ("new2", None)
    assert "Transaction" not in " ".join(r.url for r in requests_made())


@pytest.mark.parametrize("field", ["message", "error"])
@responses.activate
def test_a_failed_transaction_fails_with_its_own_message(field):
    responses.put(USERS + "p1/", status=202, json={"href": "/api/tool/Transaction/" + TX, "transaction_id": TX})
    transaction("Fail", CUSTOMER, **{field: "Device rejected the change"})
    with pytest.raises(errors.NcmError) as info:
        client().update_user(CUSTOMER, {"pkid": "p1"}, {"hcsUname": "jo"}, 30)
    assert info.value.message == "VOSS transaction %s (modify admin user jo) failed: Device rejected the change" % TX
    assert info.value.details == {"transaction_id": TX, "status": "Fail"}


@responses.activate
def test_a_transaction_that_outlasts_the_timeout_fails_with_its_last_status():
    responses.delete(USERS + "p1/", status=202, json={"href": "/api/tool/Transaction/" + TX, "transaction_id": TX})
    transaction("In Progress", CUSTOMER)
    with pytest.raises(errors.WaitTimeout) as info:
        client().delete_user(CUSTOMER, {"pkid": "p1", "hcsUname": "jo"}, 0.05)
    assert info.value.message.startswith("VOSS transaction %s (delete admin user jo) is still In Progress after" % TX)
    assert info.value.details["status"] == "In Progress"
    assert info.value.details["transaction_id"] == TX
    assert "state" not in info.value.details
    assert info.value.message.endswith("; it is still pending, so the write may still complete on the server "
                                       "(see transaction %s before running the task again)" % TX)


@responses.activate
def test_a_delete_of_a_user_already_gone_counts_as_deleted():
    responses.delete(USERS + "p1/", status=404, json={"success": False, "code": 404, "message": "HcsAdminUserREL p1 not found."})
    assert client().delete_user(CUSTOMER, {"pkid": "p1", "hcsUname": "jo"}, 30) is None
    assert len(requests_made()) == 1


@pytest.mark.parametrize("still_there, message", [(False, "HcsAdminUserREL p1 not found."), (True, "Device rejected the change")])
@responses.activate
def test_a_failed_delete_transaction_counts_as_deleted_only_when_the_user_is_gone(still_there, message):
    """Two runs that delete one user at once: the second transaction fails, the user is gone all the same."""
    responses.delete(USERS + "p1/", status=202, json={"href": "/api/tool/Transaction/" + TX, "transaction_id": TX})
    transaction("Fail", CUSTOMER, message=message)
    get_record(CUSTOMER, record("p1", "jo") if still_there else {"pkid": "p1", "success": False}, status=200 if still_there else 404)
    if still_there:
        with pytest.raises(errors.NcmError) as info:
            client().delete_user(CUSTOMER, {"pkid": "p1", "hcsUname": "jo"}, 30)
        assert info.value.message == "VOSS transaction %s (delete admin user jo) failed: %s" % (TX, message)
        assert info.value.details == {"transaction_id": TX, "status": "Fail"}
    else:
        assert client().delete_user(CUSTOMER, {"pkid": "p1", "hcsUname": "jo"}, 30) == TX
    assert [r.method for r in requests_made()] == ["DELETE", "GET", "GET"]


@responses.activate
def test_a_2xx_saying_success_false_is_a_failure():
    responses.post(USERS, json={"success": False, "message": "AdminUser.role is required."})
    with pytest.raises(errors.ApiError) as info:
        client().create_user(CUSTOMER, {"hcsUname": "jo"}, 30)
    assert info.value.server_message == "AdminUser.role is required."


@responses.activate
def test_an_error_status_fails_with_the_servers_message():
    responses.post(USERS, status=409, json={"success": False, "code": 409, "message": "hcsUname 'jo' already exists"})
    with pytest.raises(errors.ApiError) as info:
        client().create_user(CUSTOMER, {"hcsUname": "jo"}, 30)
    assert (info.value.status, info.value.server_message) == (409, "hcsUname 'jo' already exists")


# --- info and normalising ----------------------------------------------------------------------
@responses.activate
def test_info_lists_the_subtree_as_summaries_or_full_records():
    users = [item("c1", "a", CUSTOMER), item("s1", "b", SITE)]
    list_page(CUSTOMER, 0, 2000, users, 2)
    listed, total = voss_info.read_users(client(), CUSTOMER)
    assert total == 2
    assert listed[1] == {"pkid": "s1", "hcsUname": "b", "hierarchy_path": PATHS[SITE], "hierarchy_friendly_name": "AAA-HQ"}
    responses.post(USERS + "export/", status=405, json={"success": False, "message": "Method not allowed."})
    get_record(CUSTOMER, record("c1", "a"))
    get_record(CUSTOMER, record("s1", "b", email="b@example.test"))
    detailed, _total = voss_info.read_users(client(), CUSTOMER, details=True)
    assert [(user["pkid"], user["hierarchy_path"]) for user in detailed] == [("c1", PATHS[CUSTOMER]), ("s1", PATHS[SITE])]
    assert detailed[1]["AdminUser"]["email"] == "b@example.test"
    assert len(requests_made("POST")) == 1, "the export was refused once, then each user read with a GET"


@responses.activate
def test_a_role_read_back_as_an_href_or_an_object_compares_by_name():
    responses.get(BASE + "/api/data/Role/r9", json={"pkid": "r9", "data": {"name": "CustomerAdminRole"}})
    api = client()
    assert api.reference_name(CUSTOMER, "/api/data/Role/r9", ("name",)) == "CustomerAdminRole"
    assert api.reference_name(CUSTOMER, {"name": "SiteAdminRole", "href": "/x"}, ("name",)) == "SiteAdminRole"
    assert api.reference_name(CUSTOMER, "PlainRole", ("name",)) == "PlainRole"
    assert len(requests_made()) == 1


@pytest.mark.parametrize("params, message", [
    ({"hierarchy": " ", "username": "jo"}, "hierarchy must not be empty or only spaces."),
    ({"hierarchy": "h", "username": ""}, "username must not be empty or only spaces."),
    ({"hierarchy": "h", "username": "jo", "transaction_timeout": 0}, "transaction_timeout must be more than 0 seconds (got 0)."),
])
def test_bad_target_input_fails_before_any_request(params, message):
    with pytest.raises(errors.InputError) as info:
        targets.AdminUser(None, params)
    assert info.value.message == message
