# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run a module's ``main()`` against a mocked platform client (``Mock(spec=...)``)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import contextlib
import json
from unittest import mock

import pytest
from ansible.module_utils import _internal as module_utils_internal, basic
from ansible.module_utils.common import warnings as ansible_warnings

from ansible_collections.ncm.platforms.plugins.module_utils.infraon import client as infraon

try:
    from ansible.module_utils.testing import patch_module_args
except ImportError:  # ansible-core < 2.19 reads _ANSIBLE_ARGS
    @contextlib.contextmanager
    def patch_module_args(args):
        encoded = json.dumps({"ANSIBLE_MODULE_ARGS": args}).encode("utf-8")
        with mock.patch.object(basic, "_ANSIBLE_ARGS", encoded):
            yield

API = {"url": "https://nccm.example.test", "api_key": "api-key-0042"}


def new_client(spec=infraon.InfraonClient):
    """A mocked platform client (Infraon's by default) that has written nothing yet."""
    return mock.Mock(spec=spec, wrote=False)


def run_module(module, params, client, capsys, check_mode=False, diff=False, api=None, secrets=()):
    """Run ``module.main()`` with its ``CONNECT`` answering ``client``; return the parsed
    result (``failed`` set on fail_json). None of ``secrets`` may appear in what it printed."""
    args = dict(params, _ansible_check_mode=check_mode, _ansible_diff=diff)
    args.setdefault("api", dict(api or API))
    # a module process starts with no warnings nor deprecations; here every run shares one interpreter
    fresh, fresh_deprecations = type(ansible_warnings._global_warnings)(), type(ansible_warnings._global_deprecations)()
    # ... and is no controller, even when a test of the action plugins loaded controller code here
    as_module = mock.patch.object(module_utils_internal, "is_controller", False, create=True)
    with patch_module_args(args), mock.patch.object(module, "CONNECT", return_value=client), as_module:
        with mock.patch.object(ansible_warnings, "_global_warnings", fresh), pytest.raises(SystemExit), \
                mock.patch.object(ansible_warnings, "_global_deprecations", fresh_deprecations):
            module.main()
    out = capsys.readouterr().out
    for secret in secrets:
        assert secret not in out
    return json.loads(out)


def writes(client):
    """The write calls made on the mocked client."""
    return [call for call in client.mock_calls if call[0] in ("create", "update", "delete")]
