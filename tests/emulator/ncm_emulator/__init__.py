"""Local emulator of the Infraon NCCM, SteelCentral Controller and VOSS-4-UC APIs."""

from .core import create_app, get_emulator, register_vendor, Vendor

__all__ = ["create_app", "get_emulator", "register_vendor", "Vendor"]
