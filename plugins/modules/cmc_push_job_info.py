#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cmc_push_job_info
short_description: Read SteelCentral Controller configuration push jobs
version_added: 0.1.0
description:
  - Reads one push job by O(id) (C(GET /api/cmc.configurator/1.0/jobs/items/{id})), or the
    jobs that O(filters), O(after) and O(before) select (C(GET /api/cmc.configurator/1.0/jobs));
    the Controller answers every matching job at once.
  - A filter on C(job_status) or C(feature_ids) with one value, O(after) and O(before) are sent
    to the Controller as its query parameters; every filter is also applied to each job read,
    C(job_status) without regard to case or separators.
author:
  - ncm.platforms contributors (@ncm-platforms)
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - ncm.platforms.attributes.info
  - ncm.platforms.scc
  - ncm.platforms.rules
options:
  id:
    description:
      - Read only the job with this id (at least 1, at most 2147483647); nothing is returned when it does not exist.
      - Mutually exclusive with O(filters), O(after) and O(before).
    type: int
  filters:
    description:
      - Only the jobs whose fields match, for every field given; a field maps to a value or a
        list of values (any of them). The names are the job's own fields, as RV(jobs) shows them.
      - As in every info module of the collection, lookups by identity (O(id)) and the time window
        (O(after), O(before)) are options of their own, and every match on a field is a key of
        O(filters) (see the collection's C(docs/filters.md)).
      - An empty list, or a null in a list, fails before any request (it never means "all").
    type: dict
    suboptions:
      job_status:
        description:
          - Only the jobs in this status (or one of these), each one of V(Queued), V(InProgress),
            V(Failed), V(Success) and V(Canceled), in any case and with or without separators
            (V(IN_PROGRESS), V(In Progress) and V(inprogress) are V(InProgress)); anything else
            fails before any request.
        type: list
        elements: str
      feature_ids:
        description:
          - Only the jobs that push this feature (or one of these); each at least 1, at most 2147483647.
        type: list
        elements: int
      site_ids:
        description:
          - Only the jobs that target this site (or one of these); each at least 1, at most 2147483647.
        type: list
        elements: int
      site_type_ids:
        description:
          - Only the jobs that target this site type (or one of these); each at least 1, at most 2147483647.
        type: list
        elements: int
      appliance_serial_numbers:
        description:
          - Only the jobs that target this appliance (or one of these) by serial number.
        type: list
        elements: str
  job_status:
    description:
      - Deprecated, to be removed in version 2.0.0 of the collection; use O(filters.job_status),
        which takes the same words. Still read, with a deprecation warning.
      - Giving both O(job_status) and O(filters.job_status) fails before any request.
    type: str
  feature_id:
    description:
      - Deprecated, to be removed in version 2.0.0 of the collection; use O(filters.feature_ids),
        which takes the same id (at least 1, at most 2147483647). Still read, with a deprecation warning.
      - Giving both O(feature_id) and O(filters.feature_ids) fails before any request.
    type: int
  after:
    description:
      - Only the jobs created at or after this moment, given as epoch seconds or in ISO 8601, as a
        date (V(2026-01-01), its midnight UTC) or a date-time, with or without fractional seconds and
        a zone (V(2025-08-31T03:41:36Z), V(2025-08-31T03:41:36.5+02:00); no zone is UTC).
      - Later than O(before) fails before any request (no job can be in an empty interval).
    type: str
  before:
    description:
      - Only the jobs created at or before this moment, epoch seconds or ISO 8601 (as O(after)).
    type: str
seealso:
  - module: ncm.platforms.cmc_push_job
"""

EXAMPLES = r"""
- name: Read job 42
  ncm.platforms.cmc_push_job_info:
    api:
      url: https://scc.example.com
      access_code: "{{ scc_access_code }}"
    id: 42
  register: found

- name: List the failed DNS pushes of August 2025
  ncm.platforms.cmc_push_job_info:
    api:
      url: https://scc.example.com
      access_code: "{{ scc_access_code }}"
    filters:
      job_status: Failed
      feature_ids: 3
    after: "2025-08-01T00:00:00Z"
    before: "2025-08-31T23:59:59Z"

- name: List the jobs still running at site 1 or 2
  ncm.platforms.cmc_push_job_info:
    api:
      url: https://scc.example.com
      access_code: "{{ scc_access_code }}"
    filters:
      job_status: [Queued, InProgress]
      site_ids: [1, 2]
"""

RETURN = r"""
jobs:
  description: The matching jobs, in the Controller's order.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 12
      feature_ids: [3]
      site_ids: [1]
      job_status: Failed
      backup: false
      creation_time: 1756612800
      push_time: 1756612801
      completion_time: 1756612803
      error_text: null
      detailed_status:
        - feature_id: 3
          serialnum: XN10H0001A02
          status: Completed
          result: Fail
          error_text: DNS server unreachable
"""

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.ncm.platforms.plugins.module_utils import api_spec, runner
from ansible_collections.ncm.platforms.plugins.module_utils.scc import client as scc, info

FILTERS = ["filters", "job_status", "feature_id", "after", "before"]
ARGUMENT_SPEC = api_spec.argument_spec(
    "scc",
    id=dict(type="int"),
    filters=dict(type="dict", options=dict(
        job_status=dict(type="list", elements="str"),
        feature_ids=dict(type="list", elements="int"),
        site_ids=dict(type="list", elements="int"),
        site_type_ids=dict(type="list", elements="int"),
        appliance_serial_numbers=dict(type="list", elements="str"),
    )),
    job_status=dict(type="str"),
    feature_id=dict(type="int"),
    after=dict(type="str"),
    before=dict(type="str"),
)
RULES = dict(mutually_exclusive=[["id", name] for name in FILTERS])
CONNECT = scc.connect


def run(task, client):
    return info.read_jobs(task, client)


def main():
    module = AnsibleModule(argument_spec=ARGUMENT_SPEC, supports_check_mode=True, **RULES)
    runner.execute(module, CONNECT, run)


if __name__ == "__main__":
    main()
