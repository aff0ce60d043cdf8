# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The Infraon NCCM client: its resource tables, auth, paging, look-up by natural key, CRUD.

List answers come as a bare JSON array or as a DRF envelope (``count``/``next``/``results``);
both are read to the end. A 2xx ``{"status": "error"}`` body is a failure. See
``API-NOTES.md`` section 1 and ``seeds/infraon-*.txt``.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from urllib.parse import quote

from ansible_collections.ncm.platforms.plugins.module_utils import api_spec, compare, errors, rest
from ansible_collections.ncm.platforms.plugins.module_utils.compare import Field
from ansible_collections.ncm.platforms.plugins.module_utils.resource import Resource

PAGE_SIZE = 500
LOGIN_PATH = "/ux/api-token-auth/"
# Keys of a write answer that only report on the write and are not part of an object.
_REPORT_KEYS = frozenset(("id", "status", "msg", "message", "detail"))


def _strings(names, max_length=None, secret=False):
    return dict((name, Field("str", secret=secret, max_length=max_length)) for name in names)


_AUDIT_FIELDS = dict(organization=Field("str", max_length=25, required=True))
_AUDIT_FIELDS.update(_strings(("job_id", "ci_id", "job_iteration_id")))
_AUDIT_FIELDS.update(_strings(("ipaddress", "device_account"), 225))
_AUDIT_FIELDS.update(_strings(("dpassword", "denable_password"), 225, secret=True))
_AUDIT_FIELDS.update(connection_protocol=Field("str", max_length=25), error=Field("str", max_length=2000))
_AUDIT_FIELDS.update(_strings(("task_owner", "client_ip", "job_type", "job_name", "process_name",
                               "connection_for"), 225))
_AUDIT_FIELDS.update(last_update_time=Field("datetime"))
_AUDIT_FIELDS.update(_strings(("config_type", "uofw"), 225))

AUDIT = Resource(
    noun="audit record",
    path="/ux/nccm/jobs-account-audit/",
    fields=_AUDIT_FIELDS,
    natural_key=("organization", "job_id", "job_iteration_id", "ci_id"),
    read_only=("id", "creationtime", "agent_id", "connection_status", "failure_message"),
)

POLICY = Resource(
    noun="configuration policy",
    path="/ux/nccm/configuration_policies/",
    fields=dict(
        policyid=Field("str", max_length=25, required=True),
        name=Field("str"),
        description=Field("str"),
        organization=Field("str", max_length=25, required=True),
        processid=Field("int", default=1),
        associate_users=Field("str"),
        associate_groups=Field("str"),
        associated_rules=Field("str"),
        associated_rule_groups=Field("set", default=[]),
        lastupdatetime=Field("datetime"),
        activated_by=Field("str"),
        activation_time=Field("datetime"),
        activation_remarks=Field("str"),
        policy_schedule=Field("dict", default={}),
        lastaction=Field("datetime"),
        nextaction=Field("datetime"),
        progress=Field("int"),
        starttime=Field("int"),
        endtime=Field("int"),
        created_by=Field("str"),
        modified_by=Field("str"),
        assigned_users=Field("set", default=[]),
        assigned_group=Field("set", default=[]),
        is_deleted=Field("bool"),
    ),
    natural_key=("policyid",),
    read_only=("id", "status", "creationtime", "last_update_time", "next_action_time", "last_action_time",
               "is_private", "rule_description", "schedule_descr", "visibility"),
)


def error_in_body(data):
    """The message of a 2xx answer that reports a failure (``{"status": "error", ...}``)."""
    if isinstance(data, dict) and str(data.get("status", "")).lower() == "error":
        detail = dict((key, value) for key, value in data.items() if key != "status")
        return errors.server_message(detail) or "the server answered status error"
    return None


def _is_object(data):
    """Whether a write answer carries the object itself (not just a status or an id)."""
    return isinstance(data, dict) and bool(set(data) - _REPORT_KEYS)


def token_login(username, password):
    """The login hook of a username/password tenant: the token is then sent verbatim."""
    def login(client):
        answer = client.request("POST", LOGIN_PATH, json={"username": username, "password": password},
                                idempotent=True, authenticate=False)
        token = answer.data.get("token") if isinstance(answer.data, dict) else None
        if not token:
            raise errors.ResponseFormatError(
                "POST %s answered HTTP %s without a token" % (LOGIN_PATH, answer.status),
                method="POST", path=LOGIN_PATH, status=answer.status)
        client.set_header("Authorization", str(token))
    return login


class InfraonClient(object):
    """Infraon NCCM calls over one ``rest.RestClient`` session (``rest``)."""

    def __init__(self, rest_client):
        self.rest = rest_client

    # --- lists ---------------------------------------------------------------------
    def iter_all(self, path, sort=None, reverse=None, page_size=PAGE_SIZE):
        """Yield every item of a list, page after page, to the end.

        The server may clamp the page size silently: a bare array ends at an empty page or
        one shorter than the longest page seen; an envelope ends when ``next`` is null or
        ``count`` items were read.
        """
        page, seen, longest, previous = 1, 0, 0, None
        while True:
            params = dict(items_per_page=page_size, page=page, sort=sort, reverse=reverse)
            items, envelope = self._page(path, page, self.rest.get(path, params=params).data)
            if items and items == previous:
                raise errors.ResponseFormatError(
                    "GET %s answered page %d with the same items as page %d: the server ignores "
                    "the page parameter" % (path, page, page - 1), method="GET", path=path)
            yield from items
            seen += len(items)
            longest = max(longest, len(items))
            if not items or _last_page(envelope, len(items), seen, longest):
                return
            previous = items
            page += 1

    @staticmethod
    def _page(path, page, data):
        """``(items, envelope or None)`` of one list answer."""
        if data is None:
            return [], None
        if isinstance(data, list):
            return data, None
        if isinstance(data, dict) and isinstance(data.get("results"), list):
            return data["results"], data
        raise errors.ResponseFormatError(
            "GET %s page %d answered neither a JSON array nor a page envelope with results"
            % (path, page), method="GET", path=path)

    def find(self, resource, criteria, near=None):
        """The one object of ``resource`` matching ``criteria``, or None (reads the whole list).

        More than one match raises ``errors.AmbiguousMatch`` with their ids. When nothing
        matches, the list ``near`` (if given) receives ``compare.near_misses``: the objects
        that hold the set values but something where ``criteria`` leaves a value unset.
        """
        if near is None:
            return compare.find_one(self.iter_all(resource.path), criteria, resource.fields, where=resource.path,
                                    kind=compare.plural(resource.noun))
        items = list(self.iter_all(resource.path))
        found = compare.find_one(items, criteria, resource.fields, where=resource.path, kind=compare.plural(resource.noun))
        if found is None:
            near.extend(compare.near_misses(items, criteria, resource.fields))
        return found

    # --- objects -------------------------------------------------------------------
    @staticmethod
    def item_path(path, object_id):
        return "%s%s/" % (path, quote(str(object_id), safe=""))

    def get(self, path, object_id):
        """The object with this id, or None when the server answers 404."""
        answer = self.rest.get(self.item_path(path, object_id), allow_status=(404,))
        return None if answer.status == 404 else answer.data

    def options(self, path):
        """The answer of the collection's ``options/`` call."""
        return self.rest.get(path + "options/").data

    def create(self, resource, body, key=None):
        """POST a new object and return it as the server holds it.

        When the answer carries no object (no body, or only a status and an id), the object
        is read back by the id given, else found by the ``key`` fields of ``body`` (the
        resource's natural key by default).
        """
        key = resource.natural_key if key is None else key
        answer = self.rest.post(resource.path, json=body)
        if _is_object(answer.data):
            return answer.data
        new_id = answer.data.get("id") if isinstance(answer.data, dict) else None
        found = self.get(resource.path, new_id) if new_id not in (None, "") else None
        if found is None and key:
            found = self._find_created(resource, dict((name, body.get(name)) for name in key))
        if found is None:
            raise errors.ResponseFormatError(
                "POST %s answered HTTP %s but the new object could not be read back"
                % (resource.path, answer.status), method="POST", path=resource.path, status=answer.status)
        return found

    def _find_created(self, resource, criteria):
        """The object a POST just created, found by its key; several mean that other runs
        created objects with the same key at the same time, and the message says so."""
        try:
            return self.find(resource, criteria)
        except errors.AmbiguousMatch as exc:
            ids = exc.details["ids"]
            listed = ", ".join(str(i) for i in ids)
            raise errors.AmbiguousMatch(
                "POST %s created the %s, but %d objects now hold %s (ids: %s): other runs created "
                "the others at the same time. Remove the duplicates, and run the writers of one "
                "tenant one at a time (throttle: 1)."
                % (resource.path, resource.noun, len(ids), compare.describe(criteria), listed), ids=ids)

    def update(self, path, object_id, body):
        """PUT the whole writable object; return the answer's object or a fresh read."""
        item = self.item_path(path, object_id)
        answer = self.rest.put(item, json=body)
        if _is_object(answer.data):
            return answer.data
        found = self.get(path, object_id)
        if found is None:
            raise errors.ResponseFormatError(
                "PUT %s answered HTTP %s but the object could not be read back" % (item, answer.status),
                method="PUT", path=item, status=answer.status)
        return found

    def delete(self, path, object_id):
        """DELETE the object; one that is already gone (404) counts as deleted."""
        self.rest.delete(self.item_path(path, object_id), allow_status=(404,))


def _last_page(envelope, size, seen, longest):
    if envelope is None:
        return size < longest
    count = envelope.get("count")
    if isinstance(count, int) and not isinstance(count, bool) and seen >= count:
        return True
    if "next" in envelope:
        return not envelope["next"]
    return count is None and size < longest


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
        found = self.client.get(self.resource.path, self.object_id)
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
        return self.client.update(self.resource.path, current["id"], body)

    def delete(self, current):
        self.client.delete(self.resource.path, current["id"])

    def predict(self, predicted):
        """A created object as the server answers it: every field, date-times in its millisecond form."""
        obj = dict((name, None) for name in self.resource.fields)
        obj.update(predicted)
        for name in self.resource.datetimes:
            if obj.get(name) is not None:
                moment = compare.parse_datetime(obj[name])[0]
                obj[name] = "%04d-%s.%03dZ" % (moment.year, moment.strftime("%m-%dT%H:%M:%S"), moment.microsecond // 1000)
        return obj


def target(client, resource, params, criteria):
    """The ``sync`` target of a module's object: by ``id`` when given, else by ``criteria``."""
    if params.get("id") is not None and not str(params["id"]).strip():
        raise errors.InputError("id is empty: give the id of an existing %s, or leave id out." % resource.noun)
    return InfraonObject(client, resource, params.get("id"), criteria, present=params["state"] == "present")


def connect(module):
    """The ``connect`` that ``runner.execute`` calls: API key header, or token login."""
    api = api_spec.resolve("infraon", module)
    if api.get("api_key") is not None:
        key = api_spec.header_value("api.api_key", api["api_key"])
        return InfraonClient(rest.from_module(module, headers={"Authorization": key}, error_in_body=error_in_body))
    login = token_login(api["username"], api["password"])
    return InfraonClient(rest.from_module(module, login=login, error_in_body=error_in_body))
