"""Infraon NCCM field tables (from the GitBook pages in shared/seeds) and their messages.

How values are checked and shown: ``values``.
"""


class Field(object):
    """One serializer field."""

    def __init__(self, name, kind="str", max_length=None, required=False, read_only=False,
                 default=None, secret=False):
        self.name = name
        self.kind = kind
        self.max_length = max_length
        self.required = required
        self.read_only = read_only
        self.default = default
        self.secret = secret

    def empty(self):
        """The value of an optional field that was not given."""
        if self.kind == "list":
            return []
        if self.kind == "dict":
            return {}
        return self.default


def _ro(name, kind="str"):
    return Field(name, kind, read_only=True)


AUDIT_FIELDS = [
    _ro("id"), _ro("creationtime", "datetime"), _ro("agent_id"), _ro("connection_status"),
    _ro("failure_message"),
    Field("organization", max_length=25, required=True),
    Field("job_id"), Field("ci_id"), Field("job_iteration_id"),
    Field("ipaddress", max_length=225), Field("device_account", max_length=225),
    Field("dpassword", max_length=225, secret=True), Field("denable_password", max_length=225, secret=True),
    Field("connection_protocol", max_length=25), Field("error", max_length=2000),
    Field("task_owner", max_length=225), Field("client_ip", max_length=225),
    Field("job_type", max_length=225), Field("job_name", max_length=225),
    Field("process_name", max_length=225), Field("connection_for", max_length=225),
    Field("last_update_time", "datetime"),
    Field("config_type", max_length=225), Field("uofw", max_length=225),
]

POLICY_FIELDS = [
    _ro("id"), _ro("status"), _ro("creationtime", "datetime"), _ro("last_update_time", "datetime"),
    _ro("next_action_time"), _ro("last_action_time"), _ro("is_private"), _ro("rule_description"),
    _ro("schedule_descr"), _ro("visibility"),
    Field("policyid", max_length=25, required=True),
    Field("name"), Field("description"),
    Field("organization", max_length=25, required=True),
    Field("processid", "int", default=1),
    Field("associate_users"), Field("associate_groups"), Field("associated_rules"),
    Field("associated_rule_groups", "list"),
    Field("lastupdatetime", "datetime"), Field("activated_by"), Field("activation_time", "datetime"),
    Field("activation_remarks"), Field("policy_schedule", "dict"),
    Field("lastaction", "datetime"), Field("nextaction", "datetime"),
    Field("progress", "int"), Field("starttime", "int"), Field("endtime", "int"),
    Field("created_by"), Field("modified_by"),
    Field("assigned_users", "list"), Field("assigned_group", "list"),
    Field("is_deleted", "bool"),
]

MSG_REQUIRED = "This field is required."
MSG_NULL = "This field may not be null."
MSG_BLANK = "This field may not be blank."
MSG_STRING = "Not a valid string."
MSG_INT = "A valid integer is required."
MSG_BOOL = "Must be a valid boolean."
MSG_DATETIME = ("Datetime has wrong format. Use one of these formats instead: "
                "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].")
MSG_MAX = "Ensure this field has no more than %d characters."
