# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""SteelCentral default catalogue (features, site types, sites, appliances), seed and reset hooks.

Every collection can be emptied and re-filled through the admin API
(``POST /_emulator/reset {"vendor": "scc"}``, ``POST /_emulator/seed``); the objects below
are what a reset puts back.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from . import inventory, store
from .job_request import JobError
from .store import APPLIANCES, COLLECTIONS, FEATURES, JOBS, SITE_TYPES, SITES, TOKENS, next_int_id

DEFAULT_FEATURES = [
    {"id": 1, "name": "snmp", "pretty_name": "SNMP", "push_enable": True,
     "description": "SNMP communities, trap receivers, contact and location."},
    {"id": 2, "name": "ntp", "pretty_name": "NTP", "push_enable": True,
     "description": "Network time servers and authentication keys."},
    {"id": 3, "name": "dns", "pretty_name": "DNS", "push_enable": True,
     "description": "DNS name servers and domain search list."},
    {"id": 4, "name": "qos", "pretty_name": "Quality of Service", "push_enable": True,
     "description": "QoS classes, shaping and marking rules."},
    {"id": 5, "name": "path_selection", "pretty_name": "Path Selection", "push_enable": True,
     "description": "Path selection rules over the WAN uplinks."},
    {"id": 6, "name": "syslog", "pretty_name": "Syslog", "push_enable": False,
     "description": "Remote syslog servers and levels (not pushable from the controller)."},
]

DEFAULT_SITE_TYPES = [
    {"id": 1, "name": "Headquarters"},
    {"id": 2, "name": "Data Center"},
    {"id": 3, "name": "Branch"},
]

DEFAULT_SITES = [
    {"id": 1, "name": "HQ-London", "site_type_id": 1},
    {"id": 2, "name": "DC-Frankfurt", "site_type_id": 2},
    {"id": 3, "name": "Branch-Paris", "site_type_id": 3},
    {"id": 4, "name": "Branch-Madrid", "site_type_id": 3},
]

# The appliances push jobs target, with what the appliance inventory service
# (``cmc.appliance_inventory``, see ``inventory.py``) shows of them.
DEFAULT_APPLIANCES = [
    {"serialnum": "XN10H0001A01", "name": "hq-london-sh1", "model": "SteelHead SD 3100", "site_id": 1,
     "product_code": "SH", "auto_detected_address": "10.1.0.11"},
    {"serialnum": "XN10H0001A02", "name": "hq-london-sh2", "model": "SteelHead SD 3100", "site_id": 1,
     "product_code": "SH", "auto_detected_address": "10.1.0.12"},
    {"serialnum": "XN20D0002A01", "name": "dc-frankfurt-sh1", "model": "SteelHead SD 5100", "site_id": 2,
     "product_code": "EX", "auto_detected_address": "10.2.0.11", "time_zone": "Europe/Berlin"},
    {"serialnum": "XN20D0002A02", "name": "dc-frankfurt-sh2", "model": "SteelHead SD 5100", "site_id": 2,
     "product_code": "EX", "auto_detected_address": "10.2.0.12", "override_address": "dc-fra-sh2.example.net",
     "time_zone": "Europe/Berlin", "health": "degraded"},
    {"serialnum": "XN30B0003A01", "name": "branch-paris-sh1", "model": "SteelHead SD 1030", "site_id": 3,
     "product_code": "SH", "auto_detected_address": "10.3.0.11", "time_zone": "Europe/Paris"},
    {"serialnum": "XN30B0004A01", "name": "branch-madrid-sh1", "model": "SteelHead SD 1030", "site_id": 4,
     "product_code": "SH", "auto_detected_address": "10.4.0.11", "time_zone": "Europe/Madrid",
     "health": "critical", "state": "read_only"},
]


def _is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def _require_str(obj, key, what):
    value = obj.get(key)
    if not isinstance(value, str) or not value:
        raise ValueError("%s: %s is required (a non-empty string)" % (what, key))
    return value


def _int_id(obj, existing, what):
    if obj.get("id") is None:
        obj["id"] = next_int_id(existing)
    if not _is_int(obj["id"]):
        raise ValueError("%s: id must be an integer" % what)
    return obj


def normalise_feature(obj, existing):
    """A seeded feature: ``name`` required; ``id`` defaults to the next free one."""
    _int_id(obj, existing, "scc_features")
    name = _require_str(obj, "name", "scc_features")
    obj.setdefault("pretty_name", name.replace("_", " ").title())
    obj.setdefault("description", "")
    push = obj.setdefault("push_enable", True)
    if not isinstance(push, bool):
        raise ValueError("scc_features: push_enable must be a boolean")
    return obj


def normalise_site_type(obj, existing):
    _int_id(obj, existing, "scc_site_types")
    _require_str(obj, "name", "scc_site_types")
    return obj


def normalise_site(obj, existing):
    _int_id(obj, existing, "scc_sites")
    _require_str(obj, "name", "scc_sites")
    if not _is_int(obj.get("site_type_id")):
        raise ValueError("scc_sites: site_type_id is required (an integer)")
    return obj


def normalise_appliance(obj, existing):
    """A seeded appliance: ``serialnum`` and ``site_id`` required; the inventory fields
    (``inventory.normalise``) get their defaults; ``name`` null or empty: no hostname."""
    serial = _require_str(obj, "serialnum", "scc_appliances")
    obj["id"] = serial
    if not _is_int(obj.get("site_id")):
        raise ValueError("scc_appliances: site_id is required (an integer)")
    obj.setdefault("name", serial.lower())
    obj.setdefault("model", "SteelHead")
    return inventory.normalise(obj, existing)


def _seed_job(emu, obj):
    """A seeded job: a POST body, plus optional ``creation_time`` (epoch seconds, default
    now), ``script`` (default the switch), ``id`` and ``canceled_at``."""
    created = obj.pop("creation_time", None)
    if created is None:
        created = store.epoch(emu)
    script = obj.pop("script", None) or copy.deepcopy(emu.switch("scc_push_script"))
    try:
        job = store.new_job(emu, obj, created, script, obj.get("id"))
    except JobError as exc:
        raise ValueError("scc_jobs: %s" % exc.text)
    if obj.get("canceled_at") is not None:
        job["canceled_at"] = float(obj["canceled_at"])
    return job


def _seed_token(emu, obj):
    del emu  # a token is checked alone
    if not isinstance(obj.get("id"), str) or not isinstance(obj.get("expires"), (int, float)):
        raise ValueError("scc_tokens: expected {\"id\": token, \"expires\": epoch seconds}")
    return obj


def _catalogue_item(collection, normalise):
    def seed_item(emu, obj):
        return normalise(obj, emu.list_objects(collection))
    return seed_item


# collection -> fn(emu, obj) -> the object to store
SEEDERS = {
    FEATURES: _catalogue_item(FEATURES, normalise_feature),
    SITE_TYPES: _catalogue_item(SITE_TYPES, normalise_site_type),
    SITES: _catalogue_item(SITES, normalise_site),
    APPLIANCES: _catalogue_item(APPLIANCES, normalise_appliance),
    JOBS: _seed_job,
    TOKENS: _seed_token,
}
DEFAULTS = ((FEATURES, DEFAULT_FEATURES), (SITE_TYPES, DEFAULT_SITE_TYPES), (SITES, DEFAULT_SITES),
            (APPLIANCES, DEFAULT_APPLIANCES))


def reset(emu):
    """Put the default catalogue back (unless config ``scc.defaults`` is false), then the
    objects of config ``scc.seed`` (``{collection: [objects]}``); jobs and tokens start empty."""
    config = emu.config["scc"]
    if config.get("defaults", True):
        for collection, objects in DEFAULTS:
            for obj in objects:
                emu.put_object(collection, emu.seeded(collection, copy.deepcopy(obj)))
    for collection in COLLECTIONS:
        objects = (config.get("seed") or {}).get(collection)
        if objects:
            emu.seed(collection, objects)
