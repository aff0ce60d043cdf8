# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import datetime
import json
import os
import stat
from unittest import mock

import pytest

from ansible_collections.ncm.platforms.plugins.module_utils.infraon.resources import AUDIT
from ansible_collections.ncm.platforms.plugins.modules import nccm_account_audit_purge as module
from ansible_collections.ncm.platforms.tests.unit.plugins.modules.module_harness import new_client, run_module, writes

SECRET = "old-device-pass"
RECORDS = [
    {"id": "a1", "organization": "acme", "creationtime": "2025-01-01T00:00:00Z", "dpassword": SECRET},
    {"id": "a2", "organization": "other", "creationtime": "2025-01-02T00:00:00Z"},
    {"id": "a3", "organization": "acme", "creationtime": "2025-03-01T00:00:00Z"},
]


def listing():
    client = new_client()
    client.iter_all.side_effect = lambda *args, **kwargs: iter([dict(record) for record in RECORDS])
    return client


def test_check_mode_counts_and_deletes_nothing(capsys, tmp_path):
    client = listing()
    export = tmp_path / "out.json"
    result = run_module(module, {"created_before": "2025-02-01T00:00:00Z", "export_path": str(export)},
                        client, capsys, check_mode=True)
    assert (result["changed"], result["count"], result["ids"]) == (True, 2, ["a1", "a2"])
    assert writes(client) == [] and not export.exists()


def test_exports_masked_and_private_before_deleting(capsys, tmp_path):
    client = listing()
    export = tmp_path / "out.json"

    def delete(path, record_id):
        assert json.loads(export.read_text())["count"] == 1  # the file is complete before any delete
    client.delete.side_effect = delete
    result = run_module(module, {"created_before": "2025-02-01T00:00:00Z", "filters": {"organization": "acme"},
                                 "export_path": str(export)}, client, capsys)
    assert (result["changed"], result["ids"], result["export_path"]) == (True, ["a1"], str(export))
    assert client.delete.call_args_list == [mock.call(AUDIT, "a1")]
    assert SECRET not in export.read_text()
    assert stat.S_IMODE(os.stat(str(export)).st_mode) == 0o600


def test_nothing_to_delete_is_no_change(capsys):
    client = listing()
    result = run_module(module, {"created_before": "2024-01-01T00:00:00Z"}, client, capsys)
    assert (result["changed"], result["count"]) == (False, 0)


def test_older_than_days_counts_back_from_now():
    now = datetime.datetime(2025, 3, 1, tzinfo=datetime.timezone.utc)
    assert module.cutoff({"created_before": None, "older_than_days": 30}, now) == "2025-01-30T00:00:00.000000Z"


@pytest.mark.parametrize("params, message", [
    ({"older_than_days": -1}, "older_than_days must be at least 0 (got -1)."),
    ({"older_than_days": 10 ** 9}, "older_than_days must be at most 36500 (got 1000000000)."),
    ({"created_before": "2025-02-01T00:00:00+05"}, "created_before: "),
    ({"older_than_days": 1, "max_in_flight": 0}, "max_in_flight must be at least 1 (got 0)."),
    ({"older_than_days": 1, "filters": {"dpassword": "x"}}, "filters: dpassword cannot be filtered on"),
    ({"older_than_days": 1, "export_path": "/nonexistent/dir/out.json"}, "export_path: the folder /nonexistent/dir does not exist."),
])
def test_bad_input_fails_before_any_request(capsys, params, message):
    client = listing()
    result = run_module(module, params, client, capsys)
    assert result["failed"] is True and result["msg"].startswith(message)
    assert client.mock_calls == []


def test_a_filter_on_a_secret_never_shows_the_value(capsys):
    # the value is the user's password: masked also in the invocation Ansible prints
    client = listing()
    result = run_module(module, {"older_than_days": 1, "filters": {"dpassword": SECRET}}, client, capsys, secrets=[SECRET])
    assert result["failed"] is True and "cannot be filtered on (a secret)" in result["msg"]
    assert client.mock_calls == []


@pytest.mark.parametrize("export_path", ["", "   "])
def test_a_blank_export_path_is_refused_before_any_request(capsys, export_path):
    client = listing()
    result = run_module(module, {"older_than_days": 1, "export_path": export_path}, client, capsys)
    assert result["failed"] is True
    assert result["msg"] == "export_path must not be empty or only spaces."
    assert client.mock_calls == []
