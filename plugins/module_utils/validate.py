# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Input rules checked before any request is sent; each failure names the option."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ncm.platforms.plugins.module_utils import errors, state


def max_lengths(params, limits, secrets=()):
    """Fail on the first option longer than its limit; a secret's value is never quoted."""
    for name in sorted(limits):
        value = params.get(name)
        if value is not None and len(str(value)) > limits[name]:
            shown = "" if name in secrets else " (got %d)" % len(str(value))
            raise errors.InputError("%s must be at most %d characters long%s." % (name, limits[name], shown))


def datetimes(params, names):
    """Fail on the first option that is not an ISO 8601 date-time."""
    for name in names:
        value = params.get(name)
        if value is None:
            continue
        try:
            state.parse_datetime(value)
        except ValueError as exc:
            raise errors.InputError("%s: %s" % (name, exc))


def required(params, names, when):
    """Fail when one of ``names`` is unset; ``when`` says in which case it is required."""
    missing = [name for name in names if params.get(name) in (None, "")]
    if missing:
        raise errors.InputError("%s required %s." % (", ".join(missing) + (" is" if len(missing) == 1 else " are"), when))
