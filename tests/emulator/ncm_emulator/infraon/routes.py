"""Infraon NCCM routes: the two resources (list, create, get, replace, delete, options), the
policies' bulk operation and multi-delete, and the token login."""

import json
from urllib.parse import parse_qs, urlencode

from flask import Blueprint, current_app, request

from .. import core
from ..context import answer
from . import auth, fields, values
from .store import AUDIT, POLICIES, find, new_object, render, replace

bp = Blueprint("infraon", __name__)
guarded = core.view(admit=auth.admit)

# URL segment -> (collection, field table, switch for the POST answer)
RESOURCES = {
    "jobs-account-audit": (AUDIT, fields.AUDIT_FIELDS, "infraon_audit_post_answer"),
    "configuration_policies": (POLICIES, fields.POLICY_FIELDS, "infraon_policy_post_answer"),
}


def _no_content(status=204):
    return current_app.response_class(b"", status=status)


def _not_found():
    return answer({"detail": "Not found."}, 404)


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
    return answer({"detail": str(exc)}, 400)


bp.register_error_handler(BadBody, _bad_body)


@bp.route("/ux/api-token-auth/", methods=["POST"])
@core.view()
def token_login(emu):
    body = _json_body() if request.is_json or not request.form else request.form.to_dict()
    return auth.login(emu, body)


# ---- list ------------------------------------------------------------------

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


def _list_args():
    """``(items_per_page, page, reverse, errors)`` of the list query."""
    errors = {}
    size = _int_arg("items_per_page", errors)
    page = _int_arg("page", errors)
    if size is not None and size < 1:
        errors["items_per_page"] = ["Ensure this value is greater than or equal to 1."]
    reverse = False
    if request.args.get("reverse") not in (None, ""):
        reverse, error = values.clean_value(fields.Field("reverse", "bool"), request.args["reverse"])
        if error:
            errors["reverse"] = [error]
    return size, page, reverse, errors


def _ordered(objects, field_table, reverse):
    """The objects in the order of ``sort`` (a field name, ``-`` first to reverse) and ``reverse``."""
    sort = request.args.get("sort") or ""
    if sort.startswith("-"):
        sort, reverse = sort[1:], not reverse
    if sort and sort in [f.name for f in field_table]:
        objects.sort(key=_sort_key(sort), reverse=reverse)
    elif reverse:
        objects.reverse()
    return objects


def _envelope(results, count, size, page):
    """The paged answer (switch infraon_list_shape ``envelope``): DRF's PageNumberPagination."""
    pages = max(1, (count + size - 1) // size)
    if page < 1 or page > pages:
        return answer({"detail": "Invalid page."}, 404)
    return answer({
        "count": count,
        "next": _page_url(page + 1) if page < pages else None,
        "previous": (_page_url(None) if page == 2 else _page_url(page - 1)) if page > 1 else None,
        "results": results,
    })


@guarded
def list_objects(emu, resource):
    collection, field_table, _switch = RESOURCES[resource]
    size, page, reverse, errors = _list_args()
    if errors:
        return answer(errors, 400)
    size = min(size, emu.switch("infraon_max_page_size"))
    objects = _ordered(emu.list_objects(collection), field_table, reverse)
    start = (page - 1) * size
    chunk = objects[start:start + size] if page >= 1 else []
    results = [render(emu, collection, obj) for obj in chunk]
    if emu.switch("infraon_list_shape") == "array":
        return answer(results)
    return _envelope(results, len(objects), size, page)


# ---- one object ----------------------------------------------------------------

@guarded
def create_object(emu, resource):
    collection, field_table, switch = RESOURCES[resource]
    clean, errors = values.validate(field_table, _json_body())
    if errors:
        return answer(errors, 400)
    obj = new_object(emu, collection, clean)
    style = emu.switch(switch)
    if style == "empty":
        return _no_content(201)
    if style == "status_id":
        return answer({"status": "success", "id": obj["id"]}, 201)
    return answer(render(emu, collection, obj), 201)


@guarded
def get_object(emu, resource, obj_id):
    collection = RESOURCES[resource][0]
    obj = find(emu, collection, obj_id)
    if obj is None:
        return _not_found()
    return answer(render(emu, collection, obj))


@guarded
def put_object(emu, resource, obj_id):
    collection, field_table, _switch = RESOURCES[resource]
    obj = find(emu, collection, obj_id)
    if obj is None:
        return _not_found()
    clean, errors = values.validate(field_table, _json_body())
    if errors:
        return answer(errors, 400)
    return answer(render(emu, collection, replace(emu, collection, obj, clean)))


@guarded
def delete_object(emu, resource, obj_id):
    collection = RESOURCES[resource][0]
    if find(emu, collection, obj_id) is None:
        return _not_found()
    emu.delete_object(collection, obj_id)
    return _no_content(204)


@guarded
def options(emu, resource):
    del emu  # the shape depends on the field table alone
    return answer(values.options(RESOURCES[resource][1]))


# ---- policies only -------------------------------------------------------------

@guarded
def bulk_operation(emu):
    """Create the policy, or replace the first one with the same policyid."""
    clean, errors = values.validate(fields.POLICY_FIELDS, _json_body())
    if errors:
        return answer(errors, 400)
    same = [p for p in emu.list_objects(POLICIES) if p.get("policyid") == clean["policyid"]]
    obj = replace(emu, POLICIES, same[0], clean) if same else new_object(emu, POLICIES, clean)
    return answer(render(emu, POLICIES, obj))


def _ids_of(body):
    """The ``ids`` of a multi-delete body, or ``(None, the 400 answer)``."""
    if not isinstance(body, dict):
        return None, answer({"non_field_errors": ["Invalid data. Expected a dictionary, but got %s." % type(body).__name__]}, 400)
    ids = body.get("ids")
    if "ids" not in body:
        return None, answer({"ids": [fields.MSG_REQUIRED]}, 400)
    if not isinstance(ids, list):
        return None, answer({"ids": ['Expected a list of items but got type "%s".' % type(ids).__name__]}, 400)
    return ids, None


@guarded
def multi_delete(emu):
    """Delete the policies whose ids are given; answer the first deleted one (policy-shaped)."""
    ids, bad = _ids_of(_json_body())
    if bad is not None:
        return bad
    deleted = []
    for obj_id in ids:
        obj = find(emu, POLICIES, str(obj_id))
        if obj is not None:
            emu.delete_object(POLICIES, obj["id"])
            deleted.append(obj)
    if deleted:
        return answer(render(emu, POLICIES, deleted[0]))
    return answer(values.options(fields.POLICY_FIELDS))


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
