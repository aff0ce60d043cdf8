"""The baseline of workloads 4 and 7: what a user writes with plain ``requests``.

    python requests_baseline.py read --keep|--discard
    python requests_baseline.py purge CUTOFF EXPORT_PATH

``read`` reads every page of /ux/nccm/jobs-account-audit/ (500 a page, to the first short
page) and either keeps every record and prints them as one JSON document (as a module
returns them) or only counts them. ``purge`` reads them, writes those created before CUTOFF
to EXPORT_PATH (mode 0600), then deletes them one after another. Prints ``count=N`` last.
"""

import json
import os
import sys

import requests

PATH = "/ux/nccm/jobs-account-audit/"
PAGE = 500
MAX_PAGES = 100000  # bounded loop


def read_all(session, base):
    for page in range(1, MAX_PAGES + 1):
        answer = session.get(base + PATH, params={"items_per_page": PAGE, "page": page}, timeout=30)
        answer.raise_for_status()
        items = answer.json()
        items = items.get("results", []) if isinstance(items, dict) else items
        yield from items
        if len(items) < PAGE:
            return


def main(argv):
    base = os.environ["INFRAON_URL"].rstrip("/")
    session = requests.Session()
    session.headers["Authorization"] = os.environ["INFRAON_API_KEY"]
    if argv[0] == "read":
        if argv[1] == "--keep":
            records = list(read_all(session, base))
            with open(os.devnull, "w") as sink:
                json.dump({"records": records, "count": len(records)}, sink)
            count = len(records)
        else:
            count = sum(1 for dummy_record in read_all(session, base))
    elif argv[0] == "purge":
        cutoff, export_path = argv[1], argv[2]
        # ISO 8601 in the same form (Z, milliseconds) compares as text
        records = [r for r in read_all(session, base) if (r.get("creationtime") or "") < cutoff]
        fd = os.open(export_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as stream:
            json.dump({"records": records, "count": len(records)}, stream, indent=1, sort_keys=True)
        for record in records:
            session.delete("%s%s%s/" % (base, PATH, record["id"]), timeout=30).raise_for_status()
        count = len(records)
    else:
        raise SystemExit("usage: requests_baseline.py read --keep|--discard | purge CUTOFF EXPORT_PATH")
    print("count=%d" % count)


if __name__ == "__main__":
    main(sys.argv[1:])
