# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""VOSS authentication and the checks every VOSS request goes through first."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from flask import request

from . import transactions
from .errors import VossError


def admit(emu):
    """HTTP Basic of the configured administrator, ``format`` json (or none); then the
    transactions whose time has come are applied, so the request sees their changes."""
    auth = request.authorization
    config = emu.config["voss"]
    if auth is None or auth.type != "basic" or auth.username != config["username"] or auth.password != config["password"]:
        raise VossError(401, "Authentication failed: send HTTP Basic credentials of a VOSS administrator.")
    fmt = request.args.get("format")
    if fmt not in (None, "", "json"):
        raise VossError(400, "format %r is not supported; use format=json." % fmt, "format")
    transactions.settle(emu)
    return None
