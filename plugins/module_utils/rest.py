# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one HTTP layer: a ``requests.Session`` per module run.

It joins paths to the base URL, applies TLS settings and timeouts, speaks JSON, retries
transient faults with capped exponential backoff, turns every failure into one typed error
from ``errors.py``, and redacts every known secret from the text of those errors and from
debug output.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import base64
import email.utils
import json as jsonlib
import random
import time
import traceback

from ansible_collections.ncm.platforms.plugins.module_utils import errors

try:
    import requests
    from requests import exceptions as rexc
    from urllib3.exceptions import ConnectTimeoutError, NewConnectionError
except ImportError:
    HAS_REQUESTS = False
    REQUESTS_IMPORT_ERROR = traceback.format_exc()
else:
    HAS_REQUESTS = True
    REQUESTS_IMPORT_ERROR = None

MASK = "********"
RETRY_STATUSES = frozenset((429, 502, 503, 504))
IDEMPOTENT_METHODS = frozenset(("GET", "HEAD", "OPTIONS", "PUT", "DELETE"))
MAX_RETRY_AFTER = 120.0


class Response(object):
    """What a request answered: ``status``, ``headers`` and ``data`` (parsed JSON or None)."""

    __slots__ = ("status", "headers", "data")

    def __init__(self, status, headers, data):
        self.status = status
        self.headers = headers
        self.data = data


def never_sent(exc):
    """True when a connection error happened before any byte of the request left."""
    if isinstance(exc, rexc.ConnectTimeout):
        return True
    reason = getattr(exc.args[0], "reason", None) if exc.args else None
    return isinstance(reason, (NewConnectionError, ConnectTimeoutError))


def retry_after_seconds(value, now=None):
    """Seconds asked for by a ``Retry-After`` header (delta seconds or HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    now = time.time() if now is None else now
    return max(0.0, when.timestamp() - now)


class RestClient(object):
    """A JSON REST client bound to one base URL.

    ``error_in_body`` is an optional callable that gets a 2xx answer's parsed body and
    returns an error message when the vendor signals failure inside a 2xx answer.
    ``sleep`` and ``jitter`` are injectable so that tests do not wait.
    """

    def __init__(self, base_url, timeout=30, retries=3, validate_certs=True, ca_path=None,
                 headers=None, auth=None, secrets=(), error_in_body=None, log=None,
                 backoff=0.5, max_backoff=30.0, sleep=time.sleep, jitter=random.random):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.retries = retries
        self.verify = ca_path if ca_path else validate_certs
        self.error_in_body = error_in_body
        self.log = log
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.sleep = sleep
        self.jitter = jitter
        self._secrets = set()
        self.session = requests.Session()
        self.session.headers["Accept"] = "application/json"
        for name, value in (headers or {}).items():
            self.set_header(name, value)
        if auth:
            self.set_basic_auth(*auth)
        for secret in secrets:
            self.add_secret(secret)

    # --- secrets -------------------------------------------------------------------
    def add_secret(self, value):
        """Remember a value that must never appear in an error message or log line."""
        if value is not None and str(value) != "":
            self._secrets.add(str(value))

    def redact(self, text):
        text = str(text)
        for secret in sorted(self._secrets, key=len, reverse=True):
            text = text.replace(secret, MASK)
        return text

    def set_header(self, name, value):
        """Set a session header; an ``Authorization`` value is treated as a secret."""
        if name.lower() == "authorization":
            self.add_secret(value)
            self.add_secret(value.split(" ", 1)[-1])
        self.session.headers[name] = value

    def set_basic_auth(self, username, password):
        self.add_secret(password)
        token = base64.b64encode(("%s:%s" % (username, password)).encode("utf-8")).decode("ascii")
        self.set_header("Authorization", "Basic " + token)

    # --- requests ------------------------------------------------------------------
    def url(self, path):
        return self.base_url + "/" + path.lstrip("/")

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, **kwargs):
        return self.request("POST", path, **kwargs)

    def put(self, path, **kwargs):
        return self.request("PUT", path, **kwargs)

    def delete(self, path, **kwargs):
        return self.request("DELETE", path, **kwargs)

    def request(self, method, path, params=None, json=None, data=None, headers=None,
                allow_status=(), idempotent=None):
        """Send one request, retrying transient faults; return a ``Response``.

        ``allow_status`` lists non-2xx statuses the caller handles itself (e.g. 404).
        ``idempotent`` overrides the method's default (a POST that is safe to repeat).
        """
        if idempotent is None:
            idempotent = method in IDEMPOTENT_METHODS
        attempt = 0
        while True:
            started = time.time()
            try:
                answer = self.session.request(
                    method, self.url(path), params=_query(params), json=json, data=data,
                    headers=headers, timeout=self.timeout, verify=self.verify)
            except rexc.SSLError as exc:
                raise errors.TLSError(self.redact("TLS error on %s %s: %s" % (method, path, exc)),
                                      method=method, path=path)
            except (rexc.ConnectionError, rexc.Timeout) as exc:
                if attempt < self.retries and (idempotent or never_sent(exc)):
                    self._debug("%s %s failed (%s); retrying" % (method, path, type(exc).__name__))
                    self.sleep(self._backoff(attempt))
                    attempt += 1
                    continue
                raise self._transport_error(method, path, exc)
            self._debug("%s %s -> %s in %.3fs" % (method, path, answer.status_code, time.time() - started))
            if answer.status_code in RETRY_STATUSES and idempotent and attempt < self.retries:
                wait = retry_after_seconds(answer.headers.get("Retry-After"))
                self.sleep(min(wait, MAX_RETRY_AFTER) if wait is not None else self._backoff(attempt))
                attempt += 1
                continue
            return self._response(method, path, answer, allow_status)

    # --- internals -----------------------------------------------------------------
    def _backoff(self, attempt):
        delay = min(self.max_backoff, self.backoff * (2 ** attempt))
        return delay * (0.5 + self.jitter() / 2)

    def _debug(self, line):
        if self.log:
            self.log(self.redact(line))

    def _transport_error(self, method, path, exc):
        kind = errors.RequestTimeout if isinstance(exc, rexc.Timeout) else errors.TransportError
        what = "timed out after %ss" % self.timeout if kind is errors.RequestTimeout else "could not connect"
        return kind(self.redact("%s %s%s %s: %s" % (method, self.base_url, path, what, exc)),
                    method=method, path=path)

    def _response(self, method, path, answer, allow_status):
        status = answer.status_code
        data = self._parse(method, path, answer)
        if 200 <= status < 300:
            body_error = self.error_in_body(data) if self.error_in_body and data is not None else None
            if body_error:
                raise self._api_error(method, path, status, body_error)
            return Response(status, answer.headers, data)
        if status in allow_status:
            return Response(status, answer.headers, data)
        message = errors.server_message(data) if data is not None else answer.text[:500].strip()
        raise self._api_error(method, path, status, message or answer.reason)

    def _parse(self, method, path, answer):
        text = answer.text
        if not text.strip():
            return None
        try:
            return jsonlib.loads(text)
        except ValueError:
            if 200 <= answer.status_code < 300:
                raise errors.ResponseFormatError(
                    self.redact("%s %s returned HTTP %s with a body that is not JSON: %r"
                                % (method, path, answer.status_code, text[:200])),
                    method=method, path=path, status=answer.status_code)
            return None

    def _api_error(self, method, path, status, server_message):
        server_message = self.redact(server_message) if server_message else None
        message = "%s %s returned HTTP %s: %s" % (method, path, status, server_message or "no message")
        return errors.ApiError(method, path, status, server_message, message)


def _query(params):
    """Query parameters with booleans spelled as the APIs expect (true/false)."""
    if not params:
        return params
    return dict((key, ("true" if value else "false") if isinstance(value, bool) else value)
                for key, value in params.items() if value is not None)
