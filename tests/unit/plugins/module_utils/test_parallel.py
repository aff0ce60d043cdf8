# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import threading

import pytest

from ansible_collections.ncm.platforms.plugins.module_utils import errors, parallel


class Gauge(object):
    """Counts the calls running at once. Each call holds until ``target`` calls ran at once
    (an event, not a sleep): on any machine speed the calls overlap as far as the pool lets
    them; a pool that never runs ``target`` at once leaves ``most`` below it (after 10 s)."""

    def __init__(self, target=1):
        self.lock = threading.Lock()
        self.now = 0
        self.most = 0
        self.started = []
        self.target = target
        self.reached = threading.Event()

    def call(self, key, fail=False):
        def function():
            with self.lock:
                self.now += 1
                self.most = max(self.most, self.now)
                self.started.append(key)
                if self.now >= self.target:
                    self.reached.set()
            self.reached.wait(10)
            with self.lock:
                self.now -= 1
            if fail:
                raise errors.ApiError("DELETE", "/x/%s/" % key, 500, "busy", "DELETE /x/%s/ returned HTTP 500: busy" % key)
            return key * 10
        return function


@pytest.mark.parametrize("max_in_flight", [1, 3])
def test_every_call_runs_and_never_more_than_max_in_flight(max_in_flight):
    gauge = Gauge(target=max_in_flight)
    results = parallel.run_all([(key, gauge.call(key)) for key in range(8)], max_in_flight)
    assert sorted(results) == [(key, key * 10) for key in range(8)]
    assert gauge.most == max_in_flight


def test_the_first_failure_starts_nothing_more_and_lists_what_was_done():
    gauge = Gauge()
    calls = [(key, gauge.call(key, fail=key == 1)) for key in range(6)]
    with pytest.raises(errors.ApiError) as info:
        parallel.run_all(calls, 1)
    assert gauge.started == [0, 1]
    assert info.value.details["done"] == [0]


def test_no_calls_is_no_result():
    assert parallel.run_all([], 4) == []
