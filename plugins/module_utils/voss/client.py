# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The VOSS-4-UC (Cisco HCS) client and the admin-user table: ``relation/HcsAdminUserREL`` at a hierarchy.

HTTP Basic; ``hierarchy`` and ``format=json`` on every call. Lists are read with
``skip``/``limit`` (up to the server's ``pagination.maximum_limit``) to the end. A list at a
node also holds the users of the nodes below it: a user is taken only at its own node (by
``hierarchy_path`` or parent pkid). Writes ask for ``nowait=true`` and follow the
transaction to its final status; a synchronous answer ends the same way. See
``API-NOTES.md`` section 3 and ``seeds/voss-hcs-admin-user-rel.txt``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
from urllib.parse import quote, urlsplit

from ansible_collections.ncm.platforms.plugins.module_utils import api_spec, compare, errors, rest, waiting
from ansible_collections.ncm.platforms.plugins.module_utils.compare import Field
from ansible_collections.ncm.platforms.plugins.module_utils.resource import Resource

USERS_PATH = "/api/relation/HcsAdminUserREL/"
TRANSACTION_PATH = "/api/tool/Transaction/"
FIRST_LIMIT = 2000  # the documented maximum_limit; the server's own value is used from page 2 on
FINAL = ("Success", "Completed", "Fail")
FAILED = compare.status_key("Fail")
POLL_INTERVAL = 0.5
MAX_POLL_INTERVAL = 5.0
ACCOUNT = "AdminUser.account_information."

USER = Resource(
    noun="admin user",
    path=USERS_PATH,
    fields=dict(
        username=Field("str", api="hcsUname", required=True, max_length=1024),
        first_name=Field("str", api="AdminUser.first_name"),
        last_name=Field("str", api="AdminUser.last_name"),
        email=Field("str", api="AdminUser.email"),
        role=Field("str", api="AdminUser.role", required=True),
        language=Field("str", api="AdminUser.language", default="en-us"),
        set_language=Field("bool", api="AdminUser.set_language", default=False),
        password=Field("str", api="AdminUser.password", secret=True, min_length=8),
        account_information=Field("dict", api="AdminUser.account_information", fields=dict(
            disabled=Field("bool", default=False),
            locked=Field("bool", default=False),
            change_password_on_login=Field("bool", default=False),
            credential_policy=Field("str"),
            reason_for_disabled=Field("str"),
        )),
    ),
    natural_key=("username",),
    read_only=("pkid", "hierarchy_path", "hierarchy_friendly_name") + tuple(ACCOUNT + name for name in (
        "last_login_time", "password_last_change_time", "password_last_change_time_by_user",
        "failed_login_lock_date", "num_of_failed_login_attempts", "used_passwords")),
)


def error_in_body(data):
    """The message of a 2xx answer that says ``"success": false``."""
    if isinstance(data, dict) and data.get("success") is False:
        detail = dict((key, value) for key, value in data.items() if key != "success")
        return errors.server_message(detail) or "the server answered success: false"
    return None


def connect(module):
    """The ``connect`` that ``runner.execute`` calls: HTTP Basic with ``api.username``/``api.password``."""
    api = api_spec.resolve("voss", module)
    client = rest.from_module(module, basic_auth=(api["username"], api["password"]), error_in_body=error_in_body)
    return VossClient(client)


def last_part(href):
    """The last path part of an href (``/api/relation/X/<pkid>/?hierarchy=h`` -> ``<pkid>``)."""
    if not isinstance(href, str) or not href.strip():
        return None
    parts = [part for part in urlsplit(href.strip()).path.split("/") if part]
    return parts[-1] if parts else None


def parent_pkid(item):
    """The pkid of the hierarchy node an instance sits at (``meta.references.parent``, else ``meta.path[-2]``)."""
    meta = item.get("meta") or {}
    parents = (meta.get("references") or {}).get("parent") or []
    if parents and isinstance(parents[0], dict) and parents[0].get("pkid"):
        return parents[0]["pkid"]
    path = meta.get("path") or []
    return path[-2] if isinstance(path, list) and len(path) >= 2 else None


def at_node(item, hierarchy):
    """Whether a list item's own node is ``hierarchy`` (a dotted path or a node pkid)."""
    data = item.get("data") or {}
    return data.get("hierarchy_path") == hierarchy or parent_pkid(item) == hierarchy


def summary_view(item):
    """A list item as returned by the modules: its data, with the instance pkid."""
    return dict(item.get("data") or {}, pkid=item.get("pkid"))


def full_view(record, hierarchy_path=None):
    """A ``GET /[pkid]/`` answer as an API object: its data, the instance pkid and hierarchy path."""
    view = copy.deepcopy(record.get("data") or {})
    view["pkid"] = record.get("pkid")
    path = hierarchy_path or (record.get("meta") or {}).get("hierarchy_path")
    if path:
        view["hierarchy_path"] = path
    return view


def _reference(value, attrs):
    """A reference field (role, language) given as an object: the value of its name attribute."""
    if isinstance(value, dict):
        for attr in attrs:
            if value.get(attr):
                return value[attr]
    return value


class VossClient(object):
    """VOSS-4-UC calls over one ``rest.RestClient`` session (``rest``)."""

    def __init__(self, rest_client):
        self.rest = rest_client

    @staticmethod
    def params(hierarchy, **extra):
        params = dict(hierarchy=hierarchy, format="json")
        params.update(extra)
        return params

    @staticmethod
    def user_path(pkid):
        return "%s%s/" % (USERS_PATH, quote(str(pkid), safe=""))

    # --- reading ---------------------------------------------------------------------
    def list_page(self, hierarchy, skip, limit):
        """One list answer: ``(resources, pagination)``."""
        params = self.params(hierarchy, skip=skip, limit=limit, order_by="hcsUname", direction="asc")
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
        answer = self.rest.get(self.user_path(pkid), params=self.params(hierarchy), allow_status=(404,))
        return None if answer.status == 404 else answer.data

    def find_user(self, hierarchy, username):
        """The user ``username`` whose own node is ``hierarchy``, as an API object, or None.

        Users of that name at nodes below are never taken; two at the node itself fail.
        """
        items, _total = self.list_users(hierarchy)
        mine = [item for item in items if at_node(item, hierarchy)]
        found = compare.find_one(mine, {"username": username}, USER.fields, where="hierarchy %s" % hierarchy,
                                 id_of=lambda item: item.get("pkid"), view=lambda item: USER.to_options(item.get("data")),
                                 kind=compare.plural(USER.noun),
                                 pick="a username is unique at a node: remove the duplicate on the server")
        if found is None:
            return None
        record = self.get_user(hierarchy, found["pkid"])
        return None if record is None else full_view(record, (found.get("data") or {}).get("hierarchy_path"))

    def read_users(self, hierarchy, username=None, details=False):
        """``(users, total)`` for the info module.

        With ``username``: that user at the node itself (full record), total 0 or 1.
        Otherwise every user the server lists at ``hierarchy``, summaries or (``details``)
        full records, and the server's total.
        """
        if username is not None:
            found = self.find_user(hierarchy, username)
            users = [found] if found is not None else []
            return [USER.masked(user) for user in users], len(users)
        items, total = self.list_users(hierarchy)
        if not details:
            return [summary_view(item) for item in items], total
        users = []
        for item in items:
            record = self.get_user(hierarchy, item.get("pkid"))
            if record is not None:
                users.append(USER.masked(full_view(record, (item.get("data") or {}).get("hierarchy_path"))))
        return users, total

    def reference_name(self, hierarchy, value, attrs):
        """A role or language read back as an href or an object: its name (the form a write takes)."""
        value = _reference(value, attrs)
        if isinstance(value, str) and value.startswith("/api/data/"):
            answer = self.rest.get(urlsplit(value).path, params=self.params(hierarchy), allow_status=(404,))
            data = (answer.data or {}).get("data") if isinstance(answer.data, dict) else None
            if answer.status != 404 and isinstance(data, dict):
                return _reference(data, attrs)
        return value

    # --- writing ---------------------------------------------------------------------
    def write(self, method, path, hierarchy, timeout, what, json=None, allow_status=()):
        """Send a write with ``nowait=true`` and follow its transaction to the end.

        Returns ``(answer data, transaction id or None, final transaction or None)``. A
        server that answers synchronously (or with a status in ``allow_status``) ends here at once.
        """
        answer = self.rest.request(method, path, params=self.params(hierarchy, nowait="true"), json=json,
                                   allow_status=allow_status)
        data = answer.data if isinstance(answer.data, dict) else {}
        tx_id = data.get("transaction_id") or (last_part(data.get("href"))
                                               if "/tool/Transaction/" in str(data.get("href")) else None)
        if not tx_id:
            return data, None, None
        return data, str(tx_id), self.wait_transaction(hierarchy, str(tx_id), timeout, what)

    def wait_transaction(self, hierarchy, tx_id, timeout, what):
        """Poll ``tool/Transaction/<id>`` to ``Success``/``Completed``; ``Fail`` raises with its message."""
        path = "%s%s/" % (TRANSACTION_PATH, quote(tx_id, safe=""))
        label = "VOSS transaction %s (%s)" % (tx_id, what)
        try:
            with self.rest.bounded(timeout):  # the deadline bounds the HTTP layer's retries too
                state = waiting.wait_until_final(lambda: self.rest.get(path, params=self.params(hierarchy)).data,
                                                 transaction_status, FINAL, label, timeout,
                                                 interval=POLL_INTERVAL, max_interval=MAX_POLL_INTERVAL).state
        except errors.WaitTimeout as exc:
            exc.details.pop("state", None)
            exc.details["transaction_id"] = tx_id
            exc.message += ("; it is still pending, so the write may still complete on the server "
                            "(see transaction %s before running the task again)" % tx_id)
            raise
        if compare.status_key(transaction_status(state)) == FAILED:
            raise errors.NcmError("%s failed: %s" % (label, transaction_message(state)),
                                  transaction_id=tx_id, status=transaction_status(state))
        return state

    def create_user(self, hierarchy, body, timeout):
        """POST a new user; return ``(the created user as an API object, transaction id)``."""
        what = "create admin user %s" % body.get("hcsUname")
        data, tx_id, tx = self.write("POST", USERS_PATH, hierarchy, timeout, what, json=body)
        pkid = created_pkid(tx) if tx is not None else data.get("pkid") or last_part((data.get("meta") or {}).get("uri"))
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
        _data, tx_id, _tx = self.write("PUT", path, hierarchy, timeout, "modify admin user %s" % body.get("hcsUname"),
                                       json=body)
        record = self.get_user(hierarchy, current["pkid"])
        if record is None:
            raise errors.ResponseFormatError("PUT %s succeeded but the user could not be read back" % path,
                                             method="PUT", path=path, transaction_id=tx_id)
        return full_view(record, current.get("hierarchy_path")), tx_id

    def delete_user(self, hierarchy, current, timeout):
        """DELETE one user; return the transaction id (None for a synchronous answer).

        A user that is already gone counts as deleted (as an Infraon object does): the DELETE
        answered 404, or its transaction failed and the user is no longer there (another run
        deleted it at the same time).
        """
        path = self.user_path(current["pkid"])
        try:
            return self.write("DELETE", path, hierarchy, timeout, "delete admin user %s" % current.get("hcsUname"),
                              allow_status=(404,))[1]
        except errors.NcmError as exc:
            tx_id = exc.details.get("transaction_id")
            if not tx_id or compare.status_key(exc.details.get("status")) != FAILED:
                raise
            if self.get_user(hierarchy, current["pkid"]) is not None:
                raise
            return tx_id


def transaction_status(state):
    data = state.get("data") if isinstance(state, dict) and isinstance(state.get("data"), dict) else state
    return data.get("status") if isinstance(data, dict) else None


def transaction_message(state):
    """A failed transaction's own message: ``data.message``, else ``data.error`` (or ``detail``)."""
    data = (state or {}).get("data") or {}
    for key in ("message", "error", "detail"):
        value = data.get(key)
        if value:
            return value if isinstance(value, str) else errors.server_message(value)
    return "the transaction gives no message"


def created_pkid(state):
    """The pkid of the instance a transaction created: the last part of its resource href."""
    resource = ((state or {}).get("data") or {}).get("resource") or {}
    for key in ("current_state", "after_transaction"):
        pkid = last_part(resource.get(key))
        if pkid:
            return pkid
    return None
