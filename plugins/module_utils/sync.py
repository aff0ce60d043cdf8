# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one present/absent core every stateful module runs through.

GET the current object, compare only what was asked, write only when something differs
(never in check mode), and return ``(changed, object, diff)`` where ``object`` is what the
server holds afterwards (or, in check mode, what it would hold) and ``diff`` holds only the
changed options, secrets masked.

A ``resource`` is any object with ``find()``, ``create(body)``, ``update(current, body)``
and ``delete(current)``; objects are dicts keyed by the module's option names.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ncm.platforms.plugins.module_utils import state as st
from ansible_collections.ncm.platforms.plugins.module_utils import validate


def secrets_to_send(spec, desired):
    """The names of the secret options the task set."""
    return [name for name, field in spec.items() if field.secret and desired.get(name) is not None]


def present(resource, spec, desired, check_mode, update_secrets=False, required=()):
    """Make the object exist with the desired options.

    Secrets cannot be compared (a GET never returns them); ``update_secrets`` sends the
    desired ones to an existing object anyway, which then always counts as a change.
    ``required`` names the options a create needs; a missing one fails before any write,
    in check mode too.
    """
    current = resource.find()
    if current is None:
        body = st.set_options(spec, desired)
        validate.required(body, required, "on create")
        created = body if check_mode else resource.create(body)
        return True, created, {"before": {}, "after": st.masked(spec, body)}
    changes = st.differences(spec, desired, current)
    secrets = secrets_to_send(spec, desired) if update_secrets else []
    if not changes and not secrets:
        return False, current, {"before": {}, "after": {}}
    diff = st.change_diff(spec, changes, current)
    for name in secrets:
        diff["before"][name] = st.MASK
        diff["after"][name] = st.MASK
    body = st.update_body(spec, current, desired, with_secrets=bool(secrets))
    if check_mode:
        predicted = dict(current)
        predicted.update(body)
        return True, predicted, diff
    return True, resource.update(current, body), diff


def absent(resource, spec, check_mode):
    """Make the object not exist."""
    current = resource.find()
    if current is None:
        return False, None, {"before": {}, "after": {}}
    if not check_mode:
        resource.delete(current)
    return True, None, {"before": st.masked(spec, st.writable(spec, current)), "after": {}}
