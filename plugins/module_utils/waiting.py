# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Poll until a final state, with a deadline, on a fixed schedule (issue 25).

The polls keep to one grid on the monotonic clock (every 4 s by default), so the time the
polls take does not add to the gaps: the end of a wait of any length is seen within one
interval, at one poll per interval on average. ``docs/performance.md`` section 5 says why a
schedule learnt from past jobs would save nothing against that. A growing interval is kept
for a caller that asks for it (``max_interval`` above ``interval``).

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


def schedule(interval, max_interval=None, factor=1.5, early=()):
    """The times, in seconds from the start of a wait, to poll at: the ``early`` ones, then
    every ``interval`` seconds on one grid (``k * interval``), so that the time the polls take
    does not stretch the gaps between them. With ``max_interval`` above ``interval``, the gaps
    grow by ``factor`` up to it instead (fewer polls on a long wait, its end seen later)."""
    yield from early
    after = early[-1] if early else 0.0
    top = max(interval, max_interval or interval)
    at, gap = 0.0, interval
    while True:
        at += gap
        if at > after:
            yield at
        gap = min(top, gap * factor)


def wait_for(poll, is_final, timeout, interval=4.0, max_interval=None, factor=1.5, early=(),
             clock=time.monotonic, sleep=time.sleep, state=None):
    """Call ``poll()`` until ``is_final(state)`` or until ``timeout`` seconds have passed.

    ``state`` is an already known state (for example the answer to the submit), checked
    before the first poll; without one, the first poll is sent at once. The polls follow
    ``schedule(interval, max_interval, factor, early)`` on ``clock``: a poll that overran the
    next time is followed at once, and the times it overran are skipped (never two polls
    for one time), so the polls after a sleep never come before their time in order. No
    sleep runs past the deadline. A non-transient error ends the wait at once; a transient
    one too when no state was read by the deadline. A transient one that carries a
    ``retry_after`` (the server's ``Retry-After``) past the deadline ends the wait as a
    timeout at once, its message kept as the result's ``error``.
    """
    started = last = clock()
    deadline = started + timeout
    times = schedule(interval, max_interval, factor, early)
    polls = 0
    error = None
    while True:
        if state is not None and is_final(state):
            return WaitResult(state, True, clock() - started, polls)
        now = clock()
        if polls or state is not None:
            if now >= deadline:
                return WaitResult(state, False, now - started, polls, error)
            at = started + next(times)
            while at <= last:
                at = started + next(times)
            sleep(max(0.0, min(at, deadline) - now))
        polls += 1
        last = clock()
        try:
            state, error = poll(), None
        except errors.NcmError as exc:
            if not is_transient(exc) or (state is None and clock() >= deadline):
                raise
            error = exc.message
            if clock() + (getattr(exc, "retry_after", None) or 0) > deadline:
                return WaitResult(state, False, clock() - started, polls, error)


def wait_until_final(poll, status_of, final, what, timeout, interval=4.0, max_interval=None, early=(),
                     state=None, clock=time.monotonic, sleep=time.sleep):
    """Wait until ``status_of(state)`` is one of the ``final`` status words; return the ``WaitResult``.

    Status words compare without regard to case or separators. When ``timeout`` seconds
    pass first, raise ``errors.WaitTimeout`` saying ``<what> is still <status> after N s``,
    with the last ``status`` and ``state`` read.
    """
    finals = set(compare.status_key(word) for word in final)
    result = wait_for(poll, lambda current: compare.status_key(status_of(current)) in finals, timeout,
                      interval=interval, max_interval=max_interval, early=early, clock=clock, sleep=sleep,
                      state=state)
    if not result.final:
        status = status_of(result.state) if result.state is not None else None
        last = "; the last poll: %s" % result.error if result.error else ""
        message = "%s is still %s after %d s (timeout %s s)%s" % (
            what, status or "without a status", result.elapsed, timeout, last)
        raise errors.WaitTimeout(message, status=status, state=result.state, elapsed=round(result.elapsed, 1))
    return result
