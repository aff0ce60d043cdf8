# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A module's logic run without a module process, with the result the module would return.

What AnsibleModule does around a module's ``run`` is done here with public ansible-core APIs
only: the arguments are validated with the module's own ``ARGUMENT_SPEC`` and ``RULES``
(``ArgumentSpecValidator``), the task is ended by the same ``runner.outcome`` the module ends
with, ``invocation`` holds the validated arguments, warnings are listed, and every no_log value
is masked with ``remove_values``, as ``exit_json`` and ``fail_json`` mask them; the result then
goes through JSON, as a module's result does.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
from ansible.module_utils.common.parameters import remove_values
from ansible.module_utils.errors import UnsupportedError

from ansible_collections.ncm.platforms.plugins.module_utils import runner, validate
from ansible_collections.ncm.platforms.plugins.module_utils.task import Task


def no_log_values(spec, params):
    """The values of the ``no_log`` options in ``params``, suboptions (of dicts and of lists of
    dicts) too, as texts: what a module adds to its ``no_log_values``."""
    found = set()
    for name, option in spec.items():
        value = (params or {}).get(name)
        if value is None:
            continue
        if option.get("no_log"):
            found.add(str(value))
        elif option.get("options"):
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, dict):
                    found.update(no_log_values(option["options"], item))
    return set(value for value in found if value.strip())


def _validation_failure(validation, name):
    """AnsibleModule's message for arguments that break the spec, or None."""
    if not validation.error_messages:
        return None
    message = validation.errors.msg
    if isinstance(validation.errors[0], UnsupportedError):
        message = "Unsupported parameters for (%s) module: %s" % (name, message)
    return message


def run(module, args, check_mode, diff, name, debug=None):
    """The result of the module ``module`` (its ``ARGUMENT_SPEC``, ``RULES``, ``CONNECT`` and
    ``run``) given ``args``, as ``exit_json`` or ``fail_json`` would have returned it."""
    validator = ArgumentSpecValidator(module.ARGUMENT_SPEC, **module.RULES)
    validation = validator.validate(dict(args))
    params = validation.validated_parameters
    secrets = no_log_values(module.ARGUMENT_SPEC, params)
    warnings, deprecations = [], []

    def deprecate(msg, version, collection_name):
        deprecations.append({"msg": msg, "version": version, "collection_name": collection_name})

    message = _validation_failure(validation, name)
    if message is not None:
        failed, result = True, {"msg": message}
    else:
        task = Task(params, check_mode=check_mode, diff=diff, secrets=secrets, warn=warnings.append, debug=debug,
                    deprecate=deprecate)
        rules = dict((rule, module.RULES.get(rule)) for rule in validate.RULES)
        failed, result = runner.outcome(task, module.ARGUMENT_SPEC, rules, module.CONNECT, module.run)
    if failed:
        result["failed"] = True
    result["invocation"] = {"module_args": params}
    if warnings:
        result["warnings"] = warnings
    if deprecations:
        result["deprecations"] = deprecations
    # as JSON and back, as a module's result travels: tuples become lists, keys become texts
    return json.loads(json.dumps(remove_values(result, secrets)))
