# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""VOSS writes and ``tool/Transaction``.

A write is an operation (``add``, ``modify``, ``delete``, ``bulk_delete``) checked when it
arrives (schema errors answer 400 at once, in both modes). Without ``nowait`` it is applied
at once; a conflict answers 409, a missing instance 404. With ``nowait=true`` it becomes a
transaction (202), stored with its submission time; ``settle`` (run at the start of every
VOSS request) applies each transaction whose time has come, in submission order, so the
change appears exactly when the transaction turns final, not before. Its status:

- ``Queued`` for the first quarter of ``voss_transaction_seconds``, then ``In Progress``;
- then the word of switch ``voss_final_status_word`` (``Success`` or ``Completed``), or
  ``Fail`` with ``data.message`` when applying it failed (conflict, instance gone) or when
  it was one of the next ``voss_fail_transactions`` transactions (counted down as they are
  submitted; their message is switch ``voss_fail_message``).

A bulk delete whose instances include some named by switch ``voss_bulk_fail_users`` (fixed
when it is submitted), or some already gone when it runs (another client deleted them after
the request was taken), fails part way: the other instances are deleted (no roll back), the
named ones stay, and it ends ``Fail`` with a message naming each (``hcsUname <name> (pkid
<pkid>): <voss_fail_message>``, ``pkid <pkid>: HcsAdminUserREL <pkid> not found.``). A
synchronous one answers 400 with that message.

Reads of a transaction (``GET .../Transaction/<id>/`` and ``.../poll/``) are counted: with
switches ``voss_queued_polls`` = Q and ``voss_in_progress_polls`` = P (both 0 by default, fixed
per transaction when it is submitted), reads 1..Q show ``Queued``, reads Q+1..Q+P ``In
Progress``, and the transaction turns final no earlier than read Q+P+1 (and no earlier than
``voss_transaction_seconds`` after submission): with ``voss_transaction_seconds`` 0 the
states depend on the reads alone. Once it has shown ``In Progress`` it never goes back to
``Queued``.

A failed transaction carries its message in ``data.message`` (and ``data.detail``), or, with
switch ``voss_tx_message_key`` = ``error``, in ``data.error`` only.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import uuid
from datetime import datetime, timezone

from .errors import VossError
from .schema import BASE, MODEL
from .store import NODES, TRANSACTIONS, USERS
from .validate import find_conflict

ACTIONS = {
    "add": "Create",
    "modify": "Modify",
    "delete": "Delete",
    "bulk_delete": "Bulk Delete",
}


def iso(epoch):
    """``2025-08-31T03:41:36.327Z`` from epoch seconds."""
    stamp = datetime.fromtimestamp(epoch, timezone.utc)
    return stamp.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (stamp.microsecond // 1000)


def _check_unique(users, node_id, name, exclude=None):
    other = find_conflict(users.values(), node_id, name, exclude=exclude)
    if other is not None:
        raise VossError(409, "An HcsAdminUserREL with hcsUname %r already exists at this hierarchy (%s)."
                        % (name, other), "hcsUname")


def _add(emu, users, op, now):
    if emu.get_object(NODES, op["node"]) is None:
        raise VossError(404, "Hierarchy node %s no longer exists." % op["node"])
    stored = op["stored"]
    _check_unique(users, op["node"], stored["hcsUname"])
    user = {"id": op["pkid"], "data_pkid": op["data_pkid"], "hierarchy": op["node"], "created": iso(now)}
    user.update(stored)
    emu.put_object(USERS, user)


def _modify(emu, users, op, now):
    del now  # a modify keeps the creation time
    user = users.get(op["pkid"])
    if user is None:
        raise VossError(404, "HcsAdminUserREL %s not found." % op["pkid"])
    stored = op["stored"]
    _check_unique(users, user["hierarchy"], stored["hcsUname"], exclude=user["id"])
    user.update(stored)
    emu.put_object(USERS, user)


def _delete(emu, users, op, now):
    del now  # nothing is stamped on a delete
    if op["operation"] != "bulk_delete":
        if op["pkid"] not in users:
            raise VossError(404, "HcsAdminUserREL %s not found." % op["pkid"])
        emu.delete_object(USERS, op["pkid"])
        return
    failing = op.get("failing") or {}
    reason = emu.switch("voss_fail_message") or "Transaction failed."
    problems = ["hcsUname %s (pkid %s): %s" % (name, pkid, reason)
                for pkid, name in sorted(failing.items(), key=lambda pair: pair[1])]
    for pkid in op["pkids"]:
        if pkid not in users:
            problems.append("pkid %s: HcsAdminUserREL %s not found." % (pkid, pkid))
        elif pkid not in failing:
            emu.delete_object(USERS, pkid)
    if problems:
        raise VossError(400, "Bulk delete: %d of %d instance(s) failed, the others were deleted: %s" % (
            len(problems), len(op["pkids"]), "; ".join(problems)))


OPERATIONS = {"add": _add, "modify": _modify, "delete": _delete, "bulk_delete": _delete}


def apply(emu, op, now):
    """Carry out an operation on the store; raises ``VossError`` (404, 409) when it cannot."""
    OPERATIONS[op["operation"]](emu, emu.collection(USERS), op, now)


def submit(emu, op, username, hierarchy_path, description):
    """Store a transaction for ``op``; returns its id."""
    now = emu.now().timestamp()
    fail = None
    remaining = emu.switch("voss_fail_transactions")
    if remaining and remaining > 0:
        fail = emu.switch("voss_fail_message") or "Transaction failed."
        emu.switches["voss_fail_transactions"] = remaining - 1
    tx_id = str(uuid.uuid4())
    emu.put_object(TRANSACTIONS, {
        "id": tx_id,
        "t0": now,
        "duration": float(emu.switch("voss_transaction_seconds")),
        "op": op,
        "username": username,
        "hierarchy": hierarchy_path,
        "description": description,
        "fail": fail,
        "queued_polls": max(0, int(emu.switch("voss_queued_polls"))),
        "in_progress_polls": max(0, int(emu.switch("voss_in_progress_polls"))),
        "reads": 0,
        "state": "pending",
        "outcome": None,
        "message": None,
    })
    return tx_id


def _polls(tx):
    return tx.get("queued_polls", 0), tx.get("in_progress_polls", 0)


def _reads_pending(tx):
    """Whether the transaction still has reads to show an unfinished state to."""
    queued, running = _polls(tx)
    return tx.get("reads", 0) <= queued + running and (queued or running)


def observe(emu, tx):
    """Count a read of the transaction (before it is shown); it may turn final now."""
    if tx["state"] == "pending":
        tx["reads"] = tx.get("reads", 0) + 1
        emu.mark_dirty()
        settle(emu)
    return tx


def settle(emu):
    """Apply every transaction whose time has come (and whose reads are done), oldest first."""
    now = emu.now().timestamp()
    for tx in emu.collection(TRANSACTIONS).values():
        if tx["state"] != "pending" or now < tx["t0"] + tx["duration"] or _reads_pending(tx):
            continue
        end = tx["t0"] + tx["duration"]
        if any(_polls(tx)):
            end = max(end, now)
        tx["completed"] = end
        tx["state"] = "done"
        if tx["fail"]:
            tx["outcome"], tx["message"] = "Fail", tx["fail"]
        else:
            try:
                apply(emu, tx["op"], end)
                tx["outcome"] = "Success"
            except VossError as exc:
                tx["outcome"], tx["message"] = "Fail", exc.message
        emu.mark_dirty()


def status_of(emu, tx, now):
    if tx["state"] == "done":
        return emu.switch("voss_final_status_word") if tx["outcome"] == "Success" else "Fail"
    queued, running = _polls(tx)
    reads = tx.get("reads", 0)
    if queued or running:
        if reads <= queued:
            return "Queued"
        if reads <= queued + running or running:
            return "In Progress"
    if now < tx["t0"] + tx["duration"] / 4.0:
        return "Queued"
    return "In Progress"


def instance_href(emu, pkid, node_id):
    """The href of an instance in ``data.resource`` (style: switch ``voss_href_style``)."""
    if emu.switch("voss_href_style") == "slash_query":
        return "%s/%s/?hierarchy=%s" % (BASE, pkid, node_id)
    return "%s/%s" % (BASE, pkid)


def _resource(emu, tx, done_ok):
    op = tx["op"]
    kind = op["operation"]
    resource = {"hierarchy": tx["hierarchy"], "model_type": MODEL,
                "before_transaction": None, "current_state": None, "after_transaction": None}
    if kind == "bulk_delete":
        resource["hrefs"] = [instance_href(emu, pkid, op["node"]) for pkid in op["pkids"]]
        return resource
    href = instance_href(emu, op["pkid"], op["node"])
    if kind == "add":
        if done_ok:
            resource["current_state"] = resource["after_transaction"] = href
    elif kind == "modify":
        resource["before_transaction"] = resource["current_state"] = href
        if done_ok:
            resource["after_transaction"] = href
    else:
        resource["before_transaction"] = href
        if not done_ok:
            resource["current_state"] = href
    return resource


def render(emu, tx):
    """The answer of ``GET /api/tool/Transaction/<id>/``."""
    now = emu.now().timestamp()
    status = status_of(emu, tx, now)
    done = tx["state"] == "done"
    done_ok = done and tx["outcome"] == "Success"
    started = tx["t0"] + tx["duration"] / 4.0
    href = "/api/tool/Transaction/%s" % tx["id"]
    data = {
        "status": status,
        "username": tx["username"],
        "action": "%s %s" % (ACTIONS[tx["op"]["operation"]], MODEL),
        "operation": tx["op"]["operation"],
        "description": tx["description"],
        "submitted_time": iso(tx["t0"]),
        "started_time": iso(started) if status != "Queued" else None,
        "completed_time": iso(tx.get("completed", tx["t0"] + tx["duration"])) if done else None,
        "message": tx["message"],
        "detail": tx["message"] if done and not done_ok else None,
        "rolled_back": done and not done_ok and not tx["op"].get("failing"),
        "hierarchy": tx["hierarchy"],
        "resource": _resource(emu, tx, done_ok),
    }
    if emu.switch("voss_tx_message_key") == "error":
        data["error"] = data["message"]
        data["message"] = data["detail"] = None
    return {
        "pkid": tx["id"],
        "meta": {
            "model_type": "tool/Transaction",
            "summary_attrs": [{"name": "name", "title": "Name"}],
            "references": {},
            "actions": [{"replay": {"class": "execute", "href": href + "/replay?format=json", "method": "GET", "title": "Replay"}}],
        },
        "data": data,
    }


def poll(emu, tx):
    """The answer of ``GET /api/tool/Transaction/<id>/poll/``."""
    return {tx["id"]: {"status": status_of(emu, tx, emu.now().timestamp()),
                       "href": "/api/tool/Transaction/%s" % tx["id"],
                       "description": tx["description"]}}
