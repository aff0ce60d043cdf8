# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one present/absent core every stateful module runs through.

GET the current object, compare only what was asked, write only when something differs
(never in check mode), and return ``(changed, object, diff)`` where ``object`` is what the
server holds afterwards (or, in check mode, what it would hold) and ``diff`` holds only the
changed options, keyed by option names, secrets masked.

A ``target`` is any object with ``find()``, ``create(body)``, ``update(current, body)`` and
``delete(current)`` over API-shaped objects; it may also offer ``predict(body)`` (what the
server makes of a create body) and ``extras`` (result keys it learnt, such as a
transaction id). A ``resource`` (``resource.Resource``) maps between options and the API.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ncm.platforms.plugins.module_utils import compare, validate

NO_DIFF = {"before": {}, "after": {}}


def present(target, resource, desired, check_mode, update_secrets=False):
    """Make the object exist with the desired options.

    Secrets cannot be compared (a GET never returns them); ``update_secrets`` sends the
    desired ones to an existing object anyway, which then always counts as a change.
    The options a create needs are checked before any write, in check mode too.
    """
    current = target.find()
    if current is None:
        validate.required(desired, resource.required, "on create")
        after = compare.masked(resource.fields, compare.set_options(resource.fields, desired))
        if check_mode:
            predicted = resource.predicted(desired)
            created = target.predict(predicted) if hasattr(target, "predict") else predicted
        else:
            created = target.create(resource.create_body(desired))
        return True, created, {"before": {}, "after": after}
    changes = resource.changes(desired, current)
    secrets = [name for name in resource.secrets if desired.get(name) is not None] if update_secrets else []
    if not changes and not secrets:
        return False, current, dict(NO_DIFF)
    diff = resource.diff(changes, current)
    for name in secrets:
        diff["before"][name] = compare.MASK
        diff["after"][name] = compare.MASK
    body = resource.update_body(current, desired, with_secrets=bool(secrets))
    if check_mode:
        return True, resource.predicted_update(current, desired), diff
    return True, target.update(current, body), diff


def absent(target, resource, check_mode):
    """Make the object not exist."""
    current = target.find()
    if current is None:
        return False, None, dict(NO_DIFF)
    if not check_mode:
        target.delete(current)
    return True, None, {"before": resource.shown(current), "after": {}}


def ensure(module, target, resource, result_key):
    """Run the module's ``state`` (present/absent) for one object; return ``(changed, result)``.

    The options are checked before any request; the returned object (under ``result_key``)
    has its secrets masked; the target's ``extras`` join the result.
    """
    params = module.params
    resource.check(params)
    if params["state"] == "present":
        changed, obj, diff = present(target, resource, resource.desired(params), module.check_mode,
                                     update_secrets=params.get("update_password") == "always")
    else:
        changed, obj, diff = absent(target, resource, module.check_mode)
    result = {result_key: resource.masked(obj) or {}, "diff": diff}
    result.update(getattr(target, "extras", None) or {})
    return changed, result
