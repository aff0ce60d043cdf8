"""Serve the emulator from an installed collection, with no PYTHONPATH:

    python3 <collection>/tests/emulator --port 8080

Python runs a directory's ``__main__.py`` with that directory first on ``sys.path``, so the
``ncm_emulator`` package beside this file imports as it does with ``python -m ncm_emulator``.
The options are those of ``ncm_emulator/__main__.py``; docs/docsite/rst/rehearse.rst tells the whole story.
"""

import sys

from ncm_emulator.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
