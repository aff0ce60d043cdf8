# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The Infraon NCCM resources, one table each (see ``seeds/infraon-*.txt``).

Each table lists the writable fields with their ``state.Field`` kinds (read-only fields are
not in it, so they are never compared and never sent), the documented maximum lengths, the
fields a create needs and the natural key. The modules build their options, the input
checks and the client's look-ups from these tables alone.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ncm.platforms.plugins.module_utils import validate
from ansible_collections.ncm.platforms.plugins.module_utils.state import Field

# Field kind -> Ansible argument spec of the option.
_OPTION_TYPES = {
    "str": dict(type="str"),
    "datetime": dict(type="str"),
    "int": dict(type="int"),
    "bool": dict(type="bool"),
    "set": dict(type="list", elements="str"),
    "dict": dict(type="dict"),
}


class Resource(object):
    """One Infraon collection: its path, writable fields and rules."""

    def __init__(self, noun, path, spec, natural_key, limits, required):
        self.noun = noun
        self.path = path
        self.spec = spec
        self.natural_key = natural_key
        self.limits = limits
        self.required = required
        self.secrets = tuple(name for name, field in spec.items() if field.secret)
        self.datetimes = tuple(name for name, field in spec.items() if field.kind == "datetime")

    def options(self):
        """The argument spec of every writable field (secrets ``no_log``)."""
        options = {}
        for name, field in self.spec.items():
            option = dict(_OPTION_TYPES[field.kind])
            if field.secret:
                option["no_log"] = True
            options[name] = option
        return options

    def check(self, params):
        """Fail before any request on an over-long value or a bad date-time."""
        validate.max_lengths(params, self.limits, secrets=self.secrets)
        validate.datetimes(params, self.datetimes)


def _strings(names, secret=()):
    return dict((name, Field("str", secret=name in secret)) for name in names)


_AUDIT_SPEC = _strings(("organization", "job_id", "ci_id", "job_iteration_id", "ipaddress",
                        "device_account", "dpassword", "denable_password", "connection_protocol",
                        "error", "task_owner", "client_ip", "job_type", "job_name", "process_name",
                        "connection_for"), secret=("dpassword", "denable_password"))
_AUDIT_SPEC["last_update_time"] = Field("datetime")
_AUDIT_SPEC.update(_strings(("config_type", "uofw")))

_AUDIT_LIMITS = dict((name, 225) for name in (
    "ipaddress", "device_account", "dpassword", "denable_password", "task_owner", "client_ip",
    "job_type", "job_name", "process_name", "connection_for", "config_type", "uofw"))
_AUDIT_LIMITS.update(organization=25, connection_protocol=25, error=2000)

AUDIT = Resource(
    noun="audit record",
    path="/ux/nccm/jobs-account-audit/",
    spec=_AUDIT_SPEC,
    natural_key=("organization", "job_id", "job_iteration_id", "ci_id"),
    limits=_AUDIT_LIMITS,
    required=("organization",),
)

POLICY = Resource(
    noun="configuration policy",
    path="/ux/nccm/configuration_policies/",
    spec=dict(
        policyid=Field("str"),
        name=Field("str"),
        description=Field("str"),
        organization=Field("str"),
        processid=Field("int"),
        associate_users=Field("str"),
        associate_groups=Field("str"),
        associated_rules=Field("str"),
        associated_rule_groups=Field("set"),
        lastupdatetime=Field("datetime"),
        activated_by=Field("str"),
        activation_time=Field("datetime"),
        activation_remarks=Field("str"),
        policy_schedule=Field("dict"),
        lastaction=Field("datetime"),
        nextaction=Field("datetime"),
        progress=Field("int"),
        starttime=Field("int"),
        endtime=Field("int"),
        created_by=Field("str"),
        modified_by=Field("str"),
        assigned_users=Field("set"),
        assigned_group=Field("set"),
        is_deleted=Field("bool"),
    ),
    natural_key=("policyid",),
    limits=dict(policyid=25, organization=25),
    required=("policyid", "organization"),
)
