# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""SteelCentral routes: the OAuth token, features, push jobs, the appliance inventory, and
the admin action ``POST /_emulator/scc/revoke-tokens``."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from flask import Blueprint, jsonify, request

from .. import core
from ..context import answer
from . import auth, inventory, jobs
from .errors import error
from .job_request import JobError, parse_filters
from .store import APPLIANCES, BASE, FEATURES, JOBS, epoch, find, new_job, render, sorted_by_id

TOKEN_PATH = "/api/common/1.0/oauth/token"

bp = Blueprint("scc", __name__)
guarded = core.view(admit=auth.authenticate)


def _job_error(exc):
    return error(exc.status, exc.error_id, exc.text, exc.info)


bp.register_error_handler(JobError, _job_error)


@bp.route(TOKEN_PATH, methods=["POST"], strict_slashes=False)
@core.view()
def oauth_token(emu):
    return auth.issue_token(emu, request.form)


# ---- features --------------------------------------------------------------

def _feature_view(feature):
    return dict((key, feature.get(key)) for key in ("id", "name", "pretty_name", "description", "push_enable"))


@bp.route(BASE + "/features", methods=["GET"], strict_slashes=False)
@guarded
def list_features(emu):
    name = request.args.get("name")
    return jsonify([_feature_view(f) for f in sorted_by_id(emu.list_objects(FEATURES))
                    if name is None or f.get("name") == name])


@bp.route(BASE + "/features/items/<int:feature_id>", methods=["GET"], strict_slashes=False)
@guarded
def get_feature(emu, feature_id):
    feature = find(emu, FEATURES, feature_id)
    if feature is None:
        return error(404, "RESOURCE_NOT_FOUND", "Feature %d not found." % feature_id, {"id": feature_id})
    return jsonify(_feature_view(feature))


# ---- jobs -----------------------------------------------------------------

@bp.route(BASE + "/jobs", methods=["GET"], strict_slashes=False)
@guarded
def list_jobs(emu):
    keep = parse_filters(request.args)
    now = epoch(emu)
    rendered = [render(emu, job, now) for job in sorted_by_id(emu.list_objects(JOBS))]
    return jsonify([job for job in rendered if keep(job)])


@bp.route(BASE + "/jobs", methods=["POST"], strict_slashes=False)
@guarded
def post_job(emu):
    body = request.get_json(silent=True)
    if body is None:
        return error(400, "INVALID_JSON", "The request body must be a JSON job object (Content-Type: application/json).")
    job = emu.put_object(JOBS, new_job(emu, body, epoch(emu), copy.deepcopy(emu.switch("scc_push_script"))))
    resp = answer(render(emu, job, epoch(emu), as_submitted=True), emu.switch("scc_job_create_status"))
    resp.headers["Location"] = "%s/jobs/items/%d" % (BASE, job["id"])
    return resp


def _job(emu, job_id):
    job = find(emu, JOBS, job_id)
    if job is None:
        raise JobError(404, "RESOURCE_NOT_FOUND", "Job %d not found." % job_id, {"id": job_id})
    return job


@bp.route(BASE + "/jobs/items/<int:job_id>", methods=["GET"], strict_slashes=False)
@guarded
def get_job(emu, job_id):
    return jsonify(render(emu, _job(emu, job_id), epoch(emu)))


@bp.route(BASE + "/jobs/items/<int:job_id>/cancel", methods=["POST"], strict_slashes=False)
@guarded
def cancel_job(emu, job_id):
    job = _job(emu, job_id)
    now = epoch(emu)
    if jobs.is_finished(job, now):
        status = render(emu, job, now)["job_status"]
        return error(400, "INVALID_OPERATION", "Job %d is already finished (%s) and cannot be canceled." % (job_id, status),
                     {"id": job_id, "job_status": status})
    job["canceled_at"] = now
    emu.mark_dirty()
    return jsonify(render(emu, job, now))


# ---- appliance inventory (cmc.appliance_inventory 1.0) ------------------------------

def _appliances(emu, form):
    """The appliances the list filters select, in ``form``; a declared filter with a value
    its type refuses answers 400 (the others a server ignores, as any undeclared parameter)."""
    refused = inventory.bad_filter(request.args)
    if refused is not None:
        return error(400, "INVALID_PARAMETER", refused[1], {"parameter": refused[0]})
    stored = sorted(emu.list_objects(APPLIANCES), key=lambda obj: obj["appliance_id"])
    found = jsonify([form(obj) for obj in inventory.selected(stored, request.args)])
    inventory.change_health_after_read(emu)
    return found


@bp.route(inventory.BASE + "/appliances", methods=["GET"], strict_slashes=False)
@guarded
def list_appliances(emu):
    return _appliances(emu, inventory.render)


@bp.route(inventory.BASE + "/brief_appliances", methods=["GET"], strict_slashes=False)
@guarded
def list_brief_appliances(emu):
    return _appliances(emu, inventory.brief)


@bp.route(inventory.BASE + "/appliances/items/<int:appliance_id>", methods=["GET"], strict_slashes=False)
@guarded
def get_appliance(emu, appliance_id):
    for obj in emu.list_objects(APPLIANCES):
        if obj["appliance_id"] == appliance_id:
            found = jsonify(inventory.render(obj))
            inventory.change_health_after_read(emu)
            return found
    return error(404, "RESOURCE_NOT_FOUND", "Appliance %d not found." % appliance_id, {"id": appliance_id})


# ---- admin action ------------------------------------------------------------

@bp.route(core.ADMIN_PREFIX + "scc/revoke-tokens", methods=["POST"])
@core.view()
def revoke_tokens(emu):
    """Admin: revoke every token issued so far, now (not an expiry): each one answers 401
    ``AUTH_INVALID_TOKEN`` from now on; tokens issued afterwards work. Answers ``{"revoked": N}``
    (N: tokens that were still valid)."""
    return jsonify({"revoked": auth.revoke_tokens(emu)})
