# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The ``sync`` targets of VOSS admin users, over ``client.VossClient``: the users at one node
(``AdminUsers``, whose writes may run in parallel) and one of them (``AdminUser``)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from ansible_collections.ncm.platforms.plugins.module_utils import errors
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

    def existing(self, config, every=False):
        """The users at the node: the full record of each listed one (of each one, with
        ``every``: for the users a task returns or deletes), the list summary of the others."""
        languages = dict((item["username"], item.get("language")) for item in config or [])
        users = []
        for item in self.client.list_users(self.hierarchy)[0]:
            if not at_node(item, self.hierarchy):
                continue
            name = (item.get("data") or {}).get("hcsUname")
            if name not in languages and not every:
                users.append(summary_view(item))
                continue
            record = self.client.get_user(self.hierarchy, item.get("pkid"))
            if record is not None:
                user = full_view(record, (item.get("data") or {}).get("hierarchy_path"))
                read_back_references(self.client, self.hierarchy, user, languages.get(name))
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

    def predict(self, predicted):
        return predict(self.hierarchy, predicted)


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
