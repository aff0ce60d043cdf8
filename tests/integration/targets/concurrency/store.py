# -*- coding: utf-8 -*-
# Copyright: (c) 2026, ncm.platforms contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The emulator side of the concurrency target (runme.sh): seed it, then check its store.

    store.py seed CONFIG WORKERS SNAPSHOT         reset the emulator, seed objects.yml, save the store
    store.py check CONFIG WORKERS BEFORE SNAPSHOT  the store holds what the workers declared, and
                                                   nothing else changed since BEFORE; save it
    store.py unchanged CONFIG SNAPSHOT             the store equals SNAPSHOT and no write was sent
                                                   since the request log was last cleared
    store.py recap ROUND WORKERS LOGDIR            every worker succeeded; in round 1 each reported
                                                   its own changes, in round 2 changed=0
    store.py clear-log CONFIG

CONFIG is integration_config.yml (emulator_url). Everything is read through the emulator's
admin API (/_emulator/collections/..., /_emulator/log), never from a worker's output, except
its PLAY RECAP line for `recap`. Stored password hashes are dropped on reading and no value
of a secret is ever printed. Exit status 1 with one line per problem.
"""

from __future__ import absolute_import, division, print_function

import json
import os
import re
import sys
from urllib.request import Request, urlopen

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
WRITES = ("POST", "PUT", "PATCH", "DELETE")
# Fields the server sets itself: a policy's last_update_time moves with every PUT.
SERVER_SET = ("last_update_time",)
USER_FIELDS = ("first_name", "last_name", "email", "role", "language", "set_language", "account_information")
RECAP = re.compile(r"^localhost\s*:\s*ok=(\d+)\s+changed=(\d+)\s+unreachable=(\d+)\s+failed=(\d+)", re.M)


def admin(url, path, method="GET", body=None):
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = Request(url + "/_emulator/" + path, data=data, method=method, headers={"Content-Type": "application/json"})
    with urlopen(request, timeout=60) as answer:  # nosec: the local emulator
        return json.loads(answer.read().decode("utf-8") or "null")


def emulator_url(config):
    with open(config) as handle:
        return yaml.safe_load(handle)["emulator_url"]


def objects():
    with open(os.path.join(HERE, "objects.yml")) as handle:
        return yaml.safe_load(handle)


def put_me(value, me):
    """objects.yml's "{{ me }}" replaced by the worker's name, as worker.yml templates it."""
    if isinstance(value, dict):
        return dict((key, put_me(item, me)) for key, item in value.items())
    if isinstance(value, list):
        return [put_me(item, me) for item in value]
    if isinstance(value, str):
        return value.replace("{{ me }}", me)
    return value


def declared(obj, workers):
    """What the workers declare (worker.yml, by worker number modulo 4): ``({policyid: [options...]},
    {policyids absent}, {(node path, username): [options...]}, {(node path, username) absent},
    {worker name: how many of its tasks must report a change in round 1})``."""
    policies, gone_policies, users, gone_users, own_changes = {}, set(), {}, set(), {}
    customer = obj["conc_customer"]
    for number in range(1, workers + 1):
        me = "w%02d" % number
        own = put_me(dict((key, value) for key, value in obj.items() if key.startswith("conc_own_")), me)
        present, people = [], []
        kind = number % 4
        if kind == 1:
            present = [own["conc_own_policy_a"], own["conc_own_policy_b"], obj["conc_shared_policy_1"], obj["conc_shared_policy_2"]]
        elif kind == 2:
            present = [obj["conc_shared_policy_1"]]
            people = [own["conc_own_user_a"], own["conc_own_user_b"], obj["conc_shared_user_1"], obj["conc_shared_user_2"]]
        elif kind == 3:
            gone_policies.update((own["conc_own_policy_old"], obj["conc_gone_policy"]))
            people = [obj["conc_shared_user_1"]]
        else:
            gone_users.update(((customer, own["conc_own_user_old"]), (customer, obj["conc_gone_user"])))
        # the one task on its own objects (which no other worker declares) must report a change
        own_changes[me] = 1
        for policy in present:
            policies.setdefault(policy["policyid"], []).append(policy)
        for user in people:
            users.setdefault((customer, user["username"]), []).append(user)
    return policies, gone_policies, users, gone_users, own_changes


def old_ones(obj, workers):
    """The seeded objects the workers delete as their own: ``(policies, users)`` (seed form)."""
    policies, users = [], []
    for number in range(1, workers + 1):
        me = "w%02d" % number
        if number % 4 == 3:
            policies.append({"policyid": put_me(obj["conc_own_policy_old"], me), "organization": obj["conc_org"],
                             "name": "Deleted by " + me})
        if number % 4 == 0:
            name = put_me(obj["conc_own_user_old"], me)
            users.append({"hierarchy": obj["conc_customer"], "hcsUname": name,
                          "AdminUser": {"username": name, "role": "ReadOnlyAdminRole"}})
    return policies, users


def read_store(url):
    """``{"policies": [...], "users": [...]}`` as stored; each user with ``path``, its node's dotted path."""
    nodes = dict((node["id"], node["path"]) for node in admin(url, "collections/voss_hierarchy"))
    users = []
    for user in admin(url, "collections/voss_users"):
        user.pop("password_hash", None)
        user["path"] = nodes.get(user.get("hierarchy"))
        users.append(user)
    return {"policies": admin(url, "collections/infraon_policies"), "users": users}


def save(store, path):
    with open(path, "w") as handle:
        json.dump(store, handle, indent=1, sort_keys=True)


def load(path):
    with open(path) as handle:
        return json.load(handle)


def policy_key(policy):
    return policy.get("policyid")


def user_key(user):
    return (user.get("path"), user.get("hcsUname"))


def same(want, have):
    """Equal, lists compared as sets (the modules' documented comparison of list options)."""
    if isinstance(want, list) and isinstance(have, list):
        return sorted(json.dumps(item, sort_keys=True) for item in want) == sorted(json.dumps(item, sort_keys=True) for item in have)
    return want == have


def expect(problems, what, want, have):
    if not same(want, have):
        problems.append("%s is %s, declared (or kept) %s" % (what, json.dumps(have, sort_keys=True), json.dumps(want, sort_keys=True)))


def index(problems, noun, items, key):
    """``{key: item}``; a key held by two items is a duplicate."""
    found = {}
    for item in items:
        if key(item) in found:
            problems.append("duplicate %s %s: ids %s and %s" % (noun, key(item), found[key(item)].get("id"), item.get("id")))
        found[key(item)] = item
    return found


def check_one(problems, noun, key, before, after, wanted, fields):
    """One declared-present object: every declared option holds its value (a dict key by key,
    keeping the keys not declared), and every field not declared is as it was before."""
    what = "%s %s" % (noun, key)
    if after is None:
        problems.append("%s is missing (lost)" % what)
        return
    for options in wanted:
        if options != wanted[0]:
            problems.append("%s: the workers declare it differently (a mistake in this target)" % what)
    view_after, view_before = fields(after), fields(before or {})
    for name, value in wanted[0].items():
        if isinstance(value, dict):
            value = dict(view_before.get(name) or {}, **value)
        expect(problems, "%s %s" % (what, name), value, view_after.get(name))
    if before is not None:
        for name in set(view_before) | set(view_after):
            if name not in wanted[0] and name not in SERVER_SET:
                expect(problems, "%s %s (not declared)" % (what, name), view_before.get(name), view_after.get(name))


def policy_fields(policy):
    return policy


def user_fields(user):
    """A stored user in the modules' option names (``username`` = ``hcsUname``); the other
    stored keys (ids, node, creation time) under their own names."""
    view = dict((key, value) for key, value in user.items() if key != "AdminUser")
    view.pop("hcsUname", None)
    view["username"] = user.get("hcsUname")
    for name, value in (user.get("AdminUser") or {}).items():
        view[name if name in USER_FIELDS else "AdminUser." + name] = value
    return view


def check_kind(problems, noun, before_items, after_items, key, present, gone, fields):
    before = dict((key(item), item) for item in before_items)
    after = index(problems, noun, after_items, key)
    for name in sorted(gone):
        if name in after:
            problems.append("%s %s is still there; every worker that declares it declares it absent" % (noun, name))
    for name in sorted(present):
        check_one(problems, noun, name, before.get(name), after.get(name), present[name], fields)
    for name in sorted(set(before) - set(present) - set(gone)):
        if name not in after:
            problems.append("%s %s, declared by no worker, is gone" % (noun, name))
        elif before[name] != after[name]:
            problems.append("%s %s, declared by no worker, changed: %s" % (noun, name, changed_keys(before[name], after[name])))
    for name in sorted(set(after) - set(before) - set(present)):
        problems.append("%s %s was created, but no worker declares it" % (noun, name))


def changed_keys(before, after):
    return ", ".join(sorted(key for key in set(before) | set(after) if before.get(key) != after.get(key)))


def seed(config, workers, snapshot):
    url, obj = emulator_url(config), objects()
    admin(url, "reset", "POST", {})
    # A VOSS write is applied when its transaction ends, a second after it was sent: a window
    # in which other workers still find the user as it was and send their own write.
    admin(url, "switches", "PUT", {"voss_transaction_seconds": 1.0})
    old_policies, old_users = old_ones(obj, workers)
    policies, users = obj["conc_seed_policies"] + old_policies, obj["conc_seed_users"] + old_users
    admin(url, "seed", "POST", {"infraon_policies": policies, "voss_users": users})
    store = read_store(url)
    save(store, snapshot)
    print("seeded %d policies and %d users; the store holds %d policies and %d users"
          % (len(policies), len(users), len(store["policies"]), len(store["users"])))
    return []


def check(config, workers, before_file, snapshot):
    url = emulator_url(config)
    before, after = load(before_file), read_store(url)
    policies, gone_policies, users, gone_users, _own = declared(objects(), workers)
    problems = []
    check_kind(problems, "policy", before["policies"], after["policies"], policy_key, policies, gone_policies, policy_fields)
    check_kind(problems, "user", before["users"], after["users"], user_key, users, gone_users, user_fields)
    save(after, snapshot)
    if not problems:
        print("the store holds the declared %d policies and %d users, each once; %d policies and %d users are gone "
              "as declared; nothing else changed" % (len(policies), len(users), len(gone_policies), len(gone_users)))
    return problems


def unchanged(config, snapshot):
    url = emulator_url(config)
    problems = []
    before, after = load(snapshot), read_store(url)
    for kind, key in (("policies", policy_key), ("users", user_key)):
        old = dict((key(item), item) for item in before[kind])
        new = dict((key(item), item) for item in after[kind])
        if len(new) != len(after[kind]) or set(old) != set(new):
            problems.append("the %s differ: %d before, %d now" % (kind, len(before[kind]), len(after[kind])))
        for name in sorted(set(old) & set(new)):
            if old[name] != new[name]:
                problems.append("%s %s changed: %s" % (kind, name, changed_keys(old[name], new[name])))
    # a VOSS export is a POST that reads (the full records of an unchanged run): not a write
    writes = [entry for entry in admin(url, "log")["entries"]
              if entry.get("method") in WRITES and not entry["path"].endswith("/export/")]
    for entry in writes:
        problems.append("a write was sent: %s %s (HTTP %s)" % (entry["method"], entry["path"], entry.get("status")))
    if not problems:
        print("the store is as after round 1 and no write was sent")
    return problems


def recap(round_number, workers, logdir):
    """Each worker's exit status and its one PLAY RECAP line; a worker that did wrong has
    the end of its output (default verbosity: no secret) shown."""
    problems, own = [], declared(objects(), workers)[4]
    for number in range(1, workers + 1):
        me = "w%02d" % number
        with open(os.path.join(logdir, "round%s-%s.rc" % (round_number, me))) as handle:
            status = handle.read().strip()
        with open(os.path.join(logdir, "round%s-%s.log" % (round_number, me))) as handle:
            output = handle.read()
        lines = RECAP.findall(output)
        wrong = []
        if status != "0" or len(lines) != 1:
            wrong.append("exited %s with %d PLAY RECAP lines" % (status, len(lines)))
        else:
            _ok, changed, unreachable, failed = (int(value) for value in lines[0])
            if unreachable or failed:
                wrong.append("unreachable=%d failed=%d" % (unreachable, failed))
            if round_number == "1" and changed < own[me]:
                wrong.append("changed=%d, but its task on its own objects must change them" % changed)
            if round_number == "2" and changed:
                wrong.append("changed=%d in the second run" % changed)
        if wrong:
            problems.append("worker %s: %s; the end of its output:\n%s"
                            % (me, "; ".join(wrong), "\n".join(output.splitlines()[-40:])))
    if not problems:
        print("round %s: all %d workers succeeded%s" % (round_number, workers, ", changed=0" if round_number == "2" else ""))
    return problems


def main(argv):
    command, args = argv[1], argv[2:]
    if command == "seed":
        problems = seed(args[0], int(args[1]), args[2])
    elif command == "check":
        problems = check(args[0], int(args[1]), args[2], args[3])
    elif command == "unchanged":
        problems = unchanged(args[0], args[1])
    elif command == "recap":
        problems = recap(args[0], int(args[1]), args[2])
    elif command == "clear-log":
        admin(emulator_url(args[0]), "log", "DELETE")
        problems = []
    else:
        raise SystemExit("unknown command %r" % command)
    for problem in problems:
        print("FAIL: " + problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
