# -*- coding: utf-8 -*-
# Copyright: ncm.platforms contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""meta/runtime.yml action groups must match plugins/modules exactly.

``module_defaults: {group/ncm.platforms.infraon: ...}`` only reaches the modules listed in
the group, so a module missing from its platform's group (by name prefix) or from ``all``
would silently ignore the defaults; a listed module that does not exist is a typo.
"""

from __future__ import annotations

import os

import yaml

COLLECTION = 'ncm.platforms'
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MODULES_DIR = os.path.join(ROOT, 'plugins', 'modules')
RUNTIME = os.path.join(ROOT, 'meta', 'runtime.yml')

# module name prefix -> platform action group
PLATFORM_GROUPS = {
    'nccm_': 'infraon',
    'cmc_': 'scc',
    'hcs_': 'voss',
}
ALL_GROUP = 'all'


def short_name(name):
    """Return a module or group name without the collection prefix."""
    prefix = COLLECTION + '.'
    return name[len(prefix):] if name.startswith(prefix) else name


def module_names():
    """Return the names of the modules in plugins/modules."""
    if not os.path.isdir(MODULES_DIR):
        return []

    return sorted(os.path.splitext(name)[0] for name in os.listdir(MODULES_DIR)
                  if name.endswith('.py') and not name.startswith('_'))


def action_groups():
    """Return meta/runtime.yml's action_groups."""
    with open(RUNTIME, encoding='utf-8') as handle:
        runtime = yaml.safe_load(handle) or {}

    return runtime.get('action_groups') or {}


def group_members(groups, group, seen=()):
    """Return the module names in a group, following metadata.extend_group within the collection."""
    members = set()

    for entry in groups.get(group) or []:
        if isinstance(entry, dict):
            for extended in (entry.get('metadata') or {}).get('extend_group') or []:
                extended = short_name(extended)

                if extended not in seen and extended in groups:
                    members |= group_members(groups, extended, seen + (group,))
        else:
            members.add(short_name(entry))

    return members


def platform_group(module):
    """Return the action group a module belongs to by its name, or None."""
    for prefix, group in PLATFORM_GROUPS.items():
        if module.startswith(prefix):
            return group

    return None


def test_every_group_is_declared():
    groups = action_groups()
    missing = sorted((set(PLATFORM_GROUPS.values()) | {ALL_GROUP}) - set(groups))

    assert not missing, 'meta/runtime.yml action_groups lacks group(s): %s' % ', '.join(missing)


def test_all_extends_every_platform_group():
    groups = action_groups()
    extended = set()

    for entry in groups.get(ALL_GROUP) or []:
        if isinstance(entry, dict):
            extended |= set(short_name(name) for name in (entry.get('metadata') or {}).get('extend_group') or [])

    missing = sorted(set(PLATFORM_GROUPS.values()) - extended)

    assert not missing, 'action group "all" does not extend: %s' % ', '.join(missing)


def test_every_module_has_a_platform_prefix():
    strays = [module for module in module_names() if platform_group(module) is None]

    assert not strays, 'module(s) with no platform prefix (%s): %s' % (', '.join(sorted(PLATFORM_GROUPS)), ', '.join(strays))


def test_every_module_is_in_its_platform_group():
    groups = action_groups()
    missing = ['%s (group %s)' % (module, platform_group(module)) for module in module_names()
               if platform_group(module) and module not in group_members(groups, platform_group(module))]

    assert not missing, 'meta/runtime.yml: module(s) missing from their action group: %s' % ', '.join(missing)


def test_every_module_is_in_all():
    members = group_members(action_groups(), ALL_GROUP)
    missing = [module for module in module_names() if module not in members]

    assert not missing, 'meta/runtime.yml: module(s) missing from action group "all": %s' % ', '.join(missing)


def test_groups_list_only_existing_modules_of_their_platform():
    groups = action_groups()
    modules = set(module_names())
    problems = []

    for group in sorted(groups):
        for entry in groups[group] or []:
            if isinstance(entry, dict):
                continue

            name = short_name(entry)

            if name not in modules:
                problems.append('%s lists %s, which is not in plugins/modules' % (group, entry))
            elif group in PLATFORM_GROUPS.values() and platform_group(name) != group:
                problems.append('%s lists %s, which belongs to %s' % (group, entry, platform_group(name)))

    assert not problems, 'meta/runtime.yml: ' + '; '.join(problems)
