"""verify.stats can fail: wrong expectations are rejected and re-validated with an
independent seed; fitted exponents carry honest intervals; rate mismatches need a refit."""
import json
import math

import numpy as np
import pytest

from verify.context import Context
from verify.errors import InputError
from verify.stats import Fit, check_expectation, check_rate, fit_exponential, fit_power_law, monte_carlo
from verify.verdicts import Verdict, derive_verdict

CTX = Context(seed=3, claim_key="test:stats")


def g2(rng, size):
    return rng.standard_normal(size) ** 2


def test_monte_carlo_batches_agree_with_direct_estimate():
    r = monte_carlo(g2, 100_001, np.random.default_rng(0), batch=7_000)
    x = g2(np.random.default_rng(0), 100_001)  # same stream, one batch
    assert r.n == 100_001 and r.mean == pytest.approx(x.mean(), rel=1e-12)
    assert r.se == pytest.approx(x.std(ddof=1) / math.sqrt(len(x)), rel=1e-9)
    assert r.ci95[0] < r.mean < r.ci95[1] and r.ci999[0] < r.ci95[0]


def test_wrong_expectation_is_refuted_and_revalidated():
    ev = check_expectation("E[g^2] = 1.1", g2, 1.1, CTX)
    assert ev.outcome == "refuted"
    rv = ev.revalidation
    assert rv["confirmed"] and rv["n"] == 4 * rv["original_n"] and rv["independent_seed"] == CTX.sub_seed("E[g^2] = 1.1:revalidate")
    assert derive_verdict([ev])[0] is Verdict.REFUTED
    json.dumps(ev.to_dict())


def test_right_expectation_passes():
    ev = check_expectation("E[g^2] = 1", g2, 1.0, CTX)
    assert ev.outcome == "confirmed" and abs(ev.data["z_score"]) < 4 and ev.data["n"] == CTX.profile.mc_samples
    assert ev.data["ci999"][0] < 1.0 < ev.data["ci999"][1]
    assert check_expectation("E[g^2] <= 1", g2, 1.0, CTX, one_sided=True).outcome == "confirmed"
    assert check_expectation("E[g^2] <= 0.9", g2, 0.9, CTX, one_sided=True).outcome == "refuted"
    assert check_expectation("E[g^2] >= 1.1", g2, 1.1, CTX, one_sided="ge").outcome == "refuted"


def test_rejection_that_does_not_repeat_is_inconclusive():
    calls = []

    def unlucky_first_run(rng, size):  # the first full run is biased, later ones are not
        calls.append(size)
        x = rng.standard_normal(size)
        return x + 0.1 if sum(calls) <= 10_000 else x

    ev = check_expectation("E[g] = 0", unlucky_first_run, 0.0, CTX, n=10_000)
    assert ev.outcome == "inconclusive" and "not repeated" in ev.summary
    assert derive_verdict([ev])[0] is Verdict.INCONCLUSIVE


def test_zero_variance_compares_exactly():
    const = lambda rng, size: np.full(size, 0.5)  # noqa: E731
    assert check_expectation("c = 0.5", const, 0.5, CTX, n=100).outcome == "confirmed"
    ev = check_expectation("c = 0.5000001", const, 0.5000001, CTX, n=100)
    assert ev.outcome == "refuted" and ev.data["se"] == 0


def test_power_law_fit_recovers_exponent():
    x = np.geomspace(1, 1e4, 12)
    fit = fit_power_law(x, 3.0 * x ** -0.5)
    assert fit.ci95[0] <= -0.5 <= fit.ci95[1] and abs(fit.slope + 0.5) < 1e-12
    assert fit.r2 > 0.999999 and fit.n == 12 and math.exp(fit.intercept) == pytest.approx(3.0)
    ev = check_rate("y ~ x^-1/2", fit, -0.5, CTX)
    assert ev.outcome == "confirmed" and ev.proxy and derive_verdict([ev])[0] is Verdict.CONFIRMED


def test_noisy_fit_interval_covers_truth_and_exponential_fit():
    rng = np.random.default_rng(5)
    x = np.geomspace(10, 1e3, 20)
    fit = fit_power_law(x, x ** -1.0 * np.exp(0.05 * rng.standard_normal(20)))
    assert fit.ci95[0] < -1.0 < fit.ci95[1] and fit.stderr > 0
    t = np.linspace(0, 5, 10)
    efit = fit_exponential(t, 2.0 * np.exp(-0.7 * t))
    assert efit.kind == "exponential" and efit.slope == pytest.approx(-0.7, abs=1e-12)


def test_rate_mismatch_needs_conditioning_and_refit():
    x = np.geomspace(1, 1e4, 12)
    fit = fit_power_law(x, x ** -0.5)
    assert check_rate("wrong", fit, -1.0, CTX).outcome == "inconclusive"  # no refit
    seen = []

    def refit(seed):
        seen.append(seed)
        xx = np.geomspace(1, 1e5, 30)
        return fit_power_law(xx, xx ** -0.5)

    ev = check_rate("wrong", fit, -1.0, CTX, refit=refit)
    assert ev.outcome == "refuted" and ev.revalidation["n"] == 30 and seen == [CTX.sub_seed("wrong:refit")]
    assert derive_verdict([ev])[0] is Verdict.REFUTED
    # a refit that agrees with the claim, or one that is smaller, does not refute
    agree = lambda: fit_power_law(np.geomspace(1, 1e4, 20), np.geomspace(1, 1e4, 20) ** -1.0)  # noqa: E731
    assert check_rate("wrong", fit, -1.0, CTX, refit=agree).outcome == "inconclusive"
    assert check_rate("wrong", fit, -1.0, CTX, refit=lambda: fit_power_law(x[:6], x[:6] ** -0.5)).outcome == "inconclusive"
    # an ill-conditioned fit never refutes
    rng = np.random.default_rng(1)
    noisy = fit_power_law(x, x ** -0.5 * np.exp(2.0 * rng.standard_normal(12)))
    assert noisy.r2 < 0.99
    assert check_rate("noisy", Fit(-0.2, 0.0, 0.01, (-0.21, -0.19), 0.5, 12), -1.0, CTX, refit=refit).outcome == "inconclusive"
    assert check_rate("few", fit_power_law(x[:4], x[:4] ** -0.5), -1.0, CTX, refit=refit).outcome == "inconclusive"


@pytest.mark.parametrize("call", [
    lambda: monte_carlo(g2, 1, np.random.default_rng(0)),
    lambda: monte_carlo(g2, 10, np.random.default_rng(0), batch=0),
    lambda: monte_carlo(lambda rng, size: np.full(size, np.nan), 10, np.random.default_rng(0)),
    lambda: monte_carlo(lambda rng, size: np.zeros((size, 2)), 10, np.random.default_rng(0)),
    lambda: check_expectation("x", g2, math.inf, CTX, n=10),
    lambda: check_expectation("x", g2, 1.0, CTX, n=10, one_sided="up"),
    lambda: fit_power_law([1, 2], [1, 2]),
    lambda: fit_power_law([1, 2, -3], [1, 2, 3]),
    lambda: fit_power_law([1, 2, 3], [1, 0, 3]),
    lambda: fit_power_law([2, 2, 2], [1, 2, 3]),
    lambda: fit_exponential([0, 1, 2], [1, 2]),
    lambda: check_rate("x", fit_power_law([1, 2, 3], [1, 2, 3]), math.nan, CTX),
])
def test_inputs_are_validated(call):
    with pytest.raises(InputError):
        call()
