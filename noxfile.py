"""Every check of `make test`, and `make demo`, as nox sessions (tools/README.md tells what each runs).

nox makes and fills each session's virtual environment with uv from a pinned requirements file
and runs sessions two at a time (`nox -j 2`, as `make test` does); antsibull-nox copies the
collection into an `ansible_collections/ncm/platforms` tree of the session's own. Run one with
`.venv-nox/bin/nox -s <session> [-- args]`; `.venv-nox/bin/nox -l` lists them.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import sys
from pathlib import Path

import nox
from antsibull_nox.sessions import prepare_collections
from nox.command import CommandFailed

TOP = Path(__file__).resolve().parent
DEV = "requirements-dev.txt"
# ansible-core version -> (Python, pinned requirements of its sanity, unit and integration runs)
CORES = {
    "2.19": ("3.11", DEV),
    "2.20": ("3.12", "tools/requirements/sanity-units-py312-2.20.txt"),
    "2.21": ("3.12", "tools/requirements/sanity-units-py312-2.21.txt"),
}
# the targets that prove the HTTP layer and the emulator, not ansible-core, run on one core each
# Every target runs in-process on both versions, and as modules on one (issue 22).
INTEGRATION_CORES = ("2.19", "2.21")
MODULE_LANE_CORE = "2.19"

nox.options.default_venv_backend = "uv"
nox.options.reuse_venv = "yes"
nox.options.download_python = "never"
# pyenv's interpreters (PYENV_ROOT, named by .ci/run and the Makefile) are where nox and
# ansible-test look for python3.X; ansible-test's compile and import tests use each of them
if os.environ.get("PYENV_ROOT"):
    os.environ["PATH"] = os.pathsep.join(
        sorted(glob.glob(os.path.join(os.environ["PYENV_ROOT"], "versions", "3.*", "bin")), reverse=True)
        + [os.environ["PATH"]]
    )


def _tree(session: nox.Session, *requirements: str) -> Path:
    """Install the pinned requirements, then copy the collection into a tree of this session's own."""
    for requirement in requirements:
        session.install("-r", str(TOP / requirement))
    setup = prepare_collections(session, install_in_site_packages=False, install_out_of_tree=True)
    if setup is None:
        session.error("antsibull-nox made no collection tree")
    return setup.current_path


def _scratch(session: nox.Session, name: str) -> Path:
    """An empty folder of this session's own, made anew on each run."""
    path = Path(session.create_tmp()).resolve() / name
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir()
    return path


def _venv(session: nox.Session) -> str:
    return session.virtualenv.location


def _with_emulator(session: nox.Session, tree: Path, name: str, *command: str, scanned: bool = False,
                   env: dict | None = None) -> None:
    """Run command while a fresh emulator serves (tools/with-emulator.sh); with scanned, its whole
    output goes to that log, which is then scanned for the tests' secrets (tools/run-scanned.sh)."""
    state = _scratch(session, name)
    python = os.path.join(_venv(session), "bin", "python")
    scan = ["tools/run-scanned.sh", python, str(tree), str(state.parent / f"{name}.log"), "--"] if scanned else []
    session.run("tools/with-emulator.sh", python, str(state), str(tree), "--", *scan, *command, external=True, env=env)


def _ansible_test_home(session: nox.Session) -> dict:
    """ansible-test keeps its SSH key, its pip bootstrap and its sanity venvs under
    ~/.ansible/test, made on first use: two sessions side by side that share them race (on
    ssh-keygen's overwrite prompt, on a sanity venv one deletes while the other fills it). So
    each session runs ansible-test with a home of its own, .nox/<session>/home, kept between
    runs; the environment to run it with."""
    home = Path(_venv(session)).resolve() / "home"
    cache = home / ".ansible" / "test" / "cache"
    cache.mkdir(parents=True, exist_ok=True)
    # Its pip bootstrap fetches a script from a host these machines cannot reach; it first
    # looks in its cache, so put there a script that installs the pip wheel fetched from PyPI.
    found = glob.glob(os.path.join(_venv(session), "lib", "python3*", "site-packages",
                                   "ansible_test", "_internal", "python_requirements.py"))
    version = Path(found[0]).read_text(encoding="utf-8").split("pip='", 1)[1].split("'", 1)[0]
    if not glob.glob(str(cache / f"pip-{version}-*.whl")):
        # nox's own interpreter has pip (uv's venvs have none)
        session.run(sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
                    "--dest", str(cache), f"pip=={version}", external=True)
    shutil.copyfile(TOP / "tools" / "ansible_test_get_pip.py", cache / f"get_pip_{version.replace('.', '_')}.py")
    return {"HOME": str(home)}


def _sanity(core: str) -> None:
    python, requirements = CORES[core]

    @nox.session(name=f"sanity-{core}", python=python)
    def sanity(session: nox.Session) -> None:
        tree = _tree(session, requirements)
        env = _ansible_test_home(session)
        session.chdir(tree)
        session.run("ansible-test", "sanity", "--color", "no", *session.posargs, env=env)


def _units(core: str) -> None:
    python, requirements = CORES[core]

    @nox.session(name=f"units-{core}", python=python)
    def units(session: nox.Session) -> None:
        """The collection's unit tests (and the emulator's, on 2.19); after `--`, pytest
        arguments: a path (of the checkout) runs only that, -k filters both suites."""
        tree = _tree(session, requirements)
        suites = ["tests/unit"] + (["tests/emulator/tests"] if core == "2.19" else [])
        paths = [arg for arg in session.posargs if not arg.startswith("-") and (TOP / arg.split("::")[0]).exists()]
        session.chdir(tree)
        session.run("python", "-m", "pytest", "-p", "no:cacheprovider", "-q",
                    "-n", "auto", *([] if paths else suites), *session.posargs,
                    env={"PYTHONPATH": os.pathsep.join([str(tree.parents[2]), str(tree / "tests" / "emulator")]),
                         "PYTHONDONTWRITEBYTECODE": "1"})


def _integration(core: str, in_process: bool = True) -> None:
    python, requirements = CORES[core]
    name = f"integration-{core}" + ("" if in_process else "-module")

    @nox.session(name=name, python=python)
    def integration(session: nox.Session) -> None:
        """ansible-test integration against a fresh emulator, every secret a marker and the whole
        -vvvv output scanned for them (tests/integration/README.md); after `--`, target names.
        Tasks run in the worker process (the action plugins); the -module lane runs every task
        as a module (ncm_platforms_in_process false, in integration_config.yml) and fails if one
        did not (in_process_parity, which runs both paths itself, is left to the other lanes)."""
        tree = _tree(session, requirements, "tests/emulator/requirements.txt")
        excludes = [] if session.posargs or in_process else ["--exclude", "in_process_parity"]
        os.environ["NCM_SECRET_MARKERS"] = str(tree / "tests" / "integration" / "secret-markers.json")
        os.environ["NCM_PLATFORMS_IN_PROCESS"] = "true" if in_process else "false"
        try:
            _with_emulator(session, tree, name, "env", "-C", str(tree), "ansible-test", "integration",
                           "--color", "no", *excludes, *session.posargs, scanned=True, env=_ansible_test_home(session))
        finally:
            _show_target_times(session, tree)
        if not in_process:
            log = (Path(session.create_tmp()).resolve() / f"{name}.log").read_text(encoding="utf-8", errors="replace")
            if "runs in the controller's worker process" in log:
                session.error("a task of the module lane ran in the worker process")


def _show_target_times(session: nox.Session, tree: Path) -> None:
    """Each target's run time as ansible-test recorded it (tests/output/data), longest first:
    where an integration lane's time goes."""
    times = {}
    for path in (tree / "tests" / "output" / "data").glob("integration-*.json"):
        for target in json.loads(path.read_text(encoding="utf-8"))["targets"].values():
            times[target["name"]] = target["run_time_seconds"]
    ranked = sorted(times.items(), key=lambda item: -item[1])
    session.log("target run times: " + ", ".join(f"{name} {seconds} s" for name, seconds in ranked))


for _core in CORES:
    _sanity(_core)
    _units(_core)
for _core in INTEGRATION_CORES:
    _integration(_core)
_integration(MODULE_LANE_CORE, in_process=False)


@nox.session(python="3.11")
def lint(session: nox.Session) -> None:
    """ansible-lint, production profile, offline (the integration targets' emulator_admin action
    is on ansible-test's plugin path, given here too)."""
    tree = _tree(session, DEV)
    session.chdir(tree)
    session.run("ansible-lint", "--offline", "--profile", "production", env={
        "ANSIBLE_COLLECTIONS_PATH": str(tree.parents[2]),
        "ANSIBLE_ACTION_PLUGINS": str(tree / "tests/integration/targets/setup_emulator/action_plugins")})


# What the shape gate covers: the collection's Python and the tests' and tools' own
SHAPED = ["plugins", "tests", "tools", "noxfile.py"]


@nox.session(python="3.11")
def shape(session: nox.Session) -> None:
    """The shape gate: no function over ruff's complexity, branch and statement limits
    (ruff.toml), no file over 400 lines (pylint's too-many-lines alone: ruff has no such rule).
    Both always run; either failing fails the session."""
    session.install("-r", str(TOP / "tools/requirements/shape.txt"))
    session.chdir(TOP)
    checks = {
        "ruff": ["ruff", "check", "--no-cache", *SHAPED],
        "pylint": ["pylint", "--disable=all", "--enable=too-many-lines", "--max-module-lines=400",
                   "--recursive=y", "--score=n", *SHAPED],
    }
    failed = []
    for name, command in checks.items():
        try:
            session.run(*command)
        except CommandFailed:
            failed.append(name)
    if failed:
        session.error(f"the shape gate failed: {', '.join(failed)} (limits in ruff.toml and noxfile.py)")


@nox.session(python="3.11")
def molecule(session: nox.Session) -> None:
    """Every extensions/molecule/<scenario>, each against a fresh emulator, output scanned."""
    tree = _tree(session, DEV)
    session.run("tools/run-molecule.sh", _venv(session), str(tree), str(_scratch(session, "molecule")), external=True)


@nox.session(name="bench-short", python="3.11")
def bench_short(session: nox.Session) -> None:
    """The benchmark's short form: correctness of every workload, no time asserted."""
    tree = _tree(session, DEV)
    _with_emulator(session, tree, "bench", "python", "tests/perf/bench.py", str(tree), "--short")


@nox.session(python="3.11", default=False)
def bench(session: nox.Session) -> None:
    """The benchmark of record: docs/performance.md and its chart (`-- --runs N`, default 5)."""
    tree = _tree(session, DEV)
    _with_emulator(session, tree, "bench", "python", "tests/perf/bench.py", str(tree),
                   *(session.posargs or ["--runs", "5"]), "--out", "docs/performance.md")


@nox.session(python="3.11")
def awx(session: nox.Session) -> None:
    """playbooks/demo.yml twice through ansible-runner, credentials as AWX injects them."""
    tree = _tree(session, DEV)
    _with_emulator(session, tree, "awx", "tests/awx/run.sh", _venv(session), str(tree))


@nox.session(python="3.11")
def ee(session: nox.Session) -> None:
    """The execution-environment metadata, without a container engine: ansible-builder's
    introspection of the installed tarball finds requests; `ansible-builder create` makes the
    build context of docs/execution-environment/execution-environment.yml."""
    tree = _tree(session, DEV)
    work = _scratch(session, "ee")
    tarball = _build(session, tree, work)
    _install(session, tarball, work / "collections")
    found = session.run("ansible-builder", "introspect", "--sanitize", str(work / "collections"), silent=True)
    print(found)
    if "requests" not in found.split("python:", 1)[-1]:
        session.error("ansible-builder's introspection did not find requests in ncm.platforms' EE metadata")
    shutil.copy(TOP / "docs/execution-environment/execution-environment.yml", work)
    shutil.copy(tarball, work / "ncm-platforms.tar.gz")
    session.run("ansible-builder", "create", "--file", str(work / "execution-environment.yml"),
                "--context", str(work / "context"), "--output-filename", "Containerfile")
    for made in ("Containerfile", "_build/collections/ncm-platforms.tar.gz", "_build/requirements.yml"):
        if not (work / "context" / made).is_file():
            session.error(f"ansible-builder create made no {made}")


def _build(session: nox.Session, tree: Path, dist: Path) -> Path:
    """ansible-galaxy collection build of the tree into dist: the tarball's path."""
    session.run("ansible-galaxy", "collection", "build", "--output-path", str(dist), "--force", str(tree), silent=True)
    return next(dist.glob("*.tar.gz"))


def _install(session: nox.Session, tarball: Path, collections: Path) -> Path:
    """ansible-galaxy collection install of the tarball under collections, as a user installs
    it: the installed collection's path."""
    session.run("ansible-galaxy", "collection", "install", "--offline", "--no-deps", "-p", str(collections),
                str(tarball), silent=True)
    return collections / "ansible_collections" / "ncm" / "platforms"


def _rehearse_installed(session: nox.Session, tarball: Path, work: Path) -> None:
    """docs/docsite/rst/rehearse.rst, as a user without a clone: install the tarball, make a venv of only the
    installed emulator's requirements, serve it with the documented command and ask its admin
    API (tools/check-installed-emulator.sh). Fails when the tarball leaves the emulator out."""
    installed = _install(session, tarball, work / "collections")
    venv = work / "emulator-venv"
    uv = [sys.executable, "-m", "uv"]
    session.run(*uv, "venv", "--quiet", "--python", os.path.join(_venv(session), "bin", "python"), str(venv),
                external=True)
    session.run(*uv, "pip", "install", "--quiet", "--python", str(venv / "bin" / "python"),
                "-r", str(installed / "tests" / "emulator" / "requirements.txt"), external=True)
    session.run(str(TOP / "tools" / "check-installed-emulator.sh"), str(venv / "bin" / "python"), str(installed),
                str(work / "emulator"), external=True)


@nox.session(python="3.11")
def importer(session: nox.Session) -> None:
    """ansible-galaxy collection build, then galaxy-importer (what Galaxy and Automation Hub run on
    an upload): any ERROR or WARNING fails. Off: its ansible-test (containers) and its ansible-lint,
    which the lint session runs with a stricter profile and no 180 s limit (the importer's, which a
    busy machine can pass). Then the tarball, installed, serves the emulator (docs/docsite/rst/rehearse.rst)."""
    tree = _tree(session, "tools/requirements/importer.txt")
    dist, rehearse = _scratch(session, "dist"), _scratch(session, "rehearse")
    tarball = _build(session, tree, dist)
    session.chdir(dist)
    log = session.run("python", "-m", "galaxy_importer.main", str(tarball), silent=True, env={
        "GALAXY_IMPORTER_RUN_ANSIBLE_TEST": "false", "GALAXY_IMPORTER_RUN_ANSIBLE_LINT": "false",
        "GALAXY_IMPORTER_CHECK_REQUIRED_TAGS": "true",
        "GALAXY_IMPORTER_TMP_ROOT_DIR": str(dist)})
    print(log)
    findings = [line for line in log.splitlines() if line.startswith(("ERROR", "WARNING"))]
    if findings:
        session.error(f"galaxy-importer reported {len(findings)} error(s) or warning(s) on {tarball.name}")
    _rehearse_installed(session, tarball, rehearse)


@nox.session(name="docs-lint", python="3.11")
def docs_lint(session: nox.Session) -> None:
    """antsibull-docs lint-collection-docs --plugin-docs (rstcheck included) of the plugins and of the
    guides (docs/docsite: extra-docs.yml, labels, every reference to this collection and to
    ansible.builtin checked, a reference to an unknown collection an error); then every playbook
    of the guides passes ansible-playbook --syntax-check, and those marked runs-on-emulator run
    against a fresh emulator (tools/guide_playbooks.py)."""
    tree = _tree(session, "tools/requirements/docs.txt", "tests/emulator/requirements.txt")
    env = {"ANSIBLE_COLLECTIONS_PATH": str(tree.parents[2]), "ANSIBLE_DEPRECATION_WARNINGS": "false"}
    session.chdir(tree)
    session.run("antsibull-docs", "lint-collection-docs", "--plugin-docs", "--check-extra-docs-refs",
                "--validate-collection-refs", "dependent", "--disallow-unknown-collection-refs", ".", env=env)
    session.chdir(TOP)
    _with_emulator(session, tree, "guides", "python", str(TOP / "tools" / "guide_playbooks.py"),
                   str(tree / "docs" / "docsite" / "rst"), str(_scratch(session, "guide-playbooks")), "--run", env=env)


@nox.session(python="3.11")
def changelog(session: nox.Session) -> None:
    """A fragment for every change under plugins/ or roles/; antsibull-changelog lint; CHANGELOG.rst builds."""
    tree = _tree(session, DEV)
    session.run("tools/check-changelog.sh", _venv(session), str(TOP), str(tree), *session.posargs, external=True)


@nox.session(python="3.11", default=False)
def docs(session: nox.Session) -> None:
    """The docs site into docs/build/ (offline): the guides, the changelog, every module and role."""
    tree = _tree(session, "tools/requirements/docs.txt")
    session.run("tools/build-docs.sh", _venv(session), str(tree), str(TOP / "docs" / "build"), external=True)


@nox.session(python="3.11", default=False)
def demo(session: nox.Session) -> None:
    """playbooks/demo.yml twice against the emulator; the second run must report changed=0."""
    tree = _tree(session, DEV)
    _with_emulator(session, tree, "demo", "tools/run-demo.sh", _venv(session), str(tree), "playbooks/demo.yml")


@nox.session(python="3.11", default=False)
def emulator(session: nox.Session) -> None:
    """Serve the emulator in the foreground (`-- PORT`, default 8080), after printing the exports
    that point ansible-playbook, in another shell, at it (with its default credentials,
    docs/CONTRACTS.md) and at this session's collection tree."""
    tree = _tree(session, DEV)
    port = (session.posargs or ["8080"])[0]
    url = f"http://127.0.0.1:{port}"
    exports = {"EMULATOR_URL": url, "INFRAON_URL": url, "INFRAON_API_KEY": "emulator-infraon-key", "SCC_URL": url,
               "SCC_ACCESS_CODE": "emulator-access-code", "VOSS_URL": url, "VOSS_USERNAME": "hcsadmin@sys.hcs",
               "VOSS_PASSWORD": "emulator-password", "ANSIBLE_COLLECTIONS_PATH": str(tree.parents[2]),
               "PATH": os.path.join(_venv(session), "bin") + ":$PATH"}
    print(f"# paste into another shell, then run ansible-playbook from {TOP}:")
    print("\n".join(f"export {name}={value}" for name, value in exports.items()))
    print(f"# serving on {url} (Ctrl-C stops it)")
    session.run("python", str(TOP / "tests" / "emulator"), "--host", "127.0.0.1", "--port", port)
