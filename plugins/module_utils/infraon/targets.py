# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The ``sync`` target of one Infraon object (an audit record, a policy), over ``client.InfraonClient``."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ncm.platforms.plugins.module_utils import compare, errors
from ansible_collections.ncm.platforms.plugins.module_utils.infraon.client import Created


class InfraonObject(object):
    """The ``sync`` target for one object of a ``Resource``, found by ``object_id`` or else by ``criteria``.

    With ``present``, an id that matches nothing fails (the server assigns ids, so an object
    cannot be created with a given one), and so does an id whose object would take a natural
    key another object holds. With ``state: absent``, an id whose object has other key
    values than the ones given fails: the task names two different objects.
    """

    def __init__(self, client, resource, object_id=None, criteria=None, present=True):
        self.client = client
        self.resource = resource
        self.object_id = object_id
        self.criteria = criteria or {}
        self.present = present
        self.warnings = []

    def _near_warning(self, near):
        """Nothing matches, but ``near`` (``compare.near_misses``) hold the set identity values."""
        unset = [name for name, value in self.criteria.items() if value is None]
        given = [name for name, value in self.criteria.items() if value is not None]
        outcome = "state=present creates a new one" if self.present else "state=absent deletes nothing"
        return ("No %s matches the identity (%s) with %s unset, so %s; these records hold the same %s but "
                "differ in: %s. To update one, give its id or those options; to find records by fewer "
                "fields, narrow identity." % (
                    self.resource.noun, ", ".join(self.criteria), ", ".join(unset), outcome, ", ".join(given),
                    ", ".join("id %s (%s)" % (item.get("id"), ", ".join(held)) for item, held in near[:10])
                    + (" and %d more" % (len(near) - 10) if len(near) > 10 else "")))

    def find(self):
        if self.object_id is None:
            if not any(value is None for value in self.criteria.values()):
                return self.client.find(self.resource, self.criteria)
            near = []
            found = self.client.find(self.resource, self.criteria, near=near)
            if near:
                self.warnings.append(self._near_warning(near))
            return found
        found = self.client.get(self.resource, self.object_id)
        if found is None:
            if self.present:
                raise errors.NcmError("No %s has id %r; ids are assigned by the server, so state=present "
                                      "with an id only updates an existing one." % (self.resource.noun, self.object_id))
            return None
        key = dict((name, value) for name, value in self.criteria.items() if value is not None)
        if key and not compare.matches(found, key, self.resource.fields):
            self._check_key_change(found, key)
        return found

    def _check_key_change(self, found, key):
        if not self.present:
            raise errors.InputError(
                "id %r is the %s with %s, not %s: nothing deleted." % (
                    self.object_id, self.resource.noun,
                    compare.describe(dict((name, found.get(name)) for name in key)), compare.describe(key)))
        holder = self.client.find(self.resource, key)
        if holder is not None and str(holder.get("id")) != str(found.get("id")):
            raise errors.InputError(
                "%s is already held by the %s with id %r; giving it to id %r would make a duplicate: "
                "nothing changed." % (compare.describe(key), self.resource.noun, holder.get("id"), found.get("id")))

    def create(self, body):
        return self.client.create(self.resource, body, key=tuple(self.criteria))

    def update(self, current, body):
        return self.client.update(self.resource, current["id"], body)

    def delete(self, current):
        self.client.delete(self.resource, current["id"])

    def predict(self, predicted):
        """A created object as the server answers it: every field, date-times in its millisecond form."""
        obj = dict((name, None) for name in self.resource.fields)
        obj.update(predicted)
        for name in self.resource.datetimes:
            if obj.get(name) is not None:
                moment = compare.parse_datetime(obj[name])[0]
                obj[name] = "%04d-%s.%03dZ" % (moment.year, moment.strftime("%m-%dT%H:%M:%S"), moment.microsecond // 1000)
        return obj


class InfraonObjects(InfraonObject):
    """The target of a many-objects task (``sync.apply``): a create whose answer carries no
    object (a policy's POST answers with no body) is found again with the others after all
    writes, by one list read (``settle``), not by one list read per create."""

    def create(self, body):
        return self.client.post(self.resource, body, key=tuple(self.criteria))

    def settle(self, after):
        """``after`` (``{key: object}``) with every ``client.Created`` replaced by its object."""
        made = dict((key, obj) for key, obj in after.items() if isinstance(obj, Created))
        if not made:
            return after
        settled = dict(after)
        settled.update(self.client.read_back(self.resource, made))
        return settled


def target(client, resource, params, criteria):
    """The ``sync`` target of a module's object: by ``id`` when given, else by ``criteria``."""
    if params.get("id") is not None and not str(params["id"]).strip():
        raise errors.InputError("id is empty: give the id of an existing %s, or leave id out." % resource.noun)
    return InfraonObject(client, resource, params.get("id"), criteria, present=params["state"] == "present")
