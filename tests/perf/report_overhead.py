"""Section 3 of the report: the per-task overhead of a task of ours, in the worker (the default)
and as a module (the switch off), beside a `uri` task."""

from report_format import TABLE_HEAD, fmt_ratio, fmt_s, med, ratio, yes_no

GOAL = 0.1  # one more task in the worker costs at most this share of one more `uri` task
PATHS = (("in_process", "in the worker (the default)"), ("module", "as a module (`ncm_platforms_in_process=false`)"))


def per_task_costs(ovh):
    """Workload 3's medians: one more task of each kind, an empty playbook, a one-task uri playbook."""
    if not ovh:
        return {}
    s, extra = ovh["samples"], ovh["extra"]
    per_task = {}
    for kind in ("in_process", "module", "uri"):
        diffs = [(b - a) / extra for a, b in zip(s[kind][1], s[kind][1 + extra])] if extra else []
        per_task[kind] = med(diffs)
    per_task["empty"] = med(s["empty"])
    per_task["uri_one"] = med(s["uri"][1])
    return per_task


def overhead_section(ovh, per_task, chart, goals):
    """The table (each path beside `uri`), the goal of the worker path added to goals."""
    if not ovh:
        return []
    s, extra = ovh["samples"], ovh["extra"]
    lines = ["## 3. Per-task overhead: one task of ours, in the worker and as a module, vs one `uri` GET task", "",
             "Each task reads one policy by id (1 GET). Per-task cost = (playbook of %d tasks - playbook of "
             "1 task) / %d, paired per round; the one-task playbooks are shown whole. Ours runs in the "
             "controller's worker process (the default on a local connection) and, in the same rounds, as a "
             "module (`-e ncm_platforms_in_process=false`); a -vvv run of each checks the path taken."
             % (1 + extra, extra), ""] + TABLE_HEAD
    r_worker = ratio(per_task["in_process"], per_task["uri"])
    for kind, where in PATHS:
        r = ratio(per_task[kind], per_task["uri"])
        goal, ok = ("<= %gx" % GOAL, r <= GOAL if r is not None else None) if kind == "in_process" else ("(none)", None)
        lines.append("| cost of one more task, %s | %s | %s | %s | 1 / 1 | 0 / 0 | %s | %s |" % (
            where, fmt_s(per_task[kind]), fmt_s(per_task["uri"]), fmt_ratio(r), goal, yes_no(ok)))
    for kind, where in PATHS:
        lines.append("| playbook of one task (start-up included), %s | %s | %s | %s | 1 / 1 | 0 / 0 | (none) | - |" % (
            where, fmt_s(med(s[kind][1])), fmt_s(med(s["uri"][1])), fmt_ratio(ratio(med(s[kind][1]), med(s["uri"][1])))))
    lines += ["| empty playbook (start-up alone) | %s | | | 0 | 0 | | |" % fmt_s(per_task["empty"]), ""]
    goals.append(("one more task in the worker vs one more `uri` task", "%s vs %s: %s" % (
        fmt_s(per_task["in_process"]), fmt_s(per_task["uri"]), fmt_ratio(r_worker)), "<= %gx" % GOAL,
        r_worker <= GOAL if r_worker is not None else None))
    if r_worker is not None and r_worker > GOAL:
        lines += ["What limits it: in the worker a task no longer starts a module process, but Ansible's own "
                  "work for each task remains (the strategy forks a worker, templates the task, runs the "
                  "callbacks and handles the result), and the GET itself; `uri` pays the same plus its module "
                  "process. Per-task times under load are noisy (see the load average above).", ""]
    chart["3. per-task cost (s)"] = [("in the worker", per_task["in_process"], None),
                                     ("as a module", per_task["module"], None), ("uri", per_task["uri"], None)]
    return lines
