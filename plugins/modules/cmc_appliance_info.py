#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: cmc_appliance_info
short_description: Read the appliances a SteelCentral Controller manages
version_added: 0.1.0
description:
  - Reads the Controller's appliance inventory (service C(cmc.appliance_inventory) 1.0), one
    appliance by O(id) (C(GET /api/cmc.appliance_inventory/1.0/appliances/items/{id})), or the
    appliances that O(serial) and O(filters) select (C(GET /api/cmc.appliance_inventory/1.0/appliances)).
  - Each appliance has the shape of the host variables of the
    R(ncm.platforms.scc_appliances,ansible_collections.ncm.platforms.scc_appliances_inventory)
    inventory plugin, without their C(scc_) prefix.
  - Use it to find the serial numbers to give M(ncm.platforms.cmc_push_job).
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
      - Read only the appliance with this inventory id (at least 1, at most 2147483647); nothing is
        returned when it does not exist.
    type: int
  serial:
    description:
      - Only the appliance with this serial number.
    type: str
  filters:
    description:
      - Only the appliances whose field matches, for every field given; a field maps to a value
        or a list of values (any of them).
      - As in every info module of the collection, lookups by identity (O(id), O(serial)) are
        options of their own, and every match on a field is a key of O(filters) (see the
        collection's C(docs/filters.md)).
      - The fields are C(id), C(serial), C(uuid), C(hostname), C(address), C(model),
        C(product_code), C(arch), C(time_zone), C(state) and C(health); another key fails before any request.
      - C(serial), C(uuid) and C(health) with one value are sent to the Controller as query
        parameters; every filter is also applied to its answer.
      - C(product_code), C(state) and C(health) compare without regard to case or separators;
        C(health) must be one of V(normal), V(degraded), V(critical), V(unknown).
    type: dict
seealso:
  - module: ncm.platforms.cmc_push_job
  - plugin: ncm.platforms.scc_appliances
    plugin_type: inventory
"""

EXAMPLES = r"""
- name: Read the appliances whose health is not normal
  ncm.platforms.cmc_appliance_info:
    api:
      url: https://scc.example.com
      access_code: "{{ scc_access_code }}"
    filters:
      health: [degraded, critical]
  register: unhealthy

- name: Show their host names and health
  ansible.builtin.debug:
    msg: "{{ unhealthy.appliances | items2dict(key_name='hostname', value_name='health') }}"

- name: Read one appliance by its serial number
  ncm.platforms.cmc_appliance_info:
    api:
      url: https://scc.example.com
      access_code: "{{ scc_access_code }}"
    serial: XN10H0001A01

- name: Read the healthy SteelHeads
  ncm.platforms.cmc_appliance_info:
    api:
      url: https://scc.example.com
      access_code: "{{ scc_access_code }}"
    filters:
      product_code: SH
      health: normal
  register: steelheads

- name: Push NTP to them
  ncm.platforms.cmc_push_job:
    api:
      url: https://scc.example.com
      access_code: "{{ scc_access_code }}"
    features: [ntp]
    appliance_serial_numbers: "{{ steelheads.appliances | map(attribute='serial') | list }}"
"""

RETURN = r"""
appliances:
  description:
    - The matching appliances, in the Controller's order; a field the Controller does not show is V(null).
  returned: always
  type: list
  elements: dict
  sample:
    - id: 1
      serial: XN10H0001A01
      uuid: 2f1e9f0c-6a43-5b8e-9d0e-0c4f1b2a3d4e
      hostname: hq-london-sh1
      address: 10.1.0.11
      auto_detected_address: 10.1.0.11
      override_address: null
      model: SteelHead SD 3100
      product_code: SH
      arch: x86_64
      version: {version_id: 9.14.2-b38, version_number: 9.14.2, build_number: "38", build_timestamp: "2025-06-12 10:14:00"}
      time_zone: Europe/London
      state: managed
      health: normal
      connectivity: {mode: full, ocs_connected: true, gcl_connected: true}
      interfaces: [{name: primary, enabled: true, ip_addr: 10.1.0.11, mask_len: 24}]
"""

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.ncm.platforms.plugins.module_utils import api_spec, runner
from ansible_collections.ncm.platforms.plugins.module_utils.scc import client as scc, inventory

ARGUMENT_SPEC = api_spec.argument_spec("scc", id=dict(type="int"), serial=dict(type="str"), filters=dict(type="dict"))
RULES = dict(mutually_exclusive=[["id", "serial"], ["id", "filters"]])
CONNECT = scc.connect


def run(task, client):
    return inventory.read(client, task.params)


def main():
    module = AnsibleModule(argument_spec=ARGUMENT_SPEC, supports_check_mode=True, **RULES)
    runner.execute(module, CONNECT, run)


if __name__ == "__main__":
    main()
