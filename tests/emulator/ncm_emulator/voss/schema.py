# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""VOSS-4-UC ``relation/HcsAdminUserREL``: names, limits and the JSON schema of the add form.

Stored objects (all JSON):

- hierarchy node ``{"id": pkid, "name", "path": "sys.hcs.CS-P", "type": "Provider", "parent": pkid|None}``;
- role ``{"id": name, "name", "description"}``;
- user ``{"id": pkid, "data_pkid", "hierarchy": node pkid, "hcsUname", "AdminUser": {...},
  "password_hash": sha256 hex or None}``: the clear password is never stored nor returned.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

MODEL = "relation/HcsAdminUserREL"
BASE = "/api/relation/HcsAdminUserREL"
API_VERSION = "19.3.1"
MAXIMUM_LIMIT = 2000
DEFAULT_LIMIT = 50
ORDER_FIELDS = ("hcsUname", "hierarchy_friendly_name", "hierarchy_path")
SUMMARY_ATTRS = [
    {"name": "hcsUname", "title": "HcsUsername"},
    {"allow_filtering": True, "name": "hierarchy_friendly_name", "title": "Located At"},
]
ADMIN_USER_STRINGS = ("first_name", "last_name", "email", "language")
ACCOUNT_BOOLS = ("disabled", "locked", "change_password_on_login")
ACCOUNT_STRINGS = ("credential_policy", "reason_for_disabled", "failed_login_lock_date")
ACCOUNT_READ_ONLY = ("password_last_change_time", "password_last_change_time_by_user", "last_login_time", "used_passwords")
DATA_IGNORED = ("pkid", "hierarchy_path", "hierarchy_friendly_name")

SCHEMA = {
    "$schema": "http://json-schema.org/draft-03/schema",
    "type": "object",
    "schema_version": "2.1",
    "properties": {
        "AdminUser": {
            "type": "object",
            "title": "Admin User",
            "properties": {
                "username": {"type": "string", "required": True, "title": "User Name"},
                "first_name": {"type": "string", "title": "First Name"},
                "last_name": {"type": "string", "title": "Last Name"},
                "language": {"type": "string", "format": "uri", "default": "en-us", "required": False, "title": "Language",
                             "target_model_type": "data/Language", "target_attr": "lcid"},
                "account_information": {
                    "type": "object", "required": False, "title": "Account Information",
                    "properties": {
                        "reason_for_disabled": {"type": "string", "required": False, "title": "Reason for Disabled"},
                        "locked": {"type": "boolean", "required": False, "title": "Locked"},
                        "change_password_on_login": {"type": "boolean", "required": False, "title": "Change Password on Next Login"},
                        "security_questions": {"type": "array", "title": "Security Questions", "items": {"type": "object", "properties": {
                            "answer": {"type": "string", "required": True, "maxLength": 128, "title": "Answer"},
                            "question": {"type": "string", "required": True, "maxLength": 128, "title": "Question"}}}},
                        "disabled": {"type": "boolean", "required": False, "title": "Disabled"},
                        "credential_policy": {"type": "string", "format": "uri", "required": False, "title": "Credential Policy",
                                              "target_model_type": "data/CredentialPolicy", "target_attr": "name"},
                        "failed_login_lock_date": {"type": "string", "format": "date-time", "required": False,
                                                   "title": "Time Locked Due to Failed Login Attempts"},
                        "password_last_change_time_by_user": {"type": "string", "format": "date-time", "readonly": True, "required": False,
                                                              "title": "Time of Last Password Change By User"},
                        "password_last_change_time": {"type": "string", "format": "date-time", "readonly": True, "required": False,
                                                      "title": "Time of Last Password Change"},
                        "num_of_failed_login_attempts": {"type": "integer", "default": "0", "required": False,
                                                         "title": "Number of Failed Login Attempts Since Last Successful Login"},
                        "used_passwords": {"type": "array", "title": "Used Passwords"},
                        "last_login_time": {"type": "string", "format": "date-time", "readonly": True, "required": False,
                                            "title": "Time of Last Successful Login"},
                    },
                },
                "set_language": {"type": "boolean", "default": False, "required": False, "title": "Set by Default Language"},
                "role": {"type": "string", "format": "uri", "required": True, "title": "Role", "choices": [],
                         "target_model_type": "data/Role", "target_attr": "name"},
                "password": {"type": "string", "is_password": True, "pattern": ".{8,}", "store_encrypted": True, "title": "Password"},
                "email": {"type": "string", "required": False, "title": "Email Address"},
            },
        },
        "hcsUname": {"type": "string", "required": True, "maxLength": 1024, "title": "HcsUsername", "is_password": False,
                     "displayable": False, "readonly": False},
    },
}
