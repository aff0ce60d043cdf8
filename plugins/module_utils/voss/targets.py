# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The ``sync`` targets of VOSS admin users, over ``client.VossClient``: the users at one node
(``AdminUsers``, whose writes may run in parallel) and one of them (``AdminUser``)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from ansible_collections.ncm.platforms.plugins.module_utils import errors, parallel
from ansible_collections.ncm.platforms.plugins.module_utils.voss.client import BATCH, BULK_REFUSED, refused
from ansible_collections.ncm.platforms.plugins.module_utils.voss.resources import check_params
from ansible_collections.ncm.platforms.plugins.module_utils.voss.views import at_node, full_view, summary_view


def read_back_references(client, hierarchy, current, language=None):
    """Role and language of a user read back in the form a task gives them (names; the
    language in the case the task wrote it), so that no run stays changed. A reference read
    back as an href is resolved with a GET."""
    admin = current.get("AdminUser")
    if not isinstance(admin, dict):
        return
    for key, attrs in (("role", ("name", "title")), ("language", ("lcid", "name", "title"))):
        if key in admin:
            admin[key] = client.reference_name(hierarchy, admin[key], attrs)
    have = admin.get("language")
    if isinstance(language, str) and isinstance(have, str) and language.lower() == have.lower():
        admin["language"] = language


def with_username(body):
    """A create body with ``AdminUser.username`` (required) set to the ``hcsUname``."""
    body.setdefault("AdminUser", {}).setdefault("username", body.get("hcsUname"))
    return body


def predict(hierarchy, predicted):
    """A created user as the server would hold it: no password, ``AdminUser.username`` = ``hcsUname``."""
    user = copy.deepcopy(predicted)
    admin = user.setdefault("AdminUser", {})
    admin.pop("password", None)
    admin.setdefault("username", user.get("hcsUname"))
    if "." in hierarchy:
        user["hierarchy_path"] = hierarchy
    return user


class AdminUsers(object):
    """The many-objects target: the admin users at exactly the node ``hierarchy`` (never below).

    ``existing(config)`` reads the list once, and the full record of each listed user.
    Writes may run in parallel threads; each records its transaction id by username.
    """

    def __init__(self, client, hierarchy, timeout):
        self.client = client
        self.hierarchy = hierarchy
        self.timeout = timeout
        self.transactions = {}
        self.bulk_refused = False

    def existing(self, config, every=False):
        """The users at the node: the full record of each listed one (of each one, with
        ``every``: for the users a task returns or deletes), the list summary of the others.
        The full records come through ``client.full_records`` (the export, else one GET each)."""
        languages = dict((item["username"], item.get("language")) for item in config or [])
        mine = [item for item in self.client.list_users(self.hierarchy)[0] if at_node(item, self.hierarchy)]
        wanted = [item for item in mine if every or (item.get("data") or {}).get("hcsUname") in languages]
        records = dict((item.get("pkid"), record) for item, record in self.client.full_records(self.hierarchy, wanted))
        users = []
        for item in mine:
            data = item.get("data") or {}
            if item.get("pkid") not in records:
                users.append(summary_view(item))
            elif records[item.get("pkid")] is not None:
                user = full_view(records[item.get("pkid")], data.get("hierarchy_path"))
                read_back_references(self.client, self.hierarchy, user, languages.get(data.get("hcsUname")))
                users.append(user)
        return users

    def _followed(self, name, write):
        """Run ``write()`` (answering ``(object, transaction id)``) and record the id under
        ``name``; a transaction still pending at its timeout is recorded too."""
        try:
            answer, self.transactions[name] = write()
        except errors.NcmError as exc:
            if exc.details.get("transaction_id"):
                self.transactions[name] = exc.details["transaction_id"]
            raise
        return answer

    def create(self, body):
        return self._followed(body.get("hcsUname"), lambda: self.client.create_user(
            self.hierarchy, with_username(body), self.timeout))

    def update(self, current, body):
        return self._followed(current.get("hcsUname"), lambda: self.client.update_user(
            self.hierarchy, current, body, self.timeout))

    def delete(self, current):
        self._followed(current.get("hcsUname"), lambda: (None, self.client.delete_user(
            self.hierarchy, current, self.timeout)))

    def delete_many(self, pairs, max_in_flight):
        """Delete ``pairs`` (``(username, user)``) as bulk deletes of ``client.BATCH`` users, one
        transaction each; once the server refuses the bulk form (400/405), one DELETE per user,
        ``max_in_flight`` at once. Returns ``[(username, error)]``, the users not deleted."""
        failed = []
        for start in range(0, len(pairs), BATCH):
            batch = pairs[start:start + BATCH]
            failures = None if self.bulk_refused else self._delete_batch(batch)
            failed.extend(self._delete_each(batch, max_in_flight) if failures is None else failures)
        return failed

    def _delete_batch(self, batch):
        """One bulk delete; ``[(username, error)]`` of the users still there if it failed, None
        if the server refused the request as a whole (then the batch goes user by user).

        A request refused as a whole deleted nothing: the bulk form itself (400/405: never asked
        again), or one of its users (a 404: another run deleted it; one DELETE per user then
        counts that one as deleted, as it is). A bulk transaction may fail part way (the others
        deleted): the node is listed again, and the users of the batch still on it are the ones
        that failed, with its message.
        """
        try:
            tx_id = self.client.bulk_delete(self.hierarchy, [user for dummy, user in batch], self.timeout)
        except errors.NcmError as exc:
            tx_id = exc.details.get("transaction_id")
            if not tx_id and isinstance(exc, errors.ApiError):
                self.bulk_refused = self.bulk_refused or refused(exc, BULK_REFUSED)
                return None
            self.transactions.update((name, tx_id) for name, dummy in batch if tx_id)
            left = set(item.get("pkid") for item in self.client.list_users(self.hierarchy)[0])
            return [(name, exc) for name, user in batch if user.get("pkid") in left]
        self.transactions.update((name, tx_id) for name, dummy in batch)
        return []

    def _delete_each(self, pairs, max_in_flight):
        try:
            parallel.run_all([(name, _deleter(self, user)) for name, user in pairs], max_in_flight, keep_going=True)
        except errors.NcmError as exc:
            return exc.details["failed"]
        return []

    def predict(self, predicted):
        return predict(self.hierarchy, predicted)


def _deleter(target, user):
    return lambda: target.delete(user)


class AdminUser(AdminUsers):
    """The ``sync`` target of one admin user ``username`` at the node ``hierarchy``; ``extras``
    holds the id of the transaction of its write."""

    def __init__(self, client, params):
        check_params(params, "username")
        super(AdminUser, self).__init__(client, params["hierarchy"], params.get("transaction_timeout") or 300)
        self.username = params["username"]
        self.language = params.get("language")

    def find(self):
        current = self.client.find_user(self.hierarchy, self.username)
        if current is not None:
            read_back_references(self.client, self.hierarchy, current, self.language)
        return current

    @property
    def extras(self):
        return {"transaction_id": self.transactions.get(self.username)}
