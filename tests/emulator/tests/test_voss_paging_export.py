"""VOSS emulator: paging past maximum_limit, export files, bulk-load template, add form, help."""

import gzip
import io
import json
import re
import zipfile

import pytest
import requests

BASE = "/api/relation/HcsAdminUserREL"
TIMEOUT = 30
AAA = "sys.hcs.CS-P.CS-NB.AAAGlobal"
BBB = "sys.hcs.CS-P.CS-NB.BBBCorp"


@pytest.fixture
def voss(voss_caller):
    return voss_caller(AAA, TIMEOUT)


def test_paging_past_the_maximum_limit(voss, admin):
    ids = admin.generate("voss_users", 2600, {
        "hierarchy": BBB, "hcsUname": "bulk{n:05d}",
        "AdminUser": {"username": "bulk{n:05d}", "role": "CustomerAdminRole", "email": "bulk{n}@bbb.example"}})
    assert len(ids) == 2600
    first = voss("GET", BASE + "/", hierarchy=BBB, params={"limit": 5000, "order_by": "hcsUname", "direction": "asc"}).json()
    assert first["pagination"]["limit"] == 2000
    assert first["pagination"]["maximum_limit"] == 2000
    assert first["pagination"]["total"] == 2600
    assert len(first["resources"]) == 2000
    second = voss("GET", BASE + "/", hierarchy=BBB, params={"skip": 2000, "limit": 2000}).json()
    assert second["pagination"]["skip"] == 2000
    assert len(second["resources"]) == 600
    seen = [item["data"]["hcsUname"] for item in first["resources"] + second["resources"]]
    assert seen == ["bulk%05d" % n for n in range(1, 2601)]
    assert len(set(item["pkid"] for item in first["resources"] + second["resources"])) == 2600
    assert voss("GET", BASE + "/", hierarchy="sys", params={"limit": 1}).json()["pagination"]["total"] == 2603
    default = voss("GET", BASE + "/", hierarchy=BBB).json()
    assert default["pagination"]["limit"] == 50 and len(default["resources"]) == 50


def _zip_json(resp):
    archive = zipfile.ZipFile(io.BytesIO(resp.content))
    names = archive.namelist()
    assert len(names) == 1 and names[0].endswith(".json")
    return json.loads(archive.read(names[0]))


def test_export_json_zip_of_given_hrefs(voss):
    resp = voss("POST", BASE + "/export/", params={"export_format": "json"},
                json={"hrefs": [BASE + "/5dcd181956b5de0018913f3e"]})
    assert resp.status_code == 200
    assert resp.headers["Content-Type"] == "application/x-zip"
    assert re.match(r"attachment; filename=export_\d{4}-\d\d-\d\d_\d\d:\d\d:\d\d\.\d+\.json\.zip$", resp.headers["Content-Disposition"])
    doc = _zip_json(resp)
    assert [item["pkid"] for item in doc["instances"]] == ["5dcd181956b5de0018913f3e"]
    item = doc["instances"][0]
    assert item["data"]["hcsUname"] == "AAAGlobalAdmin"
    assert "password" not in item["data"]["AdminUser"]
    assert b"emulator-user-password" not in resp.content


def test_export_everything_in_scope_without_hrefs(voss):
    doc = _zip_json(voss("POST", BASE + "/export/"))
    assert sorted(item["data"]["hcsUname"] for item in doc["instances"]) == ["AAAGlobalAdmin", "AAAGlobalENTCustomerAdminByResllerAdmin"]


def test_export_leaves_out_empty_strings(voss):
    voss("POST", BASE + "/", json={"hcsUname": "nora", "AdminUser": {"username": "nora", "role": "SiteAdminRole", "first_name": ""}})
    doc = _zip_json(voss("POST", BASE + "/export/"))
    nora = [item for item in doc["instances"] if item["data"]["hcsUname"] == "nora"][0]
    assert "first_name" not in nora["data"]["AdminUser"]


@pytest.mark.parametrize("fmt, middle", [("xlsx", "exportedsheet_formatted"), ("raw_xlsx", "exportedsheet")])
def test_export_xlsx(voss, fmt, middle):
    resp = voss("POST", BASE + "/export/", params={"export_format": fmt})
    assert resp.status_code == 200
    assert resp.headers["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    assert ("relation_HcsAdminUserREL_%s_" % middle) in resp.headers["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(resp.content))
    assert "xl/workbook.xml" in archive.namelist()
    sheet = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "AAAGlobalAdmin" in sheet and "AdminUser.role" in sheet
    assert "emulator-user-password" not in sheet


def test_export_single_instance(voss):
    resp = voss("GET", BASE + "/5dcd2cc2e186e30018ebbd91/export/")
    assert resp.status_code == 200
    assert [item["pkid"] for item in _zip_json(resp)["instances"]] == ["5dcd2cc2e186e30018ebbd91"]
    xlsx = voss("GET", BASE + "/5dcd2cc2e186e30018ebbd91/export/", params={"export_format": "xlsx"})
    assert zipfile.ZipFile(io.BytesIO(xlsx.content)).namelist()
    assert voss("GET", BASE + "/ffffffffffffffffffffffff/export/").status_code == 404


def test_export_errors(voss):
    assert voss("POST", BASE + "/export/", params={"export_format": "csv"}).status_code == 400
    assert voss("POST", BASE + "/export/", json={"hrefs": ["nope"]}).status_code == 400
    assert voss("POST", BASE + "/export/", json={"hrefs": [BASE + "/5dcd180b4544b70018604f26"]}).status_code == 404


def test_bulkload_template(voss):
    resp = voss("POST", BASE + "/export_bulkload_template/")
    assert resp.status_code == 200
    assert "bulkloadsheet.xlsx.gz" in resp.headers["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(gzip.decompress(resp.content)))
    assert "hcsUname" in archive.read("xl/worksheets/sheet1.xml").decode("utf-8")


def test_add_form(voss):
    resp = voss("GET", BASE + "/add/")
    assert resp.status_code == 200
    body = resp.json()
    create = [action["create"] for action in body["meta"]["actions"] if "create" in action][0]
    assert create["method"] == "POST"
    assert create["href"] == BASE + "/?hierarchy=5dcd1812e186e30018eb7023"
    assert body["data"]["AdminUser"]["language"] == "en-us"
    role = body["schema"]["properties"]["AdminUser"]["properties"]["role"]
    assert role["required"] is True
    assert "CustomerAdminRole" in [choice["value"] for choice in role["choices"]]
    assert body["schema"]["properties"]["AdminUser"]["properties"]["password"]["pattern"] == ".{8,}"


def test_help_pages(voss):
    for path in (BASE + "/help", BASE + "/5dcd181956b5de0018913f3e/help"):
        resp = voss("GET", path)
        assert resp.status_code == 200
        assert resp.headers["Content-Type"].startswith("text/html")
        assert "relation/HcsAdminUserREL" in resp.text


def test_every_path_needs_auth(emu_url):
    paths = [("GET", BASE + "/"), ("POST", BASE + "/"), ("DELETE", BASE + "/"), ("GET", BASE + "/add/"),
             ("POST", BASE + "/export/"), ("POST", BASE + "/export_bulkload_template/"), ("GET", BASE + "/help"),
             ("GET", BASE + "/5dcd181956b5de0018913f3e/"), ("PUT", BASE + "/5dcd181956b5de0018913f3e/"),
             ("DELETE", BASE + "/5dcd181956b5de0018913f3e/"), ("GET", BASE + "/5dcd181956b5de0018913f3e/export/"),
             ("GET", BASE + "/5dcd181956b5de0018913f3e/help")]
    for method, path in paths:
        resp = requests.request(method, emu_url + path, params={"hierarchy": AAA, "format": "json"}, timeout=TIMEOUT)
        assert resp.status_code == 401, (method, path)
