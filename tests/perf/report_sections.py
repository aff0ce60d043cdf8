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
    interval = comp["push"]["new"]["interval"]
    lines = ["## 5. A %d s push job (`cmc_push_job`, default intervals)" % push["seconds"], "",
             "Default: a poll every `poll_interval` %g s on one grid of the monotonic clock (poll k at k x %g s "
             "from the start of the wait, so the time of the requests does not stretch the gaps). Measured: "
             "one real run (the job is Queued 1 s, then InProgress)." % (interval, interval), "",
             "| workload | ours | baseline | ratio | requests sent | writes | polls | end of job -> last poll | end of job -> task end |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    if meas:
        lines.append("| %d s job, measured (one run) | %s | - | - | %d | %d (the submit) | %d | %s | %s |" % (
            push["seconds"], fmt_s(meas["wall"]), meas["requests"], meas["writes"], meas["polls"],
            fmt_s(meas["seen_after"]), fmt_s(meas["task_end_after"])))
    lines += ["", "Computed: `waiting.wait_for` of the tree under a fake clock (a poll takes no time), now beside "
              "the schedule before issue 25 (5 s, growing by half up to 30 s). Polls per 4 s: the polls over the "
              "wait's length in 4 s units (the goal: at most 1 on average, the end seen within 5 s). Lengths in whole "
              "seconds; an end just after a poll is seen one interval later (just under %g s now, up to 30 s "
              "before), plus the time of one request." % interval, ""]
    lines += schedule_table(comp["push"]["rows"])
    lines += ["Why one fixed grid rather than a schedule learnt from the job list (polling sparsely until the "
              "expected end of the same features' jobs, then closely): a job that ends before its expected end "
              "would be seen late, so \"the end of any job within 5 s\" still needs every gap <= 5 s, and a grid "
              "of 4 s already meets both goals for any length (poll k at 4k s: k polls in 4k s). A learnt schedule "
              "would add the job-list reads and save nothing against the goal. `max_poll_interval` set above "
              "`poll_interval` still grows the interval (fewer polls, the end seen later).", ""]
    lines += ["### VOSS transactions (`hcs_admin_user`, `hcs_admin_users`), computed", "",
              "Now: a poll at once, then at %s s, then every %g s on the same grid; before: at once, then 0.5 s "
              "growing by half up to 5 s. The goal applied: the end of any transaction seen within 5 s, at one "
              "poll per 4 s on average past the first 2 s (at most four polls above that). Most transactions end "
              "within a second (0.5 s in the emulator) and every write waits for its transaction, so the early "
              "polls buy most of the speed of short writes; past 2 s the push job's rule applies. Long transactions "
              "get a poll every 4 s where they got one every 5 s: before, a 5 s gap plus the poll's own time could "
              "see an end more than 5 s late." % (
                  ", ".join("%g" % at for at in comp["voss"]["new"]["early"]), comp["voss"]["new"]["interval"]), ""]
    lines += schedule_table(comp["voss"]["rows"])
    chart["5. push job: end -> last poll (s), now vs before"] = [
        (r["label"].replace(" job", ""), r["new"][1], r["old"][1]) for r in comp["push"]["rows"]]
    return lines


def schedule_table(rows):
    """One computed table: polls, end -> last poll and polls per 4 s, now / before, per row."""
    lines = ["| length | polls: now / before | end -> last poll: now / before | polls per 4 s: now / before |",
             "| --- | --- | --- | --- |"]
    for row in rows:
        lines.append("| %s | %s / %s | %s / %s | %.2f / %.2f |" % (
            row["label"], fmt_count(row["new"][0]), fmt_count(row["old"][0]), fmt_s(row["new"][1]),
            fmt_s(row["old"][1]), row["new"][2], row["old"][2]))
    return lines + [""]


def fmt_count(value):
    return ("%.1f" % value) if isinstance(value, float) else "%d" % value


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
    return lines + hcs_paths_lines(hcs)


def hcs_paths_lines(hcs):
    """The requests of an unchanged run and of a delete of the users, new path beside old."""
    if not hcs.get("paths"):
        return []
    lines = ["### 6b. Full records and deletes of %d users: the export and the bulk delete, beside one request "
             "per user" % hcs["count"], "",
             "List items are summaries, so comparing a user needs its full record. The documented JSON export "
             "(`POST .../export/` with the users' hrefs) answers the full data of many users in one synchronous "
             "request: a zip in the answer itself, no transaction, nothing kept on the server. `hcs_admin_users` "
             "reads it in memory only, removes any password, used password or security question before use "
             "(the documents do not promise the export leaves them out), and writes it nowhere (only "
             "`backup: true` writes a file, on purpose). Deletes go as one bulk `DELETE` with the users' hrefs, "
             "one transaction. The old path is what a server that refuses both gets (emulator switches "
             "`voss_export_refuse` and `voss_bulk_delete_refuse`, 405); its counts include the one refused "
             "request of each kind. One run each, in the same bench run.", "",
             "| path | unchanged run: requests | wall | delete all: requests | writes | wall |",
             "| --- | --- | --- | --- | --- | --- |"]
    for row in hcs["paths"]:
        lines.append("| %s | %s | %s | %s | %s | %s |" % (
            row["path"], fmt_int(row["unchanged"]), fmt_s(row["unchanged_wall"]), fmt_int(row["delete"]),
            fmt_int(row["delete_writes"]), fmt_s(row["delete_wall"])))
    return lines + ["", "A delete's requests include the polls of its transactions (0.5 s each).", ""]


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
