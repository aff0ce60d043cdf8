"""Workload 6: many HCS admin users: one `hcs_admin_users` task vs `hcs_admin_user` in a loop,
each VOSS transaction taking 0.5 s; then the requests of an unchanged run and of a delete of
them all, by the new path (full records through the export, one bulk delete) beside the old
one (one GET and one DELETE per user: the emulator's switches that refuse both)."""

from seed_data import HIERARCHY, users, voss_seed

VARIANTS = [("ours", "hcs_users_many.yml"), ("loop", "hcs_users_loop.yml")]
# path -> the switches that give it: the old path is what a server without export and bulk delete gets
PATHS = [("export + bulk delete", {}), ("GET + DELETE per user", {"voss_export_refuse": 405, "voss_bulk_delete_refuse": 405})]


def workload_hcs_users(bench):
    count = 3 if bench.args.short else 50
    missing = [name for name in ("hcs_admin_users", "hcs_admin_user") if not bench.module_exists(name)]
    if missing:
        bench.results["hcs_users"] = dict(count=count, missing=missing)
        print("6. not measured: %s not built yet" % ", ".join(missing), flush=True)
        return
    print("6. %d HCS users, transactions of 0.5 s" % count, flush=True)
    declared = users(count)
    samples = dict((key, {"wall": [], "requests": [], "writes": []}) for key, dummy_book in VARIANTS)
    for round_no in range(bench.rounds()):
        for key, book in bench.rotate(VARIANTS, round_no):
            bench.emu.reset({"voss_transaction_seconds": 0.5})
            run = bench.playbook(book, {"users": declared, "hierarchy": HIERARCHY}, "%s: create %d users" % (key, count))
            sent, writes = bench.emu.counts()
            bench.expect("%s: users made" % key, len(bench_users(bench)), count)
            bench.expect("%s: writes" % key, writes, count)
            samples[key]["wall"].append(run.wall)
            samples[key]["requests"].append(sent)
            samples[key]["writes"].append(writes)
    bench.results["hcs_users"] = dict(count=count, samples=samples, paths=[count_path(bench, declared, key, switches)
                                                                           for key, switches in PATHS])


def bench_users(bench):
    return [u for u in bench.emu.collection("voss_users") if str(u.get("hcsUname", "")).startswith("benchuser")]


def count_path(bench, declared, key, switches):
    """One run each: the requests of an unchanged run of ``declared``, then of deleting them all."""
    bench.emu.reset(dict(switches, voss_transaction_seconds=0.5))
    bench.emu.seed({"voss_users": [voss_seed(user) for user in declared]})
    bench.emu.clear_log()
    variables = {"users": declared, "hierarchy": HIERARCHY}
    unchanged = bench.playbook("hcs_users_many.yml", variables, "%s: unchanged run of %d users" % (key, len(declared)))
    sent, writes = bench.emu.counts()
    bench.expect("%s: writes on an unchanged run" % key, writes, 0)
    bench.emu.clear_log()
    variables["users"] = [{"username": user["username"]} for user in declared]
    deleted = bench.playbook("hcs_users_delete.yml", variables, "%s: delete %d users" % (key, len(declared)))
    delete_sent, delete_writes = bench.emu.counts()
    bench.expect("%s: users left after the delete" % key, len(bench_users(bench)), 0)
    return dict(path=key, unchanged=sent, unchanged_wall=unchanged.wall, delete=delete_sent,
                delete_writes=delete_writes, delete_wall=deleted.wall)
