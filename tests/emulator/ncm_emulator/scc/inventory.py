# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The appliance inventory service ``cmc.appliance_inventory`` 1.0, as Riverbed's public
service definition describes it (``steelscript-scc``, ``servicedef/cmc.appliance_inventory.yml``):
the fields of an appliance, its full and brief forms, the list filters.

The appliances are those of the ``scc_appliances`` collection, the ones push jobs target:
``serialnum`` is the ``serial``, ``name`` the ``hostname``; the inventory fields are stored
beside them (``normalise``).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import ipaddress
import uuid

BASE = "/api/cmc.appliance_inventory/1.0"
PRODUCT_CODES = ("SH", "EX", "IC", "SMC", "GC", "sh", "ex", "ib", "dva", "gw")
HEALTH = ("critical", "degraded", "normal", "unknown")
STATES = ("blacklisted", "administratively_down", "read_only", "managed")
# The list filters the definition declares; a server ignores any other query parameter.
FILTERS = ("serial", "uuid", "health")
BRIEF = ("id", "serial", "uuid", "model", "product_code", "hostname", "address", "health")
VERSION = {"version_id": "9.14.2-b38", "version_number": "9.14.2", "build_number": "38",
           "build_timestamp": "2025-06-12 10:14:00"}


def _choice(obj, key, allowed, default):
    value = obj.setdefault(key, default)
    if value not in allowed:
        raise ValueError("scc_appliances: %s must be one of %s" % (key, ", ".join(allowed)))


def normalise(obj, existing):
    """An appliance's inventory fields with their defaults: ``appliance_id`` (the inventory's
    integer id: the next free one), ``product_code`` (SH), ``health`` (normal), ``state``
    (managed), ``uuid`` (derived from the serial), ``auto_detected_address``,
    ``override_address`` (null), ``time_zone`` (Europe/London), ``version``, ``arch``."""
    if obj.get("appliance_id") is None:
        ids = [item.get("appliance_id") for item in existing if item.get("id") != obj["id"]]
        obj["appliance_id"] = max([i for i in ids if isinstance(i, int)] or [0]) + 1
    _choice(obj, "product_code", PRODUCT_CODES, "SH")
    _choice(obj, "health", HEALTH, "normal")
    _choice(obj, "state", STATES, "managed")
    obj.setdefault("uuid", str(uuid.uuid5(uuid.NAMESPACE_DNS, obj["serialnum"].lower() + ".appliances.example")))
    obj.setdefault("auto_detected_address", None)
    obj.setdefault("override_address", None)
    obj.setdefault("time_zone", "Europe/London")
    obj.setdefault("version", dict(VERSION))
    obj.setdefault("arch", "x86_64")
    return obj


def _interfaces(address):
    try:
        ipaddress.IPv4Address(address or "")
    except ValueError:
        return []
    return [{"name": "primary", "enabled": True, "ip_addr": address, "mask_len": 24}]


def render(obj):
    """The full form of an appliance (``#/resources/appliance``)."""
    address = obj.get("override_address") or obj.get("auto_detected_address")
    return {
        "id": obj["appliance_id"], "serial": obj["serialnum"], "uuid": obj["uuid"], "model": obj.get("model"),
        "product_code": obj["product_code"], "arch": obj["arch"], "version": obj["version"],
        "hostname": obj.get("name") or None, "address": address,
        "auto_detected_address": obj.get("auto_detected_address"), "override_address": obj.get("override_address"),
        "time_zone": obj["time_zone"], "state": obj["state"], "health": obj["health"],
        "connectivity": {"mode": "full" if obj["state"] == "managed" else "heartbeat_only",
                         "ocs_connected": obj["health"] != "critical", "gcl_connected": True},
        "interfaces": _interfaces(obj.get("auto_detected_address")),
    }


def brief(obj):
    """The brief form (``#/resources/brief_appliances`` items): the keys of ``BRIEF`` only."""
    full = render(obj)
    return dict((key, full[key]) for key in BRIEF)


def bad_filter(args):
    """``(parameter, text)`` of a declared filter whose value its type refuses, or None.
    Only ``health`` has a type narrower than a string (its enum)."""
    health = args.get("health")
    if health is not None and health not in HEALTH:
        return "health", "health must be one of %s (got %r)." % (", ".join(HEALTH), health)
    return None


def selected(appliances, args):
    """The appliances every declared filter in ``args`` matches (exact); others are ignored."""
    wanted = dict((key, args.get(key)) for key in FILTERS if args.get(key) is not None)
    keys = {"serial": "serialnum", "uuid": "uuid", "health": "health"}
    return [obj for obj in appliances if all(obj.get(keys[key]) == value for key, value in wanted.items())]


def change_health_after_read(emu):
    """Switch ``scc_health_after_read`` (``{serial: health}``): once an inventory read has been
    answered, those appliances take that health; the switch then goes back to ``{}``."""
    changes = emu.switch("scc_health_after_read") or {}
    if not changes:
        return
    for obj in emu.list_objects("scc_appliances"):
        if obj["serialnum"] in changes and changes[obj["serialnum"]] in HEALTH:
            obj["health"] = changes[obj["serialnum"]]
    emu.switches["scc_health_after_read"] = {}
    emu.mark_dirty()
