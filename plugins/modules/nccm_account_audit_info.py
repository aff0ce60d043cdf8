#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: nccm_account_audit_info
short_description: Read Infraon NCCM jobs-account-audit records
version_added: 0.1.0
description:
  - Reads one record by O(id), or lists the records at C(/ux/nccm/jobs-account-audit/),
    reading every page (or until O(limit) records matched).
  - O(filters), O(created_after) and O(created_before) are applied by the module to each
    record read; the API has no server-side filter.
  - The device credentials C(dpassword) and C(denable_password) are returned as C(********).
author:
  - ncm.platforms contributors (@ncm-platforms)
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - ncm.platforms.attributes.info
  - ncm.platforms.infraon
  - ncm.platforms.infraon_info
  - ncm.platforms.rules
seealso:
  - module: ncm.platforms.nccm_account_audit
"""

EXAMPLES = r"""
- name: Read the SSH sessions of one organization created in August 2025
  ncm.platforms.nccm_account_audit_info:
    api:
      url: "{{ infraon_url }}"
      api_key: "{{ infraon_api_key }}"
    filters:
      organization: acme
      connection_protocol: ssh
    created_after: "2025-08-01T00:00:00Z"
    created_before: "2025-09-01T00:00:00Z"
  register: audit

- name: Show the devices whose session failed
  ansible.builtin.debug:
    msg: "{{ audit.records | selectattr('error') | map(attribute='ci_id') | unique | list }}"

- name: Read the 10 newest records and the field defaults
  ncm.platforms.nccm_account_audit_info:
    api:
      url: "{{ infraon_url }}"
      api_key: "{{ infraon_api_key }}"
    sort: creationtime
    reverse: true
    limit: 10
    options: true
"""

RETURN = r"""
records:
  description: The matching records, in the server's order, credentials masked.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 66d2f0a1c3e4b5a6d7e8f901
      creationtime: "2025-08-31T03:41:36.327Z"
      organization: acme
      job_id: JOB-42
      dpassword: "********"
count:
  description: How many records RV(records) holds.
  returned: always
  type: int
  sample: 1
options:
  description: The answer of the C(options/) call (field defaults), credentials masked.
  returned: when O(options=true)
  type: dict
  sample:
    organization: ""
    connection_protocol: ""
"""

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.ncm.platforms.plugins.module_utils import api_spec, runner
from ansible_collections.ncm.platforms.plugins.module_utils.infraon import client as infraon, info
from ansible_collections.ncm.platforms.plugins.module_utils.infraon.resources import AUDIT

ARGUMENT_SPEC = api_spec.argument_spec("infraon", **info.options())
RULES = {}
CONNECT = infraon.connect


def run(task, client):
    return info.read(task, client, AUDIT, "records")


def main():
    module = AnsibleModule(argument_spec=ARGUMENT_SPEC, supports_check_mode=True, **RULES)
    runner.execute(module, CONNECT, run)


if __name__ == "__main__":
    main()
