# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Properties of the compare/merge/mapping core over the real field tables (hypothesis).

The values come from ``property_strategies.values_for(field)``, built from each ``Field``
(kind, secret, min/max length, typed suboptions).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import datetime

import pytest
from hypothesis import given, settings, strategies as st

from ansible_collections.ncm.platforms.plugins.module_utils import compare, errors, sync
from ansible_collections.ncm.platforms.plugins.module_utils.resource import Field
from ansible_collections.ncm.platforms.plugins.module_utils.infraon.resources import AUDIT, POLICY
from ansible_collections.ncm.platforms.plugins.module_utils.infraon.targets import InfraonObject
from ansible_collections.ncm.platforms.tests.unit.plugins.module_utils.property_strategies import (
    TABLE_NAMES, TABLES, UTC, api_objects, assert_no_secret, datetime_texts, offset_text, options_for, secrets_in,
    table_and, values_for)

# Deterministic for CI: the same examples on every run, no example database on disk.
PROPERTY = settings(derandomize=True, deadline=None, database=None, max_examples=100)

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=UTC)
ONE_MICROSECOND = datetime.timedelta(microseconds=1)


# --- 1. comparing a value with itself is never a change ---------------------------------
def test_the_tables_give_the_properties_something_to_hold():
    fields = [field for name in TABLE_NAMES for field in TABLES[name].fields.values()]
    assert [name for name in TABLE_NAMES if TABLES[name].secrets] == ["infraon_audit", "voss_user"]
    assert [name for name in TABLE_NAMES if TABLES[name].datetimes] == ["infraon_audit", "infraon_policy"]
    assert any(field.api and "." in field.api for field in fields)
    assert any(field.kind == "dict" and field.fields for field in fields)
    assert any(field.kind == "dict" and not field.fields for field in fields)


def field_values(fields):
    """``(field, value)``: one of ``fields`` and a value for it."""
    return st.one_of([st.tuples(st.just(field), values_for(field)) for field in fields])


@PROPERTY
@given(field_values([field for name in TABLE_NAMES for field in TABLES[name].fields.values()]))
def test_a_value_equals_itself(case):
    field, value = case
    assert compare.satisfies(field, value, value)
    if field.kind == "dict":
        assert compare.dict_changes(field, value, value) == {}
        assert compare.dict_changes(field, value, value, exact=True) == {}


@PROPERTY
@given(st.sampled_from([Field(kind) for kind in Field.KINDS]), st.data())
def test_equal_values_share_a_lookup_key_or_are_always_candidates(field, data):
    """sync.plan looks a natural key up among the objects filed under ``lookup_key`` (and those
    filed under None): a value the key equals must be there."""
    wanted = data.draw(values_for(field).filter(lambda value: not compare.blank(value)))
    # the forms a server may hold a scalar in: as text ("5", "true"), or a number for a text
    other_forms = [st.just(str(wanted)), st.just(str(wanted).lower()), st.integers().map(str), st.integers()] \
        if field.kind in ("str", "int", "bool") else []
    held = data.draw(st.one_of([st.just(wanted), values_for(field)] + other_forms))
    if compare.satisfies(field, wanted, held) and compare.lookup_key(field, wanted) is not None:
        assert compare.lookup_key(field, held) in (compare.lookup_key(field, wanted), None)


@PROPERTY
@given(field_values([Field(kind) for kind in ("set", "list", "any", "dict")]))
def test_a_value_of_every_other_kind_equals_itself(case):
    field, value = case
    assert compare.satisfies(field, value, value)


@PROPERTY
@given(table_and(options_for), st.booleans())
def test_identical_desired_and_current_are_no_change(case, exact):
    dummy, resource, desired = case
    assert compare.differences(resource.fields, desired, desired, exact) == {}
    current = resource.to_api(desired)
    assert resource.changes(desired, current, exact) == {}
    assert compare.matches(desired, dict((k, v) for k, v in desired.items() if v is not None), resource.fields)


@PROPERTY
@given(st.sampled_from([(name, option) for name in TABLE_NAMES for option in TABLES[name].datetimes]), datetime_texts())
def test_a_date_time_equals_itself_and_its_check_fails_only_cleanly(where, value):
    resource, name = TABLES[where[0]], where[1]
    assert compare.satisfies(resource.fields[name], value, value)
    assert resource.changes({name: value}, resource.to_api({name: value})) == {}
    try:
        resource.check({name: value})
    except errors.InputError as exc:  # a valid text whose instant Python cannot hold in UTC
        assert exc.message.startswith(name + ": ") and "outside the years 1 to 9999" in exc.message


# --- 2. merging the desired into the current, then comparing, is never a change -------
@PROPERTY
@given(table_and(lambda resource: st.tuples(options_for(resource), options_for(resource, with_none=False))))
def test_merge_then_compare_is_no_change(case):
    dummy, resource, (desired, current) = case
    merged = compare.merge(current, desired)
    assert compare.differences(resource.fields, desired, merged) == {}


@PROPERTY
@given(table_and(lambda resource: st.tuples(options_for(resource), api_objects(resource))), st.booleans())
def test_the_object_after_an_update_matches_the_desired(case, with_secrets):
    dummy, resource, (params, current) = case
    desired = resource.desired(params)
    assert resource.changes(desired, resource.predicted_update(current, desired)) == {}
    assert resource.changes(desired, resource.update_body(current, desired, with_secrets)) == {}


@PROPERTY
@given(table_and(lambda resource: st.tuples(options_for(resource), api_objects(resource))), st.booleans())
def test_the_object_after_a_replace_matches_the_desired_exactly(case, with_secrets):
    dummy, resource, (params, current) = case
    desired = resource.replaced(resource.desired(params))
    assert resource.changes(desired, resource.predicted_replace(current, desired), exact=True) == {}
    assert resource.changes(desired, resource.replace_body(current, desired, with_secrets), exact=True) == {}


@PROPERTY
@given(table_and(options_for))
def test_the_object_after_a_create_matches_the_desired(case):
    name, resource, params = case
    desired = resource.desired(params)
    predicted = resource.predicted(desired)
    assert resource.changes(desired, predicted) == {}
    assert resource.changes(desired, resource.create_body(desired)) == {}
    if name.startswith("infraon"):  # as the server answers it: every field, date-times in milliseconds
        assert resource.changes(desired, InfraonObject(None, resource).predict(predicted)) == {}


# --- 3. a diff never holds a secret ------------------------------------------------------
@PROPERTY
@given(table_and(lambda resource: st.tuples(options_for(resource), api_objects(resource), options_for(resource))))
def test_a_diff_never_holds_a_secret(case):
    dummy, resource, (desired, current, other) = case
    known = secrets_in(desired, current, other)
    changes = resource.changes(desired, current)
    assert_no_secret(resource.diff(changes, current), known)
    assert_no_secret(compare.change_diff(resource.fields, desired, resource.to_options(current)), known)
    assert_no_secret(compare.change_diff(resource.fields, other, desired), known)
    assert_no_secret(compare.mask_secrets(resource.fields, desired), known)
    assert_no_secret(resource.api_result(current), known)
    assert_no_secret(resource.options_result(current), known)


class FakeTarget(object):
    def __init__(self, current):
        self.current = current

    def find(self):
        return self.current


@PROPERTY
@given(table_and(lambda resource: st.tuples(options_for(resource), st.one_of(st.none(), api_objects(resource)))),
       st.booleans())
def test_the_diff_of_a_present_task_never_holds_a_secret(case, update_secrets):
    dummy, resource, (params, current) = case
    desired = resource.desired(params)
    for name in resource.required:  # a create needs them
        if desired.get(name) is None:
            desired[name] = "r"
    known = secrets_in(desired, current)
    changed, obj, diff = sync.present(FakeTarget(current), resource, desired, True, update_secrets)
    assert_no_secret(diff, known)
    assert_no_secret(resource.api_result(obj), known)
    assert changed or diff == sync.NO_DIFF


# --- 4. every rendering of one instant compares equal -----------------------------------
# Instants whose local time is a valid date-time at every offset (-23:59 to +23:59).
INSTANTS = st.datetimes(datetime.datetime(1, 1, 2), datetime.datetime(9999, 12, 30, 23, 59, 59, 999999),
                        timezones=st.just(UTC))
OFFSETS = st.one_of(st.just(0), st.integers(-1439, 1439))


def rendering(draw, instant):
    """``(value, digits)``: ``instant`` spelt as the APIs accept it, to ``digits`` fraction digits
    (a longer fraction ends in zeros); or as a Python datetime (naive is UTC), every digit kept."""
    minutes = draw(OFFSETS)
    local = instant.astimezone(datetime.timezone(datetime.timedelta(minutes=minutes)))
    if draw(st.integers(0, 9)) == 0:
        value = local if minutes or draw(st.booleans()) else local.replace(tzinfo=None)
        return value, 6 if instant.microsecond else 0
    digits = draw(st.integers(0, 9))
    fraction = ("%06d" % local.microsecond + "000")[:digits]
    if minutes:
        zone = offset_text(minutes, draw(st.booleans()))
    else:
        zone = draw(st.sampled_from(("Z", "+00:00", "-00:00", "+0000", "")))
    seconds = ":%02d" % local.second + ("." + fraction if fraction else "")
    if not fraction and local.second == 0 and draw(st.booleans()):
        seconds = ""
    text_value = "%04d-%02d-%02d%s%02d:%02d%s%s" % (local.year, local.month, local.day, draw(st.sampled_from("T ")),
                                                    local.hour, local.minute, seconds, zone)
    return text_value, digits


def truncated(instant, digits):
    """``instant`` cut to ``digits`` fraction digits, as microseconds since 1970."""
    micros = (instant - EPOCH) // ONE_MICROSECOND
    return micros - micros % 10 ** (6 - min(digits, 6))


@st.composite
def one_instant(draw):
    instant = draw(INSTANTS)
    return instant, rendering(draw, instant), rendering(draw, instant)


@PROPERTY
@given(one_instant())
def test_every_rendering_of_one_instant_is_equal(case):
    instant, (one, one_digits), (other, other_digits) = case
    digits = min(one_digits, other_digits)
    assert truncated(compare.parse_datetime(one)[0], digits) == truncated(instant, digits)
    assert compare.same_instant(one, other)
    assert compare.satisfies(Field("datetime"), one, other)
    if isinstance(one, str) and isinstance(other, str):
        for resource in (AUDIT, POLICY):
            name = resource.datetimes[0]
            assert resource.changes({name: one}, resource.to_api({name: other})) == {}


DELTAS = st.one_of(st.integers(-2000, 2000).map(lambda n: datetime.timedelta(microseconds=n)),
                   st.integers(-1000, 1000).map(lambda n: datetime.timedelta(milliseconds=n)),
                   st.integers(-1439, 1439).map(lambda n: datetime.timedelta(minutes=n)),
                   st.integers(-10 ** 6, 10 ** 6).map(lambda n: datetime.timedelta(seconds=n)))


@st.composite
def two_instants(draw):
    instant = draw(INSTANTS)
    other = instant + draw(DELTAS)
    if not datetime.datetime(1, 1, 2, tzinfo=UTC) <= other < datetime.datetime(9999, 12, 31, tzinfo=UTC):
        other = instant
    return instant, other, rendering(draw, instant), rendering(draw, other)


@PROPERTY
@given(two_instants())
def test_instants_apart_at_the_coarser_precision_are_not_equal(case):
    instant, other, (one, one_digits), (two, two_digits) = case
    digits = min(one_digits, two_digits)
    same = truncated(instant, digits) == truncated(other, digits)
    assert compare.same_instant(one, two) is same
    assert compare.satisfies(Field("datetime"), one, two) is same


# --- 5. option -> API -> option is the identity ----------------------------------------
@PROPERTY
@given(table_and(options_for))
def test_options_to_api_and_back_are_the_same(case):
    dummy, resource, options = case
    given_options = dict((name, value) for name, value in options.items() if value is not None)
    api = resource.to_api(options)
    assert resource.to_options(api) == given_options
    assert resource.to_api(resource.to_options(api)) == api
    assert resource.create_body(options) == api


# --- examples the properties found -------------------------------------------------------
def test_a_created_date_time_before_the_year_1000_is_predicted_in_four_digits():
    predicted = InfraonObject(None, AUDIT).predict({"last_update_time": "0999-01-01T00:00:00.0"})
    assert predicted["last_update_time"] == "0999-01-01T00:00:00.000Z"
    assert AUDIT.changes({"last_update_time": "0999-01-01T00:00:00.0"}, predicted) == {}


@pytest.mark.parametrize("value", ["0001-01-01T00:00:00.0+0001", "9999-12-31T23:59:00-00:01"])
def test_a_date_time_outside_the_utc_years_fails_the_check_and_equals_itself(value):
    with pytest.raises(errors.InputError, match=r"^last_update_time: .* outside the years 1 to 9999$"):
        AUDIT.check({"last_update_time": value})
    assert compare.same_instant(value, value)
    assert not compare.same_instant(value, "0001-01-01T00:00:00Z")
