"""Infraon NCCM: /ux/nccm/jobs-account-audit/ and /ux/nccm/configuration_policies/ (+ token login)."""

from .. import core
from .routes import bp
from .seed import reset, seed
from .store import AUDIT, POLICIES, TOKENS

SWITCHES = {
    "infraon_list_shape": "array",
    "infraon_max_page_size": 500,
    "infraon_audit_post_answer": "object",
    "infraon_policy_post_answer": "empty",
    "infraon_secrets_in_get": "clear",
    "infraon_datetime_format": "millis",
}
CHOICES = {
    "infraon_list_shape": ("array", "envelope"),
    "infraon_audit_post_answer": ("object", "empty", "status_id"),
    "infraon_policy_post_answer": ("object", "empty", "status_id"),
    "infraon_secrets_in_get": ("clear", "masked", "empty"),
    "infraon_datetime_format": ("millis", "seconds", "offset"),
}
CONFIG_DEFAULTS = {
    "api_key": "emulator-infraon-key",
    "username": "emulator",
    "password": "emulator-password",
    "seed": {},
}

VENDOR = core.Vendor(
    name="infraon",
    blueprint=bp,
    collections=(AUDIT, POLICIES, TOKENS),
    switches=SWITCHES,
    choices=CHOICES,
    config_defaults=CONFIG_DEFAULTS,
    reset=reset,
    seed=seed,
    prefixes=("/ux/",),
)
