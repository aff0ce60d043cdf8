"""Check the playbooks of the docs site's guides (docs/docsite/rst/*.rst) with ansible-playbook.

    python tools/guide_playbooks.py RST_DIR OUT_DIR [--run]

A guide marks each full playbook it shows with an rst comment naming it, right before its
code block::

    .. ncm-playbook: rehearse_scc.yml runs-on-emulator

    .. code-block:: yaml+jinja

      ---
      - name: ...

Every marked block is written to OUT_DIR/NAME and must pass ``ansible-playbook
--syntax-check``; with ``--run``, each one marked ``runs-on-emulator`` is run once and must
succeed (the caller serves the emulator and exports its *_URL and credentials, as
tools/with-emulator.sh does). A code block that starts with ``---`` (a whole playbook) without
a marker, or a marker without a code block, fails the check: no guide playbook goes unchecked.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

MARKER = re.compile(r"^\.\. ncm-playbook: (?P<name>[\w.-]+\.yml)(?P<run> runs-on-emulator)?\n\n"
                    r"\.\. code-block:: [\w+-]+\n\n(?P<body>(?:(?: +\S.*)?\n)+)", re.M)
# a code block whose first line is a YAML document start: a whole playbook
PLAYBOOK_BLOCK = re.compile(r"^\.\. code-block:: [\w+-]+\n\n +---\n", re.M)


def extract(rst_dir: Path) -> tuple[dict[str, tuple[str, bool]], list[str]]:
    """{name: (playbook text, runs on the emulator)} of every guide, and the problems found."""
    playbooks: dict[str, tuple[str, bool]] = {}
    problems = []
    for guide in sorted(rst_dir.glob("*.rst")):
        text = guide.read_text(encoding="utf-8")
        found = list(MARKER.finditer(text))
        for match in found:
            name = match.group("name")
            if name in playbooks:
                problems.append(f"{guide.name}: a second playbook named {name}")
            playbooks[name] = (textwrap.dedent(match.group("body")).rstrip() + "\n", bool(match.group("run")))
        if text.count(".. ncm-playbook:") != len(found):
            problems.append(f"{guide.name}: a '.. ncm-playbook:' marker is not followed by a code block")
        if len(PLAYBOOK_BLOCK.findall(text)) != len(found):
            problems.append(f"{guide.name}: a whole playbook (a block starting with ---) has no '.. ncm-playbook:' marker")
    return playbooks, problems


def ansible_playbook(out_dir: Path, name: str, *options: str) -> bool:
    """Run ansible-playbook on OUT_DIR/NAME; whether it succeeded (its output goes through)."""
    print(f"guide-playbooks: ansible-playbook {' '.join(options)} {name}", flush=True)
    # an absolute async dir: with HOME other than the account's home (CI's new, empty HOME),
    # ansible-core's async_status looks in the account's home and finds no job (push_jobs.rst)
    env = dict(os.environ, ANSIBLE_ASYNC_DIR=str(out_dir.resolve() / ".ansible_async"))
    return subprocess.run(["ansible-playbook", *options, name], cwd=out_dir, env=env, check=False).returncode == 0


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3) or argv[2:] not in ([], ["--run"]):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    rst_dir, out_dir, run = Path(argv[0]), Path(argv[1]), argv[2:] == ["--run"]
    playbooks, problems = extract(rst_dir)
    if not playbooks:
        problems.append(f"no '.. ncm-playbook:' block in {rst_dir}")
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, (text, _runs) in playbooks.items():
        (out_dir / name).write_text(text, encoding="utf-8")
    failed = [name for name in playbooks if not ansible_playbook(out_dir, name, "--syntax-check")]
    if run:
        failed += [name for name, (_text, runs) in playbooks.items() if runs and not ansible_playbook(out_dir, name)]
    problems += [f"ansible-playbook failed on {name}" for name in failed]
    if problems:
        print("guide-playbooks: FAILED:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 1
    ran = sum(1 for _text, runs in playbooks.values() if runs) if run else 0
    print(f"guide-playbooks: {len(playbooks)} playbook(s) of the guides pass --syntax-check; {ran} ran on the emulator")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
