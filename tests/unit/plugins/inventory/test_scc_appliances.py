# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The scc_appliances inventory plugin: its configuration, hosts, variables and groups, over
canned Controller answers (the options are given as ansible's config manager would give them)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest
import responses

from ansible.errors import AnsibleParserError
from ansible.inventory.data import InventoryData
from ansible.parsing.dataloader import DataLoader
from ansible.template import trust_as_template as trusted  # what loading a config file does to its expressions

from ansible_collections.ncm.platforms.plugins.inventory import scc_appliances
from ansible_collections.ncm.platforms.plugins.module_utils.scc import client as scc
from ansible_collections.ncm.platforms.tests.unit.plugins.module_utils.scc_api import BASE, CODE, token

APPLIANCES = BASE + scc.INVENTORY_BASE + "/appliances"
LONDON = {"id": 1, "serial": "XN10H0001A01", "hostname": "hq-london-sh1", "address": "10.1.0.11",
          "product_code": "SH", "state": "managed", "health": "normal", "time_zone": "Europe/London"}
FRANKFURT = {"id": 4, "serial": "XN20D0002A02", "hostname": "", "address": None, "product_code": "EX",
             "state": "read_only", "health": "degraded", "time_zone": "Europe/Berlin"}
TWIN = dict(LONDON, id=7, serial="XN10H0009A09")
DEFAULTS = dict(api={"url": BASE, "access_code": CODE}, filters={}, default_groups=True, strict=False, compose={},
                groups={}, keyed_groups=[], cache=False)


def parse(store=None, **options):
    plugin = scc_appliances.InventoryModule()
    settings = dict(DEFAULTS, **options)
    plugin.get_option = settings.__getitem__
    plugin._read_config_data = lambda path: None
    plugin._cache = {} if store is None else store
    data = InventoryData()
    plugin.parse(data, DataLoader(), "/inv/prod.scc_appliances.yml")
    return data


def group(data, name):
    return sorted(host.name for host in data.groups[name].get_hosts())


@pytest.mark.parametrize("path, accepted", [("a/prod.scc_appliances.yml", True), ("scc_appliances.yaml", True),
                                            ("a/scc.yml", False), ("a/scc_appliances.json", False)])
def test_only_files_named_for_the_plugin_are_taken(tmp_path, path, accepted):
    target = tmp_path / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("plugin: ncm.platforms.scc_appliances\n")
    assert scc_appliances.InventoryModule().verify_file(str(target)) is accepted


@responses.activate
def test_hosts_variables_and_default_groups():
    token()
    responses.get(APPLIANCES, json=[LONDON, FRANKFURT, TWIN])
    data = parse()
    assert sorted(data.hosts) == ["XN10H0009A09", "XN20D0002A02", "hq-london-sh1"]
    london = data.hosts["hq-london-sh1"].vars
    assert (london["ansible_host"], london["scc_serial"], london["scc_uuid"]) == ("10.1.0.11", "XN10H0001A01", None)
    assert "ansible_host" not in data.hosts["XN20D0002A02"].vars
    assert group(data, "scc_appliances") == ["XN10H0009A09", "XN20D0002A02", "hq-london-sh1"]
    assert group(data, "scc_product_sh") == group(data, "scc_health_normal") == ["XN10H0009A09", "hq-london-sh1"]
    assert group(data, "scc_state_read_only") == group(data, "scc_product_ex") == ["XN20D0002A02"]


@responses.activate
def test_constructed_groups_and_no_default_groups():
    token()
    responses.get(APPLIANCES, json=[LONDON, FRANKFURT])
    data = parse(strict=True, default_groups=False, keyed_groups=[{"key": trusted("scc_time_zone"), "prefix": "tz"}],
                 groups={"attention": trusted("scc_health != 'normal'")}, compose={"site_code": trusted("scc_hostname[:2]")})
    assert "scc_health_normal" not in data.groups
    assert group(data, "tz_Europe_Berlin") == group(data, "attention") == ["XN20D0002A02"]
    assert data.hosts["hq-london-sh1"].vars["site_code"] == "hq"


@responses.activate
def test_filters_are_sent_and_applied():
    token()
    responses.get(APPLIANCES, json=[LONDON, FRANKFURT])
    data = parse(filters={"health": "Normal", "state": ["managed", "read-only"]})
    assert sorted(data.hosts) == ["hq-london-sh1"]
    assert responses.calls[-1].request.url.endswith("/appliances?health=normal")


@responses.activate
def test_a_cached_inventory_sends_no_request():
    token()
    responses.get(APPLIANCES, json=[LONDON])
    store = {}
    parse(store=store, cache=True)
    sent = len(responses.calls)
    assert sorted(parse(store=store, cache=True).hosts) == ["hq-london-sh1"]
    assert len(responses.calls) == sent == 2


@pytest.mark.parametrize("options, message", [
    ({"filters": {"site": 1}}, "filters.site is not a field that can be filtered on"),
    ({"api": {"access_code": CODE}}, "missing required arguments: url found in api"),
    ({"api": {"url": BASE, "access_code": CODE, "timeout": "soon"}}, "timeout"),
    ({"api": {"url": BASE + "/api", "access_code": CODE}}, "api.url " + BASE + "/api ends in /api"),
    ({"api": {"url": BASE, "access_code": CODE, "colour": 1}}, "api.colour"),
    ({"api": "https://scc"}, "api must be a dictionary"),
])
def test_bad_configuration_names_the_key(monkeypatch, options, message):
    monkeypatch.delenv("SCC_URL", raising=False)
    with pytest.raises(AnsibleParserError) as failure:
        parse(**options)
    assert str(failure.value).startswith("/inv/prod.scc_appliances.yml: ")
    assert message in str(failure.value)


@responses.activate
def test_a_refused_login_names_no_secret():
    responses.post(BASE + scc.TOKEN_PATH, status=401, json={"error_id": "AUTH_INVALID_CODE", "error_text": CODE})
    with pytest.raises(AnsibleParserError) as failure:
        parse()
    assert "AUTH_INVALID_CODE" in str(failure.value) or "401" in str(failure.value)
    assert CODE not in str(failure.value)


def test_a_vault_value_is_taken_in_clear():
    class Encrypted(object):  # as ansible's vault-encrypted text types: their str() is the clear text
        def __str__(self):
            return CODE
    task = scc_appliances.api_settings.task_of("scc", {"url": BASE, "access_code": Encrypted()})
    assert task.params["api"]["access_code"] == CODE and CODE in task.secrets
