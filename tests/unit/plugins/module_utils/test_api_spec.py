# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import importlib

import pytest
import yaml

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.ncm.platforms.plugins.module_utils import api_spec, errors
from ansible_collections.ncm.platforms.plugins.module_utils.task import Task

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
        env = api_spec.env_name(platform, key)
        text = " ".join(doc["description"])
        assert (env is not None) == ("E(%s)" % env in text), key


@pytest.mark.parametrize("platform", PLATFORMS)
def test_every_secret_key_is_no_log(platform):
    for key, spec in api_spec.api_option(platform)["options"].items():
        assert spec.get("no_log", False) is (key in ("api_key", "access_code", "password")), key


ENVIRONMENT = ("INFRAON_URL", "INFRAON_API_KEY", "INFRAON_USERNAME", "INFRAON_PASSWORD", "SCC_URL", "SCC_ACCESS_CODE",
               "SCC_USERNAME", "SCC_PASSWORD", "VOSS_URL", "VOSS_USERNAME", "VOSS_PASSWORD")


def validated_task(platform, api):
    """The task of a module of ``platform`` given ``api``: its options validated as Ansible does."""
    result = ArgumentSpecValidator(api_spec.argument_spec(platform)).validate({"api": api})
    assert result.error_messages == []
    return Task(result.validated_parameters, secrets=set(result._no_log_values))


@pytest.fixture
def environ(monkeypatch):
    for name in ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)

    def setenv(**values):
        for name, value in values.items():
            monkeypatch.setenv(name, value)
    return setenv


def test_environment_fallbacks(environ):
    environ(INFRAON_URL="https://tenant.example.test", INFRAON_API_KEY="k-123", INFRAON_VALIDATE_CERTS="no")
    task = validated_task("infraon", {})
    api = api_spec.resolve("infraon", task)
    assert (api["url"], api["api_key"], api["validate_certs"], api["timeout"], api["retries"]) == (
        "https://tenant.example.test", "k-123", False, 30, 3)
    assert "k-123" in task.secrets


def test_task_values_win_over_the_environment(environ):
    environ(SCC_URL="https://env.example.test")
    result = ArgumentSpecValidator(api_spec.argument_spec("scc")).validate(
        {"api": {"url": "https://task.example.test", "access_code": "c"}})
    assert result.validated_parameters["api"]["url"] == "https://task.example.test"


@pytest.mark.parametrize("platform, env, api, wanted", [
    # a task's username and password win over the environment's access code, and are never mixed with it
    ("scc", dict(SCC_ACCESS_CODE="env-code"), dict(username="admin", password="wrong"),
     dict(access_code=None, username="admin", password="wrong")),
    # an empty environment value counts as unset
    ("scc", dict(SCC_ACCESS_CODE="", SCC_USERNAME="admin", SCC_PASSWORD="pw"), {},
     dict(access_code=None, username="admin", password="pw")),
    ("scc", dict(SCC_ACCESS_CODE=""), dict(username="admin", password="pw"),
     dict(access_code=None, username="admin", password="pw")),
    ("infraon", dict(INFRAON_API_KEY="env-key"), dict(username="u", password="p"),
     dict(api_key=None, username="u", password="p")),
    ("infraon", dict(INFRAON_USERNAME="u", INFRAON_PASSWORD="p"), {}, dict(api_key=None, username="u", password="p")),
    ("infraon", dict(INFRAON_API_KEY="  ", INFRAON_USERNAME="u", INFRAON_PASSWORD="p"), {},
     dict(api_key=None, username="u", password="p")),
    ("voss", dict(VOSS_USERNAME="env-user", VOSS_PASSWORD="env-pw"), dict(username="u", password="p"),
     dict(username="u", password="p")),
    ("voss", dict(VOSS_USERNAME="env-user", VOSS_PASSWORD="env-pw"), {}, dict(username="env-user", password="env-pw")),
])
def test_task_credentials_win_as_a_whole_and_an_empty_environment_value_is_unset(environ, platform, env, api, wanted):
    environ(**env)
    task = validated_task(platform, dict(api, url="https://x.example.test"))
    resolved = api_spec.resolve(platform, task)
    assert dict((key, resolved[key]) for key in wanted) == wanted
    assert task.params["api"] == resolved


def test_an_empty_url_in_the_environment_counts_as_unset(environ):
    environ(VOSS_URL="")
    result = ArgumentSpecValidator(api_spec.argument_spec("voss")).validate({"api": {"username": "u", "password": "p"}})
    assert any("missing required arguments: url" in error for error in result.error_messages), result.error_messages


@pytest.mark.parametrize("platform, env, api, message", [
    ("infraon", {}, {}, "api: no credentials: give api.api_key, or api.username and api.password in the task, "
                        "or set INFRAON_API_KEY, or INFRAON_USERNAME and INFRAON_PASSWORD in the environment."),
    ("infraon", {}, {"username": "u"}, "api.username is given without api.password (in the task)"),
    # the task's username is never completed with the environment's password
    ("voss", dict(VOSS_PASSWORD="env-pw"), {"username": "u"}, "api.username is given without api.password (in the task)"),
    ("scc", dict(SCC_USERNAME="u"), {}, "api.username is given without api.password (in the environment)"),
    ("scc", dict(SCC_ACCESS_CODE=""), {}, "api: no credentials: give api.access_code, or api.username and api.password"),
    ("voss", {}, {}, "api: no credentials: give api.username and api.password in the task, or set VOSS_USERNAME "
                     "and VOSS_PASSWORD in the environment."),
    ("scc", {}, {"access_code": "  "}, "api.access_code must not be empty or only spaces."),
])
def test_missing_or_partial_credentials_fail_naming_the_keys(environ, platform, env, api, message):
    environ(**env)
    with pytest.raises(errors.InputError) as caught:
        api_spec.resolve(platform, validated_task(platform, dict(api, url="https://x.example.test")))
    assert message in caught.value.message


@pytest.mark.parametrize("platform, url", [
    ("infraon", "https://host.example.test/ux"), ("infraon", "https://host.example.test/nccm/ux/"),
    ("scc", "https://host.example.test/api"), ("voss", "https://host.example.test:8443/API/"),
])
def test_a_url_ending_in_the_api_prefix_fails_before_any_request(platform, url):
    api = {"url": url, "api_key": "k", "access_code": "c", "username": "u", "password": "p"}
    api = dict((key, value) for key, value in api.items() if key in api_spec.PLATFORMS[platform]["keys"])
    with pytest.raises(errors.InputError) as caught:
        api_spec.resolve(platform, validated_task(platform, api))
    prefix = api_spec.PLATFORMS[platform]["prefix"]
    assert caught.value.message.startswith("api.url %s ends in %s, the API's own path prefix" % (url, prefix))


@pytest.mark.parametrize("platform, url", [
    ("infraon", "https://host.example.test/nccm"), ("infraon", "https://host.example.test/uxui"),
    ("scc", "https://host.example.test/apis"), ("voss", "https://host.example.test"),
])
def test_a_reverse_proxy_prefix_is_kept(platform, url):
    api = {"url": url, "api_key": "k", "access_code": "c", "username": "u", "password": "p"}
    api = dict((key, value) for key, value in api.items() if key in api_spec.PLATFORMS[platform]["keys"])
    assert api_spec.resolve(platform, validated_task(platform, api))["url"] == url


def test_module_options_join_the_api_option():
    spec = api_spec.argument_spec("voss", state=dict(type="str", default="present"))
    assert sorted(spec) == ["api", "state"]
