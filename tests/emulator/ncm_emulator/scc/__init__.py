# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Riverbed SteelCentral Controller: ``cmc.configurator`` 1.0, ``cmc.appliance_inventory`` 1.0
and the common OAuth token.

Paths (see ``seeds/scc-cmc-configurator-jobs.txt`` and API-NOTES section 2):

- ``POST /api/common/1.0/oauth/token`` (form: ``grant_type=access_code``, ``assertion``,
  ``state``): the assertion is the access code itself or ``<b64url(header)>.<code>.``.
- ``GET|POST /api/cmc.configurator/1.0/jobs``, ``GET .../jobs/items/{id}``,
  ``POST .../jobs/items/{id}/cancel``, ``GET .../features``, ``GET .../features/items/{id}``.
- ``GET /api/cmc.appliance_inventory/1.0/appliances`` and ``.../brief_appliances``
  (``?serial=&uuid=&health=``), ``GET .../appliances/items/{id}`` (``inventory``).

Every ``cmc.configurator`` and ``cmc.appliance_inventory`` call needs ``Authorization:
Bearer <token>``, or HTTP Basic with the configured user while switch ``scc_allow_basic`` is true. Errors use the Riverbed
shape ``{"error_id", "error_text", "error_info"}``.

Switches: ``scc_token_lifetime`` (seconds, 3600), ``scc_allow_basic`` (true),
``scc_push_script`` (see ``jobs``), ``scc_expire_tokens`` (set it true and every token
issued so far counts as expired from the next SteelCentral request on; it then turns
itself back to false); the shape of job answers: ``scc_job_status_spelling`` (``camel``:
``InProgress``; ``upper``: ``IN_PROGRESS``), ``scc_job_optional_keys`` (``null`` | ``absent``),
``scc_job_unused_targets`` (``absent`` | ``null`` | ``empty``), ``scc_job_create_status``
(201 | 200); ``scc_health_after_read`` (``{serial: health}``: applied once the next
inventory read has been answered, then back to ``{}``). Admin action ``POST /_emulator/scc/revoke-tokens`` revokes every token issued so
far. Config section ``scc``: ``access_code``, ``username``, ``password``.
"""


from __future__ import absolute_import, division, print_function

__metaclass__ = type

from .. import core
from .errors import http_error
from .jobs import DEFAULT_SCRIPT
from .routes import bp
from .seed import SEEDERS, reset
from .store import COLLECTIONS

VENDOR = core.Vendor(
    name="scc",
    blueprint=bp,
    collections=COLLECTIONS,
    switches={
        "scc_token_lifetime": 3600,
        "scc_allow_basic": True,
        "scc_push_script": dict(DEFAULT_SCRIPT),
        "scc_expire_tokens": False,
        "scc_job_status_spelling": "camel",
        "scc_job_optional_keys": "null",
        "scc_job_unused_targets": "absent",
        "scc_job_create_status": 201,
        "scc_health_after_read": {},
    },
    choices={
        "scc_job_status_spelling": ("camel", "upper"),
        "scc_job_optional_keys": ("null", "absent"),
        "scc_job_unused_targets": ("absent", "null", "empty"),
        "scc_job_create_status": (201, 200),
    },
    config_defaults={"access_code": "emulator-access-code", "username": "admin", "password": "emulator-password",
                     "defaults": True, "seed": {}},
    reset=reset,
    seeders=SEEDERS,
    prefixes=("/api/cmc.configurator/", "/api/cmc.appliance_inventory/", "/api/common/"),
    http_error=http_error,
)
