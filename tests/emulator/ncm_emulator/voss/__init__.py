# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""VOSS-4-UC (Cisco HCS): ``relation/HcsAdminUserREL`` and ``tool/Transaction``.

Paths (see ``seeds/voss-hcs-admin-user-rel.txt`` and API-NOTES section 3), all under
``/api/relation/HcsAdminUserREL``:

- ``GET /`` list (``skip``, ``limit`` capped at ``maximum_limit`` 2000, default 50 (switches
  ``voss_maximum_limit``, ``voss_default_limit``),
  ``order_by`` hcsUname | hierarchy_friendly_name | hierarchy_path, ``direction`` asc | desc,
  ``traversal``); ``POST /`` create; ``DELETE /`` bulk delete ``{"hrefs": [...]}`` (switches
  ``voss_bulk_delete_refuse``, ``voss_bulk_max_hrefs``, ``voss_bulk_fail_users``);
- ``GET /add/`` the add form; ``POST /export/`` (``export_format`` json | raw_xlsx | xlsx,
  body ``{"hrefs": [...], "export_format": ...}``, none = every instance in scope; switch
  ``voss_export_refuse``);
  ``POST /export_bulkload_template/``; ``GET /help``;
- ``GET|PUT|DELETE /[pkid]/``; ``GET /[pkid]/export/``; ``GET /[pkid]/help``;
- ``GET /api/tool/Transaction/[id]/`` and ``.../poll/``.

Every request needs HTTP Basic (config section ``voss``: ``username``, ``password``) and,
except the transaction paths, ``hierarchy`` (a node pkid or a dotted path); ``format`` may
only be ``json``. Scope (decided, following the seed, whose list at a parent shows users
of the child customer too): a list, get, update or delete at a hierarchy sees the users of
that node and of every node below it; ``traversal=local`` (or switch ``voss_list_scope``
``node``) limits a list to the node itself.
A create puts the user at the given node; ``hcsUname`` is unique per node.

Errors: ``{"success": false, "code": N, "http_code": N, "message": "...", "field": "..."}``
(switch ``voss_error_key``: the message under ``error`` or ``detail`` instead, or as
``errors: [{"message", "field"}]``)
with 400 (validation, bad parameters), 401, 404 (unknown hierarchy, pkid or transaction),
409 (duplicate ``hcsUname``). Writes: see ``transactions``.
"""


from __future__ import absolute_import, division, print_function

__metaclass__ = type

from .. import core
from .errors import ERROR_KEYS, http_error
from .routes import bp
from .schema import DEFAULT_LIMIT, MAXIMUM_LIMIT
from .seed import SEEDERS, reset
from .store import NODES, ROLES, TRANSACTIONS, USERS

VENDOR = core.Vendor(
    name="voss",
    blueprint=bp,
    collections=(NODES, ROLES, USERS, TRANSACTIONS),
    switches={
        "voss_transaction_seconds": 1.0,
        "voss_final_status_word": "Success",
        "voss_fail_transactions": 0,
        "voss_fail_message": "Transaction failed (emulated): the device rejected the change.",
        "voss_href_style": "plain",
        "voss_nowait": "transaction",
        "voss_sync_create_status": 200,
        "voss_tx_message_key": "message",
        "voss_error_key": "message",
        "voss_maximum_limit": MAXIMUM_LIMIT,
        "voss_default_limit": DEFAULT_LIMIT,
        "voss_list_scope": "subtree",
        "voss_queued_polls": 0,
        "voss_in_progress_polls": 0,
        "voss_bulk_delete_refuse": 0,
        "voss_bulk_max_hrefs": 0,
        "voss_bulk_fail_users": [],
        "voss_export_refuse": 0,
    },
    choices={
        "voss_final_status_word": ("Success", "Completed"),
        "voss_href_style": ("plain", "slash_query"),
        "voss_nowait": ("transaction", "sync"),
        "voss_sync_create_status": (200, 201),
        "voss_tx_message_key": ("message", "error"),
        "voss_error_key": ERROR_KEYS,
        "voss_list_scope": ("subtree", "node"),
        "voss_bulk_delete_refuse": (0, 400, 405),
        "voss_export_refuse": (0, 400, 403, 405),
    },
    config_defaults={"username": "hcsadmin@sys.hcs", "password": "emulator-password", "defaults": True, "seed": {}},
    reset=reset,
    seeders=SEEDERS,
    prefixes=("/api/relation/", "/api/tool/", "/api/data/"),
    http_error=http_error,
)
