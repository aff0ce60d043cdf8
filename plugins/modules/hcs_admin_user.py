#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: hcs_admin_user
short_description: Manage a VOSS-4-UC (Cisco HCS) admin user at a hierarchy node
version_added: 0.1.0
description:
  - Creates, updates or deletes one C(relation/HcsAdminUserREL) admin user at the hierarchy
    node O(hierarchy).
  - The user is found by O(username) (its C(hcsUname)) in the list at O(hierarchy), read page
    by page to the end. That list also holds the users of the nodes below O(hierarchy); only
    the user whose own node is O(hierarchy) is taken (its C(hierarchy_path) equals a dotted
    O(hierarchy), or its parent node pkid equals a pkid O(hierarchy)). A user of the same
    name at a node below is never read, changed or deleted. Two users of that name at the
    node itself fail the task and list their pkids.
  - Only the options that are set are compared. An update sends the whole user (the current
    one with the options set laid over it) with C(PUT); fields the module does not manage
    are kept, read-only account fields (times, counters, used passwords) are never sent.
  - Every write asks for C(nowait=true) and follows the transaction it starts until it is
    final (C(Success), or C(Completed) on older releases) within O(transaction_timeout).
    A transaction that ends C(Fail) fails the task with the transaction's own message. A
    server that answers the write at once works the same.
  - Options are checked before any request is sent.
author:
  - ncm.platforms contributors (@ncm-platforms)
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - ncm.platforms.attributes
  - ncm.platforms.voss
  - ncm.platforms.rules
options:
  hierarchy:
    description:
      - The hierarchy node the user belongs to, as a node pkid (V(5dcd1812e186e30018eb7023))
        or a dotted path (V(sys.hcs.CS-P.CS-NB.AAAGlobal)).
      - Sent with every request.
    type: str
    required: true
  username:
    description:
      - The user's C(hcsUname), unique within a hierarchy node (at most 1024 characters).
      - A new user gets the same value as its C(AdminUser.username).
    type: str
    required: true
  state:
    description:
      - V(present) creates the user or updates it; V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  first_name:
    description:
      - First name.
    type: str
  last_name:
    description:
      - Last name.
    type: str
  email:
    description:
      - Email address.
    type: str
  role:
    description:
      - The name of the role the user has, for example V(CustomerAdminRole).
      - Required to create a user.
    type: str
  language:
    description:
      - The user's language (its C(lcid), for example V(en-us)); the server uses V(en-us)
        when a new user does not set it. Compared without regard to case.
    type: str
  set_language:
    description:
      - Whether the user's language is set by the default language of the hierarchy.
    type: bool
  password:
    description:
      - The user's password, at least 8 characters.
      - The server never returns it, so it cannot be compared. It is sent when the user is
        created, and to an existing user only with O(update_password=always).
    type: str
  update_password:
    description:
      - V(on_create) sends O(password) only when the user is created.
      - V(always) sends it on every run, which then always reports a change.
    type: str
    choices: [on_create, always]
    default: on_create
  account_information:
    description:
      - Account settings of the user. Only the keys given are compared and changed.
    type: dict
    suboptions:
      disabled:
        description:
          - Whether the account is disabled.
        type: bool
      locked:
        description:
          - Whether the account is locked.
        type: bool
      change_password_on_login:
        description:
          - Whether the user must change the password at the next login.
        type: bool
      credential_policy:
        description:
          - The name of the credential policy of the user.
        type: str
      reason_for_disabled:
        description:
          - Why the account is disabled.
        type: str
  transaction_timeout:
    description:
      - Seconds (more than 0, at most 86400) to wait for the transaction of a write to end.
      - When it runs out the task fails with the transaction's id (RV(transaction_id)) and
        last status; the transaction is still pending and the write may still be carried
        out by the server. A run while it is pending does not see its result and sends the
        write again (a second create then fails with the server's message once the first has
        ended); wait for the transaction to end before running the task again.
    type: int
    default: 300
notes:
  - A task that sent a write reports C(changed=true) even when it fails afterwards (a failed
    transaction, a timeout).
seealso:
  - module: ncm.platforms.hcs_admin_user_info
"""

EXAMPLES = r"""
- name: Declare a customer administrator at AAAGlobal
  ncm.platforms.hcs_admin_user:
    api:
      url: "{{ voss_url }}"
      username: "{{ voss_username }}"
      password: "{{ voss_password }}"
    hierarchy: sys.hcs.CS-P.CS-NB.AAAGlobal
    username: jdoe
    first_name: Jane
    last_name: Doe
    email: jdoe@example.com
    role: CustomerAdminRole
    password: "{{ jdoe_password }}"

- name: Lock the account (other settings are kept)
  ncm.platforms.hcs_admin_user:
    api:
      url: "{{ voss_url }}"
      username: "{{ voss_username }}"
      password: "{{ voss_password }}"
    hierarchy: sys.hcs.CS-P.CS-NB.AAAGlobal
    username: jdoe
    account_information:
      locked: true

- name: Set a new password
  ncm.platforms.hcs_admin_user:
    api:
      url: "{{ voss_url }}"
      username: "{{ voss_username }}"
      password: "{{ voss_password }}"
    hierarchy: 5dcd1812e186e30018eb7023
    username: jdoe
    password: "{{ jdoe_new_password }}"
    update_password: always

- name: Delete the user
  ncm.platforms.hcs_admin_user:
    api:
      url: "{{ voss_url }}"
      username: "{{ voss_username }}"
      password: "{{ voss_password }}"
    hierarchy: sys.hcs.CS-P.CS-NB.AAAGlobal
    username: jdoe
    state: absent
"""

RETURN = r"""
user:
  description:
    - The user as the server holds it after the task (in check mode, as it would be), never
      with a password. C(pkid) is the instance's pkid.
    - Empty when O(state=absent).
  returned: always
  type: dict
  sample:
    pkid: 66d2f0a1c3e4b5a6d7e8f901
    hierarchy_path: sys.hcs.CS-P.CS-NB.AAAGlobal
    hcsUname: jdoe
    AdminUser:
      username: jdoe
      first_name: Jane
      last_name: Doe
      email: jdoe@example.com
      role: CustomerAdminRole
      language: en-us
      set_language: false
      account_information:
        disabled: false
        locked: false
        change_password_on_login: false
config:
  description:
    - The same user in the shape of this module's options (V(first_name), not
      C(AdminUser.first_name)), never with a password, so that it can be fed back into the
      module. Every option is present, V(null) where the user holds no value.
    - Empty when O(state=absent).
  returned: always
  type: dict
  sample:
    username: jdoe
    first_name: Jane
    last_name: Doe
    email: jdoe@example.com
    role: CustomerAdminRole
    language: en-us
    set_language: false
    account_information:
      disabled: false
      locked: false
      change_password_on_login: false
      credential_policy: null
      reason_for_disabled: null
transaction_id:
  description:
    - The id of the transaction of the write the task sent (also when the task fails
      because the transaction failed or was still pending at O(transaction_timeout)).
    - V(null) when nothing was written, in check mode, or when the server answered the write at once.
  returned: always
  type: str
  sample: 8b2f3c1e-2d4a-4f5e-9a0b-1c2d3e4f5a6b
"""

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.ncm.platforms.plugins.module_utils import api_spec, runner, sync
from ansible_collections.ncm.platforms.plugins.module_utils.voss import client as voss, targets
from ansible_collections.ncm.platforms.plugins.module_utils.voss.resources import USER

ARGUMENT_SPEC = api_spec.argument_spec(
    "voss",
    hierarchy=dict(type="str", required=True),
    state=dict(type="str", choices=["present", "absent"], default="present"),
    update_password=dict(type="str", choices=["on_create", "always"], default="on_create", no_log=False),
    transaction_timeout=dict(type="int", default=300),
    **USER.options(required=("username",)))
RULES = {}
CONNECT = voss.connect


def run(task, client):
    return sync.ensure(task, targets.AdminUser(client, task.params), USER, "user", options_key="config")


def main():
    module = AnsibleModule(argument_spec=ARGUMENT_SPEC, supports_check_mode=True, **RULES)
    runner.execute(module, CONNECT, run)


if __name__ == "__main__":
    main()
