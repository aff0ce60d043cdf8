#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: nccm_configuration_policy_info
short_description: Read Infraon NCCM configuration policies
version_added: 0.1.0
description:
  - Reads one policy by O(id), the policies with a O(policyid), or lists the policies at
    C(/ux/nccm/configuration_policies/), reading every page (or until O(limit) policies matched).
  - O(policyid), O(filters), O(created_after) and O(created_before) are applied by the
    module to each policy read; the API has no server-side filter.
author:
  - ncm.platforms contributors (@ncm-platforms)
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - ncm.platforms.attributes.info
  - ncm.platforms.infraon
  - ncm.platforms.infraon_info
  - ncm.platforms.rules
options:
  policyid:
    description:
      - Only the policies with this C(policyid).
    type: str
seealso:
  - module: ncm.platforms.nccm_configuration_policy
"""

EXAMPLES = r"""
- name: Read one policy by its policyid
  ncm.platforms.nccm_configuration_policy_info:
    api:
      url: "{{ infraon_url }}"
      api_key: "{{ infraon_api_key }}"
    policyid: POL-BACKUP-01
  register: found

- name: List the active policies of an organization, sorted by name
  ncm.platforms.nccm_configuration_policy_info:
    api:
      url: "{{ infraon_url }}"
      api_key: "{{ infraon_api_key }}"
    filters:
      organization: acme
      is_deleted: false
    sort: name
"""

RETURN = r"""
policies:
  description: The matching policies, in the server's order.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 66d2f0a1c3e4b5a6d7e8f901
      policyid: POL-BACKUP-01
      organization: acme
      name: Nightly backup
count:
  description: How many policies RV(policies) holds.
  returned: always
  type: int
  sample: 1
options:
  description: The answer of the C(options/) call (field defaults).
  returned: when O(options=true)
  type: dict
  sample:
    processid: 1
    policyid: ""
"""

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.ncm.platforms.plugins.module_utils import api_spec, runner
from ansible_collections.ncm.platforms.plugins.module_utils.infraon import client as infraon, info
from ansible_collections.ncm.platforms.plugins.module_utils.infraon.resources import POLICY

ARGUMENT_SPEC = api_spec.argument_spec("infraon", **info.options(policyid=dict(type="str")))
RULES = {}
CONNECT = infraon.connect


def run(task, client):
    policyid = task.params["policyid"]
    criteria = {"policyid": policyid} if policyid is not None else None
    return info.read(task, client, POLICY, "policies", criteria)


def main():
    module = AnsibleModule(argument_spec=ARGUMENT_SPEC, supports_check_mode=True, **RULES)
    runner.execute(module, CONNECT, run)


if __name__ == "__main__":
    main()
