"""The emulator's admin API for runme.sh: `emulator.py URL clear` empties the request log;
`emulator.py URL count` prints how many SteelCentral requests it holds; `emulator.py URL health
SERIAL HEALTH` sets switch scc_health_after_read (the appliance takes HEALTH after the next read)."""

import sys

import requests

admin = sys.argv[1].rstrip("/") + "/_emulator"
action = sys.argv[2]
if action == "clear":
    requests.delete(admin + "/log", timeout=10).raise_for_status()
elif action == "health":
    requests.put(admin + "/switches", json={"scc_health_after_read": {sys.argv[3]: sys.argv[4]}},
                 timeout=10).raise_for_status()
else:
    answer = requests.get(admin + "/log", timeout=10)
    answer.raise_for_status()
    print(len([entry for entry in answer.json()["entries"] if entry["path"].startswith("/api/")]))
