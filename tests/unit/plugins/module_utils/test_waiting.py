# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.ncm.platforms.plugins.module_utils import errors, waiting
from ansible_collections.ncm.platforms.tests.unit.plugins.fake_clock import FakeClock


def poller(states):
    answers = iter(states)

    def poll():
        answer = next(answers)
        if isinstance(answer, Exception):
            raise answer
        return answer
    return poll


def final(value):
    return value in ("Success", "Failed")


def test_ends_early_at_a_final_state():
    clock = FakeClock()
    result = waiting.wait_for(poller(["Queued", "InProgress", "Success"]), final, timeout=100,
                              interval=2, max_interval=30, factor=2, clock=clock, sleep=clock.sleep)
    assert (result.state, result.final, result.polls) == ("Success", True, 3)
    assert clock.sleeps == [2, 4]
    assert result.elapsed == 6


def test_ends_at_the_deadline_with_the_last_state():
    clock = FakeClock()
    result = waiting.wait_for(poller(["Queued"] * 20), final, timeout=10,
                              interval=3, max_interval=4, factor=2, clock=clock, sleep=clock.sleep)
    assert (result.state, result.final) == ("Queued", False)
    assert result.elapsed == 10
    assert clock.sleeps == [3, 4, 3]
    assert result.polls == 4


def test_a_known_final_state_needs_no_poll():
    clock = FakeClock()
    result = waiting.wait_for(poller([]), final, timeout=10, clock=clock, sleep=clock.sleep, state="Failed")
    assert (result.state, result.final, result.polls, clock.sleeps) == ("Failed", True, 0, [])


def test_transient_errors_while_polling_are_tolerated():
    clock = FakeClock()
    states = ["Queued", errors.TransportError("reset"), errors.ApiError("GET", "/j", 503, "busy", "busy"), "Success"]
    result = waiting.wait_for(poller(states), final, timeout=100, interval=1, clock=clock, sleep=clock.sleep)
    assert (result.state, result.polls) == ("Success", 4)


def test_deadline_after_errors_keeps_the_last_good_state():
    clock = FakeClock()
    states = ["InProgress"] + [errors.TransportError("reset")] * 10
    result = waiting.wait_for(poller(states), final, timeout=5, interval=1, factor=1, clock=clock, sleep=clock.sleep)
    assert (result.state, result.final) == ("InProgress", False)


def test_only_errors_until_the_deadline_raise_the_last_error():
    clock = FakeClock()
    with pytest.raises(errors.TransportError):
        waiting.wait_for(poller([errors.TransportError("reset")] * 10), final, timeout=3,
                         interval=1, factor=1, clock=clock, sleep=clock.sleep)


def test_a_real_error_ends_the_wait_at_once():
    clock = FakeClock()
    with pytest.raises(errors.ApiError):
        waiting.wait_for(poller(["Queued", errors.ApiError("GET", "/j", 404, "gone", "gone")]), final,
                         timeout=100, clock=clock, sleep=clock.sleep)
