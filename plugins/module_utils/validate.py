# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Input rules checked before any request is sent; each failure names the option."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import math

from ansible.module_utils.common.validation import (
    check_required_by, check_required_if, check_required_one_of, check_required_together)

from ansible_collections.ncm.platforms.plugins.module_utils import compare, errors

RULES = ("required_together", "required_one_of", "required_if", "required_by")


def length(name, value, minimum=None, maximum=None, secret=False):
    """Fail when a string is shorter or longer than allowed; a secret's length is never quoted."""
    size = len(str(value))
    shown = "" if secret else " (got %d)" % size
    if maximum is not None and size > maximum:
        raise errors.InputError("%s must be at most %d characters long%s." % (name, maximum, shown))
    if minimum is not None and size < minimum:
        raise errors.InputError("%s must be at least %d characters long%s." % (name, minimum, shown))


def datetime_value(name, value):
    """Fail when ``value`` is not a date-time the APIs accept."""
    try:
        compare.parse_datetime(value)
    except ValueError as exc:
        raise errors.InputError("%s: %s" % (name, exc))


def datetimes(params, names):
    """Fail on the first of ``names`` set to something that is not an ISO 8601 date-time."""
    for name in names:
        if params.get(name) is not None:
            datetime_value(name, params[name])


def at_least(name, value, minimum):
    """Fail when a number is below ``minimum``."""
    if value is not None and value < minimum:
        raise errors.InputError("%s must be at least %d (got %s)." % (name, minimum, value))


def not_blank(name, value):
    """Fail when a string option is set to an empty or whitespace-only value."""
    if value is not None and not str(value).strip():
        raise errors.InputError("%s must not be empty or only spaces." % name)


def required(params, names, when):
    """Fail when one of ``names`` is unset; ``when`` says in which case it is required."""
    missing = [name for name in names if params.get(name) is None or not str(params[name]).strip()]
    if missing:
        raise errors.InputError("%s required %s." % (", ".join(missing) + (" is" if len(missing) == 1 else " are"), when))


def null_is_missing(spec, params, rules, context=None):
    """Fail when a rule between options holds only because an option was set to null.

    Ansible counts an option given as ``null`` as given, so ``required_one_of``,
    ``required_together``, ``required_if`` and ``required_by`` pass with it; here it counts
    as missing, as it does for every module of this collection, and the rule fails in
    Ansible's own words, naming the options. ``rules`` holds those lists (a module's, or a
    dict option's own); the sub-options of a dict option are checked with its rules.
    """
    given = dict((name, value) for name, value in params.items() if value is not None)
    try:
        check_required_together(rules.get("required_together"), given, context)
        check_required_one_of(rules.get("required_one_of"), given, context)
        check_required_if(rules.get("required_if"), given, context)
        check_required_by(rules.get("required_by"), given, context)
    except TypeError as exc:
        raise errors.InputError(str(exc))
    for name, option in spec.items():
        value = params.get(name)
        if option.get("options") and value is not None:
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, dict):
                    null_is_missing(option["options"], item, option, (context or []) + [name])


# The largest value of every number option (int or float) of the collection, by its name (a
# dict option's keys as ``api.timeout``; list items and a many-object module's ``config`` items
# under the item's option name). Each option's documentation states it; a unit test holds the
# two together and fails on a number option missing here.
INT32_MAX = 2147483647
MAXIMUM = {
    "api.timeout": 3600, "api.retries": 10,
    "wait_timeout": 86400, "transaction_timeout": 86400,
    "poll_interval": 3600, "max_poll_interval": 3600,
    "max_in_flight": 64, "page_size": 10000, "limit": 1000000, "older_than_days": 36500,
    "id": INT32_MAX, "feature_id": INT32_MAX, "feature_ids": INT32_MAX, "site_ids": INT32_MAX,
    "site_type_ids": INT32_MAX, "processid": INT32_MAX, "progress": INT32_MAX,
    "starttime": INT32_MAX, "endtime": INT32_MAX,
}
NUMBER_TYPES = ("int", "float")


def maximum_of(name):
    """The stated maximum of the number option ``name`` (``api.timeout``, ``config.processid``)."""
    return MAXIMUM.get(name, MAXIMUM.get(name.split(".")[-1]))


def finite(name, value, maximum):
    """Fail when a number is NaN, infinite, or beyond ``maximum`` either way, naming the option."""
    try:
        number = float(value)
    except OverflowError:  # an int too large for a float
        number = float("inf") if value > 0 else float("-inf")
    if math.isnan(number):
        raise errors.InputError("%s must be a finite number, not NaN." % name)
    if math.isinf(number) and isinstance(value, float):
        raise errors.InputError("%s must be a finite number of at most %s, not %s." % (
            name, maximum, "infinity" if number > 0 else "-infinity"))
    if abs(number) > maximum:
        shown = str(value)
        shown = shown if len(shown) <= 20 else shown[:17] + "..."
        raise errors.InputError("%s must be at %s %s (got %s)." % (
            name, "most" if number > 0 else "least", maximum if number > 0 else -maximum, shown))


def numbers(spec, params, prefix=""):
    """Check every number option of ``spec`` set in ``params`` (nested and list items too)
    with ``finite`` against its stated maximum (``MAXIMUM``), before any request."""
    for name, option in spec.items():
        value = params.get(name) if isinstance(params, dict) else None
        if value is None:
            continue
        full = prefix + name
        kind = option.get("elements") if option.get("type") == "list" else option.get("type")
        if kind in NUMBER_TYPES:
            for item in value if isinstance(value, list) else [value]:
                if item is not None:
                    finite(full, item, maximum_of(full))
        elif option.get("options"):
            for item in value if isinstance(value, list) else [value]:
                numbers(option["options"], item, full + ".")
