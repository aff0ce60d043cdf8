"""The objects the workloads declare, and what the emulator is seeded with around them."""

HIERARCHY = "sys.hcs.CS-P.CS-NB.BBBCorp"  # a customer node without users (nor nodes below)


def policies(count, prefix="BENCH-"):
    return [dict(policyid="%s%03d" % (prefix, n), organization="acme", name="Bench policy %d" % n,
                 description="Backup policy %d of the benchmark" % n, processid=3,
                 associated_rule_groups=["rg-core", "rg-edge"]) for n in range(1, count + 1)]


def seed_policies(emu, count, template_prefix="OTHER-"):
    if count:
        emu.seed({"generate": {"collection": "infraon_policies", "count": count, "template": {
            "policyid": template_prefix + "{n:05d}", "organization": "other", "name": "Other policy {n}",
            "processid": 1}}})


def policies_in_emulator(emu, prefix):
    return [p for p in emu.collection("infraon_policies") if str(p.get("policyid", "")).startswith(prefix)]


def audit_template(created):
    return {"organization": "acme", "job_id": "JOB-{n:05d}", "ci_id": "CI-{n:05d}", "job_iteration_id": "1",
            "ipaddress": "10.1.{i:05d}", "device_account": "netops", "dpassword": "device-secret-{n}",
            "connection_protocol": "ssh", "task_owner": "scheduler", "client_ip": "192.0.2.10",
            "job_type": "backup", "job_name": "Nightly backup {n}", "process_name": "config-backup",
            "connection_for": "backup", "config_type": "running", "creationtime": created}


def seed_audit(emu, count, created="2024-03-01T00:00:00.000Z"):
    if count:
        emu.seed({"generate": {"collection": "infraon_audit", "count": count,
                               "template": audit_template(created)}})


def users(count):
    return [dict(username="benchuser%03d" % n, first_name="Bench", last_name="User %d" % n,
                 email="benchuser%03d@example.com" % n, role="CustomerAdminRole", password="Bench-pass-%03d" % n)
            for n in range(1, count + 1)]


def voss_seed(user):
    admin = dict(username=user["username"], first_name=user["first_name"], last_name=user["last_name"],
                 email=user["email"], role=user["role"])
    return {"hierarchy": HIERARCHY, "hcsUname": user["username"], "AdminUser": admin}


def seed_users(emu, count):
    if count:
        emu.seed({"generate": {"collection": "voss_users", "count": count, "template": {
            "hierarchy": HIERARCHY, "hcsUname": "other{n:05d}",
            "AdminUser": {"username": "other{n:05d}", "role": "CustomerAdminRole"}}}})
