# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):
    # The reading options every Infraon _info module shares (module_utils/infraon/info.options).
    DOCUMENTATION = r"""
options:
  id:
    description:
      - Read only the object with this id (one C(GET)); nothing is returned when it does not exist.
    type: str
  sort:
    description:
      - Field the server sorts the list by (passed through as C(sort)).
    type: str
  reverse:
    description:
      - Whether the server sorts in reverse order (passed through as C(reverse)).
    type: bool
  page_size:
    description:
      - Objects asked for per page (at most 10000). The server may answer fewer; the module still reads to the end.
    type: int
    default: 500
  limit:
    description:
      - Return at most this many objects (after filtering), and stop reading pages then.
      - At least 1, at most 1000000.
    type: int
  filters:
    description:
      - Field name to value; only objects whose fields equal every value are returned. The names
        are the object's own fields, as the module returns them.
      - A list of values for a field that holds one value matches any of them (an empty list fails
        before any request); for a list field, such as C(assigned_users), the list is the set the
        field must hold.
      - As in every info module of the collection, lookups by identity (O(id), and the natural key
        where the module has one) and the creation-time window (O(created_after),
        O(created_before)) are options of their own, and every match on a field is a key of
        O(filters) (see the collection's C(docs/filters.md)).
      - Numbers and numeric strings compare alike, date-times as instants, lists as sets,
        and a dict value matches when each of its keys matches.
      - Secret fields cannot be filtered on; a name that is no field of the object fails and
        lists the known fields.
      - A boolean V(false) also matches a field the server stores as V(null) or leaves out
        (an unset flag is not set), so a filter of C(is_deleted) set to V(false) finds every active policy.
    type: dict
  created_after:
    description:
      - Only objects whose C(creationtime) is at or after this ISO 8601 date-time.
    type: str
  created_before:
    description:
      - Only objects whose C(creationtime) is before this ISO 8601 date-time.
    type: str
  options:
    description:
      - Also return the answer of the collection's C(options/) call (field defaults) as RV(options).
    type: bool
    default: false
"""
