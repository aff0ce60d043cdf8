# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Check two ansible-runner jobs of the demo the way AWX would show them.

    python tests/awx/check_job_events.py PRIVATE_DATA_DIR FIRST_ID SECOND_ID PLAYBOOK_DIR

* both jobs succeeded: artifacts/<id>/status is "successful", artifacts/<id>/rc is 0, and
  the playbook_on_stats event has no failures and no unreachable host;
* the first job changed something (so the second's changed=0 proves idempotence), the second
  has changed=0 for every host (its playbook_on_stats event);
* no secret is in a job's stdout (artifacts/<id>/stdout) or job events
  (artifacts/<id>/job_events/*.json): the values of INFRAON_API_KEY, SCC_ACCESS_CODE and
  VOSS_PASSWORD from the environment, and the demo's own secrets (the defaults of the
  *PASSWORD* / *API_KEY* / *ACCESS_CODE* env lookups in the playbooks, e.g. the device and admin
  passwords), also base64-, URL- and JSON-encoded, and VOSS's basic-auth header value.
  Runner's own record of the job's environment (artifacts/<id>/command, env/envvars) holds
  them by design; the check lists those files, it does not fail on them.

Secrets are named, never printed. Exit status: 0 when every check passes, 1 otherwise.
"""

from __future__ import absolute_import, division, print_function

import base64
import glob
import json
import os
import re
import sys

from urllib.parse import quote, quote_plus

__metaclass__ = type

ENV_SECRETS = ('INFRAON_API_KEY', 'SCC_ACCESS_CODE', 'VOSS_PASSWORD')
# lookup('ansible.builtin.env', 'DEMO_DEVICE_PASSWORD') | default('Demo-Device-Pass-01', true)
DEFAULT_SECRET = re.compile(
    r"""lookup\(\s*['"](?:ansible\.builtin\.)?env['"]\s*,\s*['"](?P<name>\w*(?:PASSWORD|API_KEY|ACCESS_CODE|TOKEN|SECRET)\w*)['"]\s*\)"""
    r"""\s*\|\s*default\(\s*['"](?P<value>[^'"]+)['"]""")
# the demo's secrets that must be found, so that the check can never become vacuous
REQUIRED_DEFAULTS = ('DEMO_DEVICE_PASSWORD', 'DEMO_ADMIN_PASSWORD')


def read_json(path):
    with open(path) as handle:
        return json.load(handle)


def read_text(path):
    with open(path, 'rb') as handle:
        return handle.read().decode('utf-8', 'replace')


def secret_forms(value):
    """The plain value and the encoded forms a leak could take."""
    forms = set([value, quote(value, safe=''), quote_plus(value), json.dumps(value)[1:-1],
                 base64.b64encode(value.encode('utf-8')).decode('ascii')])
    return set(form for form in forms if len(form) >= 4)


def collect_secrets(playbook_dir, errors):
    """name -> set of forms."""
    secrets = {}

    for name in ENV_SECRETS:
        value = os.environ.get(name)
        if value:
            secrets[name] = secret_forms(value)
        else:
            errors.append('%s is not set: run under tools/with-emulator.sh' % name)

    found = set()
    for path in sorted(glob.glob(os.path.join(playbook_dir, '*.yml')) + glob.glob(os.path.join(playbook_dir, '*.yaml'))):
        for match in DEFAULT_SECRET.finditer(read_text(path)):
            name = 'default of %s in %s' % (match.group('name'), os.path.basename(path))
            secrets.setdefault(name, set()).update(secret_forms(match.group('value')))
            found.add(match.group('name'))

    for name in REQUIRED_DEFAULTS:
        if name not in found:
            errors.append('no default value for %s found in the playbooks: the secret check would miss it' % name)

    user, password = os.environ.get('VOSS_USERNAME'), os.environ.get('VOSS_PASSWORD')
    if user and password:
        basic = base64.b64encode(('%s:%s' % (user, password)).encode('utf-8')).decode('ascii')
        secrets['VOSS basic-auth header value'] = set([basic])

    return secrets


def leaks(text, secrets):
    return sorted(name for name, forms in secrets.items() if any(form in text for form in forms))


def read_first_line(path):
    """The stripped text of a one-line artifact (status, rc), or '(none)' when runner wrote none."""
    return read_text(path).strip() if os.path.exists(path) else '(none)'


def check_events(ident, events, secrets, errors):
    """Look for secrets in every job event; return (playbook_on_stats event data or None, event names)."""
    stats = None
    names = set()
    for path in events:
        text = read_text(path)
        event = json.loads(text)
        names.add(event.get('event'))
        if event.get('event') == 'playbook_on_stats':
            stats = event.get('event_data', {})
        for name in leaks(text, secrets):
            errors.append('%s: the secret "%s" is in job event %s (%s)' % (ident, name, os.path.basename(path), event.get('event')))
    return stats, names


def check_stdout(artifacts, ident, secrets, errors):
    stdout_path = os.path.join(artifacts, 'stdout')
    if not os.path.exists(stdout_path):
        errors.append('%s: no artifacts/%s/stdout' % (ident, ident))
        return
    for name in leaks(read_text(stdout_path), secrets):
        errors.append('%s: the secret "%s" is in the job stdout (artifacts/%s/stdout)' % (ident, name, ident))


def note_environment_records(artifacts, ident, secrets, notes):
    """runner's own record of the job's environment: secrets there by design (not a failure)."""
    for path in sorted(glob.glob(os.path.join(artifacts, '*'))):
        if os.path.isfile(path) and os.path.basename(path) != 'stdout':
            found = leaks(read_text(path), secrets)
            if found:
                notes.append('%s: artifacts/%s/%s holds %s (runner\'s record of the environment, by design)'
                             % (ident, ident, os.path.basename(path), ', '.join(found)))


def check_job(pdd, ident, secrets, errors, notes):
    """Check one job; return its playbook_on_stats event data (or None)."""
    artifacts = os.path.join(pdd, 'artifacts', ident)
    if not os.path.isdir(artifacts):
        errors.append('%s: no artifacts folder %s' % (ident, artifacts))
        return None

    status = read_first_line(os.path.join(artifacts, 'status'))
    rc = read_first_line(os.path.join(artifacts, 'rc'))
    if status != 'successful' or rc != '0':
        errors.append('%s: status %s, rc %s (want successful, 0)' % (ident, status, rc))

    events = sorted(glob.glob(os.path.join(artifacts, 'job_events', '*.json')))
    if not events:
        errors.append('%s: no job events' % ident)
    stats, names = check_events(ident, events, secrets, errors)
    check_stdout(artifacts, ident, secrets, errors)
    note_environment_records(artifacts, ident, secrets, notes)

    if stats is None:
        errors.append('%s: no playbook_on_stats event' % ident)
        return None
    for key in ('failures', 'dark'):
        if stats.get(key):
            errors.append('%s: playbook_on_stats %s: %s' % (ident, key, json.dumps(stats.get(key), sort_keys=True)))
    print('%s: status %s, rc %s, %d job events (%s), stats: ok=%s changed=%s' % (
        ident, status, rc, len(events), ', '.join(sorted(n for n in names if n)),
        json.dumps(stats.get('ok', {}), sort_keys=True), json.dumps(stats.get('changed', {}), sort_keys=True)))
    return stats


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    pdd, first, second, playbook_dir = sys.argv[1:]
    errors, notes = [], []

    secrets = collect_secrets(playbook_dir, errors)
    print('secrets looked for (names only): %s' % ', '.join(sorted(secrets)))

    stats1 = check_job(pdd, first, secrets, errors, notes)
    stats2 = check_job(pdd, second, secrets, errors, notes)

    if stats1 is not None and not any(stats1.get('changed', {}).values()):
        errors.append('%s: the first job changed nothing: was the emulator fresh?' % first)
    if stats2 is not None:
        if not stats2.get('ok'):
            errors.append('%s: playbook_on_stats lists no host' % second)
        changed = dict((host, count) for host, count in stats2.get('changed', {}).items() if count)
        if changed:
            errors.append('%s: the second job must report changed=0 for every host: %s' % (second, json.dumps(changed, sort_keys=True)))

    for note in notes:
        print('note: ' + note)
    for error in errors:
        print('FAILED: ' + error, file=sys.stderr)
    if errors:
        return 1
    print('awx-style run: both jobs successful, the second with changed=0 on every host, no secret in stdout or job events')
    return 0


if __name__ == '__main__':
    sys.exit(main())
