# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The ``api`` option of each platform, built from one table (see DESIGN.md).

The doc fragments in ``plugins/doc_fragments`` document exactly these keys; a unit test
holds the two together.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible.module_utils.basic import env_fallback

# key -> (argument spec without fallback, environment variable suffix or None)
KEYS = {
    "url": (dict(type="str", required=True), "URL"),
    "api_key": (dict(type="str", no_log=True), "API_KEY"),
    "access_code": (dict(type="str", no_log=True), "ACCESS_CODE"),
    "username": (dict(type="str"), "USERNAME"),
    "password": (dict(type="str", no_log=True), "PASSWORD"),
    "validate_certs": (dict(type="bool", default=True), "VALIDATE_CERTS"),
    "ca_path": (dict(type="path"), "CA_PATH"),
    "timeout": (dict(type="int", default=30), "TIMEOUT"),
    "retries": (dict(type="int", default=3), None),
}

# platform -> environment prefix, keys, keys without an environment fallback, keys that are
# required (beyond url), and the rules between keys
PLATFORMS = {
    "infraon": dict(
        env="INFRAON",
        keys=("url", "api_key", "username", "password", "validate_certs", "ca_path", "timeout", "retries"),
        no_env=("username", "password"),
        rules=dict(required_one_of=[["api_key", "username"]], required_together=[["username", "password"]])),
    "scc": dict(
        env="SCC",
        keys=("url", "access_code", "username", "password", "validate_certs", "ca_path", "timeout", "retries"),
        no_env=(),
        rules=dict(required_one_of=[["access_code", "username"]], required_together=[["username", "password"]])),
    "voss": dict(
        env="VOSS",
        keys=("url", "username", "password", "validate_certs", "ca_path", "timeout", "retries"),
        no_env=(),
        required=("username", "password"),
        rules={}),
}


def api_option(platform):
    """The argument spec entry of the ``api`` option for ``platform``."""
    table = PLATFORMS[platform]
    options = {}
    for key in table["keys"]:
        spec, env_suffix = KEYS[key]
        spec = dict(spec)
        if key in table.get("required", ()):
            spec["required"] = True
        if env_suffix and key not in table["no_env"]:
            spec["fallback"] = (env_fallback, ["%s_%s" % (table["env"], env_suffix)])
        options[key] = spec
    option = dict(type="dict", apply_defaults=True, options=options)
    option.update(table["rules"])
    return option


def argument_spec(platform, **module_options):
    """A module's whole argument spec: the platform's ``api`` option plus its own."""
    spec = {"api": api_option(platform)}
    spec.update(module_options)
    return spec
