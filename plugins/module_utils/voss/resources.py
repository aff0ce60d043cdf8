# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The VOSS-4-UC admin-user field table (``relation/HcsAdminUserREL`` data as module options)
and the input rules every VOSS module shares.

See ``API-NOTES.md`` section 3 and ``seeds/voss-hcs-admin-user-rel.txt``."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ncm.platforms.plugins.module_utils import errors, validate
from ansible_collections.ncm.platforms.plugins.module_utils.resource import Field, Resource

USERS_PATH = "/api/relation/HcsAdminUserREL/"
ACCOUNT = "AdminUser.account_information."

USER = Resource(
    noun="admin user",
    path=USERS_PATH,
    fields=dict(
        username=Field("str", api="hcsUname", required=True, max_length=1024),
        first_name=Field("str", api="AdminUser.first_name"),
        last_name=Field("str", api="AdminUser.last_name"),
        email=Field("str", api="AdminUser.email"),
        role=Field("str", api="AdminUser.role", required=True),
        language=Field("str", api="AdminUser.language", default="en-us"),
        set_language=Field("bool", api="AdminUser.set_language", default=False),
        password=Field("str", api="AdminUser.password", secret=True, min_length=8),
        account_information=Field("dict", api="AdminUser.account_information", fields=dict(
            disabled=Field("bool", default=False),
            locked=Field("bool", default=False),
            change_password_on_login=Field("bool", default=False),
            credential_policy=Field("str"),
            reason_for_disabled=Field("str"),
        )),
    ),
    natural_key=("username",),
    read_only=("pkid", "hierarchy_path", "hierarchy_friendly_name") + tuple(ACCOUNT + name for name in (
        "last_login_time", "password_last_change_time", "password_last_change_time_by_user",
        "failed_login_lock_date", "num_of_failed_login_attempts", "used_passwords")),
)


def check_params(params, *names):
    """Fail before any request on a blank ``hierarchy``/``username`` or a timeout that is not above 0."""
    for name in ("hierarchy",) + names:
        validate.not_blank(name, params.get(name))
    if params.get("transaction_timeout") is not None and params["transaction_timeout"] <= 0:
        raise errors.InputError("transaction_timeout must be more than 0 seconds (got %s)."
                                % params["transaction_timeout"])
