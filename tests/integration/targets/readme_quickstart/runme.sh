#!/usr/bin/env bash
# The README's quick-start playbooks, run as a new user runs them (issue 23): run_quickstart.py
# takes every YAML block marked "<!-- quickstart: NAME -->" from the collection's README.md and
# runs it twice against the emulator, with the modules' environment variables set as the
# README says; the second run of a module that keeps a state must report changed=0.
set -eu

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

PYTHONPATH=../module_examples "${ANSIBLE_TEST_PYTHON_INTERPRETER:-python3}" run_quickstart.py "$work" "$@"
