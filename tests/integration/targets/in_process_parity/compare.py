"""Compare the registered results of the same tasks run as modules and run in the worker process.

    python compare.py MODULE_RESULTS.json IN_PROCESS_RESULTS.json CASES

Every key and value must be equal, after the values a server makes anew on every run (ids,
pkids, transaction ids, date-times, elapsed seconds, epoch times) are replaced by what kind
of value they are. Exits 1 naming each difference, 2 when a file holds fewer than CASES results.
"""

import json
import re
import sys

EMBEDDED_ID = re.compile(r"\b[0-9a-f]{24}\b")  # an id inside a message
VOLATILE = (
    (re.compile(r"^[0-9a-f]{24}$"), "<object id>"),
    (re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"), "<uuid>"),
    (re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$"), "<date-time>"),
)
TIMED_KEYS = re.compile(r"(^elapsed$|time$|_at$|^timestamp$)")


def steady(value, key=""):
    """``value`` with what changes from run to run replaced by a placeholder."""
    if isinstance(value, dict):
        return dict((name, steady(item, name)) for name, item in value.items())
    if isinstance(value, list):
        return [steady(item, key) for item in value]
    if isinstance(value, (int, float)) and not isinstance(value, bool) and TIMED_KEYS.search(key):
        return "<time>"
    if isinstance(value, str):
        for pattern, placeholder in VOLATILE:
            if pattern.match(value):
                return placeholder
        return EMBEDDED_ID.sub("<object id>", value)
    return value


def differences(left, right, path="$"):
    if isinstance(left, dict) and isinstance(right, dict):
        for key in sorted(set(left) | set(right)):
            if key not in left or key not in right:
                yield "%s.%s: only in the %s result" % (path, key, "module" if key in left else "in-process")
            else:
                yield from differences(left[key], right[key], "%s.%s" % (path, key))
    elif isinstance(left, list) and isinstance(right, list) and len(left) == len(right):
        for index, (one, other) in enumerate(zip(left, right)):
            yield from differences(one, other, "%s[%d]" % (path, index))
    elif left != right:
        yield "%s: module %s, in-process %s" % (path, json.dumps(left)[:300], json.dumps(right)[:300])


def main(module_file, in_process_file, cases):
    results = []
    for name in (module_file, in_process_file):
        with open(name, encoding="utf-8") as handle:
            results.append(steady(json.load(handle)))
        if len(results[-1]) < int(cases):
            print("%s holds %d results, fewer than the %s cases" % (name, len(results[-1]), cases))
            return 2
    found = list(differences(*results))
    for line in found:
        print(line)
    print("%d results compared: %d differences" % (len(results[0]), len(found)))
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
