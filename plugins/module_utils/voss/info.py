# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Reading admin users for ``hcs_admin_user_info``: one by username, or the users at a node."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ncm.platforms.plugins.module_utils.voss.resources import USER
from ansible_collections.ncm.platforms.plugins.module_utils.voss.views import full_view, summary_view


def read_users(client, hierarchy, username=None, details=False):
    """``(users, total)`` for the info module.

    With ``username``: that user at the node itself (full record), total 0 or 1.
    Otherwise every user the server lists at ``hierarchy``, summaries or (``details``)
    full records (``client.full_records``: the export, else one GET each), and the server's total.
    """
    if username is not None:
        found = client.find_user(hierarchy, username)
        users = [found] if found is not None else []
        return [USER.api_result(user) for user in users], len(users)
    items, total = client.list_users(hierarchy)
    if not details:
        return [summary_view(item) for item in items], total
    users = [USER.api_result(full_view(record, (item.get("data") or {}).get("hierarchy_path")))
             for item, record in client.full_records(hierarchy, items) if record is not None]
    return users, total
