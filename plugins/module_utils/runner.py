# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The single place where a module run ends: build the client, run, exit or fail."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import traceback

from ansible.module_utils.basic import missing_required_lib

from ansible_collections.ncm.platforms.plugins.module_utils import errors, rest, validate


def _secrets(module):
    forms = set()
    for value in module.no_log_values:
        if str(value).strip():
            forms.update(rest.secret_forms(value))
    return forms


def _wrote(client):
    """Whether the client's HTTP layer sent a write that was accepted or may have been."""
    return bool(getattr(getattr(client, "rest", None), "wrote", False))


def execute(module, connect, run):
    """Call ``run(module, connect(module))`` and turn its answer into ``exit_json``.

    ``run`` returns ``(changed, result)``; a ``diff`` in the result is kept only when the
    task runs with ``--diff``. Before ``connect``, an option set to null counts as missing
    for the module's ``required_*`` rules (``validate.null_is_missing``), and every number
    option must be finite and within its stated maximum (``validate.numbers``). Any ``NcmError``
    becomes ``fail_json`` with its details; any other exception too, its text and traceback
    redacted. A task that failed after a write was accepted (or sent with an unknown
    outcome) reports ``changed: true``.
    """
    if not rest.HAS_REQUESTS:
        module.fail_json(msg=missing_required_lib("requests"), exception=rest.REQUESTS_IMPORT_ERROR)
    client = None
    try:
        validate.null_is_missing(module.argument_spec, module.params,
                                 dict((name, getattr(module, name)) for name in validate.RULES))
        validate.numbers(module.argument_spec, module.params)
        client = connect(module)
        changed, result = run(module, client)
    except errors.NcmError as exc:
        failure = exc.to_result()
        failure["msg"] = rest.redact(failure["msg"], _secrets(module))
        module.fail_json(changed=_wrote(client), **failure)
    except Exception as exc:  # anything unforeseen still ends redacted, never as a raw traceback
        secrets = _secrets(module)
        module.fail_json(changed=_wrote(client),
                         msg=rest.redact("Unexpected %s: %s" % (type(exc).__name__, exc), secrets),
                         exception=rest.redact(traceback.format_exc(), secrets))
    if not module._diff:
        result.pop("diff", None)
    module.exit_json(changed=changed, **result)
