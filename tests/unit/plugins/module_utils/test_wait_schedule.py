# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The poll schedules of issue 25, under a fake clock: with cmc_push_job's defaults the end of
any job of up to 30 minutes is seen within 5 s, at no more than one poll per 4 s on average;
a VOSS transaction's end is seen within 5 s too, a short one (under 1 s) within half a second,
at no more than four polls above one per 4 s."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import functools

import pytest
import responses
from hypothesis import example, given, settings, strategies as st

from ansible_collections.ncm.platforms.plugins.module_utils import errors, rest, waiting
from ansible_collections.ncm.platforms.plugins.module_utils.voss import client as voss, transactions
from ansible_collections.ncm.platforms.plugins.modules import cmc_push_job
from ansible_collections.ncm.platforms.tests.unit.plugins.fake_clock import FakeClock

SPEC = cmc_push_job.ARGUMENT_SPEC
PUSH = dict(timeout=SPEC["wait_timeout"]["default"], interval=SPEC["poll_interval"]["default"],
            max_interval=SPEC["max_poll_interval"].get("default"))
VOSS = dict(interval=transactions.POLL_INTERVAL, early=transactions.EARLY_POLLS)
LONGEST = 1800.0
# how long one poll takes: the answer is what the server held when the request was sent
LATENCY = st.floats(min_value=0.0, max_value=0.9)


class Job(object):
    """A job or transaction that ends ``ends`` seconds after the wait starts, behind polls that
    take ``latency`` seconds each on ``clock``."""

    def __init__(self, clock, ends, latency):
        self.clock, self.ends, self.latency = clock, clock() + ends, latency
        self.started = clock()

    def poll(self):
        final = self.clock() >= self.ends
        self.clock.now += self.latency
        return "Success" if final else "InProgress"

    def wait(self, state=None, timeout=LONGEST + 60, **schedule):
        result = waiting.wait_until_final(self.poll, lambda status: status, ("Success",), "job", timeout,
                                          state=state, clock=self.clock, sleep=self.clock.sleep, **schedule)
        return result, self.clock() - self.ends


@settings(max_examples=300, deadline=None)
@given(ends=st.floats(min_value=0.0, max_value=LONGEST), latency=LATENCY)
@example(ends=4.000001, latency=0.9)
@example(ends=LONGEST, latency=0.9)
@example(ends=0.0, latency=0.0)
def test_push_defaults_see_any_end_within_5_s_at_one_poll_per_4_s(ends, latency):
    clock = FakeClock()
    result, seen_after = Job(clock, ends, latency).wait(state="Queued", **PUSH)
    assert result.final
    assert 0 <= seen_after <= 5
    assert result.polls <= result.elapsed / 4


@settings(max_examples=300, deadline=None)
@given(ends=st.floats(min_value=0.0, max_value=LONGEST), latency=LATENCY)
@example(ends=2.000001, latency=0.9)
@example(ends=0.5, latency=0.0)
@example(ends=1.0, latency=0.5)
def test_voss_transactions_are_seen_within_5_s_and_short_ones_within_half_a_second(ends, latency):
    clock = FakeClock()
    result, seen_after = Job(clock, ends, latency).wait(timeout=LONGEST + 60, **VOSS)
    assert result.final
    # a short one: within the early gap of 0.5 s and the poll's own time (when shorter than that gap)
    assert 0 <= seen_after <= (0.5 + latency if ends <= 1 and latency <= 0.5 else 5)
    assert result.polls <= 4 + result.elapsed / 4


def test_the_grid_keeps_the_time_of_the_polls_out_of_the_gaps():
    clock = FakeClock()
    result, dummy_seen = Job(clock, 13, latency=1.0).wait(state="Queued", interval=4)
    assert clock.sleeps == [4, 3, 3, 3]  # polls sent at 4, 8, 12 and 16 s, each taking 1 s
    assert result.polls == 4


def test_a_poll_that_overruns_its_next_time_is_followed_at_once_then_the_grid_again():
    clock = FakeClock()
    answers = iter([9.0, 0.5, 0.5, 0.5])

    def poll():
        clock.now += next(answers)
        return "InProgress" if clock.sleeps[3:] == [] else "Success"
    result = waiting.wait_for(poll, lambda state: state == "Success", 100, interval=4, state="Queued",
                              clock=clock, sleep=clock.sleep)
    # the first poll (sent at 4 s) answers at 13 s: the second is sent at once, the third at 16 s
    assert clock.sleeps == [4, 0.0, 2.5, 3.5]
    assert result.polls == 4


def test_a_max_interval_above_the_interval_grows_the_gaps_as_before():
    clock = FakeClock()
    Job(clock, 100, latency=0.0).wait(state="Queued", interval=5, max_interval=30)
    assert clock.sleeps == [5, 7.5, 11.25, 16.875, 25.3125, 30, 30]


def test_a_max_interval_not_above_the_interval_keeps_it_fixed():
    clock = FakeClock()
    Job(clock, 20, latency=0.0).wait(state="Queued", interval=4, max_interval=2)
    assert clock.sleeps == [4] * 5


def test_no_sleep_passes_the_deadline():
    clock = FakeClock()
    with pytest.raises(errors.WaitTimeout) as caught:
        Job(clock, 100, latency=0.5).wait(state="Queued", timeout=10, interval=4)
    assert clock.sleeps == [4, 3.5, 1.5]  # polls at 4, 8 and 10 s (the deadline)
    assert caught.value.details["status"] == "InProgress"


def test_a_retry_after_within_the_deadline_keeps_the_wait_on_its_grid():
    clock = FakeClock()
    busy = errors.ApiError("GET", "/j", 503, "busy", "busy")
    busy.retry_after = 2.0
    answers = iter(["InProgress", busy, "Success"])

    def poll():
        answer = next(answers)
        if isinstance(answer, Exception):
            raise answer
        return answer
    result = waiting.wait_for(poll, lambda state: state == "Success", 30, interval=4, state="Queued",
                              clock=clock, sleep=clock.sleep)
    assert (result.final, result.polls, clock.sleeps) == (True, 3, [4, 4, 4])


@responses.activate
def test_a_voss_transaction_polls_at_once_then_at_half_a_second(monkeypatch):
    clock = FakeClock()
    monkeypatch.setattr(waiting, "wait_until_final",
                        functools.partial(waiting.wait_until_final, clock=clock, sleep=clock.sleep))
    url = "https://voss.example.test" + transactions.TRANSACTION_PATH + "tx-1/"
    responses.get(url, json={"data": {"status": "Processing"}})
    responses.get(url, json={"data": {"status": "Success"}})
    client = voss.VossClient(rest.RestClient("https://voss.example.test", sleep=clock.sleep, clock=clock))
    assert transactions.wait(client, "sys.hcs", "tx-1", 300, "create admin user jdoe")["data"]["status"] == "Success"
    assert (len(responses.calls), clock.sleeps) == (2, [0.5])
