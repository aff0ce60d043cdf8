"""Contract of the Infraon NCCM endpoints, from tests/emulator/seeds/infraon-*.txt.

A contract module (``contract_<vendor>.py``, read by test_contract.py) defines:

- ``SEED_FILES``: the seed documents of the vendor; every ``METHOD /path HTTP/1.1`` line in
  them must be covered by an endpoint below (placeholders such as ``{id}`` match any name).
- ``prepare(base_url, admin)``: make the data the calls need; return
  ``(requests.Session with auth, dict of values for the {placeholders} in "url")``.
- ``ENDPOINTS``: dicts with ``method``, ``path`` (as in the document), ``url`` (the path to
  call, ``str.format``-ed with the values from prepare), optional ``json`` body, the
  expected ``status`` and ``shape``: a sample answer as the document shows it
  (see ``test_contract.matches``), or None for no body.
"""

import requests

SEED_FILES = ["infraon-jobs-account-audit-short.txt", "infraon-jobs-account-audit.txt",
              "infraon-configuration-policies.txt"]

AUDIT_SAMPLE = {
    "id": "text", "creationtime": "text", "agent_id": "text", "connection_status": "text",
    "failure_message": "text", "organization": "text", "job_id": "text", "ci_id": "text",
    "job_iteration_id": "text", "ipaddress": "text", "device_account": "text", "dpassword": "text",
    "denable_password": "text", "connection_protocol": "text", "error": "text", "task_owner": "text",
    "client_ip": "text", "job_type": "text", "job_name": "text", "process_name": "text",
    "connection_for": "text", "last_update_time": "2025-08-31T03:41:36.327Z", "config_type": "text",
    "uofw": "text",
}
POLICY_SAMPLE = {
    "id": "text", "status": "text", "creationtime": "text", "last_update_time": "text",
    "next_action_time": "text", "last_action_time": "text", "is_private": "text",
    "rule_description": "text", "schedule_descr": "text", "visibility": "text", "policyid": "text",
    "name": "text", "description": "text", "organization": "text", "processid": 1,
    "associate_users": "text", "associate_groups": "text", "associated_rules": "text",
    "associated_rule_groups": [], "lastupdatetime": "2025-08-31T16:02:16.736Z", "activated_by": "text",
    "activation_time": "2025-08-31T16:02:16.736Z", "activation_remarks": "text",
    "policy_schedule": {"ANY_ADDITIONAL_PROPERTY": "anything"},
    "lastaction": "2025-08-31T16:02:16.736Z", "nextaction": "2025-08-31T16:02:16.736Z", "progress": 1,
    "starttime": 1, "endtime": 1, "created_by": "text", "modified_by": "text", "assigned_users": [],
    "assigned_group": [], "is_deleted": True,
}
ANY_OBJECT = {"ANY_ADDITIONAL_PROPERTY": "anything"}
AUDIT_BODY = {"organization": "text", "job_id": "text", "ci_id": "text", "job_iteration_id": "text",
              "ipaddress": "text", "device_account": "text", "dpassword": "text", "denable_password": "text",
              "connection_protocol": "text", "error": "text", "task_owner": "text", "client_ip": "text",
              "job_type": "text", "job_name": "text", "process_name": "text", "connection_for": "text",
              "last_update_time": "2025-08-31T03:41:36.327Z", "config_type": "text", "uofw": "text"}
POLICY_BODY = {"policyid": "text", "organization": "text", "name": "text", "processid": 1,
               "associated_rule_groups": [], "policy_schedule": {}, "is_deleted": True}

A = "/ux/nccm/jobs-account-audit/"
P = "/ux/nccm/configuration_policies/"


def prepare(base_url, admin):
    ids = admin.seed(infraon_audit=[{"organization": "org", "dpassword": "pw"}],
                     infraon_policies=[{"policyid": "P1", "organization": "org"},
                                       {"policyid": "P2", "organization": "org"}])
    session = requests.Session()
    session.headers["Authorization"] = "emulator-infraon-key"
    return session, {"audit_id": ids["infraon_audit"][0], "policy_id": ids["infraon_policies"][0],
                     "policy_id2": ids["infraon_policies"][1]}


ENDPOINTS = [
    {"method": "GET", "path": A, "url": A + "?items_per_page=1&page=1", "status": 200, "shape": [AUDIT_SAMPLE]},
    {"method": "POST", "path": A, "url": A, "json": AUDIT_BODY, "status": 201, "shape": AUDIT_SAMPLE},
    {"method": "GET", "path": A + "{id}/", "url": A + "{audit_id}/", "status": 200, "shape": AUDIT_SAMPLE},
    {"method": "PUT", "path": A + "{id}/", "url": A + "{audit_id}/", "json": AUDIT_BODY, "status": 200,
     "shape": AUDIT_SAMPLE},
    {"method": "DELETE", "path": A + "{id}/", "url": A + "{audit_id}/", "status": 204, "shape": None},
    {"method": "GET", "path": A + "options/", "url": A + "options/", "status": 200, "shape": AUDIT_SAMPLE},
    {"method": "GET", "path": P, "url": P + "?items_per_page=1&page=1", "status": 200, "shape": [POLICY_SAMPLE]},
    {"method": "POST", "path": P, "url": P, "json": POLICY_BODY, "status": 201, "shape": None},
    {"method": "GET", "path": P + "{id}/", "url": P + "{policy_id}/", "status": 200, "shape": POLICY_SAMPLE},
    {"method": "PUT", "path": P + "{id}/", "url": P + "{policy_id}/", "json": POLICY_BODY, "status": 200,
     "shape": ANY_OBJECT},
    {"method": "DELETE", "path": P + "{id}/", "url": P + "{policy_id}/", "status": 204, "shape": None},
    {"method": "POST", "path": P + "bulk-opration/", "url": P + "bulk-opration/", "json": POLICY_BODY,
     "status": 200, "shape": ANY_OBJECT},
    {"method": "POST", "path": P + "multi-delete/", "url": P + "multi-delete/",
     "json": {"ids": ["{policy_id}", "{policy_id2}"]}, "status": 200, "shape": ANY_OBJECT},
    {"method": "GET", "path": P + "options/", "url": P + "options/", "status": 200, "shape": ANY_OBJECT},
    # API-NOTES (public), not in the seeds
    {"method": "POST", "path": "/ux/api-token-auth/", "url": "/ux/api-token-auth/",
     "json": {"username": "emulator", "password": "emulator-password"}, "status": 200, "shape": {"token": "text"}},
]
