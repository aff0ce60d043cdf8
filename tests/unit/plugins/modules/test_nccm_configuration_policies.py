# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""nccm_configuration_policies over the real Infraon client and a recorded HTTP layer: what the
creates cost in requests (issue 25: the created policies are read back with one list read, not
one per create), and what a run that cannot find them again, or fails mid-way, reports."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import re
from urllib.parse import parse_qs, urlparse

import pytest
import responses

from ansible_collections.ncm.platforms.plugins.module_utils.infraon import client as infraon
from ansible_collections.ncm.platforms.plugins.module_utils.infraon.resources import POLICY
from ansible_collections.ncm.platforms.plugins.modules import nccm_configuration_policies as module
from ansible_collections.ncm.platforms.tests.unit.plugins.modules.module_harness import API, run_module
from ansible_collections.ncm.platforms.tests.unit.plugins.recorded_task import RecordedTask

LIST = API["url"] + POLICY.path


class PolicyServer(object):
    """The policy list of one tenant behind ``responses``: pages as a bare array (``shape``
    ``array``) or a DRF envelope, POST answered with no body (``post_answer`` ``empty``) or
    ``{"status", "id"}``. ``twin`` makes a POST of that policyid store it twice (another run
    created it too); ``lose`` stores nothing for it; ``refuse`` answers it 400."""

    def __init__(self, existing=(), shape="array", post_answer="empty", twin=None, lose=None, refuse=None):
        self.objects = [dict(obj, id=str(index)) for index, obj in enumerate(existing, 1)]
        self.shape, self.post_answer = shape, post_answer
        self.twin, self.lose, self.refuse = twin, lose, refuse
        responses.add_callback(responses.GET, LIST, callback=self.list)
        responses.add_callback(responses.POST, LIST, callback=self.post)
        responses.add_callback(responses.PUT, re.compile(re.escape(LIST) + r"\d+/"), callback=self.put)

    def list(self, request):
        query = parse_qs(urlparse(request.url).query)
        size, number = int(query["items_per_page"][0]), int(query["page"][0])
        chunk = self.objects[(number - 1) * size:number * size]
        if self.shape == "array":
            return 200, {}, json.dumps(chunk)
        more = number * size < len(self.objects)
        return 200, {}, json.dumps({"count": len(self.objects), "next": LIST + "?page=%d" % (number + 1) if more else None,
                                    "previous": None, "results": chunk})

    def post(self, request):
        body = json.loads(request.body)
        if body["policyid"] == self.refuse:
            return 400, {}, json.dumps({"policyid": ["%s is reserved" % body["policyid"]]})
        stored = dict((name, None) for name in POLICY.fields)
        stored.update(body, id=str(len(self.objects) + 1))
        if body["policyid"] != self.lose:
            self.objects.append(stored)
        if body["policyid"] == self.twin:
            self.objects.append(dict(stored, id=str(len(self.objects) + 1)))
        if self.post_answer == "empty":
            return 201, {}, ""
        return 201, {}, json.dumps({"status": "success", "id": stored["id"]})

    def put(self, request):
        current = next(obj for obj in self.objects if request.url.endswith("/%s/" % obj["id"]))
        current.update(json.loads(request.body))
        return 200, {}, json.dumps(current)


def connect():
    """The real client over the recorded HTTP layer (no retries: every request is counted once)."""
    api = dict(url=API["url"], api_key=API["api_key"], username=None, password=None, validate_certs=True,
               ca_path=None, timeout=30, retries=0)
    return infraon.connect(RecordedTask({"api": api}, secrets=[API["api_key"]]))


def calls():
    return [(call.request.method, call.request.url.split("?")[0]) for call in responses.calls]


def first_list_read():
    """How many requests the list read before the first write took."""
    methods = [method for method, dummy_url in calls()]
    return methods.index("POST") if "POST" in methods else len(methods)


def policies(count, prefix="POL-N"):
    return [{"policyid": "%s%02d" % (prefix, number), "organization": "acme", "name": "n%d" % number}
            for number in range(count)]


SEED = [{"policyid": "POL-OLD", "organization": "acme", "name": "old"}]


@pytest.mark.parametrize("count", [1, 3, 50])
@pytest.mark.parametrize("shape,post_answer", [("array", "empty"), ("envelope", "empty"), ("array", "status_id")])
@responses.activate
def test_n_creates_cost_n_posts_and_one_list_read(capsys, count, shape, post_answer):
    server = PolicyServer(SEED, shape=shape, post_answer=post_answer)
    result = run_module(module, {"config": policies(count)}, connect(), capsys)
    assert result["changed"] is True and "failed" not in result
    # an array ends at an empty page: two requests a list read; an envelope's one request ends it
    assert len(calls()) - first_list_read() <= count + 2
    if shape == "envelope":
        assert len(calls()) <= count + 2
    assert [method for method, dummy_url in calls()].count("POST") == count
    assert result["after"] == [POLICY.options_result(obj) for obj in server.objects[1:]]
    assert result["changes"] == [{"policyid": item["policyid"], "action": "created",
                                  "fields": ["name", "organization", "policyid"]} for item in policies(count)]


@responses.activate
def test_creates_and_updates_in_config_order_then_one_read_back(capsys):
    PolicyServer(SEED)
    config = [policies(1)[0], {"policyid": "POL-OLD", "name": "renamed"}, policies(2, "POL-M")[1]]
    result = run_module(module, {"config": config}, connect(), capsys, diff=True)
    assert [method for method, dummy_url in calls()] == ["GET", "GET", "POST", "PUT", "POST", "GET", "GET"]
    assert [entry["policyid"] for entry in result["changes"]] == ["POL-N00", "POL-OLD", "POL-M01"]
    assert [obj["policyid"] for obj in result["after"]] == ["POL-N00", "POL-OLD", "POL-M01"]
    assert result["after"][1]["name"] == "renamed"
    assert result["diff"][0]["after"] == {"name": "n0", "organization": "acme", "policyid": "POL-N00"}


@responses.activate
def test_check_mode_predicts_the_creates_with_the_list_read_alone(capsys):
    PolicyServer(SEED)
    result = run_module(module, {"config": policies(3)}, connect(), capsys, check_mode=True)
    assert [method for method, dummy_url in calls()] == ["GET", "GET"]
    assert [obj["policyid"] for obj in result["after"]] == ["POL-N00", "POL-N01", "POL-N02"]


@responses.activate
def test_a_created_policy_that_cannot_be_found_again_fails_naming_it(capsys):
    PolicyServer(SEED, lose="POL-N01")
    result = run_module(module, {"config": policies(3)}, connect(), capsys)
    assert result["failed"] is True and result["changed"] is True
    assert "could not be read back" in result["msg"] and "policyid='POL-N01'" in result["msg"]
    assert [entry["policyid"] for entry in result["changes"]] == ["POL-N00", "POL-N01", "POL-N02"]


@responses.activate
def test_a_created_policy_held_twice_says_other_runs_made_the_others(capsys):
    PolicyServer(SEED, twin="POL-N02")
    result = run_module(module, {"config": policies(3)}, connect(), capsys)
    assert result["failed"] is True
    assert ("created the configuration policy, but 2 objects now hold policyid='POL-N02' (ids: 4, 5): other runs "
            "created the others at the same time") in result["msg"]
    assert result["ids"] == ["4", "5"]
    assert len(result["changes"]) == 3


@responses.activate
def test_a_failed_create_stops_and_reports_the_ones_created_with_one_read_back(capsys):
    server = PolicyServer(SEED, refuse="POL-N02")
    result = run_module(module, {"config": policies(4)}, connect(), capsys)
    assert result["failed"] is True and result["changed"] is True
    assert result["msg"].startswith("create of policyid='POL-N02' failed: POST %s returned HTTP 400" % LIST)
    assert "POL-N02 is reserved" in result["msg"]
    assert result["msg"].endswith("(already done: created POL-N00, created POL-N01)")
    assert [entry["policyid"] for entry in result["changes"]] == ["POL-N00", "POL-N01"]
    assert result["after"] == [POLICY.options_result(obj) for obj in server.objects[1:]]
    assert [method for method, dummy_url in calls()] == ["GET", "GET", "POST", "POST", "POST", "GET", "GET"]
