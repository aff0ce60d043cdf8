"""Section 1 of the report: many policies (create, unchanged re-run), and what limits it when a
goal is missed."""

from report_format import TABLE_HEAD, fmt_int, fmt_ratio, fmt_s, med, medians, ratio, yes_no

PATHS = (("", "in the worker"), ("_module", "as a module"))  # key suffix, where ours runs
# (phase, its name, goal, test of (ours' time, ratio)), for the one task and for the loop, each path
ONE_TASK_GOALS = [("rerun", "unchanged re-run", "<= 2 s and <= 1/20", lambda o, r: o <= 2.0 and r <= 1 / 20.0),
                  ("create", "create", "<= 1/10", lambda o, r: r <= 0.1)]
LOOP_GOALS = [("rerun", "unchanged re-run", "<= 0.15x", lambda o, r: r <= 0.15),
              ("create", "create", "<= 0.15x", lambda o, r: r <= 0.15)]
# (row, ours, baseline, phase, goal, test or None)
GOALS = ([("nccm_configuration_policies, %s, vs uri per policy, %s" % (where, name), "ours" + suffix, "uri", phase,
           goal, test) for suffix, where in PATHS for phase, name, goal, test in ONE_TASK_GOALS]
         + [("nccm_configuration_policy loop, %s, vs uri per policy, %s" % (where, name), "loop" + suffix, "uri", phase,
             goal, test) for suffix, where in PATHS for phase, name, goal, test in LOOP_GOALS]
         + [("nccm_configuration_policies, in the worker, vs uri one list read, %s" % name, "ours", "uri_once", phase,
             "(none)", None) for phase, name in (("rerun", "unchanged re-run"), ("create", "create"))])


def policies_section(pol, per_task, chart, goals):
    """The table and its medians; "What limits it" when a goal is missed. per_task: workload 3's costs;
    each row with a goal is added to goals."""
    if not pol:
        return []
    m = medians(pol["samples"])
    rows, limits = goal_rows(m, goals)
    lines = ["## 1. %d policies: create, then an unchanged re-run" % pol["count"], "",
             "Baseline: `ansible.builtin.uri` per policy (GET the list, then POST when missing or PUT when a "
             "declared field differs: `tests/perf/playbooks/policies_uri.yml`); a second `uri` playbook "
             "reads the list once and loops the writes (`policies_uri_batched.yml`), shown for reference. "
             "Both `uri` playbooks read one page of 500, as hand-written ones do. Ours runs in the controller's "
             "worker process (the default on a local connection) and, in the same rounds, as a module "
             "(`-e ncm_platforms_in_process=false`).", ""] + TABLE_HEAD + rows
    keys = [variant[0] for variant in pol["variants"]]
    lines += ["", "Every variant, median: " + "; ".join(
        "%s: create %s (%s requests), re-run %s (%s requests)" % (key, fmt_s(m[key]["create"]), fmt_int(m[key]["create_req"]),
                                                                  fmt_s(m[key]["rerun"]), fmt_int(m[key]["rerun_req"]))
        for key in keys) + ".", ""]
    chart["1. %d policies (s)" % pol["count"]] = [(key, m[key]["create"], m[key]["rerun"]) for key in keys]
    if limits:
        lines += what_limits_it(pol, per_task, limits)
    return lines


def goal_rows(m, goals):
    """The table's rows of the variants measured, and the goals missed: [(row, ours, phase)]; the rows
    with a goal added to goals as (row, figure, goal, met)."""
    rows, limits = [], []
    for label, ours, base, phase, goal, test in GOALS:
        if ours not in m or base not in m:
            continue
        r = ratio(m[ours][phase], m[base][phase])
        ok = test(m[ours][phase], r) if test and r is not None else None
        rows.append("| %s | %s | %s | %s | %s / %s | %s / %s | %s | %s |" % (
            label, fmt_s(m[ours][phase]), fmt_s(m[base][phase]), fmt_ratio(r),
            fmt_int(m[ours][phase + "_req"]), fmt_int(m[base][phase + "_req"]),
            fmt_int(m[ours][phase + "_writes"]), fmt_int(m[base][phase + "_writes"]), goal, yes_no(ok)))
        if test:
            goals.append((label, "%s vs %s: %s" % (fmt_s(m[ours][phase]), fmt_s(m[base][phase]), fmt_ratio(r)), goal, ok))
        if ok is False:
            limits.append((label, ours, phase))
    return rows, limits


def what_limits_it(pol, per_task, limits):
    lines = ["### What limits it", ""]
    m_ours = med(pol["samples"]["ours"]["rerun"])
    if per_task.get("empty") is not None:
        lines.append("- An empty playbook takes %s here (ansible-playbook start-up: Python imports, inventory, "
                     "plugin loading); one more task of ours adds about %s in the worker, %s as a module. Of the "
                     "one-task re-run's %s (in the worker), about %s is Ansible itself, whatever the module does." % (
                         fmt_s(per_task["empty"]), fmt_s(per_task.get("in_process")), fmt_s(per_task.get("module")),
                         fmt_s(m_ours), fmt_s((per_task["empty"] or 0) + (per_task.get("in_process") or 0))))
    if per_task.get("uri_one") is not None:
        lines.append("- A playbook of one `uri` GET task (workload 3) takes %s here: a goal below that is below what "
                     "`ansible-playbook` with one task of any module costs on this machine." % fmt_s(per_task["uri_one"]))
    lines += profile_notes(pol)
    missed = dict((key, [label for label, other, dummy_phase in limits if other == key]) for key in ("loop", "loop_module"))
    if missed["loop_module"]:
        lines.append("- %s: as a module, a loop starts a module process per item (a Python start-up, module "
                     "transfer, imports, one full list read each), as `uri` does per item." % "; ".join(missed["loop_module"]))
    if missed["loop"]:
        lines.append("- %s: in the worker, each item still pays Ansible's per-item work (templating the "
                     "arguments, the result and its callbacks) and one full list read; see workload 3 for "
                     "the cost of one more task." % "; ".join(missed["loop"]))
    lines.append("")
    return lines


def profile_notes(pol):
    """The module alone under cProfile (outside --short): the unchanged run, then the create."""
    prof = pol.get("profile", {})
    lines = []
    if prof.get("rerun"):
        lines.append("- The module alone (run as `python -m ...nccm_configuration_policies args.json`, no Ansible) "
                     "takes %s for the unchanged run of %d policies (1 list read). cProfile, cumulative, the "
                     "module's own and the HTTP frames:" % (fmt_s(prof["rerun"]["wall"]), pol["count"]))
        lines += profile_table(prof["rerun"]["top"])
    if prof.get("create"):
        lines.append("- Create: the API answers a policy POST with no body (documented default), so the module "
                     "finds the new policies again with one list read after all the POSTs: %s requests for %d "
                     "creates (a list read before, the POSTs, a list read after). Each list read of the "
                     "emulator's default bare-array list is two requests, the page and the empty page that "
                     "confirms its end (a short page is not trusted: docs/DECISIONS.md, \"Paging\"), so N "
                     "creates cost N + 4 requests here and N + 2 against a list that gives its count (the DRF "
                     "envelope). Profile of the module alone (create):"
                     % (fmt_int(med(pol["samples"]["ours"]["create_req"])), pol["count"]))
        lines += profile_table(prof["create"]["top"])
    return lines


def profile_table(top):
    return (["", "  | cumulative | calls | function |", "  | --- | --- | --- |"]
            + ["  | %.3f s | %s | `%s` |" % row for row in top] + [""])
