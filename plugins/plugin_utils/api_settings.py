# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The ``api`` setting of an inventory plugin's configuration, made into the task a platform's
``connect`` takes, exactly as for a module: the same argument spec (``api_spec.api_option``:
defaults and environment fallbacks), then ``api_spec.resolve`` in ``connect`` (credentials as
a whole from the configuration, else the environment; every value checked).

A configuration value may be vault-encrypted; it is decrypted here, and every ``no_log``
value is a secret of the task, so no message or log line shows it.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.ncm.platforms.plugins.module_utils import api_spec, errors
from ansible_collections.ncm.platforms.plugins.module_utils.task import Task
from ansible_collections.ncm.platforms.plugins.plugin_utils.module_result import no_log_values

PLAIN = (bool, int, float, str, type(None))


def plain(value):
    """A configuration value as plain data: a vault-encrypted text becomes its clear text."""
    if isinstance(value, dict):
        return dict((str(key), plain(item)) for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, PLAIN) and type(value) in PLAIN:
        return value
    return str(value)  # vault-encrypted (EncryptedString, AnsibleVaultEncryptedUnicode) or another text type


def task_of(platform, api, debug=None, warn=None):
    """The ``Task`` whose ``params`` are ``{"api": ...}``, validated as a module validates its
    ``api`` option; fails (``errors.InputError``) naming the key, never showing a secret."""
    spec = {"api": api_spec.api_option(platform)}
    if api is not None and not isinstance(api, dict):
        raise errors.InputError("api must be a dictionary of the keys %s." % ", ".join(api_spec.PLATFORMS[platform]["keys"]))
    validation = ArgumentSpecValidator(spec).validate({"api": plain(api or {})})
    params = validation.validated_parameters
    secrets = no_log_values(spec, params)
    if validation.error_messages:
        raise errors.InputError("; ".join(validation.error_messages))
    return Task(params, secrets=secrets, debug=debug, warn=warn)
