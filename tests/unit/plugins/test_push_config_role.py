# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""roles/push_config reports a failed push once, each failed appliance once (issue 20)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os

import jinja2
import yaml

ROLE = os.path.join(os.path.dirname(__file__), "..", "..", "..", "roles", "push_config")


def failure_message(result, sites=None):
    # as the ansible.builtin.template lookup renders it (trim_blocks on)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(os.path.join(ROLE, "templates")), trim_blocks=True)
    text = env.get_template("push_failure.j2").render(push_config_result=result, push_config_site_labels=sites or {})
    return text.strip()


def item(serial, feature, error):
    return {"serialnum": serial, "feature_id": 3, "feature_name": feature, "error_text": error}


FAILED = {
    "msg": "Push job 7 failed on 3 appliance/feature item(s): XN2 feature 3 (dns): DNS server unreachable; "
           "XN2 feature 2 (ntp): no route; XN3 feature 3 (dns): DNS server unreachable",
    "status": "Failed",
    "job": {"id": 7, "job_status": "Failed", "error_text": None},
    "failed_appliances": [item("XN2", "dns", "DNS server unreachable"), item("XN2", "ntp", "no route"),
                          item("XN3", "dns", "DNS server unreachable")],
}


def test_each_failed_appliance_is_listed_once_with_its_failed_features():
    message = failure_message(FAILED, sites={"XN2": "HQ-London"})
    assert message == ("push_config failed: push job 7 ended Failed; 2 appliance(s) failed: "
                       "XN2 (HQ-London): dns: DNS server unreachable, ntp: no route; "
                       "XN3: dns: DNS server unreachable.")
    assert message.count("XN2") == 1 and message.count("XN3") == 1
    assert FAILED["msg"] not in message


def test_a_pre_push_failure_says_so_once():
    result = dict(FAILED, job={"id": 8, "job_status": "Failed", "error_text": "Appliance inventory is stale"},
                  failed_appliances=[item("XN1", "dns", None)])
    assert failure_message(result) == ("push_config failed: push job 8 ended Failed before the push started "
                                       "(Appliance inventory is stale); 1 appliance(s) failed: XN1: dns: no error text.")


def test_without_a_failed_appliance_the_module_message_is_the_failure():
    result = {"msg": "Push job 9 is still Queued after 3 s (timeout 3 s); the job is left running on the Controller.",
              "status": "Queued", "job": {"id": 9}, "failed_appliances": []}
    assert failure_message(result) == "push_config failed: " + result["msg"]


def test_the_push_task_never_fails_itself_and_the_role_fails_once_after_the_table():
    with open(os.path.join(ROLE, "tasks", "main.yml")) as handle:
        tasks = yaml.safe_load(handle)
    push = [task for task in tasks if "ncm.platforms.cmc_push_job" in task][0]
    assert push.get("failed_when") is False and "ignore_errors" not in push
    fail = [task for task in tasks if "ansible.builtin.fail" in task]
    assert len(fail) == 1 and tasks[-1] is fail[0]
