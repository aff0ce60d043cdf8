"""Workload 6: many HCS admin users: one `hcs_admin_users` task vs `hcs_admin_user` in a loop,
each VOSS transaction taking 0.5 s."""

from seed_data import HIERARCHY, users

VARIANTS = [("ours", "hcs_users_many.yml"), ("loop", "hcs_users_loop.yml")]


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
            made = [u for u in bench.emu.collection("voss_users") if str(u.get("hcsUname", "")).startswith("benchuser")]
            bench.expect("%s: users made" % key, len(made), count)
            bench.expect("%s: writes" % key, writes, count)
            samples[key]["wall"].append(run.wall)
            samples[key]["requests"].append(sent)
            samples[key]["writes"].append(writes)
    bench.results["hcs_users"] = dict(count=count, samples=samples)
