# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""VOSS-4-UC ``relation/HcsAdminUserREL``: hierarchy, validation and the shapes of answers.

Nothing here talks HTTP. Stored objects (all JSON):

- hierarchy node ``{"id": pkid, "name", "path": "sys.hcs.CS-P", "type": "Provider", "parent": pkid|None}``;
- role ``{"id": name, "name", "description"}``;
- user ``{"id": pkid, "data_pkid", "hierarchy": node pkid, "hcsUname", "AdminUser": {...},
  "password_hash": sha256 hex or None}``: the clear password is never stored nor returned.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import hashlib
import re

MODEL = "relation/HcsAdminUserREL"
BASE = "/api/relation/HcsAdminUserREL"
API_VERSION = "19.3.1"
MAXIMUM_LIMIT = 2000
DEFAULT_LIMIT = 50
ERROR_KEYS = ("message", "error", "detail", "errors")
ORDER_FIELDS = ("hcsUname", "hierarchy_friendly_name", "hierarchy_path")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
SUMMARY_ATTRS = [
    {"name": "hcsUname", "title": "HcsUsername"},
    {"allow_filtering": True, "name": "hierarchy_friendly_name", "title": "Located At"},
]
ADMIN_USER_STRINGS = ("first_name", "last_name", "email", "language")
ACCOUNT_BOOLS = ("disabled", "locked", "change_password_on_login")
ACCOUNT_STRINGS = ("credential_policy", "reason_for_disabled", "failed_login_lock_date")
ACCOUNT_READ_ONLY = ("password_last_change_time", "password_last_change_time_by_user", "last_login_time", "used_passwords")
DATA_IGNORED = ("pkid", "hierarchy_path", "hierarchy_friendly_name")

SCHEMA = {
    "$schema": "http://json-schema.org/draft-03/schema",
    "type": "object",
    "schema_version": "2.1",
    "properties": {
        "AdminUser": {
            "type": "object",
            "title": "Admin User",
            "properties": {
                "username": {"type": "string", "required": True, "title": "User Name"},
                "first_name": {"type": "string", "title": "First Name"},
                "last_name": {"type": "string", "title": "Last Name"},
                "language": {"type": "string", "format": "uri", "default": "en-us", "required": False, "title": "Language",
                             "target_model_type": "data/Language", "target_attr": "lcid"},
                "account_information": {
                    "type": "object", "required": False, "title": "Account Information",
                    "properties": {
                        "reason_for_disabled": {"type": "string", "required": False, "title": "Reason for Disabled"},
                        "locked": {"type": "boolean", "required": False, "title": "Locked"},
                        "change_password_on_login": {"type": "boolean", "required": False, "title": "Change Password on Next Login"},
                        "security_questions": {"type": "array", "title": "Security Questions", "items": {"type": "object", "properties": {
                            "answer": {"type": "string", "required": True, "maxLength": 128, "title": "Answer"},
                            "question": {"type": "string", "required": True, "maxLength": 128, "title": "Question"}}}},
                        "disabled": {"type": "boolean", "required": False, "title": "Disabled"},
                        "credential_policy": {"type": "string", "format": "uri", "required": False, "title": "Credential Policy",
                                              "target_model_type": "data/CredentialPolicy", "target_attr": "name"},
                        "failed_login_lock_date": {"type": "string", "format": "date-time", "required": False,
                                                   "title": "Time Locked Due to Failed Login Attempts"},
                        "password_last_change_time_by_user": {"type": "string", "format": "date-time", "readonly": True, "required": False,
                                                              "title": "Time of Last Password Change By User"},
                        "password_last_change_time": {"type": "string", "format": "date-time", "readonly": True, "required": False,
                                                      "title": "Time of Last Password Change"},
                        "num_of_failed_login_attempts": {"type": "integer", "default": "0", "required": False,
                                                         "title": "Number of Failed Login Attempts Since Last Successful Login"},
                        "used_passwords": {"type": "array", "title": "Used Passwords"},
                        "last_login_time": {"type": "string", "format": "date-time", "readonly": True, "required": False,
                                            "title": "Time of Last Successful Login"},
                    },
                },
                "set_language": {"type": "boolean", "default": False, "required": False, "title": "Set by Default Language"},
                "role": {"type": "string", "format": "uri", "required": True, "title": "Role", "choices": [],
                         "target_model_type": "data/Role", "target_attr": "name"},
                "password": {"type": "string", "is_password": True, "pattern": ".{8,}", "store_encrypted": True, "title": "Password"},
                "email": {"type": "string", "required": False, "title": "Email Address"},
            },
        },
        "hcsUname": {"type": "string", "required": True, "maxLength": 1024, "title": "HcsUsername", "is_password": False,
                     "displayable": False, "readonly": False},
    },
}

HIERARCHY = [
    {"id": "6t0ggef2c0deab00hb595101", "path": "sys", "type": "System"},
    {"id": "5dcc7ff74544b7001862482f", "path": "sys.hcs", "type": "Global"},
    {"id": "5dcd17c256b5de00189138f9", "path": "sys.hcs.CS-P", "type": "Provider"},
    {"id": "5dcd180233fc9b00189005b2", "path": "sys.hcs.CS-P.CS-NB", "type": "Reseller"},
    {"id": "5dcd1812e186e30018eb7023", "path": "sys.hcs.CS-P.CS-NB.AAAGlobal", "type": "Customer"},
    {"id": "5dcd1812e186e30018eb7031", "path": "sys.hcs.CS-P.CS-NB.AAAGlobal.AAA-HQ", "type": "Site"},
    {"id": "5dcd1830e186e30018eb7101", "path": "sys.hcs.CS-P.CS-NB.BBBCorp", "type": "Customer"},
]

ROLES = [
    {"id": "ProviderAdminRole", "description": "Provider administrator"},
    {"id": "ResellerAdminRole", "description": "Reseller administrator"},
    {"id": "CustomerAdminRole", "description": "Customer administrator"},
    {"id": "SiteAdminRole", "description": "Site administrator"},
    {"id": "ReadOnlyAdminRole", "description": "Read-only administrator"},
    {"id": "AAAGlobalENTCustomerAdministrator", "description": "AAAGlobal enterprise customer administrator"},
]

USERS = [
    {"id": "5dcd181956b5de0018913f3e", "data_pkid": "5dcd181956b5de0018913f3f", "hierarchy": "sys.hcs.CS-P.CS-NB.AAAGlobal",
     "hcsUname": "AAAGlobalAdmin",
     "AdminUser": {"username": "AAAGlobalAdmin", "language": "en-us", "set_language": True, "role": "AAAGlobalENTCustomerAdministrator",
                   "email": "aaaglobaladmin@aaaglobal.example",
                   "account_information": {"locked": False, "last_login_time": "2019-11-14T14:00:01.222Z", "disabled": False,
                                           "credential_policy": "AAAGlobal-CP", "change_password_on_login": False,
                                           "password_last_change_time": "2019-11-14T11:38:35.327Z"}},
     "password": "emulator-user-password"},
    {"id": "5dcd2cc2e186e30018ebbd91", "data_pkid": "5dcd2cc2e186e30018ebbd92", "hierarchy": "sys.hcs.CS-P.CS-NB.AAAGlobal",
     "hcsUname": "AAAGlobalENTCustomerAdminByResllerAdmin",
     "AdminUser": {"username": "AAAGlobalENTCustomerAdminByResllerAdmin", "language": "en-us", "set_language": False,
                   "role": "CustomerAdminRole", "email": "customer.admin@aaaglobal.example",
                   "account_information": {"locked": False, "disabled": False, "change_password_on_login": False}},
     "password": "emulator-user-password"},
    {"id": "5dcd180b4544b70018604f26", "data_pkid": "5dcd180b4544b70018604f27", "hierarchy": "sys.hcs.CS-P.CS-NB",
     "hcsUname": "CS-NBAdmin",
     "AdminUser": {"username": "CS-NBAdmin", "language": "en-us", "set_language": False, "role": "ResellerAdminRole",
                   "email": "admin@cs-nb.example", "first_name": "Reseller", "last_name": "Admin",
                   "account_information": {"locked": False, "disabled": False, "change_password_on_login": False}},
     "password": "emulator-user-password"},
]


class VossError(Exception):
    """A rejected request: HTTP status and message (and the field at fault)."""

    def __init__(self, status, message, field=None):
        super(VossError, self).__init__(message)
        self.status = status
        self.message = message
        self.field = field

    def body(self, key="message"):
        """The error answer; ``key`` (switch ``voss_error_key``) carries the message:
        ``message`` / ``error`` / ``detail`` (a string) or ``errors`` (``[{"message", "field"?}]``)."""
        answer = {"success": False, "code": self.status, "http_code": self.status}
        if key == "errors":
            item = {"message": self.message}
            if self.field:
                item["field"] = self.field
            answer["errors"] = [item]
            return answer
        answer[key if key in ERROR_KEYS else "message"] = self.message
        if self.field:
            answer["field"] = self.field
        return answer


def hash_password(password):
    return hashlib.sha256(("ncm-emulator:" + password).encode("utf-8")).hexdigest()


# ---- hierarchy ---------------------------------------------------------------

class Tree(object):
    """An index of the hierarchy nodes (built per request: the tree is small)."""

    def __init__(self, nodes):
        self.by_id = dict((node["id"], node) for node in nodes)
        self.by_path = dict((node["path"], node) for node in nodes)

    def resolve(self, value):
        """The node named by a pkid or a dotted path, or None."""
        if value is None:
            return None
        return self.by_id.get(value) or self.by_path.get(value)

    def chain(self, node):
        """Pkids from the root down to ``node``."""
        out = []
        while node is not None:
            out.append(node["id"])
            node = self.by_id.get(node.get("parent"))
        return list(reversed(out))

    @staticmethod
    def friendly(node):
        return "%s (%s)" % (node["name"], node["type"]) if node.get("type") else node["name"]

    def in_scope(self, node_id, scope, local=False):
        """Whether a node is ``scope`` itself or (unless ``local``) below it."""
        node = self.by_id.get(node_id)
        if node is None:
            return False
        if node["id"] == scope["id"]:
            return True
        return not local and node["path"].startswith(scope["path"] + ".")


def normalise_node(obj, tree):
    """A seeded hierarchy node: ``path`` required; its parent (all but the root) must exist."""
    path = obj.get("path")
    if not isinstance(path, str) or not path or path.startswith(".") or path.endswith("."):
        raise ValueError("voss_hierarchy: path is required (a dotted path such as sys.hcs.X)")
    parent_path, _sep, name = path.rpartition(".")
    parent = None
    if parent_path:
        parent = tree.by_path.get(parent_path)
        if parent is None:
            raise ValueError("voss_hierarchy: parent %r of %r does not exist" % (parent_path, path))
    obj["name"] = name
    obj["parent"] = parent["id"] if parent else None
    obj.setdefault("type", "")
    return obj


# ---- validation ----------------------------------------------------------------

def _string(value, field, max_length=None, required=False):
    if value is None or (value == "" and not required):
        if required:
            raise VossError(400, "%s is required." % field, field)
        return None
    if not isinstance(value, str):
        raise VossError(400, "%s must be a string." % field, field)
    if required and not value:
        raise VossError(400, "%s is required." % field, field)
    if max_length is not None and len(value) > max_length:
        raise VossError(400, "%s must be at most %d characters long." % (field, max_length), field)
    return value


def _bool(value, field):
    if value is None:
        return None
    if not isinstance(value, bool):
        raise VossError(400, "%s must be a boolean." % field, field)
    return value


def _account(info, old):
    """Writable account information merged with the read-only fields already stored."""
    field = "AdminUser.account_information"
    if info is None:
        info = {}
    if not isinstance(info, dict):
        raise VossError(400, "%s must be an object." % field, field)
    known = ACCOUNT_BOOLS + ACCOUNT_STRINGS + ACCOUNT_READ_ONLY + ("security_questions", "num_of_failed_login_attempts")
    unknown = sorted(key for key in info if key not in known)
    if unknown:
        raise VossError(400, "Unknown field(s) in %s: %s." % (field, ", ".join(unknown)), field)
    out = {}
    for key in ACCOUNT_BOOLS:
        value = _bool(info.get(key), "%s.%s" % (field, key))
        out[key] = False if value is None else value
    for key in ACCOUNT_STRINGS:
        value = _string(info.get(key), "%s.%s" % (field, key))
        if value is not None:
            out[key] = value
    attempts = info.get("num_of_failed_login_attempts")
    if attempts is not None:
        if isinstance(attempts, bool) or not isinstance(attempts, int) or attempts < 0:
            raise VossError(400, "%s.num_of_failed_login_attempts must be a non-negative integer." % field, field)
        out["num_of_failed_login_attempts"] = attempts
    questions = info.get("security_questions")
    if questions is not None:
        if not isinstance(questions, list):
            raise VossError(400, "%s.security_questions must be a list." % field, field)
        for item in questions:
            if not isinstance(item, dict):
                raise VossError(400, "%s.security_questions items must be objects." % field, field)
            for part in ("question", "answer"):
                _string(item.get(part), "%s.security_questions.%s" % (field, part), 128, required=True)
        out["security_questions"] = [{"question": q["question"], "answer": q["answer"]} for q in questions]
    for key in ("password_last_change_time", "password_last_change_time_by_user", "last_login_time"):
        if old.get(key):
            out[key] = old[key]
    return out


def validate_data(data, roles, old=None, now_iso=None):
    """Check a create (``old`` None) or whole-object update payload.

    Returns the stored form ``{"hcsUname", "AdminUser", "password_hash"}``; on update a
    missing password keeps the stored one.
    """
    if not isinstance(data, dict):
        raise VossError(400, "The request body must be a JSON object with AdminUser and hcsUname.")
    unknown = sorted(key for key in data if key not in ("AdminUser", "hcsUname") + DATA_IGNORED)
    if unknown:
        raise VossError(400, "Unknown field(s): %s." % ", ".join(unknown), unknown[0])
    name = _string(data.get("hcsUname"), "hcsUname", 1024, required=True)
    admin = data.get("AdminUser")
    if admin is None:
        raise VossError(400, "AdminUser is required.", "AdminUser")
    if not isinstance(admin, dict):
        raise VossError(400, "AdminUser must be an object.", "AdminUser")
    known = ("username", "role", "password", "set_language", "account_information") + ADMIN_USER_STRINGS
    unknown = sorted(key for key in admin if key not in known)
    if unknown:
        raise VossError(400, "Unknown field(s) in AdminUser: %s." % ", ".join(unknown), "AdminUser." + unknown[0])
    out = {"username": _string(admin.get("username"), "AdminUser.username", required=True)}
    for key in ("first_name", "last_name", "email"):
        value = _string(admin.get(key), "AdminUser." + key)
        if value is not None:
            out[key] = value
    if out.get("email") and not EMAIL_RE.match(out["email"]):
        raise VossError(400, "AdminUser.email %r is not a valid email address." % out["email"], "AdminUser.email")
    role = _string(admin.get("role"), "AdminUser.role", required=True)
    if role not in roles:
        raise VossError(400, "AdminUser.role %r is not a known role; choices: %s." % (role, ", ".join(sorted(roles))), "AdminUser.role")
    out["role"] = role
    out["language"] = _string(admin.get("language"), "AdminUser.language") or "en-us"
    set_language = _bool(admin.get("set_language"), "AdminUser.set_language")
    out["set_language"] = False if set_language is None else set_language
    old_admin = (old or {}).get("AdminUser", {})
    account = _account(admin.get("account_information"), old_admin.get("account_information", {}))
    password = admin.get("password")
    password_hash = (old or {}).get("password_hash")
    if password is not None:
        if not isinstance(password, str) or len(password) < 8:
            raise VossError(400, "AdminUser.password must be at least 8 characters long.", "AdminUser.password")
        password_hash = hash_password(password)
        if now_iso:
            account["password_last_change_time"] = now_iso
    out["account_information"] = account
    return {"hcsUname": name, "AdminUser": out, "password_hash": password_hash}


def find_conflict(users, node_id, name, exclude=None):
    """The pkid of another user with this hcsUname at this node, or None."""
    for user in users:
        if user["hierarchy"] == node_id and user["hcsUname"] == name and user["id"] != exclude:
            return user["id"]
    return None


# ---- rendering -------------------------------------------------------------------

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
