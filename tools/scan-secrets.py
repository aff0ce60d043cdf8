# -*- coding: utf-8 -*-
# Copyright: ncm.platforms contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Fail when a secret of the tests shows up in captured output (issue 14, "Secrets everywhere").

    python3 tools/scan-secrets.py [--require TEXT]... [--secrets FILE]... TREE LOG_OR_DIR [LOG_OR_DIR...]
    python3 tools/scan-secrets.py --redact TREE <LINES      (what the console may show of a log)
    python3 tools/scan-secrets.py --self-test

The marker scheme (tests/integration/README.md, "Secrets are markers"): every secret the
integration targets and the Molecule scenarios use is a marker value, the prefix NCMSECRET and
a unique part (``NCMSECRET-<target>-<what>``, characters ``A-Z a-z 0-9 _ + / = & % @ ~ -``).
tests/integration/secret-markers.json holds the prefix, the emulator's credentials (which
tools/with-emulator.sh gives the emulator and writes to integration_config.yml when
NCM_SECRET_MARKERS names that file), the few values that cannot carry the prefix (a password
too short on purpose), and how many secrets a scan must know at least.

The secrets scanned for: the emulator's credentials (secret-markers.json and the
integration_config.yml of TREE, which must hold them), every marker value written anywhere
under TREE/tests/integration/targets and TREE/extensions/molecule, the unprefixed values, and
the lines of each --secrets FILE (values a run made, e.g. the tokens a server issued):
tools/known_secrets.py reads them. Each in these forms: verbatim; base64 (standard and URL-safe
alphabets, at each of the three byte alignments, so that it is found inside a longer encoded
text such as ``user:password`` of HTTP basic auth; and base64 of ``user:password`` for every
known user name); hexadecimal; percent-encoded (``quote``, ``quote_plus``, lower-case hex
digits); JSON-escaped (once, twice, ASCII-only) and Python ``ascii()``; and the bare prefix in
any letter case, in base64 and in hexadecimal, which also catches a marker this scan was not
told about.

ANSI colour codes are removed before the search (they could split a secret). A hit prints
FILE:LINE with every secret replaced by a placeholder naming where the secret is defined
(never the secret itself); the exit status is then 1. The scan also fails (status 2)
when a log is missing, when the logs hold nothing at all, when integration_config.yml does not
hold the marker credentials, when fewer secrets are known than secret-markers.json expects,
when a --secrets FILE holds none, or when a --require text (e.g.
VALUE_SPECIFIED_IN_NO_LOG_PARAMETER: the run was verbose and handled secrets) appears in no
log. A directory is scanned file by file (recursively).
"""

from __future__ import annotations

import argparse
import base64
import bisect
import io
import json
import os
import re
import sys
import tempfile
from urllib.parse import quote, quote_plus

from known_secrets import CONFIG_FILE, CONFIG_SECRETS, CONFIG_USERS, MARKERS_FILE, ScanError, collect, read_markers, text_files

ANSI_ESCAPE = re.compile(rb'\x1b\[[0-9;?]*[A-Za-z]')
MIN_FORM = 6        # shorter encoded fragments are not searched (too likely by chance)
MAX_HITS = 40       # hit lines printed
EXCERPT = 240       # characters of a hit line printed


def b64_cores(data):
    """Base64 texts that appear whenever `data` is base64-encoded inside a longer byte string."""
    cores = set()
    for shift in range(3):
        for encode in (base64.b64encode, base64.urlsafe_b64encode):
            text = encode(b'\0' * shift + data + b'\0\0').decode('ascii')
            first = -(-8 * shift // 6)                     # first character made of data bits only
            last = (8 * (shift + len(data))) // 6          # characters before it hold data bits only
            core = text[first:last]
            if len(core) >= MIN_FORM:
                cores.add(core)
    return cores


def forms(secret, users):
    """(name, bytes, case-insensitive) of every form of one secret."""
    value = secret.value
    data = value.encode('utf-8')
    found = {}

    def add(name, text, nocase=False):
        raw = text if isinstance(text, bytes) else text.encode('utf-8')
        key = raw.lower() if nocase else raw
        if len(raw) >= min(MIN_FORM, len(data)) and key not in found:
            found[key] = (name, nocase)

    add('verbatim', value)
    for name, text in (('percent-encoded', quote(value, safe='')), ('percent-encoded', quote(value)),
                       ('form-encoded', quote_plus(value)), ('JSON-escaped', json.dumps(value)[1:-1]),
                       ('JSON-escaped', json.dumps(value, ensure_ascii=False)[1:-1]),
                       ('JSON-escaped twice', json.dumps(json.dumps(value)[1:-1])[1:-1]),
                       ('Python-escaped', ascii(value)[1:-1])):
        add(name, text)
        add(name, re.sub(r'%[0-9A-F]{2}', lambda match: match.group(0).lower(), text))
    add('hexadecimal', data.hex(), nocase=True)
    for core in b64_cores(data):
        add('base64', core)
    for user in users:
        pair = ('%s:%s' % (user, value)).encode('utf-8')
        add('base64 of %s:password' % user, base64.b64encode(pair))
        add('base64 of %s:password' % user, base64.b64encode(pair).rstrip(b'='))
    return [(text, name, nocase) for text, (name, nocase) in found.items()]


def prefix_forms(prefix):
    data = prefix.encode('utf-8')
    found = {data.lower(): 'marker prefix', data.hex().encode('ascii'): 'marker prefix, hexadecimal'}
    result = [(text, name, True) for text, name in found.items()]
    result += [(core.encode('ascii'), 'marker prefix, base64', False) for core in sorted(b64_cores(data))]
    return result


def log_files(paths):
    files = []
    for path in paths:
        if os.path.isdir(path):
            files.extend(text_files(path))
        elif os.path.isfile(path):
            files.append(path)
        else:
            raise ScanError('no log at %s' % path)
    return files


def redact(line, patterns, excerpt=EXCERPT):
    """The line with every secret form replaced by its placeholder, shortened to ``excerpt``."""
    lowered = line.lower()
    spans = []
    for text, label, nocase in patterns:
        haystack = lowered if nocase else line
        start = haystack.find(text)
        while start >= 0:
            spans.append((start, start + len(text), label))
            start = haystack.find(text, start + 1)
    spans.sort(key=lambda span: (span[0], -span[1]))
    out, position, first = [], 0, None
    for start, end, label in spans:
        if start < position:        # inside a longer span already replaced
            position = max(position, end)
            continue
        out.append(line[position:start].decode('utf-8', 'replace'))
        out.append(label)
        first = len(''.join(out)) if first is None else first
        position = end
    out.append(line[position:].decode('utf-8', 'replace'))
    text = ''.join(out).rstrip('\r\n')
    if excerpt and len(text) > excerpt:
        begin = max(0, (first or 0) - excerpt // 3)
        text = ('...' if begin else '') + text[begin:begin + excerpt] + '...'
    return text


def all_patterns(tree, run_files=()):
    """(bytes, placeholder, case-insensitive) of every form of every secret, and the secrets."""
    markers = read_markers(tree)
    secrets, users = collect(tree, markers, run_files)
    patterns = []
    for secret in secrets:
        patterns += [(text, secret.label(name), nocase) for text, name, nocase in forms(secret, users)]
    patterns += [(text, '<%s>' % name, nocase) for text, name, nocase in prefix_forms(markers['prefix'])]
    return patterns, secrets


def redact_stream(tree, source, target):
    """Copy lines, every secret replaced by its placeholder (what the console may show of a log)."""
    try:
        patterns = all_patterns(tree)[0]
    except ScanError as exc:
        target.write('scan-secrets: the lines below are not redacted: %s\n' % exc)
        target.flush()
        patterns = []
    for line in source:
        target.write(redact(ANSI_ESCAPE.sub(b'', line), patterns, excerpt=0) + '\n')
        target.flush()
    return 0


def scan(tree, paths, require=(), run_files=()):
    """Return (report lines, hit count, summary); raises ScanError."""
    patterns, secrets = all_patterns(tree, run_files)
    files = log_files(paths)
    total_bytes = total_lines = 0
    hits = {}       # (file, line number) -> line
    missing = list(require)
    for path in files:
        with open(path, 'rb') as handle:
            content = ANSI_ESCAPE.sub(b'', handle.read())   # colour codes could split a secret
        total_bytes += len(content)
        total_lines += content.count(b'\n') + (1 if content and not content.endswith(b'\n') else 0)
        missing = [text for text in missing if text.encode('utf-8') not in content]
        lowered = content.lower()
        newlines = None
        for text, _label, nocase in patterns:
            haystack = lowered if nocase else content
            start = haystack.find(text)
            while start >= 0:
                if newlines is None:
                    newlines = [match.start() for match in re.finditer(b'\n', content)]
                number = bisect.bisect_left(newlines, start)
                begin = newlines[number - 1] + 1 if number else 0
                end = newlines[number] if number < len(newlines) else len(content)
                hits.setdefault((path, number + 1), content[begin:end])
                start = haystack.find(text, end)
    if total_bytes == 0:
        raise ScanError('the logs are empty: nothing was scanned (%s)' % ', '.join(paths))
    if missing:
        raise ScanError('no log holds %s: the run did not print what a scan needs (verbosity -vvvv? secrets handled?)'
                        % ', '.join(repr(text) for text in missing))
    report = []
    for (path, number), line in sorted(hits.items())[:MAX_HITS]:
        report.append('%s:%d: %s' % (path, number, redact(line, patterns)))
    if len(hits) > MAX_HITS:
        report.append('... and %d more line(s)' % (len(hits) - MAX_HITS))
    summary = 'scanned %d lines in %d file(s), %d secrets (%d forms), %d hit(s)' % (
        total_lines, len(files), len(secrets), len(patterns), len(hits))
    return report, len(hits), summary


def write_self_test_tree(tree):
    """A collection tree with secrets of every kind: secret-markers.json, integration_config.yml,
    a target's marker value and a file of values a run made; the secrets by name."""
    prefix = 'NCMSECRET'
    emulator = {'infraon': {'api_key': prefix + '-key+Hq/7', 'username': 'emulator', 'password': prefix + '-ipw&Tw%'},
                'scc': {'access_code': prefix + '-code+4/=', 'username': 'admin', 'password': prefix + '-spw@Zm&'},
                'voss': {'username': 'hcsadmin@sys.hcs', 'password': prefix + '-vpw/Jc+%'}}
    known = {'prefix': prefix, 'target': prefix + '-selftest-device-Kq2', 'short': 'sh0rt-\u00e4',
             'password': emulator['voss']['password'], 'access_code': emulator['scc']['access_code'],
             'run': 'rt0k3n-Xq9vB2mLw', 'run_file': os.path.join(tree, 'run-secrets.txt')}
    os.makedirs(os.path.join(tree, 'tests', 'integration', 'targets', 't', 'defaults'))
    os.makedirs(os.path.join(tree, 'extensions', 'molecule'))
    with open(os.path.join(tree, MARKERS_FILE), 'w', encoding='utf-8') as handle:
        json.dump({'prefix': prefix, 'min_secrets': 7, 'emulator': emulator, 'unprefixed': [known['short']]}, handle)
    with open(os.path.join(tree, CONFIG_FILE), 'w', encoding='utf-8') as handle:
        handle.write('emulator_url: http://127.0.0.1:1\n')
        for key, (vendor, field) in list(CONFIG_SECRETS.items()) + list(CONFIG_USERS.items()):
            handle.write('%s: %s\n' % (key, emulator[vendor][field]))
    with open(os.path.join(tree, 'tests', 'integration', 'targets', 't', 'defaults', 'main.yml'), 'w') as handle:
        handle.write('---\nt_secret: "%s"\n' % known['target'])
    with open(known['run_file'], 'w', encoding='utf-8') as handle:
        handle.write('\n%s\n' % known['run'])
    return known


def planted_lines(known):
    """what -> a log line that holds a secret in that form."""
    target, short, password, access_code = known['target'], known['short'], known['password'], known['access_code']
    return {
        'verbatim': 'msg: cannot store %s' % target,
        'short': 'msg: %s' % short,
        'prefix only': 'a %s-that-nobody-listed' % known['prefix'].lower(),
        'basic auth': 'Authorization: Basic %s' % base64.b64encode(('hcsadmin@sys.hcs:' + password).encode()).decode(),
        'base64 inside': 'blob %s' % base64.b64encode(b'{"k": "%s"}' % target.encode()).decode(),
        'url-safe base64': 'blob %s' % base64.urlsafe_b64encode(b'xy' + access_code.encode()).decode(),
        'percent-encoded': 'body: grant_type=access_code&assertion=%s' % quote_plus(access_code),
        'percent-encoded, short': 'url ?p=%s' % quote(short, safe='').lower(),
        'JSON-escaped, short': json.dumps({'password': short}),
        'hexadecimal, short': 'dump %s' % short.encode().hex().upper(),
        'base64, short': 'blob %s' % base64.b64encode(b'user:' + short.encode()).decode(),
        'coloured, short': 'msg: \x1b[0;31m%s\x1b[0m%s' % (short[:3], short[3:]),
        'made by the run': 'Authorization: Bearer %s' % known['run'],
    }


def check_planted(tree, known, planted):
    """Each planted line is the one hit of its log, printed without the secret; the console's
    redaction (which knows the markers, not a run's values) hides every marker."""
    markers = [known[name] for name in ('target', 'short', 'password', 'access_code', 'prefix')]
    log = os.path.join(tree, 'leak.log')
    for what, line in planted.items():
        with open(log, 'w', encoding='utf-8') as handle:
            handle.write('first line\n%s\nlast line\n' % line)
        report, count, _summary = scan(tree, [log], run_files=[known['run_file']])
        assert count == 1, (what, report)
        assert report[0].startswith(log + ':2: '), (what, report)
        for secret in markers + [known['run']]:
            assert secret.lower() not in report[0].lower(), (what, report)
    lines = ['%s\n' % line for line in planted.values()]
    redacted = io.StringIO()
    redact_stream(tree, io.BytesIO(''.join(lines).encode('utf-8')), redacted)
    assert len(redacted.getvalue().splitlines()) == len(lines), redacted.getvalue()
    for secret in markers:
        assert secret.lower() not in redacted.getvalue().lower(), redacted.getvalue()


def check_untrusted(tree, known, clean):
    """A scan that cannot be trusted fails: an empty log, an empty --secrets file, too few secrets."""
    cases = ((lambda: open(known['run_file'], 'w').close(), [known['run_file']], 'names no secret'),
             (lambda: open(clean, 'w').close(), [], 'empty'),
             (lambda: os.remove(os.path.join(tree, 'tests', 'integration', 'targets', 't', 'defaults', 'main.yml')),
              [], 'only 6 secrets'))
    for broken, run_files, message in cases:
        broken()
        try:
            scan(tree, [clean], run_files=run_files)
        except ScanError as exc:
            assert message in str(exc), (message, str(exc))
        else:
            raise AssertionError('the scan passed: %s' % message)


def self_test():
    """Plant every form of a secret in a log and check that each is found, and a clean log passes."""
    with tempfile.TemporaryDirectory() as tree:
        known = write_self_test_tree(tree)
        clean = os.path.join(tree, 'clean.log')
        with open(clean, 'w') as handle:
            handle.write('ok: [testhost] => {"api_key": "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER", "dpassword": "********"}\n')
        report, count, _summary = scan(tree, [clean], require=['VALUE_SPECIFIED_IN_NO_LOG_PARAMETER'],
                                       run_files=[known['run_file']])
        assert count == 0, report
        planted = planted_lines(known)
        check_planted(tree, known, planted)
        check_untrusted(tree, known, clean)
    print('scan-secrets self-test: %d planted forms found and redacted, a clean log passed, an empty log, an empty'
          ' --secrets file and too few secrets failed' % len(planted))
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n', 1)[0])
    parser.add_argument('--self-test', action='store_true', help='check the scanner itself and exit')
    parser.add_argument('--redact', action='store_true',
                        help='copy standard input to standard output, every secret replaced by a placeholder')
    parser.add_argument('--require', action='append', default=[], metavar='TEXT',
                        help='fail unless some log holds TEXT (proof that the run printed what is scanned)')
    parser.add_argument('--secrets', action='append', default=[], metavar='FILE',
                        help='more secrets, one a line: values the run made (e.g. the tokens a server issued)')
    parser.add_argument('tree', nargs='?', help='the collection tree (where tests/integration/integration_config.yml is)')
    parser.add_argument('logs', nargs='*', help='log files or folders of them')
    options = parser.parse_args(argv)
    if options.self_test:
        return self_test()
    if options.redact and options.tree and not options.logs:
        return redact_stream(options.tree, sys.stdin.buffer, sys.stdout)
    if not options.tree or not options.logs:
        parser.error('give the collection tree and at least one log (or --redact and the tree)')
    try:
        report, count, summary = scan(options.tree, options.logs, options.require, options.secrets)
    except ScanError as exc:
        print('scan-secrets: FAILED: %s' % exc, file=sys.stderr)
        return 2
    if count:
        print('scan-secrets: FAILED: a secret of the tests is in the output (placeholders below, never the secret):',
              file=sys.stderr)
        for line in report:
            print('  ' + line, file=sys.stderr)
        print('scan-secrets: %s' % summary, file=sys.stderr)
        return 1
    print('scan-secrets: %s' % summary)
    return 0


if __name__ == '__main__':
    sys.exit(main())
