# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Numbers are finite (issue 20): NaN, infinities and values past an option's stated maximum
fail before any request, naming the option; every number option of every module has a
maximum, and its documentation states it."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import importlib
import pkgutil
from unittest import mock

import pytest
import yaml

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.ncm.platforms.plugins import modules as modules_package
from ansible_collections.ncm.platforms.plugins.module_utils import errors, runner, validate

MODULES = sorted(info.name for info in pkgutil.iter_modules(modules_package.__path__))


class Captured(Exception):
    pass


def module_spec(monkeypatch, name):
    """The argument spec a module's ``main()`` builds, and its merged documentation options."""
    module = importlib.import_module("ansible_collections.ncm.platforms.plugins.modules." + name)
    seen = {}

    def fake_module(argument_spec, **kwargs):
        seen.update(argument_spec)
        raise Captured()
    monkeypatch.setattr(module, "AnsibleModule", fake_module)
    with pytest.raises(Captured):
        module.main()
    doc = yaml.safe_load(module.DOCUMENTATION)
    options = dict(doc.get("options") or {})
    for fragment in doc.get("extends_documentation_fragment", []):
        if fragment.startswith("ncm.platforms."):
            parts = fragment.split(".")  # ncm.platforms.<fragment>[.<variable>]
            frag = importlib.import_module("ansible_collections.ncm.platforms.plugins.doc_fragments." + parts[2])
            text = getattr(frag.ModuleDocFragment, parts[3].upper() if len(parts) > 3 else "DOCUMENTATION")
            options.update(yaml.safe_load(text).get("options") or {})
    return seen, options


def number_options(spec, docs, prefix=""):
    """``(path, documentation text)`` of every int or float option, nested ones too."""
    for name, option in spec.items():
        doc = (docs or {}).get(name) or {}
        kind = option.get("elements") if option.get("type") == "list" else option.get("type")
        if kind in validate.NUMBER_TYPES:
            text = doc.get("description")
            yield prefix + name, " ".join(text) if isinstance(text, list) else str(text)
        elif option.get("options"):
            yield from number_options(option["options"], doc.get("suboptions"), prefix + name + ".")


@pytest.mark.parametrize("name", MODULES)
def test_every_number_option_has_a_maximum_that_its_documentation_states(monkeypatch, name):
    spec, docs = module_spec(monkeypatch, name)
    found = list(number_options(spec, docs))
    assert found, "%s has no number option at all (api.timeout at least)" % name
    for path, text in found:
        maximum = validate.maximum_of(path)
        assert maximum is not None, "%s: %s has no maximum in validate.MAXIMUM" % (name, path)
        assert "at most %s" % maximum in text.lower(), "%s: the docs of %s do not state 'at most %s'" % (
            name, path, maximum)


@pytest.mark.parametrize("value, message", [
    (float("nan"), "poll_interval must be a finite number, not NaN."),
    (float("inf"), "poll_interval must be a finite number of at most 3600, not infinity."),
    (float("-inf"), "poll_interval must be a finite number of at most 3600, not -infinity."),
    (3600.5, "poll_interval must be at most 3600 (got 3600.5)."),
    (10 ** 400, "poll_interval must be at most 3600 (got 10000000000000000...)."),
    (-10 ** 400, "poll_interval must be at least -3600 (got -1000000000000000...)."),
])
def test_finite_refuses_nan_infinities_and_values_past_the_maximum(value, message):
    with pytest.raises(errors.InputError) as caught:
        validate.finite("poll_interval", value, 3600)
    assert caught.value.message == message


@pytest.mark.parametrize("value", [0, 1, 0.5, 3600, 3600.0, -5])
def test_finite_accepts_values_within_the_maximum(value):
    validate.finite("poll_interval", value, 3600)


@pytest.mark.parametrize("name, params, message", [
    ("cmc_push_job", {"poll_interval": float("nan")}, "poll_interval must be a finite number, not NaN."),
    ("cmc_push_job", {"poll_interval": float("inf")}, "poll_interval must be a finite number of at most 3600, not infinity."),
    ("cmc_push_job", {"wait_timeout": "1e400"}, "wait_timeout must be at most 86400 (got 10000000000000000...)."),
    ("cmc_push_job", {"site_ids": [1, 10 ** 12]}, "site_ids must be at most 2147483647 (got 1000000000000)."),
    ("hcs_admin_user", {"transaction_timeout": "1e400"}, "transaction_timeout must be at most 86400"),
    ("hcs_admin_users", {"max_in_flight": 1000}, "max_in_flight must be at most 64 (got 1000)."),
    ("nccm_account_audit_info", {"page_size": 10 ** 6}, "page_size must be at most 10000"),
    ("nccm_account_audit_purge", {"older_than_days": 10 ** 9}, "older_than_days must be at most 36500"),
    ("nccm_configuration_policies", {"config": [{"policyid": "P", "processid": 10 ** 10}]},
     "config.processid must be at most 2147483647"),
    ("nccm_configuration_policy", {"api": {"timeout": "1e400"}}, "api.timeout must be at most 3600"),
    ("hcs_admin_user_info", {"api": {"retries": 11}}, "api.retries must be at most 10 (got 11)."),
])
def test_the_modules_refuse_numbers_past_their_maximum(monkeypatch, name, params, message):
    spec = module_spec(monkeypatch, name)[0]
    api = {"url": "https://x.example.test", "api_key": "k", "access_code": "c", "username": "u", "password": "p"}
    api = dict((key, value) for key, value in api.items() if key in spec["api"]["options"])
    api.update(params.pop("api", {}))
    given = {"api": api}
    given.update(params)
    result = ArgumentSpecValidator(spec).validate(given)
    checked = result.validated_parameters
    with pytest.raises(errors.InputError) as caught:
        validate.numbers(spec, checked)
    assert message in caught.value.message


def test_the_runner_refuses_a_bad_number_before_connecting():
    class Exit(Exception):
        pass
    module = mock.Mock(spec=["exit_json", "fail_json", "_diff", "check_mode", "warn", "deprecate", "debug", "no_log_values",
                             "argument_spec", "params"] + list(validate.RULES))
    module.argument_spec = {"poll_interval": {"type": "float"}, "api": {"type": "dict", "options": {
        "timeout": {"type": "int"}}}}
    module.params = {"poll_interval": float("nan"), "api": {"timeout": 30}}
    module.no_log_values = set()
    for name in validate.RULES:
        setattr(module, name, None)
    module.fail_json.side_effect = Exit
    connect = mock.Mock()
    with pytest.raises(Exit):
        runner.execute(module, connect, mock.Mock())
    module.fail_json.assert_called_once_with(changed=False, msg="poll_interval must be a finite number, not NaN.")
    connect.assert_not_called()
