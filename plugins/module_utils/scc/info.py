# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Reading push jobs and features for ``cmc_push_job_info`` and ``cmc_feature_info``."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ncm.platforms.plugins.module_utils import compare, errors, validate
from ansible_collections.ncm.platforms.plugins.module_utils.scc.resources import is_status, status_word


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
