# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Poll until a final state, with a deadline and a capped, growing interval.

``wait_for`` reports how a wait ended; ``wait_until_final`` (SteelCentral push jobs, VOSS
transactions) waits for a status word and raises ``errors.WaitTimeout`` with the last
status when the deadline comes first. Transient errors while polling
(connection trouble, time-outs, 429/5xx that outlived the HTTP layer's own retries) do not
end the wait: the last state read stays the answer. The deadline bounds every sleep: a
server that asks (``Retry-After``) to be asked again only after the deadline ends the wait
at once, and the timeout's message says what it asked.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import time

from ansible_collections.ncm.platforms.plugins.module_utils import compare, errors

TRANSIENT_STATUSES = frozenset((429, 500, 502, 503, 504))


class WaitResult(object):
    """How a wait ended: the last ``state`` read, whether it was ``final``, ``elapsed`` seconds,
    ``polls``, and the ``error`` of a last poll that failed (its message), if any."""

    __slots__ = ("state", "final", "elapsed", "polls", "error")

    def __init__(self, state, final, elapsed, polls, error=None):
        self.state = state
        self.final = final
        self.elapsed = elapsed
        self.polls = polls
        self.error = error


def is_transient(exc):
    if isinstance(exc, errors.TransportError) and not isinstance(exc, errors.TLSError):
        return True
    return isinstance(exc, errors.ApiError) and exc.status in TRANSIENT_STATUSES


def wait_for(poll, is_final, timeout, interval=5.0, max_interval=30.0, factor=1.5,
             clock=time.monotonic, sleep=time.sleep, state=None):
    """Call ``poll()`` until ``is_final(state)`` or until ``timeout`` seconds have passed.

    ``state`` is an already known state (for example the answer to the submit), checked
    before the first poll. The interval starts at ``interval`` and grows by ``factor`` up
    to ``max_interval``; no sleep runs past the deadline. A non-transient error ends the
    wait at once; a transient one too when no state was read by the deadline. A transient
    one that carries a ``retry_after`` (the server's ``Retry-After``) past the deadline ends
    the wait as a timeout at once, its message kept as the result's ``error``.
    """
    started = clock()
    deadline = started + timeout
    polls = 0
    error = None
    while True:
        if state is not None and is_final(state):
            return WaitResult(state, True, clock() - started, polls)
        now = clock()
        if polls or state is not None:
            if now >= deadline:
                return WaitResult(state, False, now - started, polls, error)
            sleep(max(0.0, min(interval, deadline - now)))
            interval = min(max_interval, interval * factor)
        polls += 1
        try:
            state, error = poll(), None
        except errors.NcmError as exc:
            if not is_transient(exc) or (state is None and clock() >= deadline):
                raise
            error = exc.message
            if clock() + (getattr(exc, "retry_after", None) or 0) > deadline:
                return WaitResult(state, False, clock() - started, polls, error)


def wait_until_final(poll, status_of, final, what, timeout, interval=5.0, max_interval=30.0,
                     state=None, clock=time.monotonic, sleep=time.sleep):
    """Wait until ``status_of(state)`` is one of the ``final`` status words; return the ``WaitResult``.

    Status words compare without regard to case or separators. When ``timeout`` seconds
    pass first, raise ``errors.WaitTimeout`` saying ``<what> is still <status> after N s``,
    with the last ``status`` and ``state`` read.
    """
    finals = set(compare.status_key(word) for word in final)
    result = wait_for(poll, lambda current: compare.status_key(status_of(current)) in finals, timeout,
                      interval=interval, max_interval=max_interval, clock=clock, sleep=sleep, state=state)
    if not result.final:
        status = status_of(result.state) if result.state is not None else None
        last = "; the last poll: %s" % result.error if result.error else ""
        message = "%s is still %s after %d s (timeout %s s)%s" % (
            what, status or "without a status", result.elapsed, timeout, last)
        raise errors.WaitTimeout(message, status=status, state=result.state, elapsed=round(result.elapsed, 1))
    return result
