#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cmc_push_job
short_description: Submit a SteelCentral Controller configuration push job and wait for it
version_added: 0.1.0
description:
  - Submits a configuration push job (C(POST /api/cmc.configurator/1.0/jobs)) that pushes
    features to sites, appliances or site types, and waits until it ends.
  - A push is an action, not a state. Still, with O(reuse_unfinished=true) (the default) a job
    that is still C(Queued) or C(InProgress) with the same features, targets and backup
    (compared as sets) is followed instead of pushing the same change twice; the task then
    reports C(changed=false).
  - With O(id) and O(state=present) the module attaches to that job and follows it.
    With O(state=canceled) it cancels the job O(id) if it is unfinished.
  - The wait polls C(GET /jobs/items/{id}) every O(poll_interval) seconds (4 by default),
    counted from the start of the wait so that the time a poll takes does not stretch the next
    gap, until O(wait_timeout). So the end of a job of any length is seen within O(poll_interval)
    seconds, at one poll per O(poll_interval) seconds. Transient faults while polling
    (connection errors, HTTP 429, 5xx) do not end the wait, and a token that expires or is
    revoked during it is renewed once per request.
  - The task fails when the job ends C(Failed) (the message names each failed appliance serial
    number and feature, id and name, with its error text; a failure before the push started is
    said as such), when it ends C(Canceled) without O(state=canceled), and at O(wait_timeout)
    (the message gives the job's last status; with O(cancel_on_timeout=true) the job is cancelled
    first and the message says so).
  - Status words are compared without regard to case or separators (C(InProgress) = C(IN_PROGRESS)).
  - Options are checked before any request is sent; feature names are resolved before any write.
author:
  - ncm.platforms contributors (@ncm-platforms)
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - ncm.platforms.attributes
  - ncm.platforms.scc
  - ncm.platforms.rules
attributes:
  check_mode:
    details: Nothing is submitted or cancelled; RV(msg) says whether a job would be submitted,
      reused or cancelled, and RV(job) is the job that would be followed (or the predicted new one).
  diff_mode:
    support: none
options:
  state:
    description:
      - V(present) submits a job (or reuses or attaches to one) and follows it.
      - V(canceled) cancels the job O(id) when it is unfinished (C(changed=false) when it is
        already final) and, with O(wait=true), waits until it ends.
    type: str
    choices: [present, canceled]
    default: present
  id:
    description:
      - Id of an existing job to attach to (O(state=present)) or to cancel (O(state=canceled)).
      - Required with O(state=canceled). At least 1, at most 2147483647.
      - Mutually exclusive with the features and target options.
    type: int
  feature_ids:
    description:
      - Ids of the features to push (at least one, each at least 1 and at most 2147483647).
      - One of O(feature_ids), O(features) and O(id) is required.
    type: list
    elements: int
  features:
    description:
      - Names of the features to push, resolved through C(GET /features).
      - A name that is no feature, or a feature that cannot be pushed (C(push_enable) false),
        fails before any write and lists the features that can be pushed.
    type: list
    elements: str
  site_ids:
    description:
      - Ids of the sites to push to (at least one, each at most 2147483647).
      - Exactly one of O(site_ids), O(appliance_serial_numbers) and O(site_type_ids) is
        required unless O(id) is given.
    type: list
    elements: int
  appliance_serial_numbers:
    description:
      - Serial numbers of the appliances to push to (at least one).
    type: list
    elements: str
  site_type_ids:
    description:
      - Ids of the site types to push to (at least one, each at most 2147483647).
    type: list
    elements: int
  backup:
    description:
      - Whether the Controller takes a backup before the push.
    type: bool
    default: false
  reuse_unfinished:
    description:
      - Follow an unfinished job with the same features, targets and backup instead of
        submitting a new one. More than one such job fails and lists their ids.
    type: bool
    default: true
  wait:
    description:
      - Whether to wait until the job ends. With V(false) the job is returned as submitted.
    type: bool
    default: true
  wait_timeout:
    description:
      - Seconds to wait for the job to end (more than 0, at most 86400).
    type: int
    default: 1800
  poll_interval:
    description:
      - Seconds between two polls (more than 0, at most 3600, a finite number). The end of the job is seen within
        this many seconds (and the time of one request).
    type: float
    default: 4
  max_poll_interval:
    description:
      - Set above O(poll_interval), the interval grows by half each poll, from O(poll_interval) up to this many seconds
        (more than 0, at most 3600, a finite number). That means fewer polls on a long job, its end seen up to this
        many seconds late (with O(poll_interval=5) and V(30), polls 5, 7.5, 11.25, ... 30 seconds apart).
      - Not set, or not above O(poll_interval), the interval stays O(poll_interval).
    type: float
  cancel_on_timeout:
    description:
      - At O(wait_timeout), cancel the job before failing. With V(false) it is left running.
    type: bool
    default: false
notes:
  - A task that submitted or cancelled a job reports C(changed=true) even when it fails
    afterwards (the job failed, or the wait timed out).
  - Run it as a handler, or under a C(when) condition, when the push should follow a change.
    Each run submits a job; O(reuse_unfinished=true) only avoids a duplicate of an unfinished one.
seealso:
  - module: ncm.platforms.cmc_push_job_info
  - module: ncm.platforms.cmc_feature_info
"""

EXAMPLES = r"""
- name: Push DNS and NTP to two appliances and wait for the result
  ncm.platforms.cmc_push_job:
    api:
      url: https://scc.example.com
      access_code: "{{ scc_access_code }}"
    features: [dns, ntp]
    appliance_serial_numbers: [XN10H0001A01, XN10H0001A02]
    wait_timeout: 600
  register: push

- name: Push feature 2 to the Frankfurt site, polling every 2 s at first, then less often, up to every 20 s
  ncm.platforms.cmc_push_job:
    api:
      url: https://scc.example.com
      access_code: "{{ scc_access_code }}"
    feature_ids: [2]
    site_ids: [2]
    poll_interval: 2
    max_poll_interval: 20

- name: Push feature 1 to every branch site type, cancelling it if it takes over 10 minutes
  ncm.platforms.cmc_push_job:
    api:
      url: https://scc.example.com
      access_code: "{{ scc_access_code }}"
    feature_ids: [1]
    site_type_ids: [3]
    backup: true
    wait_timeout: 600
    cancel_on_timeout: true

- name: Cancel job 42
  ncm.platforms.cmc_push_job:
    api:
      url: https://scc.example.com
      access_code: "{{ scc_access_code }}"
    id: 42
    state: canceled
"""

RETURN = r"""
job:
  description:
    - The job as last read (in check mode, the job that would be followed, or the body of the
      job that would be submitted with C(job_status) V(Queued)).
  returned: always
  type: dict
  sample:
    id: 12
    feature_ids: [3]
    appliance_serial_numbers: [XN10H0001A01]
    job_status: Success
    backup: false
    creation_time: 1756612800
    push_time: 1756612801
    completion_time: 1756612803
    detailed_status:
      - feature_id: 3
        serialnum: XN10H0001A01
        status: Completed
        result: Success
        error_text: null
status:
  description: The job's last C(job_status).
  returned: always
  type: str
  sample: Success
elapsed:
  description: Seconds spent waiting for the job (0 without a wait).
  returned: always
  type: float
  sample: 12.5
failed_appliances:
  description: The appliance and feature items that failed, when the job ended C(Failed).
  returned: always
  type: list
  elements: dict
  contains:
    serialnum:
      description: Serial number of the appliance.
      type: str
    feature_id:
      description: Id of the feature.
      type: int
    feature_name:
      description: Name of the feature, when the features could be read.
      type: str
    error_text:
      description: The error text of the item.
      type: str
  sample:
    - serialnum: XN10H0001A02
      feature_id: 3
      feature_name: dns
      error_text: DNS server unreachable
msg:
  description: What the task did (or would do in check mode) with which job.
  returned: always
  type: str
  sample: Submitted push job 12.
"""

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.ncm.platforms.plugins.module_utils import api_spec, runner
from ansible_collections.ncm.platforms.plugins.module_utils.scc import client as scc, push
from ansible_collections.ncm.platforms.plugins.module_utils.scc.resources import TARGET_KEYS

ARGUMENT_SPEC = api_spec.argument_spec(
    "scc",
    state=dict(type="str", choices=["present", "canceled"], default="present"),
    id=dict(type="int"),
    feature_ids=dict(type="list", elements="int"),
    features=dict(type="list", elements="str"),
    site_ids=dict(type="list", elements="int"),
    appliance_serial_numbers=dict(type="list", elements="str"),
    site_type_ids=dict(type="list", elements="int"),
    backup=dict(type="bool", default=False),
    reuse_unfinished=dict(type="bool", default=True),
    wait=dict(type="bool", default=True),
    wait_timeout=dict(type="int", default=1800),
    poll_interval=dict(type="float", default=4.0),
    max_poll_interval=dict(type="float"),
    cancel_on_timeout=dict(type="bool", default=False),
)
RULES = dict(
    mutually_exclusive=[["feature_ids", "features"], list(TARGET_KEYS)]
    + [["id", name] for name in ("feature_ids", "features") + TARGET_KEYS],
    required_one_of=[["id", "feature_ids", "features"], ["id"] + list(TARGET_KEYS)],
    required_if=[["state", "canceled", ["id"]]],
)
CONNECT = scc.connect


def run(task, client):
    push.check_push(task.params)
    if task.params["state"] == "canceled":
        return push.cancel_job(client, task.params, task.check_mode)
    return push.push(client, task.params, task.check_mode)


def main():
    module = AnsibleModule(argument_spec=ARGUMENT_SPEC, supports_check_mode=True, **RULES)
    runner.execute(module, CONNECT, run)


if __name__ == "__main__":
    main()
