# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""SteelCentral push jobs: their progress over time and how the API shows them.

Nothing here talks HTTP (the checks of a job request: ``job_request``). A job is stored once, when it is submitted, with a copy of the
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
# switch scc_job_status_spelling: "camel" (the words above) or "upper" (the words below)
UPPER_STATUSES = {"Queued": "QUEUED", "InProgress": "IN_PROGRESS", "Failed": "FAILED", "Success": "SUCCESS", "Canceled": "CANCELED"}
CANONICAL_STATUSES = dict([(word, word) for word in JOB_STATUSES] + [(upper, word) for word, upper in UPPER_STATUSES.items()])
# switch scc_job_optional_keys: "null" (today) or "absent" (left out when they have no value)
OPTIONAL_KEYS = ("push_time", "completion_time", "error_text", "detailed_status")


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


def unique(values):
    """The values without repeats, in their first order."""
    seen = []
    for value in values:
        if value not in seen:
            seen.append(value)
    return seen


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


def _item(script, serial, feature_id, at, window):
    """One ``detailed_status`` entry at ``at`` (the item runs in ``window``, (start, end)),
    and whether it failed."""
    entry = {"feature_id": feature_id, "serialnum": serial, "status": "Pending", "result": None, "error_text": None}
    start, end = window
    if script["pre_push_error"]:
        if at >= start:
            entry.update({"status": "Completed", "result": "Fail", "error_text": script["pre_push_error"]})
            return entry, True
        return entry, False
    if at >= end:
        text = _failure_text(script, serial, feature_id)
        entry.update({"status": "Completed", "result": "Fail" if text else "Success", "error_text": text})
        return entry, bool(text)
    if at >= start:
        entry["status"] = "Running"
    return entry, False


def _items(job, at, push_at):
    """``(detailed_status, any item failed)`` at ``at``: the appliance x feature items run one
    after another, each for an equal slice of ``running_seconds`` (all at once on a pre-push error)."""
    script = job["script"]
    features = unique(job["feature_ids"])
    items = [(serial, feature_id) for serial in job["targets"] for feature_id in features]
    slot = script["running_seconds"] / len(items) if items else 0.0
    detailed = []
    any_failed = False
    for index, (serial, feature_id) in enumerate(items):
        start = push_at if script["pre_push_error"] else push_at + index * slot
        entry, failed = _item(script, serial, feature_id, at, (start, start + slot))
        detailed.append(entry)
        any_failed = any_failed or failed
    return detailed, any_failed


def _progress(job, at, as_submitted, any_failed):
    """``{"status", "push_time", "completion_time", "error_text"}`` of the job at ``at``."""
    script = job["script"]
    push_at, end_at = job_timeline(job)
    if as_submitted or at < push_at:
        return {"status": "Queued", "push_time": None, "completion_time": None, "error_text": None}
    if at < end_at:
        return {"status": "InProgress", "push_time": int(push_at), "completion_time": None, "error_text": None}
    return {"status": "Failed" if (any_failed or script["pre_push_error"]) else "Success",
            "push_time": int(push_at), "completion_time": int(end_at), "error_text": script["pre_push_error"]}


def _cancel(progress, detailed, canceled_at):
    """A job canceled before its end: ``Canceled``; its running item goes back to ``Pending``."""
    progress.update({"status": "Canceled", "completion_time": int(canceled_at)})
    for entry in detailed:
        if entry["status"] == "Running":
            entry["status"] = "Pending"


def _add_targets(answer, job, key, unused_targets):
    """The targets under ``key``; a key the job does not use per ``unused_targets``."""
    if key in job:
        answer[key] = list(job[key])
    elif unused_targets == "null":
        answer[key] = None
    elif unused_targets == "empty":
        answer[key] = []


def render_job(job, now, as_submitted=False, spelling="camel", optional_keys="null", unused_targets="absent"):
    """The job resource as the API shows it at ``now``.

    ``as_submitted`` shows it as it was when created (``Queued``), for the POST answer.
    ``spelling`` (``camel`` | ``upper``), ``optional_keys`` (``null`` | ``absent``) and
    ``unused_targets`` (``absent`` | ``null`` | ``empty``) follow the switches of the same
    names (prefixed ``scc_job_``); the defaults are the documented shape.
    """
    push_at, end_at = job_timeline(job)
    canceled_at = job.get("canceled_at")
    # as submitted: a moment before creation, so that every item is still Pending
    at = job["created"] - 1.0 if as_submitted else now
    if canceled_at is not None and canceled_at < at:
        at = canceled_at
    detailed, any_failed = _items(job, at, push_at)
    progress = _progress(job, at, as_submitted, any_failed)
    if canceled_at is not None and not as_submitted and canceled_at <= now and canceled_at < end_at:
        _cancel(progress, detailed, canceled_at)
    answer = {"id": job["id"]}
    for key in ("site_ids", "appliance_serial_numbers"):
        _add_targets(answer, job, key, unused_targets)
    answer.update({
        "operation": job.get("operation", "push"),
        "idx": job.get("idx", job["id"]),
        "timestamp": job.get("timestamp", int(job["created"])),
    })
    _add_targets(answer, job, "site_type_ids", unused_targets)
    answer.update({
        "feature_ids": list(job["feature_ids"]),
        "creation_time": int(job["created"]),
        "push_time": progress["push_time"],
        "completion_time": progress["completion_time"],
        "error_text": progress["error_text"],
        "job_status": spell_status(progress["status"], spelling),
        "backup": job.get("backup", False),
        "detailed_status": detailed,
    })
    if optional_keys == "absent":
        for key in OPTIONAL_KEYS:
            if answer[key] is None or answer[key] == []:
                del answer[key]
    return answer
