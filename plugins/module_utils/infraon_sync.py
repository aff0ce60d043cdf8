# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""present/absent for one Infraon object: the resource adapter ``sync`` drives, and the run."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ncm.platforms.plugins.module_utils import errors, state, sync


class InfraonObject(object):
    """One object of a ``Resource``, found by ``object_id`` or else by ``criteria``.

    ``must_exist``: an id that matches nothing fails (the server assigns ids, so an object
    cannot be created with a given one).
    """

    def __init__(self, client, resource, object_id=None, criteria=None, must_exist=False):
        self.client = client
        self.resource = resource
        self.object_id = object_id
        self.criteria = criteria or {}
        self.must_exist = must_exist

    def find(self):
        if self.object_id is None:
            return self.client.find(self.resource.path, self.criteria, self.resource.spec)
        found = self.client.get(self.resource.path, self.object_id)
        if found is None and self.must_exist:
            raise errors.NcmError("No %s has id %r; ids are assigned by the server, so state=present "
                                  "with an id only updates an existing one." % (self.resource.noun, self.object_id))
        return found

    def create(self, body):
        return self.client.create(self.resource.path, body, key=tuple(self.criteria), spec=self.resource.spec)

    def update(self, current, body):
        return self.client.update(self.resource.path, current["id"], body)

    def delete(self, current):
        self.client.delete(self.resource.path, current["id"])


def ensure(module, client, resource, criteria, result_key):
    """Run ``state`` present/absent for the module's object; return ``(changed, result)``.

    The options are checked before any request; the returned object has its secrets masked.
    """
    params = module.params
    resource.check(params)
    present = params["state"] == "present"
    target = InfraonObject(client, resource, params.get("id"), criteria, must_exist=present)
    if present:
        desired = dict((name, params.get(name)) for name in resource.spec)
        changed, obj, diff = sync.present(
            target, resource.spec, desired, module.check_mode,
            update_secrets=params.get("update_password") == "always", required=resource.required)
    else:
        changed, obj, diff = sync.absent(target, resource.spec, module.check_mode)
    return changed, {result_key: state.masked(resource.spec, obj) or {}, "diff": diff}
