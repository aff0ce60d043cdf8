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
