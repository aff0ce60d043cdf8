# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import importlib

import pytest
import yaml

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.ncm.platforms.plugins.module_utils import api_spec

PLATFORMS = sorted(api_spec.PLATFORMS)


def fragment_options(platform):
    module = importlib.import_module("ansible_collections.ncm.platforms.plugins.doc_fragments.%s" % platform)
    return yaml.safe_load(module.ModuleDocFragment.DOCUMENTATION)["options"]["api"]["suboptions"]


@pytest.mark.parametrize("platform", PLATFORMS)
def test_doc_fragment_documents_exactly_the_table(platform):
    documented = fragment_options(platform)
    options = api_spec.api_option(platform)["options"]
    assert sorted(documented) == sorted(options)
    for key, spec in options.items():
        doc = documented[key]
        assert doc["type"] == spec["type"], key
        assert doc.get("default") == spec.get("default"), key
        assert bool(doc.get("required")) == bool(spec.get("required")), key
        env = spec.get("fallback", (None, [None]))[1][0]
        text = " ".join(doc["description"])
        assert (env is not None) == ("E(%s)" % env in text), key


@pytest.mark.parametrize("platform", PLATFORMS)
def test_every_secret_key_is_no_log(platform):
    for key, spec in api_spec.api_option(platform)["options"].items():
        assert spec.get("no_log", False) is (key in ("api_key", "access_code", "password")), key


def test_environment_fallbacks(monkeypatch):
    monkeypatch.setenv("INFRAON_URL", "https://tenant.example.test")
    monkeypatch.setenv("INFRAON_API_KEY", "k-123")
    monkeypatch.setenv("INFRAON_VALIDATE_CERTS", "no")
    result = ArgumentSpecValidator(api_spec.argument_spec("infraon")).validate({})
    assert result.error_messages == []
    api = result.validated_parameters["api"]
    assert (api["url"], api["api_key"], api["validate_certs"], api["timeout"], api["retries"]) == (
        "https://tenant.example.test", "k-123", False, 30, 3)
    assert "k-123" in result._no_log_values


def test_task_values_win_over_the_environment(monkeypatch):
    monkeypatch.setenv("SCC_URL", "https://env.example.test")
    result = ArgumentSpecValidator(api_spec.argument_spec("scc")).validate(
        {"api": {"url": "https://task.example.test", "access_code": "c"}})
    assert result.validated_parameters["api"]["url"] == "https://task.example.test"


@pytest.mark.parametrize("platform, params, message", [
    ("infraon", {"url": "https://x"}, "one of the following is required: api_key, username"),
    ("infraon", {"url": "https://x", "username": "u"}, "parameters are required together: username, password"),
    ("scc", {"url": "https://x"}, "one of the following is required: access_code, username"),
    ("voss", {"url": "https://x", "username": "u"}, "missing required arguments: password"),
    ("voss", {"username": "u", "password": "p"}, "missing required arguments: url"),
])
def test_rules_between_keys(monkeypatch, platform, params, message):
    for name in ("INFRAON_URL", "INFRAON_API_KEY", "SCC_URL", "SCC_ACCESS_CODE", "SCC_USERNAME",
                 "SCC_PASSWORD", "VOSS_URL", "VOSS_USERNAME", "VOSS_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    result = ArgumentSpecValidator(api_spec.argument_spec(platform)).validate({"api": params})
    assert any(message in error for error in result.error_messages), result.error_messages


def test_module_options_join_the_api_option():
    spec = api_spec.argument_spec("voss", state=dict(type="str", default="present"))
    assert sorted(spec) == ["api", "state"]
