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
    jobs that the filters select (C(GET /api/cmc.configurator/1.0/jobs)); the Controller
    answers every matching job at once.
  - The filters are applied by the Controller; O(job_status) is also checked on each job read,
    without regard to case or separators.
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
      - Mutually exclusive with the filters.
    type: int
  job_status:
    description:
      - Only the jobs in this status, one of V(Queued), V(InProgress), V(Failed), V(Success) and
        V(Canceled), in any case and with or without separators (V(IN_PROGRESS), V(In Progress) and
        V(inprogress) are V(InProgress)); anything else fails before any request.
    type: str
  feature_id:
    description:
      - Only the jobs that push this feature (at least 1, at most 2147483647).
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
    job_status: Failed
    feature_id: 3
    after: "2025-08-01T00:00:00Z"
    before: "2025-08-31T23:59:59Z"
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

FILTERS = ["job_status", "feature_id", "after", "before"]
ARGUMENT_SPEC = api_spec.argument_spec(
    "scc",
    id=dict(type="int"),
    job_status=dict(type="str"),
    feature_id=dict(type="int"),
    after=dict(type="str"),
    before=dict(type="str"),
)
RULES = dict(mutually_exclusive=[["id", name] for name in FILTERS])
CONNECT = scc.connect


def run(task, client):
    return info.read_jobs(client, task.params)


def main():
    module = AnsibleModule(argument_spec=ARGUMENT_SPEC, supports_check_mode=True, **RULES)
    runner.execute(module, CONNECT, run)


if __name__ == "__main__":
    main()
