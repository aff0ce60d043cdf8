"""Workload 3: the per-task overhead of one task of ours, in the worker (the default) and as a
module (the switch off), vs one `uri` GET task, from playbooks of 1 and 1 + extra tasks (written at
run time) and an empty one; each task reads one policy by id. Each path is checked at -vvv."""

import os

from seed_data import policies

OURS_TASK = ["      ncm.platforms.nccm_configuration_policy_info:", "        id: \"{{ policy_id }}\""]
URI_TASK = ["      ansible.builtin.uri:",
            "        url: \"{{ lookup('ansible.builtin.env', 'INFRAON_URL') }}"
            "/ux/nccm/configuration_policies/{{ policy_id }}/\"",
            "        headers:", "          Authorization: \"{{ lookup('ansible.builtin.env', "
            "'INFRAON_API_KEY') }}\""]
# kind: (the playbook's task, run as a module, the line the action plugin writes at -vvv)
KINDS = {"in_process": ("ours", False, "runs in the controller's worker process"),
         "module": ("ours", True, "runs as a module: ncm_platforms_in_process is false"),
         "uri": ("uri", False, None)}


def workload_overhead(bench):
    print("3. per-task overhead", flush=True)
    extra = 0 if bench.args.short else 20
    bench.emu.reset()
    target = policies(1, prefix="TARGET-")[0]
    policy_id = bench.emu.seed({"infraon_policies": [target]})["infraon_policies"][0]
    sizes = sorted(set((1, 1 + extra)))
    books = dict(((task, n), overhead_playbook(bench.work, task, n)) for task in ("ours", "uri") for n in sizes)
    samples = dict((kind, dict((n, []) for n in sizes)) for kind in KINDS)
    samples["empty"] = []
    empty = overhead_playbook(bench.work, "ours", 0)
    pairs = [(kind, n) for n in sizes for kind in KINDS]
    for round_no in range(bench.rounds()):
        if extra:
            samples["empty"].append(bench.playbook(empty, {}, "empty playbook (start-up)").wall)
        for kind, tasks in bench.rotate(pairs, round_no):
            task, as_module, dummy_line = KINDS[kind]
            bench.emu.clear_log()
            run = bench.playbook(books[(task, tasks)], {"policy_id": policy_id}, "%s x %d" % (kind, tasks),
                                 as_module=as_module)
            sent, writes = bench.emu.counts()
            bench.expect("%s x %d: requests" % (kind, tasks), sent, tasks)
            bench.expect("%s x %d: writes" % (kind, tasks), writes, 0)
            samples[kind][tasks].append(run.wall)
    check_paths(bench, books[("ours", 1)], policy_id)
    bench.results["overhead"] = dict(extra=extra, samples=samples)


def check_paths(bench, book, policy_id):
    """Untimed, at -vvv: each kind of ours took the path it names (the action plugin says which)."""
    for kind, (dummy_task, as_module, line) in KINDS.items():
        if line is None:
            continue
        run = bench.playbook(book, {"policy_id": policy_id}, "%s x 1 at -vvv (path check)" % kind,
                             as_module=as_module, options=("-vvv",))
        if "nccm_configuration_policy_info " + line not in run.output:
            bench.fail("%s: the -vvv output does not say the task %s" % (kind, line))


def overhead_playbook(work, task, tasks):
    """Write a playbook of `tasks` tasks of one kind (ours or uri) into work; its path."""
    path = os.path.join(work, "overhead-%s-%d.yml" % (task, tasks))
    lines = ["---", "- name: Per-task overhead (%s x %d)" % (task, tasks), "  hosts: localhost",
             "  gather_facts: false", "  tasks:" if tasks else "  tasks: []"]
    for n in range(tasks):
        lines += ["    - name: Read the policy %d" % n] + (OURS_TASK if task == "ours" else URI_TASK)
    with open(path, "w") as handle:
        handle.write("\n".join(lines) + "\n")
    return path
