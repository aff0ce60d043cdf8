"""Infraon answer-shape switches: secrets in GET, date-time format."""

import pytest

AUDIT = "/ux/nccm/jobs-account-audit/"
POLICIES = "/ux/nccm/configuration_policies/"


@pytest.fixture
def audit_id(admin):
    return admin.seed(infraon_audit=[{"organization": "o", "dpassword": "pw1", "denable_password": "en1",
                                      "last_update_time": "2025-08-31T03:41:36.327Z"},
                                     ])["infraon_audit"][0]


def get(session, path):
    resp = session.get(session.base + path, timeout=10)
    assert resp.status_code == 200
    return resp.json()


@pytest.mark.parametrize("mode,expected", [("clear", ("pw1", "en1")), ("masked", ("********", "********")), ("empty", ("", ""))])
def test_secrets_in_get(infraon, admin, audit_id, mode, expected):
    admin.switches(infraon_secrets_in_get=mode)
    one = get(infraon, AUDIT + audit_id + "/")
    listed = get(infraon, AUDIT + "?items_per_page=5&page=1")[0]
    for obj in (one, listed):
        assert (obj["dpassword"], obj["denable_password"]) == expected
    assert admin.raw("infraon_audit")[0]["dpassword"] == "pw1", "stored in clear whatever is shown"


def test_masked_secrets_also_in_write_answers_and_unset_stays_null(infraon, admin):
    admin.switches(infraon_secrets_in_get="masked")
    got = infraon.post(infraon.base + AUDIT, json={"organization": "o", "dpassword": "pw"}, timeout=10).json()
    assert got["dpassword"] == "********" and got["denable_password"] is None


def test_secrets_switch_is_the_only_way_to_see_them_differently(infraon, admin, audit_id):
    assert get(infraon, AUDIT + audit_id + "/")["dpassword"] == "pw1"


@pytest.mark.parametrize("mode,expected", [
    ("millis", "2025-08-31T03:41:36.327Z"),
    ("seconds", "2025-08-31T03:41:36Z"),
    ("offset", "2025-08-31T03:41:36.327000+00:00"),
])
def test_datetime_format(infraon, admin, audit_id, mode, expected):
    admin.switches(infraon_datetime_format=mode)
    obj = get(infraon, AUDIT + audit_id + "/")
    assert obj["last_update_time"] == expected
    created = obj["creationtime"]
    assert created.endswith("+00:00") if mode == "offset" else created.endswith("Z")


def test_datetime_format_applies_to_policies(infraon, admin):
    oid = admin.seed(infraon_policies=[{"policyid": "p", "organization": "o", "nextaction": "2025-01-02T03:04:05.5+00:00",
                                        "creationtime": "2025-01-01T00:00:00Z"}])["infraon_policies"][0]
    admin.switches(infraon_datetime_format="seconds")
    obj = get(infraon, POLICIES + oid + "/")
    assert obj["nextaction"] == "2025-01-02T03:04:05Z" and obj["creationtime"] == "2025-01-01T00:00:00Z"
    admin.switches(infraon_datetime_format="millis")
    assert get(infraon, POLICIES + oid + "/")["nextaction"] == "2025-01-02T03:04:05.500Z"
