# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""VOSS export files: the JSON zip, a small XLSX workbook and the bulk-load template.

The XLSX files are real (a workbook with one sheet of inline strings), written with the
standard library only; they hold the columns of the JSON export, never a password.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import gzip
import io
import json
import zipfile
from xml.sax.saxutils import escape

COLUMNS = (
    ("hcsUname", ("hcsUname",)),
    ("AdminUser.username", ("AdminUser", "username")),
    ("AdminUser.first_name", ("AdminUser", "first_name")),
    ("AdminUser.last_name", ("AdminUser", "last_name")),
    ("AdminUser.email", ("AdminUser", "email")),
    ("AdminUser.role", ("AdminUser", "role")),
    ("AdminUser.language", ("AdminUser", "language")),
    ("AdminUser.set_language", ("AdminUser", "set_language")),
    ("AdminUser.account_information.disabled", ("AdminUser", "account_information", "disabled")),
    ("AdminUser.account_information.locked", ("AdminUser", "account_information", "locked")),
    ("AdminUser.account_information.change_password_on_login", ("AdminUser", "account_information", "change_password_on_login")),
    ("AdminUser.account_information.credential_policy", ("AdminUser", "account_information", "credential_policy")),
    ("AdminUser.account_information.reason_for_disabled", ("AdminUser", "account_information", "reason_for_disabled")),
)
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _drop_empty(value):
    """JSON export rule: empty strings and unset values are left out."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            item = _drop_empty(item)
            if item is None or item == "" or item == {}:
                continue
            out[key] = item
        return out
    if isinstance(value, list):
        return [_drop_empty(item) for item in value]
    return value


def json_zip(items, stamp):
    """``(filename, bytes)`` of the JSON export: a zip holding one JSON document."""
    doc = {"model_type": "relation/HcsAdminUserREL", "schema_version": "2.1",
           "instances": [_drop_empty(item) for item in items]}
    name = "export_%s.json" % stamp
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, json.dumps(doc, indent=2, sort_keys=True))
    return name + ".zip", buf.getvalue()


def _cell(ref, value):
    if isinstance(value, bool):
        value = "TRUE" if value else "FALSE"
    return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, escape("" if value is None else str(value)))


def _column(index):
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def _dig(item, path):
    for key in path:
        if not isinstance(item, dict):
            return None
        item = item.get(key)
    return item


def xlsx(items, sheet="HcsAdminUserREL"):
    """A one-sheet workbook: a header row of COLUMNS, then one row per item."""
    rows = [[title for title, _path in COLUMNS]]
    rows.extend([_dig(item, path) for _title, path in COLUMNS] for item in items)
    xml_rows = []
    for number, row in enumerate(rows, 1):
        cells = "".join(_cell("%s%d" % (_column(index), number), value) for index, value in enumerate(row))
        xml_rows.append('<row r="%d">%s</row>' % (number, cells))
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '</Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="%s" sheetId="1" r:id="rId1"/></sheets></workbook>' % escape(sheet[:31])),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>'),
        "xl/worksheets/sheet1.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>%s</sheetData></worksheet>'
            % "".join(xml_rows)),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buf.getvalue()


def bulkload_template():
    """The gzipped bulk-load sheet: the header row only."""
    return gzip.compress(xlsx([], sheet="HcsAdminUserREL"))


def _json_file(items, stamp):
    name, payload = json_zip(items, stamp.strftime("%Y-%m-%d_%H:%M:%S.%f"))
    return name, payload, "application/x-zip"


def _xlsx_file(middle):
    def make(items, stamp):
        name = "relation_HcsAdminUserREL_%s_%s.xlsx" % (middle, stamp.strftime("%Y-%m-%d_%H-%M-%S"))
        return name, xlsx([item["data"] for item in items]), XLSX_TYPE
    return make


# export_format -> fn(export items, the emulator's now) -> (file name, bytes, media type)
FORMATS = {
    "json": _json_file,
    "xlsx": _xlsx_file("exportedsheet_formatted"),
    "raw_xlsx": _xlsx_file("exportedsheet"),
}
