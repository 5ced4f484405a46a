"""Verdict regression: every registered claim and chain step, run in the `ci` profile with seed 0,
must keep its pinned verdict (tests/expected_verdicts.json, written by tests/update_expected.py).

PROVED and CONFIRMED are compared as one class ("holds"): whether sympy finishes an exact proof
within its time limit depends on the machine's load, and both verdicts mean the statement held.
REFUTED, INCONCLUSIVE and ERROR must match exactly, and nothing may be ERROR or SKIPPED."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

EXPECTED = Path(__file__).with_name("expected_verdicts.json")
HOLDS = {"PROVED", "CONFIRMED"}


def _cls(v: str) -> str:
    return "HOLDS" if v in HOLDS else v


@pytest.fixture(scope="module")
def summary(tmp_path_factory):
    out = tmp_path_factory.mktemp("regression")
    proc = subprocess.run([sys.executable, "-m", "verify.cli", "run", "--profile", "ci", "--seed", "0", "--jobs", "2",
                           "--out", str(out), "--no-progress"], capture_output=True, text=True, timeout=3000)
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    return json.loads((out / "summary.json").read_text()), proc


def test_no_claim_or_step_is_error_or_skipped(summary):
    data, proc = summary
    bad = [f"{r['paper']}:{r['id']} {r['verdict']}: {r['summary'][:200]}" for r in data["claims"] if r["verdict"] in ("ERROR", "SKIPPED")]
    bad += [f"{c['chain']} {s['step']} {s['verdict']}: {s['summary'][:200]}" for c in data["chains"] for s in c["steps"]
            if s["verdict"] in ("ERROR", "SKIPPED")]
    assert not bad, "\n".join(bad)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]


def test_verdicts_match_the_pinned_ones(summary):
    data, _ = summary
    expected = json.loads(EXPECTED.read_text())
    got = {f"{r['paper']}:{r['id']}": r["verdict"] for r in data["claims"]}
    got_steps = {f"{c['paper']}:{c['chain']}:{s['step']}": s["verdict"] for c in data["chains"] for s in c["steps"]}
    unpinned = sorted(set(got) - set(expected["claims"])) + sorted(set(got_steps) - set(expected["steps"]))
    missing = sorted(set(expected["claims"]) - set(got)) + sorted(set(expected["steps"]) - set(got_steps))
    changed = [f"{k}: pinned {v}, now {got[k]}" for k, v in expected["claims"].items() if k in got and _cls(got[k]) != _cls(v)]
    changed += [f"{k}: pinned {v}, now {got_steps[k]}" for k, v in expected["steps"].items()
                if k in got_steps and _cls(got_steps[k]) != _cls(v)]
    assert not unpinned, f"claims/steps without a pinned verdict (run tests/update_expected.py): {unpinned[:20]}"
    assert not missing, f"pinned claims/steps no longer registered: {missing[:20]}"
    assert not changed, "verdicts changed:\n" + "\n".join(changed)
