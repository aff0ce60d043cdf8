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

from ansible_collections.ncm.platforms.plugins.module_utils import compare, errors, parallel, validate

NO_DIFF = {"before": {}, "after": {}}


def present(target, resource, desired, check_mode, update_secrets=False):
    """Make the object exist with the desired options.

    Secrets cannot be compared (a GET never returns them); ``update_secrets`` sends the
    desired ones to an existing object anyway, which then always counts as a change.
    The options a create needs are checked before any write, in check mode too.
    """
    current = target.find()
    if current is None:
        action = _create(resource, None, desired, "on create")
    else:
        action = _update(resource, None, current, desired, False, update_secrets)
    if action is None:
        return False, current, dict(NO_DIFF)
    return True, perform(action, target, check_mode), action.diff


def absent(target, resource, check_mode):
    """Make the object not exist."""
    current = target.find()
    if current is None:
        return False, None, dict(NO_DIFF)
    action = _delete(resource, None, current)
    perform(action, target, check_mode)
    return True, None, action.diff


def ensure(task, target, resource, result_key, options_key=None):
    """Run the module's ``state`` (present/absent) for one object; return ``(changed, result)``.

    The options are checked before any request; the returned object (under ``result_key``)
    has its secrets masked; ``options_key`` (when given) holds it in option shape, without
    secrets, for a kind whose options are not its API fields; the target's ``extras`` join
    the result.
    """
    params = task.params
    resource.check(params)
    if params["state"] == "present":
        changed, obj, diff = present(target, resource, resource.desired(params), task.check_mode,
                                     update_secrets=params.get("update_password") == "always")
    else:
        changed, obj, diff = absent(target, resource, task.check_mode)
    for warning in getattr(target, "warnings", None) or []:
        task.warn(warning)
    result = {result_key: resource.api_result(obj) or {}, "diff": diff}
    if options_key:
        result[options_key] = resource.options_result(obj) if obj else {}
    result.update(getattr(target, "extras", None) or {})
    return changed, result


# --- many objects in one task (resource-module states) --------------------------------
MANY_STATES = ("merged", "replaced", "overridden", "deleted", "gathered")


class Action(object):
    """One write of a many-objects task: ``kind`` (create, update, delete) of the object with
    natural key ``key``; ``current`` (None on create), the request ``body``, the ``fields``
    that change, the ``predicted`` object and the per-object ``diff``."""

    __slots__ = ("kind", "key", "current", "body", "fields", "predicted", "diff")

    def __init__(self, kind, key, current, body, fields, predicted, diff):
        self.kind = kind
        self.key = key
        self.current = current
        self.body = body
        self.fields = fields
        self.predicted = predicted
        self.diff = diff

    def change(self, key_name):
        """The ``changes`` entry: ``{<key_name>: key, action: created|updated|deleted, fields}``."""
        return {key_name: self.key, "action": self.kind + "d", "fields": self.fields}


def item_label(index, key, value=None):
    """How a message names a ``config`` item: ``config[3] (username jdoe)``."""
    named = value is not None and str(value).strip()
    return "config[%d]" % index + (" (%s %s)" % (key, value) if named else "")


def check_config(resource, key, config, state, scope="scope", where=None):
    """Fail before any request on an empty ``config`` with ``overridden``, a duplicate key, a
    missing key, a value that breaks a rule, or (for the replaced states) an item without a
    required option. Each per-item message starts with ``item_label``.

    An empty or missing list never means "all": ``overridden`` with one would delete every
    object ``where`` (``in <scope>`` by default); the message names the option ``scope``.
    """
    if state == "overridden" and not config:
        raise errors.InputError(
            "config is empty with state=overridden, which would delete every %s %s: nothing was sent. "
            "An empty or missing config never means all; to remove every %s there on purpose, use "
            "state=deleted with %s given and config left out."
            % (resource.noun, where or "in " + scope, resource.noun, scope))
    seen = set()
    for index, item in enumerate(config or []):
        value = item.get(key)
        label = item_label(index, key, value)
        try:
            validate.required(item, [key], "in every config item")
            if value in seen:
                raise errors.InputError("%s %r is listed twice; each object may be declared once." % (key, value))
            seen.add(value)
            resource.check(item)
            if state in ("replaced", "overridden"):
                validate.required(item, resource.required, "for state=%s" % state)
        except errors.InputError as exc:
            exc.message = "%s: %s" % (label, exc.message)
            raise


def plan(resource, key, config, existing, state, update_secrets=False, in_scope=lambda obj: True,
         id_of=lambda obj: obj.get("id")):
    """The writes that bring ``existing`` (API-shaped objects) to ``config``.

    Pure: no I/O. Writes come in ``config`` order, deletes last. ``overridden`` (and
    ``deleted`` with ``config`` None, left out) delete every existing object ``in_scope``
    that is not listed; ``deleted`` with ``config: []`` deletes nothing. Two existing
    objects with a listed key fail, naming them (``id_of``).
    """
    def key_of(obj):
        return resource.to_options(obj).get(key)

    find = _finder(resource, key, existing, id_of)
    exact = state in ("replaced", "overridden")
    actions, listed = [], set()
    for index, item in enumerate(config or []):
        desired = resource.desired(item)
        listed.add(desired[key])
        current = find(desired[key])
        if state == "deleted":
            if current is not None:
                actions.append(_delete(resource, key, current))
            continue
        if exact:
            desired = resource.replaced(desired)
        if current is None:
            actions.append(_create(resource, key, desired, "on create", item_label(index, key, desired[key])))
            continue
        action = _update(resource, key, current, desired, exact, update_secrets)
        if action is not None:
            actions.append(action)
    if state == "overridden" or (state == "deleted" and config is None):
        actions.extend(_delete(resource, key, obj) for obj in existing if in_scope(obj) and key_of(obj) not in listed)
    return actions


def _finder(resource, key, existing, id_of):
    """``find(value)``: the existing object whose ``key`` option equals ``value``, or None.

    Each object is turned into options once and filed (``compare.Filed``): 50 items
    among 10,000 objects cost 10,000 conversions, not 500,000. Two matches fail as
    ``compare.find_one`` says.
    """
    filed = compare.Filed([(resource.to_options(obj), obj) for obj in existing], resource.fields[key],
                          lambda pair: pair[0].get(key))

    def find(value):
        found = compare.find_one(filed.candidates(value), {key: value}, resource.fields, kind=compare.plural(resource.noun),
                                 id_of=lambda pair: id_of(pair[1]), view=lambda pair: pair[0],
                                 pick="%s must be unique: remove the duplicates on the server" % key)
        return found[1] if found else None
    return find


def _create(resource, key, desired, where, label=None):
    """The create of ``desired`` (its required options checked first; ``where`` ends the
    message, ``label`` names the config item at its start)."""
    try:
        validate.required(desired, resource.required, where)
    except errors.InputError as exc:
        if label:
            exc.message = "%s: %s" % (label, exc.message)
        raise
    after = compare.mask_secrets(resource.fields, compare.set_options(resource.fields, desired))
    return Action("create", desired.get(key), None, resource.create_body(desired), sorted(after),
                  resource.predicted(desired), {"before": {}, "after": after})


def _update(resource, key, current, desired, exact, update_secrets):
    """The update that makes ``current`` hold ``desired`` (all of it when ``exact``), or None."""
    changes = resource.changes(desired, current, exact)
    secrets = [name for name in resource.secrets if desired.get(name) is not None] if update_secrets else []
    if not changes and not secrets:
        return None
    diff = resource.diff(changes, current)
    for name in secrets:
        diff["before"][name] = diff["after"][name] = compare.MASK
    if exact:
        body = resource.replace_body(current, desired, bool(secrets))
        predicted = resource.predicted_replace(current, desired)
    else:
        body = resource.update_body(current, desired, bool(secrets))
        predicted = resource.predicted_update(current, desired)
    return Action("update", desired.get(key), current, body, sorted(set(changes) | set(secrets)), predicted, diff)


def _delete(resource, key, current):
    return Action("delete", resource.to_options(current).get(key) if key else None, current, None, [], None,
                  {"before": resource.options_result(current), "after": {}})


def perform(action, target, check_mode):
    """Send one planned write (none in check mode); return the object after it."""
    if check_mode:
        predict = getattr(target, "predict", None) if action.kind == "create" else None
        return predict(action.predicted) if predict else action.predicted
    if action.kind == "create":
        return target.create(action.body)
    if action.kind == "update":
        return target.update(action.current, action.body)
    return target.delete(action.current)


def apply(actions, target, check_mode, key_name, resource=None):
    """Send each write in order (none in check mode); return ``{key: object after}``.

    ``target`` has ``create(body)``, ``update(current, body)``, ``delete(current)``; one whose
    creates are answered without the object may offer ``settle(after)``, which finds all of
    them again at once after the writes (one list read, not one per create). A failed write
    stops the run: the error names the object and lists, in ``changes``, the writes already
    done, and (given the ``resource``) in ``after`` the objects they left, in option form.
    """
    done, after = [], {}
    for action in actions:
        try:
            after[action.key] = perform(action, target, check_mode)
        except errors.NcmError as exc:
            already = ", ".join("%s %s" % (entry["action"], entry[key_name]) for entry in done) or "nothing"
            exc.message = "%s of %s=%r failed: %s (already done: %s)" % (
                action.kind, key_name, action.key, exc.message, already)
            exc.details["changes"] = done
            _report_after(exc, target, after, resource)
            raise
        done.append(action.change(key_name))
    try:
        return _settled(target, after)
    except errors.NcmError as exc:
        exc.details["changes"] = done
        raise


def _settled(target, after):
    """``after`` with the creates the target still has to find again found (``settle``)."""
    settle = getattr(target, "settle", None)
    return settle(after) if settle else after


def _report_after(exc, target, after, resource):
    """Put in the failure the objects the done writes left (deletes leave none); when reading
    the created ones back fails too, its message joins the failure's."""
    if resource is None:
        return
    try:
        after = _settled(target, after)
    except errors.NcmError as again:
        exc.message += "; reading back the created ones failed too: %s" % again.message
        return
    exc.details["after"] = [resource.options_result(obj) for obj in after.values() if obj is not None]


def apply_parallel(actions, target, check_mode, key_name, max_in_flight):
    """``apply`` with up to ``max_in_flight`` writes at once (creates and updates, then deletes).

    Every write runs even when one fails; then the task fails listing each failed object
    with its message (also in ``failures``), and the writes done in ``changes``. A target
    with ``delete_many(pairs, max_in_flight)`` (``(key, current)`` pairs in, ``[(key, error)]``
    of the ones not deleted out) takes all the deletes at once, in a real run.
    """
    after, changes = {}, []
    for phase in ([a for a in actions if a.kind != "delete"], [a for a in actions if a.kind == "delete"]):
        by_key = dict((action.key, action) for action in phase)
        results, failed = _run_phase(phase, target, check_mode, max_in_flight)
        changes.extend(by_key[key].change(key_name) for key, dummy in results)
        if failed:
            raise errors.NcmError("%d of %d writes failed: %s" % (len(failed), len(actions), "; ".join(
                "%s of %s=%r: %s" % (by_key[key].kind, key_name, key, error.message) for key, error in failed)),
                changes=changes, failures=[{key_name: key, "msg": error.message} for key, error in failed])
        after.update(results)
    return after


def _run_phase(phase, target, check_mode, max_in_flight):
    """``([(key, object after)], [(key, error)])`` of one phase's writes."""
    delete_many = getattr(target, "delete_many", None)
    if phase and phase[0].kind == "delete" and delete_many and not check_mode:
        failed = delete_many([(action.key, action.current) for action in phase], max_in_flight)
        left = set(key for key, dummy in failed)
        return [(action.key, None) for action in phase if action.key not in left], failed
    calls = [(action.key, _writer(action, target, check_mode)) for action in phase]
    try:
        return parallel.run_all(calls, max_in_flight, keep_going=True), []
    except errors.NcmError as exc:
        return [(key, None) for key in exc.details["done"]], exc.details["failed"]


def _writer(action, target, check_mode):
    return lambda: perform(action, target, check_mode)


def many_result(resource, key, actions, after):
    """``before``, ``after``, ``changes`` and the per-object ``diff`` of a many-objects run."""
    def header(action):
        return "%s %s" % (key, action.key)

    return {
        "before": [resource.options_result(action.current) for action in actions if action.current is not None],
        "after": [resource.options_result(after[action.key]) for action in actions if after.get(action.key) is not None],
        "changes": [action.change(key) for action in actions],
        "diff": [dict(action.diff, before_header=header(action), after_header=header(action)) for action in actions],
    }
