# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.ncm.platforms.plugins.module_utils import errors, validate


def test_length_names_the_option_and_the_limit():
    with pytest.raises(errors.InputError) as caught:
        validate.length("organization", "x" * 26, maximum=25)
    assert caught.value.message == "organization must be at most 25 characters long (got 26)."
    with pytest.raises(errors.InputError) as caught:
        validate.length("name", "", minimum=1)
    assert caught.value.message == "name must be at least 1 characters long (got 0)."
    validate.length("organization", "x" * 25, 1, 25)


def test_length_never_quotes_a_secret():
    secret = "p" * 300
    with pytest.raises(errors.InputError) as caught:
        validate.length("dpassword", secret, maximum=225, secret=True)
    assert secret not in caught.value.message
    assert "300" not in caught.value.message


def test_at_least_and_not_blank_name_the_option():
    validate.at_least("limit", None, 1)
    with pytest.raises(errors.InputError) as caught:
        validate.at_least("limit", 0, 1)
    assert caught.value.message == "limit must be at least 1 (got 0)."
    with pytest.raises(errors.InputError) as caught:
        validate.not_blank("id", " \t")
    assert caught.value.message == "id must not be empty or only spaces."


def test_datetimes_names_the_option():
    validate.datetimes({"a": "2025-08-31T03:41:36Z", "b": None}, ["a", "b"])
    with pytest.raises(errors.InputError) as caught:
        validate.datetimes({"a": "yesterday"}, ["a"])
    assert caught.value.message.startswith("a: ")


def test_required_says_when():
    validate.required({"organization": "o"}, ["organization"], "to create a record")
    with pytest.raises(errors.InputError) as caught:
        validate.required({"organization": ""}, ["organization"], "to create a record")
    assert caught.value.message == "organization is required to create a record."
    with pytest.raises(errors.InputError) as caught:
        validate.required({}, ["role", "password"], "to create a user")
    assert caught.value.message == "role, password are required to create a user."


SPEC = dict(
    id=dict(type="int"), feature_ids=dict(type="list"), site_ids=dict(type="list"), state=dict(type="str"),
    api=dict(type="dict", required_one_of=[["access_code", "username"]], required_together=[["username", "password"]],
             options=dict(url=dict(type="str"), access_code=dict(type="str"), username=dict(type="str"),
                          password=dict(type="str"))),
    config=dict(type="list", elements="dict", required_by={"role": "password"},
                options=dict(username=dict(type="str"), role=dict(type="str"), password=dict(type="str"))),
)
RULES = dict(required_one_of=[["id", "feature_ids"], ["id", "site_ids"]], required_if=[["state", "canceled", ["id"]]],
             required_together=None, required_by=None)
API = dict(url="https://h", access_code="c", username=None, password=None)


def given(**params):
    return dict(dict(id=None, feature_ids=[1], site_ids=[1], state="present", api=dict(API), config=None), **params)


def test_null_is_missing_passes_options_that_are_set():
    validate.null_is_missing(SPEC, given(), RULES)
    validate.null_is_missing(SPEC, given(id=3, feature_ids=None, site_ids=None, state="canceled"), RULES)
    validate.null_is_missing(SPEC, given(config=[{"username": "a", "role": None, "password": None}]), RULES)


@pytest.mark.parametrize("params, message", [
    (given(site_ids=None), "one of the following is required: id, site_ids"),
    (given(feature_ids=None), "one of the following is required: id, feature_ids"),
    (given(state="canceled"), "state is canceled but all of the following are missing: id"),
    (given(api=dict(API, access_code=None)), "one of the following is required: access_code, username found in api"),
    (given(api=dict(API, username="u")), "parameters are required together: username, password found in api"),
    (given(config=[{"username": "a", "role": "r", "password": None}]),
     "missing parameter(s) required by 'role': password found in config"),
])
def test_an_option_set_to_null_counts_as_missing(params, message):
    """Ansible counts ``site_ids: null`` as given; without this a push job went out with no target."""
    with pytest.raises(errors.InputError) as caught:
        validate.null_is_missing(SPEC, params, RULES)
    assert caught.value.message == message
