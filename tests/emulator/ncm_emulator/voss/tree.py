# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""VOSS-4-UC hierarchy: the index of the nodes, and the check of a seeded node."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class Tree(object):
    """An index of the hierarchy nodes (built per request: the tree is small)."""

    def __init__(self, nodes):
        self.by_id = dict((node["id"], node) for node in nodes)
        self.by_path = dict((node["path"], node) for node in nodes)

    def resolve(self, value):
        """The node named by a pkid or a dotted path, or None."""
        if value is None:
            return None
        return self.by_id.get(value) or self.by_path.get(value)

    def chain(self, node):
        """Pkids from the root down to ``node``."""
        out = []
        while node is not None:
            out.append(node["id"])
            node = self.by_id.get(node.get("parent"))
        return list(reversed(out))

    @staticmethod
    def friendly(node):
        return "%s (%s)" % (node["name"], node["type"]) if node.get("type") else node["name"]

    def in_scope(self, node_id, scope, local=False):
        """Whether a node is ``scope`` itself or (unless ``local``) below it."""
        node = self.by_id.get(node_id)
        if node is None:
            return False
        if node["id"] == scope["id"]:
            return True
        return not local and node["path"].startswith(scope["path"] + ".")


def normalise_node(obj, tree):
    """A seeded hierarchy node: ``path`` required; its parent (all but the root) must exist."""
    path = obj.get("path")
    if not isinstance(path, str) or not path or path.startswith(".") or path.endswith("."):
        raise ValueError("voss_hierarchy: path is required (a dotted path such as sys.hcs.X)")
    parent_path, _sep, name = path.rpartition(".")
    parent = None
    if parent_path:
        parent = tree.by_path.get(parent_path)
        if parent is None:
            raise ValueError("voss_hierarchy: parent %r of %r does not exist" % (parent_path, path))
    obj["name"] = name
    obj["parent"] = parent["id"] if parent else None
    obj.setdefault("type", "")
    return obj
