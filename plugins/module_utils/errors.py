# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The error types every layer raises, and how each becomes ``fail_json`` output.

Each error carries a message that is already safe to show (secrets are redacted by the
layer that raises it) and optional details that end up beside ``msg`` in the task result.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class NcmError(Exception):
    """Base of every error this collection raises on purpose."""

    def __init__(self, message, **details):
        super(NcmError, self).__init__(message)
        self.message = message
        self.details = details

    def to_result(self):
        """The keyword arguments for ``fail_json``."""
        result = dict((key, value) for key, value in self.details.items() if value is not None)
        result["msg"] = self.message
        return result


class InputError(NcmError):
    """The task's options break a rule; raised before any request is sent."""


class TransportError(NcmError):
    """The request did not get an HTTP answer: refused, reset, DNS, or dropped."""


class RequestTimeout(TransportError):
    """The server did not answer within the configured timeout."""


class TLSError(TransportError):
    """The TLS handshake failed (certificate not trusted, wrong host name, ...)."""


class ApiError(NcmError):
    """The server answered with an error: an error status, or a 2xx with an error body."""

    def __init__(self, method, path, status, server_message, message):
        super(ApiError, self).__init__(
            message, method=method, path=path, status=status, server_message=server_message)
        self.method = method
        self.path = path
        self.status = status
        self.server_message = server_message


class ResponseFormatError(NcmError):
    """The server answered 2xx with a body that is not what the API documents."""


class AmbiguousMatch(NcmError):
    """A natural-key lookup found more than one object."""


class WaitTimeout(NcmError):
    """A wait reached its deadline before the awaited thing reached a final state."""


def server_message(body):
    """Best-effort human message out of an error body in any vendor's shape.

    Understands ``{"error": ...}``, ``{"detail": ...}``, ``{"message": ...}``,
    ``{"msg": ...}``, Riverbed's ``{"error_text": ...}``, VOSS ``{"errors": ...}`` and DRF
    field errors ``{"field": ["msg", ...]}``.
    """
    if body is None:
        return None
    if isinstance(body, (list, tuple)):
        parts = [server_message(item) for item in body]
        return "; ".join(part for part in parts if part) or None
    if not isinstance(body, dict):
        return str(body)
    for key in ("error_text", "error", "detail", "message", "msg", "errors"):
        value = body.get(key)
        if value:
            return value if isinstance(value, str) else server_message(value)
    fields = []
    for key in sorted(body):
        value = body[key]
        if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
            fields.append("%s: %s" % (key, " ".join(value)))
    return "; ".join(fields) or None
