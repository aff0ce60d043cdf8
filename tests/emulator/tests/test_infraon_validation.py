"""Every documented Infraon field rule, answered as DRF field errors 400 {"field": ["msg"]}."""

import pytest

AUDIT = "/ux/nccm/jobs-account-audit/"
POLICIES = "/ux/nccm/configuration_policies/"
AUDIT_OK = {"organization": "org"}
POLICY_OK = {"policyid": "P1", "organization": "org"}

REQUIRED = "This field is required."
DATETIME = ("Datetime has wrong format. Use one of these formats instead: "
            "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].")


def more_than(limit):
    return "Ensure this field has no more than %d characters." % limit


AUDIT_225 = ["ipaddress", "device_account", "dpassword", "denable_password", "task_owner", "client_ip",
             "job_type", "job_name", "process_name", "connection_for", "config_type", "uofw"]

BAD = [
    (AUDIT, AUDIT_OK, "organization", "x" * 26, more_than(25)),
    (AUDIT, AUDIT_OK, "organization", "", "This field may not be blank."),
    (AUDIT, AUDIT_OK, "organization", None, "This field may not be null."),
    (AUDIT, AUDIT_OK, "connection_protocol", "x" * 26, more_than(25)),
    (AUDIT, AUDIT_OK, "error", "x" * 2001, more_than(2000)),
    (AUDIT, AUDIT_OK, "last_update_time", "yesterday", DATETIME),
    (AUDIT, AUDIT_OK, "last_update_time", "2025-13-01T00:00:00Z", DATETIME),
    (AUDIT, AUDIT_OK, "job_id", {"a": 1}, "Not a valid string."),
    (AUDIT, AUDIT_OK, "ci_id", ["a"], "Not a valid string."),
    (AUDIT, AUDIT_OK, "job_iteration_id", True, "Not a valid string."),
    (POLICIES, POLICY_OK, "policyid", "p" * 26, more_than(25)),
    (POLICIES, POLICY_OK, "policyid", "", "This field may not be blank."),
    (POLICIES, POLICY_OK, "organization", "o" * 26, more_than(25)),
    (POLICIES, POLICY_OK, "processid", "one", "A valid integer is required."),
    (POLICIES, POLICY_OK, "processid", 1.5, "A valid integer is required."),
    (POLICIES, POLICY_OK, "processid", True, "A valid integer is required."),
    (POLICIES, POLICY_OK, "progress", "x", "A valid integer is required."),
    (POLICIES, POLICY_OK, "starttime", [], "A valid integer is required."),
    (POLICIES, POLICY_OK, "endtime", "1.2", "A valid integer is required."),
    (POLICIES, POLICY_OK, "associated_rule_groups", "rg1", 'Expected a list of items but got type "str".'),
    (POLICIES, POLICY_OK, "assigned_users", {"a": 1}, 'Expected a list of items but got type "dict".'),
    (POLICIES, POLICY_OK, "assigned_group", 3, 'Expected a list of items but got type "int".'),
    (POLICIES, POLICY_OK, "policy_schedule", "daily", 'Expected a dictionary of items but got type "str".'),
    (POLICIES, POLICY_OK, "policy_schedule", [], 'Expected a dictionary of items but got type "list".'),
    (POLICIES, POLICY_OK, "is_deleted", "maybe", "Must be a valid boolean."),
    (POLICIES, POLICY_OK, "is_deleted", 2, "Must be a valid boolean."),
    (POLICIES, POLICY_OK, "lastupdatetime", "2025-08-31", DATETIME),
    (POLICIES, POLICY_OK, "activation_time", 1234, DATETIME),
    (POLICIES, POLICY_OK, "lastaction", "soon", DATETIME),
    (POLICIES, POLICY_OK, "nextaction", "31/08/2025 03:41", DATETIME),
    (POLICIES, POLICY_OK, "name", {"x": 1}, "Not a valid string."),
] + [(AUDIT, AUDIT_OK, name, "x" * 226, more_than(225)) for name in AUDIT_225]


def _post(session, path, body):
    return session.post(session.base + path, json=body, timeout=10)


@pytest.mark.parametrize("path,base,field,value,message", BAD, ids=["%s-%s-%d" % (b[0].split("/")[3], b[2], i) for i, b in enumerate(BAD)])
def test_bad_value_is_a_field_error(infraon, admin, path, base, field, value, message):
    resp = _post(infraon, path, dict(base, **{field: value}))
    assert resp.status_code == 400
    assert resp.json() == {field: [message]}
    assert admin.raw("infraon_audit" if path == AUDIT else "infraon_policies") == []


@pytest.mark.parametrize("path,base,field,value", [
    (AUDIT, AUDIT_OK, "organization", "x" * 25),
    (AUDIT, AUDIT_OK, "error", "x" * 2000),
    (AUDIT, AUDIT_OK, "uofw", "x" * 225),
    (AUDIT, AUDIT_OK, "connection_protocol", "x" * 25),
    (AUDIT, AUDIT_OK, "job_id", "x" * 5000),
    (POLICIES, POLICY_OK, "policyid", "p" * 25),
    (POLICIES, POLICY_OK, "description", "d" * 5000),
])
def test_values_at_the_limit_are_accepted(infraon, path, base, field, value):
    assert _post(infraon, path, dict(base, **{field: value})).status_code == 201


@pytest.mark.parametrize("path,required", [(AUDIT, ["organization"]), (POLICIES, ["organization", "policyid"])])
def test_required_fields(infraon, path, required):
    resp = _post(infraon, path, {})
    assert resp.status_code == 400
    assert resp.json() == dict((name, [REQUIRED]) for name in required)


def test_errors_are_collected_for_every_field(infraon):
    resp = _post(infraon, POLICIES, {"policyid": "p" * 30, "processid": "x", "is_deleted": "x"})
    assert resp.status_code == 400
    assert sorted(resp.json()) == ["is_deleted", "organization", "policyid", "processid"]


def test_coercions_like_drf(infraon, admin):
    resp = _post(infraon, POLICIES, dict(POLICY_OK, processid="12", progress=3.0, is_deleted="true", name=42,
                                         description=None, lastaction="2025-08-31T05:41:36+02:00"))
    assert resp.status_code == 201
    stored = admin.raw("infraon_policies")[0]
    assert stored["processid"] == 12 and stored["progress"] == 3 and stored["is_deleted"] is True
    assert stored["name"] == "42" and stored["description"] is None
    assert stored["lastaction"] == "2025-08-31T03:41:36.000000+00:00"


@pytest.mark.parametrize("text,stored", [
    ("2025-08-31T03:41:36.327Z", "2025-08-31T03:41:36.327000+00:00"),
    ("2025-08-31T03:41:36Z", "2025-08-31T03:41:36.000000+00:00"),
    ("2025-08-31T03:41:36.327000+00:00", "2025-08-31T03:41:36.327000+00:00"),
    ("2025-08-31T05:41:36.5+0200", "2025-08-31T03:41:36.500000+00:00"),
    ("2025-08-31T03:41", "2025-08-31T03:41:00.000000+00:00"),
    ("2025-08-31 03:41:36", "2025-08-31T03:41:36.000000+00:00"),
])
def test_date_time_forms_are_stored_as_instants(infraon, admin, text, stored):
    assert _post(infraon, AUDIT, dict(AUDIT_OK, last_update_time=text)).status_code == 201
    assert admin.raw("infraon_audit")[0]["last_update_time"] == stored


def test_processid_defaults_to_1(infraon, admin):
    _post(infraon, POLICIES, POLICY_OK)
    assert admin.raw("infraon_policies")[0]["processid"] == 1
