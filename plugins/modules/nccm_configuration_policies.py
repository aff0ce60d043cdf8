#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: nccm_configuration_policies
short_description: Manage many Infraon NCCM configuration policies in one task
version_added: 0.1.0
description:
  - Keeps the configuration policies listed in O(config) in the declared state, with the
    resource-module states network engineers know (V(merged), V(replaced), V(overridden),
    V(deleted), V(gathered)).
  - The list of policies is read once (every page); then only the writes that are needed
    are sent, in O(config) order, deletes last. An unchanged run of 50 policies costs one
    list read and no write.
  - The API answers a policy's creation with no body, so the created policies are found
    again by C(policyid) with one more list read after the writes, not one per policy. So
    creating 50 policies costs the first list read, 50 POSTs and that one list read.
  - Policies are keyed by C(policyid). O(scope) narrows which existing policies the task
    may delete or gather, so that no task can delete what it does not own.
  - Every option is checked before any request; a failed write stops the task with the
    server's message, the C(policyid), and the changes already made (in RV(changes), and
    the policies they left in RV(after)). A
    message about one item names it by its index and C(policyid), for example
    C(config[3] (policyid POL-7)) at its start.
  - An empty or missing list never means "all". V(overridden) with an empty or missing
    O(config) fails before any request; V(deleted) with O(config=[]) deletes nothing. To
    remove every policy in a scope on purpose, use O(state=deleted) with O(scope) given and
    O(config) left out.
  - RV(before), RV(after) and RV(gathered) hold every option of each policy (V(null) where
    it holds none), in check mode and in a real run alike.
author:
  - ncm.platforms contributors (@ncm-platforms)
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - ncm.platforms.attributes
  - ncm.platforms.infraon
  - ncm.platforms.rules
attributes:
  check_mode:
    details: Predicts every write, RV(before), RV(after) and RV(changes); sends no write.
  diff_mode:
    details: One diff per policy that changes, with only the fields that change.
options:
  state:
    description:
      - V(merged) creates the missing policies and updates the options set on the existing ones.
      - V(replaced) makes each listed policy hold exactly the options given; the options not
        given go back to empty (or their documented default, such as C(processid=1)).
      - V(overridden) is V(replaced) for the listed policies, and deletes every other policy
        in O(scope). O(scope) is required, and so is a O(config) with at least one policy;
        an empty or missing O(config) fails before any request, it never means "delete all".
      - V(deleted) deletes the listed policies (by C(policyid)); O(config=[]) deletes
        nothing. With O(config) left out, every policy in O(scope) (then O(scope) is
        required), the one way to remove them all on purpose.
      - V(gathered) writes nothing and returns RV(gathered), the policies in O(scope).
    type: str
    choices: [merged, replaced, overridden, deleted, gathered]
    default: merged
  scope:
    description:
      - Which existing policies the task may consider for V(overridden), V(deleted) without
        O(config) and V(gathered). A listed policy outside the scope fails the task.
    type: dict
    suboptions:
      organization:
        description:
          - Only the policies of this organization.
        type: str
      policyid_prefix:
        description:
          - Only the policies whose C(policyid) starts with this text.
        type: str
  config:
    description:
      - The policies, each with the options of M(ncm.platforms.nccm_configuration_policy)
        except C(id) and C(state). An option that is not set is left alone by V(merged).
      - An empty or missing list never means "all". With O(state=overridden) it fails before
        any request, with O(state=deleted) an empty list deletes nothing (leave O(config) out,
        with O(scope), to delete every policy in the scope).
    type: list
    elements: dict
    suboptions:
        policyid:
          description:
            - The policy's own key, unique per tenant (at most 25 characters).
            - The key of the item; each O(config[].policyid) may be listed once.
          type: str
          required: true
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
            - Required to create a policy, and in every item with O(state=replaced) or O(state=overridden).
          type: str
        processid:
          description:
            - Process id (at most 2147483647); the server uses V(1) when a new policy does not set it.
            - The API documents only that it is an integer with the default V(1), not what it refers to. Leave
              it out unless your tenant's policies hold another value (read one with
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
            - The API stores what is sent and does not document setting it itself; the read-only
              C(last_update_time) it returns beside it is a separate field. Set it only when the policy
              mirrors one kept in another system (a migration, a copy between tenants), to carry its time
              over.
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
              boolean, list or dict), and it names no key. The keys the tenant's scheduler reads are the
              tenant's; read a policy scheduled in the Infraon UI with
              M(ncm.platforms.nccm_configuration_policy_info) and give the same keys (EXAMPLES shows it). The
              collection's examples use C(frequency) (such as V(daily)) and C(at) (a time V(HH:MM)) as an
              illustration, not as keys the API defines.
            - Only the keys given are compared and changed; other keys of the current schedule are kept. A
              nested dict compares key by key, a list in order, a number and its text alike.
            - A key set to V(null) removes that key from the schedule.
            - With O(state=replaced) or O(state=overridden) the schedule holds exactly the keys given.
          type: dict
        lastaction:
          description:
            - Date-time of the last action, ISO 8601.
            - The API stores what is sent (the read-only C(last_action_time) is a separate field). Set it only
              when the policy mirrors one kept in another system (a migration, a copy between tenants), to
              carry its run history over.
          type: str
        nextaction:
          description:
            - Date-time of the next action, ISO 8601.
            - The API stores what is sent (the read-only C(next_action_time) is a separate field). Set it only
              when the policy mirrors one kept in another system (a migration, a copy between tenants).
          type: str
        progress:
          description:
            - Progress value (at most 2147483647).
            - The API takes any integer and documents neither its unit nor who updates it. Set it only when
              the policy mirrors one kept in another system (a migration, a copy between tenants).
          type: int
        starttime:
          description:
            - Start time as the API takes it (an integer, at most 2147483647).
            - The API documents only the type, not the unit nor who sets it. Set it only when the policy
              mirrors one kept in another system (a migration, a copy between tenants), with the value that
              system holds.
          type: int
        endtime:
          description:
            - End time as the API takes it (an integer, at most 2147483647).
            - As for O(config[].starttime), set it only when the policy mirrors one kept in another system (a
              migration, a copy between tenants).
          type: int
        created_by:
          description:
            - Creator of the policy, as text.
            - The API stores what is sent and does not document filling it in itself. Set it to name the
              person or system that owns the policy, or when the policy mirrors one kept in another system (a
              migration, a copy between tenants).
          type: str
        modified_by:
          description:
            - Last modifier of the policy, as text.
            - The API stores what is sent and does not document updating it itself; a task that leaves it out
              keeps its value. Set it to name who changed the policy (for example the pipeline that runs the
              task), or when the policy mirrors one kept in another system (a migration, a copy between
              tenants).
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
            - The policy's deleted flag (a field of the policy, not a way to delete it; O(state=deleted)
              deletes).
            - The API stores it as given and documents no effect of it; a policy with V(true) is still listed,
              read and changed like any other. Set it to mark a policy retired while keeping it, or when the
              policy mirrors one kept in another system (a migration, a copy between tenants);
              M(ncm.platforms.nccm_configuration_policy_info) with C(is_deleted=false) in its C(filters) lists the
              others.
          type: bool
notes:
  - Run the writers of one tenant one at a time (the task keyword C(throttle) set to 1, or
    one play per tenant), because the API has no unique constraint on C(policyid).
seealso:
  - module: ncm.platforms.nccm_configuration_policy
  - module: ncm.platforms.nccm_configuration_policy_info
"""

EXAMPLES = r"""
- name: Keep the backup policies of acme as declared, and only those
  ncm.platforms.nccm_configuration_policies:
    api:
      url: "{{ infraon_url }}"
      api_key: "{{ infraon_api_key }}"
    state: overridden
    scope:
      organization: acme
      policyid_prefix: POL-BACKUP-
    config:
      - policyid: POL-BACKUP-CORE
        organization: acme
        name: Core backup
        policy_schedule: {frequency: daily, at: "02:30"}
      - policyid: POL-BACKUP-EDGE
        organization: acme
        name: Edge backup

- name: Read the policies of acme in config form
  ncm.platforms.nccm_configuration_policies:
    api:
      url: "{{ infraon_url }}"
      api_key: "{{ infraon_api_key }}"
    state: gathered
    scope:
      organization: acme
  register: acme_policies
"""

RETURN = r"""
before:
  description: The policies the task touched, as they were (config form).
  returned: always
  type: list
  elements: dict
  sample:
    - policyid: POL-BACKUP-CORE
      organization: acme
      name: Core
after:
  description: The policies the task touched, as they are now (in check mode, as they would be).
  returned: always
  type: list
  elements: dict
  sample:
    - policyid: POL-BACKUP-CORE
      organization: acme
      name: Core backup
changes:
  description: One entry per write, in the order sent.
  returned: always
  type: list
  elements: dict
  sample:
    - policyid: POL-BACKUP-CORE
      action: updated
      fields: [name]
gathered:
  description: The policies in O(scope), in config form.
  returned: when O(state=gathered)
  type: list
  elements: dict
  sample:
    - policyid: POL-BACKUP-CORE
      organization: acme
"""

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.ncm.platforms.plugins.module_utils import api_spec, errors, runner, sync
from ansible_collections.ncm.platforms.plugins.module_utils.infraon import client as infraon, targets
from ansible_collections.ncm.platforms.plugins.module_utils.infraon.resources import POLICY

KEY = "policyid"
ARGUMENT_SPEC = api_spec.argument_spec(
    "infraon",
    state=dict(type="str", choices=list(sync.MANY_STATES), default="merged"),
    scope=dict(type="dict", options=dict(organization=dict(type="str"), policyid_prefix=dict(type="str"))),
    config=dict(type="list", elements="dict", options=POLICY.options(required=(KEY,))),
)
RULES = {}
CONNECT = infraon.connect


def in_scope(scope):
    """Whether a policy (API-shaped) is inside ``scope``."""
    def test(policy):
        return ((scope.get("organization") is None or policy.get("organization") == scope["organization"])
                and str(policy.get(KEY) or "").startswith(scope.get("policyid_prefix") or ""))
    return test


def check(params):
    """Fail before any request on a state without the scope it needs or an item outside it."""
    scope = dict((name, value) for name, value in (params["scope"] or {}).items() if value not in (None, ""))
    state, config = params["state"], params["config"]
    if state == "overridden" and not scope:
        raise errors.InputError("scope is required with state=overridden (organization and/or policyid_prefix), "
                                "so that the task deletes only the policies it owns.")
    if state == "deleted" and config is None and not scope:
        raise errors.InputError("state=deleted without config deletes every policy in scope: give scope "
                                "(organization and/or policyid_prefix), or list the policies in config.")
    sync.check_config(POLICY, KEY, config, state)
    inside = in_scope(scope)
    outside = [item[KEY] for item in config or []
               if not inside(dict(item, organization=item.get("organization") or scope.get("organization")))]
    if outside:
        raise errors.InputError("config: %s %s outside scope %s."
                                % (", ".join(outside), "is" if len(outside) == 1 else "are", scope))
    return scope, config


def run(task, client):
    params = task.params
    scope, config = check(params)
    existing = list(client.iter_all(POLICY))
    listed = set(item[KEY] for item in config or [])
    elsewhere = sorted("%s (organization %s)" % (policy.get(KEY), policy.get("organization")) for policy in existing
                       if policy.get(KEY) in listed and not in_scope(scope)(policy))
    if elsewhere:
        raise errors.InputError("config: %s already exist outside scope %s; nothing changed." % (", ".join(elsewhere), scope))
    if params["state"] == "gathered":
        return False, {"gathered": [POLICY.options_result(policy) for policy in existing if in_scope(scope)(policy)]}
    actions = sync.plan(POLICY, KEY, config, existing, params["state"], in_scope=in_scope(scope))
    target = targets.InfraonObjects(client, POLICY, criteria={KEY: None})
    after = sync.apply(actions, target, task.check_mode, KEY, POLICY)
    return bool(actions), sync.many_result(POLICY, KEY, actions, after)


def main():
    module = AnsibleModule(argument_spec=ARGUMENT_SPEC, supports_check_mode=True, **RULES)
    runner.execute(module, CONNECT, run)


if __name__ == "__main__":
    main()
