# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The HTTP layer as the unit tests of ``rest.py`` drive it: a client with recorded sleeps, and
the connection errors ``requests`` raises."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import requests
from urllib3.exceptions import MaxRetryError, NewConnectionError, ProtocolError

from ansible_collections.ncm.platforms.plugins.module_utils import rest

BASE = "https://nccm.example.test/prefix"
SECRET = "s3cr3t-key-value"


class Sleeps(list):
    def __call__(self, seconds):
        self.append(seconds)


def client(**kwargs):
    kwargs.setdefault("sleep", Sleeps())
    kwargs.setdefault("jitter", lambda: 1.0)
    return rest.RestClient(BASE, **kwargs)


def refused(url="https://nccm.example.test/"):
    reason = NewConnectionError(None, "Failed to establish a new connection: [Errno 111] Connection refused")
    return requests.exceptions.ConnectionError(MaxRetryError(None, url, reason))


def dropped():
    return requests.exceptions.ConnectionError(ProtocolError("Connection aborted.", ConnectionResetError(104, "reset")))
