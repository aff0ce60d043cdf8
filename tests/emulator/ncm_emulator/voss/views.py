# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""VOSS-4-UC ``relation/HcsAdminUserREL``: the shapes of answers (lists, instances, the add
form, writes); never a password."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from .schema import API_VERSION, BASE, MODEL, SCHEMA, SUMMARY_ATTRS
from .tree import Tree


def user_href(pkid):
    return "%s/%s/" % (BASE, pkid)


def _action(name, cls, href, method, title, async_ok, **extra):
    action = {"support_async": async_ok, "class": cls, "href": href, "method": method, "title": title}
    action.update(extra)
    return {name: action}


def user_actions(pkid, query=""):
    href = user_href(pkid)
    return [
        _action("update", "update", href + query, "PUT", "Modify", True),
        _action("remove", "delete", href + query, "DELETE", "Delete", True),
        _action("export", "export", href + "export/" + query, "GET", "Export", False, submit="payload", view="/api/view/ExportData/add/"),
        _action("get", "get", href + query, "GET", "Get", False),
        _action("help", "help", "%s/%s/help%s" % (BASE, pkid, query), "GET", "Help", False),
    ]


def summary(user, tree):
    """One item of a list answer."""
    node = tree.by_id[user["hierarchy"]]
    return {
        "pkid": user["id"],
        "meta": {
            "tags": [], "cached": True, "title": "title format",
            "business_key": {"hierarchy": True, "unique": ["hcsUname"]},
            "schema_version": "2.0", "summary": "false",
            "references": {
                "device": [{"pkid": "", "href": ""}],
                "owner": [{"pkid": ""}],
                "self": [{"pkid": user["id"], "href": user_href(user["id"])}],
                "parent": [{"pkid": node["id"], "href": "/api/data/HierarchyNode/%s" % node["id"]}],
                "foreign_key": [],
            },
            "actions": user_actions(user["id"]),
            "model_type": MODEL,
            "path": tree.chain(node) + [user["id"]],
            "summary_attrs": SUMMARY_ATTRS,
            "api_version": API_VERSION,
            "tagged_versions": [],
        },
        "data": {
            "pkid": user["data_pkid"],
            "hierarchy_friendly_name": Tree.friendly(node),
            "hcsUname": user["hcsUname"],
            "hierarchy_path": node["path"],
        },
    }


def full(user, tree, scope):
    """The answer of ``GET .../[pkid]/``: never the password."""
    node = tree.by_id[user["hierarchy"]]
    query = "?hierarchy=%s" % scope["id"]
    return {
        "pkid": user["id"],
        "meta": {
            "tags": [], "cached": True, "cache_control_policy": "cache_then_device",
            "title": user["hcsUname"], "business_key": {}, "schema_version": "2.1",
            "references": {
                "device": [{"pkid": "", "href": ""}],
                "self": [{"pkid": user["id"], "href": user_href(user["id"])}],
                "children": [],
                "parent": [{"pkid": node["id"], "href": "/api/data/HierarchyNode/%s" % node["id"]}],
            },
            "actions": user_actions(user["id"], query),
            "model_type": MODEL,
            "summary_attrs": SUMMARY_ATTRS,
            "api_version": API_VERSION,
            "tagged_versions": [],
            "hierarchy_path": node["path"],
        },
        "data": {"AdminUser": public_admin_user(user), "hcsUname": user["hcsUname"]},
    }


def public_admin_user(user):
    """AdminUser without the password (and without used passwords)."""
    admin = dict(user["AdminUser"])
    admin.pop("password", None)
    info = dict(admin.get("account_information") or {})
    info.pop("used_passwords", None)
    admin["account_information"] = info
    return admin


def list_meta(scope):
    query = "?hierarchy=%s" % scope["id"]
    return {
        "tags": [], "cached": True, "title": "", "business_key": {}, "schema_version": "2.1",
        "references": {
            "device": [{"pkid": "", "href": ""}],
            "self": [{"pkid": None, "href": "%s/None/" % BASE}],
            "children": [],
            "parent": [{"pkid": scope["id"], "href": "/api/data/HierarchyNode/%s" % scope["id"]}],
            "foreign_key": [],
        },
        "actions": [
            _action("add", "add", "%s/add/%s" % (BASE, query), "GET", "Add", False),
            _action("remove", "delete", "%s/%s" % (BASE, query), "DELETE", "Delete", True),
            _action("export", "export", "%s/export/%s" % (BASE, query), "POST", "Export", False, submit="payload",
                    view="/api/view/ExportData/add/"),
            _action("export_bulkload_template", "bulkload_template", "%s/export_bulkload_template/%s" % (BASE, query), "POST",
                    "Export Bulk Load Template", False),
            _action("list", "list", "%s/%s" % (BASE, query), "GET", "List", False),
            _action("help", "help", "%s/help%s" % (BASE, query), "GET", "Help", False),
        ],
        "model_type": MODEL,
        "model_specific_actions": ["help", "get", "export_bulkload_template", "list", "update", "remove", "add", "export"],
        "summary_attrs": SUMMARY_ATTRS,
        "api_version": API_VERSION,
        "tagged_versions": [],
    }


OPERATIONS = ["field_display_policy", "configuration_template", "help", "get", "export_bulkload_template", "list",
              "update", "remove", "add", "bulk_update", "export"]


def write_answer(pkid, node_id):
    """The synchronous answer of a write."""
    return {
        "pkid": pkid,
        "model_type": MODEL,
        "meta": {
            "parent_id": {"pkid": node_id, "uri": "/api/data/HierarchyNode/%s" % node_id},
            "summary_attrs": SUMMARY_ATTRS,
            "uri": "%s/%s" % (BASE, pkid),
        },
        "success": True,
    }


def add_form(scope, roles):
    """The answer of ``GET .../add/`` at ``scope``: the schema, its role choices filled in."""
    schema = copy.deepcopy(SCHEMA)
    schema["properties"]["AdminUser"]["properties"]["role"]["choices"] = [
        {"value": name, "title": name} for name in sorted(roles)]
    query = "?hierarchy=%s" % scope["id"]
    return {
        "meta": {
            "model_type": MODEL,
            "title": "Add HcsAdminUserREL",
            "schema_version": "2.1",
            "api_version": API_VERSION,
            "references": {"parent": [{"pkid": scope["id"], "href": "/api/data/HierarchyNode/%s" % scope["id"]}]},
            "actions": [
                {"create": {"support_async": True, "class": "add", "href": "%s/%s" % (BASE, query), "method": "POST", "title": "Save"}},
                {"help": {"support_async": False, "class": "help", "href": "%s/help%s" % (BASE, query), "method": "GET", "title": "Help"}},
            ],
            "summary_attrs": SUMMARY_ATTRS,
        },
        "data": {
            "hcsUname": "",
            "AdminUser": {"language": "en-us", "set_language": False,
                          "account_information": {"disabled": False, "locked": False, "change_password_on_login": False}},
        },
        "schema": schema,
    }


def export_item(user, tree):
    """One instance of an export."""
    return {"pkid": user["id"], "model_type": MODEL, "hierarchy": tree.by_id[user["hierarchy"]]["path"],
            "data": {"AdminUser": public_admin_user(user), "hcsUname": user["hcsUname"]}}
