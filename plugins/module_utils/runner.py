# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The single place where a module run ends: build the task and the client, run, exit or fail.

This file and the modules' ``main()`` are the only places that see AnsibleModule; every
layer below gets the ``task.Task`` built here.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import traceback

from ansible.module_utils.basic import missing_required_lib

from ansible_collections.ncm.platforms.plugins.module_utils import errors, rest, validate
from ansible_collections.ncm.platforms.plugins.module_utils.task import Task


def task_of(module):
    """The task of an AnsibleModule: its own ``no_log_values`` set is the task's ``secrets``, so
    a value the task hides is masked by ``exit_json`` and ``fail_json`` as a no_log value is."""
    return Task(module.params, check_mode=module.check_mode, diff=module._diff, secrets=module.no_log_values,
                warn=module.warn, debug=module.debug, deprecate=module.deprecate)


def secret_forms(task):
    """Every form (escaped, encoded) of every secret of the task: what ``rest.redact`` removes."""
    forms = set()
    for value in task.secrets:
        if str(value).strip():
            forms.update(rest.secret_forms(value))
    return forms


def outcome(task, argument_spec, rules, connect, run):
    """``(failed, result)`` of ``run(task, connect(task))``, the same on every path a task takes.

    ``run`` returns ``(changed, result)``; a ``diff`` in the result is kept only when the task
    runs with ``--diff``. Before ``connect``, an option set to null counts as missing for the
    module's ``rules`` (``validate.null_is_missing``), and every number option must be finite
    and within its stated maximum (``validate.numbers``). Any ``NcmError`` becomes a failure
    with its details; any other exception too, its text and traceback redacted. A task that
    failed after a write was accepted (or sent with an unknown outcome, ``rest.ApiClient.wrote``)
    reports ``changed: true``.
    """
    client = None
    try:
        validate.null_is_missing(argument_spec, task.params, rules)
        validate.numbers(argument_spec, task.params)
        client = connect(task)
        changed, result = run(task, client)
    except errors.NcmError as exc:
        failure = exc.to_result()
        failure["msg"] = rest.redact(failure["msg"], secret_forms(task))
        return True, dict(failure, changed=client is not None and client.wrote)
    except Exception as exc:  # anything unforeseen still ends redacted, never as a raw traceback
        secrets = secret_forms(task)
        return True, dict(changed=client is not None and client.wrote,
                          msg=rest.redact("Unexpected %s: %s" % (type(exc).__name__, exc), secrets),
                          exception=rest.redact(traceback.format_exc(), secrets))
    if not task.diff:
        result.pop("diff", None)
    return False, dict(result, changed=changed)


def execute(module, connect, run):
    """Run the module's task (``outcome``) and end it with ``exit_json`` or ``fail_json``."""
    if not rest.HAS_REQUESTS:
        module.fail_json(msg=missing_required_lib("requests"), exception=rest.REQUESTS_IMPORT_ERROR)
    rules = dict((name, getattr(module, name)) for name in validate.RULES)
    failed, result = outcome(task_of(module), module.argument_spec, rules, connect, run)
    if failed:
        module.fail_json(**result)
    module.exit_json(**result)
