"""The CLI contract: list / run / show, summary.json format, clear errors on bad usage."""
import json
import os
import subprocess
import sys

import pytest

from verify.cli import main

CLAIM = "rushka-klabjan:[60]"


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "verify.cli", *args], capture_output=True, text=True, timeout=300)


def test_list_shows_claims_and_chains(capsys):
    assert main(["list", "--paper", "rushka-klabjan"]) == 0
    out = capsys.readouterr().out
    assert "[57]" in out and "CH-C1" in out


def test_run_writes_summary_in_contract_format(tmp_path):
    r = run_cli("run", "--claim", CLAIM, "--claim", "rushka-klabjan:[64]", "--out", str(tmp_path), "--no-progress")
    assert r.returncode == 0, r.stderr
    data = json.loads((tmp_path / "summary.json").read_text())
    assert data["tool"] == "lora-verify" and data["profile"] == "quick" and data["seed"] == 0
    rec = {c["id"]: c for c in data["claims"]}
    for key in ("paper", "id", "label", "title", "equations", "methods", "verdict", "summary", "evidence", "seconds"):
        assert key in rec["[60]"]
    assert rec["[60]"]["paper"] == "000_fb784358211c7957"
    assert rec["[64]"]["verdict"] == "REFUTED"
    assert "chains" in data
    assert (tmp_path / "summary.md").exists() and (tmp_path / "errata.md").exists()
    assert "[64]" in (tmp_path / "errata.md").read_text()
    assert "REFUTED" in r.stdout


def test_show_prints_statement_verdict_evidence_and_command(tmp_path, capsys):
    assert main(["show", CLAIM, "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "statement (as printed)" in out and "verdict:" in out and "evidence:" in out
    assert "reproduce:   verify run --paper rushka-klabjan --claim '[60]'" in out


def test_run_a_chain(tmp_path):
    r = run_cli("run", "--chain", "CH-C2", "--out", str(tmp_path), "--no-progress")
    assert r.returncode == 0, r.stderr
    data = json.loads((tmp_path / "summary.json").read_text())
    ch = data["chains"][0]
    assert ch["chain"] == "CH-C2" and all({"step", "from", "to", "operation", "verdict"} <= set(s) for s in ch["steps"])


@pytest.mark.parametrize("args, message", [
    (["run", "--paper", "rushka-klabjn"], "unknown paper 'rushka-klabjn'; did you mean 'rushka-klabjan'?"),
    (["run", "--claim", "rushka-klabjan:[9999]"], "unknown claim '[9999]'"),
    (["run", "--chain", "CH-C9"], "unknown chain 'CH-C9'"),
    (["run", "--profile", "fast"], "unknown profile 'fast'"),
    (["run", "--jobs", "0"], "--jobs must be at least 1"),
    (["show", "no-such-claim"], "unknown claim 'no-such-claim'"),
    (["run", "--claim", CLAIM, "--out", "/proc/forbidden"], "cannot create report directory"),
])
def test_bad_usage_gives_a_clear_message_and_no_traceback(args, message, capsys):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
