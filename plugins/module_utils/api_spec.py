# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The ``api`` option of each platform, built from one table (see DESIGN.md), and its values checked.

The doc fragments in ``plugins/doc_fragments`` document exactly these keys; a unit test
holds the two together. ``resolve`` is the one place a platform's ``connect`` gets its
settings from: the credentials the task gives win over the environment's as a whole (never
mixed across sources), an empty environment value counts as unset, and every value is
checked (``checked_api``; a ``url`` that ends in the API's own prefix too) before any request.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os
import re
from urllib.parse import urlsplit

from ansible.module_utils.basic import AnsibleFallbackNotFound

from ansible_collections.ncm.platforms.plugins.module_utils import errors, rest, validate

# The keys a task logs in with; they are taken as a whole from the task, else from the environment.
CREDENTIALS = ("api_key", "access_code", "username", "password")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

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

# platform -> environment prefix, keys, the ways to log in (each a set of credential keys
# given together, the first one preferred), and the API's own path prefix, which the modules
# append to the url themselves
PLATFORMS = {
    "infraon": dict(
        env="INFRAON",
        keys=("url", "api_key", "username", "password", "validate_certs", "ca_path", "timeout", "retries"),
        logins=(("api_key",), ("username", "password")),
        prefix="/ux"),
    "scc": dict(
        env="SCC",
        keys=("url", "access_code", "username", "password", "validate_certs", "ca_path", "timeout", "retries"),
        logins=(("access_code",), ("username", "password")),
        prefix="/api"),
    "voss": dict(
        env="VOSS",
        keys=("url", "username", "password", "validate_certs", "ca_path", "timeout", "retries"),
        logins=(("username", "password"),),
        prefix="/api"),
}


def env_name(platform, key):
    """The environment variable of ``key`` of ``platform``'s ``api`` option, or None."""
    suffix = KEYS[key][1]
    return "%s_%s" % (PLATFORMS[platform]["env"], suffix) if suffix else None


def env_value(name):
    """The fallback of an ``api`` key: the variable ``name``; empty or only spaces counts as unset."""
    value = os.environ.get(name)
    if value is None or not value.strip():
        raise AnsibleFallbackNotFound
    return value


def api_option(platform):
    """The argument spec entry of the ``api`` option for ``platform``."""
    table = PLATFORMS[platform]
    options = {}
    for key in table["keys"]:
        spec, env_suffix = KEYS[key]
        spec = dict(spec)
        if env_suffix and key not in CREDENTIALS:  # credentials: resolve() reads the environment
            spec["fallback"] = (env_value, [env_name(platform, key)])
        options[key] = spec
    return dict(type="dict", apply_defaults=True, options=options)


def argument_spec(platform, **module_options):
    """A module's whole argument spec: the platform's ``api`` option plus its own."""
    spec = {"api": api_option(platform)}
    spec.update(module_options)
    return spec


def credentials(platform, api, environ=None):
    """``(credentials, source)``: the credential keys the task gives, as a whole, else those of
    the environment (an empty value counts as unset); never a mix of the two."""
    environ = os.environ if environ is None else environ
    keys = [key for key in PLATFORMS[platform]["keys"] if key in CREDENTIALS]
    given = dict((key, api[key]) for key in keys if api.get(key) is not None)
    if given:
        return given, "task"
    found = dict((key, environ.get(env_name(platform, key))) for key in keys)
    return dict((key, value) for key, value in found.items() if value and value.strip()), "environment"


def _logins_text(platform, name):
    return ", or ".join(" and ".join(name(key) for key in login) for login in PLATFORMS[platform]["logins"])


def check_logins(platform, given, source):
    """Fail unless ``given`` holds one whole way to log in, and no part of another, naming the keys."""
    for login in PLATFORMS[platform]["logins"]:
        missing = [key for key in login if key not in given]
        if given.keys() & set(login) and missing:
            raise errors.InputError(
                "api.%s is given without %s (in the %s): the credentials are taken as a whole from the task, "
                "else from the environment, never mixed." % (
                    " and api.".join(key for key in login if key in given),
                    " and ".join("api." + key for key in missing), source))
    if not any(all(key in given for key in login) for login in PLATFORMS[platform]["logins"]):
        raise errors.InputError("api: no credentials: give %s in the task, or set %s in the environment." % (
            _logins_text(platform, lambda key: "api." + key), _logins_text(platform, lambda key: env_name(platform, key))))


def check_prefix(platform, url):
    """Fail when ``url`` ends in the API's own path prefix, which the module appends itself."""
    prefix = PLATFORMS[platform]["prefix"]
    path = urlsplit(url).path.rstrip("/")
    if path.lower().endswith(prefix):
        base = url.rstrip("/")[:-len(prefix)]
        raise errors.InputError(
            "api.url %s ends in %s, the API's own path prefix, which the module appends itself (it would request "
            "%s%s/...): give the service's base URL, %s (a reverse proxy's own path prefix stays)." % (
                url, prefix, url.rstrip("/"), prefix, base))


def resolve(platform, task):
    """The task's ``api`` option with its credentials chosen (``credentials``) and every value
    checked, before any request; stored back in ``task.params`` and returned. A secret taken
    from the environment is hidden in the task's output (``task.hide``)."""
    api = dict(task.params["api"])
    given, source = credentials(platform, api)
    check_logins(platform, given, source)
    for key in PLATFORMS[platform]["keys"]:
        if key in CREDENTIALS:
            api[key] = given.get(key)
            if source == "environment" and key in given and KEYS[key][0].get("no_log"):
                task.hide(given[key])
    checked_api(api)
    check_prefix(platform, api["url"])
    task.params["api"] = api
    return api


def rest_client(task, headers=None, basic_auth=None, login=None, error_in_body=None):
    """The ``rest.RestClient`` of the task's ``api`` option, as ``resolve`` chose and checked it.

    Every secret of the task is a secret of the client. With ``validate_certs: false`` on an
    HTTPS URL the task warns once.
    """
    api = task.params["api"]
    if not api["validate_certs"] and api["url"].startswith("https"):
        task.warn("api.validate_certs is false: the TLS certificate of %s is not checked."
                  % urlsplit(api["url"]).hostname)
    return rest.RestClient(
        api["url"], timeout=api["timeout"], retries=api["retries"], validate_certs=api["validate_certs"],
        ca_path=api["ca_path"], headers=headers, basic_auth=basic_auth, secrets=task.secrets,
        error_in_body=error_in_body, log=task.debug, login=login)


def header_value(option, value):
    """A header value from an option: surrounding spaces and line ends stripped (a vault
    ``encrypt_string`` value often ends in a newline); empty or with a control character
    inside, it fails naming ``option``, never quoting the value."""
    text = str(value).strip()
    if not text:
        raise errors.InputError("%s is empty or only spaces." % option)
    if _CONTROL.search(text):
        raise errors.InputError("%s contains a line break or another control character; "
                                "a header value cannot carry one." % option)
    return text


def checked_api(api):
    """The ``api`` option's transport values and credentials, each checked; fails naming ``api.<key>``.

    A blank username, password or access code given is refused here, whatever logs in with
    it (HTTP Basic or a token login), before any request. ``api_key`` is checked as the header
    it becomes (``header_value``).
    """
    url = api.get("url")
    if url is None or not url.strip():
        raise errors.InputError("api.url is empty: give the service's base URL, such as https://host[:port].")
    if url != url.strip() or " " in url:
        raise errors.InputError("api.url %r contains spaces; give it without any." % url)
    try:
        parts = urlsplit(url)
        has_port_zero = parts.port == 0
    except ValueError as exc:
        raise errors.InputError("api.url %r is not a valid URL: %s." % (url, exc))
    if parts.scheme not in ("http", "https") or not parts.hostname or has_port_zero:
        raise errors.InputError("api.url %r must start with https:// or http:// and name a host." % url)
    if parts.query or parts.fragment:
        raise errors.InputError("api.url %r must not carry a query string or fragment: "
                                "only scheme://host[:port] and an optional path prefix." % url)
    if api.get("timeout") is not None and api["timeout"] <= 0:
        raise errors.InputError("api.timeout must be more than 0 seconds (got %s)." % api["timeout"])
    if api.get("retries") is not None and api["retries"] < 0:
        raise errors.InputError("api.retries must be 0 or more (got %s)." % api["retries"])
    for key in ("username", "password", "access_code"):
        validate.not_blank("api." + key, api.get(key))
    ca_path = api.get("ca_path")
    if ca_path and api.get("validate_certs", True) and not os.path.exists(ca_path):
        raise errors.InputError("api.ca_path %s does not exist." % ca_path)
    return api
