# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The single place where a module run ends: build the client, run, exit or fail."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible.module_utils.basic import missing_required_lib

from ansible_collections.ncm.platforms.plugins.module_utils import errors, rest


def execute(module, connect, run):
    """Call ``run(module, connect(module))`` and turn its answer into ``exit_json``.

    ``run`` returns ``(changed, result)``; a ``diff`` in the result is kept only when the
    task runs with ``--diff``. Any ``NcmError`` becomes ``fail_json`` with its details.
    """
    if not rest.HAS_REQUESTS:
        module.fail_json(msg=missing_required_lib("requests"), exception=rest.REQUESTS_IMPORT_ERROR)
    try:
        changed, result = run(module, connect(module))
    except errors.NcmError as exc:
        module.fail_json(**exc.to_result())
    if not module._diff:
        result.pop("diff", None)
    module.exit_json(changed=changed, **result)
