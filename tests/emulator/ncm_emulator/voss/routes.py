# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""VOSS routes: ``relation/HcsAdminUserREL`` (list, create, bulk delete, one instance, the add
form, help, exports) and ``tool/Transaction``."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from flask import Blueprint, Response, request

from .. import core
from ..context import answer
from . import export, transactions, views
from .auth import admit
from .errors import VossError, error_answer
from .schema import BASE, MODEL, ORDER_FIELDS
from .store import NODES, TRANSACTIONS, USERS, role_names, user_in_scope, users_in_scope
from .tree import Tree
from .validate import validate_data

HREF_RE = re.compile(r"^(?:https?://[^/]+)?/api/relation/HcsAdminUserREL/([^/?]+)/?(?:\?.*)?$")
HELP_HTML = """<!DOCTYPE html>
<html><head><title>relation/HcsAdminUserREL</title></head>
<body><h1>Model ref.: relation/HcsAdminUserREL</h1>
<p>HCS administrator users. Business key: hcsUname, unique within a hierarchy node.</p>
<p>Fields: AdminUser.username (required), first_name, last_name, email, role (required),
language (default en-us), set_language, password (at least 8 characters, never returned),
account_information.</p></body></html>
"""

bp = Blueprint("voss", __name__)
guarded = core.view(admit=admit)


@bp.errorhandler(VossError)
def _voss_error(exc):
    return error_answer(core.get_emulator(), exc)


# ---- request parts ---------------------------------------------------------------

def _scope(emu, need_hierarchy=True):
    """``(tree, the node of the hierarchy parameter)``: a pkid or a dotted path."""
    tree = Tree(emu.list_objects(NODES))
    value = request.args.get("hierarchy")
    if not value:
        if need_hierarchy:
            raise VossError(400, "The hierarchy parameter is required (a hierarchy pkid or dotted path).", "hierarchy")
        return tree, None
    scope = tree.resolve(value)
    if scope is None:
        raise VossError(404, "Hierarchy %r not found." % value, "hierarchy")
    return tree, scope


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


def _json_body():
    if not request.get_data(cache=True):
        raise VossError(400, "A JSON request body is required.")
    if not request.is_json:
        raise VossError(400, "The request body must be JSON (Content-Type: application/json).")
    body = request.get_json(silent=True)
    if body is None:
        raise VossError(400, "The request body is not valid JSON.")
    return body


def _pkid_of(href):
    """The pkid of an instance href (400 for anything else)."""
    match = HREF_RE.match(href) if isinstance(href, str) else None
    if match is None:
        raise VossError(400, "%r is not an href of an HcsAdminUserREL instance." % (href,), "hrefs")
    return match.group(1)


def _as_transaction(emu):
    """Whether this write becomes a transaction: ``nowait=true`` and switch ``voss_nowait``
    left at ``transaction`` (``sync`` answers every write synchronously)."""
    nowait = request.args.get("nowait", "").lower() in ("true", "1", "yes")
    return nowait and emu.switch("voss_nowait") == "transaction"


def _submit(emu, op, scope, description):
    tx_id = transactions.submit(emu, op, emu.config["voss"]["username"], scope["path"], description)
    return answer({"href": "/api/tool/Transaction/%s" % tx_id, "success": True, "transaction_id": tx_id}, 202)


def _write(emu, op, scope, description):
    """Apply now (200; a create: switch ``voss_sync_create_status``) or submit a transaction
    (202 with nowait=true, unless switch ``voss_nowait`` is ``sync``)."""
    if _as_transaction(emu):
        return _submit(emu, op, scope, description)
    transactions.apply(emu, op, emu.now().timestamp())
    status = emu.switch("voss_sync_create_status") if op["operation"] == "add" else 200
    return answer(views.write_answer(op.get("pkid"), op["node"]), status)


# ---- list, create, bulk delete --------------------------------------------------

def _list_order():
    """``(order_by, direction)`` of a list."""
    order_by = request.args.get("order_by") or "hcsUname"
    if order_by not in ORDER_FIELDS:
        raise VossError(400, "order_by must be one of %s." % ", ".join(ORDER_FIELDS), "order_by")
    direction = (request.args.get("direction") or "asc").lower()
    if direction not in ("asc", "desc"):
        raise VossError(400, "direction must be asc or desc.", "direction")
    return order_by, direction


def _sort_key(tree, order_by):
    if order_by == "hcsUname":
        return lambda user: (user["hcsUname"], user["id"])
    if order_by == "hierarchy_path":
        return lambda user: (tree.by_id[user["hierarchy"]]["path"], user["hcsUname"], user["id"])
    return lambda user: (Tree.friendly(tree.by_id[user["hierarchy"]]), user["hcsUname"], user["id"])


@bp.route(BASE + "/", methods=["GET"], strict_slashes=False)
@guarded
def list_users(emu):
    tree, scope = _scope(emu)
    skip = _int_arg("skip", 0, 0)
    maximum = max(1, emu.switch("voss_maximum_limit"))
    limit = min(_int_arg("limit", max(1, emu.switch("voss_default_limit")), 1), maximum)
    order_by, direction = _list_order()
    traversal = request.args.get("traversal") or "default"
    local = traversal == "local" or emu.switch("voss_list_scope") == "node"
    users = sorted(users_in_scope(emu, tree, scope, local), key=_sort_key(tree, order_by), reverse=direction == "desc")
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
    return answer({
        "operations": views.OPERATIONS,
        "pagination": pagination,
        "meta": views.list_meta(scope),
        "resources": [views.summary(user, tree) for user in users[skip:skip + limit]],
    })


@bp.route(BASE + "/", methods=["POST"], strict_slashes=False)
@guarded
def create_user(emu):
    _tree, scope = _scope(emu)
    stored = validate_data(_json_body(), role_names(emu), now_iso=transactions.iso(emu.now().timestamp()))
    op = {"operation": "add", "node": scope["id"], "pkid": emu.new_id(), "data_pkid": emu.new_id(), "stored": stored}
    return _write(emu, op, scope, "hcsUname: %s" % stored["hcsUname"])


def _refused(emu, switch, what):
    """Answer 400 or 405 (the value of ``switch``) when it refuses ``what``."""
    status = emu.switch(switch)
    if status:
        raise VossError(status, "%s is not supported on this server (emulated refusal)." % what)


def _bulk_pkids(emu, tree, scope, hrefs):
    """The pkids of a bulk delete's hrefs (each seen at ``scope``), at most ``voss_bulk_max_hrefs``."""
    if not isinstance(hrefs, list) or not hrefs:
        raise VossError(400, "The body must be {\"hrefs\": [\"/api/relation/HcsAdminUserREL/<pkid>\", ...]} with at least one href.", "hrefs")
    limit = emu.switch("voss_bulk_max_hrefs")
    if limit and len(hrefs) > limit:
        raise VossError(400, "At most %d hrefs per bulk request (got %d)." % (limit, len(hrefs)), "hrefs")
    pkids = []
    for href in hrefs:
        pkid = _pkid_of(href)
        user_in_scope(emu, tree, scope, pkid)
        if pkid not in pkids:
            pkids.append(pkid)
    return pkids


def _failing(emu, pkids):
    """``{pkid: hcsUname}`` of the instances that switch ``voss_bulk_fail_users`` names
    (by hcsUname or pkid): a bulk delete leaves them and fails naming them."""
    named = set(emu.switch("voss_bulk_fail_users") or [])
    users = [emu.get_object(USERS, pkid) for pkid in pkids]
    return dict((user["id"], user["hcsUname"]) for user in users if user["id"] in named or user["hcsUname"] in named)


@bp.route(BASE + "/", methods=["DELETE"], strict_slashes=False)
@guarded
def bulk_delete(emu):
    tree, scope = _scope(emu)
    _refused(emu, "voss_bulk_delete_refuse", "Bulk delete")
    body = _json_body()
    pkids = _bulk_pkids(emu, tree, scope, body.get("hrefs") if isinstance(body, dict) else None)
    op = {"operation": "bulk_delete", "node": scope["id"], "pkids": pkids, "failing": _failing(emu, pkids)}
    if _as_transaction(emu):
        return _submit(emu, op, scope, "%d instance(s)" % len(pkids))
    transactions.apply(emu, op, emu.now().timestamp())
    return answer({"success": True, "model_type": MODEL, "pkids": pkids})


# ---- one instance --------------------------------------------------------------

@bp.route(BASE + "/<pkid>/", methods=["GET"], strict_slashes=False)
@guarded
def get_user(emu, pkid):
    tree, scope = _scope(emu)
    return answer(views.full(user_in_scope(emu, tree, scope, pkid), tree, scope))


@bp.route(BASE + "/<pkid>/", methods=["PUT"], strict_slashes=False)
@guarded
def update_user(emu, pkid):
    tree, scope = _scope(emu)
    user = user_in_scope(emu, tree, scope, pkid)
    stored = validate_data(_json_body(), role_names(emu), old=user, now_iso=transactions.iso(emu.now().timestamp()))
    op = {"operation": "modify", "node": user["hierarchy"], "pkid": pkid, "stored": stored}
    return _write(emu, op, scope, "hcsUname: %s" % stored["hcsUname"])


@bp.route(BASE + "/<pkid>/", methods=["DELETE"], strict_slashes=False)
@guarded
def delete_user(emu, pkid):
    tree, scope = _scope(emu)
    user = user_in_scope(emu, tree, scope, pkid)
    op = {"operation": "delete", "node": user["hierarchy"], "pkid": pkid}
    return _write(emu, op, scope, "hcsUname: %s" % user["hcsUname"])


# ---- forms, help, export -------------------------------------------------------

@bp.route(BASE + "/add/", methods=["GET"], strict_slashes=False)
@guarded
def add_form(emu):
    _tree, scope = _scope(emu)
    return answer(views.add_form(scope, role_names(emu)))


@bp.route(BASE + "/help", methods=["GET"], strict_slashes=False)
@guarded
def help_collection(emu):
    _scope(emu)
    return Response(HELP_HTML, mimetype="text/html")


@bp.route(BASE + "/<pkid>/help", methods=["GET"], strict_slashes=False)
@guarded
def help_instance(emu, pkid):
    tree, scope = _scope(emu)
    user_in_scope(emu, tree, scope, pkid)
    return Response(HELP_HTML, mimetype="text/html")


def _export(emu, users, tree, fmt=None):
    """The export file of these users (``export_format`` json, raw_xlsx or xlsx: ``fmt``
    from the body, else the query); refused with switch ``voss_export_refuse``."""
    _refused(emu, "voss_export_refuse", "Export")
    fmt = fmt or request.args.get("export_format") or "json"
    if fmt not in export.FORMATS:
        raise VossError(400, "export_format must be json, raw_xlsx or xlsx.", "export_format")
    name, payload, mimetype = export.FORMATS[fmt]([views.export_item(user, tree) for user in users], emu.now())
    resp = Response(payload, mimetype=mimetype)
    resp.headers["Content-Disposition"] = "attachment; filename=%s" % name
    resp.headers["Content-Language"] = "en"
    return resp


@bp.route(BASE + "/export/", methods=["POST"], strict_slashes=False)
@guarded
def export_many(emu):
    tree, scope = _scope(emu)
    body = request.get_json(silent=True) if request.get_data(cache=True) else {}
    body = body if isinstance(body, dict) else {}
    hrefs = body.get("hrefs")
    if not hrefs:
        users = sorted(users_in_scope(emu, tree, scope), key=lambda user: (user["hcsUname"], user["id"]))
        return _export(emu, users, tree, body.get("export_format"))
    if not isinstance(hrefs, list):
        raise VossError(400, "hrefs must be a list.", "hrefs")
    return _export(emu, [user_in_scope(emu, tree, scope, _pkid_of(href)) for href in hrefs], tree,
                   body.get("export_format"))


@bp.route(BASE + "/<pkid>/export/", methods=["GET"], strict_slashes=False)
@guarded
def export_one(emu, pkid):
    tree, scope = _scope(emu)
    return _export(emu, [user_in_scope(emu, tree, scope, pkid)], tree)


@bp.route(BASE + "/export_bulkload_template/", methods=["POST"], strict_slashes=False)
@guarded
def export_template(emu):
    _scope(emu)
    resp = Response(export.bulkload_template(), mimetype="application/x-gzip")
    resp.headers["Content-Disposition"] = "attachment; filename=HcsAdminUserREL_bulkloadsheet.xlsx.gz"
    return resp


# ---- transactions --------------------------------------------------------------

def _transaction(emu, tx_id):
    """The transaction of this id, its read counted (404 if unknown)."""
    _scope(emu, need_hierarchy=False)
    tx = emu.get_object(TRANSACTIONS, tx_id)
    if tx is None:
        raise VossError(404, "Transaction %s not found." % tx_id)
    return transactions.observe(emu, tx)


@bp.route("/api/tool/Transaction/<tx_id>/", methods=["GET"], strict_slashes=False)
@guarded
def get_transaction(emu, tx_id):
    return answer(transactions.render(emu, _transaction(emu, tx_id)))


@bp.route("/api/tool/Transaction/<tx_id>/poll/", methods=["GET"], strict_slashes=False)
@guarded
def poll_transaction(emu, tx_id):
    return answer(transactions.poll(emu, _transaction(emu, tx_id)))
