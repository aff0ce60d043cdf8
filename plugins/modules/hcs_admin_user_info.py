#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: hcs_admin_user_info
short_description: Read VOSS-4-UC (Cisco HCS) admin users at a hierarchy node
version_added: 0.1.0
description:
  - Reads the C(relation/HcsAdminUserREL) admin users at the hierarchy node O(hierarchy).
  - With O(username), the one user of that C(hcsUname) whose own node is O(hierarchy), as its
    full record; a user of the same name at a node below is not returned. Two users of that
    name at the node itself fail the task and list their pkids.
  - Without O(username), every user the server lists at O(hierarchy) (which may include the
    users of the nodes below it, each with its C(hierarchy_path)), read page by page to the
    end with the largest page the server allows.
author:
  - ncm.platforms contributors (@ncm-platforms)
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - ncm.platforms.attributes.info
  - ncm.platforms.voss
  - ncm.platforms.rules
options:
  hierarchy:
    description:
      - The hierarchy node to read at, as a node pkid or a dotted path
        (V(sys.hcs.CS-P.CS-NB.AAAGlobal)).
    type: str
    required: true
  username:
    description:
      - The C(hcsUname) of one user to read at the node itself.
    type: str
  details:
    description:
      - Without O(username), V(true) reads the full record of every listed user, through the
        JSON export (up to 100 users a request, held in memory only, secrets removed), or with
        one request each where the server refuses the export; V(false) returns the summaries
        of the list.
    type: bool
    default: false
seealso:
  - module: ncm.platforms.hcs_admin_user
"""

EXAMPLES = r"""
- name: Read one admin user
  ncm.platforms.hcs_admin_user_info:
    api:
      url: "{{ voss_url }}"
      username: "{{ voss_username }}"
      password: "{{ voss_password }}"
    hierarchy: sys.hcs.CS-P.CS-NB.AAAGlobal
    username: jdoe
  register: found

- name: List the admin users at a reseller and below, with their full records
  ncm.platforms.hcs_admin_user_info:
    api:
      url: "{{ voss_url }}"
      username: "{{ voss_username }}"
      password: "{{ voss_password }}"
    hierarchy: sys.hcs.CS-P.CS-NB
    details: true
  register: listed
"""

RETURN = r"""
users:
  description:
    - The users read, in the server's order (by C(hcsUname)); never with a password.
      C(pkid) is the instance's pkid.
    - A summary holds C(pkid), C(hcsUname), C(hierarchy_path) and C(hierarchy_friendly_name);
      a full record holds C(pkid), C(hierarchy_path), C(hcsUname) and C(AdminUser).
  returned: always
  type: list
  elements: dict
  sample:
    - pkid: 5dcd181956b5de0018913f3e
      hcsUname: AAAGlobalAdmin
      hierarchy_path: sys.hcs.CS-P.CS-NB.AAAGlobal
      hierarchy_friendly_name: AAAGlobal (Customer)
total:
  description:
    - Without O(username), how many users the server counts at O(hierarchy); with it, how
      many RV(users) holds (0 or 1).
  returned: always
  type: int
  sample: 3
"""

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.ncm.platforms.plugins.module_utils import api_spec, runner
from ansible_collections.ncm.platforms.plugins.module_utils.voss import client as voss, info
from ansible_collections.ncm.platforms.plugins.module_utils.voss.resources import check_params

ARGUMENT_SPEC = api_spec.argument_spec(
    "voss",
    hierarchy=dict(type="str", required=True),
    username=dict(type="str"),
    details=dict(type="bool", default=False),
)
RULES = {}
CONNECT = voss.connect


def run(task, client):
    params = task.params
    check_params(params, *(("username",) if params["username"] is not None else ()))
    users, total = info.read_users(client, params["hierarchy"], params["username"], params["details"])
    return False, {"users": users, "total": total}


def main():
    module = AnsibleModule(argument_spec=ARGUMENT_SPEC, supports_check_mode=True, **RULES)
    runner.execute(module, CONNECT, run)


if __name__ == "__main__":
    main()
