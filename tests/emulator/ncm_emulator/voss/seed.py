# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""VOSS default hierarchy, roles and users (from the seed documents), seed and reset hooks."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from .errors import VossError
from .store import NODES, ROLES, USERS, role_names
from .transactions import iso
from .tree import Tree, normalise_node
from .validate import find_conflict, validate_data

DEFAULT_NODES = [
    {"id": "6t0ggef2c0deab00hb595101", "path": "sys", "type": "System"},
    {"id": "5dcc7ff74544b7001862482f", "path": "sys.hcs", "type": "Global"},
    {"id": "5dcd17c256b5de00189138f9", "path": "sys.hcs.CS-P", "type": "Provider"},
    {"id": "5dcd180233fc9b00189005b2", "path": "sys.hcs.CS-P.CS-NB", "type": "Reseller"},
    {"id": "5dcd1812e186e30018eb7023", "path": "sys.hcs.CS-P.CS-NB.AAAGlobal", "type": "Customer"},
    {"id": "5dcd1812e186e30018eb7031", "path": "sys.hcs.CS-P.CS-NB.AAAGlobal.AAA-HQ", "type": "Site"},
    {"id": "5dcd1830e186e30018eb7101", "path": "sys.hcs.CS-P.CS-NB.BBBCorp", "type": "Customer"},
]

DEFAULT_ROLES = [
    {"id": "ProviderAdminRole", "description": "Provider administrator"},
    {"id": "ResellerAdminRole", "description": "Reseller administrator"},
    {"id": "CustomerAdminRole", "description": "Customer administrator"},
    {"id": "SiteAdminRole", "description": "Site administrator"},
    {"id": "ReadOnlyAdminRole", "description": "Read-only administrator"},
    {"id": "AAAGlobalENTCustomerAdministrator", "description": "AAAGlobal enterprise customer administrator"},
]

DEFAULT_USERS = [
    {"id": "5dcd181956b5de0018913f3e", "data_pkid": "5dcd181956b5de0018913f3f", "hierarchy": "sys.hcs.CS-P.CS-NB.AAAGlobal",
     "hcsUname": "AAAGlobalAdmin",
     "AdminUser": {"username": "AAAGlobalAdmin", "language": "en-us", "set_language": True, "role": "AAAGlobalENTCustomerAdministrator",
                   "email": "aaaglobaladmin@aaaglobal.example",
                   "account_information": {"locked": False, "last_login_time": "2019-11-14T14:00:01.222Z", "disabled": False,
                                           "credential_policy": "AAAGlobal-CP", "change_password_on_login": False,
                                           "password_last_change_time": "2019-11-14T11:38:35.327Z"}},
     "password": "emulator-user-password"},
    {"id": "5dcd2cc2e186e30018ebbd91", "data_pkid": "5dcd2cc2e186e30018ebbd92", "hierarchy": "sys.hcs.CS-P.CS-NB.AAAGlobal",
     "hcsUname": "AAAGlobalENTCustomerAdminByResllerAdmin",
     "AdminUser": {"username": "AAAGlobalENTCustomerAdminByResllerAdmin", "language": "en-us", "set_language": False,
                   "role": "CustomerAdminRole", "email": "customer.admin@aaaglobal.example",
                   "account_information": {"locked": False, "disabled": False, "change_password_on_login": False}},
     "password": "emulator-user-password"},
    {"id": "5dcd180b4544b70018604f26", "data_pkid": "5dcd180b4544b70018604f27", "hierarchy": "sys.hcs.CS-P.CS-NB",
     "hcsUname": "CS-NBAdmin",
     "AdminUser": {"username": "CS-NBAdmin", "language": "en-us", "set_language": False, "role": "ResellerAdminRole",
                   "email": "admin@cs-nb.example", "first_name": "Reseller", "last_name": "Admin",
                   "account_information": {"locked": False, "disabled": False, "change_password_on_login": False}},
     "password": "emulator-user-password"},
]


def _seed_node(emu, obj):
    """``{"path": "sys.hcs.X", "type": "Customer"}`` (the parent must exist)."""
    obj = normalise_node(obj, Tree(emu.list_objects(NODES)))
    obj.setdefault("id", emu.new_id())
    return obj


def _seed_role(emu, obj):
    """``{"id": "RoleName"}`` (or ``name``)."""
    del emu  # a role is checked alone
    name = obj.get("id") or obj.get("name")
    if not isinstance(name, str) or not name:
        raise ValueError("voss_roles: a role needs a name (id)")
    obj["id"] = obj["name"] = name
    return obj


def _seed_user(emu, obj):
    """``{"hierarchy": pkid or path, "hcsUname", "AdminUser": {...}, "password"}``, validated
    like a create (``hcsUname`` defaults to the username)."""
    node = Tree(emu.list_objects(NODES)).resolve(obj.get("hierarchy"))
    if node is None:
        raise ValueError("voss_users: hierarchy %r is not a known node pkid or path" % (obj.get("hierarchy"),))
    admin = obj.get("AdminUser")
    if isinstance(admin, dict) and obj.get("password") is not None:
        admin = dict(admin, password=obj["password"])
    data = {"AdminUser": admin, "hcsUname": obj.get("hcsUname") or (admin or {}).get("username")}
    read_only = dict((admin or {}).get("account_information") or {}) if isinstance(admin, dict) else {}
    try:
        now_iso = None if read_only.get("password_last_change_time") else iso(emu.now().timestamp())
        stored = validate_data(data, role_names(emu), old={"AdminUser": {"account_information": read_only}}, now_iso=now_iso)
    except VossError as exc:
        raise ValueError("voss_users: %s" % exc.message)
    pkid = obj.get("id") or emu.new_id()
    if find_conflict(emu.collection(USERS).values(), node["id"], stored["hcsUname"], exclude=pkid) is not None:
        raise ValueError("voss_users: hcsUname %r already exists at %s" % (stored["hcsUname"], node["path"]))
    user = {"id": pkid, "data_pkid": obj.get("data_pkid") or emu.new_id(), "hierarchy": node["id"]}
    user.update(stored)
    return user


# collection -> fn(emu, obj) -> the object to store
SEEDERS = {NODES: _seed_node, ROLES: _seed_role, USERS: _seed_user}


def reset(emu):
    """Put the default hierarchy, roles and users back (the users only if config
    ``voss.defaults`` is true, the default), then the objects of config ``voss.seed``."""
    config = emu.config["voss"]
    defaults = [(NODES, DEFAULT_NODES), (ROLES, DEFAULT_ROLES)]
    if config.get("defaults", True):
        defaults.append((USERS, DEFAULT_USERS))
    for collection, objects in defaults:
        for obj in objects:
            emu.put_object(collection, emu.seeded(collection, copy.deepcopy(obj)))
    for collection in (NODES, ROLES, USERS):
        objects = (config.get("seed") or {}).get(collection)
        if objects:
            emu.seed(collection, objects)
