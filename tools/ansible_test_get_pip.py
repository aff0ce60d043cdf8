# -*- coding: utf-8 -*-
# Copyright: ncm.platforms contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Offline stand-in for the get-pip script that ansible-test downloads.

ansible-test bootstraps pip into every venv it creates by running a cached script,
``~/.ansible/test/cache/get_pip_<X_Y>.py``, and downloads that script from a host that
is not reachable from here. noxfile.py (_ansible_test_home) copies this file to that name,
next to the pip wheel of the same version fetched from PyPI with ``pip download``.

Run by ansible-test as ``get_pip_<X_Y>.py [pip options] pip==X.Y --no-setuptools --no-wheel``:
it runs pip from the wheel to install the requested packages into the running Python.
"""

from __future__ import annotations

import glob
import os
import runpy
import sys

DROPPED_ARGS = ('--no-setuptools', '--no-wheel')


def find_wheel():
    """Return the path of the pip wheel that matches this script's name."""
    here = os.path.dirname(os.path.abspath(__file__))
    name = os.path.splitext(os.path.basename(__file__))[0]
    version = name[len('get_pip_'):].replace('_', '.')
    wheels = sorted(glob.glob(os.path.join(here, 'pip-%s-*.whl' % version)))

    if not wheels:
        sys.stderr.write('%s: no pip %s wheel next to it in %s; run the nox session again\n' % (name, version, here))
        sys.exit(1)

    return wheels[0]


def main():
    """Install the packages named on the command line with pip run from its wheel."""
    wheel = find_wheel()
    args = [arg for arg in sys.argv[1:] if arg not in DROPPED_ARGS]
    sys.path.insert(0, wheel)
    # the wheel's folder is the only package source: pip==X.Y installs without a download
    sys.argv = ['pip', 'install', '--no-index', '--find-links', os.path.dirname(wheel)] + args
    runpy.run_module('pip', run_name='__main__', alter_sys=True)


if __name__ == '__main__':
    main()
