# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The Infraon NCCM field tables: device-access audit records and configuration policies.

See ``docs/API-NOTES.md`` section 1 and ``seeds/infraon-*.txt``."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ncm.platforms.plugins.module_utils.resource import Field, Resource


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
