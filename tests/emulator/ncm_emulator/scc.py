# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Riverbed SteelCentral Controller: ``cmc.configurator`` 1.0 and the common OAuth token.

Paths (see ``seeds/scc-cmc-configurator-jobs.txt`` and API-NOTES section 2):

- ``POST /api/common/1.0/oauth/token`` (form: ``grant_type=access_code``, ``assertion``,
  ``state``): the assertion is the access code itself or ``<b64url(header)>.<code>.``.
- ``GET|POST /api/cmc.configurator/1.0/jobs``, ``GET .../jobs/items/{id}``,
  ``POST .../jobs/items/{id}/cancel``, ``GET .../features``, ``GET .../features/items/{id}``.

Every ``cmc.configurator`` call needs ``Authorization: Bearer <token>``, or HTTP Basic with
the configured user while switch ``scc_allow_basic`` is true. Errors use the Riverbed
shape ``{"error_id", "error_text", "error_info"}``.

Switches: ``scc_token_lifetime`` (seconds, 3600), ``scc_allow_basic`` (true),
``scc_push_script`` (see ``scc_jobs``), ``scc_expire_tokens`` (set it true and every token
issued so far counts as expired from the next SteelCentral request on; it then turns
itself back to false); the shape of job answers: ``scc_job_status_spelling`` (``camel``:
``InProgress``; ``upper``: ``IN_PROGRESS``), ``scc_job_optional_keys`` (``null`` | ``absent``),
``scc_job_unused_targets`` (``absent`` | ``null`` | ``empty``), ``scc_job_create_status``
(201 | 200). Admin action ``POST /_emulator/scc/revoke-tokens`` revokes every token issued so
far. Config section ``scc``: ``access_code``, ``username``, ``password``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import base64
import binascii
import copy
import json
import secrets

from flask import Blueprint, jsonify, request

from . import core
from . import scc_jobs
from . import scc_seed

BASE = "/api/cmc.configurator/1.0"
TOKEN_PATH = "/api/common/1.0/oauth/token"
FEATURES = "scc_features"
SITE_TYPES = "scc_site_types"
SITES = "scc_sites"
APPLIANCES = "scc_appliances"
JOBS = "scc_jobs"
TOKENS = "scc_tokens"
COLLECTIONS = (FEATURES, SITE_TYPES, SITES, APPLIANCES, JOBS, TOKENS)
REALM = 'realm="SteelCentral Controller"'

bp = Blueprint("scc", __name__)


def error(status, error_id, text, info=None, headers=None):
    """A Riverbed-shaped error answer."""
    resp = jsonify({"error_id": error_id, "error_text": text, "error_info": info or {}})
    resp.status_code = status
    for name, value in (headers or {}).items():
        resp.headers[name] = value
    return resp


def _epoch(emu):
    return emu.now().timestamp()


def _find(emu, collection, obj_id):
    """An object by id, whether the store key is the int or (after a state reload) its string."""
    coll = emu.collection(collection)
    found = coll.get(obj_id)
    if found is None:
        found = coll.get(str(obj_id))
    return found


def _sorted_by_id(objects):
    return sorted(objects, key=lambda obj: (str(type(obj["id"])), obj["id"]))


def render(emu, job, now, as_submitted=False):
    """A job as the API shows it, in the shape chosen by the ``scc_job_*`` switches."""
    return scc_jobs.render_job(job, now, as_submitted=as_submitted,
                               spelling=emu.switch("scc_job_status_spelling"),
                               optional_keys=emu.switch("scc_job_optional_keys"),
                               unused_targets=emu.switch("scc_job_unused_targets"))


def catalogue(emu):
    """Features, site types, sites and appliances as lists (for job validation)."""
    return {
        "features": emu.list_objects(FEATURES),
        "site_types": emu.list_objects(SITE_TYPES),
        "sites": emu.list_objects(SITES),
        "appliances": emu.list_objects(APPLIANCES),
    }


# ---- authentication ------------------------------------------------------

def _expire_tokens_if_asked(emu, now):
    if emu.switch("scc_expire_tokens"):
        for token in emu.list_objects(TOKENS):
            token["expires"] = min(token["expires"], now - 1)
        emu.switches["scc_expire_tokens"] = False
        emu.mark_dirty()


def _unauthorized(emu, error_id, text):
    challenge = "Bearer " + REALM
    if emu.switch("scc_allow_basic"):
        challenge += ", Basic " + REALM
    return error(401, error_id, text, headers={"WWW-Authenticate": challenge})


def authenticate(emu):
    """None when the request may go on, else the 401 answer."""
    now = _epoch(emu)
    _expire_tokens_if_asked(emu, now)
    header = request.headers.get("Authorization", "")
    scheme, _sep, value = header.strip().partition(" ")
    scheme = scheme.lower()
    value = value.strip()
    if scheme == "bearer" and value:
        token = emu.get_object(TOKENS, value)
        if token is None:
            return _unauthorized(emu, "AUTH_INVALID_TOKEN", "The access token is not valid.")
        if token.get("revoked"):
            return _unauthorized(emu, "AUTH_INVALID_TOKEN", "The access token has been revoked.")
        if token["expires"] <= now:
            return _unauthorized(emu, "AUTH_EXPIRED_TOKEN", "The access token has expired.")
        return None
    if scheme == "basic" and value:
        if not emu.switch("scc_allow_basic"):
            return _unauthorized(emu, "AUTH_BASIC_DISABLED", "HTTP Basic authentication is not allowed; use an OAuth access token.")
        try:
            user, _sep, password = base64.b64decode(value).decode("utf-8").partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return _unauthorized(emu, "AUTH_INVALID_CREDENTIALS", "Malformed Basic credentials.")
        config = emu.config["scc"]
        if user == config["username"] and password == config["password"]:
            return None
        return _unauthorized(emu, "AUTH_INVALID_CREDENTIALS", "Invalid username or password.")
    return _unauthorized(emu, "AUTH_REQUIRED", "Authentication required: send a Bearer token.")


def code_from_assertion(assertion):
    """The access codes an assertion may carry: itself, or the middle of ``header.code.sig``."""
    parts = assertion.split(".")
    if len(parts) == 3:
        head = parts[0] + "=" * (-len(parts[0]) % 4)
        try:
            header = json.loads(base64.urlsafe_b64decode(head.encode("ascii")).decode("utf-8"))
        except (ValueError, binascii.Error, UnicodeError):
            header = None
        if isinstance(header, dict):
            return parts[1]
    return assertion


@bp.route(TOKEN_PATH, methods=["POST"], strict_slashes=False)
def oauth_token():
    emu = core.get_emulator()
    with emu.lock:
        now = _epoch(emu)
        _expire_tokens_if_asked(emu, now)
        form = request.form
        grant = form.get("grant_type")
        if not grant:
            return error(400, "INVALID_REQUEST", "grant_type is required (access_code).", {"parameter": "grant_type"})
        if grant != "access_code":
            return error(400, "UNSUPPORTED_GRANT_TYPE", "grant_type %r is not supported; use access_code." % grant,
                         {"parameter": "grant_type"})
        assertion = form.get("assertion")
        if not assertion:
            return error(400, "INVALID_REQUEST", "assertion (the access code) is required.", {"parameter": "assertion"})
        if code_from_assertion(assertion) != emu.config["scc"]["access_code"]:
            return error(401, "AUTH_INVALID_CODE", "The access code is not valid.")
        for old in emu.list_objects(TOKENS):
            if old["expires"] < now - 86400:
                emu.delete_object(TOKENS, old["id"])
        lifetime = emu.switch("scc_token_lifetime")
        token = secrets.token_urlsafe(32)
        emu.put_object(TOKENS, {"id": token, "issued": now, "expires": now + lifetime})
        answer = {"access_token": token, "token_type": "bearer", "expires_in": int(lifetime)}
        if "state" in form:
            answer["state"] = form.get("state")
        return jsonify(answer)


# ---- features --------------------------------------------------------------

def _feature_view(feature):
    return dict((key, feature.get(key)) for key in ("id", "name", "pretty_name", "description", "push_enable"))


@bp.route(BASE + "/features", methods=["GET"], strict_slashes=False)
def list_features():
    emu = core.get_emulator()
    with emu.lock:
        denied = authenticate(emu)
        if denied is not None:
            return denied
        name = request.args.get("name")
        features = [_feature_view(f) for f in _sorted_by_id(emu.list_objects(FEATURES))
                    if name is None or f.get("name") == name]
        return jsonify(features)


@bp.route(BASE + "/features/items/<int:feature_id>", methods=["GET"], strict_slashes=False)
def get_feature(feature_id):
    emu = core.get_emulator()
    with emu.lock:
        denied = authenticate(emu)
        if denied is not None:
            return denied
        feature = _find(emu, FEATURES, feature_id)
        if feature is None:
            return error(404, "RESOURCE_NOT_FOUND", "Feature %d not found." % feature_id, {"id": feature_id})
        return jsonify(_feature_view(feature))


# ---- jobs -----------------------------------------------------------------

@bp.route(BASE + "/jobs", methods=["GET"], strict_slashes=False)
def list_jobs():
    emu = core.get_emulator()
    with emu.lock:
        denied = authenticate(emu)
        if denied is not None:
            return denied
        try:
            keep = scc_jobs.parse_filters(request.args)
        except scc_jobs.JobError as exc:
            return error(exc.status, exc.error_id, exc.text, exc.info)
        now = _epoch(emu)
        jobs = [render(emu, job, now) for job in _sorted_by_id(emu.list_objects(JOBS))]
        return jsonify([job for job in jobs if keep(job)])


def create_job(emu, body, created, script):
    """Validate and store a job; returns the stored job (raises JobError)."""
    fields, serials = scc_jobs.validate_new_job(body, catalogue(emu))
    job_id = scc_seed.next_int_id(emu.list_objects(JOBS))
    job = scc_jobs.new_job(job_id, fields, serials, created, script)
    emu.put_object(JOBS, job)
    return job


@bp.route(BASE + "/jobs", methods=["POST"], strict_slashes=False)
def post_job():
    emu = core.get_emulator()
    with emu.lock:
        denied = authenticate(emu)
        if denied is not None:
            return denied
        body = request.get_json(silent=True)
        if body is None:
            return error(400, "INVALID_JSON", "The request body must be a JSON job object (Content-Type: application/json).")
        try:
            job = create_job(emu, body, _epoch(emu), copy.deepcopy(emu.switch("scc_push_script")))
        except scc_jobs.JobError as exc:
            return error(exc.status, exc.error_id, exc.text, exc.info)
        resp = jsonify(render(emu, job, _epoch(emu), as_submitted=True))
        resp.status_code = emu.switch("scc_job_create_status")
        resp.headers["Location"] = "%s/jobs/items/%d" % (BASE, job["id"])
        return resp


@bp.route(BASE + "/jobs/items/<int:job_id>", methods=["GET"], strict_slashes=False)
def get_job(job_id):
    emu = core.get_emulator()
    with emu.lock:
        denied = authenticate(emu)
        if denied is not None:
            return denied
        job = _find(emu, JOBS, job_id)
        if job is None:
            return error(404, "RESOURCE_NOT_FOUND", "Job %d not found." % job_id, {"id": job_id})
        return jsonify(render(emu, job, _epoch(emu)))


@bp.route(BASE + "/jobs/items/<int:job_id>/cancel", methods=["POST"], strict_slashes=False)
def cancel_job(job_id):
    emu = core.get_emulator()
    with emu.lock:
        denied = authenticate(emu)
        if denied is not None:
            return denied
        job = _find(emu, JOBS, job_id)
        if job is None:
            return error(404, "RESOURCE_NOT_FOUND", "Job %d not found." % job_id, {"id": job_id})
        now = _epoch(emu)
        if scc_jobs.is_finished(job, now):
            status = render(emu, job, now)["job_status"]
            return error(400, "INVALID_OPERATION", "Job %d is already finished (%s) and cannot be canceled." % (job_id, status),
                         {"id": job_id, "job_status": status})
        job["canceled_at"] = now
        emu.mark_dirty()
        return jsonify(render(emu, job, now))


# ---- admin action ------------------------------------------------------------

@bp.route(core.ADMIN_PREFIX + "scc/revoke-tokens", methods=["POST"])
def revoke_tokens():
    """Admin: revoke every token issued so far, now (not an expiry): each one answers 401
    ``AUTH_INVALID_TOKEN`` from now on; tokens issued afterwards work. Answers ``{"revoked": N}``
    (N: tokens that were still valid)."""
    emu = core.get_emulator()
    with emu.lock:
        now = _epoch(emu)
        count = 0
        for token in emu.list_objects(TOKENS):
            if not token.get("revoked"):
                if token["expires"] > now:
                    count += 1
                token["revoked"] = True
        emu.mark_dirty()
        return jsonify({"revoked": count})


# ---- plug-in hooks ----------------------------------------------------------

def reset(emu):
    """Put the default catalogue back (unless config ``scc.defaults`` is false), then the
    objects of config ``scc.seed`` (``{collection: [objects]}``); jobs and tokens start empty."""
    config = emu.config["scc"]
    if config.get("defaults", True):
        for collection, objects in ((FEATURES, scc_seed.FEATURES), (SITE_TYPES, scc_seed.SITE_TYPES),
                                    (SITES, scc_seed.SITES), (APPLIANCES, scc_seed.APPLIANCES)):
            for obj in objects:
                emu.put_object(collection, seed(emu, collection, copy.deepcopy(obj)))
    for collection in COLLECTIONS:
        objects = (config.get("seed") or {}).get(collection)
        if objects:
            emu.seed(collection, objects)


def seed(emu, collection, obj):
    """Check one seeded object. Jobs are seeded like a POST body, plus optional
    ``creation_time`` (epoch seconds, default now) and ``script`` (default the switch)."""
    existing = emu.list_objects(collection)
    if collection == FEATURES:
        return scc_seed.normalise_feature(obj, existing)
    if collection == SITE_TYPES:
        return scc_seed.normalise_site_type(obj, existing)
    if collection == SITES:
        return scc_seed.normalise_site(obj, existing)
    if collection == APPLIANCES:
        return scc_seed.normalise_appliance(obj, existing)
    if collection == JOBS:
        created = obj.pop("creation_time", None)
        if created is None:
            created = _epoch(emu)
        script = obj.pop("script", None) or copy.deepcopy(emu.switch("scc_push_script"))
        try:
            fields, serials = scc_jobs.validate_new_job(obj, catalogue(emu))
        except scc_jobs.JobError as exc:
            raise ValueError("scc_jobs: %s" % exc.text)
        job_id = obj.get("id")
        if job_id is None:
            job_id = scc_seed.next_int_id(existing)
        job = scc_jobs.new_job(job_id, fields, serials, created, script)
        if obj.get("canceled_at") is not None:
            job["canceled_at"] = float(obj["canceled_at"])
        return job
    if collection == TOKENS:
        if not isinstance(obj.get("id"), str) or not isinstance(obj.get("expires"), (int, float)):
            raise ValueError("scc_tokens: expected {\"id\": token, \"expires\": epoch seconds}")
        return obj
    obj.setdefault("id", emu.new_id())
    return obj


def http_error(status, req):
    """Riverbed-shaped answers for unknown paths and methods under the SteelCentral prefixes."""
    if status == 404:
        return error(404, "RESOURCE_NOT_FOUND", "No resource at %s." % req.path)
    if status == 405:
        return error(405, "METHOD_NOT_ALLOWED", "Method %s is not allowed on %s." % (req.method, req.path))
    if status in (400, 413, 415):
        return error(status, "INVALID_REQUEST", "The request could not be understood.")
    return None


VENDOR = core.Vendor(
    name="scc",
    blueprint=bp,
    collections=COLLECTIONS,
    switches={
        "scc_token_lifetime": 3600,
        "scc_allow_basic": True,
        "scc_push_script": dict(scc_jobs.DEFAULT_SCRIPT),
        "scc_expire_tokens": False,
        "scc_job_status_spelling": "camel",
        "scc_job_optional_keys": "null",
        "scc_job_unused_targets": "absent",
        "scc_job_create_status": 201,
    },
    choices={
        "scc_job_status_spelling": ("camel", "upper"),
        "scc_job_optional_keys": ("null", "absent"),
        "scc_job_unused_targets": ("absent", "null", "empty"),
        "scc_job_create_status": (201, 200),
    },
    config_defaults={"access_code": "emulator-access-code", "username": "admin", "password": "emulator-password",
                     "defaults": True, "seed": {}},
    reset=reset,
    seed=seed,
    prefixes=("/api/cmc.configurator/", "/api/common/"),
    http_error=http_error,
)
