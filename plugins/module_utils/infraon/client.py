# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The Infraon NCCM client: auth (API key header or token login), paging, look-up by natural
key, and the calls on one object kind (each takes its ``resource.Resource``).

List answers come as a bare JSON array or as a DRF envelope (``count``/``next``/``results``);
both are read to the end. A 2xx ``{"status": "error"}`` body is a failure. See
``API-NOTES.md`` section 1 and ``seeds/infraon-*.txt``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from urllib.parse import quote

from ansible_collections.ncm.platforms.plugins.module_utils import api_spec, compare, errors, rest

PAGE_SIZE = 500
LOGIN_PATH = "/ux/api-token-auth/"
# Keys of a write answer that only report on the write and are not part of an object.
_REPORT_KEYS = frozenset(("id", "status", "msg", "message", "detail"))


def error_in_body(data):
    """The message of a 2xx answer that reports a failure (``{"status": "error", ...}``)."""
    if isinstance(data, dict) and str(data.get("status", "")).lower() == "error":
        detail = dict((key, value) for key, value in data.items() if key != "status")
        return errors.server_message(detail) or "the server answered status error"
    return None


def _is_object(data):
    """Whether a write answer carries the object itself (not just a status or an id)."""
    return isinstance(data, dict) and bool(set(data) - _REPORT_KEYS)


def token_login(username, password):
    """The login hook of a username/password tenant: the token is then sent verbatim."""
    def login(client):
        answer = client.request("POST", LOGIN_PATH, json={"username": username, "password": password},
                                idempotent=True, authenticate=False)
        token = answer.data.get("token") if isinstance(answer.data, dict) else None
        if not token:
            raise errors.ResponseFormatError(
                "POST %s answered HTTP %s without a token" % (LOGIN_PATH, answer.status),
                method="POST", path=LOGIN_PATH, status=answer.status)
        client.set_header("Authorization", str(token))
    return login


class Created(object):
    """A POST whose answer carried no object: the ``new_id`` it gave (or None), the
    ``criteria`` (key fields of the body) that find the object, and the answer's ``status``."""

    __slots__ = ("new_id", "criteria", "status")

    def __init__(self, new_id, criteria, status):
        self.new_id = new_id
        self.criteria = criteria
        self.status = status


class InfraonClient(rest.ApiClient):
    """Infraon NCCM calls over one ``rest.RestClient`` session (``rest``); each call on objects
    takes the ``resource.Resource`` of their kind (its ``path``, ``noun``, fields, natural key)."""

    # --- lists ---------------------------------------------------------------------
    def iter_all(self, resource, sort=None, reverse=None, page_size=PAGE_SIZE):
        """Yield every object of ``resource``'s list, page after page, to the end.

        The server may clamp the page size silently: a bare array ends at an empty page or
        one shorter than the longest page seen; an envelope ends when ``next`` is null or
        ``count`` items were read.
        """
        path = resource.path
        page, seen, longest, previous = 1, 0, 0, None
        while True:
            params = dict(items_per_page=page_size, page=page, sort=sort, reverse=reverse)
            items, envelope = self._page(path, page, self.rest.get(path, params=params).data)
            if items and items == previous:
                raise errors.ResponseFormatError(
                    "GET %s answered page %d with the same items as page %d: the server ignores "
                    "the page parameter" % (path, page, page - 1), method="GET", path=path)
            yield from items
            seen += len(items)
            longest = max(longest, len(items))
            if not items or _last_page(envelope, len(items), seen, longest):
                return
            previous = items
            page += 1

    @staticmethod
    def _page(path, page, data):
        """``(items, envelope or None)`` of one list answer."""
        if data is None:
            return [], None
        if isinstance(data, list):
            return data, None
        if isinstance(data, dict) and isinstance(data.get("results"), list):
            return data["results"], data
        raise errors.ResponseFormatError(
            "GET %s page %d answered neither a JSON array nor a page envelope with results"
            % (path, page), method="GET", path=path)

    def find(self, resource, criteria, near=None):
        """The one object of ``resource`` matching ``criteria``, or None (reads the whole list).

        More than one match raises ``errors.AmbiguousMatch`` with their ids. When nothing
        matches, the list ``near`` (if given) receives ``compare.near_misses``: the objects
        that hold the set values but something where ``criteria`` leaves a value unset.
        """
        if near is None:
            return compare.find_one(self.iter_all(resource), criteria, resource.fields, where=resource.path,
                                    kind=compare.plural(resource.noun))
        items = list(self.iter_all(resource))
        found = compare.find_one(items, criteria, resource.fields, where=resource.path, kind=compare.plural(resource.noun))
        if found is None:
            near.extend(compare.near_misses(items, criteria, resource.fields))
        return found

    # --- objects -------------------------------------------------------------------
    @staticmethod
    def item_path(path, object_id):
        return "%s%s/" % (path, quote(str(object_id), safe=""))

    def get(self, resource, object_id):
        """The object with this id, or None when the server answers 404."""
        answer = self.rest.get(self.item_path(resource.path, object_id), allow_status=(404,))
        return None if answer.status == 404 else answer.data

    def options(self, resource):
        """The answer of the collection's ``options/`` call."""
        return self.rest.get(resource.path + "options/").data

    def post(self, resource, body, key=None):
        """POST a new object: the answer's object, or, when the answer carries none (no body, or
        only a status and an id), a ``Created`` that ``read_back`` finds it again by."""
        key = resource.natural_key if key is None else key
        answer = self.rest.post(resource.path, json=body)
        if _is_object(answer.data):
            return answer.data
        new_id = answer.data.get("id") if isinstance(answer.data, dict) else None
        return Created(new_id, dict((name, body.get(name)) for name in key), answer.status)

    def create(self, resource, body, key=None):
        """POST a new object and return it as the server holds it.

        When the answer carries no object, the object is read back by the id given, else found
        by the ``key`` fields of ``body`` (the resource's natural key by default).
        """
        made = self.post(resource, body, key)
        if not isinstance(made, Created):
            return made
        found = self.get(resource, made.new_id) if made.new_id not in (None, "") else None
        if found is None and made.criteria:
            found = self._find_created(resource, made.criteria, self.iter_all(resource))
        return found if found is not None else self._not_read_back(resource, made)

    def read_back(self, resource, made):
        """The objects of several POSTs (``{name: Created}``) whose answers carried none, found
        with one list read: each by the id its answer gave, else by its key (as ``create``)."""
        items = list(self.iter_all(resource))
        by_id = dict((str(item.get("id")), item) for item in items)
        filed = {}  # field name -> compare.Filed: many creates among many objects, not one scan each
        found = {}
        for name, created in made.items():
            obj = by_id.get(str(created.new_id)) if created.new_id not in (None, "") else None
            if obj is None and created.criteria:
                first = sorted(created.criteria)[0]
                if first not in filed:
                    filed[first] = compare.Filed(items, resource.fields[first], lambda item, field=first: item.get(field))
                candidates = filed[first].candidates(created.criteria[first])
                obj = self._find_created(resource, created.criteria, candidates)
            found[name] = obj if obj is not None else self._not_read_back(resource, created)
        return found

    @staticmethod
    def _not_read_back(resource, made):
        raise errors.ResponseFormatError(
            "POST %s answered HTTP %s but the new object%s could not be read back"
            % (resource.path, made.status, " (%s)" % compare.describe(made.criteria) if made.criteria else ""),
            method="POST", path=resource.path, status=made.status)

    @staticmethod
    def _find_created(resource, criteria, items):
        """The object a POST just created among ``items``, found by its key; several mean that
        other runs created objects with the same key at the same time, and the message says so."""
        try:
            return compare.find_one(items, criteria, resource.fields, where=resource.path,
                                    kind=compare.plural(resource.noun))
        except errors.AmbiguousMatch as exc:
            ids = exc.details["ids"]
            listed = ", ".join(str(i) for i in ids)
            raise errors.AmbiguousMatch(
                "POST %s created the %s, but %d objects now hold %s (ids: %s): other runs created "
                "the others at the same time. Remove the duplicates, and run the writers of one "
                "tenant one at a time (throttle: 1)."
                % (resource.path, resource.noun, len(ids), compare.describe(criteria), listed), ids=ids)

    def update(self, resource, object_id, body):
        """PUT the whole writable object; return the answer's object or a fresh read."""
        item = self.item_path(resource.path, object_id)
        answer = self.rest.put(item, json=body)
        if _is_object(answer.data):
            return answer.data
        found = self.get(resource, object_id)
        if found is None:
            raise errors.ResponseFormatError(
                "PUT %s answered HTTP %s but the object could not be read back" % (item, answer.status),
                method="PUT", path=item, status=answer.status)
        return found

    def delete(self, resource, object_id):
        """DELETE the object; one that is already gone (404) counts as deleted."""
        self.rest.delete(self.item_path(resource.path, object_id), allow_status=(404,))


def _last_page(envelope, size, seen, longest):
    if envelope is None:
        return size < longest
    count = envelope.get("count")
    if isinstance(count, int) and not isinstance(count, bool) and seen >= count:
        return True
    if "next" in envelope:
        return not envelope["next"]
    return count is None and size < longest


def connect(task):
    """The ``connect`` that ``runner.execute`` calls: API key header, or token login."""
    api = api_spec.resolve("infraon", task)
    if api.get("api_key") is not None:
        key = api_spec.header_value("api.api_key", api["api_key"])
        return InfraonClient(api_spec.rest_client(task, headers={"Authorization": key}, error_in_body=error_in_body))
    login = token_login(api["username"], api["password"])
    return InfraonClient(api_spec.rest_client(task, login=login, error_in_body=error_in_body))
