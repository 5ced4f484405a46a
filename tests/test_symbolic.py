"""symbolic.py can prove, can refute (re-validated), and never calls sampling a proof."""
import numpy as np
import pytest
import sympy as sp

from verify import InputError
from verify import symbolic as S

x, y, t = sp.symbols("x y t", real=True)
rng = lambda: np.random.default_rng(0)  # noqa: E731


def test_true_identity_is_proved():
    e = S.check_identity(sp.sin(x) ** 2 + sp.cos(x) ** 2, 1, {x: S.real()}, rng=rng())
    assert e.outcome == "proved" and e.exact


def test_wrong_identity_is_refuted_with_revalidated_witness():
    # sqrt(x^2) = x fails for x < 0: the sampler must cover both signs
    e = S.check_identity(sp.sqrt(x**2), x, {x: S.real()}, rng=rng())
    assert e.outcome == "refuted"
    assert e.revalidation["dps"] >= 2 * e.revalidation["working_dps"]
    assert sp.Rational(e.witness["point"]["x"]) < 0


def test_dropped_factor_is_refuted():
    e = S.check_identity(sp.diff(sp.exp(2 * x * y), x), y * sp.exp(2 * x * y), {x: S.real(), y: S.nonzero()}, rng=rng())
    assert e.outcome == "refuted"


def test_undecided_identity_is_confirmed_not_proved():
    # sympy cannot simplify within a zero time budget: the numeric fallback must not say "proved"
    e = S.check_identity(sp.asinh(x), sp.log(x + sp.sqrt(x**2 + 1)), {x: S.real()}, rng=rng(), timeout=1e-6)
    assert e.outcome == "confirmed" and not e.exact
    assert e.data["samples"] >= 50


def test_tiny_true_difference_is_refuted_not_hidden():
    e = S.check_identity(x + sp.Rational(1, 10**30), x, {x: S.positive()}, rng=rng(), dps=60)
    assert e.outcome == "refuted"


def test_ode_substitution():
    k = sp.Symbol("k", positive=True)
    good = S.check_ode_solution({y: sp.exp(-k * t)}, {y: -k * y}, t, {k: S.positive(), t: S.positive()}, rng=rng(), initial={y: 1})
    assert all(e.outcome == "proved" for e in good)
    bad = S.check_ode_solution({y: sp.exp(-k * t)}, {y: -2 * k * y}, t, {k: S.positive(), t: S.positive()}, rng=rng())
    assert bad[0].outcome == "refuted"


def test_limits():
    u = sp.Symbol("u", positive=True)
    tt = sp.Symbol("tt", positive=True)
    assert S.check_limit(sp.exp(-u * tt) + u, tt, u, {u: S.positive(), tt: S.positive()}, rng=rng()).outcome == "proved"
    wrong = S.check_limit(sp.exp(-u * tt) + u, tt, 2 * u, {u: S.positive(0.5, 2), tt: S.positive()}, rng=rng())
    assert wrong.outcome == "refuted"


def test_missing_domain_is_a_clear_error():
    with pytest.raises(InputError, match="no domain given for symbol"):
        S.check_identity((x + y) ** 2, x**2 + 2 * x * y + y**2, {x: S.real()}, rng=rng())


def test_time_limit_interrupts():
    import time

    with pytest.raises(S.SymbolicTimeout):
        with S.time_limit(0.2):
            time.sleep(2)
