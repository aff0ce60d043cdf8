# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Reading Infraon objects for the ``_info`` modules: one by id, or a listing filtered client-side.

Filter rule: a filter names a field of the object (writable or read-only; an unknown name
fails); it matches as ``compare.satisfies`` does, and a boolean filter ``false`` also matches a
field the server left null or out (an unset flag is not set). A list given for a field that
holds one value is a list of values, any of which matches (the collection's filter convention,
docs/filters.md); for a list field it is the set the field must hold.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from itertools import islice

from ansible_collections.ncm.platforms.plugins.module_utils import compare, errors, validate
from ansible_collections.ncm.platforms.plugins.module_utils.infraon.client import PAGE_SIZE

CREATED = "creationtime"


def options(**extra):
    """The argument spec shared by the ``_info`` modules (the ``api`` option aside)."""
    spec = dict(
        id=dict(type="str"),
        sort=dict(type="str"),
        reverse=dict(type="bool"),
        page_size=dict(type="int", default=PAGE_SIZE),
        limit=dict(type="int"),
        filters=dict(type="dict"),
        created_after=dict(type="str"),
        created_before=dict(type="str"),
        options=dict(type="bool", default=False),
    )
    spec.update(extra)
    return spec


def check(params, resource):
    """Fail before any request on a bad id, bound, size or filter."""
    validate.datetimes(params, ("created_after", "created_before"))
    if params.get("id") is not None:
        validate.not_blank("id", params["id"])
    for name in ("page_size", "limit"):  # their maximum: validate.MAXIMUM, checked by the runner
        validate.at_least(name, params.get(name), 1)
    filters = set(params.get("filters") or {})
    known = set(resource.fields) | set(path[0] for path in resource.read_only)
    unknown = sorted(filters - known)
    if unknown:
        raise errors.InputError("filters: %s %s no field of %s; known fields: %s."
                                % (", ".join(unknown), "is" if len(unknown) == 1 else "are",
                                   compare.with_article(resource.noun), ", ".join(sorted(known))))
    secret = sorted(filters & set(resource.secrets))
    if secret:
        raise errors.InputError("filters: %s cannot be filtered on (a secret)." % ", ".join(secret))
    for name, value in sorted((params.get("filters") or {}).items()):
        if _any_of(resource, name, value) and not value:
            raise errors.InputError("filters.%s needs at least one value: a list of values matches any of them, "
                                    "and an empty one would match nothing." % name)


def hide_secret_filters(task, resource, filters):
    """Mask the value of a filter on a secret field (which ``check`` refuses) in all output.

    The value is what the user holds for a secret (a password): Ansible would show it in the
    task's ``invocation``, where only the ``no_log`` options are masked.
    """
    for name, value in (filters or {}).items():
        if name in resource.secrets:
            task.hide(value)


def _any_of(resource, name, value):
    """Whether ``value`` of the filter ``name`` is a list of values, any of which matches (a list
    given for a field that holds one value), rather than the set a list field must hold."""
    field = resource.fields.get(name)
    return isinstance(value, list) and (field is None or field.kind not in ("set", "list"))


def _as_text(field, value):
    """A number given for a text field as text (YAML may give ``1`` for ``"1"``)."""
    text = field is not None and field.kind == "str" and isinstance(value, (int, float))
    return str(value) if text and not isinstance(value, bool) else value


def _wanted(resource, filters):
    """``{field: [values, any of which matches]}`` from the filters."""
    wanted = {}
    for name, value in filters.items():
        values = value if _any_of(resource, name, value) else [value]
        wanted[name] = [_as_text(resource.fields.get(name), one) for one in values]
    return wanted


def _matches_one(item, name, value, fields):
    """``compare.satisfies``, with ``false`` also matching a flag left null or out."""
    if value is False and item.get(name) is None:
        return True
    return compare.satisfies(fields.get(name), value, item.get(name))


def _matches(item, wanted, fields):
    """Whether ``item`` matches one of the values of every filter of ``_wanted``."""
    return all(any(_matches_one(item, name, value, fields) for value in values) for name, values in wanted.items())


def _instant(value):
    return compare.parse_datetime(value)[0] if value is not None else None


def _created_between(item, after, before):
    """Whether ``creationtime`` is at or after ``after`` and before ``before``."""
    if after is None and before is None:
        return True
    try:
        created = _instant(item.get(CREATED))
    except ValueError:
        return False
    if created is None:
        return False
    return (after is None or created >= after) and (before is None or created < before)


def select(client, resource, params, criteria=None):
    """The raw objects the reading options select (``id``, ``filters``, time bounds), in the
    server's order, read page by page as they are consumed."""
    wanted = _wanted(resource, params.get("filters") or {})
    wanted.update((name, [value]) for name, value in (criteria or {}).items())
    after, before = _instant(params.get("created_after")), _instant(params.get("created_before"))
    if params.get("id") is not None:
        found = client.get(resource, params["id"])
        items = [found] if found is not None else []
    else:
        items = client.iter_all(resource, sort=params.get("sort"), reverse=params.get("reverse"),
                                page_size=params.get("page_size") or PAGE_SIZE)
    return (item for item in items
            if _matches(item, wanted, resource.fields) and _created_between(item, after, before))


def read(task, client, resource, result_key, criteria=None):
    """``(False, result)`` with the matching objects (secrets masked) and their ``count``."""
    params = task.params
    hide_secret_filters(task, resource, params.get("filters"))
    check(params, resource)
    records = [resource.api_result(item) for item in islice(select(client, resource, params, criteria), params.get("limit"))]
    result = {result_key: records, "count": len(records)}
    if params["options"]:
        answer = client.options(resource)
        result["options"] = resource.api_result(answer) if isinstance(answer, dict) else answer
    return False, result
