"""Monte Carlo expectations and fitted rates, with their uncertainty.

* :func:`monte_carlo` averages a vectorised sampler in batches (streaming
  mean/variance, so memory stays bounded) and returns :class:`MCResult`.
* :func:`check_expectation` tests ``E[X] == expected`` (or ``<=``/``>=``)
  against ``z`` standard errors; a rejection is repeated with an independent
  seed and 4x the sample before it counts as a refutation.
* :func:`fit_power_law` / :func:`fit_exponential` fit a line on log scale with
  a t-distribution confidence interval; :func:`check_rate` compares the fitted
  exponent with a claimed one.  A rate is a proxy: at best ``confirmed``; a
  mismatch is a refutation only for a well-conditioned fit that an
  independent refit reproduces.
"""
from __future__ import annotations

import inspect
import math
from dataclasses import asdict, dataclass
from typing import Any, Callable, Literal

import numpy as np
from scipy import stats as sps

from .context import Context
from .errors import InputError, require
from .verdicts import Evidence, jsonable

__all__ = ["MCResult", "monte_carlo", "check_expectation", "Fit", "fit_power_law", "fit_exponential",
           "check_rate"]

Z95 = float(sps.norm.ppf(0.975))
Z999 = float(sps.norm.ppf(0.9995))


# --------------------------------------------------------------------------- Monte Carlo

@dataclass(frozen=True)
class MCResult:
    """Sample mean, its standard error, sample size and normal 95% / 99.9% intervals."""

    mean: float
    se: float
    n: int
    ci95: tuple[float, float]
    ci999: tuple[float, float]

    def to_dict(self) -> dict[str, Any]:
        return jsonable(asdict(self))


def monte_carlo(sample_fn: Callable[[np.random.Generator, int], np.ndarray], n: int,
                rng: np.random.Generator, batch: int = 50_000) -> MCResult:
    """Estimate ``E[X]`` from n draws of ``sample_fn(rng, size) -> array of shape (size,)``.

    Batches are combined with Chan's parallel mean/variance update.
    """
    require(isinstance(n, (int, np.integer)) and n >= 2, f"n must be an integer >= 2, got {n!r}")
    require(isinstance(batch, (int, np.integer)) and batch >= 1, f"batch must be an integer >= 1, got {batch!r}")
    require(isinstance(rng, np.random.Generator), "rng must be a numpy Generator (use ctx.rng(tag))")
    count, mean, m2 = 0, 0.0, 0.0
    while count < n:
        size = int(min(batch, n - count))
        x = np.asarray(sample_fn(rng, size), dtype=float)
        require(x.shape == (size,), f"sample_fn returned shape {x.shape}, expected ({size},)")
        require(bool(np.all(np.isfinite(x))), "sample_fn returned non-finite values")
        bmean = float(x.mean())
        bm2 = float(((x - bmean) ** 2).sum())
        total = count + size
        delta = bmean - mean
        mean += delta * size / total
        m2 += bm2 + delta * delta * count * size / total
        count = total
    se = math.sqrt(m2 / (n - 1) / n)
    return MCResult(mean, se, int(n), (mean - Z95 * se, mean + Z95 * se), (mean - Z999 * se, mean + Z999 * se))


def _test(res: MCResult, expected: float, z: float, side: str, rtol: float) -> tuple[bool, float]:
    """(accepted, z-score) for the claim ``E[X] (==, <=, >=) expected``.

    The band is ``z*SE + rtol*scale``: the statistic is evaluated in float64, so
    a sample with (near-)zero variance -- e.g. an equality case where every draw
    equals the bound -- must not be judged by a standard error smaller than the
    rounding of the statistic itself."""
    diff = res.mean - expected
    slack = rtol * max(abs(expected), abs(res.mean), 1e-300)
    band = z * res.se + slack
    if res.se == 0:
        zscore = 0.0 if diff == 0 else math.copysign(math.inf, diff)
    else:
        zscore = diff / res.se
    ok = {"eq": abs(diff) <= band, "le": diff <= band, "ge": diff >= -band}[side]
    return ok, zscore


def check_expectation(name: str, sample_fn: Callable[[np.random.Generator, int], np.ndarray], expected: float,
                      ctx: Context, *, n: int | None = None, z: float = 4.0,
                      one_sided: bool | Literal["le", "ge"] = False, rtol: float = 1e-12,
                      batch: int = 50_000, part: str = "") -> Evidence:
    """Monte Carlo test of ``E[X] == expected`` (``one_sided=True`` or ``"le"``:
    ``E[X] <= expected``; ``"ge"``: ``E[X] >= expected``).

    Accept iff the mean is within ``z`` standard errors (exact comparison with
    ``rtol`` if the sample has zero variance).  A rejection is re-run with the
    independent seed ``ctx.sub_seed(name + ':revalidate')`` and 4x the sample;
    only a repeated rejection is ``refuted``, otherwise ``inconclusive``.
    ``n`` defaults to ``ctx.profile.mc_samples``.
    """
    side = {False: "eq", True: "le", "le": "le", "ge": "ge"}.get(one_sided)  # type: ignore[call-overload]
    require(side is not None, f"one_sided must be False, True, 'le' or 'ge', got {one_sided!r}")
    try:
        expected = float(expected)
    except (TypeError, ValueError):
        raise InputError(f"expected must be a real number, got {expected!r}") from None
    require(math.isfinite(expected), f"expected must be finite, got {expected}")
    require(math.isfinite(z) and z > 0, f"z must be positive, got {z}")
    n = ctx.profile.mc_samples if n is None else n
    res = monte_carlo(sample_fn, n, ctx.rng(name), batch)
    ok, zscore = _test(res, expected, z, side, rtol)
    rel = {"eq": "=", "le": "<=", "ge": ">="}[side]
    p_false = float(sps.norm.sf(z) * (2 if side == "eq" else 1))
    data = jsonable({**asdict(res), "expected": expected, "z_score": zscore, "z": z, "relation": rel})
    common = dict(method="MC", tolerance=z * res.se + rtol * abs(expected), part=part, data=data, tolerance_reason=(
        f"E[X] {rel} {expected:g} is accepted within {z:g} standard errors of the mean plus {rtol:g} relative "
        f"for float64 rounding of the statistic "
        f"(a true claim is rejected with probability {p_false:.1e}, normal approximation)"))
    head = f"{name}: mean {res.mean:.6g} +- {res.se:.2g} (n={res.n}) vs claimed {rel} {expected:.6g}"
    if ok:
        return Evidence(outcome="confirmed", summary=f"{head}, z = {zscore:+.2f}", **common)
    seed = ctx.sub_seed(name + ":revalidate")
    res2 = monte_carlo(sample_fn, 4 * n, np.random.default_rng(seed), batch)
    ok2, z2 = _test(res2, expected, z, side, rtol)
    witness = jsonable({**asdict(res), "expected": expected, "z_score": zscore})
    if ok2:
        return Evidence(outcome="inconclusive", witness=witness, **common, summary=(
            f"{head}, z = {zscore:+.2f} rejected, but an independent run (n={res2.n}) gave "
            f"mean {res2.mean:.6g}, z = {z2:+.2f}: not repeated"))
    reval = jsonable({"independent_seed": seed, "n": res2.n, "original_n": res.n, "confirmed": True,
                      "mean": res2.mean, "se": res2.se, "z_score": z2})
    return Evidence(outcome="refuted", witness=witness, revalidation=reval, **common, summary=(
        f"{head}, z = {zscore:+.2f}; repeated with an independent seed (n={res2.n}, z = {z2:+.2f})"))


# --------------------------------------------------------------------------- rates

@dataclass(frozen=True)
class Fit:
    """Least-squares line ``log y = slope * u + intercept`` (u = log x or t).

    ``stderr`` is the slope's standard error, ``ci95`` its two-sided 95%
    t-interval (n - 2 degrees of freedom), ``r2`` the coefficient of
    determination on the fitted scale.
    """

    slope: float
    intercept: float
    stderr: float
    ci95: tuple[float, float]
    r2: float
    n: int
    kind: str = "power"

    def to_dict(self) -> dict[str, Any]:
        return jsonable(asdict(self))


def _linfit(u: np.ndarray, v: np.ndarray, kind: str) -> Fit:
    n = len(u)
    du = u - u.mean()
    sxx = float(du @ du)
    require(sxx > 0, "the abscissae are all equal: the slope is undefined")
    slope = float(du @ (v - v.mean())) / sxx
    intercept = float(v.mean() - slope * u.mean())
    resid = v - (slope * u + intercept)
    ss_res = float(resid @ resid)
    ss_tot = float(((v - v.mean()) ** 2).sum())
    r2 = 1.0 - ss_res / ss_tot if ss_tot > 0 else 1.0
    stderr = math.sqrt(ss_res / (n - 2) / sxx)
    half = float(sps.t.ppf(0.975, n - 2)) * stderr
    return Fit(slope, intercept, stderr, (slope - half, slope + half), r2, n, kind)


def _xy(x: Any, y: Any, xname: str, positive_x: bool) -> tuple[np.ndarray, np.ndarray]:
    try:
        xa, ya = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    except (TypeError, ValueError):
        raise InputError("fit data must be real numbers") from None
    require(xa.ndim == 1 and xa.shape == ya.shape, f"{xname} and y must be 1-D of equal length, got {xa.shape}, {ya.shape}")
    require(len(xa) >= 3, f"a fit with an uncertainty needs >= 3 points, got {len(xa)}")
    require(bool(np.all(np.isfinite(xa)) and np.all(np.isfinite(ya))), "fit data must be finite")
    require(bool(np.all(ya > 0)), "y must be positive (the fit is on log y)")
    if positive_x:
        require(bool(np.all(xa > 0)), f"{xname} must be positive (the fit is on log {xname})")
    return xa, ya


def fit_power_law(x: Any, y: Any) -> Fit:
    """Fit ``y = C x^slope`` by least squares on ``(log x, log y)``."""
    xa, ya = _xy(x, y, "x", True)
    return _linfit(np.log(xa), np.log(ya), "power")


def fit_exponential(t: Any, y: Any) -> Fit:
    """Fit ``y = C exp(slope * t)`` by least squares on ``(t, log y)``."""
    ta, ya = _xy(t, y, "t", False)
    return _linfit(ta, np.log(ya), "exponential")


def _call_refit(refit: Callable[..., Fit], seed: int) -> Fit:
    try:
        takes_seed = len(inspect.signature(refit).parameters) >= 1
    except (TypeError, ValueError):
        takes_seed = True
    fit = refit(seed) if takes_seed else refit()
    require(isinstance(fit, Fit), f"refit must return a Fit, got {type(fit).__name__}")
    return fit


def check_rate(name: str, fit: Fit, claimed: float, ctx: Context, *, atol: float = 0.05,
               refit: Callable[..., Fit] | None = None, min_r2: float = 0.99, min_n: int = 5,
               tolerance_reason: str = "", part: str = "") -> Evidence:
    """Compare a fitted exponent/rate with the claimed one (a proxy check).

    Confirmed iff ``claimed`` lies in ``fit.ci95`` widened by ``atol`` on each
    side.  Otherwise the mismatch is ``refuted`` only if the fit is well
    conditioned (``r2 > min_r2`` and ``n >= min_n``) and ``refit`` — called as
    ``refit(seed)`` with ``seed = ctx.sub_seed(name + ':refit')`` (or
    ``refit()`` if it takes no argument) on an independent data set at least
    as large — is also well conditioned and also excludes ``claimed``.
    Everything else is ``inconclusive``.
    """
    require(isinstance(fit, Fit), f"fit must be a Fit, got {type(fit).__name__}")
    claimed, atol = float(claimed), float(atol)
    require(math.isfinite(claimed), f"claimed rate must be finite, got {claimed}")
    require(math.isfinite(atol) and atol >= 0, f"atol must be finite and >= 0, got {atol}")

    def inside(f: Fit) -> bool:
        return f.ci95[0] - atol <= claimed <= f.ci95[1] + atol

    def conditioned(f: Fit) -> bool:
        return f.r2 > min_r2 and f.n >= min_n

    what = "exponent" if fit.kind == "power" else "rate"
    common = dict(method="RATE", proxy=True, tolerance=atol, part=part, data=jsonable(
        {**asdict(fit), "claimed": claimed, "distance": claimed - fit.slope}), tolerance_reason=tolerance_reason or (
        f"claimed {what} must lie in the fit's 95% t-interval widened by {atol:g} "
        "(pre-asymptotic bias of a finite-range fit)"))
    head = (f"{name}: fitted {what} {fit.slope:.4g} (95% CI [{fit.ci95[0]:.4g}, {fit.ci95[1]:.4g}], "
            f"r2={fit.r2:.4f}, n={fit.n}) vs claimed {claimed:.4g}")
    if inside(fit):
        return Evidence(outcome="confirmed", summary=head, **common)
    if not conditioned(fit):
        return Evidence(outcome="inconclusive", **common, summary=(
            f"{head}: mismatch, but the fit is not well conditioned (need r2 > {min_r2}, n >= {min_n})"))
    if refit is None:
        return Evidence(outcome="inconclusive", **common, summary=f"{head}: mismatch not re-validated (no refit)")
    seed = ctx.sub_seed(name + ":refit")
    fit2 = _call_refit(refit, seed)
    witness = jsonable({"fit": asdict(fit), "claimed": claimed})
    if fit2.n < fit.n or not conditioned(fit2) or inside(fit2):
        why = ("the refit is smaller" if fit2.n < fit.n else
               "the refit is not well conditioned" if not conditioned(fit2) else "the refit agrees with the claim")
        return Evidence(outcome="inconclusive", witness=witness, **common, summary=(
            f"{head}: mismatch not repeated ({why}: {fit2.slope:.4g}, CI [{fit2.ci95[0]:.4g}, {fit2.ci95[1]:.4g}])"))
    reval = jsonable({"independent_seed": seed, "n": fit2.n, "original_n": fit.n, "confirmed": True,
                      "refit": asdict(fit2)})
    return Evidence(outcome="refuted", witness=witness, revalidation=reval, **common, summary=(
        f"{head}: mismatch repeated on an independent refit ({fit2.slope:.4g}, "
        f"CI [{fit2.ci95[0]:.4g}, {fit2.ci95[1]:.4g}], n={fit2.n})"))
