"""Sections 2 and 4 to 7 of the report, one function each: the section's lines (none when the workload
did not run), its chart panel added to chart."""

import os

from report_format import TABLE_HEAD, fmt_int, fmt_ratio, fmt_s, medians, ratio, yes_no


def requests_section(rows, chart):
    if not rows:
        return []
    lines = ["## 2. Requests per unchanged run", "",
             "Floor: the fewest requests that can give the answer (1 GET by id; one page of 500 per 500 "
             "policies; one page of 2000 users). Zero writes always.", "",
             "| workload | ours (requests sent) | baseline (floor) | ratio | requests sent | writes | goal | goal met | why above the floor |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for row in rows:
        if row["requests"] is None:
            lines.append("| %s | - | - | - | - | - | 0 writes | - | %s |" % (row["case"], row["note"]))
            continue
        lines.append("| %s | %d | %d | %s | %d | %d | 0 writes | %s | %s |" % (
            row["case"], row["requests"], row["floor"], fmt_ratio(ratio(row["requests"], row["floor"])),
            row["requests"], row["writes"], yes_no(row["writes"] == 0), row["note"]))
    lines.append("")
    chart["2. requests, unchanged run"] = [(r["case"].replace("among ", "").replace("nccm_configuration_policies", "many")[:28],
                                            r["requests"], r["floor"]) for r in rows if r["requests"] is not None]
    return lines


def audit_info_section(aud, chart):
    if not aud:
        return []
    m = medians(aud["samples"])
    row = "| %s | %s | %s | %s | %s / %s | 0 / 0 | %.0f MiB / %.0f MiB | - |"
    lines = ["## 4. Reading %d audit records: `nccm_account_audit_info` vs a plain `requests` loop" % aud["count"], "",
             "Peak memory: the largest process of the run's tree (`ru_maxrss` from `wait4`: for a playbook, "
             "the controller, its worker or the module process, whichever peaked highest).", "",
             "| workload | ours | baseline | ratio | requests sent | writes | peak memory (ours / baseline) | goal met |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for label, ours, base in (("every record returned to Ansible / kept in a list", "ours_all", "req_keep"),
                              ("none returned (a filter that matches none) / counted only", "ours_none", "req_count")):
        lines.append(row % (label, fmt_s(m[ours]["wall"]), fmt_s(m[base]["wall"]),
                            fmt_ratio(ratio(m[ours]["wall"], m[base]["wall"])),
                            fmt_int(m[ours]["requests"]), fmt_int(m[base]["requests"]), m[ours]["rss"], m[base]["rss"]))
    lines += ["", "The module runs inside `ansible-playbook` (start-up and result handling included); the "
              "baseline is a bare Python process, so the ratio is mostly Ansible's own cost. Returning the "
              "records costs the difference between the two module rows (%s, and the memory)." % fmt_s(
                  (m["ours_all"]["wall"] or 0) - (m["ours_none"]["wall"] or 0)), ""]
    chart["4. %d audit records (s)" % aud["count"]] = [
        ("module all", m["ours_all"]["wall"], None), ("module none", m["ours_none"]["wall"], None),
        ("requests keep", m["req_keep"]["wall"], None), ("requests count", m["req_count"]["wall"], None)]
    return lines


def push_section(push, chart):
    if not push:
        return []
    meas, comp = push["measured"], push["computed"]
    lines = ["## 5. A %d s push job (`cmc_push_job`, default intervals)" % push["seconds"], "",
             "Default `poll_interval` %.0f s, growing by half up to `max_poll_interval` %.0f s. Measured: one "
             "real run (the job is Queued 1 s, then InProgress); computed: `waiting.wait_for` of the tree "
             "under a fake clock." % (comp["interval"], comp["max_interval"]), "",
             "| workload | ours | baseline | ratio | requests sent | writes | polls | end of job -> last poll | end of job -> task end |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    if meas:
        lines.append("| %d s job, measured (one run) | %s | - | - | %d | %d (the submit) | %d | %s | %s |" % (
            push["seconds"], fmt_s(meas["wall"]), meas["requests"], meas["writes"], meas["polls"],
            fmt_s(meas["seen_after"]), fmt_s(meas["task_end_after"])))
    for row in comp["rows"]:
        lines.append("| %s, computed | - | - | - | - | - | %s | %s | - |" % (
            row["label"], ("%.1f" % row["polls"]) if isinstance(row["polls"], float) else row["polls"],
            fmt_s(row["delay"])))
    lines += ["", "The end of a job is seen within the interval in force (up to %.0f s after the job ends once "
              "the interval has grown); lower `max_poll_interval` for a shorter delay at the cost of more polls."
              % comp["max_interval"], ""]
    chart["5. push job: delay after its end (s)"] = [(r["label"].replace(" job", ""), r["delay"], None)
                                                     for r in comp["rows"]]
    return lines


def hcs_users_section(hcs, chart):
    if not hcs:
        return []
    lines = ["## 6. %d HCS admin users: one `hcs_admin_users` task vs `hcs_admin_user` in a loop "
             "(transactions of 0.5 s)" % hcs["count"], ""] + TABLE_HEAD
    if hcs.get("missing"):
        lines.append("| create %d users | not measured: %s not built yet | | | | | <= 1/5 | - |" % (
            hcs["count"], " and ".join(hcs["missing"])))
    else:
        m = medians(hcs["samples"])
        r = ratio(m["ours"]["wall"], m["loop"]["wall"])
        lines.append("| create %d users | %s | %s | %s | %s / %s | %s / %s | <= 1/5 | %s |" % (
            hcs["count"], fmt_s(m["ours"]["wall"]), fmt_s(m["loop"]["wall"]), fmt_ratio(r),
            fmt_int(m["ours"]["requests"]), fmt_int(m["loop"]["requests"]), fmt_int(m["ours"]["writes"]),
            fmt_int(m["loop"]["writes"]), yes_no(r <= 0.2 if r is not None else None)))
        chart["6. %d HCS users (s)" % hcs["count"]] = [
            ("one task", m["ours"]["wall"], None), ("loop", m["loop"]["wall"], None)]
    lines.append("")
    return lines


def purge_section(pur, chart):
    if not pur:
        return []
    m = medians(pur["samples"])
    lines = ["## 7. Purge of %d audit records, export included" % pur["count"], "",
             "Baseline: a plain `requests` script that reads the pages, writes the export, then deletes one "
             "record after another. Ours: `nccm_account_audit_purge` (default `max_in_flight` 4), in a playbook.", ""]
    lines += TABLE_HEAD
    for label, ours in (("export + delete %d records" % pur["count"], "ours"),
                        ("the same through the `audit_retention` role", "role")):
        lines.append("| %s | %s | %s | %s | %s / %s | %s / %s | < 60 s | %s |" % (
            label, fmt_s(m[ours]["wall"]), fmt_s(m["req"]["wall"]), fmt_ratio(ratio(m[ours]["wall"], m["req"]["wall"])),
            fmt_int(m[ours]["requests"]), fmt_int(m["req"]["requests"]), fmt_int(m[ours]["writes"]),
            fmt_int(m["req"]["writes"]), yes_no(m[ours]["wall"] < 60 if m[ours]["wall"] is not None else None)))
    lines += ["", "Against one loopback emulator (a threaded werkzeug server on %d cores) parallel deletes "
              "share the server's CPU; the time is mostly the server's." % (os.cpu_count() or 0), ""]
    chart["7. purge %d records (s)" % pur["count"]] = [
        ("purge module", m["ours"]["wall"], None), ("audit_retention role", m["role"]["wall"], None),
        ("requests loop", m["req"]["wall"], None)]
    return lines
