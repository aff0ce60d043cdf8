"""Contract of VOSS ``relation/HcsAdminUserREL`` (tests/emulator/seeds/voss-*.txt) and ``tool/Transaction``.

The seed names its calls in tables (``| GET | /api/relation/... |``) and as
``GET http://[host-proxy]/api/...``; ``documented_requests`` reads both.
"""

import re

import requests

SEED_FILES = ["voss-hcs-admin-user-rel.txt"]
TABLE_CALL = re.compile(r"\| (GET|POST|PUT|PATCH|DELETE) \| (/api/\S+?) \|")
URL_CALL = re.compile(r"(GET|POST|PUT|PATCH|DELETE) http://\[host-proxy\](/api/[^\s?]+)")
B = "/api/relation/HcsAdminUserREL"
Q = "?hierarchy=sys.hcs.CS-P.CS-NB.AAAGlobal&format=json"
ANY_OBJECT = {"ANY_ADDITIONAL_PROPERTY": "anything"}

LIST_SAMPLE = {
    "operations": ["text"],
    "pagination": {"direction": "asc", "order_by": "hcsUname", "maximum_limit": 2000, "skip": 0, "current": "text",
                   "limit": 3, "total_limit": None, "total": 22},
    "meta": {"tags": [], "cached": True, "title": "", "business_key": {}, "schema_version": "2.1",
             "references": {"self": [ANY_OBJECT], "children": [], "parent": [{"pkid": "text", "href": "text"}]},
             "actions": [ANY_OBJECT], "model_type": "text", "model_specific_actions": ["text"],
             "summary_attrs": [{"name": "text", "title": "text"}], "api_version": "text", "tagged_versions": []},
    "resources": [{
        "pkid": "text",
        "meta": {"tags": [], "cached": True, "title": "text", "business_key": {"hierarchy": True, "unique": ["text"]},
                 "schema_version": "text", "summary": "text",
                 "references": {"device": [ANY_OBJECT], "owner": [ANY_OBJECT], "self": [{"pkid": "text", "href": "text"}],
                                "parent": [{"pkid": "text", "href": "text"}], "foreign_key": []},
                 "actions": [ANY_OBJECT], "model_type": "text", "path": ["text"], "summary_attrs": [ANY_OBJECT],
                 "api_version": "text", "tagged_versions": []},
        "data": {"pkid": "text", "hierarchy_friendly_name": "text", "hcsUname": "text", "hierarchy_path": "text"},
    }],
}
INSTANCE_SAMPLE = {
    "pkid": "text",
    "meta": {"tags": [], "cached": True, "cache_control_policy": "text", "title": "text", "business_key": {},
             "schema_version": "text",
             "references": {"device": [ANY_OBJECT], "self": [{"pkid": "text", "href": "text"}], "children": [],
                            "parent": [{"pkid": "text", "href": "text"}]},
             "actions": [ANY_OBJECT], "model_type": "text", "summary_attrs": [ANY_OBJECT], "api_version": "text",
             "tagged_versions": []},
    "data": {"AdminUser": {"username": "text", "language": "text", "set_language": True, "role": "text", "email": "text",
                           "account_information": {"locked": False, "disabled": False, "change_password_on_login": False}},
             "hcsUname": "text"},
}
WRITE_SAMPLE = {"pkid": "text", "model_type": "text", "meta": {"parent_id": ANY_OBJECT, "summary_attrs": [ANY_OBJECT], "uri": "text"},
                "success": True}
ASYNC_SAMPLE = {"href": "text", "success": True, "transaction_id": "text"}
TRANSACTION_SAMPLE = {"pkid": "text", "meta": {"model_type": "text", "actions": [ANY_OBJECT]},
                      "data": {"status": "text", "username": "text", "message": "text",
                               "resource": {"hierarchy": "text", "current_state": "text", "after_transaction": "text"}}}
NEW_USER = {"hcsUname": "contract-user", "AdminUser": {"username": "contract-user", "role": "CustomerAdminRole",
                                                       "password": "contract-pw-123", "email": "c@example.com"}}
SEEDED = "5dcd181956b5de0018913f3e"


def documented_requests(text):
    return TABLE_CALL.findall(text) + URL_CALL.findall(text)


def prepare(base_url, admin):
    admin.switches(voss_transaction_seconds=0)
    session = requests.Session()
    session.auth = ("hcsadmin@sys.hcs", "emulator-password")
    resp = session.post(base_url + B + "/" + Q + "&nowait=true", json=NEW_USER, timeout=10)
    resp.raise_for_status()
    return session, {"pkid": SEEDED, "tx": resp.json()["transaction_id"]}


ENDPOINTS = [
    {"method": "GET", "path": B + "/", "url": B + "/" + Q + "&skip=0&limit=3&order_by=hcsUname&direction=asc",
     "status": 200, "shape": LIST_SAMPLE},
    {"method": "POST", "path": B + "/", "url": B + "/" + Q, "json": dict(NEW_USER, hcsUname="another"),
     "status": 200, "shape": WRITE_SAMPLE},
    {"method": "DELETE", "path": B + "/", "url": B + "/" + Q, "json": {"hrefs": [B + "/{pkid}"]}, "status": 200,
     "shape": {"success": True}},
    {"method": "GET", "path": B + "/add/", "url": B + "/add/" + Q, "status": 200,
     "shape": {"meta": {"actions": [ANY_OBJECT], "model_type": "text"}, "data": ANY_OBJECT, "schema": ANY_OBJECT}},
    {"method": "POST", "path": B + "/export/", "url": B + "/export/" + Q + "&export_format=json",
     "json": {"hrefs": [B + "/{pkid}"]}, "status": 200, "shape": None, "content_type": "application/x-zip"},
    {"method": "POST", "path": B + "/export_bulkload_template/", "url": B + "/export_bulkload_template/" + Q,
     "status": 200, "shape": None, "content_type": "application/x-gzip"},
    {"method": "GET", "path": B + "/help", "url": B + "/help" + Q, "status": 200, "shape": None, "content_type": "text/html"},
    {"method": "GET", "path": B + "/[pkid]/", "url": B + "/{pkid}/" + Q, "status": 200, "shape": INSTANCE_SAMPLE},
    {"method": "PUT", "path": B + "/[pkid]/", "url": B + "/{pkid}/" + Q,
     "json": {"hcsUname": "AAAGlobalAdmin", "AdminUser": {"username": "AAAGlobalAdmin", "role": "CustomerAdminRole"}},
     "status": 200, "shape": WRITE_SAMPLE},
    {"method": "DELETE", "path": B + "/[pkid]/", "url": B + "/{pkid}/" + Q, "status": 200, "shape": WRITE_SAMPLE},
    {"method": "GET", "path": B + "/[pkid]/export/", "url": B + "/{pkid}/export/" + Q + "&export_format=xlsx",
     "status": 200, "shape": None, "content_type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    {"method": "GET", "path": B + "/[pkid]/help", "url": B + "/{pkid}/help" + Q, "status": 200, "shape": None,
     "content_type": "text/html"},
    # API-NOTES (public): asynchronous writes and their transaction
    {"method": "POST", "path": B + "/?nowait=true", "url": B + "/" + Q + "&nowait=true", "json": dict(NEW_USER, hcsUname="async"),
     "status": 202, "shape": ASYNC_SAMPLE},
    {"method": "GET", "path": "/api/tool/Transaction/{id}/", "url": "/api/tool/Transaction/{tx}/?format=json", "status": 200,
     "shape": TRANSACTION_SAMPLE},
    {"method": "GET", "path": "/api/tool/Transaction/{id}/poll/", "url": "/api/tool/Transaction/{tx}/poll/?format=json",
     "status": 200, "shape": ANY_OBJECT},
]
