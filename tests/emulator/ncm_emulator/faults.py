"""Injected faults: checking a fault spec, and the answer a fault gives a request.

The core applies faults to every request outside ``/_emulator/``; vendors do nothing.
"""

import email.utils
import math
import re
import socket
import time
from http import HTTPStatus

from flask import current_app, g, request

from .context import answer
from .requestlog import log_current_request

FAULT_KINDS = ("429", "status", "drop", "delay", "status_error", "status_after_store")
FAULT_BODIES = ("json", "html")
HTML_BODY_KINDS = ("429", "status", "status_after_store")
RETRY_AFTER_FORMATS = ("seconds", "http_date")
DEFAULT_STATUS = {"429": 429, "status": 500, "status_error": 200, "status_after_store": 502}


def _count(spec):
    count = spec.get("count", 1)
    if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < 1):
        raise ValueError("fault count must be a positive integer or null (every request)")
    return count


def _body(spec, kind):
    body = spec.get("body", "json")
    if body not in FAULT_BODIES:
        raise ValueError("fault body must be one of %s" % list(FAULT_BODIES))
    if body == "html" and kind not in HTML_BODY_KINDS:
        raise ValueError("fault body \"html\" is only for the kinds %s" % list(HTML_BODY_KINDS))
    return body


def _retry_after(spec):
    retry_after = spec.get("retry_after", 1)
    if retry_after is not None and (isinstance(retry_after, bool) or not isinstance(retry_after, int) or retry_after < 0):
        raise ValueError("fault retry_after must be a whole number of seconds (0 or more) or null (no header)")
    retry_after_format = spec.get("retry_after_format", "seconds")
    if retry_after_format not in RETRY_AFTER_FORMATS:
        raise ValueError("fault retry_after_format must be one of %s" % list(RETRY_AFTER_FORMATS))
    return retry_after, retry_after_format


def from_spec(spec):
    """The stored form of a fault (without its id) from an admin spec; ValueError if bad."""
    if not isinstance(spec, dict):
        raise ValueError("fault: expected a JSON object")
    kind = str(spec.get("kind", ""))
    if kind not in FAULT_KINDS:
        raise ValueError("fault kind must be one of %s" % list(FAULT_KINDS))
    try:
        path_re = re.compile(spec.get("path", ".*"))
    except (re.error, TypeError) as exc:
        raise ValueError("fault path is not a regular expression: %s" % exc)
    count = _count(spec)
    body = _body(spec, kind)
    retry_after, retry_after_format = _retry_after(spec)
    return {
        "kind": kind,
        "method": str(spec.get("method", "*")).upper(),
        "path": path_re.pattern,
        "count": count,
        "status": int(spec.get("status", DEFAULT_STATUS.get(kind, 0))),
        "retry_after": retry_after,
        "retry_after_format": retry_after_format,
        "delay": float(spec.get("delay", 0.1)),
        "msg": str(spec.get("msg", "Emulated failure.")),
        "body": body,
        "hits": 0,
    }


def html_error_page(status):
    """The error page of a reverse proxy (nginx style) for ``status``: ``502 Bad Gateway``..."""
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "Error"
    title = "%d %s" % (status, phrase)
    return ("<html>\r\n<head><title>%s</title></head>\r\n<body>\r\n<center><h1>%s</h1></center>\r\n"
            "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n" % (title, title))


def retry_after_header(fault):
    """The ``Retry-After`` value of a 429 fault: delta seconds, or (``retry_after_format``
    ``http_date``) the HTTP date that many seconds from now, by the wall clock (the client
    compares it with its own), rounded up to the next whole second."""
    if fault.get("retry_after_format") == "http_date":
        return email.utils.formatdate(math.ceil(time.time()) + fault["retry_after"], usegmt=True)
    return str(fault["retry_after"])


def _html(fault):
    resp = current_app.response_class(html_error_page(fault["status"]), status=fault["status"], mimetype="text/html")
    if fault["kind"] == "429" and fault["retry_after"] is not None:
        resp.headers["Retry-After"] = retry_after_header(fault)
    return resp


def _throttled(fault):
    resp = answer({"detail": "Request was throttled. Expected available in %s seconds." % fault["retry_after"]},
                  fault["status"])
    if fault["retry_after"] is not None:
        resp.headers["Retry-After"] = retry_after_header(fault)
    return resp


def _drop_connection(environ):
    sock = environ.get("werkzeug.socket")
    if sock is None:
        return False
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    return True


def _dropped(emu):
    """Shut the socket down; writing the answer then fails quietly in werkzeug."""
    g.ncm_dropped = True
    log_current_request(emu, 0)
    if not _drop_connection(request.environ):
        return answer({"error": "connection dropped"}, 599)
    return current_app.response_class(b"", status=599)


def _delayed(fault):
    time.sleep(fault["delay"])


def _after_store(fault):
    g.ncm_after_store = fault  # the core replaces the answer once the request was applied


JSON_ANSWERS = {
    "429": _throttled,
    "status": lambda fault: answer({"error": fault["msg"]}, fault["status"]),
    "status_error": lambda fault: answer({"status": "error", "msg": fault["msg"]}, fault["status"]),
}
GO_ON = {"delay": _delayed, "status_after_store": _after_store}


def apply_fault(emu, fault):
    """Answer for a fault, or None to go on with the request (delay, status_after_store)."""
    kind = fault["kind"]
    if kind in GO_ON:
        GO_ON[kind](fault)
        return None
    if fault.get("body") == "html" and kind in HTML_BODY_KINDS:
        return _html(fault)
    if kind in JSON_ANSWERS:
        return JSON_ANSWERS[kind](fault)
    return _dropped(emu)
