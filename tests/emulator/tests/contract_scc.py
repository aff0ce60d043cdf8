"""Contract of the SteelCentral ``cmc.configurator`` 1.0 endpoints, from tests/emulator/seeds/scc-*.txt.

The seed names its calls as ``GET http://{device}/api/...{?query}Response Body``;
``documented_requests`` reads them. ``POST /jobs`` (API-NOTES, decided) and the OAuth token
(public) are added.
"""

import re

import requests

SEED_FILES = ["scc-cmc-configurator-jobs.txt"]
CALL = re.compile(r"(GET|POST|PUT|PATCH|DELETE) http://\{device\}(/(?:[^\s{]|\{id\})*?)(?=\{\?|Request Body|Response Body|\s|$)")
B = "/api/cmc.configurator/1.0"

JOB_SAMPLE = {
    "id": 1, "operation": "text", "idx": 1, "timestamp": 1, "feature_ids": [1], "creation_time": 1,
    "push_time": 1, "completion_time": 1, "error_text": "text", "job_status": "text", "backup": True,
    "detailed_status": [{"feature_id": 1, "status": "text", "serialnum": "text", "result": "text", "error_text": "text"}],
}
FEATURE_SAMPLE = {"id": 1, "name": "text", "pretty_name": "text", "description": "text", "push_enable": True}


def documented_requests(text):
    return CALL.findall(text)


def prepare(base_url, admin):
    ids = admin.seed(scc_jobs=[{"feature_ids": [1, 2], "site_ids": [1], "script": {"queued_seconds": 600, "running_seconds": 60}}])
    session = requests.Session()
    resp = session.post(base_url + "/api/common/1.0/oauth/token",
                        data={"grant_type": "access_code", "assertion": "emulator-access-code", "state": "s"}, timeout=10)
    resp.raise_for_status()
    session.headers["Authorization"] = "Bearer " + resp.json()["access_token"]
    return session, {"job_id": ids["scc_jobs"][0], "feature_id": 3}


ENDPOINTS = [
    {"method": "GET", "path": B + "/jobs", "url": B + "/jobs?job_status=Queued&feature_id=1&after=0&before=9999999999",
     "status": 200, "shape": [JOB_SAMPLE]},
    {"method": "GET", "path": B + "/jobs/items/{id}", "url": B + "/jobs/items/{job_id}", "status": 200, "shape": JOB_SAMPLE},
    {"method": "POST", "path": B + "/jobs/items/{id}/cancel", "url": B + "/jobs/items/{job_id}/cancel", "status": 200,
     "shape": JOB_SAMPLE},
    {"method": "GET", "path": B + "/features", "url": B + "/features?name=dns", "status": 200, "shape": [FEATURE_SAMPLE]},
    {"method": "GET", "path": B + "/features/items/{id}", "url": B + "/features/items/{feature_id}", "status": 200,
     "shape": FEATURE_SAMPLE},
    # API-NOTES (decided): creating a job
    {"method": "POST", "path": B + "/jobs", "url": B + "/jobs", "json": {"feature_ids": [1, 3], "site_type_ids": [3], "backup": False},
     "status": 201, "shape": dict(JOB_SAMPLE, site_type_ids=[1])},
]
