# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The VOSS-4-UC (Cisco HCS) client: ``relation/HcsAdminUserREL`` at a hierarchy.

HTTP Basic; ``hierarchy`` and ``format=json`` on every call. Lists are read with
``skip``/``limit`` (up to the server's ``pagination.maximum_limit``) to the end. A list at a
node also holds the users of the nodes below it: a user is taken only at its own node (by
``hierarchy_path`` or parent pkid). Writes go through ``transactions.send``. See
``API-NOTES.md`` section 3 and ``seeds/voss-hcs-admin-user-rel.txt``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from urllib.parse import quote, urlsplit

from ansible_collections.ncm.platforms.plugins.module_utils import api_spec, compare, errors, rest
from ansible_collections.ncm.platforms.plugins.module_utils.voss import export, transactions
from ansible_collections.ncm.platforms.plugins.module_utils.voss.resources import USER, USERS_PATH
from ansible_collections.ncm.platforms.plugins.module_utils.voss.views import (
    at_node, full_view, last_part, reference_value)

FIRST_LIMIT = 2000  # the documented maximum_limit; the server's own value is used from page 2 on
BATCH = 100  # hrefs per bulk delete or export (decided: the documents give no limit)
BULK_REFUSED = (400, 405)  # a server that does not take the bulk delete (API-NOTES 3)
EXPORT_REFUSED = (400, 403, 404, 405, 501)  # a server that does not serve the export


def refused(exc, statuses):
    """Whether ``exc`` is the server refusing the request itself (not a failed transaction)."""
    return isinstance(exc, errors.ApiError) and exc.status in statuses and not exc.details.get("transaction_id")


def error_in_body(data):
    """The message of a 2xx answer that says ``"success": false``."""
    if isinstance(data, dict) and data.get("success") is False:
        detail = dict((key, value) for key, value in data.items() if key != "success")
        return errors.server_message(detail) or "the server answered success: false"
    return None


def connect(task):
    """The ``connect`` that ``runner.execute`` calls: HTTP Basic with ``api.username``/``api.password``."""
    api = api_spec.resolve("voss", task)
    return VossClient(api_spec.rest_client(task, basic_auth=(api["username"], api["password"]),
                                           error_in_body=error_in_body))


class VossClient(rest.ApiClient):
    """VOSS-4-UC calls over one ``rest.RestClient`` session (``rest``)."""

    @staticmethod
    def query(hierarchy, **extra):
        """The query parameters of a call at ``hierarchy``."""
        params = dict(hierarchy=hierarchy, format="json")
        params.update(extra)
        return params

    export_refused = False  # set once the server refused an export: full records are read one by one

    @staticmethod
    def user_path(pkid):
        return "%s%s/" % (USERS_PATH, quote(str(pkid), safe=""))

    @staticmethod
    def user_href(pkid):
        """An instance href as the bulk delete and the export take it (no trailing slash)."""
        return "%s%s" % (USERS_PATH, quote(str(pkid), safe=""))

    # --- reading ---------------------------------------------------------------------
    def list_page(self, hierarchy, skip, limit):
        """One list answer: ``(resources, pagination)``."""
        params = self.query(hierarchy, skip=skip, limit=limit, order_by="hcsUname", direction="asc")
        data = self.rest.get(USERS_PATH, params=params).data
        if not isinstance(data, dict) or not isinstance(data.get("resources", []), list):
            raise errors.ResponseFormatError(
                "GET %s at hierarchy %s answered without a resources list" % (USERS_PATH, hierarchy),
                method="GET", path=USERS_PATH)
        return data.get("resources") or [], data.get("pagination") or {}

    def list_users(self, hierarchy):
        """Every list item at ``hierarchy`` (its subtree, as the server gives it) and the server's total."""
        items, skip, limit, total = [], 0, FIRST_LIMIT, None
        while True:
            page, pagination = self.list_page(hierarchy, skip, limit)
            items.extend(page)
            skip += len(page)
            total = pagination.get("total", total)
            maximum = pagination.get("maximum_limit")
            served = pagination.get("limit") or limit
            if isinstance(maximum, int) and maximum > 0:
                limit = maximum
            if not page or (isinstance(total, int) and skip >= total) or (total is None and len(page) < served):
                return items, total if isinstance(total, int) else len(items)

    def get_user(self, hierarchy, pkid):
        """The full record of one instance, or None when the server answers 404."""
        answer = self.rest.get(self.user_path(pkid), params=self.query(hierarchy), allow_status=(404,))
        return None if answer.status == 404 else answer.data

    def export_users(self, hierarchy, pkids):
        """The JSON export of these instances (``POST .../export/``, ``export_format: json``): the
        zip as bytes, as the server sent it. One request that changes nothing on the server."""
        body = {"hrefs": [self.user_href(pkid) for pkid in pkids], "export_format": "json"}
        return self.rest.request("POST", USERS_PATH + "export/", params=self.query(hierarchy, export_format="json"),
                                 json=body, download=True).data

    def full_records(self, hierarchy, items):
        """``[(list item, full record or None)]`` of these list items, None where a user is gone.

        Two or more are read through the export, ``BATCH`` at a time (each one request for
        many users; its data scrubbed of secrets, kept in memory only); a user the export
        does not hold, and every user once the server refused an export, with one GET.
        """
        records = {}
        if len(items) > 1 and not self.export_refused:
            for start in range(0, len(items), BATCH):
                pkids = [item.get("pkid") for item in items[start:start + BATCH]]
                try:
                    records.update(export.records_by_pkid(self.export_users(hierarchy, pkids)))
                except errors.NcmError as exc:
                    if not (refused(exc, EXPORT_REFUSED) or isinstance(exc, errors.ResponseFormatError)):
                        raise
                    self.export_refused = True
                    break
        return [(item, records.get(item.get("pkid")) or self.get_user(hierarchy, item.get("pkid")))
                for item in items]

    def find_user(self, hierarchy, username):
        """The user ``username`` whose own node is ``hierarchy``, as an API object, or None.

        Users of that name at nodes below are never taken; two at the node itself fail.
        """
        items, _total = self.list_users(hierarchy)
        mine = [item for item in items if at_node(item, hierarchy)]
        found = compare.find_one(mine, {"username": username}, USER.fields, where="hierarchy %s" % hierarchy,
                                 id_of=lambda item: item.get("pkid"),
                                 view=lambda item: USER.to_options(item.get("data")), kind=compare.plural(USER.noun),
                                 pick="a username is unique at a node: remove the duplicate on the server")
        if found is None:
            return None
        record = self.get_user(hierarchy, found["pkid"])
        return None if record is None else full_view(record, (found.get("data") or {}).get("hierarchy_path"))

    def reference_name(self, hierarchy, value, attrs):
        """A role or language read back as an href or an object: its name (the form a write takes)."""
        value = reference_value(value, attrs)
        if isinstance(value, str) and value.startswith("/api/data/"):
            answer = self.rest.get(urlsplit(value).path, params=self.query(hierarchy), allow_status=(404,))
            data = (answer.data or {}).get("data") if isinstance(answer.data, dict) else None
            if answer.status != 404 and isinstance(data, dict):
                return reference_value(data, attrs)
        return value

    # --- writing ---------------------------------------------------------------------
    def create_user(self, hierarchy, body, timeout):
        """POST a new user; return ``(the created user as an API object, transaction id)``."""
        what = "create admin user %s" % body.get("hcsUname")
        data, tx_id, tx = transactions.send(self, "POST", USERS_PATH, hierarchy, timeout, what, json=body)
        if tx is not None:
            pkid = transactions.created_pkid(tx)
        else:
            pkid = data.get("pkid") or last_part((data.get("meta") or {}).get("uri"))
        record = self.get_user(hierarchy, pkid) if pkid else None
        if record is not None:
            return full_view(record), tx_id
        found = self.find_user(hierarchy, body.get("hcsUname"))
        if found is None:
            raise errors.ResponseFormatError(
                "POST %s at hierarchy %s succeeded but the new user could not be read back" % (USERS_PATH, hierarchy),
                method="POST", path=USERS_PATH, transaction_id=tx_id)
        return found, tx_id

    def update_user(self, hierarchy, current, body, timeout):
        """PUT the whole data object; return ``(the user as it is now, transaction id)``."""
        path = self.user_path(current["pkid"])
        what = "modify admin user %s" % body.get("hcsUname")
        tx_id = transactions.send(self, "PUT", path, hierarchy, timeout, what, json=body)[1]
        record = self.get_user(hierarchy, current["pkid"])
        if record is None:
            raise errors.ResponseFormatError("PUT %s succeeded but the user could not be read back" % path,
                                             method="PUT", path=path, transaction_id=tx_id)
        return full_view(record, current.get("hierarchy_path")), tx_id

    def bulk_delete(self, hierarchy, users, timeout):
        """DELETE these users (API objects) in one request with their ``hrefs``, followed to the
        end of its one transaction; return its id (None for a synchronous answer)."""
        what = "delete %d admin users" % len(users)
        body = {"hrefs": [self.user_href(user["pkid"]) for user in users]}
        return transactions.send(self, "DELETE", USERS_PATH, hierarchy, timeout, what, json=body)[1]

    def delete_user(self, hierarchy, current, timeout):
        """DELETE one user; return the transaction id (None for a synchronous answer).

        A user that is already gone counts as deleted (as an Infraon object does): the DELETE
        answered 404, or its transaction failed and the user is no longer there (another run
        deleted it at the same time).
        """
        path = self.user_path(current["pkid"])
        try:
            what = "delete admin user %s" % current.get("hcsUname")
            return transactions.send(self, "DELETE", path, hierarchy, timeout, what, allow_status=(404,))[1]
        except errors.NcmError as exc:
            tx_id = exc.details.get("transaction_id")
            if not tx_id or compare.status_key(exc.details.get("status")) != transactions.FAILED:
                raise
            if self.get_user(hierarchy, current["pkid"]) is not None:
                raise
            return tx_id
