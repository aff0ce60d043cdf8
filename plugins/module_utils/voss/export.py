# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The JSON export of ``relation/HcsAdminUserREL`` (``export_format: json``): a zip of JSON
documents "as in the system database" (seed document). No I/O.

The documents do not promise that the export leaves out what a GET never returns (the
password is "stored encrypted"; ``used_passwords`` lists old ones), so every key in
``SECRET_KEYS`` is removed, at any depth, before the data is used or written anywhere.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import io
import json
import zipfile

from ansible_collections.ncm.platforms.plugins.module_utils import errors

SECRET_KEYS = frozenset(("password", "used_passwords", "security_questions"))


def scrub(value):
    """``value`` without any key of ``SECRET_KEYS``, at any depth."""
    if isinstance(value, dict):
        return dict((key, scrub(item)) for key, item in value.items() if key not in SECRET_KEYS)
    if isinstance(value, list):
        return [scrub(item) for item in value]
    return value


def documents(payload):
    """``[(member name, JSON document scrubbed)]`` of an export zip; a payload that is not a zip
    of JSON documents fails, since nothing could be restored from it."""
    try:
        with zipfile.ZipFile(io.BytesIO(payload)) as archive:
            members = [(name, archive.read(name)) for name in archive.namelist() if not name.endswith("/")]
        docs = [(name, scrub(json.loads(text.decode("utf-8")))) for name, text in members]
    except (zipfile.BadZipFile, ValueError, UnicodeDecodeError) as exc:
        raise errors.ResponseFormatError("the export is not a zip of JSON documents (%s)" % type(exc).__name__)
    if not docs:
        raise errors.ResponseFormatError("the export is an empty zip")
    return docs


def scrubbed_zip(payloads):
    """One zip of the scrubbed documents of these exports (a member name met twice gets ``-2``...)."""
    out, seen = io.BytesIO(), set()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, doc in [pair for payload in payloads for pair in documents(payload)]:
            unique, number = name, 1
            while unique in seen:
                number += 1
                unique = "%s-%d%s" % (name[:-5], number, ".json") if name.endswith(".json") else "%s-%d" % (name, number)
            seen.add(unique)
            archive.writestr(unique, json.dumps(doc, indent=2, sort_keys=True))
    return out.getvalue()


def instances(value):
    """Every instance in a document: an object with a ``pkid`` and a ``data`` object holding ``hcsUname``."""
    if isinstance(value, list):
        return [found for item in value for found in instances(item)]
    if not isinstance(value, dict):
        return []
    data = value.get("data")
    if value.get("pkid") and isinstance(data, dict) and "hcsUname" in data:
        return [value]
    return [found for item in value.values() for found in instances(item)]


def records_by_pkid(payload):
    """``{pkid: record}`` of an export, each record shaped as a ``GET /[pkid]/`` answer
    (``pkid`` and ``data``), scrubbed of secrets."""
    return dict((item["pkid"], {"pkid": item["pkid"], "data": item["data"]})
                for dummy, doc in documents(payload) for item in instances(doc))
