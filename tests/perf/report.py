"""The benchmark's report: markdown (printed, or written to --out with a PNG chart beside it)."""

import os
import platform

from report_chart import draw
from report_format import yes_no
from report_overhead import overhead_section, per_task_costs
from report_policies import policies_section
from report_sections import audit_info_section, hcs_users_section, purge_section, push_section, requests_section


def report(bench, out_path):
    """The markdown of bench's results; with out_path, also written there and charted beside it."""
    res = bench.results
    chart, goals = {}, []
    per_task = per_task_costs(res.get("overhead"))
    lines = policies_section(res.get("policies"), per_task, chart, goals)
    lines += requests_section(res.get("requests"), chart)
    lines += overhead_section(res.get("overhead"), per_task, chart, goals)
    lines += audit_info_section(res.get("audit_info"), chart)
    lines += push_section(res.get("push"), chart)
    lines += hcs_users_section(res.get("hcs_users"), chart)
    lines += purge_section(res.get("purge"), chart)
    lines = header(bench) + goals_section(goals) + lines
    lines += wall_times_section()
    if bench.failures:
        lines += ["## Correctness failures", ""] + ["- " + f.splitlines()[0] for f in bench.failures] + [""]
    text = "\n".join(lines)
    if out_path:
        text = write(text, chart, out_path)
    return text


WALL_TIMES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "wall_times.md")


def wall_times_section():
    """The wall times of make demo and make test, timed by hand (a benchmark cannot run make
    test inside itself): tests/perf/wall_times.md, copied in as it is."""
    if not os.path.exists(WALL_TIMES):
        return []
    with open(WALL_TIMES, encoding="utf-8") as handle:
        return handle.read().rstrip("\n").split("\n") + [""]


def header(bench):
    res, info = bench.results, machine()
    return ["# Performance", "",
            "Written by `tests/perf/bench.py` (`make bench`); do not edit by hand. Loopback, against the local "
            "emulator (`tests/emulator`). Times are the wall time of the whole `ansible-playbook` process "
            "(start-up included) or of the whole script; medians of %d paired run(s), ours and the baseline "
            "taking turns within each round; the emulator is reset and seeded before every run. Requests and "
            "writes are counted from the emulator's request log (logins are not writes)." % bench.rounds(), "",
            "- date: %s" % res["started"].strftime("%Y-%m-%d %H:%M UTC"),
            "- machine: %d cores (%s), %s; Python %s, ansible-core %s" % (info["cores"], info["cpu"] or "?",
                                                                          info["system"], info["python"], info["core"]),
            "- load average (1, 5, 15 min) before / after: %s / %s%s" % (
                ", ".join("%.2f" % x for x in res["load_before"]), ", ".join("%.2f" % x for x in res["load_after"]),
                " (other jobs were running on the machine: times are noisy)" if res["load_before"][0] > 1.0 else ""),
            "- benchmark run time: %.0f s%s" % (res["duration"], "; short form (small N, one run)" if bench.args.short else ""),
            "- correctness: %s" % ("all checks passed" if not bench.failures else "%d FAILURES" % len(bench.failures)),
            "- paths: a task of ours on a local connection runs in the controller's worker process (the "
            "default, through the collection's action plugins); sections 1 and 3 also run the same playbooks "
            "with `-e ncm_platforms_in_process=false` (every task as a module, as before the action plugins), "
            "both paths in the same run, taking turns within each round",
            ""]


def goals_section(goals):
    """Every goal of sections 1 and 3 in one table: [(row, figures, goal, met)]."""
    if not goals:
        return []
    return (["## Goals", "", "| workload | ours vs baseline: ratio | goal | goal met |", "| --- | --- | --- | --- |"]
            + ["| %s | %s | %s | %s |" % (row, figures, goal, yes_no(ok)) for row, figures, goal, ok in goals] + [""])


def machine():
    cpu = ""
    try:
        with open("/proc/cpuinfo") as handle:
            cpu = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), "")
    except OSError:
        pass
    try:
        from ansible.release import __version__ as core
    except ImportError:
        core = "?"
    return dict(cores=os.cpu_count(), cpu=cpu, python=platform.python_version(), core=core,
                system="%s %s" % (platform.system(), platform.release()))


def write(text, chart, out_path):
    """Write the markdown (the chart linked at its top) and the chart beside it; the text written."""
    folder = os.path.dirname(os.path.abspath(out_path))
    os.makedirs(folder, exist_ok=True)
    png = os.path.splitext(out_path)[0] + ".png"
    text = text.replace("# Performance\n", "# Performance\n\n![the tables below as a chart](%s)\n" % os.path.basename(png), 1)
    with open(out_path, "w") as handle:
        handle.write(text)
    draw(chart, png)
    print("wrote %s and %s" % (out_path, png))
    return text
