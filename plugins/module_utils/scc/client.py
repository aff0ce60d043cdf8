# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The SteelCentral Controller client (``cmc.configurator`` 1.0 and ``cmc.appliance_inventory``
1.0): login, jobs, features, the job wait, appliances.

Authentication: an access code exchanged for a bearer token at the Riverbed common OAuth
path (the shared login hook: before the first request, once more on a 401), else HTTP
Basic. See ``API-NOTES.md`` section 2 and ``seeds/scc-cmc-configurator-jobs.txt``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import secrets
import time

from ansible_collections.ncm.platforms.plugins.module_utils import api_spec, compare, errors, rest, waiting
from ansible_collections.ncm.platforms.plugins.module_utils.scc.resources import (
    FINAL, JOB_FIELDS, UNFINISHED, is_status, job_view, status_of)

BASE = "/api/cmc.configurator/1.0"
INVENTORY_BASE = "/api/cmc.appliance_inventory/1.0"
TOKEN_PATH = "/api/common/1.0/oauth/token"


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


def connect(task):
    """The ``connect`` that ``runner.execute`` calls: access-code token login, else HTTP Basic."""
    api = api_spec.resolve("scc", task)
    if api.get("access_code") is not None:
        login = access_code_login(api["access_code"].strip())
        return SccClient(api_spec.rest_client(task, login=login, error_in_body=error_in_body))
    return SccClient(api_spec.rest_client(task, basic_auth=(api["username"], api["password"]), error_in_body=error_in_body))


class SccClient(rest.ApiClient):
    """SteelCentral ``cmc.configurator`` and ``cmc.appliance_inventory`` calls over one
    ``rest.RestClient`` session (``rest``)."""

    def __init__(self, rest_client, clock=time.monotonic, sleep=time.sleep):
        super(SccClient, self).__init__(rest_client)
        self.clock = clock
        self.sleep = sleep

    def _call(self, method, path, base=BASE, **kwargs):
        return self.rest.request(method, base + path, **kwargs)

    def _list(self, path, params=None, base=BASE):
        data = self._call("GET", path, base=base, params=params).data
        if data is None:
            return []
        if not isinstance(data, list):
            raise errors.ResponseFormatError("GET %s%s answered %s, not a JSON array" % (base, path, type(data).__name__),
                                             method="GET", path=base + path)
        return data

    def _item(self, path, base=BASE):
        answer = self._call("GET", path, base=base, allow_status=(404,))
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
        return compare.find_one(list(found.values()), job_view(body), JOB_FIELDS, where=BASE + "/jobs", view=job_view,
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

    # --- appliance inventory ---------------------------------------------------------
    def appliances(self, serial=None, uuid=None, health=None):
        """Appliances, filtered server-side by the filters the service declares (bare array, no paging)."""
        return self._list("/appliances", dict(serial=serial, uuid=uuid, health=health), base=INVENTORY_BASE)

    def appliance(self, appliance_id):
        """The appliance with this id, or None."""
        return self._item("/appliances/items/%d" % appliance_id, base=INVENTORY_BASE)

    # --- waiting ---------------------------------------------------------------------
    def wait(self, job, timeout, interval, max_interval=None):
        """Poll ``GET /jobs/items/{id}`` until the job is final; ``(job, elapsed)``.

        Every ``interval`` seconds (``waiting.schedule``); growing up to ``max_interval`` only
        when that is above ``interval``.

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
                                              max_interval=max_interval, state=job,
                                              clock=self.clock, sleep=self.sleep)
        return result.state, round(result.elapsed, 1)
