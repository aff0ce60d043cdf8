"""Shared fixtures for the emulator's own tests (all vendors).

- ``emulator_server``: one emulator for the whole session (a Server object; ``.url``).
- ``emu_url``: the base URL of that emulator, reset (all state, switches, faults, log)
  before each test.
- ``admin``: an ``Admin`` helper bound to ``emu_url`` for the ``/_emulator/`` API.
- ``start_emulator``: a factory for a private emulator with its own config, state file or
  TLS directory: ``server = start_emulator(config={...}, state_file=..., tls_dir=...)``;
  stopped at the end of the test.
- ``infraon``: a requests.Session that sends the default Infraon key (``infraon.base``).
"""

import importlib
import os
import sys

import pytest
import requests

HERE = os.path.dirname(os.path.abspath(__file__))
EMULATOR_DIR = os.path.dirname(HERE)
if EMULATOR_DIR not in sys.path:
    sys.path.insert(0, EMULATOR_DIR)

core = importlib.import_module("ncm_emulator.core")
server_mod = importlib.import_module("ncm_emulator.server")

INFRAON_KEY = "emulator-infraon-key"
TIMEOUT = 10


class Admin(object):
    """Calls to the admin API; every method raises on a non-2xx answer."""

    def __init__(self, base):
        self.base = base.rstrip("/") + "/_emulator"
        self.session = requests.Session()

    def call(self, method, path, body=None, params=None, expect_ok=True):
        resp = self.session.request(method, self.base + path, json=body, params=params, timeout=TIMEOUT)
        if expect_ok:
            assert resp.ok, "%s %s -> %s %s" % (method, path, resp.status_code, resp.text)
        return resp

    def reset(self, vendor=None):
        return self.call("POST", "/reset", {"vendor": vendor} if vendor else None).json()

    def seed(self, **collections):
        """seed(infraon_policies=[{...}, ...]) -> {"infraon_policies": [ids]}."""
        return self.call("POST", "/seed", collections).json()["ids"]

    def generate(self, collection, count, template):
        return self.call("POST", "/seed", {"generate": {"collection": collection, "count": count,
                                                        "template": template}}).json()["ids"][collection]

    def raw(self, collection):
        """The stored objects, as stored."""
        return self.call("GET", "/collections/" + collection).json()

    def switches(self, **values):
        """switches(name=value, ...) sets; switches() reads."""
        if values:
            return self.call("PUT", "/switches", values).json()
        return self.call("GET", "/switches").json()

    def fault(self, **spec):
        return self.call("POST", "/faults", spec).json()

    def faults(self):
        return self.call("GET", "/faults").json()

    def clear_faults(self):
        return self.call("DELETE", "/faults").json()

    def log(self, **filters):
        return self.call("GET", "/log", params=filters).json()["entries"]

    def clear_log(self):
        return self.call("DELETE", "/log").json()

    def advance_clock(self, seconds):
        return self.call("POST", "/clock", {"advance": seconds}).json()


def _start(config=None, state_file=None, tls_dir=None):
    app = core.create_app(config=config, state_file=state_file)
    return server_mod.Server(app, host="127.0.0.1", port=0, tls_dir=tls_dir).start()


@pytest.fixture(scope="session")
def emulator_server():
    server = _start()
    yield server
    server.stop()


@pytest.fixture
def emu_url(emulator_server):
    requests.post(emulator_server.url + "/_emulator/reset", timeout=TIMEOUT).raise_for_status()
    return emulator_server.url


@pytest.fixture
def admin(emu_url):
    return Admin(emu_url)


@pytest.fixture
def start_emulator():
    started = []

    def factory(config=None, state_file=None, tls_dir=None):
        server = _start(config=config, state_file=state_file, tls_dir=tls_dir)
        started.append(server)
        return server

    yield factory
    for server in started:
        server.stop()


@pytest.fixture
def infraon(emu_url):
    session = requests.Session()
    session.headers["Authorization"] = INFRAON_KEY
    session.base = emu_url
    return session


VOSS_AUTH = ("hcsadmin@sys.hcs", "emulator-password")


@pytest.fixture
def voss_caller(emu_url):
    """Makes functions calling the VOSS API with basic auth, ``format=json`` and a default hierarchy (None: left out)."""
    session = requests.Session()
    session.auth = VOSS_AUTH

    def make(default_hierarchy, timeout=30):
        def call(method, path, hierarchy=default_hierarchy, params=None, **kwargs):
            query = {"format": "json"}
            if hierarchy:
                query["hierarchy"] = hierarchy
            query.update(params or {})
            return session.request(method, emu_url + path, params=query, timeout=timeout, **kwargs)
        return call
    return make
