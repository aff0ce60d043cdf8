# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The SteelCentral push job as the modules see it: its statuses, its target keys, and the
field table that compares two job requests (reuse of an unfinished job). See
``API-NOTES.md`` section 2 and ``seeds/scc-cmc-configurator-jobs.txt``."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.ncm.platforms.plugins.module_utils import compare, errors
from ansible_collections.ncm.platforms.plugins.module_utils.resource import Field

UNFINISHED = ("Queued", "InProgress")
FINAL = ("Success", "Failed", "Canceled")
TARGET_KEYS = ("site_ids", "appliance_serial_numbers", "site_type_ids")
JOB_FIELDS = dict(feature_ids=Field("set"), backup=Field("bool"), **dict((key, Field("set")) for key in TARGET_KEYS))


def status_of(job):
    return (job or {}).get("job_status")


def is_status(job, words):
    return compare.status_key(status_of(job)) in set(compare.status_key(word) for word in words)


def job_view(job):
    """A job in the form reuse compares: target arrays absent or null as [], backup a bool."""
    view = dict((key, job.get(key) or []) for key in ("feature_ids",) + TARGET_KEYS)
    view["backup"] = bool(job.get("backup"))
    return view


def status_word(name, value):
    """The API's spelling of a push job status given in any case, with or without separators."""
    word = compare.spelled_as(value, UNFINISHED + FINAL)
    if word is not None:
        return word
    raise errors.InputError("%s: %r is not a push job status; give one of %s (in any case, with or without "
                            "separators such as _ or spaces)." % (name, value, ", ".join(UNFINISHED + FINAL)))
