"""The process: CLI (port file, config, state file, SIGTERM/SIGINT), persistence, TLS."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest
import requests

EMULATOR_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KEY = {"Authorization": "emulator-infraon-key"}
POLICIES = "/ux/nccm/configuration_policies/"
LIST = POLICIES + "?items_per_page=10&page=1"


@pytest.fixture
def cli(tmp_path):
    """Start the emulator through its CLI; every process still running at teardown is killed."""
    procs = []

    def start(*extra):
        proc, port = run_cli(tmp_path, *extra)
        procs.append(proc)
        return proc, port
    yield start
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)


def run_cli(tmp_path, *extra):
    """The command of docs/docsite/rst/rehearse.rst: python <collection>/tests/emulator, from another
    folder and without PYTHONPATH."""
    port_file = tmp_path / "port"
    if port_file.exists():
        port_file.unlink()
    env = dict((name, value) for name, value in os.environ.items() if name != "PYTHONPATH")
    proc = subprocess.Popen([sys.executable, EMULATOR_DIR, "--host", "127.0.0.1", "--port", "0",
                             "--port-file", str(port_file)] + list(extra),
                            env=env, cwd=str(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 20
    while not port_file.exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise AssertionError("emulator did not start: %s" % proc.communicate()[1].decode())
        time.sleep(0.05)
    return proc, int(port_file.read_text().strip())


def stop(proc, sig=signal.SIGTERM):
    proc.send_signal(sig)
    try:
        return proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()


def test_state_file_survives_a_restart(start_emulator, tmp_path):
    state = str(tmp_path / "state.json")
    first = start_emulator(state_file=state)
    requests.put(first.url + "/_emulator/switches", json={"infraon_list_shape": "envelope"}, timeout=10)
    resp = requests.post(first.url + POLICIES, json={"policyid": "kept", "organization": "o"}, headers=KEY, timeout=10)
    assert resp.status_code == 201
    saved = json.loads(open(state).read())
    assert [p["policyid"] for p in saved["store"]["infraon_policies"].values()] == ["kept"], "saved on change"
    first.stop()
    second = start_emulator(state_file=state)
    got = requests.get(second.url + LIST, headers=KEY, timeout=10).json()
    assert [p["policyid"] for p in got["results"]] == ["kept"]


def test_reset_is_saved_too(start_emulator, tmp_path):
    state = str(tmp_path / "state.json")
    server = start_emulator(state_file=state)
    requests.post(server.url + "/_emulator/seed", json={"infraon_audit": [{"organization": "o"}]}, timeout=10)
    requests.post(server.url + "/_emulator/reset", timeout=10)
    assert json.loads(open(state).read())["store"]["infraon_audit"] == {}


def test_config_seeds_and_switch_defaults(start_emulator):
    server = start_emulator(config={"switches": {"infraon_list_shape": "envelope"},
                                    "infraon": {"seed": {"infraon_policies": [{"policyid": "from-config", "organization": "o"}]}}})
    got = requests.get(server.url + LIST, headers=KEY, timeout=10).json()
    assert [p["policyid"] for p in got["results"]] == ["from-config"]
    requests.post(server.url + "/_emulator/reset", timeout=10)
    got = requests.get(server.url + LIST, headers=KEY, timeout=10).json()
    assert got["count"] == 1, "reset goes back to the configured start state"


def test_cli_port_file_config_state_and_sigterm(cli, tmp_path):
    config = tmp_path / "config.json"
    config.write_text(json.dumps({"infraon": {"api_key": "cli-key"}}))
    state = tmp_path / "state.json"
    proc, port = cli("--config", str(config), "--state-file", str(state))
    base = "http://127.0.0.1:%d" % port
    assert requests.get(base + LIST, headers={"Authorization": "cli-key"}, timeout=10).status_code == 200
    assert requests.post(base + POLICIES, json={"policyid": "cli", "organization": "o"},
                         headers={"Authorization": "cli-key"}, timeout=10).status_code == 201
    assert stop(proc) == 0
    saved = json.loads(state.read_text())
    assert [p["policyid"] for p in saved["store"]["infraon_policies"].values()] == ["cli"]
    assert not [name for name in os.listdir(str(tmp_path)) if ".tmp" in name], "no temporary files left"

    proc, port = cli("--config", str(config), "--state-file", str(state))
    got = requests.get("http://127.0.0.1:%d" % port + LIST, headers={"Authorization": "cli-key"}, timeout=10).json()
    assert [p["policyid"] for p in got] == ["cli"]
    assert stop(proc, signal.SIGINT) == 0


def test_cli_names_its_url_and_its_readme(cli):
    """Before its port file: where it listens, and the README of its credentials, seed data and switches."""
    proc, port = cli()
    assert stop(proc) == 0
    assert proc.stderr.read().decode().splitlines()[:2] == [
        "ncm_emulator listening on http://127.0.0.1:%d" % port,
        "ncm_emulator credentials (the defaults), seed data and switches: %s" % os.path.join(EMULATOR_DIR, "README.md")]


def test_cli_tls_dir(cli, tmp_path):
    tls = tmp_path / "tls"
    proc, port = cli("--tls-dir", str(tls))
    base = "https://127.0.0.1:%d" % port
    assert requests.get(base + LIST, headers=KEY, verify=str(tls / "ca.pem"), timeout=10).status_code == 200
    assert requests.get("https://localhost:%d" % port + LIST, headers=KEY, verify=str(tls / "ca.pem"), timeout=10).ok
    with pytest.raises(requests.exceptions.SSLError):
        requests.get(base + LIST, headers=KEY, timeout=10)
    assert stop(proc) == 0


def test_tls_faults_and_keep_alive(start_emulator, tmp_path):
    server = start_emulator(tls_dir=str(tmp_path))
    assert server.url.startswith("https://")
    ca_pem = str(tmp_path / "ca.pem")  # per request: REQUESTS_CA_BUNDLE would override session.verify
    session = requests.Session()
    session.headers.update(KEY)
    assert session.get(server.url + LIST, verify=ca_pem, timeout=10).status_code == 200
    session.post(server.url + "/_emulator/faults", json={"kind": "drop", "path": "configuration_policies"},
                 verify=ca_pem, timeout=10)
    with pytest.raises(requests.exceptions.ConnectionError):
        session.get(server.url + LIST, verify=ca_pem, timeout=10)
    assert session.get(server.url + LIST, verify=ca_pem, timeout=10).status_code == 200


def test_keep_alive_serves_many_requests_on_one_connection(infraon):
    for dummy in range(20):
        assert infraon.get(infraon.base + LIST, timeout=10).status_code == 200
    assert infraon.post(infraon.base + POLICIES, json={"policyid": "p", "organization": "o"}, timeout=10).status_code == 201
    assert infraon.get(infraon.base + LIST, timeout=10).json()[0]["policyid"] == "p"
