# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The field table of one object kind, and what follows from it.

A ``Resource`` knows the writable options of an object kind (a ``Field`` each), how
each maps to the API object (``first_name`` <-> ``AdminUser.first_name``; identity by
default), which API fields are read-only, and the rules a value must meet. From that alone
it builds the Ansible options, checks input before any request, turns API objects into the
option-keyed form that ``compare`` works on, and builds request bodies. No I/O.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from ansible_collections.ncm.platforms.plugins.module_utils import compare, validate


class Field(object):
    """One option of an object kind: how it compares and what the API allows.

    Kinds: ``str``, ``int``, ``bool``, ``datetime`` (compared as instants), ``set`` (a list
    whose order does not matter), ``list`` (order matters), ``dict`` (compared key by key,
    only the keys that were asked for; ``fields`` gives the kinds of known keys), ``any``
    (a value of unknown type: numbers and numeric strings alike, dicts key by key).

    ``api`` is the API field it maps to, dotted when nested (``AdminUser.first_name``;
    the option name by default). ``required``: needed on create. ``default``: what the
    server stores when a create leaves it out. ``min_length``/``max_length`` bound a string.
    """

    KINDS = ("str", "int", "bool", "datetime", "set", "list", "dict", "any")

    def __init__(self, kind="str", secret=False, fields=None, api=None, required=False,
                 default=None, min_length=None, max_length=None):
        if kind not in self.KINDS:
            raise ValueError("unknown field kind %r" % kind)
        self.kind = kind
        self.secret = secret
        self.fields = fields or {}
        self.api = api
        self.required = required
        self.default = default
        self.min_length = min_length
        self.max_length = max_length


# Field kind -> Ansible argument spec of the option.
_OPTION_TYPES = {
    "str": dict(type="str"),
    "datetime": dict(type="str"),
    "int": dict(type="int"),
    "bool": dict(type="bool"),
    "set": dict(type="list", elements="str"),
    "list": dict(type="list"),
    "dict": dict(type="dict"),
    "any": dict(type="raw"),
}


def option_spec(field):
    """The Ansible argument spec of one field (dict fields with a table get typed suboptions)."""
    option = dict(_OPTION_TYPES[field.kind])
    if field.secret:
        option["no_log"] = True
    if field.kind == "dict" and field.fields:
        option["options"] = dict((name, option_spec(sub)) for name, sub in field.fields.items())
    return option


def _path(name, field):
    return tuple((field.api or name).split("."))


def _get(obj, path):
    """``(found, value)`` at a dotted path of a nested dict."""
    for part in path:
        if not isinstance(obj, dict) or part not in obj:
            return False, None
        obj = obj[part]
    return True, obj


def _put(obj, path, value):
    for part in path[:-1]:
        obj = obj.setdefault(part, {})
    obj[path[-1]] = value


def _drop(obj, path):
    found, parent = _get(obj, path[:-1])
    if found and isinstance(parent, dict):
        parent.pop(path[-1], None)


def _typed_only(field, value):
    """A dict option's value without the known suboptions left unset (Ansible fills them with None).

    A key the table does not know keeps its None: that asks for the key to be removed.
    """
    if field.kind != "dict" or not field.fields or not isinstance(value, dict):
        return value
    return dict((key, _typed_only(field.fields[key], sub) if key in field.fields else sub)
                for key, sub in value.items() if sub is not None or key not in field.fields)


def _unreadable(value):
    """A secret a GET did not return in clear: blank, or a mask such as ``********``."""
    return compare.blank(value) or (isinstance(value, str) and set(value) == {"*"})


class Resource(object):
    """One object kind: ``fields`` (option name -> ``Field``), its natural key and
    read-only API fields (dotted paths), and a ``noun`` for messages."""

    def __init__(self, noun, fields, natural_key=(), read_only=(), path=None):
        self.noun = noun
        self.fields = fields
        self.natural_key = tuple(natural_key)
        self.read_only = tuple(tuple(name.split(".")) for name in read_only)
        self.path = path
        self.secrets = tuple(name for name, field in fields.items() if field.secret)
        self.datetimes = tuple(name for name, field in fields.items() if field.kind == "datetime")
        self.required = tuple(name for name, field in fields.items() if field.required)

    # --- options and input -----------------------------------------------------------
    def options(self, required=()):
        """The argument spec of every writable field (secrets ``no_log``); the options named in
        ``required`` are required by the module (not only on create)."""
        spec = dict((name, option_spec(field)) for name, field in self.fields.items())
        for name in required:
            spec[name]["required"] = True
        return spec

    def check(self, params):
        """Fail before any request on a value that breaks a rule of the table."""
        for name in sorted(self.fields):
            field, value = self.fields[name], params.get(name)
            if value is None:
                continue
            if field.kind == "str":
                validate.length(name, value, field.min_length, field.max_length, field.secret)
                if field.required:
                    validate.not_blank(name, value)
            elif field.kind == "datetime":
                validate.datetime_value(name, value)

    def desired(self, params):
        """The options of the task that belong to this kind (None = leave alone)."""
        return dict((name, _typed_only(field, params.get(name))) for name, field in self.fields.items())

    # --- API object <-> options --------------------------------------------------------
    def to_options(self, api_obj):
        """The option-keyed view of an API object (only the fields it holds)."""
        view = {}
        for name, field in self.fields.items():
            found, value = _get(api_obj or {}, _path(name, field))
            if found:
                view[name] = value
        return view

    def to_api(self, values):
        """The API-shaped dict of the options set in ``values`` (None left out)."""
        body = {}
        for name, field in self.fields.items():
            if values.get(name) is not None:
                _put(body, _path(name, field), copy.deepcopy(values[name]))
        return body

    def api_result(self, api_obj):
        """An API object as a result shows it: API-shaped, every non-empty secret masked."""
        if api_obj is None:
            return None
        result = copy.deepcopy(api_obj)
        for name, field in self.fields.items():
            path = _path(name, field)
            found, value = _get(result, path)
            if found and field.secret and not compare.blank(value):
                _put(result, path, compare.MASK)
            elif found and field.fields and isinstance(value, dict):
                _put(result, path, compare.mask_secrets(field.fields, value))
        return result

    # --- request bodies ----------------------------------------------------------------
    def create_body(self, desired):
        """The POST body: every option set, secrets included."""
        return self.to_api(compare.set_options(self.fields, desired))

    def predicted(self, desired):
        """What the server will hold after a create: the documented defaults, then the body."""
        return self.to_api(compare.merge(self.defaults(), compare.set_options(self.fields, desired)))

    def defaults(self):
        """The documented defaults a create fills in, those of typed suboptions too."""
        defaults = {}
        for name, field in self.fields.items():
            subs = dict((key, sub.default) for key, sub in field.fields.items() if sub.default is not None)
            if field.default is not None or subs:
                defaults[name] = compare.merge(field.default or {}, subs) if subs else copy.deepcopy(field.default)
        return defaults

    def predicted_update(self, current, desired):
        """What the server will hold after an update: ``current`` with the desired options laid over it."""
        return compare.merge(current, self.to_api(compare.set_options(self.fields, desired, with_secrets=False)))

    def update_body(self, current, desired, with_secrets):
        """A full PUT body: the current API object with the desired options laid over it.

        Read-only fields are dropped; writable fields that are no option are kept as they
        are. A secret the GET returned in clear is sent back as it was, one read back masked
        or empty never is; a desired secret goes in only when ``with_secrets`` is true.
        """
        return compare.merge(self._writable(current),
                             self.to_api(compare.set_options(self.fields, desired, with_secrets)))

    def _writable(self, current):
        """The current API object without read-only fields and secrets read back masked or empty."""
        body = copy.deepcopy(current)
        for path in self.read_only:
            _drop(body, path)
        for name in self.secrets:
            path = _path(name, self.fields[name])
            found, value = _get(body, path)
            if found and _unreadable(value):
                _drop(body, path)
        return body

    # --- the replaced states: every option exactly as declared ----------------------
    def replaced(self, desired):
        """``desired`` with each unset option at its documented default (None: empty); a dict
        option with typed suboptions holds each of them, unset ones at their default."""
        full = {}
        for name, field in self.fields.items():
            value = desired.get(name) if desired.get(name) is not None else copy.deepcopy(field.default)
            if field.kind == "dict" and field.fields:
                given = value or {}
                value = dict((key, given.get(key) if given.get(key) is not None else sub.default)
                             for key, sub in field.fields.items())
            full[name] = value
        return full

    def replace_body(self, current, desired, with_secrets):
        """A full PUT body holding exactly the options of ``desired``; empty ones are left out."""
        return self._set_exactly(self._writable(current), desired, with_secrets)

    def predicted_replace(self, current, desired):
        """What the server will hold after ``replace_body`` was sent."""
        return self._set_exactly(copy.deepcopy(current), desired, False)

    def _set_exactly(self, obj, desired, with_secrets):
        for name, field in self.fields.items():
            value, path = _typed_only(field, desired.get(name)), _path(name, field)
            if field.secret:
                if with_secrets and value is not None:
                    _put(obj, path, value)
            elif value is None or value == "":
                _drop(obj, path)
            elif field.kind == "dict" and field.fields:  # the typed keys exactly; unmodelled keys kept
                found, have = _get(obj, path)
                kept = dict((key, sub) for key, sub in (have if found and isinstance(have, dict) else {}).items()
                            if key not in field.fields)
                _put(obj, path, compare.merge(kept, value))
            else:
                _put(obj, path, compare.merge({}, value) if isinstance(value, dict) else copy.deepcopy(value))
        return obj

    # --- comparing ---------------------------------------------------------------------
    def changes(self, desired, current, exact=False):
        """The options of ``desired`` that the API object ``current`` does not match."""
        return compare.differences(self.fields, desired, self.to_options(current), exact)

    def diff(self, changes, current):
        """``{before, after}`` of the changed options, keyed by option names, secrets masked."""
        return compare.change_diff(self.fields, changes, self.to_options(current))

    def options_result(self, api_obj):
        """An object as a result shows it in option shape, without its secrets (``before``, ``after``,
        ``gathered``, a diff side): every option of the table, null where the object holds
        none, so that a predicted object and one read back have the same keys; a dict option
        with typed suboptions shows each of those (not the read-only keys beside them)."""
        held = self.to_options(api_obj)
        view = {}
        for name, field in self.fields.items():
            if field.secret:
                continue
            value = held.get(name)
            if field.fields and isinstance(value, dict):
                value = dict((key, value.get(key)) for key in field.fields)
            view[name] = value
        return compare.mask_secrets(self.fields, view)
