# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""hcs_admin_users ``backup`` against a mocked VOSS client (issue 25): written before the first
delete, never in check mode or with nothing to delete; a failed export deletes nothing."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import io
import json
import os
import stat
import zipfile

import pytest

from ansible_collections.ncm.platforms.plugins.module_utils import errors
from ansible_collections.ncm.platforms.tests.unit.plugins.modules.test_hcs_admin_users import (
    USERS, new_client, run_module, writes)


def export_of(hierarchy, pkids):
    doc = {"instances": [user for user in USERS if user["pkid"] in pkids]}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("export_1.json", json.dumps(doc))
    return out.getvalue()


def backup_client():
    client = new_client()
    client.export_users.side_effect = export_of
    return client


def test_the_users_to_delete_are_backed_up_before_the_bulk_delete(capsys, tmp_path):
    client = backup_client()
    order = []
    client.export_users.side_effect = lambda hierarchy, pkids: order.append("export") or export_of(hierarchy, pkids)
    client.bulk_delete.side_effect = lambda hierarchy, users, timeout: order.append("delete") or "tx-b"
    result = run_module({"state": "deleted", "config": [{"username": "ann"}, {"username": "bob"}], "backup": True,
                         "backup_options": {"dir_path": str(tmp_path), "filename": "b.json.zip"}}, client, capsys)
    assert result["changed"] is True and order == ["export", "delete"]
    assert result["backup_path"] == str(tmp_path / "b.json.zip")
    assert stat.S_IMODE(os.stat(result["backup_path"]).st_mode) == 0o600
    with zipfile.ZipFile(result["backup_path"]) as archive:
        names = [u["data"]["hcsUname"] for u in json.loads(archive.read("export_1.json"))["instances"]]
    assert names == ["ann", "bob"]
    assert client.export_users.call_args[0][1] == ["pk-ann", "pk-bob"]
    assert result["transactions"] == {"ann": "tx-b", "bob": "tx-b"}


@pytest.mark.parametrize("check_mode, config", [(True, [{"username": "ann"}]), (False, [{"username": "nobody"}])])
def test_nothing_is_exported_or_written_in_check_mode_or_with_nothing_to_delete(capsys, tmp_path, check_mode, config):
    client = backup_client()
    result = run_module({"state": "deleted", "config": config, "backup": True,
                         "backup_options": {"dir_path": str(tmp_path / "b")}}, client, capsys, check_mode=check_mode)
    assert result["backup_path"] is None
    assert client.export_users.call_count == 0 and writes(client) == []
    assert not os.path.exists(str(tmp_path / "b"))


def test_a_failed_export_stops_the_task_before_any_write(capsys, tmp_path):
    client = backup_client()
    client.export_users.side_effect = errors.ApiError("POST", "/x", 405, "Export is not supported.",
                                                      "POST https://voss.example.test/x returned HTTP 405: no")
    result = run_module({"state": "overridden", "config": [{"username": "zed", "role": "CustomerAdminRole"}],
                         "backup": True, "backup_options": {"dir_path": str(tmp_path)}}, client, capsys)
    assert result["failed"] is True and result["changed"] is False
    assert result["msg"].startswith("backup: the export of the 2 users to be deleted failed: POST ")
    assert writes(client) == [] and os.listdir(str(tmp_path)) == []


def test_without_backup_there_is_no_export_and_no_backup_path(capsys):
    client = backup_client()
    result = run_module({"state": "deleted", "config": [{"username": "ann"}]}, client, capsys)
    assert "backup_path" not in result and client.export_users.call_count == 0
    assert result["changes"] == [{"username": "ann", "action": "deleted", "fields": []}]
