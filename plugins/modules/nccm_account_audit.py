#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: nccm_account_audit
short_description: Manage an Infraon NCCM jobs-account-audit record
version_added: 0.1.0
description:
  - Creates, updates or deletes one record at C(/ux/nccm/jobs-account-audit/).
  - The record is found by O(id), else by the options named in O(identity), reading every
    page of the list. More than one matching record fails the task and lists their ids.
  - Only the options that are set are compared (date-times as instants). An update sends
    the whole writable record (the current one merged with the options set) with C(PUT).
  - The device credentials O(dpassword) and O(denable_password) are never compared and
    never returned in clear; O(update_password) decides when they are sent.
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
      - V(present) creates the record or updates it; V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  id:
    description:
      - The server's id of the record. With O(state=present) the record must exist.
    type: str
  identity:
    description:
      - The options that together identify the record when O(id) is not given.
      - A record matches when each of these options equals the record's field; an option
        that is not set matches a record whose field is empty.
      - At least one of them must be set when O(id) is not given.
      - When some of them are not set and no record matches, but records hold the values
        that are set (and something in the fields left unset), the task warns, naming those
        records by id and the fields they differ in. V(present) then creates a new record,
        V(absent) deletes nothing. Give O(id), set those options, or narrow O(identity) (for
        example V([organization, job_id])) to reach such a record.
    type: list
    elements: str
    choices: [organization, job_id, ci_id, job_iteration_id, ipaddress, device_account,
              connection_protocol, error, task_owner, client_ip, job_type, job_name,
              process_name, connection_for, last_update_time, config_type, uofw]
    default: [organization, job_id, job_iteration_id, ci_id]
  update_password:
    description:
      - V(on_create) sends O(dpassword) and O(denable_password) only when the record is
        created; V(always) also sends them to an existing record, which then always
        reports a change (a stored secret cannot be read back to compare).
    type: str
    choices: [always, on_create]
    default: on_create
  organization:
    description:
      - Organization of the record (at most 25 characters). Required to create a record.
    type: str
  job_id:
    description:
      - Id of the job.
    type: str
  ci_id:
    description:
      - Id of the configuration item (device).
    type: str
  job_iteration_id:
    description:
      - Id of the job's iteration.
    type: str
  ipaddress:
    description:
      - IP address of the device (at most 225 characters).
    type: str
  device_account:
    description:
      - Account used on the device (at most 225 characters).
    type: str
  dpassword:
    description:
      - Device password (at most 225 characters). Write-only; see O(update_password).
    type: str
  denable_password:
    description:
      - Device enable password (at most 225 characters). Write-only; see O(update_password).
    type: str
  connection_protocol:
    description:
      - Protocol of the connection, for example V(ssh) (at most 25 characters).
    type: str
  error:
    description:
      - Error text (at most 2000 characters).
    type: str
  task_owner:
    description:
      - Owner of the task (at most 225 characters).
    type: str
  client_ip:
    description:
      - Client IP address (at most 225 characters).
    type: str
  job_type:
    description:
      - Type of the job (at most 225 characters).
    type: str
  job_name:
    description:
      - Name of the job (at most 225 characters).
    type: str
  process_name:
    description:
      - Name of the process (at most 225 characters).
    type: str
  connection_for:
    description:
      - Purpose of the connection (at most 225 characters).
    type: str
  last_update_time:
    description:
      - Date-time of the last update, ISO 8601 (for example V(2025-08-31T03:41:36.327Z)).
      - The API stores what is sent and does not document setting it itself (the server's own time is
        the read-only C(creationtime)). Set it to when the job last used the account on the device, as
        the system that records the audit knows it; a task that leaves it out keeps the stored value.
    type: str
  config_type:
    description:
      - Configuration type (at most 225 characters).
    type: str
  uofw:
    description:
      - Unit of work (at most 225 characters).
    type: str
notes:
  - Read-only fields (C(id), C(creationtime), C(agent_id), C(connection_status),
    C(failure_message)) are returned but never sent.
  - Run the writers of one tenant one at a time (the task keyword C(throttle) set to 1, or one
    play per tenant), because the API has no unique constraint on the natural key, so two runs that
    create the same one at the same moment both create it. A run that finds such twins
    after its own create fails, lists their ids and still reports C(changed=true).
  - A task that sent a write reports C(changed=true) even when it fails afterwards; a
    write that got no answer says that it may have been made, and to check before re-running.
seealso:
  - module: ncm.platforms.nccm_account_audit_info
"""

EXAMPLES = r"""
- name: Record a backup job's access to a router
  ncm.platforms.nccm_account_audit:
    api:
      url: "{{ infraon_url }}"
      api_key: "{{ infraon_api_key }}"
    organization: acme
    job_id: JOB-42
    job_iteration_id: "1"
    ci_id: rtr-01
    ipaddress: 192.0.2.10
    device_account: netops
    dpassword: "{{ device_password | default('example-device-pass') }}"
    connection_protocol: ssh
    job_type: backup
    last_update_time: "2025-08-31T03:41:36.327Z"

- name: Mark it failed, found by organization and job id only
  ncm.platforms.nccm_account_audit:
    api:
      url: "{{ infraon_url }}"
      api_key: "{{ infraon_api_key }}"
    identity: [organization, job_id]
    organization: acme
    job_id: JOB-42
    error: Authentication failed

- name: Delete the record
  ncm.platforms.nccm_account_audit:
    api:
      url: "{{ infraon_url }}"
      api_key: "{{ infraon_api_key }}"
    organization: acme
    job_id: JOB-42
    job_iteration_id: "1"
    ci_id: rtr-01
    state: absent
"""

RETURN = r"""
record:
  description:
    - The record as the server holds it after the task (in check mode, as it would be),
      with O(dpassword) and O(denable_password) replaced by C(********) when set.
    - Empty when O(state=absent).
  returned: always
  type: dict
  sample:
    id: 66d2f0a1c3e4b5a6d7e8f901
    creationtime: "2025-08-31T03:41:36.327Z"
    organization: acme
    job_id: JOB-42
    job_iteration_id: "1"
    ci_id: rtr-01
    ipaddress: 192.0.2.10
    dpassword: "********"
    denable_password: ""
    connection_protocol: ssh
"""

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.ncm.platforms.plugins.module_utils import api_spec, errors, runner, sync
from ansible_collections.ncm.platforms.plugins.module_utils.infraon import client as infraon, targets
from ansible_collections.ncm.platforms.plugins.module_utils.infraon.resources import AUDIT

IDENTITY_CHOICES = [name for name in AUDIT.fields if name not in AUDIT.secrets]
ARGUMENT_SPEC = api_spec.argument_spec(
    "infraon",
    state=dict(type="str", choices=["present", "absent"], default="present"),
    id=dict(type="str"),
    identity=dict(type="list", elements="str", choices=IDENTITY_CHOICES, default=list(AUDIT.natural_key)),
    update_password=dict(type="str", choices=["always", "on_create"], default="on_create", no_log=False),
    **AUDIT.options())
RULES = {}
CONNECT = infraon.connect


def identity_criteria(params):
    """The identity fields and their values; at least one must be set when no id is given."""
    if not params["identity"]:
        raise errors.InputError("identity is empty: name at least one option that identifies a record "
                                "(the default is organization, job_id, job_iteration_id, ci_id).")
    criteria = dict((name, params.get(name)) for name in params["identity"])
    if params.get("id") is None and all(value in (None, "") for value in criteria.values()):
        raise errors.InputError("Give id, or set at least one of the identity options (%s)."
                                % ", ".join(params["identity"]))
    return criteria


def run(task, client):
    target = targets.target(client, AUDIT, task.params, identity_criteria(task.params))
    return sync.ensure(task, target, AUDIT, "record")


def main():
    module = AnsibleModule(argument_spec=ARGUMENT_SPEC, supports_check_mode=True, **RULES)
    runner.execute(module, CONNECT, run)


if __name__ == "__main__":
    main()
