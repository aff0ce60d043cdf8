"""The shared state of one emulator: store, switches, clock, faults, request log, state file.

See the docstring of ``core`` for what a vendor may use of it.
"""

import copy
import json
import os
import re
import threading
import time
from collections import deque
from datetime import datetime, timedelta, timezone

from . import faults


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
        try:
            fault = faults.from_spec(spec)
        except ValueError as exc:
            raise EmulatorError(str(exc))
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

    def seeded(self, collection, obj):
        """An object as its vendor's seed hooks store it: the vendor's seeder of that collection,
        else its seed hook, else as given with an id."""
        vendor = self.vendor_of_collection(collection)
        if vendor is not None and collection in vendor.seeders:
            return vendor.seeders[collection](self, obj)
        if vendor is not None and vendor.seed is not None:
            return vendor.seed(self, collection, obj)
        obj.setdefault("id", self.new_id())
        return obj

    def seed(self, collection, objects):
        """Store objects as given (through the vendor's seed hook); returns their ids."""
        if not isinstance(objects, list):
            raise EmulatorError("seed %r: expected a list of objects" % collection)
        ids = []
        with self.lock:
            for obj in objects:
                if not isinstance(obj, dict):
                    raise EmulatorError("seed %r: every object must be a JSON object" % collection)
                obj = self.seeded(collection, copy.deepcopy(obj))
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
