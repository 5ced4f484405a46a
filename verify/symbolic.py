"""Symbolic checks with an honest numeric fallback.

``check_identity`` first asks sympy for an exact decision (with a time limit);
if sympy cannot decide, it evaluates the residual at random points of the
claim's own domain at high precision.  Only an exact zero gives ``proved``;
sampling gives ``confirmed`` (never ``proved``); a residual that stays large
when the same exact point is recomputed at twice the digits gives ``refuted``.

Domains are given per symbol with :class:`Domain` objects; every sign case the
statement covers must be listed (e.g. ``sign()`` for sgn(c) = +-1), and the
sampler covers each case in turn.
"""
from __future__ import annotations

import contextlib
import math
import signal
import threading
from dataclasses import dataclass
from fractions import Fraction
from typing import Callable, Iterable, Mapping, Sequence

import mpmath
import numpy as np
import sympy as sp

from .errors import InputError
from .verdicts import Evidence


# --------------------------------------------------------------------------- time limits
class SymbolicTimeout(Exception):
    pass


@contextlib.contextmanager
def time_limit(seconds: float | None):
    """Interrupt the body after ``seconds`` (SIGALRM; main thread only, else no
    limit).  Nests: an enclosing limit keeps running and still fires on time."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return
    import time as _time

    def handler(signum, frame):
        raise SymbolicTimeout(f"did not finish within {seconds:g} s")

    old_handler = signal.signal(signal.SIGALRM, handler)
    outer_remaining, _ = signal.setitimer(signal.ITIMER_REAL, 0)
    t0 = _time.monotonic()
    if outer_remaining and outer_remaining < seconds:
        seconds = outer_remaining  # the outer limit is sooner: let it fire (as ours)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old_handler)
        if outer_remaining:
            left = outer_remaining - (_time.monotonic() - t0)
            signal.setitimer(signal.ITIMER_REAL, max(left, 1e-3))


# --------------------------------------------------------------------------- domains
@dataclass(frozen=True)
class Domain:
    """Where a symbol lives. ``lo``/``hi`` bound the magnitude; ``signs`` lists the
    sign cases to cover; ``log`` samples magnitudes log-uniformly; ``integer``
    samples integers; ``values`` gives an explicit finite set."""

    lo: float = 0.1
    hi: float = 10.0
    signs: tuple[int, ...] = (1,)
    log: bool = True
    integer: bool = False
    values: tuple | None = None

    def cases(self) -> list[int]:
        return list(self.signs)

    def strategy(self):
        """A hypothesis strategy over the same set (exact rationals, so that a
        witness can be recomputed at any precision); shrinks toward ``lo``."""
        from hypothesis import strategies as st

        if self.values is not None:
            return st.sampled_from([sp.nsimplify(v) for v in self.values])
        if self.integer:
            mags = st.integers(int(self.lo), int(self.hi)).map(sp.Integer)
        else:
            mags = st.floats(self.lo, self.hi, allow_nan=False, allow_infinity=False).map(
                lambda v: sp.Rational(Fraction(v).limit_denominator(10**12)))
        return st.tuples(st.sampled_from(self.signs), mags).map(lambda sm: sm[0] * sm[1])

    def corners(self) -> list:
        """Boundary values of the domain, checked before any random point."""
        if self.values is not None:
            return [sp.nsimplify(v) for v in self.values]
        lo, hi = (sp.Integer(int(self.lo)), sp.Integer(int(self.hi))) if self.integer else (
            sp.Rational(Fraction(self.lo).limit_denominator(10**12)), sp.Rational(Fraction(self.hi).limit_denominator(10**12)))
        return [sg * v for sg in self.signs for v in (lo, hi)]

    def sample(self, rng: np.random.Generator, sign: int) -> sp.Rational | sp.Integer:
        if self.values is not None:
            return sp.nsimplify(self.values[int(rng.integers(len(self.values)))])
        if self.integer:
            return sp.Integer(sign * int(rng.integers(int(self.lo), int(self.hi) + 1)))
        if self.log:
            mag = math.exp(rng.uniform(math.log(self.lo), math.log(self.hi)))
        else:
            mag = rng.uniform(self.lo, self.hi)
        # an exact rational, so that re-evaluation at more digits uses the same point
        return sign * sp.Rational(Fraction(mag).limit_denominator(10**12))


def positive(lo: float = 0.05, hi: float = 20.0, log: bool = True) -> Domain:
    return Domain(lo, hi, (1,), log)


def negative(lo: float = 0.05, hi: float = 20.0) -> Domain:
    return Domain(lo, hi, (-1,))


def nonzero(lo: float = 0.05, hi: float = 20.0) -> Domain:
    """A real symbol that may take either sign (both cases are covered)."""
    return Domain(lo, hi, (1, -1))


def real(lo: float = 0.0, hi: float = 10.0) -> Domain:
    return Domain(max(lo, 1e-3), hi, (1, -1), log=False)


def interval(lo: float, hi: float) -> Domain:
    """Uniform on [lo, hi] (lo may be negative)."""
    return Domain(lo, hi, (1,), log=False)


def sign() -> Domain:
    return Domain(values=(1, -1))


def integers(lo: int, hi: int) -> Domain:
    return Domain(lo, hi, (1,), log=False, integer=True)


MAX_SIGN_CASES = 64


class _SignCases:
    """The sign cases of a domain, indexable like a list.

    With at most MAX_SIGN_CASES combinations every combination is enumerated
    and visited in turn.  With more (e.g. a matrix of real entries, 2^(n*m)
    combinations) case ``i`` assigns each symbol's sign from a deterministic
    pseudo-random sequence, so that every symbol still takes each of its signs."""

    def __init__(self, domain: Mapping[sp.Symbol, Domain]):
        self.syms = list(domain)
        self.options = [domain[s].cases() for s in self.syms]
        total = 1
        for o in self.options:
            total *= len(o)
        self.total = total
        self.enumerated = None
        if total <= MAX_SIGN_CASES:
            cases: list[dict] = [{}]
            for s, opts in zip(self.syms, self.options):
                cases = [dict(c, **{s.name: sg}) for c in cases for sg in opts]
            self.enumerated = [{s: c[s.name] for s in self.syms} for c in cases]

    def __len__(self) -> int:
        return len(self.enumerated) if self.enumerated is not None else MAX_SIGN_CASES

    def __getitem__(self, i: int) -> dict:
        if self.enumerated is not None:
            return self.enumerated[i % len(self.enumerated)]
        rng = np.random.default_rng(i)
        return {s: opts[int(rng.integers(len(opts)))] for s, opts in zip(self.syms, self.options)}


def _sign_cases(domain: Mapping[sp.Symbol, Domain]) -> _SignCases:
    return _SignCases(domain)


# --------------------------------------------------------------------------- helpers
def _as_list(expr) -> list[sp.Expr]:
    if isinstance(expr, (sp.MatrixBase,)):
        return list(expr)
    if isinstance(expr, (list, tuple)):
        out: list[sp.Expr] = []
        for e in expr:
            out.extend(_as_list(e))
        return out
    return [sp.sympify(expr)]


def _check_symbols(exprs: Sequence[sp.Expr], domain: Mapping[sp.Symbol, Domain]) -> None:
    free = set().union(*(e.free_symbols for e in exprs)) if exprs else set()
    missing = sorted(str(s) for s in free - set(domain))
    if missing:
        raise InputError(f"no domain given for symbol(s) {', '.join(missing)}; every free symbol needs one")


def exact_zero(expr: sp.Expr, *, timeout: float = 20.0, rewrites: Iterable[Callable] = ()) -> bool | None:
    """True if sympy proves ``expr == 0``; False if it proves it nonzero; None if undecided."""
    try:
        with time_limit(timeout):
            # the caller's rewrites first: they are the fast route when plain simplify runs away
            candidates = [rw(expr) for rw in rewrites] + [expr]
            for e in candidates:
                if e == 0:
                    return True
                s = sp.simplify(e)
                if s == 0:
                    return True
                if s.is_number and s.is_zero is False:
                    return False
            for e in candidates:
                for f in (sp.expand, lambda z: sp.cancel(sp.together(z)), sp.expand_log, lambda z: sp.simplify(sp.expand(z))):
                    if f(e) == 0:
                        return True
    except SymbolicTimeout:
        return None
    except (RecursionError, TypeError, NotImplementedError):
        return None
    return None


_LAMBDA_CACHE: dict = {}


def eval_mp(expr: sp.Expr, point: Mapping[sp.Symbol, sp.Expr], dps: int):
    """Evaluate ``expr`` at an exact point with ``dps`` working digits (mpmath)."""
    syms = tuple(sorted(point, key=lambda s: s.name))
    key = (sp.srepr(expr), syms)
    fn = _LAMBDA_CACHE.get(key)
    if fn is None:
        fn = sp.lambdify(syms, expr, modules="mpmath")
        _LAMBDA_CACHE[key] = fn
    with mpmath.workdps(dps):
        args = [mpmath.mpf(int(sp.numer(point[s]))) / int(sp.denom(point[s])) for s in syms]
        val = fn(*args)
        if isinstance(val, mpmath.mpc) and abs(val.imag) <= abs(val.real) * mpmath.mpf(10) ** (-dps + 5):
            val = val.real
        if not isinstance(val, (mpmath.mpf, mpmath.mpc)):
            val = mpmath.mpmathify(val)
        if not mpmath.isfinite(val):
            raise ZeroDivisionError("non-finite value")
        return val


def _rel_residual(lhs_val, rhs_val, scale=0) -> mpmath.mpf:
    scale = max(abs(lhs_val), abs(rhs_val), scale, mpmath.mpf(10) ** (-mpmath.mp.dps // 2))
    return abs(lhs_val - rhs_val) / scale


def _terms(expr: sp.Expr) -> tuple:
    return expr.args if isinstance(expr, sp.Add) else (expr,)


def _residual_at(lhs_l, rhs_l, point, dps) -> mpmath.mpf:
    """Largest relative residual over the entries.  The scale of an entry is the
    largest of |lhs|, |rhs| and the magnitudes of their top-level terms, so that
    a residual written as ``terms == 0`` is measured against the size of its
    terms, not against the (vanishing) difference itself."""
    worst = mpmath.mpf(0)
    for l, r in zip(lhs_l, rhs_l):
        lv, rv = eval_mp(l, point, dps), eval_mp(r, point, dps)
        scale = mpmath.mpf(0)
        if lv == 0 or rv == 0 or abs(lv - rv) > mpmath.mpf(10) ** (-dps // 2) * max(abs(lv), abs(rv)):
            terms = [t for side in (l, r) for t in _terms(sp.sympify(side)) if len(_terms(sp.sympify(side))) > 1]
            for term in terms:
                scale = max(scale, abs(eval_mp(term, point, dps)))
        worst = max(worst, _rel_residual(lv, rv, scale))
    return worst


def _fmt_point(point: Mapping[sp.Symbol, sp.Expr]) -> dict[str, str]:
    return {str(k): str(v) for k, v in point.items()}


# --------------------------------------------------------------------------- identity
def check_identity(
    lhs,
    rhs,
    domain: Mapping[sp.Symbol, Domain],
    *,
    rng: np.random.Generator,
    name: str = "",
    dps: int = 60,
    samples: int = 50,
    timeout: float = 20.0,
    rewrites: Iterable[Callable] = (),
    condition: Callable[[Mapping[sp.Symbol, sp.Expr]], bool] | None = None,
    method: str = "SYM",
    complete: bool = False,
    scope: str = "",
) -> Evidence:
    """Check ``lhs == rhs`` (scalars, matrices or lists of them) on ``domain``.

    ``condition(point)`` may reject sample points outside the statement's domain
    (e.g. a constraint between symbols).  Tolerance: relative residual at most
    ``10**-(dps-20)``: ``dps`` digits of evaluation leave 20 digits of headroom
    for cancellation inside the expressions.
    """
    lhs_l, rhs_l = _as_list(lhs), _as_list(rhs)
    if len(lhs_l) != len(rhs_l):
        raise InputError(f"{name}: sides have {len(lhs_l)} and {len(rhs_l)} entries")
    diffs = [l - r for l, r in zip(lhs_l, rhs_l)]
    _check_symbols(diffs, domain)
    tol = mpmath.mpf(10) ** (-(dps - 20))
    tol_reason = f"relative residual <= 1e-{dps - 20}: {dps}-digit evaluation with 20 digits of headroom"

    import time as _time

    deadline = _time.monotonic() + timeout  # one budget shared by the entries, in order
    decided = []
    for d in diffs:
        left = deadline - _time.monotonic()
        decided.append(exact_zero(d, timeout=left, rewrites=rewrites) if left > 0.05 else None)
        if decided[-1] is not True:
            break  # the entries are not all provable in the budget: go numeric
    decided += [None] * (len(diffs) - len(decided))
    if all(x is True for x in decided):
        return Evidence(method, "proved", f"{name + ': ' if name else ''}sympy simplifies lhs - rhs to 0",
                        exact=True, complete=complete, data={"entries": len(diffs)}, scope=scope, part=name)

    # numeric fallback (also run when sympy claims a nonzero difference, to get a witness)
    worst = mpmath.mpf(0)
    worst_point = None
    n_done = 0
    escalated = 0
    cases = _sign_cases(domain)
    attempts = 0
    with mpmath.workdps(dps):
        while n_done < samples and attempts < 20 * samples:
            signs = cases[attempts % len(cases)]
            attempts += 1
            point = {s: d.sample(rng, signs[s]) for s, d in domain.items()}
            if condition is not None and not condition(point):
                continue
            try:
                res = _residual_at(lhs_l, rhs_l, point, dps)
            except (ZeroDivisionError, InputError):
                continue
            except Exception as exc:  # e.g. an unevaluated Derivative/Integral: no numeric fallback
                return Evidence(method, "inconclusive",
                                f"{name}: sympy could not decide and the expression cannot be evaluated numerically "
                                f"({type(exc).__name__}: {str(exc)[:120]})", part=name)
            n_done += 1
            if res > tol:
                ev = _refute_identity(method, name, lhs_l, rhs_l, point, dps, tol, tol_reason)
                if ev is not None:
                    return ev
                escalated += 1  # cancellation at dps digits; the residual vanishes at 2*dps
                with mpmath.workdps(2 * dps):
                    res = _residual_at(lhs_l, rhs_l, point, 2 * dps)
            if res > worst:
                worst, worst_point = res, point
    if n_done == 0:
        return Evidence(method, "inconclusive", f"{name}: no admissible sample point found", part=name)
    digits = float(-mpmath.log10(worst)) if worst > 0 else float(dps)
    undecided = "sympy could not decide" if not any(x is False for x in decided) else "sympy reported a nonzero form"
    return Evidence(
        method,
        "confirmed",
        f"{name + ': ' if name else ''}{undecided}; {n_done} random points at {dps} digits agree to >= {min(digits, dps):.0f} digits"
        + (f" ({escalated} needed {2 * dps} digits against cancellation)" if escalated else ""),
        tolerance=float(tol),
        tolerance_reason=tol_reason,
        part=name,
        data={"samples": n_done, "dps": dps, "digits": min(digits, dps), "sign_cases": len(cases),
              "points_needing_2x_digits": escalated,
              "worst_point": _fmt_point(worst_point) if worst_point else None},
    )


def _refute_identity(method, name, lhs_l, rhs_l, point, dps, tol, tol_reason) -> Evidence | None:
    """Recompute a failing point at 2*dps: a refutation if it still fails, None if it was cancellation."""
    hi = 2 * dps
    with mpmath.workdps(hi):
        vals = [(eval_mp(l, point, hi), eval_mp(r, point, hi)) for l, r in zip(lhs_l, rhs_l)]
        per_entry = [_residual_at([l], [r], point, hi) for l, r in zip(lhs_l, rhs_l)]
        k = max(range(len(vals)), key=lambda i: per_entry[i])
        res = per_entry[k]
        confirmed = bool(res > tol)
        lhs_s, rhs_s = mpmath.nstr(vals[k][0], 20), mpmath.nstr(vals[k][1], 20)
    if not confirmed:
        return None
    return Evidence(
        method,
        "refuted",
        f"{name + ': ' if name else ''}lhs = {lhs_s} but rhs = {rhs_s} at {_fmt_point(point)} (relative residual {mpmath.nstr(res, 3)}, re-validated at {hi} digits)",
        tolerance=float(tol),
        tolerance_reason=tol_reason,
        witness={"point": _fmt_point(point), "entry": k, "lhs": lhs_s, "rhs": rhs_s},
        revalidation={"dps": hi, "working_dps": dps, "confirmed": True, "residual": mpmath.nstr(res, 5)},
        data={"residual": float(res)},
    )


# --------------------------------------------------------------------------- ODE substitution
def check_ode_solution(
    solution: Mapping[sp.Expr, sp.Expr],
    rhs: Mapping[sp.Expr, sp.Expr],
    t: sp.Symbol,
    domain: Mapping[sp.Symbol, Domain],
    *,
    rng: np.random.Generator,
    initial: Mapping[sp.Expr, sp.Expr] | None = None,
    name: str = "",
    **kw,
) -> list[Evidence]:
    """Substitute a closed form into ``d state/dt = rhs(state)``.

    ``solution`` maps each state symbol (or function ``f(t)``) to its closed
    form in ``t``; ``rhs`` maps the same keys to the right-hand side written in
    the state symbols.  Checks the residual ``d sol/dt - rhs(sol)`` and, if
    given, the initial values at ``t = 0``.
    """
    if set(solution) != set(rhs):
        raise InputError(f"{name}: solution and right-hand side name different states")
    subs = dict(solution)
    lhs = [sp.diff(solution[k], t) for k in solution]
    rhs_sub = [sp.sympify(rhs[k]).subs(subs) for k in solution]
    out = [check_identity(lhs, rhs_sub, domain, rng=rng, name=f"{name} ODE residual".strip(), **kw)]
    if initial:
        lhs0 = [solution[k].subs(t, 0) for k in initial]
        rhs0 = [initial[k] for k in initial]
        dom0 = {s: d for s, d in domain.items() if s != t}
        out.append(check_identity(lhs0, rhs0, dom0, rng=rng, name=f"{name} initial values".strip(), **kw))
    return out


# --------------------------------------------------------------------------- limits
def check_limit(
    expr: sp.Expr,
    var: sp.Symbol,
    expected: sp.Expr,
    domain: Mapping[sp.Symbol, Domain],
    *,
    rng: np.random.Generator,
    name: str = "",
    dps: int = 60,
    samples: int = 10,
    timeout: float = 20.0,
    scales: Sequence[float] = (50, 100, 200),
    method: str = "SYM",
) -> Evidence:
    """``lim_{var -> oo} expr == expected``.

    sympy's ``limit`` first (exact); otherwise evaluate ``expr`` at growing
    ``var = scale`` (the caller scales ``var`` so that these are far into the
    limit) at high precision and require the distance to ``expected`` to
    shrink and end below ``10**-(dps//3)`` at every sample point.
    """
    try:
        with time_limit(timeout):
            lim = sp.limit(expr, var, sp.oo)
            if lim.has(sp.Limit) or lim.has(sp.AccumBounds):
                raise SymbolicTimeout("unevaluated")
            zero = exact_zero(lim - expected, timeout=timeout)
        if zero is True:
            return Evidence(method, "proved", f"{name + ': ' if name else ''}sympy.limit gives the stated value", exact=True,
                            data={"limit": str(lim)})
    except (SymbolicTimeout, NotImplementedError, TypeError, ValueError, RecursionError):
        pass
    tol = mpmath.mpf(10) ** (-(dps // 3))
    dom = {s: d for s, d in domain.items() if s != var}
    worst = mpmath.mpf(0)
    cases = _sign_cases(dom)

    def values(point, scale_list, prec):
        out = []
        for sc in scale_list:
            p = dict(point)
            p[var] = sp.Integer(int(sc))
            out.append((eval_mp(expr, p, prec), eval_mp(expected, p, prec)))
        return out

    for i in range(samples):
        signs = cases[i % len(cases)]
        point = {s: d.sample(rng, signs[s]) for s, d in dom.items()}
        vals = values(point, scales, dps)
        gaps = [abs(v - e) / max(abs(e), mpmath.mpf(10) ** (-dps // 2)) for v, e in vals]
        if gaps[-1] <= tol:
            worst = max(worst, gaps[-1])
            continue
        # Not within tolerance: has the expression settled at another value?
        # It has if the last change is far smaller than the remaining gap.
        change = abs(vals[-1][0] - vals[-2][0]) / max(abs(vals[-1][1]), mpmath.mpf(10) ** (-dps // 2))
        if change * 100 > gaps[-1]:
            return Evidence(method, "inconclusive",
                            f"{name}: not settled at {var}={scales[-1]} (gap {mpmath.nstr(gaps[-1], 3)}, still moving by {mpmath.nstr(change, 3)})",
                            part=name, data={"point": _fmt_point(point)})
        hi = 2 * dps
        (v_hi, e_hi), = values(point, [2 * scales[-1]], hi)
        gap_hi = abs(v_hi - e_hi) / max(abs(e_hi), mpmath.mpf(10) ** (-dps // 2))
        if gap_hi <= tol or abs(gap_hi - gaps[-1]) > gaps[-1] / 10:
            return Evidence(method, "inconclusive", f"{name}: the gap did not re-validate at {hi} digits", part=name)
        return Evidence(
            method, "refuted",
            f"{name + ': ' if name else ''}at {_fmt_point(point)} the expression settles at {mpmath.nstr(v_hi, 15)}, "
            f"not {mpmath.nstr(e_hi, 15)} (re-validated at {hi} digits, {var}={2 * scales[-1]})",
            witness={"point": _fmt_point(point), "value": mpmath.nstr(v_hi, 20), "expected": mpmath.nstr(e_hi, 20),
                     var.name: 2 * scales[-1]},
            revalidation={"dps": hi, "working_dps": dps, "confirmed": True},
            tolerance=float(tol), tolerance_reason="gap after the expression has settled (last change < gap/100)",
        )
    return Evidence(
        method, "confirmed",
        f"{name + ': ' if name else ''}sympy.limit undecided; {samples} points: relative gap <= {mpmath.nstr(worst, 3)} at {var}={scales[-1]}",
        tolerance=float(tol), tolerance_reason=f"the gap must fall below 1e-{dps // 3} far into the limit",
        data={"samples": samples, "worst_gap": float(worst), "scales": list(scales)},
    )
