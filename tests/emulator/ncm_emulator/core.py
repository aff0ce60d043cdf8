"""Core of the local emulator: the app factory, the request hooks and the vendor plug-in interface.

Plug-in interface for a vendor package (``ncm_emulator/<name>/``)
-----------------------------------------------------------------
A vendor package defines, in its ``__init__.py``, ``VENDOR = core.Vendor(...)``; its routes
run through ``core.view``, which hands them the shared ``Emulator`` under its lock, once the
vendor's ``admit`` function let the request in::

    from flask import Blueprint
    from .. import core

    bp = Blueprint("scc", __name__)
    guarded = core.view(admit=authenticate)   # authenticate(emu): None, or the 401 answer

    @bp.route("/api/cmc.configurator/1.0/push_jobs", methods=["GET"])
    @guarded
    def list_jobs(emu):                    # emu: the shared Emulator, its lock held
        jobs = emu.list_objects("scc_jobs")
        ...

    def reset(emu):                        # optional: called after the vendor's
        ...                                # collections are emptied and its switches reset

    def seed(emu, collection, obj):        # optional: normalise one seeded object,
        obj.setdefault("id", emu.new_id())  # return what is stored (must have "id");
        return obj                         # or seeders={collection: fn(emu, obj)}, one per collection

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
Each vendor package has the same shape: ``__init__.py`` (the plug-in: switches, config,
``VENDOR``), ``routes.py`` (its blueprint), ``auth.py`` (its ``admit``), ``store.py`` (its
collections), ``seed.py`` (its defaults and the seed/reset hooks), and the modules of what
only that platform does (Infraon's field tables, SteelCentral's jobs, VOSS's transactions).

What the shared ``Emulator`` object (``state.Emulator``; the argument of a ``core.view``
route, or ``app.extensions["ncm_emulator"]``) offers:

- ``lock``: a re-entrant lock; hold it while reading or changing the store (``core.view``
  holds it for the whole route).
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
request was applied: ``faults``) and the request log are applied by the core to every
request outside ``/_emulator/``; vendors do nothing.
"""

import importlib

from flask import Flask, g, request

from . import admin
from .context import EXTENSION_KEY, answer, get_emulator, view
from .faults import apply_fault
from .requestlog import log_current_request
from .state import Emulator

VENDOR_MODULES = (
    "ncm_emulator.infraon",
    "ncm_emulator.scc",
    "ncm_emulator.voss",
)

ADMIN_PREFIX = "/_emulator/"

__all__ = ["ADMIN_PREFIX", "VENDOR_MODULES", "Vendor", "answer", "create_app", "get_emulator", "load_vendors",
           "register_vendor", "view"]


class Vendor(object):
    """What a vendor module hands to the core (see the module docstring)."""

    def __init__(self, name, blueprint, collections=(), switches=None, choices=None,
                 config_defaults=None, reset=None, seed=None, seeders=None, prefixes=(), http_error=None):
        self.name = name
        self.blueprint = blueprint
        self.collections = tuple(collections)
        self.switches = dict(switches or {})
        self.choices = dict(choices or {})
        self.config_defaults = dict(config_defaults or {})
        self.reset = reset
        self.seed = seed
        self.seeders = dict(seeders or {})
        self.prefixes = tuple(prefixes)
        self.http_error = http_error


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


# ---- request hooks -----------------------------------------------------------

def _before_request():
    request.get_data(cache=True)  # always consume the body
    if request.path.startswith(ADMIN_PREFIX):
        return None
    emu = get_emulator()
    fault = emu.take_fault(request.method, request.path)
    if fault is not None:
        return apply_fault(emu, fault)
    return None


def _after_request(response):
    emu = get_emulator()
    after_store = g.get("ncm_after_store")
    if after_store is not None:
        # the request was applied (whatever it answered); a proxy in front loses that answer
        response = apply_fault(emu, dict(after_store, kind="status"))
    if not request.path.startswith(ADMIN_PREFIX) and not g.get("ncm_dropped"):
        log_current_request(emu, response.status_code)
    if emu.state_file:
        emu.save_state()
    return response


def _http_error(exc):
    emu = get_emulator()
    for vendor in emu.vendors.values():
        if vendor.http_error is not None and vendor.prefixes and request.path.startswith(vendor.prefixes):
            reply = vendor.http_error(exc.code, request)
            if reply is not None:
                return reply
    if exc.code == 405:
        body = {"detail": 'Method "%s" not allowed.' % request.method}
    elif exc.code == 404:
        body = {"detail": "Not found."}
    else:
        body = {"detail": exc.description}
    return answer(body, exc.code)


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
