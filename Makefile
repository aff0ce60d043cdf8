# ncm.platforms: `make demo` and `make test` are the two commands. Each check is a nox session
# (noxfile.py); nox makes and fills the sessions' venvs with uv from the pinned files. All make
# does is put nox itself in .venv-nox, name the Pythons, and say which sessions to run.
#
#   make demo         run playbooks/demo.yml twice against the local emulator (2nd run: changed=0)
#   make test         every check, two sessions at a time, stopping at the first failure (what CI runs)
#   make check TARGETS='faults bad_input' [PYTEST_ARGS='-k sync']
#                     the inner loop: unit tests on ansible-core 2.19, then those integration targets
#   make units PYTEST_ARGS='-k sync'   (or a test file's path): the unit tests alone
#
#   make bench        the benchmark (tests/perf): writes docs/performance.md and .png (BENCH_RUNS=5)
#   make docs         the docs site into docs/build/ (offline): guides, changelog, every module and role
#   make release      release galaxy.yml's version with antsibull-changelog: changelog.yaml and
#                     CHANGELOG.rst written, the fragments taken in removed (a version already
#                     released takes in the fragments added since; RELEASE_DATE=YYYY-MM-DD for a new one)
#   make emulator     serve the emulator in the foreground (EMULATOR_PORT=8080) and print its exports
#   make lock         re-pin every requirements file (uv pip compile) from its direct pins
#
# Any single session: make <session> [ARGS='...'], e.g. make units-2.21 ARGS='-k voss',
# make integration-2.21 ARGS='hcs_admin_user', make sanity-2.19 ARGS='--test pylint';
# .venv-nox/bin/nox -l lists them.  make clean: remove .nox;  make distclean: also .venv-nox

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

# pyenv's root: named by .ci/run (a CI home is empty); else pyenv's own answer
PYENV_ROOT ?= $(shell pyenv root 2>/dev/null)
PY311 ?= $(firstword $(wildcard $(PYENV_ROOT)/versions/3.11.*/bin/python3.11) $(shell command -v python3.11))
export PYENV_ROOT
ifneq ($(CI),)
export ANSIBLE_NOCOLOR=1 ANSIBLE_FORCE_COLOR=0 NO_COLOR=1 PY_COLORS=0
endif

NOX := .venv-nox/bin/nox
# make test: the two longest first, so that the rest fills the other core around them
TEST_SESSIONS := integration-2.19-module integration-2.19 integration-2.21 sanity-2.19 sanity-2.20 sanity-2.21 units-2.19 units-2.20 \
	units-2.21 lint molecule bench-short importer ee docs-lint changelog awx shape
ARGS ?=
PYTEST_ARGS ?=
TARGETS ?=
BENCH_RUNS ?= 5
EMULATOR_PORT ?= 8080
RELEASE_DATE ?=

.PHONY: help test demo check units bench docs release emulator lock clean distclean $(TEST_SESSIONS)

help:
	@sed -n '1,/^$$/p' Makefile | sed 's/^# \{0,1\}//'

$(NOX): tools/requirements/nox.txt
	@test -n "$(PY311)" || { echo "no Python 3.11: install it with pyenv (PYENV_ROOT=$(PYENV_ROOT))" >&2; exit 1; }
	rm -rf .venv-nox && "$(PY311)" -m venv .venv-nox
	.venv-nox/bin/python -m pip install --quiet --disable-pip-version-check -r $<
	touch $@

test: $(NOX)
	$(NOX) -j 2 --allow-parallel -x --report .nox/report.json -s $(TEST_SESSIONS)

demo: $(NOX)
	$(NOX) -s demo

units: $(NOX)
	$(NOX) -s units-2.19 $(if $(PYTEST_ARGS),-- $(PYTEST_ARGS))

check: units
	$(if $(TARGETS),$(NOX) -s integration-2.19 -- $(TARGETS))

bench: $(NOX)
	$(NOX) -s bench -- --runs $(BENCH_RUNS)

docs: $(NOX)
	$(NOX) -s docs

release: $(NOX)
	$(NOX) -s changelog -- --release $(RELEASE_DATE)

emulator: $(NOX)
	$(NOX) -s emulator -- $(EMULATOR_PORT)

$(TEST_SESSIONS): $(NOX)
	$(NOX) -s $@ $(if $(ARGS),-- $(ARGS))

lock: $(NOX)
	@for file in requirements-dev.txt tools/requirements/*.txt; do \
		awk '/^# --- locked/ {exit} {print}' $$file > $$file.in; \
		.venv-nox/bin/uv pip compile --quiet --no-header --no-annotate --python-version $$(case $$file in *py312*) echo 3.12;; *) echo 3.11;; esac) \
			$$file.in | grep -vxFf <(grep -Eo '^[A-Za-z0-9._-]+==[^ ]+' $$file.in) > $$file.lock || true; \
		{ cat $$file.in; echo '# --- locked: every other dependency (make lock writes below) ---'; cat $$file.lock; } > $$file; \
		rm -f $$file.in $$file.lock; \
	done

clean:
	rm -rf .nox docs/build

distclean: clean
	rm -rf .venv-nox
