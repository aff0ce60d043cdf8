# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The SteelCentral API as the unit tests of ``scc/`` see it: constants, a client, canned answers."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import responses

from ansible_collections.ncm.platforms.plugins.module_utils.scc import client as scc
from ansible_collections.ncm.platforms.tests.unit.plugins.recorded_task import RecordedTask

BASE = "https://scc.example.test/proxy"
API = BASE + scc.BASE
TOKEN_URL = BASE + scc.TOKEN_PATH
CODE = "access-code-7731"
TOKEN = "tok-5f0e9a77c1"
PASSWORD = "basic-pass-4410"
FEATURES = [
    {"id": 1, "name": "snmp", "push_enable": True},
    {"id": 2, "name": "ntp", "push_enable": True},
    {"id": 3, "name": "dns", "push_enable": True},
    {"id": 6, "name": "syslog", "push_enable": False},
]
PARAMS = dict(state="present", id=None, feature_ids=None, features=None, site_ids=None,
              appliance_serial_numbers=None, site_type_ids=None, backup=False, reuse_unfinished=True,
              wait=True, wait_timeout=60, poll_interval=1.0, max_poll_interval=4.0, cancel_on_timeout=False)


def recorded_task(**api):
    params = {"api": dict(dict(url=BASE, access_code=None, username=None, password=None,
                               validate_certs=True, ca_path=None, timeout=30, retries=0), **api)}
    return RecordedTask(params, secrets=[value for name, value in api.items() if name in ("access_code", "password")])


def client(clock=None, **api):
    if "username" not in api:
        api.setdefault("access_code", CODE)
    api_client = scc.connect(recorded_task(**api))
    if clock is not None:
        api_client.clock, api_client.sleep = clock, clock.sleep
    return api_client


def token(value=TOKEN):
    responses.post(TOKEN_URL, json={"access_token": value, "token_type": "bearer", "expires_in": 3600})


def job(job_id=7, status="Queued", **fields):
    body = {"id": job_id, "feature_ids": [3], "appliance_serial_numbers": ["XN1", "XN2"], "backup": False,
            "job_status": status}
    body.update(fields)
    return body


def item(serial, feature_id, result, text=None):
    return {"serialnum": serial, "feature_id": feature_id, "status": "Completed", "result": result, "error_text": text}


def calls():
    return [(call.request.method, call.request.path_url) for call in responses.calls]


def params(**changes):
    return dict(PARAMS, **changes)
