# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Desired against current: normalise, compare only what was asked, diff, find by natural key.

Objects here are dicts keyed by the module's option names (``resource.py`` maps API objects
to that form and back). A ``fields`` table maps each writable option to a ``resource.Field``
that says how its values compare; a missing field (None) compares as kind ``any``. Read-only fields are not in the table: never compared, never sent.
Nothing here does I/O.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import datetime
import json
import re

from ansible_collections.ncm.platforms.plugins.module_utils import errors

MASK = "********"
_UTC = datetime.timezone.utc

# What the APIs accept (DRF's ISO 8601 forms): upper-case T or a space between date and
# time, a dot fraction of 1 to 9 digits, upper-case Z or an offset with hours and minutes;
# ASCII digits only (Python's \d alone also takes other scripts' digits, such as U+FF12).
_DATETIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$", re.ASCII)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$", re.ASCII)
_INTEGER = re.compile(r"^\s*[+-]?\d+\s*$")
_NOT_WORD = re.compile(r"[^a-z0-9]")


def status_key(word):
    """A status word in a form that ignores case and separators (``In Progress`` = ``IN_PROGRESS``)."""
    return _NOT_WORD.sub("", str(word or "").lower())


def spelled_as(value, words):
    """The one of ``words`` that ``value`` is, in any case and with or without separators; or None."""
    for word in words:
        if status_key(word) == status_key(value):
            return word
    return None


def parse_datetime(value):
    """Parse an ISO 8601 date-time; return ``(aware UTC datetime, fraction digits)``.

    A value without an offset is taken as UTC. Raises ValueError on anything else, with a
    message a person can read.
    """
    if isinstance(value, datetime.datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=_UTC)
        return _in_utc(value, aware), 6 if value.microsecond else 0
    match = _DATETIME.match(str(value))
    if not match:
        raise ValueError("%r is not an ISO 8601 date-time such as 2025-08-31T03:41:36.327Z "
                         "(YYYY-MM-DDThh:mm[:ss[.fraction]][Z|+hh:mm|-hh:mm])" % (value,))
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    micro = int((fraction or "0")[:6].ljust(6, "0"))
    try:
        moment = datetime.datetime(int(year), int(month), int(day), int(hour), int(minute),
                                   int(second or 0), micro, tzinfo=_offset(offset))
    except ValueError as exc:
        raise ValueError("%r is not a valid date-time: %s" % (value, exc))
    return _in_utc(value, moment), len(fraction or "")


def parse_moment(value):
    """``parse_datetime``, also taking an ISO 8601 date alone (``2026-01-01``) as its midnight UTC."""
    text = str(value).strip()
    if _DATE.match(text):
        text += "T00:00:00Z"
    return parse_datetime(text)


def _in_utc(value, moment):
    """``moment`` in UTC; one that falls outside the years 1 to 9999 there (such as
    ``0001-01-01T00:00+01:00``) raises ValueError, not OverflowError."""
    try:
        return moment.astimezone(_UTC)
    except OverflowError:
        raise ValueError("%r is not a valid date-time: in UTC it is outside the years 1 to 9999" % (value,))


def _offset(text):
    if not text or text == "Z":
        return _UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4])
    if hours > 23 or minutes > 59:
        raise ValueError("the offset %s is out of range (-23:59 to +23:59)" % text)
    return datetime.timezone(sign * datetime.timedelta(hours=hours, minutes=minutes))


def _truncated(moment, digits):
    step = 10 ** (6 - min(digits, 6))
    return moment.replace(microsecond=moment.microsecond - moment.microsecond % step)


def same_instant(desired, current):
    """Whether two date-times are one instant, at the coarser precision of the two."""
    try:
        want, want_digits = parse_datetime(desired)
        have, have_digits = parse_datetime(current)
    except ValueError:
        return desired == current
    digits = min(want_digits, have_digits)
    return _truncated(want, digits) == _truncated(have, digits)


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


def blank(value):
    """Whether a value means "nothing" (None, empty string, list or dict)."""
    return value is None or value == "" or value == [] or value == {}


def satisfies(field, desired, current):
    """Whether ``current`` already satisfies ``desired`` for this field (one way: a dict
    ``current`` with more keys than ``desired`` asks for still satisfies it)."""
    if blank(desired) and blank(current):
        return True
    if desired is None or current is None:
        return False
    kind = _kind(field)
    if kind == "any":
        kind = "dict" if isinstance(desired, dict) else "list" if isinstance(desired, list) else "int"
    if kind == "datetime":
        return same_instant(desired, current)
    if kind in ("int", "bool"):
        return _scalar(desired) == _scalar(current)
    if kind in ("set", "list") and not isinstance(current, list):  # a server's scalar where a list is declared
        return False
    if kind == "set":
        return set(_hashable(item) for item in desired) == set(_hashable(item) for item in current)
    if kind == "list":
        return [_hashable(item) for item in desired] == [_hashable(item) for item in current]
    if kind == "dict":
        return not dict_changes(field, desired, current)
    return desired == current


def _kind(field):
    return "any" if field is None else field.kind


def _subfields(field):
    return {} if field is None else field.fields


def lookup_key(field, value):
    """A hashable form of ``value`` shared by every value ``satisfies`` matches to it for ``field``, or None
    when the kind has none: it files objects by their natural key, so that finding many among
    many is not one scan per lookup (a None key means every object is a candidate)."""
    if blank(value):
        return None
    if field.kind == "str":
        return value if isinstance(value, str) else None
    if field.kind in ("int", "bool"):
        scalar = _scalar(value)
        return scalar if isinstance(scalar, (int, float, str)) else None
    return None


class Filed(object):
    """``items`` filed under the ``lookup_key`` of one ``field`` (``value_of(item)`` its value):
    ``candidates(value)`` are the items that may match ``value`` for that field, so that finding
    many among many is not one scan per lookup."""

    def __init__(self, items, field, value_of):
        self.items = items
        self.field = field
        self.buckets = {}
        for item in items:
            self.buckets.setdefault(lookup_key(field, value_of(item)), []).append(item)

    def candidates(self, value):
        bucket = lookup_key(self.field, value)
        return self.items if bucket is None else self.buckets.get(bucket, []) + self.buckets.get(None, [])


def dict_changes(field, desired, current, exact=False):
    """The keys of ``desired`` whose values ``current`` does not match, with desired values.

    A key set to None asks for the key to be absent: it is a change when ``current`` has it.
    With ``exact``, a key of ``current`` that ``desired`` lacks is such a change too.
    """
    if not isinstance(current, dict):
        current = {}
    changes = {}
    if exact:  # keys not asked for must be blank; with a typed table, only its keys count
        changes.update((key, None) for key, have in current.items()
                       if key not in desired and not blank(have) and (not _subfields(field) or key in _subfields(field)))
    for key, want in desired.items():
        sub = _subfields(field).get(key)
        if want is None:
            if not blank(current.get(key)):
                changes[key] = None
        elif _kind(sub) == "dict" or (_kind(sub) == "any" and isinstance(want, dict)):
            nested = dict_changes(sub, want, current.get(key))
            if nested:
                changes[key] = nested
        elif not satisfies(sub, want, current.get(key)):
            changes[key] = want
    return changes


def differences(fields, desired, current, exact=False):
    """Options set in ``desired`` (not None, not secret) that differ from ``current``.

    Returns ``{option: desired value}``; for dict options, only the differing keys. With
    ``exact`` (the ``replaced`` states), an option left None must be blank, and a dict
    option must hold exactly the keys given: what differs is ``{option: None}``.
    """
    changes = {}
    for name, field in fields.items():
        want = desired.get(name)
        have = current.get(name)
        if field.secret:
            continue
        if want is None:
            if exact and not blank(have):
                changes[name] = None
            continue
        if field.kind == "dict":
            nested = dict_changes(field, want, have, exact)
            if nested:
                changes[name] = nested
        elif not satisfies(field, want, have):
            changes[name] = want
    return changes


def mask_secrets(fields, obj):
    """A copy of ``obj`` with every non-empty secret value replaced by the mask."""
    if obj is None:
        return None
    result = copy.deepcopy(obj)
    for name, field in fields.items():
        if field.secret and not blank(result.get(name)):
            result[name] = MASK
        elif field.fields and isinstance(result.get(name), dict):
            result[name] = mask_secrets(field.fields, result[name])
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


def change_diff(fields, changes, current):
    """``{before, after}`` of the changed options only, secrets masked."""
    return {"before": mask_secrets(fields, _pick(current, changes)), "after": mask_secrets(fields, changes)}


def merge(base, overlay):
    """``base`` with ``overlay`` laid over it, dicts key by key; a None in ``overlay`` removes the key."""
    merged = copy.deepcopy(base) if isinstance(base, dict) else {}
    for key, value in overlay.items():
        if value is None:
            merged.pop(key, None)
        elif isinstance(value, dict):
            merged[key] = merge(merged.get(key), value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


def set_options(fields, desired, with_secrets=True):
    """The options of ``desired`` that were set (not None), secrets only if asked."""
    return dict((name, copy.deepcopy(desired[name])) for name, field in fields.items()
                if desired.get(name) is not None and (with_secrets or not field.secret))


def matches(item, criteria, fields=None):
    """Whether ``item`` has every value of ``criteria`` (an unset value matches a blank one)."""
    fields = fields or {}
    return all(satisfies(fields.get(name), value, item.get(name)) for name, value in criteria.items())


def near_misses(items, criteria, fields=None):
    """The items that hold every set value of ``criteria`` but something where it leaves a
    value unset (None): ``[(item, [names of those fields])]``. An unset value matches only a
    blank one, so these are what a person may have meant."""
    given = dict((name, value) for name, value in criteria.items() if value is not None)
    unset = sorted(name for name, value in criteria.items() if value is None)
    if not given or not unset:
        return []
    found = []
    for item in items:
        held = [name for name in unset if not blank(item.get(name))]
        if held and matches(item, given, fields):
            found.append((item, held))
    return found


def describe(criteria):
    """``a='x', b='y'``: criteria as a person reads them, in name order."""
    return ", ".join("%s=%r" % (name, criteria[name]) for name in sorted(criteria))


def find_one(items, criteria, fields=None, where="", id_of=lambda item: item.get("id"), view=None,
             kind="objects", pick="set id to pick one"):
    """The one item of ``items`` matching ``criteria``, or None.

    ``view`` turns an item into the option-keyed form the criteria use (identity by
    default). More than one match raises ``errors.AmbiguousMatch`` naming the ``kind`` of
    object (plural), listing their ids, and saying how to choose (``pick``).
    """
    found = [item for item in items if matches(view(item) if view else item, criteria, fields)]
    if len(found) > 1:
        ids = [id_of(item) for item in found]
        raise errors.AmbiguousMatch(
            "%d %s%s match %s (ids: %s); %s"
            % (len(found), kind, " at " + where if where else "", describe(criteria), ", ".join(str(i) for i in ids),
               pick), ids=ids)
    return found[0] if found else None


def with_article(noun):
    """``noun`` after its indefinite article: ``an audit record``, ``a configuration policy``."""
    return ("an " if str(noun)[:1].lower() in "aeiou" else "a ") + str(noun)


def plural(noun):
    """The plural of a kind's noun: ``audit records``, ``configuration policies``."""
    noun = str(noun)
    return noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else noun + "s"
