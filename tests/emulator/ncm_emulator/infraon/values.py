"""Infraon NCCM values: validation, seeding and rendering by the field tables of ``fields``.

Validation follows Django REST framework's field messages: errors are collected per field
and answered as 400 ``{"field": ["message", ...]}``.  Instants are stored as canonical UTC
ISO strings with microseconds and rendered in the format chosen by a switch.
"""

import re
from datetime import datetime, timezone

from .fields import (MSG_BLANK, MSG_BOOL, MSG_DATETIME, MSG_INT, MSG_MAX, MSG_NULL, MSG_REQUIRED,
                     MSG_STRING)

_INT_RE = re.compile(r"^\s*[-+]?\d+(\.0*)?\s*$")
_DT_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})?$")
_TRUE = ("true", "True", "TRUE", "1", "yes", "on", "t", "y")
_FALSE = ("false", "False", "FALSE", "0", "no", "off", "f", "n")


def parse_datetime(value):
    """ISO 8601 (DRF's accepted forms) -> aware UTC datetime; ValueError if not parseable."""
    if not isinstance(value, str):
        raise ValueError(value)
    match = _DT_RE.match(value.strip())
    if not match:
        raise ValueError(value)
    date, hm, sec, frac, zone = match.groups()
    text = "%sT%s%s%s" % (date, hm, sec or ":00", (frac or ".0")[:7].ljust(7, "0"))
    if zone in (None, "Z"):
        zone = "+00:00"
    elif ":" not in zone:
        zone = zone[:3] + ":" + zone[3:]
    return datetime.fromisoformat(text + zone).astimezone(timezone.utc)


def store_datetime(value):
    """Canonical stored form of an instant."""
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")


def render_datetime(stored, style):
    """Stored instant -> text per switch infraon_datetime_format (millis | seconds | offset)."""
    if not isinstance(stored, str):
        return stored
    if len(stored) == 32 and stored.endswith("+00:00") and stored[19] == ".":
        # the canonical stored form: no parsing needed
        if style == "seconds":
            return stored[:19] + "Z"
        if style == "offset":
            return stored
        return stored[:23] + "Z"
    try:
        value = parse_datetime(stored)
    except ValueError:
        return stored
    if style == "seconds":
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    if style == "offset":
        return value.isoformat(timespec="microseconds")
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (value.microsecond // 1000)


def _clean_str(field, value):
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None, MSG_STRING
    value = str(value)
    if field.required and not value.strip():
        return None, MSG_BLANK
    if field.max_length is not None and len(value) > field.max_length:
        return None, MSG_MAX % field.max_length
    return value, None


def _clean_int(value):
    if isinstance(value, bool) or isinstance(value, (list, dict)) or not _INT_RE.match(str(value)):
        return None, MSG_INT
    return int(str(value).strip().split(".", 1)[0]), None


def _clean_bool(value):
    if value is True or value is False:
        return value, None
    if value in _TRUE or value in (1,):
        return True, None
    if value in _FALSE or value in (0,):
        return False, None
    return None, MSG_BOOL


def _clean_datetime(value):
    try:
        return store_datetime(parse_datetime(value)), None
    except (ValueError, TypeError):
        return None, MSG_DATETIME


def _clean_list(value):
    if not isinstance(value, list):
        return None, 'Expected a list of items but got type "%s".' % type(value).__name__
    return value, None


def _clean_dict(value):
    if not isinstance(value, dict):
        return None, 'Expected a dictionary of items but got type "%s".' % type(value).__name__
    return value, None


# field kind (but str, which needs the field's limits) -> fn(value) -> (cleaned value, error or None)
CLEANERS = {
    "int": _clean_int,
    "bool": _clean_bool,
    "datetime": _clean_datetime,
    "list": _clean_list,
    "dict": _clean_dict,
}


def clean_value(field, value):
    """(cleaned value, error message or None) for one given value."""
    if value is None:
        if field.required:
            return None, MSG_NULL
        return field.empty() if field.kind in ("list", "dict") else None, None
    if field.kind == "str":
        return _clean_str(field, value)
    cleaner = CLEANERS.get(field.kind)
    if cleaner is None:
        return value, None
    return cleaner(value)


def validate(fields, body):
    """Full (PUT-style) validation of a write body -> (writable values, errors).

    Read-only and unknown keys are ignored; omitted optional fields get their empty value,
    except write-only secrets: a GET never shows them, so a client cannot send them back,
    and an omitted secret keeps its stored value (left out of the answer here).
    """
    if not isinstance(body, dict):
        return None, {"non_field_errors": ["Invalid data. Expected a dictionary, but got %s." % type(body).__name__]}
    clean = {}
    errors = {}
    for field in fields:
        if field.read_only:
            continue
        if field.name not in body:
            if field.required:
                errors[field.name] = [MSG_REQUIRED]
            elif not field.secret:
                clean[field.name] = field.empty()
            continue
        value, error = clean_value(field, body[field.name])
        if error:
            errors[field.name] = [error]
        else:
            clean[field.name] = value
    return clean, errors


def normalise_seed(fields, obj):
    """Fill a seeded object: every field present, instants in canonical form (lenient)."""
    out = dict(obj)
    for field in fields:
        value = out.get(field.name, field.empty())
        if field.kind == "datetime" and isinstance(value, str):
            try:
                value = store_datetime(parse_datetime(value))
            except ValueError:
                pass
        out[field.name] = value
    return out


def render(fields, obj, datetime_style="millis", secrets="clear"):
    """Stored object -> answer, in the documented key order."""
    out = {}
    for field in fields:
        value = obj[field.name] if field.name in obj else field.empty()
        if field.kind == "datetime":
            value = render_datetime(value, datetime_style)
        if field.secret:
            if secrets == "masked" and value:
                value = "********"
            elif secrets == "empty":
                value = ""
        out[field.name] = value
    return out


def options(fields):
    """The shape answered by .../options/: every field with its default value."""
    out = {}
    for field in fields:
        if field.kind == "str":
            out[field.name] = field.default if field.default is not None else ""
        elif field.kind == "int":
            out[field.name] = field.default if field.default is not None else 0
        elif field.kind == "bool":
            out[field.name] = False
        else:
            out[field.name] = field.empty()
    return out
