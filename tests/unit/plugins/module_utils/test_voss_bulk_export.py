# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""VOSS issue 25 over recorded HTTP: bulk deletes (batches, a refused bulk form, a partial
failure), full records through the export (and its fallback), the backup file."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import io
import json
import os
import stat
import zipfile

import pytest
import responses
from responses import matchers

from ansible_collections.ncm.platforms.plugins.module_utils import errors, sync
from ansible_collections.ncm.platforms.plugins.module_utils.voss import backup, targets
from ansible_collections.ncm.platforms.plugins.module_utils.voss.resources import USERS_PATH
from ansible_collections.ncm.platforms.tests.unit.plugins.module_utils.test_voss import (
    BASE, CUSTOMER, USERS, client, item, list_page, record, requests_made)

SECRET = "stored-Secret-hash-99"
NAMES = ("u1", "u2", "u3")


def tx_answer(tx_id):
    return {"href": "/api/tool/Transaction/" + tx_id, "success": True, "transaction_id": tx_id}


def bulk(pkids, status=202, body=None):
    hrefs = {"hrefs": [USERS_PATH + pkid for pkid in pkids]}
    responses.delete(USERS, status=status, json=body,
                     match=[matchers.json_params_matcher(hrefs),
                            matchers.query_param_matcher({"hierarchy": CUSTOMER, "format": "json", "nowait": "true"})])


def tx(tx_id, status, message=None):
    responses.get("%s/api/tool/Transaction/%s/" % (BASE, tx_id), json={"pkid": tx_id, "data": {"status": status, "message": message}})


def export_zip(records, name="export_2026-01-01_00:00:00.000001.json"):
    doc = {"model_type": "relation/HcsAdminUserREL",
           "instances": [dict(rec, hierarchy="sys.hcs.CS-P.CS-NB.AAAGlobal") for rec in records]}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(name, json.dumps(doc))
    return out.getvalue()


def export(pkids, records=None, status=200):
    hrefs = {"hrefs": [USERS_PATH + pkid for pkid in pkids], "export_format": "json"}
    if status != 200:
        responses.post(USERS + "export/", status=status, json={"success": False, "message": "Export is not supported."},
                       match=[matchers.json_params_matcher(hrefs)])
        return
    responses.post(USERS + "export/", body=export_zip(records), content_type="application/x-zip",
                   match=[matchers.json_params_matcher(hrefs),
                          matchers.query_param_matcher({"hierarchy": CUSTOMER, "format": "json", "export_format": "json"})])


def users(names=NAMES):
    return [dict(record(name, name)["data"], pkid=name, hierarchy_path="sys.hcs.CS-P.CS-NB.AAAGlobal") for name in names]


def delete_all(target, names=NAMES, max_in_flight=4):
    actions = [sync.Action("delete", name, user, None, [], None, {}) for name, user in zip(names, users(names))]
    return sync.apply_parallel(actions, target, False, "username", max_in_flight)


# --- bulk delete -------------------------------------------------------------------------
@responses.activate
def test_the_deletes_go_as_one_bulk_transaction():
    bulk(NAMES, body=tx_answer("tx-1"))
    tx("tx-1", "Success")
    target = targets.AdminUsers(client(), CUSTOMER, 30)
    delete_all(target)
    assert [(r.method, r.path_url.split("?")[0]) for r in requests_made()] == [
        ("DELETE", "/proxy" + USERS_PATH), ("GET", "/proxy/api/tool/Transaction/tx-1/")]
    assert target.transactions == {"u1": "tx-1", "u2": "tx-1", "u3": "tx-1"}


@responses.activate
def test_more_users_than_a_batch_go_in_batches(monkeypatch):
    monkeypatch.setattr(targets, "BATCH", 2)
    bulk(["u1", "u2"], body=tx_answer("tx-1"))
    bulk(["u3"], body=tx_answer("tx-2"))
    tx("tx-1", "Success")
    tx("tx-2", "Success")
    target = targets.AdminUsers(client(), CUSTOMER, 30)
    delete_all(target)
    assert len(requests_made("DELETE")) == 2
    assert target.transactions == {"u1": "tx-1", "u2": "tx-1", "u3": "tx-2"}


@pytest.mark.parametrize("status", [400, 405])
@responses.activate
def test_a_refused_bulk_form_falls_back_to_one_delete_per_user(monkeypatch, status):
    monkeypatch.setattr(targets, "BATCH", 2)
    bulk(["u1", "u2"], status=status, body={"success": False, "message": "Bulk delete is not supported."})
    for name in NAMES:
        responses.delete(USERS + name + "/", status=202, json=tx_answer("tx-" + name))
        tx("tx-" + name, "Success")
    target = targets.AdminUsers(client(), CUSTOMER, 30)
    delete_all(target)
    paths = sorted(r.path_url.split("?")[0] for r in requests_made("DELETE"))
    assert paths == ["/proxy" + USERS_PATH] + ["/proxy%s%s/" % (USERS_PATH, name) for name in NAMES], "the bulk form is asked once"
    assert target.transactions == {"u1": "tx-u1", "u2": "tx-u2", "u3": "tx-u3"}


@responses.activate
def test_a_bulk_delete_refused_as_a_whole_goes_user_by_user_and_a_user_already_gone_counts_as_deleted():
    """Another run deleted u2 first: the bulk request is answered 404 and deletes nothing; one DELETE
    per user then deletes u1 and u3, and u2's 404 means it is gone, as declared. The next batch
    tries the bulk form again (a 404 is no refusal of the form)."""
    bulk(NAMES, status=404, body={"success": False, "message": "HcsAdminUserREL u2 not found"})
    for name in NAMES:
        if name == "u2":
            responses.delete(USERS + name + "/", status=404, json={"success": False, "message": "not found"})
            continue
        responses.delete(USERS + name + "/", status=202, json=tx_answer("tx-" + name))
        tx("tx-" + name, "Success")
    target = targets.AdminUsers(client(), CUSTOMER, 30)
    delete_all(target)  # no user fails
    paths = sorted(r.path_url.split("?")[0] for r in requests_made("DELETE"))
    assert paths == ["/proxy" + USERS_PATH] + ["/proxy%s%s/" % (USERS_PATH, name) for name in NAMES]
    assert target.bulk_refused is False


@responses.activate
def test_a_partial_bulk_failure_reports_each_user_left_after_the_rest():
    message = "Bulk delete: 1 of 3 instance(s) failed, the others were deleted: hcsUname u2 (pkid u2): refused"
    bulk(NAMES, body=tx_answer("tx-1"))
    tx("tx-1", "Fail", message)
    list_page(CUSTOMER, 0, 2000, [item("u2", "u2", CUSTOMER)], 1)
    target = targets.AdminUsers(client(), CUSTOMER, 30)
    with pytest.raises(errors.NcmError) as info:
        delete_all(target)
    assert info.value.message.startswith("1 of 3 writes failed: delete of username='u2': VOSS transaction tx-1 "
                                         "(delete 3 admin users) failed: " + message)
    assert info.value.details["changes"] == [{"username": "u1", "action": "deleted", "fields": []},
                                             {"username": "u3", "action": "deleted", "fields": []}]
    assert info.value.details["failures"] == [{"username": "u2", "msg": info.value.details["failures"][0]["msg"]}]
    assert target.transactions["u2"] == "tx-1"


# --- full records through the export -----------------------------------------------------
@responses.activate
def test_full_records_come_from_one_export_without_secrets():
    exported = [record(name, name, first_name=name.upper(), password=SECRET) for name in NAMES[:2]]
    exported[0]["data"]["AdminUser"]["account_information"] = {"used_passwords": [{"password": SECRET}], "locked": True}
    export(NAMES, exported)
    responses.get(USERS + "u3/", json=record("u3", "u3"))  # not in the export: read alone
    pairs = client().full_records(CUSTOMER, [item(name, name, CUSTOMER) for name in NAMES])
    assert [rec["data"]["AdminUser"].get("first_name") for dummy, rec in pairs] == ["U1", "U2", None]
    assert SECRET not in json.dumps([rec for dummy, rec in pairs])
    assert pairs[0][1]["data"]["AdminUser"]["account_information"] == {"locked": True}
    assert [r.method for r in requests_made()] == ["POST", "GET"]


@responses.activate
def test_a_refused_export_is_read_user_by_user_and_not_asked_again():
    export(NAMES[:2], status=405)
    for name in NAMES:
        responses.get(USERS + name + "/", json=record(name, name))
    api = client()
    first = api.full_records(CUSTOMER, [item(name, name, CUSTOMER) for name in NAMES[:2]])
    second = api.full_records(CUSTOMER, [item(name, name, CUSTOMER) for name in NAMES])
    assert [rec["pkid"] for dummy, rec in first + second] == list(NAMES[:2] + NAMES)
    assert [r.method for r in requests_made()] == ["POST"] + ["GET"] * 5


@responses.activate
def test_one_user_is_read_with_a_get():
    responses.get(USERS + "u1/", json=record("u1", "u1"))
    assert client().full_records(CUSTOMER, [item("u1", "u1", CUSTOMER)])[0][1]["pkid"] == "u1"
    assert [r.method for r in requests_made()] == ["GET"]


# --- backup ------------------------------------------------------------------------------
@responses.activate
def test_the_backup_file_is_0600_holds_the_users_and_no_secret(tmp_path):
    export(NAMES, [record(name, name, password=SECRET) for name in NAMES])
    path = backup.back_up(client(), CUSTOMER, users(), {"dir_path": str(tmp_path / "new"), "filename": None})
    assert os.path.dirname(path) == str(tmp_path / "new")
    assert os.path.basename(path).startswith(CUSTOMER + "_") and path.endswith(".json.zip")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    with zipfile.ZipFile(path) as archive:
        text = archive.read(archive.namelist()[0]).decode()
    assert [inst["data"]["hcsUname"] for inst in json.loads(text)["instances"]] == list(NAMES)
    assert SECRET not in text
    assert os.listdir(str(tmp_path / "new")) == [os.path.basename(path)], "no temporary file left"


@responses.activate
def test_a_refused_export_stops_the_backup_and_writes_nothing(tmp_path):
    export(NAMES, status=403)
    with pytest.raises(errors.NcmError) as info:
        backup.back_up(client(), CUSTOMER, users(), {"dir_path": str(tmp_path), "filename": "b.zip"})
    assert info.value.message.startswith("backup: the export of the 3 users to be deleted failed: POST ")
    assert info.value.message.endswith("; nothing was changed.")
    assert os.listdir(str(tmp_path)) == []


def test_an_answer_that_is_not_a_zip_of_json_is_no_backup():
    with pytest.raises(errors.ResponseFormatError):
        backup.export.scrubbed_zip([b"PK not really"])


@pytest.mark.parametrize("name", ["../x.zip", "a/b.zip", " ", ".."])
def test_a_filename_with_a_directory_fails_before_any_request(name):
    with pytest.raises(errors.InputError) as info:
        backup.check_options({"filename": name, "dir_path": None})
    assert info.value.message.startswith("backup_options.filename must be a file name without a directory")


def test_the_default_path_is_backup_under_the_current_directory():
    from datetime import datetime, timezone
    when = datetime(2026, 1, 31, 12, 0, 0, 5, timezone.utc)
    assert backup.backup_path(None, "sys.hcs.A B/C", when) == os.path.abspath(
        "backup/sys.hcs.A_B_C_2026-01-31T12-00-00.000005Z.json.zip")
