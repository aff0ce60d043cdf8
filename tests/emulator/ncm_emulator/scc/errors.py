# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""SteelCentral error answers: the Riverbed shape ``{"error_id", "error_text", "error_info"}``."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ..context import answer


def error(status, error_id, text, info=None, headers=None):
    """A Riverbed-shaped error answer."""
    resp = answer({"error_id": error_id, "error_text": text, "error_info": info or {}}, status)
    for name, value in (headers or {}).items():
        resp.headers[name] = value
    return resp


def http_error(status, req):
    """Riverbed-shaped answers for unknown paths and methods under the SteelCentral prefixes."""
    if status == 404:
        return error(404, "RESOURCE_NOT_FOUND", "No resource at %s." % req.path)
    if status == 405:
        return error(405, "METHOD_NOT_ALLOWED", "Method %s is not allowed on %s." % (req.method, req.path))
    if status in (400, 413, 415):
        return error(status, "INVALID_REQUEST", "The request could not be understood.")
    return None
