"""The chain checker refutes wrong steps, proves right ones, and marks undecided ones as numeric."""
import sympy as sp

from verify import Paper
from verify import symbolic as S
from verify.context import Context
from verify.steps import Chain, Eq, Le, check_chain, check_le

P = Paper("999_steps", "steps-test", "test")
a, b, x = sp.symbols("a b x", real=True)


def _chain():
    ch = Chain(P, "CH-T", "test chain")
    ch.step("(1)→(2)", "AM-GM", Le(a * b, (a**2 + b**2) / 2), {a: S.real(), b: S.real()})
    ch.step("(2)→(3)", "Tr^2 <= ||.||^2 read for two entries", Le((a + b) ** 2, a**2 + b**2), {a: S.real(), b: S.real()})
    ch.step("(3)→(4)", "differentiate", Eq(sp.diff(sp.sin(x) ** 2, x), 2 * sp.sin(x) * sp.cos(x)), {x: S.real()})
    ch.step("(4)→(5)", "dropped factor", Eq(sp.diff(sp.sin(x) ** 2, x), sp.sin(x) * sp.cos(x)), {x: S.real()})
    ch.step("(5)→(6)", "inequality used outside its range", Le(sp.log(1 + x), x - x**2 / 4), {x: S.interval(0, 5)})
    ch.step("(6)→(7)", "flipped sign", Eq(sp.diff(sp.cos(x), x), sp.sin(x)), {x: S.real()})
    ch.step("(7)→(8)", "square root moved", Eq(sp.sqrt(4 * x**2), 2 * sp.sqrt(x) ** 2), {x: S.real()})
    return ch


def test_chain_verdicts_and_first_failing_step():
    rec = check_chain(_chain(), Context())
    v = {s["step"]: s["verdict"] for s in rec["steps"]}
    assert v["(1)→(2)"] in ("PROVED", "CONFIRMED")
    assert v["(2)→(3)"] == "REFUTED"
    assert v["(3)→(4)"] == "PROVED"
    assert v["(4)→(5)"] == "REFUTED"
    assert v["(5)→(6)"] == "REFUTED"
    assert v["(6)→(7)"] == "REFUTED"
    assert v["(7)→(8)"] == "REFUTED"
    assert rec["first_failing_step"] == "(2)→(3)"
    for s in rec["steps"]:
        if s["verdict"] == "REFUTED":
            ev = [e for e in s["evidence"] if e["outcome"] == "refuted"][0]
            assert ev["revalidation"]["dps"] >= 2 * ev["revalidation"]["working_dps"]


def test_undecided_step_is_numeric_not_proved():
    ch = Chain(P, "CH-U", "undecided")
    ch.step("(1)→(2)", "rewrite arsinh", Eq(sp.asinh(x), sp.log(x + sp.sqrt(x**2 + 1))), {x: S.real()}, timeout=1e-6)
    rec = check_chain(ch, Context())
    assert rec["steps"][0]["verdict"] == "CONFIRMED"


def test_limited_scope_proof_is_not_proved():
    ch = Chain(P, "CH-S", "scope")
    ch.step("(1)→(2)", "explicit 1x1", Eq(a * b, b * a + 0 * x, scope="n = 1"), {a: S.real(), b: S.real(), x: S.real()})
    assert check_chain(ch, Context())["steps"][0]["verdict"] == "CONFIRMED"


def test_true_inequality_reports_tightness():
    ev = check_le(2 * a * b, a**2 + b**2, {a: S.real(), b: S.real()}, Context(), name="amgm")
    assert ev.outcome in ("proved", "confirmed")
    if ev.outcome == "confirmed":
        assert ev.data["tightness"] is not None and ev.data["tightness"] <= 1 + 1e-12


def test_end_result_reported_separately():
    ch = _chain()

    @ch.end_result("x^2 >= 0")
    def _end(ctx):
        return S.check_identity(x**2, x * x, {x: S.real()}, rng=ctx.rng("e"))

    rec = check_chain(ch, Context())
    assert rec["first_failing_step"] == "(2)→(3)" and rec["end_result"]["verdict"] == "PROVED"
