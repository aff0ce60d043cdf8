#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
module: nccm_account_audit_purge
short_description: Export and delete old Infraon NCCM jobs-account-audit records
version_added: 0.1.0
description:
  - Deletes the audit records at C(/ux/nccm/jobs-account-audit/) created before
    O(created_before), or more than O(older_than_days) days ago, narrowed by O(filters).
  - With O(export_path), first writes them (device credentials masked) as one JSON document
    to that file on the host the module runs on, mode C(0600); the file is complete and
    closed before the first delete.
  - Deletes run O(max_in_flight) at a time. A delete that fails stops the task (no new
    delete starts); the records deleted until then are listed in the failure.
  - Every option is checked before any request.
author:
  - ncm.platforms contributors (@ncm-platforms)
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - ncm.platforms.attributes
  - ncm.platforms.infraon
  - ncm.platforms.rules
attributes:
  check_mode:
    details: Returns the RV(count) and RV(ids) that would go; writes no file and deletes nothing.
  diff_mode:
    support: none
options:
  created_before:
    description:
      - Delete the records whose C(creationtime) is before this ISO 8601 date-time.
      - Exactly one of O(created_before) and O(older_than_days) is required.
    type: str
  older_than_days:
    description:
      - Delete the records created more than this many days ago (0 or more, at most 36500).
    type: int
  filters:
    description:
      - Field name to value; only records whose fields equal every value are deleted, with
        the rules of the C(filters) option of M(ncm.platforms.nccm_account_audit_info) (a list of
        values for a field that holds one value matches any of them).
      - Without O(filters) (or with an empty one), every record created before the cutoff
        goes. The cutoff (O(created_before) or O(older_than_days), one of them required) is
        what bounds a purge; check mode lists the RV(ids) first.
    type: dict
  export_path:
    description:
      - A file to write the records to before deleting them (an existing file is replaced).
        Its folder must exist.
      - An empty or blank value is refused before any request (it never means "no export").
        Leave the option out to delete without an export.
    type: path
  max_in_flight:
    description:
      - How many deletes run at once (1 or more, at most 64).
    type: int
    default: 4
seealso:
  - module: ncm.platforms.nccm_account_audit_info
  - module: ncm.platforms.nccm_account_audit
"""

EXAMPLES = r"""
- name: Keep 90 days of audit records, the older ones exported first
  ncm.platforms.nccm_account_audit_purge:
    api:
      url: "{{ infraon_url }}"
      api_key: "{{ infraon_api_key }}"
    older_than_days: 90
    export_path: /var/backups/nccm-audit-{{ ansible_date_time.date }}.json

- name: How many records of acme created before September 2025 would go
  ncm.platforms.nccm_account_audit_purge:
    api:
      url: "{{ infraon_url }}"
      api_key: "{{ infraon_api_key }}"
    created_before: "2025-09-01T00:00:00Z"
    filters:
      organization: acme
  check_mode: true
  register: would_go
"""

RETURN = r"""
count:
  description: How many records were deleted (in check mode, would be).
  returned: always
  type: int
  sample: 2
ids:
  description: The ids of those records.
  returned: always
  type: list
  elements: str
  sample: [66d2f0a1c3e4b5a6d7e8f901, 66d2f0a1c3e4b5a6d7e8f902]
export_path:
  description: The file the records were written to; null when O(export_path) was not set or in check mode.
  returned: always
  type: str
  sample: /var/backups/nccm-audit-2025-09-01.json
"""

import datetime
import json
import os

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.ncm.platforms.plugins.module_utils import api_spec, errors, files, parallel, runner, validate
from ansible_collections.ncm.platforms.plugins.module_utils.infraon import client as infraon, info
from ansible_collections.ncm.platforms.plugins.module_utils.infraon.resources import AUDIT

ARGUMENT_SPEC = api_spec.argument_spec(
    "infraon",
    created_before=dict(type="str"),
    older_than_days=dict(type="int"),
    filters=dict(type="dict"),
    export_path=dict(type="path"),
    max_in_flight=dict(type="int", default=4),
)
RULES = dict(mutually_exclusive=[["created_before", "older_than_days"]],
             required_one_of=[["created_before", "older_than_days"]])
CONNECT = infraon.connect


def cutoff(params, now=None):
    """The instant before which records go, as ISO 8601 text."""
    if params["created_before"] is not None:
        return params["created_before"]
    validate.at_least("older_than_days", params["older_than_days"], 0)
    now = now or datetime.datetime.now(datetime.timezone.utc)
    moment = now - datetime.timedelta(days=params["older_than_days"])  # at most 36500 (validate.MAXIMUM)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def check(params):
    """Fail before any request on a bad bound, filter, file or parallelism."""
    validate.at_least("max_in_flight", params["max_in_flight"], 1)
    validate.not_blank("export_path", params["export_path"])
    selection = dict(filters=params["filters"], created_before=cutoff(params))
    info.check(selection, AUDIT)
    folder = os.path.dirname(os.path.abspath(params["export_path"])) if params["export_path"] else None
    if folder and not os.path.isdir(folder):
        raise errors.InputError("export_path: the folder %s does not exist." % folder)
    return selection


def export(path, records):
    """Write ``records`` as one JSON document, mode 0600, complete and closed (``files.write_private``)."""
    document = json.dumps({"records": records, "count": len(records)}, indent=1, sort_keys=True)
    try:
        files.write_private(path, document.encode("utf-8"))
    except OSError as exc:
        raise errors.NcmError("export_path: could not write %s: %s; nothing was deleted." % (path, exc.strerror))


def run(task, client):
    params = task.params
    info.hide_secret_filters(task, AUDIT, params["filters"])
    selection = check(params)
    records = list(info.select(client, AUDIT, selection))
    ids = [record["id"] for record in records]
    result = {"count": len(ids), "ids": ids, "export_path": None}
    if task.check_mode or not ids:
        return bool(ids), result
    if params["export_path"]:
        export(params["export_path"], [AUDIT.api_result(record) for record in records])
        result["export_path"] = params["export_path"]
    calls = [(record_id, _deleter(client, record_id)) for record_id in ids]
    try:
        parallel.run_all(calls, params["max_in_flight"])
    except errors.NcmError as exc:
        deleted = exc.details.pop("done")
        exc.message = "%s; %d of %d records were deleted before it (ids in deleted)" % (exc.message, len(deleted), len(ids))
        exc.details.update(deleted=deleted, export_path=result["export_path"])
        raise
    return True, result


def _deleter(client, record_id):
    return lambda: client.delete(AUDIT, record_id)


def main():
    module = AnsibleModule(argument_spec=ARGUMENT_SPEC, supports_check_mode=True, **RULES)
    runner.execute(module, CONNECT, run)


if __name__ == "__main__":
    main()
