# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""VOSS-4-UC (Cisco HCS): ``relation/HcsAdminUserREL`` and ``tool/Transaction``.

Paths (see ``seeds/voss-hcs-admin-user-rel.txt`` and API-NOTES section 3), all under
``/api/relation/HcsAdminUserREL``:

- ``GET /`` list (``skip``, ``limit`` capped at ``maximum_limit`` 2000, default 50 (switches
  ``voss_maximum_limit``, ``voss_default_limit``),
  ``order_by`` hcsUname | hierarchy_friendly_name | hierarchy_path, ``direction`` asc | desc,
  ``traversal``); ``POST /`` create; ``DELETE /`` bulk delete ``{"hrefs": [...]}``;
- ``GET /add/`` the add form; ``POST /export/`` (``export_format`` json | raw_xlsx | xlsx,
  body ``{"hrefs": [...]}``, none = every instance in scope);
  ``POST /export_bulkload_template/``; ``GET /help``;
- ``GET|PUT|DELETE /[pkid]/``; ``GET /[pkid]/export/``; ``GET /[pkid]/help``;
- ``GET /api/tool/Transaction/[id]/`` and ``.../poll/``.

Every request needs HTTP Basic (config section ``voss``: ``username``, ``password``) and,
except the transaction paths, ``hierarchy`` (a node pkid or a dotted path); ``format`` may
only be ``json``. Scope (decided, following the seed, whose list at a parent shows users
of the child customer too): a list, get, update or delete at a hierarchy sees the users of
that node and of every node below it; ``traversal=local`` (or switch ``voss_list_scope``
``node``) limits a list to the node itself.
A create puts the user at the given node; ``hcsUname`` is unique per node.

Errors: ``{"success": false, "code": N, "http_code": N, "message": "...", "field": "..."}``
(switch ``voss_error_key``: the message under ``error`` or ``detail`` instead, or as
``errors: [{"message", "field"}]``)
with 400 (validation, bad parameters), 401, 404 (unknown hierarchy, pkid or transaction),
409 (duplicate ``hcsUname``). Writes: see ``voss_tx``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import re

from flask import Blueprint, Response, jsonify, request

from . import core
from . import voss_export
from . import voss_model
from . import voss_tx
from .voss_model import VossError

BASE = voss_model.BASE
NODES = "voss_hierarchy"
ROLES = "voss_roles"
USERS = voss_tx.USERS
TRANSACTIONS = voss_tx.TRANSACTIONS
HREF_RE = re.compile(r"^(?:https?://[^/]+)?/api/relation/HcsAdminUserREL/([^/?]+)/?(?:\?.*)?$")

bp = Blueprint("voss", __name__)


def _answer(body, status=200):
    resp = jsonify(body)
    resp.status_code = status
    return resp


def _error_body(exc):
    return exc.body(core.get_emulator().switch("voss_error_key"))


@bp.errorhandler(VossError)
def _voss_error(exc):
    resp = _answer(_error_body(exc), exc.status)
    if exc.status == 401:
        resp.headers["WWW-Authenticate"] = 'Basic realm="VOSS"'
    return resp


def _begin(emu, need_hierarchy=True):
    """Auth, format, due transactions, hierarchy: returns ``(tree, scope node)``."""
    auth = request.authorization
    config = emu.config["voss"]
    if auth is None or auth.type != "basic" or auth.username != config["username"] or auth.password != config["password"]:
        raise VossError(401, "Authentication failed: send HTTP Basic credentials of a VOSS administrator.")
    fmt = request.args.get("format")
    if fmt not in (None, "", "json"):
        raise VossError(400, "format %r is not supported; use format=json." % fmt, "format")
    voss_tx.settle(emu)
    tree = voss_model.Tree(emu.list_objects(NODES))
    value = request.args.get("hierarchy")
    if not value:
        if need_hierarchy:
            raise VossError(400, "The hierarchy parameter is required (a hierarchy pkid or dotted path).", "hierarchy")
        return tree, None
    scope = tree.resolve(value)
    if scope is None:
        raise VossError(404, "Hierarchy %r not found." % value, "hierarchy")
    return tree, scope


def _nowait():
    return request.args.get("nowait", "").lower() in ("true", "1", "yes")


def _as_transaction(emu):
    """Whether this write becomes a transaction: ``nowait=true`` and switch ``voss_nowait``
    left at ``transaction`` (``sync`` answers every write synchronously)."""
    return _nowait() and emu.switch("voss_nowait") == "transaction"


def _int_arg(name, default, minimum):
    value = request.args.get(name)
    if value in (None, ""):
        return default
    try:
        number = int(value)
    except ValueError:
        raise VossError(400, "%s must be an integer." % name, name)
    if number < minimum:
        raise VossError(400, "%s must be at least %d." % (name, minimum), name)
    return number


def _roles(emu):
    return set(role["id"] for role in emu.list_objects(ROLES))


def _user_in_scope(emu, tree, scope, pkid):
    user = emu.get_object(USERS, pkid)
    if user is None or not tree.in_scope(user["hierarchy"], scope):
        raise VossError(404, "HcsAdminUserREL %s not found at hierarchy %s." % (pkid, scope["path"]))
    return user


def _json_body():
    if not request.get_data(cache=True):
        raise VossError(400, "A JSON request body is required.")
    if not request.is_json:
        raise VossError(400, "The request body must be JSON (Content-Type: application/json).")
    body = request.get_json(silent=True)
    if body is None:
        raise VossError(400, "The request body is not valid JSON.")
    return body


def _write(emu, op, scope, description):
    """Apply now (200; a create: switch ``voss_sync_create_status``) or submit a transaction
    (202 with nowait=true, unless switch ``voss_nowait`` is ``sync``)."""
    if _as_transaction(emu):
        tx_id = voss_tx.submit(emu, op, emu.config["voss"]["username"], scope["path"], description)
        return _answer({"href": "/api/tool/Transaction/%s" % tx_id, "success": True, "transaction_id": tx_id}, 202)
    voss_tx.apply(emu, op, emu.now().timestamp())
    status = emu.switch("voss_sync_create_status") if op["operation"] == "add" else 200
    return _answer(voss_model.write_answer(op.get("pkid"), op["node"]), status)


# ---- list, create, bulk delete --------------------------------------------------

@bp.route(BASE + "/", methods=["GET"], strict_slashes=False)
def list_users():
    emu = core.get_emulator()
    with emu.lock:
        tree, scope = _begin(emu)
        skip = _int_arg("skip", 0, 0)
        maximum = max(1, emu.switch("voss_maximum_limit"))
        limit = min(_int_arg("limit", max(1, emu.switch("voss_default_limit")), 1), maximum)
        order_by = request.args.get("order_by") or "hcsUname"
        if order_by not in voss_model.ORDER_FIELDS:
            raise VossError(400, "order_by must be one of %s." % ", ".join(voss_model.ORDER_FIELDS), "order_by")
        direction = (request.args.get("direction") or "asc").lower()
        if direction not in ("asc", "desc"):
            raise VossError(400, "direction must be asc or desc.", "direction")
        traversal = request.args.get("traversal") or "default"
        local = traversal == "local" or emu.switch("voss_list_scope") == "node"
        users = [user for user in emu.collection(USERS).values() if tree.in_scope(user["hierarchy"], scope, local)]
        if order_by == "hcsUname":
            users.sort(key=lambda user: (user["hcsUname"], user["id"]), reverse=direction == "desc")
        else:
            attr = "path" if order_by == "hierarchy_path" else None
            users.sort(key=lambda user: (tree.by_id[user["hierarchy"]]["path"] if attr else voss_model.Tree.friendly(tree.by_id[user["hierarchy"]]),
                                         user["hcsUname"], user["id"]), reverse=direction == "desc")
        page = users[skip:skip + limit]
        pagination = {
            "direction": direction,
            "order_by": order_by,
            "maximum_limit": maximum,
            "skip": skip,
            "current": "%s/?skip=%d&limit=%d&order_by=%s&direction=%s&traversal=%s" % (BASE, skip, limit, order_by, direction, traversal),
            "limit": limit,
            "total_limit": None,
            "total": len(users),
        }
        return _answer({
            "operations": voss_model.OPERATIONS,
            "pagination": pagination,
            "meta": voss_model.list_meta(scope),
            "resources": [voss_model.summary(user, tree) for user in page],
        })


@bp.route(BASE + "/", methods=["POST"], strict_slashes=False)
def create_user():
    emu = core.get_emulator()
    with emu.lock:
        _tree, scope = _begin(emu)
        stored = voss_model.validate_data(_json_body(), _roles(emu), now_iso=voss_tx.iso(emu.now().timestamp()))
        op = {"operation": "add", "node": scope["id"], "pkid": emu.new_id(), "data_pkid": emu.new_id(), "stored": stored}
        return _write(emu, op, scope, "hcsUname: %s" % stored["hcsUname"])


@bp.route(BASE + "/", methods=["DELETE"], strict_slashes=False)
def bulk_delete():
    emu = core.get_emulator()
    with emu.lock:
        tree, scope = _begin(emu)
        body = _json_body()
        hrefs = body.get("hrefs") if isinstance(body, dict) else None
        if not isinstance(hrefs, list) or not hrefs:
            raise VossError(400, "The body must be {\"hrefs\": [\"/api/relation/HcsAdminUserREL/<pkid>\", ...]} with at least one href.", "hrefs")
        pkids = []
        for href in hrefs:
            match = HREF_RE.match(href) if isinstance(href, str) else None
            if match is None:
                raise VossError(400, "%r is not an href of an HcsAdminUserREL instance." % (href,), "hrefs")
            _user_in_scope(emu, tree, scope, match.group(1))
            if match.group(1) not in pkids:
                pkids.append(match.group(1))
        op = {"operation": "bulk_delete", "node": scope["id"], "pkids": pkids}
        if _as_transaction(emu):
            return _write(emu, op, scope, "%d instance(s)" % len(pkids))
        voss_tx.apply(emu, op, emu.now().timestamp())
        return _answer({"success": True, "model_type": voss_model.MODEL, "pkids": pkids})


# ---- one instance --------------------------------------------------------------

@bp.route(BASE + "/<pkid>/", methods=["GET"], strict_slashes=False)
def get_user(pkid):
    emu = core.get_emulator()
    with emu.lock:
        tree, scope = _begin(emu)
        return _answer(voss_model.full(_user_in_scope(emu, tree, scope, pkid), tree, scope))


@bp.route(BASE + "/<pkid>/", methods=["PUT"], strict_slashes=False)
def update_user(pkid):
    emu = core.get_emulator()
    with emu.lock:
        tree, scope = _begin(emu)
        user = _user_in_scope(emu, tree, scope, pkid)
        stored = voss_model.validate_data(_json_body(), _roles(emu), old=user, now_iso=voss_tx.iso(emu.now().timestamp()))
        op = {"operation": "modify", "node": user["hierarchy"], "pkid": pkid, "stored": stored}
        return _write(emu, op, scope, "hcsUname: %s" % stored["hcsUname"])


@bp.route(BASE + "/<pkid>/", methods=["DELETE"], strict_slashes=False)
def delete_user(pkid):
    emu = core.get_emulator()
    with emu.lock:
        tree, scope = _begin(emu)
        user = _user_in_scope(emu, tree, scope, pkid)
        op = {"operation": "delete", "node": user["hierarchy"], "pkid": pkid}
        return _write(emu, op, scope, "hcsUname: %s" % user["hcsUname"])


# ---- forms, help, export -------------------------------------------------------

@bp.route(BASE + "/add/", methods=["GET"], strict_slashes=False)
def add_form():
    emu = core.get_emulator()
    with emu.lock:
        _tree, scope = _begin(emu)
        schema = copy.deepcopy(voss_model.SCHEMA)
        schema["properties"]["AdminUser"]["properties"]["role"]["choices"] = [
            {"value": name, "title": name} for name in sorted(_roles(emu))]
        query = "?hierarchy=%s" % scope["id"]
        return _answer({
            "meta": {
                "model_type": voss_model.MODEL,
                "title": "Add HcsAdminUserREL",
                "schema_version": "2.1",
                "api_version": voss_model.API_VERSION,
                "references": {"parent": [{"pkid": scope["id"], "href": "/api/data/HierarchyNode/%s" % scope["id"]}]},
                "actions": [
                    {"create": {"support_async": True, "class": "add", "href": "%s/%s" % (BASE, query), "method": "POST", "title": "Save"}},
                    {"help": {"support_async": False, "class": "help", "href": "%s/help%s" % (BASE, query), "method": "GET", "title": "Help"}},
                ],
                "summary_attrs": voss_model.SUMMARY_ATTRS,
            },
            "data": {
                "hcsUname": "",
                "AdminUser": {"language": "en-us", "set_language": False,
                              "account_information": {"disabled": False, "locked": False, "change_password_on_login": False}},
            },
            "schema": schema,
        })


HELP_HTML = """<!DOCTYPE html>
<html><head><title>relation/HcsAdminUserREL</title></head>
<body><h1>Model ref.: relation/HcsAdminUserREL</h1>
<p>HCS administrator users. Business key: hcsUname, unique within a hierarchy node.</p>
<p>Fields: AdminUser.username (required), first_name, last_name, email, role (required),
language (default en-us), set_language, password (at least 8 characters, never returned),
account_information.</p></body></html>
"""


@bp.route(BASE + "/help", methods=["GET"], strict_slashes=False)
def help_collection():
    emu = core.get_emulator()
    with emu.lock:
        _begin(emu)
        return Response(HELP_HTML, mimetype="text/html")


@bp.route(BASE + "/<pkid>/help", methods=["GET"], strict_slashes=False)
def help_instance(pkid):
    emu = core.get_emulator()
    with emu.lock:
        tree, scope = _begin(emu)
        _user_in_scope(emu, tree, scope, pkid)
        return Response(HELP_HTML, mimetype="text/html")


def _export_item(user, tree):
    return {"pkid": user["id"], "model_type": voss_model.MODEL, "hierarchy": tree.by_id[user["hierarchy"]]["path"],
            "data": {"AdminUser": voss_model.public_admin_user(user), "hcsUname": user["hcsUname"]}}


def _export(emu, users, tree):
    fmt = request.args.get("export_format") or "json"
    stamp = emu.now()
    items = [_export_item(user, tree) for user in users]
    if fmt == "json":
        name, payload = voss_export.json_zip(items, stamp.strftime("%Y-%m-%d_%H:%M:%S.%f"))
        mimetype = "application/x-zip"
    elif fmt in ("xlsx", "raw_xlsx"):
        middle = "exportedsheet_formatted" if fmt == "xlsx" else "exportedsheet"
        name = "relation_HcsAdminUserREL_%s_%s.xlsx" % (middle, stamp.strftime("%Y-%m-%d_%H-%M-%S"))
        payload = voss_export.xlsx([item["data"] for item in items])
        mimetype = voss_export.XLSX_TYPE
    else:
        raise VossError(400, "export_format must be json, raw_xlsx or xlsx.", "export_format")
    resp = Response(payload, mimetype=mimetype)
    resp.headers["Content-Disposition"] = "attachment; filename=%s" % name
    resp.headers["Content-Language"] = "en"
    return resp


@bp.route(BASE + "/export/", methods=["POST"], strict_slashes=False)
def export_many():
    emu = core.get_emulator()
    with emu.lock:
        tree, scope = _begin(emu)
        body = request.get_json(silent=True) if request.get_data(cache=True) else {}
        hrefs = body.get("hrefs") if isinstance(body, dict) else None
        if hrefs:
            if not isinstance(hrefs, list):
                raise VossError(400, "hrefs must be a list.", "hrefs")
            users = []
            for href in hrefs:
                match = HREF_RE.match(href) if isinstance(href, str) else None
                if match is None:
                    raise VossError(400, "%r is not an href of an HcsAdminUserREL instance." % (href,), "hrefs")
                users.append(_user_in_scope(emu, tree, scope, match.group(1)))
        else:
            users = sorted((user for user in emu.collection(USERS).values() if tree.in_scope(user["hierarchy"], scope)),
                           key=lambda user: (user["hcsUname"], user["id"]))
        return _export(emu, users, tree)


@bp.route(BASE + "/<pkid>/export/", methods=["GET"], strict_slashes=False)
def export_one(pkid):
    emu = core.get_emulator()
    with emu.lock:
        tree, scope = _begin(emu)
        return _export(emu, [_user_in_scope(emu, tree, scope, pkid)], tree)


@bp.route(BASE + "/export_bulkload_template/", methods=["POST"], strict_slashes=False)
def export_template():
    emu = core.get_emulator()
    with emu.lock:
        _begin(emu)
        resp = Response(voss_export.bulkload_template(), mimetype="application/x-gzip")
        resp.headers["Content-Disposition"] = "attachment; filename=HcsAdminUserREL_bulkloadsheet.xlsx.gz"
        return resp


# ---- transactions --------------------------------------------------------------

def _transaction(emu, tx_id):
    _begin(emu, need_hierarchy=False)
    tx = emu.get_object(TRANSACTIONS, tx_id)
    if tx is None:
        raise VossError(404, "Transaction %s not found." % tx_id)
    return tx


@bp.route("/api/tool/Transaction/<tx_id>/", methods=["GET"], strict_slashes=False)
def get_transaction(tx_id):
    emu = core.get_emulator()
    with emu.lock:
        return _answer(voss_tx.render(emu, voss_tx.observe(emu, _transaction(emu, tx_id))))


@bp.route("/api/tool/Transaction/<tx_id>/poll/", methods=["GET"], strict_slashes=False)
def poll_transaction(tx_id):
    emu = core.get_emulator()
    with emu.lock:
        return _answer(voss_tx.poll(emu, voss_tx.observe(emu, _transaction(emu, tx_id))))


# ---- plug-in hooks -------------------------------------------------------------

def reset(emu):
    """Put the default hierarchy, roles and users back (the users only if config
    ``voss.defaults`` is true, the default), then the objects of config ``voss.seed``."""
    config = emu.config["voss"]
    for node in voss_model.HIERARCHY:
        emu.put_object(NODES, seed(emu, NODES, copy.deepcopy(node)))
    for role in voss_model.ROLES:
        emu.put_object(ROLES, seed(emu, ROLES, copy.deepcopy(role)))
    if config.get("defaults", True):
        for user in voss_model.USERS:
            emu.put_object(USERS, seed(emu, USERS, copy.deepcopy(user)))
    for collection in (NODES, ROLES, USERS):
        objects = (config.get("seed") or {}).get(collection)
        if objects:
            emu.seed(collection, objects)


def _seed_user(emu, obj):
    tree = voss_model.Tree(emu.list_objects(NODES))
    node = tree.resolve(obj.get("hierarchy"))
    if node is None:
        raise ValueError("voss_users: hierarchy %r is not a known node pkid or path" % (obj.get("hierarchy"),))
    admin = obj.get("AdminUser")
    if isinstance(admin, dict) and obj.get("password") is not None:
        admin = dict(admin, password=obj["password"])
    data = {"AdminUser": admin, "hcsUname": obj.get("hcsUname") or (admin or {}).get("username")}
    read_only = dict((admin or {}).get("account_information") or {}) if isinstance(admin, dict) else {}
    try:
        now_iso = None if read_only.get("password_last_change_time") else voss_tx.iso(emu.now().timestamp())
        stored = voss_model.validate_data(data, _roles(emu), old={"AdminUser": {"account_information": read_only}}, now_iso=now_iso)
    except VossError as exc:
        raise ValueError("voss_users: %s" % exc.message)
    pkid = obj.get("id") or emu.new_id()
    other = voss_model.find_conflict(emu.collection(USERS).values(), node["id"], stored["hcsUname"], exclude=pkid)
    if other is not None:
        raise ValueError("voss_users: hcsUname %r already exists at %s" % (stored["hcsUname"], node["path"]))
    user = {"id": pkid, "data_pkid": obj.get("data_pkid") or emu.new_id(), "hierarchy": node["id"]}
    user.update(stored)
    return user


def seed(emu, collection, obj):
    """Check one seeded object.

    - ``voss_hierarchy``: ``{"path": "sys.hcs.X", "type": "Customer"}`` (parent must exist);
    - ``voss_roles``: ``{"id": "RoleName"}`` (or ``name``);
    - ``voss_users``: ``{"hierarchy": pkid or path, "hcsUname", "AdminUser": {...},
      "password"}`` (validated like a create; ``hcsUname`` defaults to the username).
    """
    if collection == NODES:
        obj = voss_model.normalise_node(obj, voss_model.Tree(emu.list_objects(NODES)))
        obj.setdefault("id", emu.new_id())
        return obj
    if collection == ROLES:
        name = obj.get("id") or obj.get("name")
        if not isinstance(name, str) or not name:
            raise ValueError("voss_roles: a role needs a name (id)")
        obj["id"] = obj["name"] = name
        return obj
    if collection == USERS:
        return _seed_user(emu, obj)
    obj.setdefault("id", emu.new_id())
    return obj


def http_error(status, req):
    """VOSS-shaped answers for unknown paths and methods under /api/relation/ and /api/tool/."""
    messages = {404: "Not found: %s" % req.path, 405: "Method %s is not allowed on %s." % (req.method, req.path)}
    if status not in messages and status not in (400, 413, 415):
        return None
    return _answer(_error_body(VossError(status, messages.get(status, "Bad request."))), status)


VENDOR = core.Vendor(
    name="voss",
    blueprint=bp,
    collections=(NODES, ROLES, USERS, TRANSACTIONS),
    switches={
        "voss_transaction_seconds": 1.0,
        "voss_final_status_word": "Success",
        "voss_fail_transactions": 0,
        "voss_fail_message": "Transaction failed (emulated): the device rejected the change.",
        "voss_href_style": "plain",
        "voss_nowait": "transaction",
        "voss_sync_create_status": 200,
        "voss_tx_message_key": "message",
        "voss_error_key": "message",
        "voss_maximum_limit": voss_model.MAXIMUM_LIMIT,
        "voss_default_limit": voss_model.DEFAULT_LIMIT,
        "voss_list_scope": "subtree",
        "voss_queued_polls": 0,
        "voss_in_progress_polls": 0,
    },
    choices={
        "voss_final_status_word": ("Success", "Completed"),
        "voss_href_style": ("plain", "slash_query"),
        "voss_nowait": ("transaction", "sync"),
        "voss_sync_create_status": (200, 201),
        "voss_tx_message_key": ("message", "error"),
        "voss_error_key": voss_model.ERROR_KEYS,
        "voss_list_scope": ("subtree", "node"),
    },
    config_defaults={"username": "hcsadmin@sys.hcs", "password": "emulator-password", "defaults": True, "seed": {}},
    reset=reset,
    seed=seed,
    prefixes=("/api/relation/", "/api/tool/", "/api/data/"),
    http_error=http_error,
)
