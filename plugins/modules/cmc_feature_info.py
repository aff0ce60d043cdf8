#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cmc_feature_info
short_description: Read the features a SteelCentral Controller can push
version_added: 0.1.0
description:
  - Reads one feature by O(id) (C(GET /api/cmc.configurator/1.0/features/items/{id})), the
    features named O(name), or every feature (C(GET /api/cmc.configurator/1.0/features)).
  - Use it to find the ids and names to give M(ncm.platforms.cmc_push_job); only the features
    with C(push_enable) true can be pushed.
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
      - Read only the feature with this id (at least 1, at most 2147483647); nothing is returned when it does not exist.
    type: int
  name:
    description:
      - Only the features with this name (exact match).
    type: str
seealso:
  - module: ncm.platforms.cmc_push_job
"""

EXAMPLES = r"""
- name: List the features that can be pushed
  ncm.platforms.cmc_feature_info:
    api:
      url: https://scc.example.com
      access_code: "{{ scc_access_code }}"
  register: catalogue

- name: Show their names
  ansible.builtin.debug:
    msg: "{{ catalogue.features | selectattr('push_enable') | map(attribute='name') | list }}"

- name: Read the DNS feature
  ncm.platforms.cmc_feature_info:
    api:
      url: https://scc.example.com
      access_code: "{{ scc_access_code }}"
    name: dns
"""

RETURN = r"""
features:
  description: The matching features, in the Controller's order.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 3
      name: dns
      pretty_name: DNS
      description: DNS servers and domain
      push_enable: true
"""

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.ncm.platforms.plugins.module_utils import api_spec, runner
from ansible_collections.ncm.platforms.plugins.module_utils.scc import client as scc, info

ARGUMENT_SPEC = api_spec.argument_spec("scc", id=dict(type="int"), name=dict(type="str"))
RULES = dict(mutually_exclusive=[["id", "name"]])
CONNECT = scc.connect


def run(task, client):
    return info.read_features(client, task.params)


def main():
    module = AnsibleModule(argument_spec=ARGUMENT_SPEC, supports_check_mode=True, **RULES)
    runner.execute(module, CONNECT, run)


if __name__ == "__main__":
    main()
