# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import pytest

from ansible_collections.ncm.platforms.plugins.module_utils import errors, validate


def test_max_lengths_names_the_option_and_the_limit():
    with pytest.raises(errors.InputError) as caught:
        validate.max_lengths({"organization": "x" * 26, "name": "ok"}, {"organization": 25, "name": 225})
    assert caught.value.message == "organization must be at most 25 characters long (got 26)."
    validate.max_lengths({"organization": "x" * 25, "name": None}, {"organization": 25, "name": 225})


def test_max_lengths_never_quotes_a_secret():
    secret = "p" * 300
    with pytest.raises(errors.InputError) as caught:
        validate.max_lengths({"dpassword": secret}, {"dpassword": 225}, secrets=("dpassword",))
    assert secret not in caught.value.message
    assert "300" not in caught.value.message


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
