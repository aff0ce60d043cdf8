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


# A filter with one value that the API also takes as a query parameter: job field -> query parameter.
SERVER_FILTERS = {"job_status": "job_status", "feature_ids": "feature_id"}
# The top-level spellings of two filters, deprecated (option -> job field): read until 2.0.0.
DEPRECATED_FILTERS = (("job_status", "job_status"), ("feature_id", "feature_ids"))
DEPRECATED_IN = "2.0.0"


def _filter_values(name, field, values):
    """The values of one job filter, checked and in the API's form; ``name`` is what the user gave."""
    if not values:  # a null in a list is refused or made "" by the argument spec
        raise errors.InputError("%s needs at least one value." % name)
    if field == "job_status":
        return [status_word(name, value) for value in values]
    for value in values:
        if field == "appliance_serial_numbers":
            validate.not_blank(name, value)
        else:
            validate.at_least(name, value, 1)
    return list(values)


def _deprecated_filters(task, filters):
    """Move the deprecated top-level ``job_status`` and ``feature_id`` into ``filters`` (with a
    deprecation each); the same filter given both ways fails naming both."""
    for option, field in DEPRECATED_FILTERS:
        value = task.params.get(option)
        if value is None:
            continue
        if field in filters:
            raise errors.InputError("%s and filters.%s are mutually exclusive: give filters.%s alone (%s is deprecated)."
                                    % (option, field, field, option))
        task.deprecate("The option %s is deprecated: give filters.%s instead, for example filters: {%s: %s}."
                       % (option, field, field, value), version=DEPRECATED_IN)
        filters[field] = _filter_values(option, field, [value])


def job_filters(task):
    """``{job field: [values]}`` from ``filters`` (each a list of at least one value) and the deprecated
    top-level spellings; fails before any request on an empty list, a blank, a bad status or id."""
    given = task.params.get("filters") or {}
    filters = dict((field, _filter_values("filters." + field, field, values))
                   for field, values in given.items() if values is not None)
    _deprecated_filters(task, filters)
    return filters


def job_matches(job, filters):
    """Whether the job matches every filter: its status is one of the words given (in any
    spelling), or its list field holds one of the values given."""
    for field, values in filters.items():
        if field == "job_status":
            if not is_status(job, values):
                return False
        elif not set(str(value) for value in job.get(field) or []) & set(str(value) for value in values):
            return False
    return True


def read_jobs(task, client):
    """``cmc_push_job_info``: one job by ``id``, or the jobs that ``filters`` and the time window select.

    A filter with one value that the API takes is sent as a query parameter; every filter is
    applied again to the answer (a server may ignore a parameter, or be more tolerant than asked)."""
    params = task.params
    validate.at_least("id", params.get("id"), 1)
    filters = job_filters(task)
    after, before = epoch_seconds("after", params.get("after")), epoch_seconds("before", params.get("before"))
    if after is not None and before is not None and after > before:
        raise errors.InputError("after (%s) is later than before (%s): no job can be in that interval."
                                % (params["after"], params["before"]))
    if params.get("id") is not None:
        job = client.job(params["id"])
        return False, {"jobs": [job] if job is not None else []}
    query = dict((SERVER_FILTERS[field], values[0]) for field, values in filters.items()
                 if field in SERVER_FILTERS and len(values) == 1)
    jobs = client.jobs(job_status=query.get("job_status"), feature_id=query.get("feature_id"), after=after, before=before)
    return False, {"jobs": [job for job in jobs if job_matches(job, filters)]}


def read_features(client, params):
    """``cmc_feature_info``: one feature by ``id``, or the features (by ``name``)."""
    validate.at_least("id", params.get("id"), 1)
    validate.not_blank("name", params.get("name"))
    if params.get("id") is not None:
        feature = client.feature(params["id"])
        return False, {"features": [feature] if feature is not None else []}
    return False, {"features": client.features(name=params.get("name"))}
