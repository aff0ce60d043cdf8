# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Input rules checked before any request is sent; each failure names the option."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

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
