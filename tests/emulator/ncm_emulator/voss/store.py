# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""VOSS collections, and the users a hierarchy node sees."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from .errors import VossError

NODES = "voss_hierarchy"
ROLES = "voss_roles"
USERS = "voss_users"
TRANSACTIONS = "voss_transactions"


def role_names(emu):
    return set(role["id"] for role in emu.list_objects(ROLES))


def users_in_scope(emu, tree, scope, local=False):
    """The users at ``scope`` and (unless ``local``) below it, in store order."""
    return [user for user in emu.collection(USERS).values() if tree.in_scope(user["hierarchy"], scope, local)]


def user_in_scope(emu, tree, scope, pkid):
    """The user of this pkid if ``scope`` sees it; else 404."""
    user = emu.get_object(USERS, pkid)
    if user is None or not tree.in_scope(user["hierarchy"], scope):
        raise VossError(404, "HcsAdminUserREL %s not found at hierarchy %s." % (pkid, scope["path"]))
    return user
