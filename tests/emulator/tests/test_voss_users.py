"""VOSS emulator: auth, hierarchy, list shape and scope, get, create, update, delete, validation."""

import pytest
import requests

BASE = "/api/relation/HcsAdminUserREL"
AUTH = ("hcsadmin@sys.hcs", "emulator-password")
TIMEOUT = 10
AAA = "sys.hcs.CS-P.CS-NB.AAAGlobal"
AAA_PKID = "5dcd1812e186e30018eb7023"
CSNB = "sys.hcs.CS-P.CS-NB"
BBB = "sys.hcs.CS-P.CS-NB.BBBCorp"
SECRET = "Very-Secret-Pw-1"


class Voss(object):
    """Basic-auth client; ``hierarchy`` and ``format=json`` added unless given."""

    def __init__(self, url):
        self.url = url
        self.session = requests.Session()
        self.session.auth = AUTH

    def request(self, method, path, hierarchy=AAA, params=None, **kwargs):
        query = {"format": "json"}
        if hierarchy is not None:
            query["hierarchy"] = hierarchy
        query.update(params or {})
        return self.session.request(method, self.url + path, params=query, timeout=TIMEOUT, **kwargs)

    def names(self, hierarchy=AAA, **params):
        resp = self.request("GET", BASE + "/", hierarchy=hierarchy, params=params)
        assert resp.status_code == 200, resp.text
        return [item["data"]["hcsUname"] for item in resp.json()["resources"]]

    def create(self, data, hierarchy=AAA, **params):
        return self.request("POST", BASE + "/", hierarchy=hierarchy, params=params, json=data)


@pytest.fixture
def voss(emu_url):
    return Voss(emu_url)


def user(name, role="CustomerAdminRole", **admin):
    body = {"username": name, "role": role}
    body.update(admin)
    return {"hcsUname": name, "AdminUser": body}


def assert_error(resp, status, word=None):
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert body["success"] is False
    assert body["code"] == status
    assert isinstance(body["message"], str) and body["message"]
    if word:
        assert word in body["message"]
    return body


# ---- auth, hierarchy, format ----------------------------------------------------

@pytest.mark.parametrize("auth", [None, ("hcsadmin@sys.hcs", "wrong"), ("someone", "emulator-password")])
def test_basic_auth_required(emu_url, auth):
    resp = requests.get(emu_url + BASE + "/", params={"hierarchy": AAA, "format": "json"}, auth=auth, timeout=TIMEOUT)
    assert_error(resp, 401)
    assert resp.headers["WWW-Authenticate"].startswith("Basic")


def test_credentials_from_config(start_emulator):
    server = start_emulator(config={"voss": {"username": "api@sys", "password": "pw-from-config"}})
    params = {"hierarchy": AAA, "format": "json"}
    assert requests.get(server.url + BASE + "/", params=params, auth=AUTH, timeout=TIMEOUT).status_code == 401
    assert requests.get(server.url + BASE + "/", params=params, auth=("api@sys", "pw-from-config"), timeout=TIMEOUT).status_code == 200


def test_hierarchy_required(voss):
    assert_error(voss.request("GET", BASE + "/", hierarchy=None), 400, "hierarchy")
    assert_error(voss.create(user("x"), hierarchy=None), 400, "hierarchy")


def test_unknown_hierarchy_is_404(voss):
    assert_error(voss.request("GET", BASE + "/", hierarchy="sys.hcs.Nowhere"), 404, "sys.hcs.Nowhere")
    assert_error(voss.request("GET", BASE + "/", hierarchy="5dcd00000000000000000000"), 404)


def test_hierarchy_by_pkid_or_path(voss):
    assert voss.names(hierarchy=AAA_PKID) == voss.names(hierarchy=AAA) == ["AAAGlobalAdmin", "AAAGlobalENTCustomerAdminByResllerAdmin"]


def test_format_must_be_json(voss):
    resp = voss.request("GET", BASE + "/", params={"format": "xml"})
    assert_error(resp, 400, "format")
    no_format = voss.session.get(voss.url + BASE + "/", params={"hierarchy": AAA}, timeout=TIMEOUT)
    assert no_format.status_code == 200


# ---- list ------------------------------------------------------------------------

def test_list_shape_follows_the_seed(voss):
    resp = voss.request("GET", BASE + "/", hierarchy="sys", params={"skip": 0, "limit": 3, "order_by": "hcsUname", "direction": "asc"})
    assert resp.status_code == 200
    body = resp.json()
    assert set(body) == {"operations", "pagination", "meta", "resources"}
    assert "list" in body["operations"] and "add" in body["operations"]
    assert body["pagination"] == {
        "direction": "asc", "order_by": "hcsUname", "maximum_limit": 2000, "skip": 0, "limit": 3, "total_limit": None, "total": 3,
        "current": BASE + "/?skip=0&limit=3&order_by=hcsUname&direction=asc&traversal=default"}
    assert body["meta"]["model_type"] == "relation/HcsAdminUserREL"
    assert body["meta"]["references"]["parent"][0]["pkid"] == "6t0ggef2c0deab00hb595101"
    assert [item["pkid"] for item in body["resources"]] == ["5dcd181956b5de0018913f3e", "5dcd2cc2e186e30018ebbd91", "5dcd180b4544b70018604f26"]
    first = body["resources"][0]
    assert set(first) == {"pkid", "meta", "data"}
    assert first["data"] == {"pkid": "5dcd181956b5de0018913f3f", "hierarchy_friendly_name": "AAAGlobal (Customer)",
                             "hcsUname": "AAAGlobalAdmin", "hierarchy_path": AAA}
    assert first["meta"]["path"] == ["6t0ggef2c0deab00hb595101", "5dcc7ff74544b7001862482f", "5dcd17c256b5de00189138f9",
                                     "5dcd180233fc9b00189005b2", AAA_PKID, "5dcd181956b5de0018913f3e"]
    assert first["meta"]["business_key"] == {"hierarchy": True, "unique": ["hcsUname"]}
    assert first["meta"]["references"]["self"][0]["href"] == BASE + "/5dcd181956b5de0018913f3e/"
    assert body["resources"][2]["data"]["hierarchy_friendly_name"] == "CS-NB (Reseller)"


def test_scope_includes_the_nodes_below(voss):
    assert voss.names(hierarchy=CSNB) == ["AAAGlobalAdmin", "AAAGlobalENTCustomerAdminByResllerAdmin", "CS-NBAdmin"]
    assert voss.names(hierarchy=CSNB, traversal="local") == ["CS-NBAdmin"]
    assert voss.names(hierarchy=BBB) == []
    assert voss.names(hierarchy=AAA + ".AAA-HQ") == []


def test_order_and_direction(voss):
    assert voss.names(hierarchy="sys", direction="desc") == ["CS-NBAdmin", "AAAGlobalENTCustomerAdminByResllerAdmin", "AAAGlobalAdmin"]
    assert voss.names(hierarchy="sys", order_by="hierarchy_path")[0] == "CS-NBAdmin"
    assert voss.names(hierarchy="sys", order_by="hierarchy_friendly_name", direction="desc")[0] == "CS-NBAdmin"


@pytest.mark.parametrize("params", [{"skip": -1}, {"skip": "a"}, {"limit": 0}, {"limit": "ten"},
                                    {"order_by": "email"}, {"direction": "up"}])
def test_bad_list_parameters_are_400(voss, params):
    assert_error(voss.request("GET", BASE + "/", params=params), 400)


def test_skip_and_limit(voss):
    assert voss.names(hierarchy="sys", skip=1, limit=1) == ["AAAGlobalENTCustomerAdminByResllerAdmin"]
    assert voss.names(hierarchy="sys", skip=5) == []


# ---- get ---------------------------------------------------------------------------

def test_get_full_record_never_shows_password(voss):
    resp = voss.request("GET", BASE + "/5dcd181956b5de0018913f3e/")
    assert resp.status_code == 200
    body = resp.json()
    assert set(body) == {"pkid", "meta", "data"}
    assert body["pkid"] == "5dcd181956b5de0018913f3e"
    assert body["meta"]["title"] == "AAAGlobalAdmin"
    assert body["data"] == {
        "AdminUser": {"username": "AAAGlobalAdmin", "language": "en-us", "set_language": True,
                      "role": "AAAGlobalENTCustomerAdministrator", "email": "aaaglobaladmin@aaaglobal.example",
                      "account_information": {"locked": False, "disabled": False, "change_password_on_login": False,
                                              "credential_policy": "AAAGlobal-CP", "last_login_time": "2019-11-14T14:00:01.222Z",
                                              "password_last_change_time": "2019-11-14T11:38:35.327Z"}},
        "hcsUname": "AAAGlobalAdmin"}
    assert "emulator-user-password" not in resp.text


def test_get_without_trailing_slash(voss):
    assert voss.request("GET", BASE + "/5dcd181956b5de0018913f3e").status_code == 200


def test_get_unknown_or_out_of_scope_is_404(voss):
    assert_error(voss.request("GET", BASE + "/000000000000000000000000/"), 404)
    assert_error(voss.request("GET", BASE + "/5dcd181956b5de0018913f3e/", hierarchy=BBB), 404)
    assert voss.request("GET", BASE + "/5dcd181956b5de0018913f3e/", hierarchy="sys").status_code == 200


# ---- create ------------------------------------------------------------------------

def test_create_synchronous(voss):
    resp = voss.create(user("alice", first_name="Alice", email="alice@example.com", password=SECRET), hierarchy=BBB)
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert set(body) == {"pkid", "model_type", "meta", "success"}
    assert body["success"] is True and body["model_type"] == "relation/HcsAdminUserREL"
    assert body["meta"]["uri"] == BASE + "/" + body["pkid"]
    got = voss.request("GET", BASE + "/%s/" % body["pkid"], hierarchy=BBB)
    assert got.status_code == 200
    admin_user = got.json()["data"]["AdminUser"]
    assert admin_user["language"] == "en-us"
    assert admin_user["set_language"] is False
    assert admin_user["first_name"] == "Alice"
    assert "password" not in admin_user
    assert admin_user["account_information"]["password_last_change_time"].endswith("Z")
    assert SECRET not in got.text
    assert voss.names(hierarchy=BBB) == ["alice"]


def test_same_name_in_another_node_is_fine_but_not_in_the_same(voss):
    assert voss.create(user("AAAGlobalAdmin"), hierarchy=BBB).status_code == 200
    assert_error(voss.create(user("AAAGlobalAdmin"), hierarchy=AAA), 409, "AAAGlobalAdmin")
    assert voss.names(hierarchy="sys").count("AAAGlobalAdmin") == 2


@pytest.mark.parametrize("data, field", [
    ({"AdminUser": {"username": "u", "role": "CustomerAdminRole"}}, "hcsUname"),
    ({"hcsUname": "", "AdminUser": {"username": "u", "role": "CustomerAdminRole"}}, "hcsUname"),
    ({"hcsUname": "x" * 1025, "AdminUser": {"username": "u", "role": "CustomerAdminRole"}}, "hcsUname"),
    ({"hcsUname": 5, "AdminUser": {"username": "u", "role": "CustomerAdminRole"}}, "hcsUname"),
    ({"hcsUname": "u"}, "AdminUser"),
    ({"hcsUname": "u", "AdminUser": "u"}, "AdminUser"),
    ({"hcsUname": "u", "AdminUser": {"role": "CustomerAdminRole"}}, "AdminUser.username"),
    ({"hcsUname": "u", "AdminUser": {"username": "u"}}, "AdminUser.role"),
    ({"hcsUname": "u", "AdminUser": {"username": "u", "role": "KingOfEverything"}}, "AdminUser.role"),
    ({"hcsUname": "u", "AdminUser": {"username": "u", "role": "CustomerAdminRole", "password": "short12"}}, "AdminUser.password"),
    ({"hcsUname": "u", "AdminUser": {"username": "u", "role": "CustomerAdminRole", "password": 12345678}}, "AdminUser.password"),
    ({"hcsUname": "u", "AdminUser": {"username": "u", "role": "CustomerAdminRole", "email": "not-an-email"}}, "AdminUser.email"),
    ({"hcsUname": "u", "AdminUser": {"username": "u", "role": "CustomerAdminRole", "email": "a@b"}}, "AdminUser.email"),
    ({"hcsUname": "u", "AdminUser": {"username": "u", "role": "CustomerAdminRole", "set_language": "yes"}}, "AdminUser.set_language"),
    ({"hcsUname": "u", "AdminUser": {"username": "u", "role": "CustomerAdminRole", "shoe_size": 44}}, "AdminUser.shoe_size"),
    ({"hcsUname": "u", "AdminUser": {"username": "u", "role": "CustomerAdminRole", "account_information": {"locked": "no"}}},
     "AdminUser.account_information.locked"),
    ({"hcsUname": "u", "AdminUser": {"username": "u", "role": "CustomerAdminRole", "account_information": []}},
     "AdminUser.account_information"),
    ({"hcsUname": "u", "colour": "red", "AdminUser": {"username": "u", "role": "CustomerAdminRole"}}, "colour"),
    ([1, 2], None),
])
def test_create_validation(voss, data, field):
    body = assert_error(voss.create(data), 400)
    if field:
        assert body["field"] == field
    assert voss.names() == ["AAAGlobalAdmin", "AAAGlobalENTCustomerAdminByResllerAdmin"]


def test_create_needs_a_json_body(voss):
    assert_error(voss.request("POST", BASE + "/", data="{oops", headers={"Content-Type": "application/json"}), 400)
    assert_error(voss.request("POST", BASE + "/"), 400)


def test_password_of_exactly_eight_characters_is_fine(voss):
    assert voss.create(user("eight", password="12345678")).status_code == 200


def test_roles_and_users_can_be_seeded(voss, admin):
    admin.seed(voss_roles=[{"id": "HelpdeskRole"}],
               voss_hierarchy=[{"path": BBB + ".Lyon", "type": "Site"}])
    admin.seed(voss_users=[{"hierarchy": BBB + ".Lyon", "AdminUser": {"username": "lyon-admin", "role": "HelpdeskRole"},
                            "password": SECRET}])
    assert voss.names(hierarchy=BBB) == ["lyon-admin"]
    assert voss.create(user("helper", role="HelpdeskRole"), hierarchy=BBB + ".Lyon").status_code == 200
    stored = [u for u in admin.raw("voss_users") if u["hcsUname"] == "lyon-admin"][0]
    assert SECRET not in str(stored) and stored["password_hash"]


@pytest.mark.parametrize("collection, obj", [
    ("voss_hierarchy", {"path": "sys.nowhere.child"}),
    ("voss_hierarchy", {"type": "Site"}),
    ("voss_users", {"hierarchy": "sys.none", "AdminUser": {"username": "a", "role": "SiteAdminRole"}}),
    ("voss_users", {"hierarchy": AAA, "AdminUser": {"username": "a", "role": "NoRole"}}),
    ("voss_users", {"hierarchy": AAA, "AdminUser": {"username": "AAAGlobalAdmin", "role": "SiteAdminRole"}}),
    ("voss_roles", {"description": "nameless"}),
])
def test_bad_seed_objects_are_refused(admin, collection, obj):
    assert admin.call("POST", "/seed", {collection: [obj]}, expect_ok=False).status_code == 400


# ---- update --------------------------------------------------------------------------

def _created(voss, name="bob", hierarchy=BBB, **admin):
    admin.setdefault("password", SECRET)
    resp = voss.create(user(name, first_name="Bob", last_name="Builder", **admin), hierarchy=hierarchy)
    assert resp.status_code == 200, resp.text
    return resp.json()["pkid"]


def test_put_replaces_the_whole_object_and_keeps_the_password(voss, admin):
    pkid = _created(voss)
    before = [u for u in admin.raw("voss_users") if u["id"] == pkid][0]
    current = voss.request("GET", BASE + "/%s/" % pkid, hierarchy=BBB).json()["data"]
    current["AdminUser"].pop("first_name")
    current["AdminUser"]["role"] = "SiteAdminRole"
    current["AdminUser"]["account_information"]["disabled"] = True
    current["AdminUser"]["account_information"]["reason_for_disabled"] = "left"
    resp = voss.request("PUT", BASE + "/%s/" % pkid, hierarchy=BBB, json=current)
    assert resp.status_code == 200, resp.text
    assert resp.json()["success"] is True and resp.json()["pkid"] == pkid
    after = voss.request("GET", BASE + "/%s/" % pkid, hierarchy=BBB).json()["data"]["AdminUser"]
    assert "first_name" not in after
    assert after["last_name"] == "Builder"
    assert after["role"] == "SiteAdminRole"
    assert after["account_information"]["disabled"] is True
    assert after["account_information"]["reason_for_disabled"] == "left"
    stored = [u for u in admin.raw("voss_users") if u["id"] == pkid][0]
    assert stored["password_hash"] == before["password_hash"]
    assert stored["AdminUser"]["account_information"]["password_last_change_time"] == \
        before["AdminUser"]["account_information"]["password_last_change_time"]


def test_put_with_a_new_password(voss, admin):
    pkid = _created(voss)
    before = [u for u in admin.raw("voss_users") if u["id"] == pkid][0]["password_hash"]
    admin.advance_clock(5)
    resp = voss.request("PUT", BASE + "/%s/" % pkid, hierarchy=BBB, json=user("bob", password="Another-Pw-2"))
    assert resp.status_code == 200
    assert "Another-Pw-2" not in resp.text
    assert [u for u in admin.raw("voss_users") if u["id"] == pkid][0]["password_hash"] != before


def test_put_rename_and_conflicts(voss):
    pkid = _created(voss)
    _created(voss, name="carol")
    assert_error(voss.request("PUT", BASE + "/%s/" % pkid, hierarchy=BBB, json=user("carol")), 409)
    assert voss.request("PUT", BASE + "/%s/" % pkid, hierarchy=BBB, json=user("robert")).status_code == 200
    assert voss.names(hierarchy=BBB) == ["carol", "robert"]


def test_put_validation_and_not_found(voss):
    pkid = _created(voss)
    assert_error(voss.request("PUT", BASE + "/%s/" % pkid, hierarchy=BBB, json=user("bob", password="short")), 400)
    assert_error(voss.request("PUT", BASE + "/%s/" % pkid, hierarchy=BBB, json={"hcsUname": "bob"}), 400)
    assert_error(voss.request("PUT", BASE + "/ffffffffffffffffffffffff/", hierarchy=BBB, json=user("bob")), 404)
    assert_error(voss.request("PUT", BASE + "/%s/" % pkid, hierarchy=AAA, json=user("bob")), 404)


def test_put_tolerates_read_only_fields_from_a_get(voss):
    got = voss.request("GET", BASE + "/5dcd181956b5de0018913f3e/").json()
    got["data"]["AdminUser"]["account_information"]["last_login_time"] = "2030-01-01T00:00:00Z"
    resp = voss.request("PUT", BASE + "/5dcd181956b5de0018913f3e/", json=got["data"])
    assert resp.status_code == 200, resp.text
    info = voss.request("GET", BASE + "/5dcd181956b5de0018913f3e/").json()["data"]["AdminUser"]["account_information"]
    assert info["last_login_time"] == "2019-11-14T14:00:01.222Z"


# ---- delete ---------------------------------------------------------------------------

def test_delete_one(voss):
    pkid = _created(voss)
    resp = voss.request("DELETE", BASE + "/%s/" % pkid, hierarchy=BBB)
    assert resp.status_code == 200
    assert resp.json()["success"] is True
    assert_error(voss.request("GET", BASE + "/%s/" % pkid, hierarchy=BBB), 404)
    assert_error(voss.request("DELETE", BASE + "/%s/" % pkid, hierarchy=BBB), 404)


def test_bulk_delete(voss):
    first, second, third = _created(voss, "u1"), _created(voss, "u2"), _created(voss, "u3")
    hrefs = [BASE + "/" + first, BASE + "/%s/" % second]
    resp = voss.request("DELETE", BASE + "/", hierarchy=BBB, json={"hrefs": hrefs})
    assert resp.status_code == 200, resp.text
    assert resp.json()["success"] is True
    assert voss.names(hierarchy=BBB) == ["u3"]
    missing = voss.request("DELETE", BASE + "/", hierarchy=BBB, json={"hrefs": [BASE + "/" + third, BASE + "/" + first]})
    assert_error(missing, 404)
    assert voss.names(hierarchy=BBB) == ["u3"]


@pytest.mark.parametrize("body", [{}, {"hrefs": []}, {"hrefs": "x"}, {"hrefs": ["/api/data/User/123"]}, {"hrefs": [7]}])
def test_bulk_delete_needs_hrefs(voss, body):
    assert_error(voss.request("DELETE", BASE + "/", json=body), 400)


def test_unknown_paths_and_methods_in_voss_shape(voss):
    assert_error(voss.request("GET", "/api/relation/NoSuchModel/"), 404)
    assert_error(voss.request("PATCH", BASE + "/"), 405)


def test_config_seed_and_no_default_users(start_emulator):
    server = start_emulator(config={"voss": {"defaults": False, "seed": {
        "voss_users": [{"hierarchy": BBB + ".Lab", "AdminUser": {"username": "lab-admin", "role": "LabRole"}}],
        "voss_roles": [{"id": "LabRole"}],
        "voss_hierarchy": [{"path": BBB + ".Lab", "type": "Site"}]}}})
    client = Voss(server.url)
    assert client.names(hierarchy="sys") == ["lab-admin"]
    assert client.names(hierarchy=BBB + ".Lab") == ["lab-admin"]
