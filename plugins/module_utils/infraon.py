# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The Infraon NCCM client: auth header or token login, paging, look-up by natural key, CRUD.

List answers come as a bare JSON array or as a DRF envelope (``count``/``next``/``results``);
both are read to the end. A 2xx ``{"status": "error"}`` body is a failure. See
``API-NOTES.md`` section 1.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from itertools import islice
from urllib.parse import quote

from ansible_collections.ncm.platforms.plugins.module_utils import errors, rest, state

PAGE_SIZE = 500
LOGIN_PATH = "/ux/api-token-auth/"
# Keys of a write answer that only report on the write and are not part of an object.
_REPORT_KEYS = frozenset(("id", "status", "msg", "message", "detail"))
_ANY = state.Field("any")


def error_in_body(data):
    """The message of a 2xx answer that reports a failure (``{"status": "error", ...}``)."""
    if isinstance(data, dict) and str(data.get("status", "")).lower() == "error":
        detail = dict((key, value) for key, value in data.items() if key != "status")
        return errors.server_message(detail) or "the server answered status error"
    return None


def matches(item, criteria, spec=None):
    """Whether ``item`` has every value of ``criteria`` (an unset value matches a blank one)."""
    spec = spec or {}
    return all(state.equal(spec.get(name) or _ANY, value, item.get(name))
               for name, value in criteria.items())


def _is_object(data):
    """Whether a write answer carries the object itself (not just a status or an id)."""
    return isinstance(data, dict) and bool(set(data) - _REPORT_KEYS)


def _describe(criteria):
    return ", ".join("%s=%r" % (name, criteria[name]) for name in sorted(criteria))


class InfraonClient(object):
    """Infraon NCCM calls over one ``rest.RestClient`` session.

    With ``username``/``password`` the client logs in at ``/ux/api-token-auth/`` before
    its first request (not at construction, so input checks still come first).
    """

    def __init__(self, rest_client, username=None, password=None):
        self.rest = rest_client
        self._login = (username, password) if username is not None else None

    @classmethod
    def from_module(cls, module):
        api = module.params["api"]
        client = rest.RestClient(
            api["url"], timeout=api["timeout"], retries=api["retries"],
            validate_certs=api["validate_certs"], ca_path=api["ca_path"],
            secrets=module.no_log_values, error_in_body=error_in_body, log=module.debug)
        if api.get("api_key"):
            client.set_header("Authorization", api["api_key"])
            return cls(client)
        return cls(client, api["username"], api["password"])

    # --- session -------------------------------------------------------------------
    def _request(self, method, path, **kwargs):
        if self._login is not None:
            self._log_in()
        return self.rest.request(method, path, **kwargs)

    def _log_in(self):
        username, password = self._login
        self._login = None
        self.rest.add_secret(password)
        answer = self.rest.request("POST", LOGIN_PATH, json={"username": username, "password": password},
                                   idempotent=True)
        token = answer.data.get("token") if isinstance(answer.data, dict) else None
        if not token:
            raise errors.ResponseFormatError(
                "POST %s answered HTTP %s without a token" % (LOGIN_PATH, answer.status),
                method="POST", path=LOGIN_PATH, status=answer.status)
        self.rest.set_header("Authorization", str(token))

    # --- lists ---------------------------------------------------------------------
    def iter_all(self, path, sort=None, reverse=None, page_size=PAGE_SIZE):
        """Yield every item of a list, page after page, to the end.

        The server may clamp the page size silently: a bare array ends at an empty page or
        one shorter than the longest page seen; an envelope ends when ``next`` is null or
        ``count`` items were read.
        """
        page, seen, longest, previous = 1, 0, 0, None
        while True:
            params = dict(items_per_page=page_size, page=page, sort=sort, reverse=reverse)
            items, envelope = self._page(path, page, self._request("GET", path, params=params).data)
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

    def list_all(self, path, sort=None, reverse=None, limit=None, page_size=PAGE_SIZE):
        """Every item of a list (or the first ``limit``), in the server's order."""
        return list(islice(self.iter_all(path, sort, reverse, page_size), limit))

    def find(self, path, criteria, spec=None):
        """The one item matching ``criteria`` (see ``matches``), or None.

        Reads the whole list; more than one match raises ``errors.AmbiguousMatch`` with their ids.
        """
        found = [item for item in self.iter_all(path) if matches(item, criteria, spec)]
        if len(found) > 1:
            ids = [item.get("id") for item in found]
            raise errors.AmbiguousMatch(
                self.rest.redact("%d objects at %s match %s (ids: %s); set id to pick one"
                                 % (len(found), path, _describe(criteria), ", ".join(str(i) for i in ids))),
                ids=ids)
        return found[0] if found else None

    # --- objects -------------------------------------------------------------------
    @staticmethod
    def item_path(path, object_id):
        return "%s%s/" % (path, quote(str(object_id), safe=""))

    def get(self, path, object_id):
        """The object with this id, or None when the server answers 404."""
        answer = self._request("GET", self.item_path(path, object_id), allow_status=(404,))
        return None if answer.status == 404 else answer.data

    def options(self, path):
        """The answer of the collection's ``options/`` call."""
        return self._request("GET", path + "options/").data

    def create(self, path, body, key=(), spec=None):
        """POST a new object and return it as the server holds it.

        When the answer carries no object (no body, or only a status and an id), the object
        is read back by the id given, else found by the natural ``key`` fields of ``body``.
        """
        answer = self._request("POST", path, json=body)
        if _is_object(answer.data):
            return answer.data
        new_id = answer.data.get("id") if isinstance(answer.data, dict) else None
        found = self.get(path, new_id) if new_id not in (None, "") else None
        if found is None and key:
            found = self.find(path, dict((name, body.get(name)) for name in key), spec)
        if found is None:
            raise errors.ResponseFormatError(
                "POST %s answered HTTP %s but the new object could not be read back"
                % (path, answer.status), method="POST", path=path, status=answer.status)
        return found

    def update(self, path, object_id, body):
        """PUT the whole writable object; return the answer's object or a fresh read."""
        item = self.item_path(path, object_id)
        answer = self._request("PUT", item, json=body)
        if _is_object(answer.data):
            return answer.data
        found = self.get(path, object_id)
        if found is None:
            raise errors.ResponseFormatError(
                "PUT %s answered HTTP %s but the object could not be read back" % (item, answer.status),
                method="PUT", path=item, status=answer.status)
        return found

    def delete(self, path, object_id):
        """DELETE the object; one that is already gone (404) counts as deleted."""
        self._request("DELETE", self.item_path(path, object_id), allow_status=(404,))


def _last_page(envelope, size, seen, longest):
    if envelope is None:
        return size < longest
    count = envelope.get("count")
    if isinstance(count, int) and not isinstance(count, bool) and seen >= count:
        return True
    if "next" in envelope:
        return not envelope["next"]
    return count is None and size < longest


def connect(module):
    """The ``connect`` that ``runner.execute`` calls."""
    return InfraonClient.from_module(module)
