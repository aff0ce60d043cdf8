# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""SteelCentral authentication: OAuth tokens for an access code, HTTP Basic, revocation.

Every ``cmc.configurator`` call needs ``Authorization: Bearer <token>``, or HTTP Basic with
the configured user while switch ``scc_allow_basic`` is true. Switch ``scc_expire_tokens``
(set true) makes every token issued so far count as expired from the next SteelCentral
request on, then turns itself back to false.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import base64
import binascii
import json
import secrets

from flask import request

from ..context import answer
from .errors import error
from .store import TOKENS, epoch

REALM = 'realm="SteelCentral Controller"'


def expire_tokens_if_asked(emu, now):
    if emu.switch("scc_expire_tokens"):
        for token in emu.list_objects(TOKENS):
            token["expires"] = min(token["expires"], now - 1)
        emu.switches["scc_expire_tokens"] = False
        emu.mark_dirty()


def _unauthorized(emu, error_id, text):
    challenge = "Bearer " + REALM
    if emu.switch("scc_allow_basic"):
        challenge += ", Basic " + REALM
    return error(401, error_id, text, headers={"WWW-Authenticate": challenge})


def _bearer(emu, value, now):
    token = emu.get_object(TOKENS, value)
    if token is None:
        return _unauthorized(emu, "AUTH_INVALID_TOKEN", "The access token is not valid.")
    if token.get("revoked"):
        return _unauthorized(emu, "AUTH_INVALID_TOKEN", "The access token has been revoked.")
    if token["expires"] <= now:
        return _unauthorized(emu, "AUTH_EXPIRED_TOKEN", "The access token has expired.")
    return None


def _basic(emu, value):
    if not emu.switch("scc_allow_basic"):
        return _unauthorized(emu, "AUTH_BASIC_DISABLED", "HTTP Basic authentication is not allowed; use an OAuth access token.")
    try:
        user, _sep, password = base64.b64decode(value).decode("utf-8").partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return _unauthorized(emu, "AUTH_INVALID_CREDENTIALS", "Malformed Basic credentials.")
    config = emu.config["scc"]
    if user == config["username"] and password == config["password"]:
        return None
    return _unauthorized(emu, "AUTH_INVALID_CREDENTIALS", "Invalid username or password.")


def authenticate(emu):
    """None when the request may go on, else the 401 answer."""
    now = epoch(emu)
    expire_tokens_if_asked(emu, now)
    header = request.headers.get("Authorization", "")
    scheme, _sep, value = header.strip().partition(" ")
    scheme = scheme.lower()
    value = value.strip()
    if scheme == "bearer" and value:
        return _bearer(emu, value, now)
    if scheme == "basic" and value:
        return _basic(emu, value)
    return _unauthorized(emu, "AUTH_REQUIRED", "Authentication required: send a Bearer token.")


def code_from_assertion(assertion):
    """The access codes an assertion may carry: itself, or the middle of ``header.code.sig``."""
    parts = assertion.split(".")
    if len(parts) == 3:
        head = parts[0] + "=" * (-len(parts[0]) % 4)
        try:
            header = json.loads(base64.urlsafe_b64decode(head.encode("ascii")).decode("utf-8"))
        except (ValueError, binascii.Error, UnicodeError):
            header = None
        if isinstance(header, dict):
            return parts[1]
    return assertion


def _grant_error(form):
    """The 400/401 answer to a token request that does not grant a token, or None."""
    grant = form.get("grant_type")
    if not grant:
        return error(400, "INVALID_REQUEST", "grant_type is required (access_code).", {"parameter": "grant_type"})
    if grant != "access_code":
        return error(400, "UNSUPPORTED_GRANT_TYPE", "grant_type %r is not supported; use access_code." % grant,
                     {"parameter": "grant_type"})
    assertion = form.get("assertion")
    if not assertion:
        return error(400, "INVALID_REQUEST", "assertion (the access code) is required.", {"parameter": "assertion"})
    return None


def issue_token(emu, form):
    """The answer of ``POST .../oauth/token``: a new token for the access code (tokens
    expired for a day are forgotten), or the error."""
    now = epoch(emu)
    expire_tokens_if_asked(emu, now)
    refused = _grant_error(form)
    if refused is not None:
        return refused
    if code_from_assertion(form.get("assertion")) != emu.config["scc"]["access_code"]:
        return error(401, "AUTH_INVALID_CODE", "The access code is not valid.")
    for old in emu.list_objects(TOKENS):
        if old["expires"] < now - 86400:
            emu.delete_object(TOKENS, old["id"])
    lifetime = emu.switch("scc_token_lifetime")
    token = secrets.token_urlsafe(32)
    emu.put_object(TOKENS, {"id": token, "issued": now, "expires": now + lifetime})
    granted = {"access_token": token, "token_type": "bearer", "expires_in": int(lifetime)}
    if "state" in form:
        granted["state"] = form.get("state")
    return answer(granted)


def revoke_tokens(emu):
    """Revoke every token issued so far; the number of them that were still valid."""
    now = epoch(emu)
    count = 0
    for token in emu.list_objects(TOKENS):
        if not token.get("revoked"):
            if token["expires"] > now:
                count += 1
            token["revoked"] = True
    emu.mark_dirty()
    return count
