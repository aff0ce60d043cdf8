# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""VOSS errors: ``{"success": false, "code": N, "http_code": N, "message": "...", "field": "..."}``,
the message under the key of switch ``voss_error_key``."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ..context import answer, get_emulator

ERROR_KEYS = ("message", "error", "detail", "errors")


class VossError(Exception):
    """A rejected request: HTTP status and message (and the field at fault)."""

    def __init__(self, status, message, field=None):
        super(VossError, self).__init__(message)
        self.status = status
        self.message = message
        self.field = field

    def body(self, key="message"):
        """The error answer; ``key`` (switch ``voss_error_key``) carries the message:
        ``message`` / ``error`` / ``detail`` (a string) or ``errors`` (``[{"message", "field"?}]``)."""
        answer = {"success": False, "code": self.status, "http_code": self.status}
        if key == "errors":
            item = {"message": self.message}
            if self.field:
                item["field"] = self.field
            answer["errors"] = [item]
            return answer
        answer[key if key in ERROR_KEYS else "message"] = self.message
        if self.field:
            answer["field"] = self.field
        return answer


def error_answer(emu, exc):
    """The answer of a rejected request (401: with the Basic challenge)."""
    resp = answer(exc.body(emu.switch("voss_error_key")), exc.status)
    if exc.status == 401:
        resp.headers["WWW-Authenticate"] = 'Basic realm="VOSS"'
    return resp


def http_error(status, req):
    """VOSS-shaped answers for unknown paths and methods under /api/relation/ and /api/tool/."""
    messages = {404: "Not found: %s" % req.path, 405: "Method %s is not allowed on %s." % (req.method, req.path)}
    if status not in messages and status not in (400, 413, 415):
        return None
    return error_answer(get_emulator(), VossError(status, messages.get(status, "Bad request.")))
