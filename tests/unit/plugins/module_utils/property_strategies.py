# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The hypothesis strategies of ``test_properties.py``: values of every field kind, option sets
and API objects of the real field tables, and the secret checks.

Every generated secret holds ``KEY``, a character no other generated text holds, so a secret
found in a diff is a leak, never a coincidence.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import datetime
import functools
import json

from hypothesis import strategies as st

from ansible_collections.ncm.platforms.plugins.module_utils import compare
from ansible_collections.ncm.platforms.plugins.module_utils.infraon.resources import AUDIT, POLICY
from ansible_collections.ncm.platforms.plugins.module_utils.resource import Resource
from ansible_collections.ncm.platforms.plugins.module_utils.scc import resources as scc_resources
from ansible_collections.ncm.platforms.plugins.module_utils.voss.resources import USER

KEY = "\U0001F511"
TABLES = {
    "infraon_audit": AUDIT,
    "infraon_policy": POLICY,
    "voss_user": USER,
    "scc_job": Resource("push job", scc_resources.JOB_FIELDS),
}
TABLE_NAMES = sorted(TABLES)
UTC = datetime.timezone.utc

# --- strategies -----------------------------------------------------------------------
CHARACTERS = st.characters(codec="utf-8", exclude_characters=KEY)
SHORT = 16  # longer strings add run time and nothing else; the limits themselves are drawn too


def text(min_size=0, max_size=None):
    """Text without ``KEY``: up to ``SHORT`` characters, or exactly the limits of the field."""
    top = SHORT if max_size is None else min(max_size, SHORT)
    short = st.text(CHARACTERS, min_size=min(min_size, top), max_size=max(top, min_size))
    edges = [size for size in (min_size, max_size) if size is not None]
    return st.one_of(short, *[CHARACTERS.map(lambda char, size=size: char * size) for size in edges])


def secrets(min_size=None, max_size=None):
    """A non-empty secret within the limits, holding ``KEY`` (a blank secret says nothing)."""
    high = SHORT if max_size is None else min(max_size, SHORT)
    low = max(min_size or 0, 1)
    half = st.text(CHARACTERS, max_size=(high - 1) // 2)
    return st.tuples(half, half).map(lambda parts: parts[0] + KEY + parts[1]).map(
        lambda value: value + "s" * (low - len(value)))


SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False), text())
# JSON has no NaN, so an API value never holds one (and NaN is not equal to itself).
JSON = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                     st.dictionaries(text(max_size=8), inner, max_size=3)),
                    max_leaves=8)


FIRST, LAST = datetime.datetime(1, 1, 1), datetime.datetime(9999, 12, 31, 23, 59, 59, 999999)


@st.composite
def datetime_texts(draw):
    """Any date-time the APIs accept (see ``compare._DATETIME``), the first and last one too."""
    moment = draw(st.one_of(st.datetimes(FIRST, LAST), st.sampled_from((FIRST, LAST))))
    digits = draw(st.integers(0, 9))
    fraction = ("%06d" % moment.microsecond)[:digits] + draw(st.text("0123456789", min_size=max(digits - 6, 0),
                                                                     max_size=max(digits - 6, 0)))
    colon = draw(st.booleans())
    zone = draw(st.one_of(st.sampled_from(("", "Z", "+00:00", "-00:00", "+0000")),
                          st.integers(-1439, 1439).map(lambda minutes: offset_text(minutes, colon))))
    seconds = ":%02d" % moment.second + ("." + fraction if fraction else "")
    if not fraction and moment.second == 0 and draw(st.booleans()):
        seconds = ""
    return "%04d-%02d-%02d%s%02d:%02d%s%s" % (moment.year, moment.month, moment.day, draw(st.sampled_from("T ")),
                                              moment.hour, moment.minute, seconds, zone)


def offset_text(minutes, colon=True):
    sign = "-" if minutes < 0 else "+"
    return "%s%02d%s%02d" % (sign, abs(minutes) // 60, ":" if colon else "", abs(minutes) % 60)


def in_utc_years(value):
    try:
        return bool(compare.parse_datetime(value))
    except ValueError:
        return False


# What each kind of field takes, for a field that is no secret, not a required string and not a typed dict.
KIND_VALUES = {
    "str": lambda field: text(field.min_length or 0, field.max_length),
    "int": lambda field: st.integers(),
    "bool": lambda field: st.booleans(),
    "datetime": lambda field: datetime_texts().filter(in_utc_years),  # what the check lets through
    "set": lambda field: st.lists(text(), max_size=4),
    "list": lambda field: st.lists(JSON, max_size=4),
    "dict": lambda field: st.dictionaries(text(max_size=8), JSON, max_size=4),  # a None value: key absent
}


def values_for(field):
    """A strategy for the values an option of this field takes (never None at the top)."""
    if field.secret:
        return secrets(field.min_length, field.max_length)
    if field.kind == "str" and field.required:  # the check wants more than spaces
        return text(max(field.min_length or 0, 1), field.max_length).filter(lambda value: value.strip())
    if field.kind == "dict" and field.fields:  # as Ansible gives it: every suboption, None when unset
        return st.fixed_dictionaries(dict((name, st.one_of(st.none(), values_for(sub))) for name, sub in field.fields.items()))
    return KIND_VALUES.get(field.kind, lambda field: JSON)(field)


@functools.lru_cache(maxsize=None)
def options_for(resource, with_none=True):
    """Option-keyed values of a table: each option set or None ("leave alone") about half the
    time; without ``with_none``, the unset ones are left out."""
    options = st.fixed_dictionaries(dict((name, st.one_of(st.none(), values_for(field)))
                                         for name, field in resource.fields.items()))
    if with_none:
        return options
    return options.map(lambda values: dict((name, value) for name, value in values.items() if value is not None))


def unmodelled_paths(resource):
    """API paths no option maps to: read-only fields, and a key beside every option's field."""
    parents = set(tuple((field.api or name).split("."))[:-1] for name, field in resource.fields.items())
    return sorted(set(resource.read_only) | set(parent + ("unmodelled",) for parent in parents))


SECRET_READ_BACK = st.sampled_from(("clear", compare.MASK, ""))


@st.composite
def api_objects(draw, resource):
    """An API object as a GET returns it: the table's fields, keys no option maps to (at the
    top, nested, inside typed dicts), and secrets in clear, masked or empty."""
    options = draw(options_for(resource, with_none=False))
    for name in resource.secrets:
        read_back = draw(SECRET_READ_BACK)
        if name in options and read_back != "clear":
            options[name] = read_back
    obj = resource.to_api(options)
    for path in unmodelled_paths(resource):
        if draw(st.booleans()):
            target = obj
            for part in path[:-1]:
                target = target.setdefault(part, {}) if isinstance(target.get(part, {}), dict) else {}
            target[path[-1]] = draw(SCALARS)
    return obj


def secrets_in(*values):
    """Every generated secret among ``values`` (option-keyed or API objects)."""
    found = set()
    for value in values:
        found.update(part for part in _strings(value) if KEY in part)
    return found


def _strings(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, str):
        yield value


def assert_no_secret(shown, secret_values):
    """No secret in ``shown`` in any spelling (as is, as repr and JSON escape it), nor any part
    of one that holds ``KEY``."""
    spellings = (str(shown), repr(shown), json.dumps(shown), json.dumps(shown, ensure_ascii=False))
    for secret in secret_values:
        forms = (secret, repr(secret)[1:-1], json.dumps(secret)[1:-1], json.dumps(secret, ensure_ascii=False)[1:-1])
        leaks = [form for form in forms for spelling in spellings if form in spelling]
        assert not leaks, "secret %r shown in %r" % (secret, shown)
    assert KEY not in "".join(spellings) and json.dumps(KEY)[1:-1] not in "".join(spellings)


def table_and(strategy_of):
    """``(name, resource, value)`` for each table: ``strategy_of(resource)`` draws the value."""
    return st.one_of([st.tuples(st.just(name), st.just(TABLES[name]), strategy_of(TABLES[name])) for name in TABLE_NAMES])
