# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The SteelCentral Controller client (``cmc.configurator`` 1.0) and the push-job flow.

Authentication: an access code exchanged for a bearer token at the Riverbed common OAuth
path (the shared login hook: before the first request, once more on a 401), else HTTP
Basic. Jobs, features, feature names resolved to ids, reuse of an unfinished job with the
same request, and the wait with its failure messages. See ``API-NOTES.md`` section 2 and
``seeds/scc-cmc-configurator-jobs.txt``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import secrets
import time

from ansible_collections.ncm.platforms.plugins.module_utils import api_spec, compare, errors, rest, validate, waiting

BASE = "/api/cmc.configurator/1.0"
TOKEN_PATH = "/api/common/1.0/oauth/token"
UNFINISHED = ("Queued", "InProgress")
FINAL = ("Success", "Failed", "Canceled")
TARGET_KEYS = ("site_ids", "appliance_serial_numbers", "site_type_ids")
_JOB_FIELDS = dict(feature_ids=compare.Field("set"), backup=compare.Field("bool"),
                   **dict((key, compare.Field("set")) for key in TARGET_KEYS))


def error_in_body(data):
    """The message of a 2xx answer that carries a Riverbed error body (``error_id``)."""
    if isinstance(data, dict) and data.get("error_id"):
        return errors.server_message(data) or str(data["error_id"])
    return None


def access_code_login(code):
    """The login hook: exchange the access code for a bearer token (both kept secret)."""
    def login(client):
        client.add_secret(code)
        form = {"grant_type": "access_code", "assertion": code, "state": secrets.token_hex(8)}
        answer = client.request("POST", TOKEN_PATH, data=form, headers={"Authorization": None},
                                idempotent=True, authenticate=False)
        token = answer.data.get("access_token") if isinstance(answer.data, dict) else None
        if not token or not isinstance(token, str):
            raise errors.ResponseFormatError(
                "POST %s answered HTTP %s without an access_token" % (TOKEN_PATH, answer.status),
                method="POST", path=TOKEN_PATH, status=answer.status)
        client.add_secret(token)
        client.set_header("Authorization", "Bearer " + token)
    return login


def connect(module):
    """The ``connect`` that ``runner.execute`` calls: access-code token login, else HTTP Basic."""
    api = api_spec.resolve("scc", module)
    if api.get("access_code") is not None:
        login = access_code_login(api["access_code"].strip())
        return SccClient(rest.from_module(module, login=login, error_in_body=error_in_body))
    return SccClient(rest.from_module(module, basic_auth=(api["username"], api["password"]),
                                      error_in_body=error_in_body))


def status_of(job):
    return (job or {}).get("job_status")


def is_status(job, words):
    return compare.status_key(status_of(job)) in set(compare.status_key(word) for word in words)


def job_view(job):
    """A job in the form reuse compares: target arrays absent or null as [], backup a bool."""
    view = dict((key, job.get(key) or []) for key in ("feature_ids",) + TARGET_KEYS)
    view["backup"] = bool(job.get("backup"))
    return view


class SccClient(object):
    """SteelCentral ``cmc.configurator`` calls over one ``rest.RestClient`` session (``rest``)."""

    def __init__(self, rest_client, clock=time.monotonic, sleep=time.sleep):
        self.rest = rest_client
        self.clock = clock
        self.sleep = sleep

    def _call(self, method, path, **kwargs):
        return self.rest.request(method, BASE + path, **kwargs)

    def _list(self, path, params=None):
        data = self._call("GET", path, params=params).data
        if data is None:
            return []
        if not isinstance(data, list):
            raise errors.ResponseFormatError("GET %s%s answered %s, not a JSON array" % (BASE, path, type(data).__name__),
                                             method="GET", path=BASE + path)
        return data

    def _item(self, path):
        answer = self._call("GET", path, allow_status=(404,))
        return None if answer.status == 404 else answer.data

    # --- jobs ------------------------------------------------------------------------
    def jobs(self, job_status=None, feature_id=None, after=None, before=None):
        """Jobs, filtered server-side (bare array, no paging)."""
        return self._list("/jobs", dict(job_status=job_status, feature_id=feature_id, after=after, before=before))

    def job(self, job_id):
        """The job with this id, or None."""
        return self._item("/jobs/items/%d" % job_id)

    def create_job(self, body):
        """POST a new job (200 or 201); the answer is the new job."""
        answer = self._call("POST", "/jobs", json=body)
        if not isinstance(answer.data, dict) or answer.data.get("id") is None:
            raise errors.ResponseFormatError(
                "POST %s/jobs answered HTTP %s without the new job; check the Controller's job list "
                "before running again" % (BASE, answer.status), method="POST", path=BASE + "/jobs")
        return answer.data

    def cancel(self, job_id):
        """Cancel a job; returns it as the answer shows it (read again when the answer is empty)."""
        answer = self._call("POST", "/jobs/items/%d/cancel" % job_id)
        return answer.data if isinstance(answer.data, dict) else self.job(job_id)

    def find_unfinished(self, body):
        """The unfinished job with the same features, targets (as sets) and backup, or None.

        Asked server-side by ``job_status`` and the first ``feature_id``; matched again here.
        """
        found = {}
        for status in UNFINISHED:
            for job in self.jobs(job_status=status, feature_id=body["feature_ids"][0]):
                if is_status(job, UNFINISHED):
                    found.setdefault(job.get("id"), job)
        return compare.find_one(list(found.values()), job_view(body), _JOB_FIELDS, where=BASE + "/jobs", view=job_view,
                                kind="unfinished push jobs",
                                pick="give id alone to attach to one of them (id cannot be combined with features or "
                                     "targets), or reuse_unfinished: false to submit a new job")

    # --- features --------------------------------------------------------------------
    def features(self, name=None):
        """Features, by ``name`` when given (matched again here)."""
        items = self._list("/features", dict(name=name))
        return [item for item in items if name is None or item.get("name") == name]

    def feature(self, feature_id):
        """The feature with this id, or None."""
        return self._item("/features/items/%d" % feature_id)

    def feature_ids(self, names):
        """The ids of features named ``names`` (one list read), failing on an unknown or not
        push-enabled name with the known push-enabled names."""
        catalogue = self.features()
        pushable = sorted(str(item.get("name")) for item in catalogue if item.get("push_enable"))
        ids = []
        for name in names:
            feature = compare.find_one(catalogue, {"name": name}, where=BASE + "/features", kind="features",
                                       pick="give feature_ids instead of features to pick one")
            if feature is None or not feature.get("push_enable"):
                why = "is not a feature" if feature is None else "cannot be pushed (push_enable is false)"
                raise errors.InputError("features: %r %s; the features that can be pushed are: %s."
                                        % (name, why, ", ".join(pushable) or "none"))
            ids.append(feature["id"])
        return ids

    def feature_names(self, ids):
        """``{id: name}`` for the messages; empty when the features cannot be read."""
        try:
            return dict((item.get("id"), item.get("name")) for item in self.features() if item.get("id") in ids)
        except errors.NcmError:
            return {}

    # --- waiting ---------------------------------------------------------------------
    def wait(self, job, timeout, interval, max_interval):
        """Poll ``GET /jobs/items/{id}`` until the job is final; ``(job, elapsed)``.

        Raises ``errors.WaitTimeout`` (details ``status``, ``state``, ``elapsed``) at the deadline.
        """
        job_id = job["id"]

        def poll():
            current = self.job(job_id)
            if current is None:
                raise errors.NcmError("Push job %s no longer exists on the Controller." % job_id, job=job)
            return current
        with self.rest.bounded(timeout):  # the deadline bounds the HTTP layer's retries too
            result = waiting.wait_until_final(poll, status_of, FINAL, "Push job %s" % job_id, timeout, interval=interval,
                                              max_interval=max(interval, max_interval), state=job,
                                              clock=self.clock, sleep=self.sleep)
        return result.state, round(result.elapsed, 1)


def epoch_seconds(name, value):
    """``after`` / ``before``: epoch seconds (digits) or an ISO 8601 date or date-time, as int epoch seconds."""
    if value is None:
        return None
    text = str(value).strip()
    try:
        return int(float(text))
    except (ValueError, OverflowError):  # OverflowError: inf, 1e400
        pass
    try:
        return int(compare.parse_moment(text)[0].timestamp())
    except ValueError as exc:
        raise errors.InputError("%s must be epoch seconds or an ISO 8601 date or date-time: %s" % (name, exc))


def status_word(name, value):
    """The API's spelling of a push job status given in any case, with or without separators."""
    for word in UNFINISHED + FINAL:
        if compare.status_key(word) == compare.status_key(value):
            return word
    raise errors.InputError("%s: %r is not a push job status; give one of %s (in any case, with or without "
                            "separators such as _ or spaces)." % (name, value, ", ".join(UNFINISHED + FINAL)))


def read_jobs(client, params):
    """``cmc_push_job_info``: one job by ``id``, or the jobs the filters select."""
    validate.at_least("id", params.get("id"), 1)
    validate.at_least("feature_id", params.get("feature_id"), 1)
    after, before = epoch_seconds("after", params.get("after")), epoch_seconds("before", params.get("before"))
    if after is not None and before is not None and after > before:
        raise errors.InputError("after (%s) is later than before (%s): no job can be in that interval."
                                % (params["after"], params["before"]))
    status = status_word("job_status", params["job_status"]) if params.get("job_status") is not None else None
    if params.get("id") is not None:
        job = client.job(params["id"])
        return False, {"jobs": [job] if job is not None else []}
    jobs = client.jobs(job_status=status, feature_id=params.get("feature_id"), after=after, before=before)
    if status:
        jobs = [job for job in jobs if is_status(job, (status,))]
    return False, {"jobs": jobs}


def read_features(client, params):
    """``cmc_feature_info``: one feature by ``id``, or the features (by ``name``)."""
    validate.at_least("id", params.get("id"), 1)
    validate.not_blank("name", params.get("name"))
    if params.get("id") is not None:
        feature = client.feature(params["id"])
        return False, {"features": [feature] if feature is not None else []}
    return False, {"features": client.features(name=params.get("name"))}


# --- the push-job flow (functions over an SccClient, so a Mock(spec=SccClient) drives them) ---
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
        if params[name] <= 0:
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
        return False, _now(job)
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
            return False, dict(msg="Check mode: would attach to push job %s." % job["id"], **_now(job))
        return _said(follow(client, job, params), "Attached to push job %s." % job["id"])
    body = job_body(client, params)
    found = client.find_unfinished(body) if params["reuse_unfinished"] else None
    if found is not None:
        if check_mode:
            return False, dict(msg="Check mode: would reuse unfinished push job %s." % found["id"], **_now(found))
        return _said(follow(client, found, params), "Reused unfinished push job %s (same features, targets and backup)."
                     % found["id"])
    if check_mode:
        predicted = dict(body, job_status="Queued")
        return True, dict(msg="Check mode: would submit a new push job.", **_now(predicted))
    job = client.create_job(body)
    return _said((True, follow(client, job, params)[1]), "Submitted push job %s." % job["id"])


def cancel(client, params, check_mode):
    """``cmc_push_job`` with ``state: canceled``: cancel an unfinished job, then follow it."""
    job = client.job(params["id"])
    if job is None:
        raise errors.NcmError("No push job has id %s." % params["id"])
    if is_status(job, FINAL):
        return False, dict(msg="Push job %s is already %s: nothing to cancel." % (job["id"], status_of(job)), **_now(job))
    if check_mode:
        return True, dict(msg="Check mode: would cancel push job %s." % job["id"], **_now(job))
    job, did_cancel = cancel_unless_final(client, job["id"])
    if not did_cancel:
        return False, dict(msg="Push job %s ended %s before the cancel: nothing to cancel."
                           % (job["id"], status_of(job)), **_now(job))
    return _said((True, follow(client, job, params, cancel_asked=True)[1]), "Canceled push job %s." % job["id"])


def _now(job):
    return {"job": job, "status": status_of(job), "elapsed": 0.0, "failed_appliances": []}


def _said(answer, message):
    changed, result = answer
    result["msg"] = message
    return changed, result
