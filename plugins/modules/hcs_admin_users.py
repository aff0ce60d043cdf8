#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: hcs_admin_users
short_description: Manage the VOSS-4-UC (Cisco HCS) admin users of a hierarchy node in one task
version_added: 0.1.0
description:
  - Keeps the C(relation/HcsAdminUserREL) admin users listed in O(config) at the node
    O(hierarchy) in the declared state, with the resource-module states (V(merged),
    V(replaced), V(overridden), V(deleted), V(gathered)).
  - The scope is exactly that node, never the nodes below it; a user of the same name at a
    node below is never read, changed or deleted. V(overridden) and V(deleted) never remove
    the account the task logs in with (O(api.username)).
  - The list at the node is read once, then the full records of the listed users (of every
    user at the node with V(overridden), V(gathered) and V(deleted) without O(config))
    through the JSON export (C(POST .../export/), up to 100 users a request; its data stays
    in memory, secrets removed, nothing is kept on the server). A server that refuses the
    export is read with one GET per user. Then only the writes that are needed are sent, each
    with C(nowait=true). Up to O(max_in_flight) transactions are followed at once, so 50
    users take about as long as a few transactions, not 50 in a row. Creates and updates go
    first, deletes last.
  - Deletions go as bulk deletes (C(DELETE) at the list path with the users' C(hrefs), up to
    100 users a request, one transaction each). A bulk transaction that fails part way is
    followed by one more list read; the users still at the node are reported as failed, each
    with the transaction's message, the others as deleted. A server that refuses the bulk
    form (HTTP 400 or 405) gets one C(DELETE) per user instead, O(max_in_flight) at once.
  - A failed transaction fails the task after the others have ended; the message lists each
    failed user with the transaction's message, and RV(changes) the writes that were done.
    A message about one item names it by its index and C(username), for example
    C(config[3] (username jdoe)) at its start.
  - A transaction that outlasts O(transaction_timeout) fails the task, but it is still
    pending on the server and the write may still complete; its id is in RV(transactions)
    and in the message. A run while it is pending does not see its result and sends the
    write again; a second create of the same user then fails with the server's message
    once the first has ended, a second update sends the same values, and a second delete
    counts as done when the user is gone. Wait for the pending transactions to end (or
    check them in VOSS) before running the task again.
  - An empty or missing list never means "all". V(overridden) with an empty or missing
    O(config) fails before any request; V(deleted) with O(config=[]) deletes nothing. To
    remove every user at the node on purpose, use O(state=deleted) with O(hierarchy) given
    and O(config) left out.
  - RV(before), RV(after), RV(gathered) and the diff hold every option of each user (V(null)
    where it holds none, never a password), in check mode and in a real run alike, so a
    deletion shows the whole user that goes.
author:
  - ncm.platforms contributors (@ncm-platforms)
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - ncm.platforms.attributes
  - ncm.platforms.voss
  - ncm.platforms.rules
attributes:
  check_mode:
    details: Predicts every write, RV(before), RV(after) and RV(changes); sends no write.
  diff_mode:
    details: One diff per user that changes, with only the fields that change; never a password.
options:
  hierarchy:
    description:
      - The hierarchy node, as a node pkid or a dotted path (V(sys.hcs.CS-P.CS-NB.AAAGlobal)).
    type: str
    required: true
  state:
    description:
      - V(merged) creates the missing users and updates the options set on the existing ones.
      - V(replaced) makes each listed user hold exactly the options given; the others go back
        to empty or their default (C(language=en-us), C(set_language=false)).
      - V(overridden) is V(replaced) for the listed users, and deletes every other user at
        the node, except the account the task logs in with. It needs a O(config) with at
        least one user; an empty or missing O(config) fails before any request, it never
        means "delete all".
      - V(deleted) deletes the listed users; O(config=[]) deletes nothing. With O(config)
        left out, every user at the node except the account the task logs in with, the one
        way to remove them all on purpose.
      - V(gathered) writes nothing and returns RV(gathered), the users at the node, each in
        config form (role, names, email, language, account information; never a password).
    type: str
    choices: [merged, replaced, overridden, deleted, gathered]
    default: merged
  update_password:
    description:
      - V(on_create) sends a user's password only when the user is created; V(always) on every
        run, which then always reports a change for that user.
    type: str
    choices: [on_create, always]
    default: on_create
  transaction_timeout:
    description:
      - Seconds (more than 0, at most 86400) to wait for each write's transaction to end.
    type: int
    default: 300
  max_in_flight:
    description:
      - How many transactions are followed at once (1 or more, at most 64).
    type: int
    default: 8
  backup:
    description:
      - Before the first write, export the users the task will delete (C(export_format=json))
        to a file on the host the module runs on, and return its path as RV(backup_path).
      - The file is the server's export zip (JSON documents of the users' full records) with
        every password, used password and security question removed; it is written whole to a
        temporary file, mode 0600, and renamed into place, so it is complete or absent.
      - Nothing is exported or written in check mode or when nothing is to be deleted. An
        export that fails stops the task before any write.
    type: bool
    default: false
  backup_options:
    description:
      - Where O(backup=true) writes the file.
    type: dict
    suboptions:
      filename:
        description:
          - The file name, without a directory. An existing file of that name is replaced.
          - Default C(<hierarchy>_<UTC time>.json.zip), the hierarchy with every character
            other than letters, digits, C(.), C(_) and C(-) written as C(_), for example
            C(sys.hcs.CS-P.CS-NB.AAAGlobal_2026-01-31T12-00-00.000000Z.json.zip).
        type: str
      dir_path:
        description:
          - The directory, created (mode 0700) when missing.
          - Default C(backup). A relative path is taken from the current directory of the
            process the module runs in (for a task that runs on the controller, the directory
            ansible-playbook was started in); give V({{ playbook_dir }}/backup) to keep the
            backups beside the playbook.
        type: path
  config:
    description:
      - The users, each with the options of M(ncm.platforms.hcs_admin_user) except
        C(hierarchy), C(state), C(update_password) and C(transaction_timeout).
      - An empty or missing list never means "all". With O(state=overridden) it fails before
        any request, with O(state=deleted) an empty list deletes nothing (leave O(config) out
        to delete every user at the node).
    type: list
    elements: dict
    suboptions:
        username:
          description:
            - The user's C(hcsUname), the key of the item; each may be listed once.
          type: str
          required: true
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
            - Required to create a user, and in every item with O(state=replaced) or O(state=overridden).
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
seealso:
  - module: ncm.platforms.hcs_admin_user
  - module: ncm.platforms.hcs_admin_user_info
"""

EXAMPLES = r"""
- name: Exactly these admins at the customer node (the login account is kept)
  ncm.platforms.hcs_admin_users:
    api:
      url: "{{ voss_url }}"
      username: "{{ voss_username }}"
      password: "{{ voss_password }}"
    hierarchy: sys.hcs.CS-P.CS-NB.AAAGlobal
    state: overridden
    config:
      - username: jdoe
        first_name: Jane
        last_name: Doe
        email: jdoe@example.com
        role: CustomerAdminRole
        password: "{{ vault_jdoe_password }}"
      - username: rroe
        role: ReadOnlyAdminRole
        password: "{{ vault_rroe_password }}"

- name: Remove two admins, keeping their records in a backup file beside the playbook first
  ncm.platforms.hcs_admin_users:
    api:
      url: "{{ voss_url }}"
      username: "{{ voss_username }}"
      password: "{{ voss_password }}"
    hierarchy: sys.hcs.CS-P.CS-NB.AAAGlobal
    state: deleted
    config:
      - username: jdoe
      - username: rroe
    backup: true
    backup_options:
      dir_path: "{{ playbook_dir }}/backup"
  register: removed

- name: Show where the backup went
  ansible.builtin.debug:
    msg: "{{ removed.backup_path }}"
"""

RETURN = r"""
before:
  description: The users the task touched, as they were (config form, no password).
  returned: always
  type: list
  elements: dict
  sample:
    - username: jdoe
      first_name: Jane
      role: CustomerAdminRole
after:
  description: The users the task touched, as they are now (in check mode, as they would be).
  returned: always
  type: list
  elements: dict
  sample:
    - username: jdoe
      first_name: Janet
      role: CustomerAdminRole
changes:
  description: One entry per write.
  returned: always
  type: list
  elements: dict
  sample:
    - username: jdoe
      action: updated
      fields: [first_name]
transactions:
  description:
    - The transaction id of each write, by username (null where the server answered at once);
      the users of one bulk delete share its transaction id.
    - When the task fails, also the ids of the transactions that failed or were still pending
      at O(transaction_timeout) (their writes may still complete).
  returned: always
  type: dict
  sample:
    jdoe: "4711"
backup_path:
  description:
    - The absolute path of the backup file (mode 0600) written before the first delete;
      null when nothing was to be deleted, and in check mode (nothing is written then).
  returned: when O(backup=true)
  type: str
  sample: /home/ops/playbooks/backup/sys.hcs.CS-P.CS-NB.AAAGlobal_2026-01-31T12-00-00.000000Z.json.zip
gathered:
  description: The users at the node, in config form (no password), every option present.
  returned: when O(state=gathered)
  type: list
  elements: dict
  sample:
    - username: jdoe
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
"""

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.ncm.platforms.plugins.module_utils import api_spec, errors, runner, sync, validate
from ansible_collections.ncm.platforms.plugins.module_utils.voss import backup, client as voss, targets
from ansible_collections.ncm.platforms.plugins.module_utils.voss.resources import USER, check_params

KEY = "username"
ARGUMENT_SPEC = api_spec.argument_spec(
    "voss",
    hierarchy=dict(type="str", required=True),
    state=dict(type="str", choices=list(sync.MANY_STATES), default="merged"),
    update_password=dict(type="str", choices=["on_create", "always"], default="on_create", no_log=False),
    transaction_timeout=dict(type="int", default=300),
    max_in_flight=dict(type="int", default=8),
    backup=dict(type="bool", default=False),
    backup_options=dict(type="dict", options=dict(filename=dict(type="str"), dir_path=dict(type="path"))),
    config=dict(type="list", elements="dict", options=USER.options(required=(KEY,))),
)
RULES = {}
CONNECT = voss.connect


def check(params):
    """Fail before any request on bad input, or a delete of the login account."""
    check_params(params)
    validate.at_least("max_in_flight", params["max_in_flight"], 1)
    backup.check_options(params["backup_options"])
    config = params["config"]
    sync.check_config(USER, KEY, config, params["state"], scope="hierarchy",
                      where="at the node hierarchy")
    login = params["api"]["username"]
    if params["state"] == "deleted" and any(item[KEY] == login for item in config or []):
        raise errors.InputError("config: %s is the account this task logs in with (api.username); "
                                "it is never deleted." % login)
    return config


def run(task, client):
    params = task.params
    config = check(params)
    login = params["api"]["username"]
    target = targets.AdminUsers(client, params["hierarchy"], params["transaction_timeout"])
    existing = target.existing(config, every=params["state"] in ("gathered", "overridden")
                               or (params["state"] == "deleted" and config is None))
    if params["state"] == "gathered":
        return False, {"gathered": [USER.options_result(user) for user in existing]}
    actions = sync.plan(USER, KEY, config, existing, params["state"],
                        update_secrets=params["update_password"] == "always",
                        in_scope=lambda user: user.get("hcsUname") != login, id_of=lambda user: user.get("pkid"))
    deleted = [action.current for action in actions if action.kind == "delete"]
    saved = {}
    if params["backup"]:
        saved["backup_path"] = None if task.check_mode or not deleted else backup.back_up(
            client, params["hierarchy"], deleted, params["backup_options"])
    try:
        after = sync.apply_parallel(actions, target, task.check_mode, KEY, params["max_in_flight"])
    except errors.NcmError as exc:
        exc.details.update(saved, transactions=dict(target.transactions))
        raise
    result = sync.many_result(USER, KEY, actions, after)
    result.update(saved, transactions=target.transactions)
    return bool(actions), result


def main():
    module = AnsibleModule(argument_spec=ARGUMENT_SPEC, supports_check_mode=True, **RULES)
    runner.execute(module, CONNECT, run)


if __name__ == "__main__":
    main()
