# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""VOSS-4-UC ``relation/HcsAdminUserREL``: the checks of a create or update payload.

Nothing here talks HTTP: a rejected payload raises ``VossError`` (400).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import hashlib
import re

from .errors import VossError
from .schema import ACCOUNT_BOOLS, ACCOUNT_READ_ONLY, ACCOUNT_STRINGS, ADMIN_USER_STRINGS, DATA_IGNORED

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
ACCOUNT = "AdminUser.account_information"
ACCOUNT_KNOWN = ACCOUNT_BOOLS + ACCOUNT_STRINGS + ACCOUNT_READ_ONLY + ("security_questions", "num_of_failed_login_attempts")
ACCOUNT_KEPT = ("password_last_change_time", "password_last_change_time_by_user", "last_login_time")
ADMIN_USER_KNOWN = ("username", "role", "password", "set_language", "account_information") + ADMIN_USER_STRINGS


def hash_password(password):
    return hashlib.sha256(("ncm-emulator:" + password).encode("utf-8")).hexdigest()


def _string(value, field, max_length=None, required=False):
    if value is None or (value == "" and not required):
        if required:
            raise VossError(400, "%s is required." % field, field)
        return None
    if not isinstance(value, str):
        raise VossError(400, "%s must be a string." % field, field)
    if required and not value:
        raise VossError(400, "%s is required." % field, field)
    if max_length is not None and len(value) > max_length:
        raise VossError(400, "%s must be at most %d characters long." % (field, max_length), field)
    return value


def _bool(value, field):
    if value is None:
        return None
    if not isinstance(value, bool):
        raise VossError(400, "%s must be a boolean." % field, field)
    return value


def _failed_logins(attempts):
    if isinstance(attempts, bool) or not isinstance(attempts, int) or attempts < 0:
        raise VossError(400, "%s.num_of_failed_login_attempts must be a non-negative integer." % ACCOUNT, ACCOUNT)
    return attempts


def _security_questions(questions):
    if not isinstance(questions, list):
        raise VossError(400, "%s.security_questions must be a list." % ACCOUNT, ACCOUNT)
    for item in questions:
        if not isinstance(item, dict):
            raise VossError(400, "%s.security_questions items must be objects." % ACCOUNT, ACCOUNT)
        for part in ("question", "answer"):
            _string(item.get(part), "%s.security_questions.%s" % (ACCOUNT, part), 128, required=True)
    return [{"question": q["question"], "answer": q["answer"]} for q in questions]


# optional account keys checked on their own: key -> fn(value) -> stored value
ACCOUNT_CHECKS = (
    ("num_of_failed_login_attempts", _failed_logins),
    ("security_questions", _security_questions),
)


def _account_values(info):
    """The checked writable values of an ``account_information`` object."""
    out = {}
    for key in ACCOUNT_BOOLS:
        value = _bool(info.get(key), "%s.%s" % (ACCOUNT, key))
        out[key] = False if value is None else value
    for key in ACCOUNT_STRINGS:
        value = _string(info.get(key), "%s.%s" % (ACCOUNT, key))
        if value is not None:
            out[key] = value
    for key, check in ACCOUNT_CHECKS:
        if info.get(key) is not None:
            out[key] = check(info[key])
    return out


def _account(info, old):
    """Writable account information merged with the read-only fields already stored."""
    if info is None:
        info = {}
    if not isinstance(info, dict):
        raise VossError(400, "%s must be an object." % ACCOUNT, ACCOUNT)
    unknown = sorted(key for key in info if key not in ACCOUNT_KNOWN)
    if unknown:
        raise VossError(400, "Unknown field(s) in %s: %s." % (ACCOUNT, ", ".join(unknown)), ACCOUNT)
    out = _account_values(info)
    for key in ACCOUNT_KEPT:
        if old.get(key):
            out[key] = old[key]
    return out


def _admin_user_object(data):
    """The ``AdminUser`` object of a payload: required, an object, with known keys only."""
    admin = data.get("AdminUser")
    if admin is None:
        raise VossError(400, "AdminUser is required.", "AdminUser")
    if not isinstance(admin, dict):
        raise VossError(400, "AdminUser must be an object.", "AdminUser")
    unknown = sorted(key for key in admin if key not in ADMIN_USER_KNOWN)
    if unknown:
        raise VossError(400, "Unknown field(s) in AdminUser: %s." % ", ".join(unknown), "AdminUser." + unknown[0])
    return admin


def _profile(admin, roles):
    """Username, names, email, role and language of an ``AdminUser``."""
    out = {"username": _string(admin.get("username"), "AdminUser.username", required=True)}
    for key in ("first_name", "last_name", "email"):
        value = _string(admin.get(key), "AdminUser." + key)
        if value is not None:
            out[key] = value
    if out.get("email") and not EMAIL_RE.match(out["email"]):
        raise VossError(400, "AdminUser.email %r is not a valid email address." % out["email"], "AdminUser.email")
    role = _string(admin.get("role"), "AdminUser.role", required=True)
    if role not in roles:
        raise VossError(400, "AdminUser.role %r is not a known role; choices: %s." % (role, ", ".join(sorted(roles))), "AdminUser.role")
    out["role"] = role
    out["language"] = _string(admin.get("language"), "AdminUser.language") or "en-us"
    set_language = _bool(admin.get("set_language"), "AdminUser.set_language")
    out["set_language"] = False if set_language is None else set_language
    return out


def _password_hash(password, old_hash):
    """The hash to store: of the new password, or (none given) the stored one."""
    if password is None:
        return old_hash
    if not isinstance(password, str) or len(password) < 8:
        raise VossError(400, "AdminUser.password must be at least 8 characters long.", "AdminUser.password")
    return hash_password(password)


def validate_data(data, roles, old=None, now_iso=None):
    """Check a create (``old`` None) or whole-object update payload.

    Returns the stored form ``{"hcsUname", "AdminUser", "password_hash"}``; on update a
    missing password keeps the stored one.
    """
    if not isinstance(data, dict):
        raise VossError(400, "The request body must be a JSON object with AdminUser and hcsUname.")
    unknown = sorted(key for key in data if key not in ("AdminUser", "hcsUname") + DATA_IGNORED)
    if unknown:
        raise VossError(400, "Unknown field(s): %s." % ", ".join(unknown), unknown[0])
    name = _string(data.get("hcsUname"), "hcsUname", 1024, required=True)
    admin = _admin_user_object(data)
    out = _profile(admin, roles)
    old = old or {}
    account = _account(admin.get("account_information"), old.get("AdminUser", {}).get("account_information", {}))
    password_hash = _password_hash(admin.get("password"), old.get("password_hash"))
    if admin.get("password") is not None and now_iso:
        account["password_last_change_time"] = now_iso
    out["account_information"] = account
    return {"hcsUname": name, "AdminUser": out, "password_hash": password_hash}


def find_conflict(users, node_id, name, exclude=None):
    """The pkid of another user with this hcsUname at this node, or None."""
    for user in users:
        if user["hierarchy"] == node_id and user["hcsUname"] == name and user["id"] != exclude:
            return user["id"]
    return None
