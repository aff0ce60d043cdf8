"""Infraon NCCM seed and reset hooks (no default objects: config ``infraon.seed`` only)."""

from . import values
from .store import FIELDS_OF


def seed(emu, collection, obj):
    """Seeded objects may carry read-only fields (id, creationtime, status...) and any dates."""
    if collection in FIELDS_OF:
        obj = values.normalise_seed(FIELDS_OF[collection], obj)
        if not obj.get("creationtime"):
            obj["creationtime"] = values.store_datetime(emu.now())
    if not obj.get("id"):
        obj["id"] = emu.new_id()
    return obj


def reset(emu):
    """Load the objects of config["infraon"]["seed"] ({collection: [objects]})."""
    for collection, objects in (emu.config["infraon"].get("seed") or {}).items():
        emu.seed(collection, objects)
