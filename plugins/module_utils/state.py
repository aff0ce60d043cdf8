# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Desired against current: normalise, compare only what was asked, diff, build bodies.

Objects here are dicts keyed by the module's option names. A ``spec`` maps each writable
option to a ``Field`` that says how its values compare. Read-only fields are simply not in
the spec: they are never compared and never sent.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import datetime
import json
import re

MASK = "********"
_UTC = datetime.timezone.utc

_DATETIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?"
    r"\s*(Z|[+-]\d{2}(?::?\d{2})?)?$", re.IGNORECASE)
_INTEGER = re.compile(r"^\s*[+-]?\d+\s*$")


class Field(object):
    """How one option compares: its ``kind``, whether it is a ``secret``, its sub-``fields``.

    Kinds: ``str``, ``int``, ``bool``, ``datetime`` (compared as instants), ``set`` (a list
    whose order does not matter), ``list`` (order matters), ``dict`` (compared key by key,
    only the keys that were asked for; ``fields`` gives the kinds of known keys), ``any``
    (a value of unknown type: numbers and numeric strings alike, dicts key by key).
    """

    KINDS = ("str", "int", "bool", "datetime", "set", "list", "dict", "any")

    def __init__(self, kind="str", secret=False, fields=None):
        if kind not in self.KINDS:
            raise ValueError("unknown field kind %r" % kind)
        self.kind = kind
        self.secret = secret
        self.fields = fields or {}


_ANY = Field("any")


def parse_datetime(value):
    """Parse an ISO 8601 date-time; return ``(aware UTC datetime, has_fraction)``.

    A value without an offset is taken as UTC. Raises ValueError on anything else.
    """
    if isinstance(value, datetime.datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=_UTC)
        return aware.astimezone(_UTC), bool(value.microsecond)
    match = _DATETIME.match(str(value).strip())
    if not match:
        raise ValueError("%r is not an ISO 8601 date-time such as 2025-08-31T03:41:36.327Z" % (value,))
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    micro = int((fraction or "0")[:6].ljust(6, "0"))
    moment = datetime.datetime(int(year), int(month), int(day), int(hour), int(minute),
                               int(second or 0), micro, tzinfo=_offset(offset))
    return moment.astimezone(_UTC), fraction is not None


def _offset(text):
    if not text or text.upper() == "Z":
        return _UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    minutes = int(digits[:2]) * 60 + int(digits[2:4] or 0)
    return datetime.timezone(sign * datetime.timedelta(minutes=minutes))


def _same_instant(desired, current):
    try:
        want, want_fraction = parse_datetime(desired)
        have, have_fraction = parse_datetime(current)
    except ValueError:
        return desired == current
    if want_fraction and have_fraction:
        return want == have
    # One side carries no sub-second part (a server may drop it): compare whole seconds.
    return want.replace(microsecond=0) == have.replace(microsecond=0)


def _scalar(value):
    """A scalar's comparable form: numeric strings as ints, 'true'/'false' as booleans."""
    if isinstance(value, str):
        if _INTEGER.match(value):
            return int(value)
        if value.lower() in ("true", "false"):
            return value.lower() == "true"
    return value


def _hashable(value):
    if isinstance(value, (dict, list)):
        return json.dumps(value, sort_keys=True)
    return str(_scalar(value))


def _blank(value):
    return value is None or value == "" or value == [] or value == {}


def equal(field, desired, current):
    """Whether ``current`` already satisfies ``desired`` for this field."""
    if _blank(desired) and _blank(current):
        return True
    if desired is None or current is None:
        return False
    kind = field.kind
    if kind == "any":
        kind = "dict" if isinstance(desired, dict) else "list" if isinstance(desired, list) else "int"
    if kind == "datetime":
        return _same_instant(desired, current)
    if kind in ("int", "bool"):
        return _scalar(desired) == _scalar(current)
    if kind == "set":
        return set(_hashable(item) for item in desired) == set(_hashable(item) for item in current)
    if kind == "list":
        return [_hashable(item) for item in desired] == [_hashable(item) for item in current]
    if kind == "dict":
        return not dict_changes(field, desired, current)
    return desired == current


def dict_changes(field, desired, current):
    """The keys of ``desired`` whose values ``current`` does not match, with desired values."""
    if not isinstance(current, dict):
        current = {}
    changes = {}
    for key, want in desired.items():
        if want is None:
            continue
        sub = field.fields.get(key) or _ANY
        if sub.kind == "dict" or (sub.kind == "any" and isinstance(want, dict)):
            nested = dict_changes(sub, want, current.get(key))
            if nested:
                changes[key] = nested
        elif not equal(sub, want, current.get(key)):
            changes[key] = want
    return changes


def differences(spec, desired, current):
    """Options set in ``desired`` (not None, not secret) that differ from ``current``.

    Returns ``{option: desired value}``; for dict options, only the differing keys.
    """
    changes = {}
    for name, field in spec.items():
        want = desired.get(name)
        if want is None or field.secret:
            continue
        have = current.get(name)
        if field.kind == "dict":
            nested = dict_changes(field, want, have)
            if nested:
                changes[name] = nested
        elif not equal(field, want, have):
            changes[name] = want
    return changes


def masked(spec, obj):
    """A copy of ``obj`` with every non-empty secret value replaced by the mask."""
    if obj is None:
        return None
    result = copy.deepcopy(obj)
    for name, field in spec.items():
        if field.secret and not _blank(result.get(name)):
            result[name] = MASK
        elif field.fields and isinstance(result.get(name), dict):
            result[name] = masked(field.fields, result[name])
    return result


def _pick(current, changes):
    """The parts of ``current`` that ``changes`` touch, in the same nesting."""
    before = {}
    current = current if isinstance(current, dict) else {}
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(current.get(key), dict):
            before[key] = _pick(current[key], value)
        else:
            before[key] = current.get(key)
    return before


def change_diff(spec, changes, current):
    """``{before, after}`` of the changed options only, secrets masked."""
    return {"before": masked(spec, _pick(current, changes)), "after": masked(spec, changes)}


def writable(spec, obj):
    """Only the writable options of ``obj`` (what a full PUT carries), secrets left out."""
    return dict((name, copy.deepcopy(obj[name])) for name, field in spec.items()
                if name in obj and not field.secret)


def _merge(base, overlay):
    merged = copy.deepcopy(base) if isinstance(base, dict) else {}
    for key, value in overlay.items():
        if value is None:
            continue
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def set_options(spec, desired, with_secrets=True):
    """The options of ``desired`` that were set (not None), secrets only if asked."""
    return dict((name, copy.deepcopy(desired[name])) for name, field in spec.items()
                if desired.get(name) is not None and (with_secrets or not field.secret))


def _readable_secrets(spec, obj):
    """The secrets a GET returned in clear (not blank, not a mask such as ``********``)."""
    return dict((name, obj[name]) for name, field in spec.items()
                if field.secret and not _blank(obj.get(name))
                and not (isinstance(obj[name], str) and set(obj[name]) == {"*"}))


def update_body(spec, current, desired, with_secrets):
    """A full PUT body: current writable options merged with the desired ones.

    A PUT replaces the object, so a secret the GET returned in clear is sent back as it
    was; secrets read back masked or empty are never sent back; a desired secret goes in
    only when ``with_secrets`` is true.
    """
    kept = _merge(writable(spec, current), _readable_secrets(spec, current))
    return _merge(kept, set_options(spec, desired, with_secrets))
