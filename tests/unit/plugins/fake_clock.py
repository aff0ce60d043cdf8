# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A clock for wait tests: it only moves when the code under test sleeps."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class FakeClock(object):
    """Call it for the time; ``sleep`` records the seconds asked and moves the time on."""

    def __init__(self, now=1000.0):
        self.now = now
        self.sleeps = []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += seconds
