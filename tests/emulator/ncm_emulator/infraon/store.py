"""Infraon NCCM collections and the store operations of its resources."""

import re

from . import fields, values

AUDIT = "infraon_audit"
POLICIES = "infraon_policies"
TOKENS = "infraon_tokens"
FIELDS_OF = {AUDIT: fields.AUDIT_FIELDS, POLICIES: fields.POLICY_FIELDS}
_HEX24 = re.compile(r"^[0-9a-f]{24}$")


def render(emu, collection, obj):
    """A stored object as a GET shows it (switches infraon_datetime_format, infraon_secrets_in_get)."""
    return values.render(FIELDS_OF[collection], obj, emu.switch("infraon_datetime_format"),
                         emu.switch("infraon_secrets_in_get"))


def find(emu, collection, obj_id):
    """The object of this id, or None (also for an id that is not 24 hex digits)."""
    if not _HEX24.match(obj_id or ""):
        return None
    return emu.get_object(collection, obj_id)


def new_object(emu, collection, clean):
    """Store a new object: every field present, read-only ones null, then the clean values."""
    obj = dict((f.name, None if f.read_only else f.empty()) for f in FIELDS_OF[collection])
    obj.update(clean)
    obj["id"] = emu.new_id()
    obj["creationtime"] = values.store_datetime(emu.now())
    emu.put_object(collection, obj)
    return obj


def replace(emu, collection, obj, clean):
    """Store ``obj`` with the clean values (a policy also gets its last_update_time)."""
    updated = dict(obj)
    updated.update(clean)
    if collection == POLICIES:
        updated["last_update_time"] = values.store_datetime(emu.now())
    emu.put_object(collection, updated)
    return updated
