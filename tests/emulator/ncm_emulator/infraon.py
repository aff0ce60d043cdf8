"""Infraon NCCM: /ux/nccm/jobs-account-audit/ and /ux/nccm/configuration_policies/ (+ token login)."""

import binascii
import json
import os
import re
from urllib.parse import parse_qs, urlencode

from flask import Blueprint, current_app, jsonify, request

from . import core
from . import infraon_fields as fields

bp = Blueprint("infraon", __name__)

AUDIT = "infraon_audit"
POLICIES = "infraon_policies"
TOKENS = "infraon_tokens"

# URL segment -> (collection, field table, switch for the POST answer)
RESOURCES = {
    "jobs-account-audit": (AUDIT, fields.AUDIT_FIELDS, "infraon_audit_post_answer"),
    "configuration_policies": (POLICIES, fields.POLICY_FIELDS, "infraon_policy_post_answer"),
}
FIELDS_OF = {AUDIT: fields.AUDIT_FIELDS, POLICIES: fields.POLICY_FIELDS}

SWITCHES = {
    "infraon_list_shape": "array",
    "infraon_max_page_size": 500,
    "infraon_audit_post_answer": "object",
    "infraon_policy_post_answer": "empty",
    "infraon_secrets_in_get": "clear",
    "infraon_datetime_format": "millis",
}
CHOICES = {
    "infraon_list_shape": ("array", "envelope"),
    "infraon_audit_post_answer": ("object", "empty", "status_id"),
    "infraon_policy_post_answer": ("object", "empty", "status_id"),
    "infraon_secrets_in_get": ("clear", "masked", "empty"),
    "infraon_datetime_format": ("millis", "seconds", "offset"),
}
CONFIG_DEFAULTS = {
    "api_key": "emulator-infraon-key",
    "username": "emulator",
    "password": "emulator-password",
    "seed": {},
}
_HEX24 = re.compile(r"^[0-9a-f]{24}$")


def _answer(body, status=200):
    resp = jsonify(body)
    resp.status_code = status
    return resp


def _no_content(status=204):
    return current_app.response_class(b"", status=status)


class BadBody(Exception):
    """The request body is not JSON."""


def _json_body():
    raw = request.get_data(cache=True)
    if not raw.strip():
        return {}
    try:
        return json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadBody("JSON parse error - %s" % exc)


def _bad_body(exc):
    return _answer({"detail": str(exc)}, 400)


bp.register_error_handler(BadBody, _bad_body)


# ---- authentication ----------------------------------------------------
@bp.before_request
def _authenticate():
    if request.endpoint == "infraon.token_login":
        return None
    emu = core.get_emulator()
    given = request.headers.get("Authorization")
    if given:
        if given == emu.config["infraon"]["api_key"]:
            return None
        if emu.get_object(TOKENS, given) is not None:
            return None
    return _answer({"error": "Invalid API key."}, 401)


@bp.route("/ux/api-token-auth/", methods=["POST"])
def token_login():
    body = _json_body() if request.is_json or not request.form else request.form.to_dict()
    if not isinstance(body, dict):
        body = {}
    errors = {}
    for name in ("username", "password"):
        if not body.get(name):
            errors[name] = [fields.MSG_REQUIRED if name not in body else fields.MSG_BLANK]
    if errors:
        return _answer(errors, 400)
    emu = core.get_emulator()
    conf = emu.config["infraon"]
    if body["username"] != conf["username"] or body["password"] != conf["password"]:
        return _answer({"non_field_errors": ["Unable to log in with provided credentials."]}, 400)
    with emu.lock:
        for token in emu.list_objects(TOKENS):
            if token.get("username") == body["username"]:
                return _answer({"token": token["id"]})
        token = {"id": binascii.hexlify(os.urandom(20)).decode(), "username": body["username"]}
        emu.put_object(TOKENS, token)
    return _answer({"token": token["id"]})


# ---- helpers -------------------------------------------------------------
def _render(collection, obj):
    emu = core.get_emulator()
    return fields.render(FIELDS_OF[collection], obj, emu.switch("infraon_datetime_format"),
                         emu.switch("infraon_secrets_in_get"))


def _find(collection, obj_id):
    if not _HEX24.match(obj_id or ""):
        return None
    return core.get_emulator().get_object(collection, obj_id)


def _not_found():
    return _answer({"detail": "Not found."}, 404)


def _sort_key(field):
    def key(obj):
        value = obj.get(field)
        if value is None:
            return (0, 0, "")
        if isinstance(value, bool):
            return (1, int(value), "")
        if isinstance(value, (int, float)):
            return (1, value, "")
        if isinstance(value, str):
            return (2, 0, value)
        return (2, 0, json.dumps(value, sort_keys=True))
    return key


def _page_url(page):
    """DRF's replace_query_param / remove_query_param on the current absolute URL."""
    query = parse_qs(request.query_string.decode("latin-1"), keep_blank_values=True)
    if page is None:
        query.pop("page", None)
    else:
        query["page"] = [str(page)]
    encoded = urlencode(sorted(query.items()), doseq=True)
    return request.base_url + ("?" + encoded if encoded else "")


def _int_arg(name, errors):
    raw = request.args.get(name)
    if raw is None or raw == "":
        errors[name] = [fields.MSG_REQUIRED]
        return None
    try:
        return int(raw)
    except ValueError:
        errors[name] = [fields.MSG_INT]
        return None


# ---- resources -------------------------------------------------------------
def list_objects(resource):
    collection, field_table, _switch = RESOURCES[resource]
    emu = core.get_emulator()
    errors = {}
    size = _int_arg("items_per_page", errors)
    page = _int_arg("page", errors)
    if size is not None and size < 1:
        errors["items_per_page"] = ["Ensure this value is greater than or equal to 1."]
    reverse = False
    if request.args.get("reverse") not in (None, ""):
        reverse, error = fields.clean_value(fields.Field("reverse", "bool"), request.args["reverse"])
        if error:
            errors["reverse"] = [error]
    if errors:
        return _answer(errors, 400)
    size = min(size, emu.switch("infraon_max_page_size"))
    objects = emu.list_objects(collection)
    sort = request.args.get("sort") or ""
    if sort.startswith("-"):
        sort, reverse = sort[1:], not reverse
    if sort and sort in [f.name for f in field_table]:
        objects.sort(key=_sort_key(sort), reverse=reverse)
    elif reverse:
        objects.reverse()
    count = len(objects)
    start = (page - 1) * size
    chunk = objects[start:start + size] if page >= 1 else []
    results = [_render(collection, obj) for obj in chunk]
    if emu.switch("infraon_list_shape") == "array":
        return _answer(results)
    pages = max(1, (count + size - 1) // size)
    if page < 1 or page > pages:
        return _answer({"detail": "Invalid page."}, 404)
    return _answer({
        "count": count,
        "next": _page_url(page + 1) if page < pages else None,
        "previous": (_page_url(None) if page == 2 else _page_url(page - 1)) if page > 1 else None,
        "results": results,
    })


def _new_object(collection, clean):
    emu = core.get_emulator()
    obj = dict((f.name, None if f.read_only else f.empty()) for f in FIELDS_OF[collection])
    obj.update(clean)
    obj["id"] = emu.new_id()
    obj["creationtime"] = fields.store_datetime(emu.now())
    emu.put_object(collection, obj)
    return obj


def _replace(collection, obj, clean):
    emu = core.get_emulator()
    updated = dict(obj)
    updated.update(clean)
    if collection == POLICIES:
        updated["last_update_time"] = fields.store_datetime(emu.now())
    emu.put_object(collection, updated)
    return updated


def create_object(resource):
    collection, field_table, switch = RESOURCES[resource]
    clean, errors = fields.validate(field_table, _json_body())
    if errors:
        return _answer(errors, 400)
    emu = core.get_emulator()
    with emu.lock:
        obj = _new_object(collection, clean)
    style = emu.switch(switch)
    if style == "empty":
        return _no_content(201)
    if style == "status_id":
        return _answer({"status": "success", "id": obj["id"]}, 201)
    return _answer(_render(collection, obj), 201)


def get_object(resource, obj_id):
    collection = RESOURCES[resource][0]
    obj = _find(collection, obj_id)
    if obj is None:
        return _not_found()
    return _answer(_render(collection, obj))


def put_object(resource, obj_id):
    collection, field_table, _switch = RESOURCES[resource]
    emu = core.get_emulator()
    with emu.lock:
        obj = _find(collection, obj_id)
        if obj is None:
            return _not_found()
        clean, errors = fields.validate(field_table, _json_body())
        if errors:
            return _answer(errors, 400)
        obj = _replace(collection, obj, clean)
    return _answer(_render(collection, obj))


def delete_object(resource, obj_id):
    collection = RESOURCES[resource][0]
    emu = core.get_emulator()
    with emu.lock:
        if _find(collection, obj_id) is None:
            return _not_found()
        emu.delete_object(collection, obj_id)
    return _no_content(204)


def options(resource):
    return _answer(fields.options(RESOURCES[resource][1]))


def bulk_operation():
    """Create the policy, or replace the first one with the same policyid."""
    clean, errors = fields.validate(fields.POLICY_FIELDS, _json_body())
    if errors:
        return _answer(errors, 400)
    emu = core.get_emulator()
    with emu.lock:
        same = [p for p in emu.list_objects(POLICIES) if p.get("policyid") == clean["policyid"]]
        obj = _replace(POLICIES, same[0], clean) if same else _new_object(POLICIES, clean)
    return _answer(_render(POLICIES, obj))


def multi_delete():
    """Delete the policies whose ids are given; answer the first deleted one (policy-shaped)."""
    body = _json_body()
    if not isinstance(body, dict):
        return _answer({"non_field_errors": ["Invalid data. Expected a dictionary, but got %s." % type(body).__name__]}, 400)
    ids = body.get("ids")
    if "ids" not in body:
        return _answer({"ids": [fields.MSG_REQUIRED]}, 400)
    if not isinstance(ids, list):
        return _answer({"ids": ['Expected a list of items but got type "%s".' % type(ids).__name__]}, 400)
    emu = core.get_emulator()
    deleted = []
    with emu.lock:
        for obj_id in ids:
            obj = _find(POLICIES, str(obj_id))
            if obj is not None:
                emu.delete_object(POLICIES, obj["id"])
                deleted.append(obj)
    if deleted:
        return _answer(_render(POLICIES, deleted[0]))
    return _answer(fields.options(fields.POLICY_FIELDS))


def _add_routes():
    for segment in RESOURCES:
        base = "/ux/nccm/%s/" % segment
        name = segment.replace("-", "_")
        bp.add_url_rule(base, name + "_list", list_objects, methods=["GET"], defaults={"resource": segment})
        bp.add_url_rule(base, name + "_create", create_object, methods=["POST"], defaults={"resource": segment})
        bp.add_url_rule(base + "options/", name + "_options", options, methods=["GET"], defaults={"resource": segment})
        bp.add_url_rule(base + "<obj_id>/", name + "_get", get_object, methods=["GET"], defaults={"resource": segment})
        bp.add_url_rule(base + "<obj_id>/", name + "_put", put_object, methods=["PUT"], defaults={"resource": segment})
        bp.add_url_rule(base + "<obj_id>/", name + "_delete", delete_object, methods=["DELETE"], defaults={"resource": segment})
    bp.add_url_rule("/ux/nccm/configuration_policies/bulk-opration/", "policy_bulk_operation", bulk_operation, methods=["POST"])
    bp.add_url_rule("/ux/nccm/configuration_policies/multi-delete/", "policy_multi_delete", multi_delete, methods=["POST"])


_add_routes()


# ---- plug-in hooks ---------------------------------------------------------
def seed(emu, collection, obj):
    """Seeded objects may carry read-only fields (id, creationtime, status...) and any dates."""
    if collection in FIELDS_OF:
        obj = fields.normalise_seed(FIELDS_OF[collection], obj)
        if not obj.get("creationtime"):
            obj["creationtime"] = fields.store_datetime(emu.now())
    if not obj.get("id"):
        obj["id"] = emu.new_id()
    return obj


def reset(emu):
    """Load the objects of config["infraon"]["seed"] ({collection: [objects]})."""
    for collection, objects in (emu.config["infraon"].get("seed") or {}).items():
        emu.seed(collection, objects)


VENDOR = core.Vendor(
    name="infraon",
    blueprint=bp,
    collections=(AUDIT, POLICIES, TOKENS),
    switches=SWITCHES,
    choices=CHOICES,
    config_defaults=CONFIG_DEFAULTS,
    reset=reset,
    seed=seed,
    prefixes=("/ux/",),
)
