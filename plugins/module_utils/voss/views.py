# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""VOSS answers as the modules show them: hrefs, the node an instance sits at, list
summaries and full records as API objects. No I/O."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
from urllib.parse import urlsplit


def last_part(href):
    """The last path part of an href (``/api/relation/X/<pkid>/?hierarchy=h`` -> ``<pkid>``)."""
    if not isinstance(href, str) or not href.strip():
        return None
    parts = [part for part in urlsplit(href.strip()).path.split("/") if part]
    return parts[-1] if parts else None


def parent_pkid(item):
    """The pkid of the hierarchy node an instance sits at (``meta.references.parent``, else ``meta.path[-2]``)."""
    meta = item.get("meta") or {}
    parents = (meta.get("references") or {}).get("parent") or []
    if parents and isinstance(parents[0], dict) and parents[0].get("pkid"):
        return parents[0]["pkid"]
    path = meta.get("path") or []
    return path[-2] if isinstance(path, list) and len(path) >= 2 else None


def at_node(item, hierarchy):
    """Whether a list item's own node is ``hierarchy`` (a dotted path or a node pkid)."""
    data = item.get("data") or {}
    return data.get("hierarchy_path") == hierarchy or parent_pkid(item) == hierarchy


def summary_view(item):
    """A list item as returned by the modules: its data, with the instance pkid."""
    return dict(item.get("data") or {}, pkid=item.get("pkid"))


def full_view(record, hierarchy_path=None):
    """A ``GET /[pkid]/`` answer as an API object: its data, the instance pkid and hierarchy path."""
    view = copy.deepcopy(record.get("data") or {})
    view["pkid"] = record.get("pkid")
    path = hierarchy_path or (record.get("meta") or {}).get("hierarchy_path")
    if path:
        view["hierarchy_path"] = path
    return view


def reference_value(value, attrs):
    """A reference field (role, language) given as an object: the value of its name attribute."""
    if isinstance(value, dict):
        for attr in attrs:
            if value.get(attr):
                return value[attr]
    return value
