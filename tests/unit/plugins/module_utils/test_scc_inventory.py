# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from urllib.parse import parse_qs, urlsplit

import pytest
import responses

from ansible_collections.ncm.platforms.plugins.module_utils import errors
from ansible_collections.ncm.platforms.plugins.module_utils.scc import client as scc, inventory
from ansible_collections.ncm.platforms.tests.unit.plugins.module_utils.scc_api import BASE, client, token

INVENTORY = BASE + scc.INVENTORY_BASE
LONDON = {"id": 1, "serial": "XN10H0001A01", "hostname": "hq-london-sh1", "address": "10.1.0.11",
          "product_code": "SH", "state": "managed", "health": "normal", "extra": "not a field"}
FRANKFURT = {"id": 4, "serial": "XN20D0002A02", "hostname": None, "product_code": "ex", "state": "read_only",
             "health": "degraded"}


def queries():
    return [parse_qs(urlsplit(call.request.url).query) for call in responses.calls
            if scc.INVENTORY_BASE in call.request.url]


def test_a_view_has_every_field_and_nothing_else():
    view = inventory.appliance_view(LONDON)
    assert tuple(view) == inventory.FIELDS
    assert (view["serial"], view["uuid"], view["connectivity"]) == ("XN10H0001A01", None, None)


def test_host_name_and_prefixed_host_vars():
    assert inventory.host_name(inventory.appliance_view(LONDON)) == "hq-london-sh1"
    assert inventory.host_name(inventory.appliance_view(FRANKFURT)) == "XN20D0002A02"
    host_vars = inventory.host_vars(inventory.appliance_view(LONDON))
    assert host_vars["scc_serial"] == "XN10H0001A01" and len(host_vars) == len(inventory.FIELDS)
    assert all(key.startswith("scc_") for key in host_vars)


@responses.activate
@pytest.mark.parametrize("filters, query, serials", [
    ({"health": "NORMAL"}, {"health": ["normal"]}, ["XN10H0001A01"]),
    ({"health": ["normal", "degraded"]}, {}, ["XN10H0001A01", "XN20D0002A02"]),
    ({"product_code": "EX", "state": "read-only"}, {}, ["XN20D0002A02"]),
    ({"serial": "XN10H0001A01", "hostname": "other"}, {"serial": ["XN10H0001A01"]}, []),
])
def test_server_side_filters_are_sent_and_every_filter_applied_here(filters, query, serials):
    token()
    responses.get(INVENTORY + "/appliances", json=[LONDON, FRANKFURT])
    found = inventory.read_appliances(client(), inventory.checked_filters(filters))
    assert [view["serial"] for view in found] == serials
    assert queries() == [query]


@pytest.mark.parametrize("filters, message", [
    ({"colour": "red"}, "filters.colour is not a field that can be filtered on"),
    ({"health": "poor"}, "filters.health 'poor' is not one of normal, degraded, critical, unknown."),
    ({"state": []}, "filters.state needs at least one value"),
    ({"model": " "}, "filters.model must not be empty or only spaces."),
])
def test_bad_filters_name_the_key(filters, message):
    with pytest.raises(errors.InputError) as failure:
        inventory.checked_filters(filters)
    assert str(failure.value).startswith(message)


@responses.activate
def test_one_by_id_and_a_missing_one():
    token()
    responses.get(INVENTORY + "/appliances/items/1", json=LONDON)
    responses.get(INVENTORY + "/appliances/items/9", status=404, json={"error_id": "RESOURCE_NOT_FOUND"})
    api = client()
    assert inventory.read(api, {"id": 1})[1]["appliances"] == [inventory.appliance_view(LONDON)]
    assert inventory.read(api, {"id": 9}) == (False, {"appliances": []})


def test_serial_and_filters_serial_together_fail():
    with pytest.raises(errors.InputError, match="serial and filters.serial are mutually exclusive"):
        inventory.read(None, {"serial": "A", "filters": {"serial": "B"}})
