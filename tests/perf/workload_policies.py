"""Workload 1: many policies, create then an unchanged re-run: one task vs a loop of the single
module vs `uri` (playbooks/policies_*.yml), ours both in the worker and as a module (the switch
off); outside --short, the module alone under cProfile."""

import io
import json
import os
import pstats
import re

from seed_data import policies, policies_in_emulator, seed_policies

# (key, playbook, run as a module (the switch off), label); the first five run under --short too
VARIANTS = [("ours", "policies_many.yml", False, "nccm_configuration_policies, one task, in the worker"),
            ("ours_module", "policies_many.yml", True, "nccm_configuration_policies, one task, as a module"),
            ("loop", "policies_loop.yml", False, "nccm_configuration_policy in a loop, in the worker"),
            ("loop_module", "policies_loop.yml", True, "nccm_configuration_policy in a loop, as a module"),
            ("uri", "policies_uri.yml", False, "uri per policy (GET list + POST/PUT)"),
            ("uri_once", "policies_uri_batched.yml", False, "uri, one list read + looped POST/PUT")]
SHORT_VARIANTS = 5
OTHERS = 10  # policies of another organization, seeded before each run
MODULE = "ansible_collections.ncm.platforms.plugins.modules.nccm_configuration_policies"


def workload_policies(bench):
    count = 3 if bench.args.short else 50
    desired = policies(count)
    variants = VARIANTS[:SHORT_VARIANTS] if bench.args.short else VARIANTS
    samples = dict((variant[0], {"create": [], "rerun": [], "create_req": [], "create_writes": [],
                                 "rerun_req": [], "rerun_writes": []}) for variant in variants)
    print("1. %d policies, create then unchanged re-run" % count, flush=True)
    for round_no in range(bench.rounds()):
        for key, book, as_module, dummy_label in bench.rotate(variants, round_no):
            create_then_rerun(bench, (key, book, as_module), desired, samples[key])
    bench.results["policies"] = dict(count=count, variants=variants, samples=samples)
    if not bench.args.short:
        bench.results["policies"]["profile"] = profile_policies(bench, desired)


def create_then_rerun(bench, variant, desired, sample):
    """One playbook on a fresh emulator: it creates every policy, then changes nothing.
    variant: (key, playbook, run as a module)."""
    key, book, as_module = variant
    count = len(desired)
    bench.emu.reset()
    seed_policies(bench.emu, OTHERS)
    run = bench.playbook(book, {"policies": desired}, "%s: create" % key, as_module=as_module)
    requests_sent, writes = bench.emu.counts()
    made = policies_in_emulator(bench.emu, "BENCH-")
    bench.expect("%s create: policies made" % key, len(made), count)
    bench.expect("%s create: writes" % key, writes, count)
    sample["create"].append(run.wall)
    sample["create_req"].append(requests_sent)
    sample["create_writes"].append(writes)
    bench.emu.clear_log()
    run = bench.playbook(book, {"policies": desired}, "%s: unchanged re-run" % key, as_module=as_module)
    requests_sent, writes = bench.emu.counts()
    bench.expect("%s re-run: writes" % key, writes, 0)
    bench.expect("%s re-run: changed tasks" % key, run.recap().get("changed"), 0)
    sample["rerun"].append(run.wall)
    sample["rerun_req"].append(requests_sent)
    sample["rerun_writes"].append(writes)


def profile_policies(bench, desired):
    """The many-policies module alone (no Ansible around it), under cProfile: unchanged run."""
    bench.emu.reset()
    seed_policies(bench.emu, OTHERS)
    args_file = os.path.join(bench.work, "module-args.json")
    with open(args_file, "w") as handle:
        json.dump({"ANSIBLE_MODULE_ARGS": {"config": desired}}, handle)
    env = dict(bench.env, PYTHONPATH=bench.collections)
    out = {}
    for phase in ("create", "rerun"):
        prof = os.path.join(bench.work, "policies-%s.prof" % phase)
        run = bench.process([bench.python, "-m", "cProfile", "-o", prof, "-m", MODULE, args_file], env)
        if run.rc != 0:
            bench.fail("module alone (%s): exited %d: %s" % (phase, run.rc, run.output[-2000:]))
            return out
        plain = bench.process([bench.python, "-m", MODULE, args_file], env) if phase == "rerun" else None
        out[phase] = dict(wall_profiled=run.wall, wall=plain.wall if plain else None, top=profile_top(prof))
    return out


def profile_top(path, count=8):
    """The top frames by cumulative time of the module's own code and of the HTTP stack."""
    stream = io.StringIO()
    stats = pstats.Stats(path, stream=stream)
    stats.sort_stats("cumulative").print_stats(40)
    rows = []
    for line in stream.getvalue().splitlines():
        parts = line.split(None, 5)
        ours = any(word in parts[5] for word in ("ncm", "requests", "socket", "json")) if len(parts) == 6 else False
        if ours and re.match(r"^[\d/]+$", parts[0]):
            rows.append((float(parts[3]), parts[0], parts[5][-90:]))
    return rows[:count]
