# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Render the AWX custom credential types of the AWX guide (docs/docsite/rst/awx.rst) into an
ansible-runner env/envvars.

    python tests/awx/credential_env.py AWX_RST COLLECTIONS_ROOT FILES_DIR ENVVARS_OUT

Reads the "inputs" and "injectors" YAML blocks (``.. code-block:: yaml``) that follow the
``.. awx-credential-type: NAME inputs|injectors`` comments in AWX_RST, fills each type's
inputs from this environment (the variables tools/with-emulator.sh exports), and renders the
injectors the way AWX does (Jinja2 sandbox; a boolean input that is not set is false;
``tower.filename.NAME`` is the file a ``template.NAME`` file injector is written to, in
FILES_DIR). ENVVARS_OUT gets the rendered env of the three types, plus EMULATOR_URL (the demo
reads it) and ANSIBLE_COLLECTIONS_PATH=COLLECTIONS_ROOT (in AWX: the EE has the collection).

Checks, before anything runs: each platform (infraon, scc, voss) has both blocks; each
injected variable is one of the env fallbacks of that platform's ``api`` option
(plugins/module_utils/api_spec.py); the URL and every credential the type asks for are
injected; every input an injector uses is declared, and the required ones are given.
Exit status 1 with the problems listed otherwise.
"""

from __future__ import absolute_import, division, print_function

import json
import os
import re
import sys
import textwrap

import yaml
from jinja2 import meta
from jinja2.sandbox import ImmutableSandboxedEnvironment

from ansible_collections.ncm.platforms.plugins.module_utils import api_spec

__metaclass__ = type

# an rst comment naming the block, then the code block: its indented lines (and blank ones)
MARKER = re.compile(r'^\.\. awx-credential-type: (?P<name>\w+) (?P<part>inputs|injectors)\n\n'
                    r'\.\. code-block:: ya?ml\n\n(?P<body>(?:(?: +\S.*)?\n)+)', re.M)

# platform -> {input id: the variable of this environment that holds its value}
INPUTS_FROM_ENV = {
    'infraon': {'url': 'INFRAON_URL', 'api_key': 'INFRAON_API_KEY'},
    'scc': {'url': 'SCC_URL', 'access_code': 'SCC_ACCESS_CODE'},
    'voss': {'url': 'VOSS_URL', 'username': 'VOSS_USERNAME', 'password': 'VOSS_PASSWORD'},
}


def env_fallbacks():
    """platform -> {api key: env variable}, from the collection's api_spec.py (run with
    COLLECTIONS_ROOT on PYTHONPATH, as run.sh does)."""
    result = {}
    for platform, table in api_spec.PLATFORMS.items():
        result[platform] = dict(
            (key, api_spec.env_name(platform, key)) for key in table['keys'] if api_spec.env_name(platform, key))
    return result


def read_blocks(awx_rst):
    """(type name, 'inputs' | 'injectors') -> the YAML block that follows its marker."""
    with open(awx_rst) as handle:
        text = handle.read()
    return dict(((match.group('name'), match.group('part')), yaml.safe_load(textwrap.dedent(match.group('body'))))
                for match in MARKER.finditer(text))


def input_namespace(platform, inputs, from_env, errors):
    """The namespace AWX renders with: the given inputs, unset booleans false."""
    fields = dict((field['id'], field) for field in inputs.get('fields', []))
    for required in inputs.get('required', []):
        if required not in from_env:
            errors.append('%s: required input %s has no value in this test' % (platform, required))
    namespace = {}
    for field_id, field in fields.items():
        if field_id in from_env:
            namespace[field_id] = os.environ[from_env[field_id]]
        elif field.get('type') == 'boolean':
            namespace[field_id] = False
    for field_id in from_env:
        if field_id not in fields:
            errors.append('%s: the type has no input %s' % (platform, field_id))
    return fields, namespace


def write_files(platform, injectors, namespace, jinja, files_dir):
    """Write each file injector as AWX does; name -> its path (tower.filename.NAME)."""
    filenames = {}
    for key, template in (injectors.get('file') or {}).items():
        name = key.split('.', 1)[1]
        path = os.path.join(files_dir, '%s_%s' % (platform, name))
        with open(path, 'w') as handle:
            handle.write(jinja.from_string(template).render(namespace))
        filenames[name] = path
    return filenames


def check_used_inputs(platform, injectors, fields, jinja, errors):
    used = set()
    for template in list((injectors.get('env') or {}).values()) + list((injectors.get('file') or {}).values()):
        used |= meta.find_undeclared_variables(jinja.parse(template))
    for name in sorted(used - set(fields) - set(['tower'])):
        errors.append('%s: an injector uses %s, which is not an input' % (platform, name))


def render_env(platform, injectors, namespace, jinja, fallbacks, errors):
    """The env injectors rendered, each one an env fallback of the platform's api option."""
    rendered = {}
    wanted = dict((env, key) for key, env in fallbacks.items())
    for env_name, template in sorted((injectors.get('env') or {}).items()):
        if env_name not in wanted:
            errors.append('%s: %s is not an env fallback of the api option (those are: %s)'
                          % (platform, env_name, ', '.join(sorted(wanted))))
            continue
        rendered[env_name] = jinja.from_string(template).render(namespace)
    return rendered


def render_type(platform, inputs, injectors, jinja, fallbacks, files_dir, errors):
    """The env one credential type injects (fallbacks: the env fallbacks of the platform's api
    option), after checking its blocks."""
    from_env = INPUTS_FROM_ENV[platform]
    fields, namespace = input_namespace(platform, inputs, from_env, errors)
    filenames = write_files(platform, injectors, namespace, jinja, files_dir)
    check_used_inputs(platform, injectors, fields, jinja, errors)
    rendered = render_env(platform, injectors, dict(namespace, tower={'filename': filenames}), jinja, fallbacks, errors)
    for field_id in from_env:
        if fallbacks.get(field_id) not in (injectors.get('env') or {}):
            errors.append('%s: the injectors do not set %s' % (platform, fallbacks.get(field_id)))
    return rendered


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    awx_rst, collections_root, files_dir, out = sys.argv[1:]
    errors = []
    blocks = read_blocks(awx_rst)
    fallbacks = env_fallbacks()
    jinja = ImmutableSandboxedEnvironment()
    envvars = {}
    os.makedirs(files_dir, exist_ok=True)
    for platform in sorted(INPUTS_FROM_ENV):
        inputs, injectors = blocks.get((platform, 'inputs')), blocks.get((platform, 'injectors'))
        if not inputs or not injectors:
            errors.append('%s: no inputs or injectors block in %s' % (platform, awx_rst))
            continue
        envvars.update(render_type(platform, inputs, injectors, jinja, fallbacks[platform], files_dir, errors))

    for error in errors:
        print('credential types: ' + error, file=sys.stderr)
    if errors:
        return 1

    envvars['EMULATOR_URL'] = os.environ['EMULATOR_URL']
    envvars['ANSIBLE_COLLECTIONS_PATH'] = collections_root
    with open(out, 'w') as handle:
        json.dump(envvars, handle, indent=2, sort_keys=True)
        handle.write('\n')
    os.chmod(out, 0o600)
    print('credential types of %s rendered (infraon, scc, voss): env/envvars sets %s'
          % (os.path.basename(awx_rst), ' '.join(sorted(envvars))))
    return 0


if __name__ == '__main__':
    sys.exit(main())
