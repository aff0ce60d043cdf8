# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The push-job flow of ``cmc_push_job``: check the input, attach by id, reuse an unfinished job
with the same request or submit a new one, follow it to its end (``SccClient.wait``), cancel.

Functions over an ``SccClient``, so that a ``Mock(spec=SccClient)`` drives them in tests.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ncm.platforms.plugins.module_utils import compare, errors, validate
from ansible_collections.ncm.platforms.plugins.module_utils.scc.resources import FINAL, TARGET_KEYS, is_status, status_of


def check_push(params):
    """Input rules of ``cmc_push_job``, before any request."""
    for name in ("feature_ids", "features") + TARGET_KEYS:
        value = params.get(name)
        if value is None:
            continue
        if not value:
            raise errors.InputError("%s must have at least one item." % name)
        for item in value:
            if name in ("features", "appliance_serial_numbers"):
                validate.not_blank(name, item)
            else:
                validate.at_least("%s items" % name, item, 1)
    validate.at_least("id", params.get("id"), 1)
    for name in ("wait_timeout", "poll_interval", "max_poll_interval"):
        if params.get(name) is not None and params[name] <= 0:
            raise errors.InputError("%s must be more than 0 seconds (got %s)." % (name, params[name]))


def job_body(client, params):
    """The ``POST /jobs`` body from the options (feature names resolved)."""
    feature_ids = params.get("feature_ids") or client.feature_ids(params["features"])
    body = {"feature_ids": list(feature_ids)}
    for key in TARGET_KEYS:
        if params.get(key):
            body[key] = list(params[key])
    body["backup"] = bool(params.get("backup"))
    return body


def failed_items(job, names):
    """``detailed_status`` items whose result is Fail, with the feature name."""
    items = []
    for item in job.get("detailed_status") or []:
        if compare.status_key(item.get("result")) == "fail":
            items.append({"serialnum": item.get("serialnum"), "feature_id": item.get("feature_id"),
                          "feature_name": names.get(item.get("feature_id")), "error_text": item.get("error_text")})
    return items


def _item_text(item):
    name = " (%s)" % item["feature_name"] if item["feature_name"] else ""
    return "%s feature %s%s: %s" % (item["serialnum"] or "appliance ?", item["feature_id"], name,
                                    item["error_text"] or "no error text")


def outcome(client, job, elapsed, cancel_asked=False):
    """``(False, result)`` for a job that ended as wanted; raises ``NcmError`` otherwise."""
    result = {"job": job, "status": status_of(job), "elapsed": elapsed, "failed_appliances": []}
    if is_status(job, ("Failed",)):
        result["failed_appliances"] = failed_items(job, client.feature_names(job.get("feature_ids") or []))
        lines = "; ".join(_item_text(item) for item in result["failed_appliances"])
        if job.get("error_text"):
            message = "Push job %s failed before the push started (pre-push failure): %s" % (job["id"], job["error_text"])
        else:
            message = "Push job %s failed on %d appliance/feature item(s): %s" % (
                job["id"], len(result["failed_appliances"]), lines or "the job gives no detail")
        raise errors.NcmError(message, **result)
    if is_status(job, ("Canceled",)) and not cancel_asked:
        raise errors.NcmError("Push job %s was canceled on the Controller before it finished." % job["id"], **result)
    return False, result


def cancel_unless_final(client, job_id):
    """``(job, True)`` after a cancel; ``(job, False)`` when the job ended just before it
    (the Controller refuses to cancel a final job with a 400)."""
    try:
        return client.cancel(job_id), True
    except errors.ApiError as exc:
        ended = client.job(job_id) if exc.status == 400 else None
        if ended is None or not is_status(ended, FINAL):
            raise
        return ended, False


def follow(client, job, params, cancel_asked=False):
    """Wait for ``job`` when asked; ``(False, result)`` or a failure (timeout, Failed, Canceled)."""
    if not params["wait"]:
        return False, job_result(job)
    try:
        job, elapsed = client.wait(job, params["wait_timeout"], params["poll_interval"], params["max_poll_interval"])
    except errors.WaitTimeout as exc:
        last = exc.details.get("state") or job
        details = {"job": last, "status": exc.details.get("status"), "elapsed": exc.details.get("elapsed"),
                   "failed_appliances": []}
        if not params["cancel_on_timeout"] or cancel_asked:
            raise errors.WaitTimeout(exc.message + "; the job is left running on the Controller.", **details)
        canceled, did_cancel = cancel_unless_final(client, last["id"])
        if not did_cancel:
            return outcome(client, canceled, exc.details.get("elapsed"))
        details.update(job=canceled, status=status_of(canceled))
        raise errors.WaitTimeout("%s; canceled it (cancel_on_timeout): the job is now %s." % (exc.message, status_of(canceled)),
                                 **details)
    return outcome(client, job, elapsed, cancel_asked)


def push(client, params, check_mode):
    """``cmc_push_job`` with ``state: present``: attach by id, reuse, or submit; then follow."""
    if params.get("id") is not None:
        job = client.job(params["id"])
        if job is None:
            raise errors.NcmError("No push job has id %s." % params["id"])
        if check_mode:
            return False, dict(msg="Check mode: would attach to push job %s." % job["id"], **job_result(job))
        return with_message(follow(client, job, params), "Attached to push job %s." % job["id"])
    body = job_body(client, params)
    found = client.find_unfinished(body) if params["reuse_unfinished"] else None
    if found is not None:
        if check_mode:
            return False, dict(msg="Check mode: would reuse unfinished push job %s." % found["id"], **job_result(found))
        return with_message(follow(client, found, params),
                            "Reused unfinished push job %s (same features, targets and backup)." % found["id"])
    if check_mode:
        predicted = dict(body, job_status="Queued")
        return True, dict(msg="Check mode: would submit a new push job.", **job_result(predicted))
    job = client.create_job(body)
    return with_message((True, follow(client, job, params)[1]), "Submitted push job %s." % job["id"])


def cancel_job(client, params, check_mode):
    """``cmc_push_job`` with ``state: canceled``: cancel an unfinished job, then follow it."""
    job = client.job(params["id"])
    if job is None:
        raise errors.NcmError("No push job has id %s." % params["id"])
    if is_status(job, FINAL):
        return False, dict(msg="Push job %s is already %s: nothing to cancel." % (job["id"], status_of(job)), **job_result(job))
    if check_mode:
        return True, dict(msg="Check mode: would cancel push job %s." % job["id"], **job_result(job))
    job, did_cancel = cancel_unless_final(client, job["id"])
    if not did_cancel:
        return False, dict(msg="Push job %s ended %s before the cancel: nothing to cancel."
                           % (job["id"], status_of(job)), **job_result(job))
    return with_message((True, follow(client, job, params, cancel_asked=True)[1]), "Canceled push job %s." % job["id"])


def job_result(job):
    """The result of a job seen now, before any wait (elapsed 0)."""
    return {"job": job, "status": status_of(job), "elapsed": 0.0, "failed_appliances": []}


def with_message(answer, message):
    """``(changed, result)`` with ``message`` as the result's ``msg``."""
    changed, result = answer
    result["msg"] = message
    return changed, result
