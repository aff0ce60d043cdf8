# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one HTTP layer: a ``requests.Session`` per module run.

It joins paths to the base URL, applies TLS settings and timeouts, speaks JSON, retries
transient faults with capped exponential backoff, turns every failure into one typed error
from ``errors.py``, and redacts every known secret (and its escaped and encoded forms) from
the text of those errors and from debug output. ``api_spec.rest_client`` builds it from a
task's ``api`` option, after checking every value; an optional ``login`` hook authenticates
before the first request and once more on a 401. ``ApiClient`` is what every platform client
is. No platform is named here.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import base64
import contextlib
import email.utils
import json as jsonlib
import random
import time
import traceback
from urllib.parse import quote, quote_plus, urlsplit

from ansible_collections.ncm.platforms.plugins.module_utils import compare, errors

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

RETRY_STATUSES = frozenset((429, 502, 503, 504))
# A write answered by one of these may have reached the service behind a proxy.
GATEWAY_STATUSES = frozenset((502, 503, 504))
MAY_HAVE_BEEN_MADE = ". The request reached the server, so the change may have been made: check the server before re-running."
IDEMPOTENT_METHODS = frozenset(("GET", "HEAD", "OPTIONS", "PUT", "DELETE"))
READ_METHODS = frozenset(("GET", "HEAD", "OPTIONS"))
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


def may_have_been_made(message):
    """``message`` and the warning that the write may have been made, with one full stop between."""
    return (message[:-1] if message.endswith(".") else message) + MAY_HAVE_BEEN_MADE


def secret_forms(value):
    """A secret and the forms an error text may show it in: escaped, JSON, URL-encoded."""
    text = str(value)
    forms = {text, text.encode("unicode_escape").decode("ascii"), repr(text)[1:-1],
             jsonlib.dumps(text)[1:-1], quote(text, safe=""), quote_plus(text)}
    return set(form for form in forms if form)


def redact(text, secrets):
    """``text`` with every one of ``secrets`` (longest first) replaced by the mask."""
    text = str(text)
    for secret in sorted(secrets, key=len, reverse=True):
        text = text.replace(secret, compare.MASK)
    return text


class ApiClient(object):
    """The interface every platform client (``<platform>/client.py``) states: its calls go over
    one ``RestClient`` (``rest``), and ``wrote`` tells the runner whether a write was accepted
    or sent with an unknown outcome (a failed task then still reports ``changed``)."""

    def __init__(self, rest_client):
        self.rest = rest_client

    @property
    def wrote(self):
        return self.rest.wrote


class RestClient(object):
    """A JSON REST client bound to one base URL.

    ``error_in_body`` is an optional callable that gets a 2xx answer's parsed body and
    returns an error message when the vendor signals failure inside a 2xx answer.
    ``login`` is an optional callable ``login(client)`` that authenticates (it sends its own
    requests with ``authenticate=False`` and sets headers); it runs before the first request
    and once more when an authenticated request answers 401, which is then sent once more.
    ``validate_certs=False`` wins over ``ca_path``. ``wrote`` turns true once a write was
    accepted, or sent with an unknown outcome. ``sleep`` and ``jitter`` are injectable.
    """

    def __init__(self, base_url, timeout=30, retries=3, validate_certs=True, ca_path=None,
                 headers=None, basic_auth=None, secrets=(), error_in_body=None, log=None, login=None,
                 backoff=0.5, max_backoff=30.0, sleep=time.sleep, jitter=random.random, clock=time.monotonic):
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.retries = retries
        self.verify = (ca_path or True) if validate_certs else False
        self.error_in_body = error_in_body
        self.login = login
        self.logged_in = False
        self.wrote = False
        self.log = log
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.sleep = sleep
        self.clock = clock
        self.deadline = None  # a wait's deadline (a ``clock()`` time): no retry sleeps past it
        self.jitter = jitter
        self._secrets = set()
        self.session = requests.Session()
        self.session.headers["Accept"] = "application/json"
        # the session's own auth, so that requests never adds ~/.netrc credentials over our header
        self.session.auth = lambda request: request
        for name, value in (headers or {}).items():
            self.set_header(name, value)
        if basic_auth:
            self.set_basic_auth(*basic_auth)
        for secret in secrets:
            self.add_secret(secret)

    def add_secret(self, value):
        """Remember a value that must never appear in an error message or log line."""
        if value is not None and str(value).strip() != "":
            self._secrets.update(secret_forms(value))

    def redact(self, text):
        return redact(text, self._secrets)

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
                allow_status=(), idempotent=None, authenticate=True, download=False):
        """Send one request, retrying transient faults; return a ``Response``.

        ``allow_status`` lists non-2xx statuses the caller handles itself (e.g. 404).
        ``idempotent`` overrides the method's default (a POST that is safe to repeat).
        ``authenticate=False`` is for the login hook's own requests: no login, no re-login.
        ``download=True``: a request that changes nothing (a POST that reads, such as an
        export): safe to repeat, never counted as a write, its 2xx body as bytes in ``data``.
        """
        if idempotent is None:
            idempotent = download or method in IDEMPOTENT_METHODS
        send = dict(params=_query(params), json=json, data=data, headers=headers)
        if authenticate and self.login and not self.logged_in:
            self.log_in()
        answer = self._send(method, path, send, idempotent)
        if answer.status_code == 401 and authenticate and self.login:
            self._debug("%s %s answered 401: logging in again and sending it once more" % (method, path))
            self.log_in()
            answer = self._send(method, path, send, idempotent)
        if authenticate and not download and method not in READ_METHODS and 200 <= answer.status_code < 300:
            self.wrote = True  # a login changes nothing on the server
        if download and 200 <= answer.status_code < 300:
            return Response(answer.status_code, answer.headers, answer.content)
        return self._response(method, path, answer, allow_status)

    def log_in(self):
        """Run the login hook (once per call; it never runs itself again on a 401)."""
        self.logged_in = True
        self.login(self)

    def _send(self, method, path, send, idempotent):
        """The ``requests`` answer of one request, after retrying transient faults."""
        attempt = 0
        while True:
            started = time.time()
            try:
                answer = self.session.request(method, self.url(path), timeout=self.timeout,
                                              verify=self.verify, **send)
            except rexc.SSLError as exc:
                raise errors.TLSError(self.redact(self._tls_message(method, self.full_url(path, send), exc)),
                                      method=method, path=path, url=self.full_url(path, send))
            except (rexc.ConnectionError, rexc.Timeout) as exc:
                unsent = never_sent(exc)
                if attempt < self.retries and (idempotent or unsent) and self._pause(self._backoff(attempt)):
                    self._debug("%s %s failed (%s); retried" % (method, path, type(exc).__name__))
                    attempt += 1
                    continue
                raise self._transport_error(method, path, self.full_url(path, send), exc, unsent)
            except ValueError as exc:  # requests refuses a header value before sending
                raise errors.InputError(self.redact("%s %s could not be sent: %s" % (method, path, exc)))
            self._debug("%s %s -> %s in %.3fs" % (method, path, answer.status_code, time.time() - started))
            if answer.status_code in RETRY_STATUSES and idempotent and attempt < self.retries:
                wait = retry_after_seconds(answer.headers.get("Retry-After"))
                if self._pause(min(wait, MAX_RETRY_AFTER) if wait is not None else self._backoff(attempt)):
                    attempt += 1
                    continue
                answer.ncm_retry_after = wait  # past the deadline: said in the error, not waited for
            return answer

    @contextlib.contextmanager
    def bounded(self, seconds):
        """Within it, no retry sleeps past ``seconds`` from now (a wait's deadline), ``Retry-After`` included."""
        outer = self.deadline
        self.deadline = self.clock() + seconds
        try:
            yield
        finally:
            self.deadline = outer

    def full_url(self, path, send=None):
        """The URL a request goes to, its query string included; a user and password in it are left out."""
        params = (send or {}).get("params")
        return without_user(requests.Request("GET", self.url(path), params=params).prepare().url
                            if params else self.url(path))

    def _pause(self, seconds):
        """Sleep ``seconds`` before a retry; False, with no sleep, when that would pass the deadline."""
        if self.deadline is not None and self.clock() + seconds > self.deadline:
            return False
        self.sleep(seconds)
        return True

    def _backoff(self, attempt):
        delay = min(self.max_backoff, self.backoff * (2 ** attempt))
        return delay * (0.5 + self.jitter() / 2)

    def _debug(self, line):
        if self.log:
            self.log(self.redact(line))

    def _tls_message(self, method, url, exc):
        """The text of a TLS failure; a certificate that failed verification gets what to set."""
        text = str(exc)
        lower = text.lower()
        if "certificate verify failed" not in lower:
            return "TLS error on %s %s: %s" % (method, url, text)
        if "mismatch" in lower:
            hint = "api.url must name a host that the server's certificate is for"
        elif "issuer" not in lower and "self signed" not in lower and "self-signed" not in lower:
            hint = "the server's certificate is not valid (see the details)"
        elif isinstance(self.verify, str):
            hint = "api.ca_path %s does not hold the CA that signed the server's certificate: give that CA's file" % self.verify
        else:
            hint = ("the default CA bundle does not trust the server's certificate: set api.ca_path to the file "
                    "of the CA that signed it")
        return ("TLS certificate verification failed on %s %s: %s; or set api.validate_certs: false to skip "
                "the check (only for a test server). Details: %s" % (method, url, hint, text))

    def _transport_error(self, method, path, url, exc, unsent):
        kind = errors.RequestTimeout if isinstance(exc, rexc.Timeout) else errors.TransportError
        if unsent:
            what = "could not connect"
        elif kind is errors.RequestTimeout:
            what = "timed out after %ss" % self.timeout
        else:
            what = "lost the connection before an answer came"
        message = "%s %s %s: %s" % (method, url, what, exc)
        if method not in READ_METHODS and not unsent:
            self.wrote = True
            message = may_have_been_made(message)
        return kind(self.redact(message), method=method, path=path, url=self.redact(url))

    def _response(self, method, path, answer, allow_status):
        status = answer.status_code
        data = self._parse(method, path, answer)
        if 200 <= status < 300:
            body_error = self.error_in_body(data) if self.error_in_body and data is not None else None
            if body_error:
                raise self._api_error(method, path, answer, body_error)
            return Response(status, answer.headers, data)
        if status in allow_status:
            return Response(status, answer.headers, data)
        unknown = method not in READ_METHODS and status in GATEWAY_STATUSES
        if unknown:
            self.wrote = True
        if data is None and _is_html(answer):
            message = ("%s %s returned HTTP %s %s with an HTML page instead of an API answer: a proxy or "
                       "load balancer in front of the service answered, not the service"
                       % (method, self._shown(answer), status, answer.reason or "")).replace("  ", " ")
            error = errors.ApiError(method, path, status, "HTML page (HTTP %s %s)" % (status, answer.reason or ""),
                                    may_have_been_made(message) if unknown else message)
            error.details["url"] = self._shown(answer)
            raise error
        message = errors.server_message(data) if data is not None else answer.text[:500].strip()
        error = self._api_error(method, path, answer, message or answer.reason)
        if unknown:
            error.message = may_have_been_made(error.message)
        raise error

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
                                % (method, self._shown(answer), answer.status_code, text[:200])),
                    method=method, path=path, status=answer.status_code, url=self._shown(answer))
            return None

    def _shown(self, answer):
        """The full URL an answer came from, its query string included, redacted."""
        return self.redact(without_user(answer.url or ""))

    def _api_error(self, method, path, answer, server_message):
        """The error of an answer; a ``Retry-After`` past a wait's deadline is said, with the seconds asked."""
        server_message = self.redact(server_message) if server_message else None
        url = self._shown(answer)
        message = "%s %s returned HTTP %s: %s" % (method, url, answer.status_code, server_message or "no message")
        retry_after = getattr(answer, "ncm_retry_after", None)
        if retry_after is not None:
            message = "%s; the server asked to retry after %g s, past the wait's deadline" % (
                message[:-1] if message.endswith(".") else message, retry_after)
        error = errors.ApiError(method, path, answer.status_code, server_message, message)
        error.details["url"] = url
        if retry_after is not None:
            error.details["retry_after"] = error.retry_after = retry_after
        return error


def without_user(url):
    """``url`` without a user and password in its host part."""
    parts = urlsplit(url)
    return parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl()


def _is_html(answer):
    """Whether an answer's body is an HTML page (a proxy's error page), not an API answer."""
    kind = answer.headers.get("Content-Type", "").lower()
    return "html" in kind or answer.text.lstrip()[:20].lower().startswith(("<!doctype", "<html"))


def _query(params):
    """Query parameters with booleans spelled as the APIs expect (true/false)."""
    if not params:
        return params
    return dict((key, ("true" if value else "false") if isinstance(value, bool) else value)
                for key, value in params.items() if value is not None)
