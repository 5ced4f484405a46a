"""Isolation: a hang or crash is an ERROR for that claim only; the others complete."""
import time

from verify import Evidence, Paper
from verify.claims import Claim
from verify.context import PROFILES
from verify.runner import RunOptions, run_claims

P = Paper("999_test", "test-paper", "Test paper")


def ok(ctx):
    return Evidence("SYM", "proved", "fine", exact=True)


def hang(ctx):
    time.sleep(60)


def crash(ctx):
    raise ZeroDivisionError("boom")


def hog(ctx):
    return [bytearray(8 * 1024**3)]


def seeded(ctx):
    return Evidence("PROP", "confirmed", f"draw {ctx.rng('a').integers(1 << 30)}")


def mk(name, func, timeout=30):
    return Claim(P, name, name, name, "", [], "statement", "", ["SYM"], func, timeout)


def test_hang_and_crash_become_errors_while_rest_completes():
    claims = [mk("hang", hang, timeout=1.5), mk("ok1", ok), mk("crash", crash), mk("hog", hog), mk("ok2", ok)]
    t0 = time.time()
    recs = run_claims(claims, RunOptions(profile=PROFILES["quick"], jobs=2, memory_bytes=2 * 1024**3))
    assert time.time() - t0 < 30
    by = {r["id"]: r for r in recs}
    assert by["hang"]["verdict"] == "ERROR" and "timed out" in by["hang"]["summary"]
    assert by["crash"]["verdict"] == "ERROR" and "ZeroDivisionError" in by["crash"]["summary"]
    assert by["hog"]["verdict"] == "ERROR"
    assert by["ok1"]["verdict"] == by["ok2"]["verdict"] == "PROVED"
    assert [r["id"] for r in recs] == ["hang", "ok1", "crash", "hog", "ok2"]


def test_same_seed_same_draws_and_seed_changes_them():
    c = [mk("s", seeded)]
    a = run_claims(c, RunOptions(seed=1))[0]["summary"]
    b = run_claims(c, RunOptions(seed=1))[0]["summary"]
    d = run_claims(c, RunOptions(seed=2))[0]["summary"]
    assert a == b and a != d
