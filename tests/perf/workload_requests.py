"""Workload 2: the requests of an unchanged run against N objects, beside the floor (the fewest
requests that can give the answer); any write is a correctness failure."""

import math

from seed_data import HIERARCHY, policies, seed_policies, seed_users, users, voss_seed

INFRAON_PAGE = 500
VOSS_PAGE = 2000.0


def workload_requests(bench):
    print("2. requests per unchanged run", flush=True)
    sizes = [10] if bench.args.short else [10, 1000, 10000]
    shapes = ["array"] if bench.args.short else ["array", "envelope"]
    rows = [policy_by_id(bench, sizes[-1])]
    rows += policy_by_policyid(bench, shapes, sizes)
    if not bench.args.short:  # the short form: workload 1 runs this module
        rows += many_policies(bench, shapes, sizes)
    rows += hcs_user(bench, sizes)
    if not bench.args.short:  # the short form: workload 6 runs hcs_admin_users
        rows += hcs_users(bench, sizes)
    bench.results["requests"] = rows


def policy_by_id(bench, size):
    """By id: one GET whatever N."""
    target = policies(1, prefix="TARGET-")[0]
    bench.emu.reset()
    seed_policies(bench.emu, size)
    ids = bench.emu.seed({"infraon_policies": [target]})["infraon_policies"]
    bench.emu.clear_log()
    bench.playbook("policy_one.yml", {"policy_args": dict(target, id=ids[0])}, "policy by id")
    return count_row(bench, "policy by id, N=%d" % size, 1, "1 GET of the object")


def policy_by_policyid(bench, shapes, sizes):
    target = policies(1, prefix="TARGET-")[0]
    rows = []
    for shape in shapes:
        for size in sizes:
            bench.emu.reset({"infraon_list_shape": shape})
            seed_policies(bench.emu, size - 1)
            bench.emu.seed({"infraon_policies": [target]})
            bench.emu.clear_log()
            bench.playbook("policy_one.yml", {"policy_args": target}, "policy by policyid, N=%d %s" % (size, shape))
            floor = math.ceil(size / float(INFRAON_PAGE))
            rows.append(count_row(bench, "policy by policyid among N=%d (%s)" % (size, shape), floor,
                                  list_note(shape)))
    return rows


def many_policies(bench, shapes, sizes):
    many = 50
    desired = policies(many)
    rows = []
    for shape in shapes:
        for size in sizes:
            bench.emu.reset({"infraon_list_shape": shape})
            seed_policies(bench.emu, max(0, size - many))
            bench.emu.seed({"infraon_policies": desired})
            bench.emu.clear_log()
            bench.playbook("policies_many.yml", {"policies": desired},
                           "%d policies in one task, N=%d %s" % (many, size, shape))
            floor = math.ceil(max(size, many) / float(INFRAON_PAGE))
            rows.append(count_row(bench, "nccm_configuration_policies, %d among N=%d (%s)"
                                  % (many, max(size, many), shape), floor, list_note(shape)))
    return rows


def hcs_user(bench, sizes):
    if not bench.module_exists("hcs_admin_user"):
        return [dict(case="HCS user by username", requests=None, floor=None, writes=None,
                     note="not measured: hcs_admin_user not built yet")]
    user = users(1)[0]
    args = dict((k, v) for k, v in user.items() if k != "password")
    args["hierarchy"] = HIERARCHY
    rows = []
    for size in sizes:
        bench.emu.reset()
        seed_users(bench.emu, size - 1)
        bench.emu.seed({"voss_users": [voss_seed(user)]})
        bench.emu.clear_log()
        bench.playbook("hcs_user_one.yml", {"user_args": args}, "hcs user by username, N=%d" % size)
        floor = math.ceil(size / VOSS_PAGE)
        rows.append(count_row(bench, "HCS user by username among N=%d" % size, floor,
                              "+1 GET of the user's own record: list items carry a summary "
                              "(hcsUname, hierarchy), not the AdminUser fields to compare"))
    return rows


def hcs_users(bench, sizes):
    if not bench.module_exists("hcs_admin_users"):
        return [dict(case="hcs_admin_users, 50 among N", requests=None, floor=None, writes=None,
                     note="not measured: hcs_admin_users not built yet")]
    declared = users(50)
    rows = []
    for size in sizes:
        bench.emu.reset()
        seed_users(bench.emu, max(0, size - len(declared)))
        bench.emu.seed({"voss_users": [voss_seed(u) for u in declared]})
        bench.emu.clear_log()
        bench.playbook("hcs_users_many.yml", {"users": declared, "hierarchy": HIERARCHY},
                       "%d HCS users in one task, N=%d" % (len(declared), size))
        rows.append(count_row(bench, "hcs_admin_users, %d among N=%d" % (len(declared), max(size, len(declared))),
                              math.ceil(max(size, len(declared)) / VOSS_PAGE),
                              "+1 export of the listed users' full records, 100 a request (list items "
                              "are summaries; see 6b)"))
    return rows


def count_row(bench, case, floor, note):
    sent, writes = bench.emu.counts()
    bench.expect("%s: writes on an unchanged run" % case, writes, 0)
    return dict(case=case, requests=sent, floor=floor, writes=writes, note=note if sent > floor else "at the floor")


def list_note(shape):
    if shape == "array":
        return ("bare-array list: a full last page (or a first page shorter than the server's unknown "
                "clamp) cannot tell it is the last, so one more (empty) page is read")
    return "envelope: count/next end the read"
