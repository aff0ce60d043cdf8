"""Run the quick-start playbooks of README.md against the emulator.

    python run_quickstart.py WORK_DIR [ansible-playbook arguments...]

Run from this target's directory (runme.sh) while the emulator serves. Each YAML block of the
collection's README.md that follows a line ``<!-- quickstart: NAME -->`` is written to
WORK_DIR/NAME.yml as it stands and run twice, on an emulator reset first, with the modules'
environment variables pointing at the emulator (as the README's quick start exports them, the
credentials those of integration_config.yml). Both runs must succeed, and the second must
report changed=0 but for the playbooks of ACTIONS (a push job is an action). The whole output
goes to stdout, for the secret scan.
"""

import json
import os
import re
import sys
import urllib.request

import yaml
from run_examples import collection_root, run_playbook  # ../module_examples, on PYTHONPATH (runme.sh)

EXPECTED = ("infraon", "scc", "voss")
ACTIONS = frozenset(("scc",))
BLOCK = re.compile(r"^<!-- quickstart: (?P<name>\w+) -->\n```yaml\n(?P<playbook>.*?)^```$", re.M | re.S)
RECAP = re.compile(r"^localhost\s+: ok=\d+\s+changed=(?P<changed>\d+)", re.M)


def quickstarts(readme):
    """NAME -> playbook text of every marked block; every name of EXPECTED must be there."""
    found = dict((match.group("name"), match.group("playbook")) for match in BLOCK.finditer(readme))
    missing = [name for name in EXPECTED if name not in found]
    if missing:
        raise SystemExit("README.md has no quick start for %s" % ", ".join(missing))
    return found


def reset_emulator(url):
    request = urllib.request.Request(url + "/_emulator/reset", data=b"{}", method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        answer.read()


def run_twice(name, playbook, work_dir, args):
    """The problems of one quick start: a failed run, or a second run that changed something."""
    path = os.path.join(work_dir, name + ".yml")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(playbook)
    problems = []
    for attempt in ("first", "second"):
        result = run_playbook(path, work_dir, args)
        print("=== quick start %s, %s run\n%s" % (name, attempt, result.stdout))
        recap = RECAP.search(result.stdout)
        if result.returncode != 0 or recap is None:
            problems.append("%s: the %s run failed (exit %d)" % (name, attempt, result.returncode))
            break
        if attempt == "second" and name not in ACTIONS and recap.group("changed") != "0":
            problems.append("%s: the second run reported changed=%s" % (name, recap.group("changed")))
    return problems


def main():
    work_dir, args = sys.argv[1], sys.argv[2:]
    with open(os.path.join(collection_root("."), "README.md"), encoding="utf-8") as handle:
        blocks = quickstarts(handle.read())
    with open(os.path.join("..", "..", "integration_config.yml"), encoding="utf-8") as handle:
        settings = yaml.safe_load(handle)
    # the password the README's VOSS quick start gives the new user: a secret of the tests
    os.environ["NOC_PASSWORD"] = str(settings["voss_password"])
    reset_emulator(settings["emulator_url"])
    problems = []
    # a module runs in the Python that runs ansible-playbook, as on a user's controller (the
    # inventory of ansible-test names no interpreter for localhost)
    args = ["-e", "ansible_python_interpreter={{ ansible_playbook_python }}"] + args
    for name, playbook in sorted(blocks.items()):
        problems.extend(run_twice(name, playbook, work_dir, args))
    print(json.dumps({"quick starts": sorted(blocks), "problems": problems}, indent=2))
    if problems:
        raise SystemExit("; ".join(problems))


if __name__ == "__main__":
    main()
