# -*- coding: utf-8 -*-
# Copyright: ncm.platforms contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Which secrets tools/scan-secrets.py looks for, and where each is defined.

The emulator's credentials (tests/integration/secret-markers.json, and the integration_config.yml
of the tree, which must hold them), every marker value written under the integration targets and
the Molecule scenarios, the unprefixed values, and the lines of each --secrets file (values a run
made, such as the tokens a server issued). A set that cannot be trusted raises ScanError.
"""

from __future__ import annotations

import json
import os
import re

MARKERS_FILE = os.path.join('tests', 'integration', 'secret-markers.json')
CONFIG_FILE = os.path.join('tests', 'integration', 'integration_config.yml')
SCANNED_TREES = (os.path.join('tests', 'integration', 'targets'), os.path.join('extensions', 'molecule'))
MARKER_CHARS = r'[A-Za-z0-9_+/=&%@~-]'
# integration_config.yml keys: the emulator's secrets, and the user names of HTTP basic auth
CONFIG_SECRETS = {
    'infraon_api_key': ('infraon', 'api_key'),
    'infraon_password': ('infraon', 'password'),
    'scc_access_code': ('scc', 'access_code'),
    'scc_password': ('scc', 'password'),
    'voss_password': ('voss', 'password'),
}
CONFIG_USERS = {
    'infraon_username': ('infraon', 'username'),
    'scc_username': ('scc', 'username'),
    'voss_username': ('voss', 'username'),
}


class ScanError(Exception):
    """The scan cannot be trusted: exit status 2."""


class Secret:
    """One secret value and where it is defined (what a placeholder prints)."""

    def __init__(self, number, value, origin):
        self.number = number
        self.value = value
        self.origin = origin

    def label(self, form):
        return '<secret #%d of %s, %s>' % (self.number, self.origin, form)


def read_markers(tree):
    path = os.path.join(tree, MARKERS_FILE)
    try:
        with open(path, encoding='utf-8') as handle:
            markers = json.load(handle)
    except (OSError, ValueError) as exc:
        raise ScanError('cannot read %s: %s' % (path, exc))
    prefix = markers.get('prefix')
    if not isinstance(prefix, str) or len(prefix) < 6:
        raise ScanError('%s: "prefix" must be a text of at least 6 characters' % path)
    return markers


def read_config(tree):
    """The top-level `key: value` lines of integration_config.yml (plain or quoted scalars)."""
    path = os.path.join(tree, CONFIG_FILE)
    values = {}
    try:
        with open(path, encoding='utf-8') as handle:
            lines = handle.read().splitlines()
    except OSError as exc:
        raise ScanError('cannot read %s (written by tools/with-emulator.sh): %s' % (path, exc))
    for line in lines:
        match = re.match(r'^([a-z_]+):\s*(.*?)\s*$', line)
        if not match:
            continue
        value = match.group(2)
        if len(value) >= 2 and value[0] == value[-1] == "'":
            value = value[1:-1].replace("''", "'")
        elif len(value) >= 2 and value[0] == value[-1] == '"':
            value = json.loads(value)
        values[match.group(1)] = value
    return values


def text_files(root):
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(name for name in dirs if name not in ('__pycache__', '.molecule', '.ansible'))
        for name in sorted(files):
            yield os.path.join(folder, name)


def _emulator_secrets(markers, add):
    """The emulator's credentials from secret-markers.json: each must be a marker value."""
    emulator = markers.get('emulator') or {}
    for vendor, field in CONFIG_SECRETS.values():
        value = (emulator.get(vendor) or {}).get(field)
        if not isinstance(value, str) or markers['prefix'] not in value:
            raise ScanError('%s: emulator.%s.%s must be a marker value (holding %s)'
                            % (MARKERS_FILE, vendor, field, markers['prefix']))
        add(value, '%s emulator.%s.%s' % (MARKERS_FILE, vendor, field))
    return emulator


def _checked_users(tree, emulator):
    """The user names of HTTP basic auth, once integration_config.yml holds the marker credentials."""
    config = read_config(tree)
    for key, (vendor, field) in CONFIG_SECRETS.items():
        if config.get(key) != emulator[vendor][field]:
            raise ScanError('%s: %s is not the marker value of %s (emulator.%s.%s): run the tests through '
                            'tools/with-emulator.sh with NCM_SECRET_MARKERS=%s'
                            % (CONFIG_FILE, key, MARKERS_FILE, vendor, field, MARKERS_FILE))
    given = set(value for key, value in config.items() if key in CONFIG_USERS and value)
    known = set((emulator.get(vendor) or {}).get(field) or '' for vendor, field in CONFIG_USERS.values())
    return sorted((given | known) - {''})


def _unprefixed(markers, add):
    for value in markers.get('unprefixed') or []:
        if not isinstance(value, str) or len(value) < 5:
            raise ScanError('%s: every "unprefixed" value must be a text of at least 5 characters' % MARKERS_FILE)
        add(value, '%s unprefixed' % MARKERS_FILE)


def _read_text(path):
    try:
        with open(path, encoding='utf-8') as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError):
        return None


def _marker_values(tree, prefix, add):
    """Every marker value written in the targets and the Molecule scenarios."""
    pattern = re.compile(re.escape(prefix) + MARKER_CHARS + '*')
    for scanned in SCANNED_TREES:
        for path in text_files(os.path.join(tree, scanned)):
            text = _read_text(path)
            for match in pattern.finditer(text or ''):
                value = match.group(0).rstrip('-')
                if len(value) >= len(prefix) + 3:
                    line = text.count('\n', 0, match.start()) + 1
                    add(value, '%s:%d' % (os.path.relpath(path, tree), line))


def _run_values(run_files, add):
    """The values a run made, one a line of each --secrets file (which must hold at least one)."""
    for path in run_files:
        text = _read_text(path)
        if text is None:
            raise ScanError('cannot read the --secrets file %s' % path)
        values = [line.strip() for line in text.splitlines() if line.strip()]
        if not values:
            raise ScanError('the --secrets file %s names no secret' % path)
        for number, value in enumerate(values, 1):
            add(value, '%s:%d' % (path, number))


def collect(tree, markers, run_files=()):
    """Return (secrets, user names); raises ScanError when the set cannot be trusted."""
    found = {}   # value -> origin

    def add(value, origin):
        if value and value not in found:
            found[value] = origin

    emulator = _emulator_secrets(markers, add)
    users = _checked_users(tree, emulator)
    _unprefixed(markers, add)
    _marker_values(tree, markers['prefix'], add)
    _run_values(run_files, add)
    ordered = sorted(found.items(), key=lambda item: item[1])
    secrets = [Secret(number, value, origin) for number, (value, origin) in enumerate(ordered, 1)]
    wanted = int(markers.get('min_secrets', 0))
    if len(secrets) < wanted:
        raise ScanError('only %d secrets found (%s expects at least %d): are the targets still using marker values?'
                        % (len(secrets), MARKERS_FILE, wanted))
    return secrets, users
