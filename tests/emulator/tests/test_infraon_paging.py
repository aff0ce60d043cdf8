"""Infraon list paging: items_per_page/page/sort/reverse, both list shapes, the page-size clamp."""

import pytest

POLICIES = "/ux/nccm/configuration_policies/"
AUDIT = "/ux/nccm/jobs-account-audit/"


def page(session, path=POLICIES, **params):
    return session.get(session.base + path, params=params, timeout=10)


def ids_of(items):
    return [p["policyid"] for p in items]


@pytest.fixture
def twelve(admin):
    return admin.generate("infraon_policies", 12, {"policyid": "P{n:02d}", "organization": "o", "processid": "{n}"})


def test_array_pages_are_1_based_and_short_at_the_end(infraon, twelve):
    assert ids_of(page(infraon, items_per_page=5, page=1).json()) == ["P01", "P02", "P03", "P04", "P05"]
    assert ids_of(page(infraon, items_per_page=5, page=3).json()) == ["P11", "P12"]
    assert page(infraon, items_per_page=5, page=4).json() == []
    assert page(infraon, items_per_page=5, page=0).json() == []


def test_empty_list(infraon):
    assert page(infraon, AUDIT, items_per_page=5, page=1).json() == []


@pytest.mark.parametrize("params,field,message", [
    ({"page": 1}, "items_per_page", "This field is required."),
    ({"items_per_page": 5}, "page", "This field is required."),
    ({"items_per_page": "x", "page": 1}, "items_per_page", "A valid integer is required."),
    ({"items_per_page": 5, "page": "first"}, "page", "A valid integer is required."),
    ({"items_per_page": 0, "page": 1}, "items_per_page", "Ensure this value is greater than or equal to 1."),
    ({"items_per_page": 5, "page": 1, "reverse": "maybe"}, "reverse", "Must be a valid boolean."),
])
def test_bad_paging_parameters(infraon, params, field, message):
    resp = page(infraon, **params)
    assert resp.status_code == 400
    assert resp.json() == {field: [message]}


def test_sort_and_reverse(infraon, admin):
    admin.seed(infraon_policies=[{"policyid": "B", "organization": "o", "processid": 2},
                                 {"policyid": "C", "organization": "o", "processid": 1},
                                 {"policyid": "A", "organization": "o", "processid": 3}])
    assert ids_of(page(infraon, items_per_page=10, page=1, sort="policyid").json()) == ["A", "B", "C"]
    assert ids_of(page(infraon, items_per_page=10, page=1, sort="policyid", reverse="true").json()) == ["C", "B", "A"]
    assert ids_of(page(infraon, items_per_page=10, page=1, sort="processid").json()) == ["C", "B", "A"]
    assert ids_of(page(infraon, items_per_page=10, page=1, sort="-processid").json()) == ["A", "B", "C"]
    assert ids_of(page(infraon, items_per_page=10, page=1, reverse="True").json()) == ["A", "C", "B"]
    assert ids_of(page(infraon, items_per_page=10, page=1, sort="no_such_key").json()) == ["B", "C", "A"]
    assert ids_of(page(infraon, items_per_page=2, page=2, sort="policyid").json()) == ["C"]


def test_sort_with_nulls(infraon, admin):
    admin.seed(infraon_policies=[{"policyid": "B", "organization": "o", "name": "x"},
                                 {"policyid": "A", "organization": "o"}])
    assert ids_of(page(infraon, items_per_page=10, page=1, sort="name").json()) == ["A", "B"]


def test_max_page_size_clamps_silently(infraon, admin, twelve):
    admin.switches(infraon_max_page_size=5)
    assert len(page(infraon, items_per_page=100, page=1).json()) == 5
    assert ids_of(page(infraon, items_per_page=100, page=3).json()) == ["P11", "P12"]


def test_default_max_page_size_is_500(infraon, admin):
    admin.generate("infraon_audit", 501, {"organization": "o"})
    assert len(page(infraon, AUDIT, items_per_page=1000, page=1).json()) == 500
    assert len(page(infraon, AUDIT, items_per_page=1000, page=2).json()) == 1


def test_envelope_shape(infraon, admin, twelve):
    admin.switches(infraon_list_shape="envelope")
    base = infraon.base + POLICIES
    first = page(infraon, items_per_page=5, page=1, sort="policyid").json()
    assert list(first) == ["count", "next", "previous", "results"]
    assert first["count"] == 12 and first["previous"] is None
    assert first["next"] == base + "?items_per_page=5&page=2&sort=policyid"
    assert ids_of(first["results"]) == ["P01", "P02", "P03", "P04", "P05"]
    second = infraon.get(first["next"], timeout=10).json()
    assert second["previous"] == base + "?items_per_page=5&sort=policyid"
    assert second["next"] == base + "?items_per_page=5&page=3&sort=policyid"
    third = infraon.get(second["next"], timeout=10).json()
    assert third["next"] is None and ids_of(third["results"]) == ["P11", "P12"]
    assert third["previous"] == base + "?items_per_page=5&page=2&sort=policyid"


def test_envelope_out_of_range_is_404(infraon, admin, twelve):
    admin.switches(infraon_list_shape="envelope")
    for number in (4, 0):
        resp = page(infraon, items_per_page=5, page=number)
        assert resp.status_code == 404
        assert resp.json() == {"detail": "Invalid page."}


def test_envelope_empty_first_page(infraon, admin):
    admin.switches(infraon_list_shape="envelope")
    assert page(infraon, items_per_page=5, page=1).json() == {"count": 0, "next": None, "previous": None, "results": []}


def test_envelope_links_use_the_clamped_size_as_given(infraon, admin, twelve):
    admin.switches(infraon_list_shape="envelope", infraon_max_page_size=10)
    first = page(infraon, items_per_page=100, page=1).json()
    assert len(first["results"]) == 10 and first["count"] == 12
    assert first["next"].endswith("?items_per_page=100&page=2")
    assert ids_of(infraon.get(first["next"], timeout=10).json()["results"]) == ["P11", "P12"]
