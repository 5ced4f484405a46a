"""Property search with hypothesis: look for counterexamples, and re-check them.

:func:`check_inequality` and :func:`check_equality` evaluate a claim on
deterministic ``extra_examples`` first, then on hypothesis-generated inputs,
steering (``hypothesis.target``) towards the worst case.  They return one
:class:`~verify.verdicts.Evidence` (method ``PROP``):

* ``confirmed``: no violation beyond the tolerance; ``data`` has the number of
  cases, the tightness (worst lhs/rhs, or worst relative error) and its input;
* ``refuted``: a float64 violation that hypothesis shrank and that persists
  when ``revalidate(example, dps)`` re-evaluates it in mpmath at
  ``dps >= 2 * working_dps`` digits; ``witness`` holds the (JSON-able) input;
* ``inconclusive``: a float64 violation that could not be re-validated
  because no ``revalidate`` was given.

A float64 violation that does *not* survive the high-precision re-evaluation
is a rounding artefact: it does not fail the search (which goes on), it is
counted in ``data["float_artefacts"]`` and the first one is kept.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable, Iterable

import mpmath
import numpy as np
from hypothesis import HealthCheck, Phase, Verbosity, given, settings, target
from hypothesis import seed as hypothesis_seed
from hypothesis.errors import Unsatisfiable
from hypothesis.strategies import SearchStrategy

from .context import Context
from .errors import InputError, require
from .verdicts import Evidence, jsonable

__all__ = ["check_inequality", "check_equality", "FLOAT64_DPS"]

FLOAT64_DPS = 15  # decimal digits carried by a float64 evaluation

Pair = tuple[Any, Any]


# --------------------------------------------------------------------------- measurements

@dataclass
class _Measure:
    """One evaluation: did it violate, how bad (``score``, larger is worse), details."""

    violated: bool
    score: float
    info: dict[str, Any]


def _scalar(x: Any, what: str) -> Any:
    """A real scalar as float, or kept as mpf; non-finite values are an input error."""
    if isinstance(x, mpmath.mpf):
        require(mpmath.isfinite(x), f"{what} is not finite: {x}")
        return x
    if isinstance(x, mpmath.mpc) or np.iscomplexobj(x):
        raise InputError(f"{what} must be real, got {x!r}")
    try:
        v = float(x)
    except (TypeError, ValueError):
        raise InputError(f"{what} must be a real scalar, got {type(x).__name__}") from None
    require(math.isfinite(v), f"{what} is not finite: {v}")
    return v


def _finite(x: Any) -> float:
    """A float that ``hypothesis.target`` accepts (finite; overflow clipped)."""
    v = float(x)
    if math.isnan(v):
        return 0.0
    return v if math.isfinite(v) else math.copysign(1e300, v)


def _measure_ineq(pair: Pair, tol: float, atol: float) -> _Measure:
    """lhs <= rhs holds iff ``lhs - rhs <= tol * max(|lhs|, |rhs|) + atol``."""
    lhs, rhs = _scalar(pair[0], "lhs"), _scalar(pair[1], "rhs")
    margin = lhs - rhs
    scale = max(abs(lhs), abs(rhs))
    rel = margin / scale if scale > 0 else 0 * margin
    ratio = lhs / rhs if rhs > 0 else None
    # steer on lhs/rhs when it is defined, on the relative margin otherwise; 0 <= 0 says
    # nothing about tightness and must not mask the worst informative ratio
    if scale == 0:
        score = -1e300
    else:
        score = _finite(ratio - 1) if ratio is not None else _finite(rel)
    info = {"lhs": lhs, "rhs": rhs, "margin": margin, "relative_margin": rel, "ratio": ratio}
    return _Measure(bool(margin > tol * scale + atol), score, info)


def _array(x: Any) -> np.ndarray:
    if isinstance(x, mpmath.matrix):
        return np.array(x.tolist(), dtype=object)
    a = np.asarray(x)
    return a.astype(float) if a.dtype != object else a


def _measure_eq(pair: Pair, rtol: float, atol: float) -> _Measure:
    """lhs == rhs holds iff ``max|lhs - rhs| <= rtol * max(|lhs|, |rhs|) + atol`` (entrywise)."""
    lhs, rhs = _array(pair[0]), _array(pair[1])
    require(lhs.shape == rhs.shape, f"lhs and rhs shapes differ: {lhs.shape} vs {rhs.shape}")
    if lhs.size == 0:
        return _Measure(False, 0.0, {"lhs": [], "rhs": [], "error": 0.0, "relative_error": 0.0})
    ls = [_scalar(v, "lhs") for v in lhs.ravel()]
    rs = [_scalar(v, "rhs") for v in rhs.ravel()]
    err = max(abs(a - b) for a, b in zip(ls, rs))
    scale = max(abs(v) for v in ls + rs)
    rel = err / scale if scale > 0 else 0 * err
    l_out = lhs.item() if lhs.ndim == 0 else lhs
    r_out = rhs.item() if rhs.ndim == 0 else rhs
    info = {"lhs": l_out, "rhs": r_out, "error": err, "relative_error": rel}
    return _Measure(bool(err > rtol * scale + atol), _finite(rel), info)


# --------------------------------------------------------------------------- the search

class _Violation(Exception):
    """Raised inside the hypothesis test to mark a (re-validated) violation."""


@dataclass
class _State:
    cases: int = 0
    worst: tuple[float, Any, dict] | None = None  # (score, example, info)
    artefacts: int = 0
    first_artefact: dict | None = None
    failure: tuple[Any, dict, dict | None] | None = None  # (example, float info, hp info)
    failed_extra: bool = False


def _search(name: str, strategy: SearchStrategy, ctx: Context, *, measure: Callable[[Any], _Measure],
            revalidate: Callable[[Any], _Measure] | None, examples: int | None,
            extra_examples: Iterable[Any]) -> _State:
    """Run extra examples, then hypothesis; stop at the first confirmed violation
    (a float64 violation when ``revalidate`` is None) and shrink it."""
    state = _State()

    def case(example: Any) -> float:
        state.cases += 1
        m = measure(example)
        if m.violated:
            if revalidate is None:
                state.failure = (example, m.info, None)
                raise _Violation
            hp = revalidate(example)
            if hp.violated:
                state.failure = (example, m.info, hp.info)
                raise _Violation
            state.artefacts += 1
            if state.first_artefact is None:
                state.first_artefact = {"input": example, "float64": m.info, "high_precision": hp.info}
            m = _Measure(False, hp.score, hp.info)  # the precise value is the truth here
        if state.worst is None or m.score > state.worst[0]:
            state.worst = (m.score, example, m.info)
        return m.score

    for example in extra_examples:
        try:
            case(example)
        except _Violation:
            state.failed_extra = True
            return state

    n_examples = examples if examples is not None else ctx.profile.examples
    require(n_examples >= 1, f"examples must be >= 1, got {n_examples}")

    @settings(max_examples=n_examples, database=None, derandomize=ctx.profile.derandomize, deadline=None,
              suppress_health_check=list(HealthCheck), verbosity=Verbosity.quiet, report_multiple_bugs=False,
              phases=(Phase.explicit, Phase.generate, Phase.target, Phase.shrink), print_blob=False)
    @hypothesis_seed(ctx.sub_seed(name))
    @given(strategy)
    def prop(example: Any) -> None:
        target(case(example), label="badness")

    try:
        prop()
    except _Violation:
        pass  # hypothesis replays the shrunk failing example last: state.failure holds it
    except Unsatisfiable as exc:
        raise InputError(f"property {name!r}: the strategy produced no usable examples ({exc})") from None
    return state


def _float_measure(lhs_rhs: Callable[[Any], Pair], working_dps: int | None,
                   measure: Callable[[Pair], _Measure]) -> Callable[[Any], _Measure]:
    """Evaluate and measure at the working precision (inside ``mpmath.workdps``
    when ``working_dps`` is given, so mpmath sides are compared at full precision)."""
    if working_dps is None:
        return lambda example: measure(lhs_rhs(example))

    def run(example: Any) -> _Measure:
        with mpmath.workdps(working_dps):
            return measure(lhs_rhs(example))
    return run


def _hp_measure(revalidate: Callable[[Any, int], Pair], dps: int,
                measure: Callable[[Pair], _Measure]) -> Callable[[Any], _Measure]:
    def run(example: Any) -> _Measure:
        """Re-evaluate at ``dps`` digits and, if the violation persists, once more at
        ``3*dps``: a violation that is an artefact of cancellation at ``dps`` digits
        (terms far larger than their difference) disappears there."""
        with mpmath.workdps(dps):
            m = measure(revalidate(example, dps))
        if not m.violated:
            return m
        with mpmath.workdps(3 * dps):
            return measure(revalidate(example, 3 * dps))
    return run


def _evidence(kind: str, name: str, state: _State, *, tolerance: float, tolerance_reason: str,
              dps: int, working: int, part: str, tight_key: str) -> Evidence:
    data: dict[str, Any] = {"cases": state.cases, "float_artefacts": state.artefacts,
                            "dps": dps, "working_dps": working}
    if state.first_artefact is not None:
        data["first_artefact"] = jsonable(state.first_artefact)
    common = dict(method="PROP", tolerance=tolerance, tolerance_reason=tolerance_reason, part=part)
    if state.failure is not None:
        example, info, hp = state.failure
        where = "an extra example" if state.failed_extra else f"{state.cases} evaluations (shrunk)"
        witness = jsonable({"input": example, **{k: info[k] for k in ("lhs", "rhs")}})
        if hp is None:
            return Evidence(outcome="inconclusive", witness=witness, data=data, **common, summary=(
                f"{name}: float64 violation found after {where} ({_fmt_info(info, kind)}) "
                f"but no high-precision re-evaluation was supplied"))
        reval = jsonable({"dps": dps, "working_dps": working, "confirmed": True, **hp})
        return Evidence(outcome="refuted", witness=witness, revalidation=reval, data=data, **common, summary=(
            f"{name}: counterexample after {where}: {_fmt_info(hp, kind)}, confirmed at {dps} digits"))
    if state.worst is not None:
        _, example, info = state.worst
        data["tightness"] = info.get(tight_key)
        data["worst_margin"] = info.get("relative_margin") if kind == "ineq" else info.get("error")
        data["worst_input"] = example
    data = jsonable(data)
    t = data.get("tightness")
    if kind == "ineq":
        worst = f"worst lhs/rhs = {t:.6g}" if isinstance(t, float) else "lhs/rhs undefined (rhs <= 0)"
    else:
        worst = f"worst relative error = {t:.3g}" if isinstance(t, float) else "no cases"
    extra = f", {state.artefacts} float64 violations not confirmed at {dps} digits" if state.artefacts else ""
    return Evidence(outcome="confirmed", data=data, **common, summary=f"{state.cases} cases, {worst}{extra}")


def _fmt_info(info: dict, kind: str) -> str:
    if kind == "ineq":
        return f"lhs = {mpmath.nstr(info['lhs'], 8)} > rhs = {mpmath.nstr(info['rhs'], 8)}"
    return f"relative error {mpmath.nstr(info['relative_error'], 3)}"


def _precision(working_dps: int | None, ctx: Context) -> tuple[int, int]:
    working = FLOAT64_DPS if working_dps is None else int(working_dps)
    require(working >= 1, f"working_dps must be >= 1, got {working}")
    return working, max(2 * working, ctx.dps)


def _tol(name: str, value: float) -> float:
    v = float(value)
    require(math.isfinite(v) and v >= 0, f"{name} must be finite and >= 0, got {value!r}")
    return v


# --------------------------------------------------------------------------- public API

def check_inequality(name: str, strategy: SearchStrategy, lhs_rhs: Callable[[Any], Pair], ctx: Context, *,
                     tol_ratio: float = 1e-12, atol: float = 0.0, working_dps: int | None = None,
                     revalidate: Callable[[Any, int], Pair] | None = None, examples: int | None = None,
                     extra_examples: Iterable[Any] = (), tolerance_reason: str = "", part: str = "") -> Evidence:
    """Search for inputs with ``lhs > rhs``.

    ``lhs_rhs(example) -> (lhs, rhs)`` are real scalars (float64, or mpmath:
    with ``working_dps`` given, ``lhs_rhs`` runs inside ``mpmath.workdps(working_dps)``).  A case passes iff
    ``lhs - rhs <= tol_ratio * max(|lhs|, |rhs|) + atol``, which reads
    ``lhs <= rhs * (1 + tol_ratio)`` for positive sides and stays meaningful
    when ``rhs <= 0``.  ``revalidate(example, dps) -> (lhs, rhs)`` recomputes
    in mpmath; it is called (inside ``mpmath.workdps(dps)``, dps =
    ``max(2 * working_dps, ctx.dps)``) on every float violation, and only a
    violation that persists there fails the search.  ``examples`` overrides
    ``ctx.profile.examples``; ``extra_examples`` are checked first, in order.
    """
    tol, atol = _tol("tol_ratio", tol_ratio), _tol("atol", atol)
    working, dps = _precision(working_dps, ctx)
    measure = lambda pair: _measure_ineq(pair, tol, atol)  # noqa: E731
    state = _search(name, strategy, ctx, measure=_float_measure(lhs_rhs, working_dps, measure),
                    revalidate=None if revalidate is None else _hp_measure(revalidate, dps, measure),
                    examples=examples, extra_examples=extra_examples)
    reason = tolerance_reason or (
        f"lhs <= rhs up to a relative slack {tol:g} of max(|lhs|, |rhs|)"
        + (f" plus {atol:g}" if atol else "")
        + f" to absorb rounding at {working} working digits; violations re-evaluated at {dps} digits")
    return _evidence("ineq", name, state, tolerance=tol, tolerance_reason=reason, dps=dps, working=working,
                     part=part, tight_key="ratio")


def check_equality(name: str, strategy: SearchStrategy, lhs_rhs: Callable[[Any], Pair], ctx: Context, *,
                   rtol: float = 1e-12, atol: float = 0.0, working_dps: int | None = None,
                   revalidate: Callable[[Any, int], Pair] | None = None, examples: int | None = None,
                   extra_examples: Iterable[Any] = (), tolerance_reason: str = "", part: str = "") -> Evidence:
    """Search for inputs with ``lhs != rhs``.

    ``lhs``/``rhs`` are scalars or same-shape arrays (numpy, or mpmath
    matrices).  A case passes iff ``max|lhs - rhs| <= rtol * max(|lhs|, |rhs|) + atol``
    (max over entries); hypothesis steers on the relative error, whose worst
    value is reported as the tightness.  Re-validation as in
    :func:`check_inequality`.
    """
    rtol, atol = _tol("rtol", rtol), _tol("atol", atol)
    working, dps = _precision(working_dps, ctx)
    measure = lambda pair: _measure_eq(pair, rtol, atol)  # noqa: E731
    state = _search(name, strategy, ctx, measure=_float_measure(lhs_rhs, working_dps, measure),
                    revalidate=None if revalidate is None else _hp_measure(revalidate, dps, measure),
                    examples=examples, extra_examples=extra_examples)
    reason = tolerance_reason or (
        f"relative error <= {rtol:g}" + (f" plus {atol:g}" if atol else "")
        + f" to absorb rounding at {working} working digits; violations re-evaluated at {dps} digits")
    return _evidence("eq", name, state, tolerance=rtol, tolerance_reason=reason, dps=dps, working=working,
                     part=part, tight_key="relative_error")
