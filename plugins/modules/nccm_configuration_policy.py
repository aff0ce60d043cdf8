#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: nccm_configuration_policy
short_description: Manage an Infraon NCCM configuration policy
version_added: 0.1.0
description:
  - Creates, updates or deletes one configuration policy at C(/ux/nccm/configuration_policies/).
  - The policy is found by O(id), else by O(policyid), reading every page of the list.
    More than one policy with the same O(policyid) fails the task and lists their ids.
  - With O(id), a O(policyid) that another policy holds fails naming both ids, and
    O(state=absent) fails when the policy with that O(id) has another O(policyid); nothing
    is written either way.
  - Only the options that are set are compared; date-times are compared as instants, list
    options as sets and O(policy_schedule) key by key. An update sends the whole writable
    policy (the current one merged with the options set) with C(PUT).
  - Options are checked before any request is sent.
author:
  - ncm.platforms contributors (@ncm-platforms)
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - ncm.platforms.attributes
  - ncm.platforms.infraon
  - ncm.platforms.rules
options:
  state:
    description:
      - V(present) creates the policy or updates it; V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  id:
    description:
      - The server's id of the policy. With O(state=present) the policy must exist.
      - One of O(id) and O(policyid) is required.
    type: str
  policyid:
    description:
      - The policy's own key, unique per tenant (at most 25 characters).
      - Required to create a policy.
    type: str
  name:
    description:
      - Display name.
    type: str
  description:
    description:
      - Free text.
    type: str
  organization:
    description:
      - Organization the policy belongs to (at most 25 characters).
      - Required to create a policy.
    type: str
  processid:
    description:
      - Process id (at most 2147483647); the server uses V(1) when a new policy does not set it.
      - The API documents only that it is an integer with the default V(1), not what it refers to. Leave it
        out unless your tenant's policies hold another value (read one with
        M(ncm.platforms.nccm_configuration_policy_info)), or when the policy mirrors one kept in another
        system (a migration, a copy between tenants).
    type: int
  associate_users:
    description:
      - Associated users, as the text the API takes.
    type: str
  associate_groups:
    description:
      - Associated groups, as the text the API takes.
    type: str
  associated_rules:
    description:
      - Associated rules, as the text the API takes.
    type: str
  associated_rule_groups:
    description:
      - Rule groups of the policy; the order does not matter.
    type: list
    elements: str
  lastupdatetime:
    description:
      - Date-time of the last update, ISO 8601 (for example V(2025-08-31T16:02:16.736Z)).
      - The API stores what is sent and does not document setting it itself; the read-only C(last_update_time)
        it returns beside it is a separate field. Set it only when the policy mirrors one kept in another
        system (a migration, a copy between tenants), to carry its time over.
    type: str
  activated_by:
    description:
      - Who activated the policy.
    type: str
  activation_time:
    description:
      - Date-time of the activation, ISO 8601.
    type: str
  activation_remarks:
    description:
      - Remarks on the activation.
    type: str
  policy_schedule:
    description:
      - When the policy runs, as a dict. The API documents it as an open object (its document shows only
        the key C(ANY_ADDITIONAL_PROPERTY), with V(anything)), so any keys, each with any JSON value (text, number,
        boolean, list or dict), and it names no key. The keys the tenant's scheduler reads are the tenant's;
        read a policy scheduled in the Infraon UI with M(ncm.platforms.nccm_configuration_policy_info) and
        give the same keys (EXAMPLES shows it). The collection's examples use C(frequency) (such as V(daily))
        and C(at) (a time V(HH:MM)) as an illustration, not as keys the API defines.
      - Only the keys given are compared and changed; other keys of the current schedule are kept. A nested
        dict compares key by key, a list in order, a number and its text alike.
      - A key set to V(null) removes that key from the schedule (C(at) set to V(null) removes the run time).
        An empty dict changes nothing; remove the keys one by one.
    type: dict
  lastaction:
    description:
      - Date-time of the last action, ISO 8601.
      - The API stores what is sent (the read-only C(last_action_time) is a separate field). Set it only when
        the policy mirrors one kept in another system (a migration, a copy between tenants), to carry its run
        history over.
    type: str
  nextaction:
    description:
      - Date-time of the next action, ISO 8601.
      - The API stores what is sent (the read-only C(next_action_time) is a separate field). Set it only when
        the policy mirrors one kept in another system (a migration, a copy between tenants).
    type: str
  progress:
    description:
      - Progress value (at most 2147483647).
      - The API takes any integer and documents neither its unit nor who updates it. Set it only when the
        policy mirrors one kept in another system (a migration, a copy between tenants).
    type: int
  starttime:
    description:
      - Start time as the API takes it (an integer, at most 2147483647).
      - The API documents only the type, not the unit nor who sets it. Set it only when the policy mirrors one
        kept in another system (a migration, a copy between tenants), with the value that system holds.
    type: int
  endtime:
    description:
      - End time as the API takes it (an integer, at most 2147483647).
      - As for O(starttime), set it only when the policy mirrors one kept in another system (a migration, a copy
        between tenants).
    type: int
  created_by:
    description:
      - Creator of the policy, as text.
      - The API stores what is sent and does not document filling it in itself. Set it to name the person or
        system that owns the policy, or when the policy mirrors one kept in another system (a migration, a
        copy between tenants).
    type: str
  modified_by:
    description:
      - Last modifier of the policy, as text.
      - The API stores what is sent and does not document updating it itself; a task that leaves it out keeps
        its value. Set it to name who changed the policy (for example the pipeline that runs the task), or
        when the policy mirrors one kept in another system (a migration, a copy between tenants).
    type: str
  assigned_users:
    description:
      - Users assigned to the policy; the order does not matter.
    type: list
    elements: str
  assigned_group:
    description:
      - Groups assigned to the policy; the order does not matter.
    type: list
    elements: str
  is_deleted:
    description:
      - The policy's deleted flag (a field of the policy, not a way to delete it; O(state=absent) deletes).
      - The API stores it as given and documents no effect of it; a policy with V(true) is still listed, read
        and changed like any other. Set it to mark a policy retired while keeping it, or when the policy
        mirrors one kept in another system (a migration, a copy between tenants);
        M(ncm.platforms.nccm_configuration_policy_info) with C(is_deleted=false) in its C(filters) lists the others.
    type: bool
notes:
  - Read-only fields (C(id), C(status), C(creationtime), C(last_update_time),
    C(next_action_time), C(last_action_time), C(is_private), C(rule_description),
    C(schedule_descr), C(visibility)) are returned but never sent.
  - Run the writers of one tenant one at a time (the task keyword C(throttle) set to 1, or one
    play per tenant), because the API has no unique constraint on the natural key, so two runs that
    create the same one at the same moment both create it. A run that finds such twins
    after its own create fails, lists their ids and still reports C(changed=true).
  - A task that sent a write reports C(changed=true) even when it fails afterwards; a
    write that got no answer says that it may have been made, and to check before re-running.
seealso:
  - module: ncm.platforms.nccm_configuration_policy_info
"""

EXAMPLES = r"""
- name: Declare a nightly backup policy
  ncm.platforms.nccm_configuration_policy:
    api:
      url: "{{ infraon_url }}"
      api_key: "{{ infraon_api_key }}"
    policyid: POL-BACKUP-01
    organization: acme
    name: Nightly backup
    assigned_users: [alice, bob]
    policy_schedule:
      frequency: daily
      at: "02:00"

- name: Change only the schedule time (other keys of the schedule are kept)
  ncm.platforms.nccm_configuration_policy:
    api:
      url: "{{ infraon_url }}"
      api_key: "{{ infraon_api_key }}"
    policyid: POL-BACKUP-01
    policy_schedule:
      at: "03:00"

- name: Read a policy scheduled in the Infraon UI, to learn the schedule keys this tenant uses
  ncm.platforms.nccm_configuration_policy_info:
    api:
      url: "{{ infraon_url }}"
      api_key: "{{ infraon_api_key }}"
    policyid: POL-UI-WEEKLY
  register: ui_scheduled

- name: Give the backup policy that schedule (every key and value as the UI wrote them)
  ncm.platforms.nccm_configuration_policy:
    api:
      url: "{{ infraon_url }}"
      api_key: "{{ infraon_api_key }}"
    policyid: POL-BACKUP-01
    policy_schedule: "{{ ui_scheduled.policies[0].policy_schedule }}"

- name: Delete the policy
  ncm.platforms.nccm_configuration_policy:
    api:
      url: "{{ infraon_url }}"
      api_key: "{{ infraon_api_key }}"
    policyid: POL-BACKUP-01
    state: absent
"""

RETURN = r"""
policy:
  description:
    - The policy as the server holds it after the task (in check mode, as it would be).
    - Empty when O(state=absent).
  returned: always
  type: dict
  sample:
    id: 66d2f0a1c3e4b5a6d7e8f901
    policyid: POL-BACKUP-01
    organization: acme
    name: Nightly backup
    processid: 1
    assigned_users: [alice, bob]
    policy_schedule:
      frequency: daily
      at: "02:00"
    creationtime: "2025-08-31T16:02:16.736Z"
"""

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.ncm.platforms.plugins.module_utils import api_spec, runner, sync
from ansible_collections.ncm.platforms.plugins.module_utils.infraon import client as infraon, targets
from ansible_collections.ncm.platforms.plugins.module_utils.infraon.resources import POLICY

ARGUMENT_SPEC = api_spec.argument_spec(
    "infraon",
    state=dict(type="str", choices=["present", "absent"], default="present"),
    id=dict(type="str"),
    **POLICY.options())
RULES = dict(required_one_of=[["id", "policyid"]])
CONNECT = infraon.connect


def run(task, client):
    target = targets.target(client, POLICY, task.params, {"policyid": task.params["policyid"]})
    return sync.ensure(task, target, POLICY, "policy")


def main():
    module = AnsibleModule(argument_spec=ARGUMENT_SPEC, supports_check_mode=True, **RULES)
    runner.execute(module, CONNECT, run)


if __name__ == "__main__":
    main()
