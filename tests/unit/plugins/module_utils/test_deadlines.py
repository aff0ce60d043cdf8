# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A wait's deadline bounds every sleep within it, the HTTP layer's retries and the server's
``Retry-After`` included (issue 20); and every HTTP error shows the full URL requested."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest
import requests
import responses
from urllib3.exceptions import MaxRetryError, NewConnectionError

from ansible_collections.ncm.platforms.plugins.module_utils import errors, rest
from ansible_collections.ncm.platforms.plugins.module_utils.scc import client as scc, push as scc_push
from ansible_collections.ncm.platforms.plugins.module_utils.voss import client as voss, transactions
from ansible_collections.ncm.platforms.tests.unit.plugins.fake_clock import FakeClock

BASE = "https://ctl.example.test/proxy"
JOB = BASE + scc.BASE + "/jobs/items/7"
ASKED = "the server asked to retry after 20 s, past the wait's deadline"


def rest_client(clock, **kwargs):
    kwargs.setdefault("retries", 3)
    return rest.RestClient(BASE, sleep=clock.sleep, clock=clock, jitter=lambda: 1.0, **kwargs)


def push_params(**changes):
    params = dict(wait=True, wait_timeout=3, poll_interval=1.0, max_poll_interval=1.0, cancel_on_timeout=False)
    params.update(changes)
    return params


@responses.activate
def test_a_retry_after_past_the_deadline_is_not_waited_for_and_is_said():
    clock = FakeClock()
    responses.get(BASE + "/a", status=429, headers={"Retry-After": "20"}, json={"error": "slow down"})
    client = rest_client(clock)
    with pytest.raises(errors.ApiError) as caught:
        with client.bounded(3):
            client.get("/a")
    assert clock.sleeps == []
    assert len(responses.calls) == 1
    assert caught.value.message == "GET %s/a returned HTTP 429: slow down; %s" % (BASE, ASKED)
    assert (caught.value.retry_after, caught.value.details["retry_after"]) == (20.0, 20.0)
    assert client.deadline is None  # the bound ends with the wait


@responses.activate
def test_a_retry_after_within_the_deadline_is_waited_for():
    clock = FakeClock()
    responses.get(BASE + "/a", status=429, headers={"Retry-After": "20"})
    responses.get(BASE + "/a", json={"ok": True})
    client = rest_client(clock)
    with client.bounded(30):
        assert client.get("/a").data == {"ok": True}
    assert clock.sleeps == [20.0]


@responses.activate
def test_without_a_deadline_the_retry_after_is_waited_for_as_before():
    clock = FakeClock()
    responses.get(BASE + "/a", status=429, headers={"Retry-After": "20"})
    responses.get(BASE + "/a", json={})
    rest_client(clock).get("/a")
    assert clock.sleeps == [20.0]


@responses.activate
def test_a_backoff_past_the_deadline_is_not_slept():
    clock = FakeClock()
    reason = NewConnectionError(None, "Failed to establish a new connection: [Errno 111] Connection refused")
    for dummy in range(4):
        responses.get(BASE + "/a", body=requests.exceptions.ConnectionError(MaxRetryError(None, BASE, reason)))
    client = rest_client(clock, backoff=2.0)
    with pytest.raises(errors.TransportError):
        with client.bounded(5):
            client.get("/a")
    assert clock.sleeps == [2.0]  # the next backoff, 4 s, would pass the deadline
    assert sum(clock.sleeps) <= 5


@responses.activate
def test_a_push_job_wait_ends_at_once_when_the_server_asks_past_its_deadline():
    clock = FakeClock()
    responses.get(JOB, status=429, headers={"Retry-After": "20"}, json={"error_id": "BUSY", "error_text": "busy"})
    client = scc.SccClient(rest_client(clock), clock=clock, sleep=clock.sleep)
    with pytest.raises(errors.WaitTimeout) as caught:
        scc_push.follow(client, {"id": 7, "job_status": "Queued"}, push_params())
    assert caught.value.message == (
        "Push job 7 is still Queued after 1 s (timeout 3 s); the last poll: GET %s returned HTTP 429: busy; %s; "
        "the job is left running on the Controller." % (JOB, ASKED))
    assert sum(clock.sleeps) <= 3
    assert len(responses.calls) == 1


@responses.activate
def test_a_push_job_wait_never_sleeps_past_its_deadline_across_retries():
    clock = FakeClock()
    for dummy in range(20):
        responses.get(JOB, status=503, headers={"Retry-After": "2"})
    client = scc.SccClient(rest_client(clock, retries=5), clock=clock, sleep=clock.sleep)
    with pytest.raises(errors.WaitTimeout) as caught:
        scc_push.follow(client, {"id": 7, "job_status": "Queued"}, push_params(wait_timeout=5))
    assert sum(clock.sleeps) <= 5
    assert "Push job 7 is still Queued after" in caught.value.message


@responses.activate
def test_a_voss_transaction_wait_ends_at_once_when_the_server_asks_past_its_deadline():
    clock = FakeClock()
    url = BASE + transactions.TRANSACTION_PATH + "tx-1/"
    responses.get(url, status=429, headers={"Retry-After": "20"}, json={"message": "busy"})
    client = voss.VossClient(rest_client(clock))
    with pytest.raises(errors.WaitTimeout) as caught:
        transactions.wait(client, "sys.hcs", "tx-1", 3, "create admin user jdoe")
    assert caught.value.message.startswith(
        "VOSS transaction tx-1 (create admin user jdoe) is still without a status after 0 s (timeout 3 s); "
        "the last poll: GET %s?hierarchy=sys.hcs" % url)
    assert "returned HTTP 429: busy; %s" % ASKED in caught.value.message
    assert clock.sleeps == [] and len(responses.calls) == 1


@responses.activate
def test_every_http_error_shows_the_full_url_with_its_query_and_no_user():
    responses.get("https://who:pw-1@host.example.test/proxy/ux/x/", status=404, json={"detail": "Not found."})
    client = rest.RestClient("https://who:pw-1@host.example.test/proxy", retries=0)
    with pytest.raises(errors.ApiError) as caught:
        client.get("/ux/x/", params={"organization": "acme", "page": 2})
    assert caught.value.message == (
        "GET https://host.example.test/proxy/ux/x/?organization=acme&page=2 returned HTTP 404: Not found.")
    assert caught.value.details["url"] == "https://host.example.test/proxy/ux/x/?organization=acme&page=2"
    assert caught.value.path == "/ux/x/"
