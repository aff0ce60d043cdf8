# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""VOSS transactions: a write sent with ``nowait=true`` and followed to its final status.

A write answers with a transaction (``transaction_id``, or an href under ``tool/Transaction``);
its status is polled until ``Success``/``Completed``, and ``Fail`` raises with the
transaction's own message. A server that answers synchronously ends at once. Functions over
a ``client.VossClient`` (its ``rest`` and ``query``).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from urllib.parse import quote

from ansible_collections.ncm.platforms.plugins.module_utils import compare, errors, waiting
from ansible_collections.ncm.platforms.plugins.module_utils.voss.views import last_part

TRANSACTION_PATH = "/api/tool/Transaction/"
FINAL = ("Success", "Completed", "Fail")
FAILED = compare.status_key("Fail")
# The polls of a transaction: at once, then at 0.5, 1 and 2 s (most end within a second),
# then every 4 s on one grid (the push job's rule): any end seen within 4 s, at most four polls
# above one per 4 s. docs/performance.md section 5 computes it.
EARLY_POLLS = (0.5, 1.0, 2.0)
POLL_INTERVAL = 4.0


def send(client, method, path, hierarchy, timeout, what, json=None, allow_status=()):
    """Send a write with ``nowait=true`` and follow its transaction to the end.

    Returns ``(answer data, transaction id or None, final transaction or None)``. A
    server that answers synchronously (or with a status in ``allow_status``) ends here at once.
    """
    answer = client.rest.request(method, path, params=client.query(hierarchy, nowait="true"), json=json,
                                 allow_status=allow_status)
    data = answer.data if isinstance(answer.data, dict) else {}
    tx_id = data.get("transaction_id") or (last_part(data.get("href"))
                                           if "/tool/Transaction/" in str(data.get("href")) else None)
    if not tx_id:
        return data, None, None
    return data, str(tx_id), wait(client, hierarchy, str(tx_id), timeout, what)


def wait(client, hierarchy, tx_id, timeout, what):
    """Poll ``tool/Transaction/<id>`` to ``Success``/``Completed``; ``Fail`` raises with its message."""
    path = "%s%s/" % (TRANSACTION_PATH, quote(tx_id, safe=""))
    label = "VOSS transaction %s (%s)" % (tx_id, what)
    try:
        with client.rest.bounded(timeout):  # the deadline bounds the HTTP layer's retries too
            state = waiting.wait_until_final(lambda: client.rest.get(path, params=client.query(hierarchy)).data,
                                             transaction_status, FINAL, label, timeout,
                                             interval=POLL_INTERVAL, early=EARLY_POLLS).state
    except errors.WaitTimeout as exc:
        exc.details.pop("state", None)
        exc.details["transaction_id"] = tx_id
        exc.message += ("; it is still pending, so the write may still complete on the server "
                        "(see transaction %s before running the task again)" % tx_id)
        raise
    if compare.status_key(transaction_status(state)) == FAILED:
        raise errors.NcmError("%s failed: %s" % (label, transaction_message(state)),
                              transaction_id=tx_id, status=transaction_status(state))
    return state


def transaction_status(state):
    """A transaction's status word (``data.status``, or ``status`` of a bare answer)."""
    data = state.get("data") if isinstance(state, dict) and isinstance(state.get("data"), dict) else state
    return data.get("status") if isinstance(data, dict) else None


def transaction_message(state):
    """A failed transaction's own message: ``data.message``, else ``data.error`` (or ``detail``)."""
    data = (state or {}).get("data") or {}
    for key in ("message", "error", "detail"):
        value = data.get(key)
        if value:
            return value if isinstance(value, str) else errors.server_message(value)
    return "the transaction gives no message"


def created_pkid(state):
    """The pkid of the instance a transaction created: the last part of its resource href."""
    resource = ((state or {}).get("data") or {}).get("resource") or {}
    for key in ("current_state", "after_transaction"):
        pkid = last_part(resource.get(key))
        if pkid:
            return pkid
    return None
