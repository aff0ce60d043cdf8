# ncm.platforms: `make demo` and `make test` are the two commands; everything they need
# (virtual environments, the collection tree, ansible-test's offline pip bootstrap) is made here.
#
#   make demo         run playbooks/demo.yml twice against the local emulator (2nd run: changed=0)
#   make test         every check, in order, stopping at the first failure (what CI runs)
#
#   make bench        the benchmark (tests/perf): writes docs/performance.md and .png (BENCH_RUNS=5)
#   make docs         the HTML docs of every module and role into docs/build/ (offline)
#   make awx          playbooks/demo.yml twice through ansible-runner, credentials as AWX injects them
#   make emulator     serve the emulator in the foreground (EMULATOR_PORT=8080) and print its exports
#
# Single stages for development (each builds what it needs first):
#   make venv tree sanity sanity-2.19 sanity-2.20 sanity-2.21 units units-2.20 units-2.21
#   make integration integration-2.19 integration-2.21 bench-short lint
#   make molecule importer ee docs-lint changelog
#   make clean        remove the build folder (.build);  make distclean  also the venvs

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

TOP := $(CURDIR)

# pyenv: its own idea of the root, else ~/.pyenv (found once, passed on to sub-makes)
ifeq ($(origin PYENV_ROOT),undefined)
PYENV_ROOT := $(shell (command -v pyenv >/dev/null 2>&1 && pyenv root) || echo "$(HOME)/.pyenv")
endif
# Python 3.11 for the main venv (falls back to python3); 3.12 (else 3.13) for ansible-core 2.20
# and 2.21: without one, their stages are skipped locally and fail under CI=true
ifeq ($(origin PY311),undefined)
PY311 := $(shell tools/find-python.sh 3.11 "$(PYENV_ROOT)" || command -v python3)
endif
ifeq ($(origin PY312),undefined)
PY312 := $(shell tools/find-python.sh 3.12 "$(PYENV_ROOT)" || tools/find-python.sh 3.13 "$(PYENV_ROOT)" || true)
endif
export PYENV_ROOT PY311 PY312

VENV := $(TOP)/.venv
VENV_220 := $(TOP)/.venv-2.20
VENV_221 := $(TOP)/.venv-2.21
VENV_IMPORTER := $(TOP)/.venv-importer
VENV_DOCS := $(TOP)/.venv-docs
VENV_RUNNER := $(TOP)/.venv-runner
BUILD := $(TOP)/.build
TREE := $(BUILD)/ansible_collections/ncm/platforms
PYDIR := $(BUILD)/python
TIMES := $(BUILD)/stage-times.txt
STAGE := $(TOP)/tools/stage.sh $(TIMES)
# stages side by side (2 cores, most stages use one): each lane its own BUILD folder
LANE := $(BUILD)/lane
SIDE_BY_SIDE := $(TOP)/tools/side-by-side.sh $(TIMES) $(BUILD)/logs

# extra arguments, e.g. make sanity SANITY_ARGS='--test pylint'
SANITY_ARGS ?=
PYTEST_ARGS ?=
INTEGRATION_ARGS ?=
BENCH_RUNS ?= 5
EMULATOR_PORT ?= 8080

export ANSIBLE_COLLECTIONS_PATH := $(BUILD)
ifneq ($(CI),)
export ANSIBLE_NOCOLOR := 1
export ANSIBLE_FORCE_COLOR := 0
export NO_COLOR := 1
export PY_COLORS := 0
endif
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: help test demo venv venv311 venv-2.20 venv-2.21 venv-importer venv-docs venv-runner tree interpreters \
	ansible-test-cache sanity sanity-2.19 sanity-2.20 sanity-2.21 units units-2.20 units-2.21 \
	integration integration-2.19 integration-2.21 bench bench-short lint \
	molecule importer ee docs docs-lint changelog awx emulator clean distclean

help:
	@sed -n '1,/^$$/p' Makefile | sed 's/^# \{0,1\}//'

# ---------------------------------------------------------------------------------------------
# make test: the stages in order; the first failure stops it

test:
	@rm -f $(TIMES)
	@$(STAGE) "1 venvs" -- $(MAKE) venv ansible-test-cache
	@$(STAGE) "2 collection tree" -- $(MAKE) tree
	@$(SIDE_BY_SIDE) \
		"3a sanity (ansible-core 2.19), lint" "$(MAKE) sanity-2.19 BUILD=$(LANE)/a; $(MAKE) lint BUILD=$(LANE)/a" \
		"3b sanity (2.20, then 2.21)" "$(MAKE) sanity-2.20 BUILD=$(LANE)/b; $(MAKE) sanity-2.21 BUILD=$(LANE)/b"
	@$(SIDE_BY_SIDE) \
		"4a unit tests (2.19, emulator)" "$(MAKE) units BUILD=$(LANE)/a" \
		"4b unit tests (2.20, 2.21)" "$(MAKE) units-2.20 BUILD=$(LANE)/b; $(MAKE) units-2.21 BUILD=$(LANE)/b"
	@$(SIDE_BY_SIDE) \
		"5a integration (2.19)" "$(MAKE) integration-2.19 BUILD=$(LANE)/a" \
		"5b integration (2.21)" "$(MAKE) integration-2.21 BUILD=$(LANE)/b"
	@$(SIDE_BY_SIDE) \
		"6a bench short, molecule" "$(MAKE) bench-short BUILD=$(LANE)/a; $(MAKE) molecule BUILD=$(LANE)/a" \
		"6b importer, EE, docs, changelog, AWX-style run" "$(MAKE) importer BUILD=$(LANE)/b; $(MAKE) ee BUILD=$(LANE)/b; \
			$(MAKE) docs-lint BUILD=$(LANE)/b; $(MAKE) changelog BUILD=$(LANE)/b; $(MAKE) awx BUILD=$(LANE)/b"
	@printf '\n===== make test: all stages passed =====\n'; cat $(TIMES)

# ---------------------------------------------------------------------------------------------
# 1. virtual environments (reinstalled only when the pinned file or the interpreter changes)

venv: venv311 venv-2.20 venv-2.21 venv-docs venv-runner

venv311:
	@tools/venv.sh $(VENV) "$(PY311)" requirements-dev.txt

# ansible-core 2.20 and 2.21 (Python 3.12): sanity, unit tests; 2.21 also the integration tests
venv-2.20 venv-2.21: venv-%:
	@if [ -n "$(PY312)" ]; then \
		tools/venv.sh $(TOP)/.venv-$* "$(PY312)" tools/requirements/sanity-units-py312-$*.txt; \
	else \
		echo "no Python 3.12 or 3.13 interpreter: not creating $(TOP)/.venv-$* (ansible-core $*)"; \
	fi

venv-importer:
	@tools/venv.sh $(VENV_IMPORTER) "$(PY311)" tools/requirements/importer.txt

venv-docs:
	@tools/venv.sh $(VENV_DOCS) "$(PY311)" tools/requirements/docs.txt

venv-runner:
	@tools/venv.sh $(VENV_RUNNER) "$(PY311)" tools/requirements/runner.txt

# ---------------------------------------------------------------------------------------------
# 2. the collection tree: .build/ansible_collections/ncm/platforms, a copy of the checkout's
#    files (tracked + untracked-not-ignored), refreshed on every run

tree:
	@"$(PY311)" tools/build_collection_tree.py $(TOP) $(BUILD)

interpreters:
	@tools/python-dir.sh "$(PYENV_ROOT)" $(PYDIR)

ansible-test-cache: venv
	@tools/ansible-test-cache.sh $(VENV) $(if $(PY312),$(VENV_220) $(VENV_221))

# ---------------------------------------------------------------------------------------------
# 3. ansible-test sanity: every test, no ignore entries; with the interpreter folder first on
#    PATH so that the multi-version tests (compile, import) cover every Python found

sanity: sanity-2.19 sanity-2.20 sanity-2.21

sanity-2.19: venv311 tree interpreters ansible-test-cache
	@cd $(TREE) && PATH="$(PYDIR):$(VENV)/bin:$$PATH" \
		$(VENV)/bin/ansible-test sanity --color no $(SANITY_ARGS)

sanity-2.20 sanity-2.21: sanity-%: venv-% tree interpreters ansible-test-cache
	@if [ -z "$(PY312)" ]; then tools/skip.sh "no Python 3.12 or 3.13 interpreter for ansible-core $*"; exit 0; fi; \
	cd $(TREE) && PATH="$(PYDIR):$(TOP)/.venv-$*/bin:$$PATH" \
		$(TOP)/.venv-$*/bin/ansible-test sanity --color no $(SANITY_ARGS)

# ---------------------------------------------------------------------------------------------
# 4. unit tests (pytest from .venv, the collection importable as ansible_collections.ncm.platforms)
#    and the emulator's own tests

units: venv311 tree
	@cd $(TREE) && PYTHONPATH=$(BUILD) PYTHONDONTWRITEBYTECODE=1 \
		$(VENV)/bin/python -m pytest -p no:cacheprovider -q tests/unit $(PYTEST_ARGS)
	@if [ -d $(TREE)/tests/emulator/tests ]; then \
		cd $(TREE)/tests/emulator && PYTHONPATH=. PYTHONDONTWRITEBYTECODE=1 \
			$(VENV)/bin/python -m pytest -p no:cacheprovider -q tests $(PYTEST_ARGS); \
	else \
		echo "tests/emulator/tests does not exist yet: no emulator tests to run"; \
	fi

units-2.20 units-2.21: units-%: venv-% tree
	@if [ -z "$(PY312)" ]; then tools/skip.sh "no Python 3.12 or 3.13 interpreter for ansible-core $*"; exit 0; fi; \
	cd $(TREE) && PATH="$(TOP)/.venv-$*/bin:$$PATH" PYTHONPATH=$(BUILD) PYTHONDONTWRITEBYTECODE=1 \
		$(TOP)/.venv-$*/bin/python -m pytest -p no:cacheprovider -q tests/unit $(PYTEST_ARGS)

# ---------------------------------------------------------------------------------------------
# 5. ansible-test integration against a fresh emulator: on the oldest ansible-core (2.19,
#    .venv) and on the newest (2.21, .venv-2.21). Every secret is a marker value
#    (tests/integration/secret-markers.json), every playbook runs at -vvvv with --diff
#    (tests/integration/integration.cfg); the whole output goes to BUILD/integration-<core>.log,
#    which tools/scan-secrets.py then searches for the secrets (tools/run-scanned.sh).
#    Every module's target runs on both; the targets that prove the HTTP layer and the emulator
#    (retries and faults, TLS, many runs at once) rather than ansible-core run on one each, so
#    that the two lanes of make test share them: make integration runs every target.

INTEGRATION_ONLY_2.19 := faults tls
INTEGRATION_ONLY_2.21 := concurrency

integration: integration-2.19 integration-2.21

integration-2.21: venv-2.21
integration-2.19 integration-2.21: integration-%: venv311 tree
	@if ! ls -d $(TREE)/tests/integration/targets/*/ >/dev/null 2>&1; then \
		tools/skip.sh "tests/integration/targets has no targets"; exit 0; fi; \
	venv=$(if $(filter 2.19,$*),$(VENV),$(TOP)/.venv-$*); \
	if [ ! -x "$$venv/bin/ansible-test" ]; then tools/skip.sh "no venv with ansible-core $* (no Python 3.12 or 3.13)"; exit 0; fi; \
	NCM_SECRET_MARKERS=$(TREE)/tests/integration/secret-markers.json \
	tools/with-emulator.sh $(VENV)/bin/python $(BUILD)/emulator-integration-$* $(TREE) -- \
		tools/run-scanned.sh $(VENV)/bin/python $(TREE) $(BUILD)/integration-$*.log -- \
		env -C $(TREE) PATH="$$venv/bin:$$PATH" ansible-test integration --color no \
			$(addprefix --exclude ,$(if $(filter 2.19,$*),$(INTEGRATION_ONLY_2.21),$(INTEGRATION_ONLY_2.19))) $(INTEGRATION_ARGS)

# ---------------------------------------------------------------------------------------------
# the benchmark (tests/perf/README.md): make bench writes docs/performance.md and the chart;
# make test runs its short form, which checks correctness only, never a time

bench: venv311 tree
	@tools/with-emulator.sh $(VENV)/bin/python $(BUILD)/emulator-bench $(TREE) -- \
		$(VENV)/bin/python tests/perf/bench.py $(TREE) --runs $(BENCH_RUNS) --out docs/performance.md

bench-short: venv311 tree
	@tools/with-emulator.sh $(VENV)/bin/python $(BUILD)/emulator-bench-short $(TREE) -- \
		$(VENV)/bin/python tests/perf/bench.py $(TREE) --short

# ---------------------------------------------------------------------------------------------
# 6. ansible-lint, production profile, offline

# (the integration targets' emulator_admin action is on ansible-test's plugin path, given here too)
lint: venv311 tree
	@cd $(TREE) && PATH="$(VENV)/bin:$$PATH" \
		ANSIBLE_ACTION_PLUGINS=$(TREE)/tests/integration/targets/setup_emulator/action_plugins \
		ansible-lint --offline --profile production

# ---------------------------------------------------------------------------------------------
# 7. molecule: every extensions/molecule/<scenario>/molecule.yml, each against a fresh emulator

molecule: venv311 tree
	@tools/run-molecule.sh $(VENV) $(TREE) $(BUILD)/emulator-molecule

# ---------------------------------------------------------------------------------------------
# 8. what Galaxy / Automation Hub run on an upload, and the execution-environment metadata

importer: venv311 venv-importer tree
	@tools/check-importer.sh $(VENV) $(VENV_IMPORTER) $(TREE) $(BUILD)/dist

ee: venv311 tree
	@tools/check-ee.sh $(VENV) $(TREE) $(BUILD)/ee

docs: venv-docs tree
	@tools/build-docs.sh $(VENV_DOCS) $(TREE) $(TOP)/docs/build

docs-lint: venv-docs tree
	@tools/check-docs.sh $(VENV_DOCS) $(TREE)

changelog: venv311
	@tools/check-changelog.sh $(VENV) $(TOP)

# ---------------------------------------------------------------------------------------------
# 9. how AWX runs a job: ansible-runner, credentials only as injected environment variables

awx: venv311 venv-runner tree
	@tools/with-emulator.sh $(VENV)/bin/python $(BUILD)/emulator-awx $(TREE) -- \
		tests/awx/run.sh $(VENV_RUNNER) $(TREE)

# ---------------------------------------------------------------------------------------------
# make demo

demo: venv311 tree
	@tools/with-emulator.sh $(VENV)/bin/python $(BUILD)/emulator-demo $(TREE) -- \
		tools/run-demo.sh $(VENV) $(TREE) playbooks/demo.yml

emulator: venv311 tree
	@tools/emulator-foreground.sh $(VENV)/bin/python $(EMULATOR_PORT)

clean:
	rm -rf $(BUILD)

distclean: clean
	rm -rf $(VENV) $(VENV_220) $(VENV_221) $(VENV_IMPORTER) $(VENV_DOCS) $(VENV_RUNNER) $(TOP)/.venv-uv
