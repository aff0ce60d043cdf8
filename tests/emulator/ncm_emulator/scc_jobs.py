# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""SteelCentral push jobs: validation of a new job and its progress over time.

Nothing here talks HTTP. A job is stored once, when it is submitted, with a copy of the
push script in force at that moment; every read computes its state from the emulator's
clock, so a job moves without any background thread:

- ``Queued`` for ``queued_seconds`` after ``creation_time``;
- then ``InProgress`` (``push_time`` set) for ``running_seconds``, during which the
  appliance x feature items of ``detailed_status`` run one after another, each for an
  equal slice of the time (``Pending`` -> ``Running`` -> ``Completed``);
- then ``Success``, or ``Failed`` when any item failed (``completion_time`` set).

A script (switch ``scc_push_script``) looks like::

    {"queued_seconds": 1, "running_seconds": 2,
     "failures": [{"serialnum": "XN00000A0001", "feature_id": 3, "error_text": "..."}],
     "pre_push_error": null}

A failure entry without ``serialnum`` (or ``feature_id``) matches every appliance (or
feature). ``pre_push_error`` makes the job fail as a whole when the push would start:
``error_text`` of the job is set and every item ends ``Completed`` / ``Fail`` with it.
A cancelled job keeps what was completed before the cancel; the other items go back to
``Pending`` and the job ends ``Canceled``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DEFAULT_SCRIPT = {
    "queued_seconds": 1,
    "running_seconds": 2,
    "failures": [],
    "pre_push_error": None,
}
DEFAULT_FAILURE_TEXT = "Configuration push failed (emulated)"
JOB_STATUSES = ("Queued", "InProgress", "Failed", "Success", "Canceled")
UNFINISHED = ("Queued", "InProgress")
TARGET_KEYS = ("site_ids", "appliance_serial_numbers", "site_type_ids")
# switch scc_job_status_spelling: "camel" (the words above) or "upper" (the words below)
UPPER_STATUSES = {"Queued": "QUEUED", "InProgress": "IN_PROGRESS", "Failed": "FAILED", "Success": "SUCCESS", "Canceled": "CANCELED"}
CANONICAL_STATUSES = dict([(word, word) for word in JOB_STATUSES] + [(upper, word) for word, upper in UPPER_STATUSES.items()])
# switch scc_job_optional_keys: "null" (today) or "absent" (left out when they have no value)
OPTIONAL_KEYS = ("push_time", "completion_time", "error_text", "detailed_status")


class JobError(Exception):
    """A rejected job request: an HTTP status, a Riverbed error id and a text."""

    def __init__(self, status, error_id, text, info=None):
        super(JobError, self).__init__(text)
        self.status = status
        self.error_id = error_id
        self.text = text
        self.info = info or {}


def _number(value, default):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return default
    return max(0.0, float(value))


def normalise_script(script):
    """A complete, well-formed copy of a push script (bad parts fall back to defaults)."""
    if not isinstance(script, dict):
        script = {}
    failures = []
    for entry in script.get("failures") or []:
        if not isinstance(entry, dict):
            continue
        feature_id = entry.get("feature_id")
        failures.append({
            "serialnum": entry.get("serialnum") if isinstance(entry.get("serialnum"), str) else None,
            "feature_id": feature_id if isinstance(feature_id, int) and not isinstance(feature_id, bool) else None,
            "error_text": str(entry.get("error_text") or DEFAULT_FAILURE_TEXT),
        })
    pre_push = script.get("pre_push_error")
    return {
        "queued_seconds": _number(script.get("queued_seconds"), DEFAULT_SCRIPT["queued_seconds"]),
        "running_seconds": _number(script.get("running_seconds"), DEFAULT_SCRIPT["running_seconds"]),
        "failures": failures,
        "pre_push_error": str(pre_push) if pre_push else None,
    }


def _is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def _int_list(body, key, minimum=1):
    value = body.get(key)
    if not isinstance(value, list):
        raise JobError(400, "INVALID_PARAMETER", "%s must be an array of integers" % key, {"parameter": key})
    if len(value) < minimum:
        raise JobError(400, "INVALID_PARAMETER", "%s must have at least %d item(s)" % (key, minimum), {"parameter": key})
    for item in value:
        if not _is_int(item):
            raise JobError(400, "INVALID_PARAMETER", "%s items must be integers, got %r" % (key, item), {"parameter": key})
    return value


def _str_list(body, key):
    value = body.get(key)
    if not isinstance(value, list):
        raise JobError(400, "INVALID_PARAMETER", "%s must be an array of strings" % key, {"parameter": key})
    if not value:
        raise JobError(400, "INVALID_PARAMETER", "%s must have at least 1 item(s)" % key, {"parameter": key})
    for item in value:
        if not isinstance(item, str) or not item:
            raise JobError(400, "INVALID_PARAMETER", "%s items must be non-empty strings, got %r" % (key, item), {"parameter": key})
    return value


def _unique(values):
    seen = []
    for value in values:
        if value not in seen:
            seen.append(value)
    return seen


def validate_new_job(body, catalogue):
    """Check a ``POST /jobs`` body against the job schema and the catalogue.

    ``catalogue`` holds ``features``, ``sites``, ``site_types`` and ``appliances`` (lists
    of dicts). Returns ``(fields, serials)``: the stored request fields and the serial
    numbers of the appliances the job targets, in a stable order.
    """
    if not isinstance(body, dict):
        raise JobError(400, "INVALID_JSON", "The request body must be a JSON object")
    if body.get("feature_ids") is None:
        raise JobError(400, "INVALID_PARAMETER", "feature_ids is required", {"parameter": "feature_ids"})
    feature_ids = _int_list(body, "feature_ids")
    features = dict((item["id"], item) for item in catalogue["features"])
    for feature_id in feature_ids:
        feature = features.get(feature_id)
        if feature is None:
            raise JobError(400, "INVALID_PARAMETER", "Unknown feature id %d" % feature_id,
                           {"parameter": "feature_ids", "value": feature_id})
        if not feature.get("push_enable"):
            raise JobError(400, "INVALID_PARAMETER", "Feature %d (%s) cannot be pushed: push_enable is false" % (feature_id, feature.get("name")),
                           {"parameter": "feature_ids", "value": feature_id})
    given = [key for key in TARGET_KEYS if body.get(key) is not None]
    if len(given) != 1:
        raise JobError(400, "INVALID_PARAMETER",
                       "Exactly one of site_ids, appliance_serial_numbers, site_type_ids is required (got %s)" % (", ".join(given) or "none"),
                       {"parameter": "oneOf", "given": given})
    key = given[0]
    if "backup" in body and body["backup"] is not None and not isinstance(body["backup"], bool):
        raise JobError(400, "INVALID_PARAMETER", "backup must be a boolean", {"parameter": "backup"})
    appliances = catalogue["appliances"]
    if key == "appliance_serial_numbers":
        targets = _str_list(body, key)
        known = set(item["serialnum"] for item in appliances)
        unknown = [serial for serial in targets if serial not in known]
        if unknown:
            raise JobError(400, "INVALID_PARAMETER", "Unknown appliance serial number(s): %s" % ", ".join(unknown),
                           {"parameter": key, "value": unknown})
        serials = _unique(targets)
    elif key == "site_ids":
        targets = _int_list(body, key)
        known = set(item["id"] for item in catalogue["sites"])
        unknown = [site for site in targets if site not in known]
        if unknown:
            raise JobError(400, "INVALID_PARAMETER", "Unknown site id(s): %s" % ", ".join(str(site) for site in unknown),
                           {"parameter": key, "value": unknown})
        serials = [item["serialnum"] for item in appliances if item.get("site_id") in targets]
    else:
        targets = _int_list(body, key)
        known = set(item["id"] for item in catalogue["site_types"])
        unknown = [kind for kind in targets if kind not in known]
        if unknown:
            raise JobError(400, "INVALID_PARAMETER", "Unknown site type id(s): %s" % ", ".join(str(kind) for kind in unknown),
                           {"parameter": key, "value": unknown})
        sites = set(item["id"] for item in catalogue["sites"] if item.get("site_type_id") in targets)
        serials = [item["serialnum"] for item in appliances if item.get("site_id") in sites]
    fields = {"feature_ids": list(feature_ids), key: list(targets), "backup": bool(body.get("backup", False))}
    for extra in ("operation", "idx", "timestamp"):
        if body.get(extra) is not None:
            fields[extra] = body[extra]
    return fields, serials


def new_job(job_id, fields, serials, created, script):
    """The stored form of a job (times are float epoch seconds)."""
    job = dict(fields)
    job.update({
        "id": job_id,
        "created": float(created),
        "targets": list(serials),
        "script": normalise_script(script),
        "canceled_at": None,
    })
    return job


def _failure_text(script, serial, feature_id):
    for entry in script["failures"]:
        if entry["serialnum"] not in (None, serial):
            continue
        if entry["feature_id"] not in (None, feature_id):
            continue
        return entry["error_text"]
    return None


def job_timeline(job):
    """``(push_at, end_at)`` as float epoch seconds."""
    script = job["script"]
    push_at = job["created"] + script["queued_seconds"]
    if script["pre_push_error"]:
        return push_at, push_at
    return push_at, push_at + script["running_seconds"]


def is_finished(job, now):
    """Whether the job is in a final state at ``now``."""
    if job.get("canceled_at") is not None:
        return True
    return now >= job_timeline(job)[1]


def spell_status(status, spelling="camel"):
    """A job status word in the spelling of switch ``scc_job_status_spelling``."""
    if spelling == "upper":
        return UPPER_STATUSES.get(status, status)
    return status


def canonical_status(word):
    """``Queued`` ... ``Canceled`` for either spelling, else None."""
    return CANONICAL_STATUSES.get(word)


def render_job(job, now, as_submitted=False, spelling="camel", optional_keys="null", unused_targets="absent"):
    """The job resource as the API shows it at ``now``.

    ``as_submitted`` shows it as it was when created (``Queued``), for the POST answer.
    ``spelling`` (``camel`` | ``upper``), ``optional_keys`` (``null`` | ``absent``) and
    ``unused_targets`` (``absent`` | ``null`` | ``empty``) follow the switches of the same
    names (prefixed ``scc_job_``); the defaults are the documented shape.
    """
    script = job["script"]
    push_at, end_at = job_timeline(job)
    canceled_at = job.get("canceled_at")
    # as submitted: a moment before creation, so that every item is still Pending
    at = job["created"] - 1.0 if as_submitted else now
    if canceled_at is not None and canceled_at < at:
        at = canceled_at
    features = _unique(job["feature_ids"])
    items = [(serial, feature_id) for serial in job["targets"] for feature_id in features]
    slot = script["running_seconds"] / len(items) if items else 0.0
    detailed = []
    any_failed = False
    for index, (serial, feature_id) in enumerate(items):
        entry = {"feature_id": feature_id, "serialnum": serial, "status": "Pending", "result": None, "error_text": None}
        if script["pre_push_error"]:
            if at >= push_at:
                entry.update({"status": "Completed", "result": "Fail", "error_text": script["pre_push_error"]})
                any_failed = True
        else:
            start = push_at + index * slot
            if at >= start + slot:
                text = _failure_text(script, serial, feature_id)
                entry.update({"status": "Completed", "result": "Fail" if text else "Success", "error_text": text})
                any_failed = any_failed or bool(text)
            elif at >= start:
                entry["status"] = "Running"
        detailed.append(entry)
    push_time = completion_time = error_text = None
    if as_submitted or at < push_at:
        status = "Queued"
    elif at < end_at:
        status = "InProgress"
        push_time = int(push_at)
    else:
        status = "Failed" if (any_failed or script["pre_push_error"]) else "Success"
        push_time = int(push_at)
        completion_time = int(end_at)
        error_text = script["pre_push_error"]
    if canceled_at is not None and not as_submitted and canceled_at <= now and canceled_at < end_at:
        status = "Canceled"
        completion_time = int(canceled_at)
        for entry in detailed:
            if entry["status"] == "Running":
                entry["status"] = "Pending"

    def targets(answer, key):
        if key in job:
            answer[key] = list(job[key])
        elif unused_targets == "null":
            answer[key] = None
        elif unused_targets == "empty":
            answer[key] = []

    answer = {"id": job["id"]}
    for key in ("site_ids", "appliance_serial_numbers"):
        targets(answer, key)
    answer.update({
        "operation": job.get("operation", "push"),
        "idx": job.get("idx", job["id"]),
        "timestamp": job.get("timestamp", int(job["created"])),
    })
    targets(answer, "site_type_ids")
    answer.update({
        "feature_ids": list(job["feature_ids"]),
        "creation_time": int(job["created"]),
        "push_time": push_time,
        "completion_time": completion_time,
        "error_text": error_text,
        "job_status": spell_status(status, spelling),
        "backup": job.get("backup", False),
        "detailed_status": detailed,
    })
    if optional_keys == "absent":
        for key in OPTIONAL_KEYS:
            if answer[key] is None or answer[key] == []:
                del answer[key]
    return answer


def parse_filters(args):
    """Validate the ``GET /jobs`` query; returns a predicate over rendered jobs.

    ``job_status`` may be given in either spelling (``InProgress`` or ``IN_PROGRESS``),
    whatever the spelling of the answers."""
    status = args.get("job_status")
    if status is not None:
        if canonical_status(status) is None:
            raise JobError(400, "INVALID_PARAMETER", "job_status must be one of %s (or %s)"
                           % (", ".join(JOB_STATUSES), ", ".join(UPPER_STATUSES[word] for word in JOB_STATUSES)),
                           {"parameter": "job_status"})
        status = canonical_status(status)
    feature = args.get("feature_id")
    if feature is not None:
        try:
            feature = int(feature)
        except ValueError:
            raise JobError(400, "INVALID_PARAMETER", "feature_id must be an integer", {"parameter": "feature_id"})
    bounds = {}
    for key in ("after", "before"):
        value = args.get(key)
        if value is None:
            continue
        try:
            bounds[key] = float(value)
        except ValueError:
            raise JobError(400, "INVALID_PARAMETER", "%s must be epoch seconds" % key, {"parameter": key})

    def keep(job):
        if status is not None and canonical_status(job["job_status"]) != status:
            return False
        if feature is not None and feature not in job["feature_ids"]:
            return False
        if "after" in bounds and job["creation_time"] < bounds["after"]:
            return False
        if "before" in bounds and job["creation_time"] > bounds["before"]:
            return False
        return True
    return keep
