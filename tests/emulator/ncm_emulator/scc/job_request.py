# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""SteelCentral push job requests: the checks of a new job and of the ``GET /jobs`` query.

Nothing here talks HTTP: a rejected request raises ``JobError``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from .jobs import JOB_STATUSES, UPPER_STATUSES, canonical_status, unique

TARGET_KEYS = ("site_ids", "appliance_serial_numbers", "site_type_ids")


class JobError(Exception):
    """A rejected job request: an HTTP status, a Riverbed error id and a text."""

    def __init__(self, status, error_id, text, info=None):
        super(JobError, self).__init__(text)
        self.status = status
        self.error_id = error_id
        self.text = text
        self.info = info or {}


def _bad(text, info):
    return JobError(400, "INVALID_PARAMETER", text, info)


def _is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def _int_list(body, key, minimum=1):
    value = body.get(key)
    if not isinstance(value, list):
        raise _bad("%s must be an array of integers" % key, {"parameter": key})
    if len(value) < minimum:
        raise _bad("%s must have at least %d item(s)" % (key, minimum), {"parameter": key})
    for item in value:
        if not _is_int(item):
            raise _bad("%s items must be integers, got %r" % (key, item), {"parameter": key})
    return value


def _str_list(body, key):
    value = body.get(key)
    if not isinstance(value, list):
        raise _bad("%s must be an array of strings" % key, {"parameter": key})
    if not value:
        raise _bad("%s must have at least 1 item(s)" % key, {"parameter": key})
    for item in value:
        if not isinstance(item, str) or not item:
            raise _bad("%s items must be non-empty strings, got %r" % (key, item), {"parameter": key})
    return value


def _feature_ids(body, catalogue):
    """The feature ids of a job: required, known, and pushable."""
    if body.get("feature_ids") is None:
        raise _bad("feature_ids is required", {"parameter": "feature_ids"})
    feature_ids = _int_list(body, "feature_ids")
    features = dict((item["id"], item) for item in catalogue["features"])
    for feature_id in feature_ids:
        feature = features.get(feature_id)
        if feature is None:
            raise _bad("Unknown feature id %d" % feature_id, {"parameter": "feature_ids", "value": feature_id})
        if not feature.get("push_enable"):
            raise _bad("Feature %d (%s) cannot be pushed: push_enable is false" % (feature_id, feature.get("name")),
                       {"parameter": "feature_ids", "value": feature_id})
    return feature_ids


def _target_key(body):
    """Which one of TARGET_KEYS the job gives."""
    given = [key for key in TARGET_KEYS if body.get(key) is not None]
    if len(given) != 1:
        raise _bad("Exactly one of site_ids, appliance_serial_numbers, site_type_ids is required (got %s)"
                   % (", ".join(given) or "none"), {"parameter": "oneOf", "given": given})
    return given[0]


def _check_known(key, what, targets, known):
    unknown = [target for target in targets if target not in known]
    if unknown:
        raise _bad("Unknown %s: %s" % (what, ", ".join(str(target) for target in unknown)),
                   {"parameter": key, "value": unknown})


def _by_serial(body, key, catalogue):
    targets = _str_list(body, key)
    _check_known(key, "appliance serial number(s)", targets, set(item["serialnum"] for item in catalogue["appliances"]))
    return targets, unique(targets)


def _by_site(body, key, catalogue):
    targets = _int_list(body, key)
    _check_known(key, "site id(s)", targets, set(item["id"] for item in catalogue["sites"]))
    return targets, [item["serialnum"] for item in catalogue["appliances"] if item.get("site_id") in targets]


def _by_site_type(body, key, catalogue):
    targets = _int_list(body, key)
    _check_known(key, "site type id(s)", targets, set(item["id"] for item in catalogue["site_types"]))
    sites = set(item["id"] for item in catalogue["sites"] if item.get("site_type_id") in targets)
    return targets, [item["serialnum"] for item in catalogue["appliances"] if item.get("site_id") in sites]


# target key -> fn(body, key, catalogue) -> (the targets given, the serial numbers they reach)
TARGETS = {
    "appliance_serial_numbers": _by_serial,
    "site_ids": _by_site,
    "site_type_ids": _by_site_type,
}


def validate_new_job(body, catalogue):
    """Check a ``POST /jobs`` body against the job schema and the catalogue.

    ``catalogue`` holds ``features``, ``sites``, ``site_types`` and ``appliances`` (lists
    of dicts). Returns ``(fields, serials)``: the stored request fields and the serial
    numbers of the appliances the job targets, in a stable order.
    """
    if not isinstance(body, dict):
        raise JobError(400, "INVALID_JSON", "The request body must be a JSON object")
    feature_ids = _feature_ids(body, catalogue)
    key = _target_key(body)
    if "backup" in body and body["backup"] is not None and not isinstance(body["backup"], bool):
        raise _bad("backup must be a boolean", {"parameter": "backup"})
    targets, serials = TARGETS[key](body, key, catalogue)
    fields = {"feature_ids": list(feature_ids), key: list(targets), "backup": bool(body.get("backup", False))}
    for extra in ("operation", "idx", "timestamp"):
        if body.get(extra) is not None:
            fields[extra] = body[extra]
    return fields, serials


def _status_filter(args):
    status = args.get("job_status")
    if status is None:
        return None
    if canonical_status(status) is None:
        raise _bad("job_status must be one of %s (or %s)"
                   % (", ".join(JOB_STATUSES), ", ".join(UPPER_STATUSES[word] for word in JOB_STATUSES)),
                   {"parameter": "job_status"})
    return canonical_status(status)


def _feature_filter(args):
    feature = args.get("feature_id")
    if feature is None:
        return None
    try:
        return int(feature)
    except ValueError:
        raise _bad("feature_id must be an integer", {"parameter": "feature_id"})


def _time_bounds(args):
    bounds = {}
    for key in ("after", "before"):
        value = args.get(key)
        if value is None:
            continue
        try:
            bounds[key] = float(value)
        except ValueError:
            raise _bad("%s must be epoch seconds" % key, {"parameter": key})
    return bounds


def parse_filters(args):
    """Validate the ``GET /jobs`` query; returns a predicate over rendered jobs.

    ``job_status`` may be given in either spelling (``InProgress`` or ``IN_PROGRESS``),
    whatever the spelling of the answers."""
    status = _status_filter(args)
    feature = _feature_filter(args)
    bounds = _time_bounds(args)

    def keep(job):
        created = job["creation_time"]
        return ((status is None or canonical_status(job["job_status"]) == status)
                and (feature is None or feature in job["feature_ids"])
                and not ("after" in bounds and created < bounds["after"])
                and not ("before" in bounds and created > bounds["before"]))
    return keep
