# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""SteelCentral default catalogue (features, site types, sites, appliances) and seed checks.

Every collection can be emptied and re-filled through the admin API
(``POST /_emulator/reset {"vendor": "scc"}``, ``POST /_emulator/seed``); the objects below
are what a reset puts back.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

FEATURES = [
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

SITE_TYPES = [
    {"id": 1, "name": "Headquarters"},
    {"id": 2, "name": "Data Center"},
    {"id": 3, "name": "Branch"},
]

SITES = [
    {"id": 1, "name": "HQ-London", "site_type_id": 1},
    {"id": 2, "name": "DC-Frankfurt", "site_type_id": 2},
    {"id": 3, "name": "Branch-Paris", "site_type_id": 3},
    {"id": 4, "name": "Branch-Madrid", "site_type_id": 3},
]

APPLIANCES = [
    {"serialnum": "XN10H0001A01", "name": "hq-london-sh1", "model": "SteelHead SD 3100", "site_id": 1},
    {"serialnum": "XN10H0001A02", "name": "hq-london-sh2", "model": "SteelHead SD 3100", "site_id": 1},
    {"serialnum": "XN20D0002A01", "name": "dc-frankfurt-sh1", "model": "SteelHead SD 5100", "site_id": 2},
    {"serialnum": "XN20D0002A02", "name": "dc-frankfurt-sh2", "model": "SteelHead SD 5100", "site_id": 2},
    {"serialnum": "XN30B0003A01", "name": "branch-paris-sh1", "model": "SteelHead SD 1030", "site_id": 3},
    {"serialnum": "XN30B0004A01", "name": "branch-madrid-sh1", "model": "SteelHead SD 1030", "site_id": 4},
]


def _is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def next_int_id(objects):
    """One more than the largest integer id among ``objects`` (1 for none)."""
    ids = [obj["id"] for obj in objects if _is_int(obj.get("id"))]
    return max(ids) + 1 if ids else 1


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
    del existing
    serial = _require_str(obj, "serialnum", "scc_appliances")
    obj["id"] = serial
    if not _is_int(obj.get("site_id")):
        raise ValueError("scc_appliances: site_id is required (an integer)")
    obj.setdefault("name", serial.lower())
    obj.setdefault("model", "SteelHead")
    return obj
