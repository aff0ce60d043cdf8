"""Core of the local emulator: the app factory, the shared state and the vendor plug-in interface.

Plug-in interface for a vendor module (``ncm_emulator/<name>.py``)
------------------------------------------------------------------
A vendor module defines, at module level, ``VENDOR = core.Vendor(...)``::

    from flask import Blueprint
    from . import core

    bp = Blueprint("scc", __name__)

    @bp.route("/api/cmc.configurator/1.0/push_jobs", methods=["GET"])
    def list_jobs():
        emu = core.get_emulator()          # the shared Emulator object
        with emu.lock:
            jobs = emu.list_objects("scc_jobs")
        ...

    def reset(emu):                        # optional: called after the vendor's
        ...                                # collections are emptied and its switches reset

    def seed(emu, collection, obj):        # optional: normalise one seeded object,
        obj.setdefault("id", emu.new_id())  # return what is stored (must have "id")
        return obj

    VENDOR = core.Vendor(
        name="scc",
        blueprint=bp,
        collections=("scc_jobs",),                 # store collections this vendor owns
        switches={"scc_token_lifetime": 3600},     # switch name -> default value
        choices={},                                # switch name -> allowed values (optional)
        config_defaults={"access_code": "..."},    # emu.config["scc"] defaults
        reset=reset, seed=seed,
        prefixes=("/api/",),                       # paths served (for JSON 404/405 answers)
        http_error=None,                           # optional fn(status, request) -> Response
    )

and is listed (by module name) in ``VENDOR_MODULES`` below.  A module listed there but
absent from the tree is skipped, so the list can name vendors that are still being written.

What the shared ``Emulator`` object (``core.get_emulator()`` inside a request, or
``app.extensions["ncm_emulator"]``) offers:

- ``lock``: a re-entrant lock; hold it while reading or changing the store.
- the store: ``collection(name)`` (dict id -> object, created on first use),
  ``get_object``, ``put_object`` (object must carry ``"id"``), ``delete_object``,
  ``list_objects`` (insertion order), ``new_id()`` (24-hex ObjectId-like string).
  Everything in the store must be JSON-serialisable: it is what ``--state-file`` saves.
  Call ``mark_dirty()`` after a change (put/delete do it for you).
- ``switch(name)``: current value of a switch; ``switches`` the whole dict.
- ``config``: dict; ``config[vendor_name]`` holds the vendor's settings (defaults merged
  with the ``--config`` file's section of the same name).
- ``clock()``: monotonic seconds (plus the offset moved by ``POST /_emulator/clock``);
  ``now()``: timezone-aware UTC datetime moved by the same offset.  Use these, not
  ``time``/``datetime``, for anything time-driven (token expiry, job progress).

Faults (429, 5xx, dropped connections, delays, 2xx ``{"status": "error"}``, a 5xx after the
request was applied) and the request log are applied by the core to every request outside
``/_emulator/``; vendors do nothing.
"""

import copy
import email.utils
import importlib
import json
import math
import os
import re
import socket
import threading
import time
from collections import deque
from datetime import datetime, timedelta, timezone
from http import HTTPStatus

from flask import Flask, current_app, g, jsonify, request

from . import admin

VENDOR_MODULES = (
    "ncm_emulator.infraon",
    "ncm_emulator.scc",
    "ncm_emulator.voss",
)

ADMIN_PREFIX = "/_emulator/"
FAULT_KINDS = ("429", "status", "drop", "delay", "status_error", "status_after_store")
FAULT_BODIES = ("json", "html")
HTML_BODY_KINDS = ("429", "status", "status_after_store")
RETRY_AFTER_FORMATS = ("seconds", "http_date")
EXTENSION_KEY = "ncm_emulator"


class Vendor(object):
    """What a vendor module hands to the core (see the module docstring)."""

    def __init__(self, name, blueprint, collections=(), switches=None, choices=None,
                 config_defaults=None, reset=None, seed=None, prefixes=(), http_error=None):
        self.name = name
        self.blueprint = blueprint
        self.collections = tuple(collections)
        self.switches = dict(switches or {})
        self.choices = dict(choices or {})
        self.config_defaults = dict(config_defaults or {})
        self.reset = reset
        self.seed = seed
        self.prefixes = tuple(prefixes)
        self.http_error = http_error


class EmulatorError(ValueError):
    """A bad admin request (answered 400 with the message)."""


def _same_kind(value, default):
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(default, bool)
    if isinstance(default, int):
        return isinstance(value, int)
    if isinstance(default, float):
        return isinstance(value, (int, float))
    if default is None:
        return True
    return isinstance(value, type(default))


class Emulator(object):
    """Shared state of one emulator instance."""

    def __init__(self, config=None, state_file=None):
        self.lock = threading.RLock()
        self.user_config = copy.deepcopy(config or {})
        self.config = {}
        self.state_file = state_file
        self.vendors = {}
        self.store = {}
        self.switch_defaults = {}
        self.switch_choices = {}
        self.switches = {}
        self.faults = []
        self.log = deque(maxlen=int(self.user_config.get("log_max", 100000)))
        self.logged = threading.Condition(self.lock)  # notified at every new log entry
        self.clock_offset = 0.0
        self._fault_seq = 0
        self._log_seq = 0
        self._id_counter = int.from_bytes(os.urandom(3), "big")
        self._dirty = False

    # ---- vendors -------------------------------------------------------
    def add_vendor(self, vendor):
        """Record a vendor's switches, config defaults and collections."""
        with self.lock:
            self.vendors[vendor.name] = vendor
            overrides = self.user_config.get("switches", {})
            for name, default in vendor.switches.items():
                value = overrides.get(name, default)
                self.switch_defaults[name] = value
                self.switches[name] = value
            for name, allowed in vendor.choices.items():
                self.switch_choices[name] = tuple(allowed)
            section = copy.deepcopy(vendor.config_defaults)
            section.update(copy.deepcopy(self.user_config.get(vendor.name, {})))
            self.config[vendor.name] = section
            for coll in vendor.collections:
                self.store.setdefault(coll, {})

    def vendor_of_collection(self, collection):
        for vendor in self.vendors.values():
            if collection in vendor.collections:
                return vendor
        return None

    # ---- time ----------------------------------------------------------
    def clock(self):
        """Monotonic seconds, moved forward by ``advance_clock``."""
        return time.monotonic() + self.clock_offset

    def now(self):
        """Aware UTC datetime, moved forward by ``advance_clock``."""
        return datetime.now(timezone.utc) + timedelta(seconds=self.clock_offset)

    def advance_clock(self, seconds):
        with self.lock:
            self.clock_offset += float(seconds)
            return self.clock_offset

    # ---- store ---------------------------------------------------------
    def new_id(self):
        """A 24-hex string shaped like a MongoDB ObjectId."""
        with self.lock:
            self._id_counter = (self._id_counter + 1) % 0x1000000
            counter = self._id_counter
        return "%08x%s%06x" % (int(time.time()) & 0xFFFFFFFF, os.urandom(5).hex(), counter)

    def collection(self, name):
        with self.lock:
            return self.store.setdefault(name, {})

    def get_object(self, collection, obj_id):
        with self.lock:
            return self.store.get(collection, {}).get(obj_id)

    def put_object(self, collection, obj):
        with self.lock:
            self.collection(collection)[obj["id"]] = obj
            self._dirty = True
            return obj

    def delete_object(self, collection, obj_id):
        with self.lock:
            found = self.store.get(collection, {}).pop(obj_id, None)
            if found is not None:
                self._dirty = True
            return found

    def list_objects(self, collection):
        with self.lock:
            return list(self.store.get(collection, {}).values())

    def mark_dirty(self):
        self._dirty = True

    # ---- switches ------------------------------------------------------
    def switch(self, name):
        return self.switches[name]

    def set_switches(self, values):
        if not isinstance(values, dict):
            raise EmulatorError("switches: expected a JSON object")
        with self.lock:
            for name, value in values.items():
                if name not in self.switch_defaults:
                    raise EmulatorError("unknown switch %r" % name)
                allowed = self.switch_choices.get(name)
                if allowed and value not in allowed:
                    raise EmulatorError("switch %r: %r is not one of %s" % (name, value, list(allowed)))
                if not _same_kind(value, self.switch_defaults[name]):
                    raise EmulatorError("switch %r: wrong type for %r" % (name, value))
            self.switches.update(values)
            self._dirty = True
            return dict(self.switches)

    # ---- faults --------------------------------------------------------
    def add_fault(self, spec):
        if not isinstance(spec, dict):
            raise EmulatorError("fault: expected a JSON object")
        kind = str(spec.get("kind", ""))
        if kind not in FAULT_KINDS:
            raise EmulatorError("fault kind must be one of %s" % list(FAULT_KINDS))
        try:
            path_re = re.compile(spec.get("path", ".*"))
        except (re.error, TypeError) as exc:
            raise EmulatorError("fault path is not a regular expression: %s" % exc)
        count = spec.get("count", 1)
        if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < 1):
            raise EmulatorError("fault count must be a positive integer or null (every request)")
        body = spec.get("body", "json")
        if body not in FAULT_BODIES:
            raise EmulatorError("fault body must be one of %s" % list(FAULT_BODIES))
        if body == "html" and kind not in HTML_BODY_KINDS:
            raise EmulatorError("fault body \"html\" is only for the kinds %s" % list(HTML_BODY_KINDS))
        retry_after = spec.get("retry_after", 1)
        if retry_after is not None and (isinstance(retry_after, bool) or not isinstance(retry_after, int) or retry_after < 0):
            raise EmulatorError("fault retry_after must be a whole number of seconds (0 or more) or null (no header)")
        retry_after_format = spec.get("retry_after_format", "seconds")
        if retry_after_format not in RETRY_AFTER_FORMATS:
            raise EmulatorError("fault retry_after_format must be one of %s" % list(RETRY_AFTER_FORMATS))
        fault = {
            "kind": kind,
            "method": str(spec.get("method", "*")).upper(),
            "path": path_re.pattern,
            "count": count,
            "status": int(spec.get("status", {"429": 429, "status": 500, "status_error": 200,
                                              "status_after_store": 502}.get(kind, 0))),
            "retry_after": retry_after,
            "retry_after_format": retry_after_format,
            "delay": float(spec.get("delay", 0.1)),
            "msg": str(spec.get("msg", "Emulated failure.")),
            "body": body,
            "hits": 0,
        }
        with self.lock:
            self._fault_seq += 1
            fault["id"] = self._fault_seq
            self.faults.append(fault)
        return dict(fault)

    def take_fault(self, method, path):
        """Consume and return the first fault matching this request, or None."""
        with self.lock:
            for fault in self.faults:
                if fault["method"] not in ("*", method):
                    continue
                if not re.search(fault["path"], path):
                    continue
                fault["hits"] += 1
                if fault["count"] is not None:
                    fault["count"] -= 1
                    if fault["count"] <= 0:
                        self.faults.remove(fault)
                return dict(fault)
        return None

    def delete_faults(self, fault_id=None):
        with self.lock:
            before = len(self.faults)
            self.faults = [f for f in self.faults if fault_id is not None and f["id"] != fault_id]
            return before - len(self.faults)

    # ---- request log ---------------------------------------------------
    def log_request(self, method, path, query, status, body_keys):
        with self.lock:
            self._log_seq += 1
            self.log.append({
                "seq": self._log_seq,
                "time": time.time(),
                "clock": self.clock(),
                "method": method,
                "path": path,
                "query": query,
                "status": status,
                "body_keys": body_keys,
            })
            self.logged.notify_all()

    # ---- reset / seed --------------------------------------------------
    def reset(self, vendor_name=None):
        """Back to the start state; everything, or one vendor's collections and switches."""
        with self.lock:
            if vendor_name is not None and vendor_name not in self.vendors:
                raise EmulatorError("unknown vendor %r" % vendor_name)
            names = [vendor_name] if vendor_name else list(self.vendors)
            if vendor_name is None:
                self.store = {}
                self.faults = []
                self.log.clear()
                self.clock_offset = 0.0
            for name in names:
                vendor = self.vendors[name]
                for coll in vendor.collections:
                    self.store[coll] = {}
                for switch in vendor.switches:
                    self.switches[switch] = self.switch_defaults[switch]
            for name in names:
                vendor = self.vendors[name]
                if vendor.reset is not None:
                    vendor.reset(self)
            self._dirty = True

    def seed(self, collection, objects):
        """Store objects as given (through the vendor's seed hook); returns their ids."""
        if not isinstance(objects, list):
            raise EmulatorError("seed %r: expected a list of objects" % collection)
        vendor = self.vendor_of_collection(collection)
        ids = []
        with self.lock:
            for obj in objects:
                if not isinstance(obj, dict):
                    raise EmulatorError("seed %r: every object must be a JSON object" % collection)
                obj = copy.deepcopy(obj)
                if vendor is not None and vendor.seed is not None:
                    obj = vendor.seed(self, collection, obj)
                else:
                    obj.setdefault("id", self.new_id())
                self.put_object(collection, obj)
                ids.append(obj["id"])
        return ids

    # ---- persistence ---------------------------------------------------
    def snapshot(self):
        with self.lock:
            return {"version": 1, "store": copy.deepcopy(self.store), "switches": dict(self.switches),
                    "clock_offset": self.clock_offset}

    def load_state(self):
        """Load the state file if it exists (store and switches)."""
        if not self.state_file or not os.path.exists(self.state_file):
            return False
        with open(self.state_file, "r") as handle:
            data = json.load(handle)
        with self.lock:
            for coll, objects in data.get("store", {}).items():
                # JSON turned integer ids into string keys: key each object by its own id again.
                self.store[coll] = dict((obj.get("id", key) if isinstance(obj, dict) else key, obj) for key, obj in objects.items())
            for name, value in data.get("switches", {}).items():
                if name in self.switch_defaults:
                    self.switches[name] = value
            self.clock_offset = float(data.get("clock_offset", 0.0))
            self._dirty = False
        return True

    def save_state(self, force=False):
        """Write the state file atomically if something changed (or force)."""
        if not self.state_file:
            return False
        with self.lock:
            if not (self._dirty or force):
                return False
            data = self.snapshot()
            self._dirty = False
            tmp = "%s.tmp%d" % (self.state_file, os.getpid())
            with open(tmp, "w") as handle:
                json.dump(data, handle, sort_keys=True)
            os.replace(tmp, self.state_file)
        return True


def get_emulator():
    """The Emulator of the current Flask app (inside a request)."""
    return current_app.extensions[EXTENSION_KEY]


def load_vendors():
    """Import the vendor modules listed in VENDOR_MODULES; absent ones are skipped."""
    vendors = []
    for modname in VENDOR_MODULES:
        try:
            module = importlib.import_module(modname)
        except ModuleNotFoundError as exc:
            if exc.name == modname:
                continue
            raise
        vendors.append(module.VENDOR)
    return vendors


def register_vendor(app, vendor):
    """Plug one vendor into an app made by create_app (done for VENDOR_MODULES)."""
    emu = app.extensions[EXTENSION_KEY]
    emu.add_vendor(vendor)
    app.register_blueprint(vendor.blueprint)
    if vendor.reset is not None:
        with emu.lock:
            vendor.reset(emu)


def _body_keys():
    data = request.get_json(silent=True, cache=True) if request.is_json else None
    if isinstance(data, dict):
        return sorted(str(k) for k in data)
    return []


def _query_dict():
    query = {}
    for key in request.args:
        values = request.args.getlist(key)
        query[key] = values[0] if len(values) == 1 else values
    return query


def _drop_connection(environ):
    sock = environ.get("werkzeug.socket")
    if sock is None:
        return False
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    return True


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


def _apply_fault(emu, fault):
    """Answer for a fault, or None to go on with the request (delay, status_after_store)."""
    kind = fault["kind"]
    if kind == "delay":
        time.sleep(fault["delay"])
        return None
    if kind == "status_after_store":
        g.ncm_after_store = fault  # _after_request replaces the answer once the request was applied
        return None
    if fault.get("body") == "html" and kind in HTML_BODY_KINDS:
        resp = current_app.response_class(html_error_page(fault["status"]), status=fault["status"],
                                          mimetype="text/html")
        if kind == "429" and fault["retry_after"] is not None:
            resp.headers["Retry-After"] = retry_after_header(fault)
        return resp
    if kind == "429":
        resp = jsonify({"detail": "Request was throttled. Expected available in %s seconds." % fault["retry_after"]})
        resp.status_code = fault["status"]
        if fault["retry_after"] is not None:
            resp.headers["Retry-After"] = retry_after_header(fault)
        return resp
    if kind == "status":
        resp = jsonify({"error": fault["msg"]})
        resp.status_code = fault["status"]
        return resp
    if kind == "status_error":
        resp = jsonify({"status": "error", "msg": fault["msg"]})
        resp.status_code = fault["status"]
        return resp
    # drop: shut the socket down; writing the answer then fails quietly in werkzeug.
    g.ncm_dropped = True
    emu.log_request(request.method, request.path, _query_dict(), 0, _body_keys())
    if not _drop_connection(request.environ):
        resp = jsonify({"error": "connection dropped"})
        resp.status_code = 599
        return resp
    resp = current_app.response_class(b"", status=599)
    return resp


def _before_request():
    request.get_data(cache=True)  # always consume the body
    if request.path.startswith(ADMIN_PREFIX):
        return None
    emu = get_emulator()
    fault = emu.take_fault(request.method, request.path)
    if fault is not None:
        return _apply_fault(emu, fault)
    return None


def _after_request(response):
    emu = get_emulator()
    after_store = g.get("ncm_after_store")
    if after_store is not None:
        # the request was applied (whatever it answered); a proxy in front loses that answer
        response = _apply_fault(emu, dict(after_store, kind="status"))
    if not request.path.startswith(ADMIN_PREFIX) and not g.get("ncm_dropped"):
        emu.log_request(request.method, request.path, _query_dict(), response.status_code, _body_keys())
    if emu.state_file:
        emu.save_state()
    return response


def _http_error(exc):
    emu = get_emulator()
    for vendor in emu.vendors.values():
        if vendor.http_error is not None and vendor.prefixes and request.path.startswith(vendor.prefixes):
            answer = vendor.http_error(exc.code, request)
            if answer is not None:
                return answer
    if exc.code == 405:
        body = {"detail": 'Method "%s" not allowed.' % request.method}
    elif exc.code == 404:
        body = {"detail": "Not found."}
    else:
        body = {"detail": exc.description}
    resp = jsonify(body)
    resp.status_code = exc.code
    return resp


def create_app(config=None, state_file=None, vendors=None):
    """Make the Flask app: core hooks, the admin API and every vendor blueprint."""
    app = Flask("ncm_emulator")
    app.json.sort_keys = False
    app.json.compact = True
    emu = Emulator(config=config, state_file=state_file)
    app.extensions[EXTENSION_KEY] = emu
    app.before_request(_before_request)
    app.after_request(_after_request)
    for code in (400, 404, 405, 413, 415):
        app.register_error_handler(code, _http_error)

    app.register_blueprint(admin.bp)
    for vendor in (vendors if vendors is not None else load_vendors()):
        register_vendor(app, vendor)
    emu.load_state()
    return app
