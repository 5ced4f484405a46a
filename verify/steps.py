"""Derivation chains: check a proof step by step.

A :class:`Chain` is the sequence of steps a paper prints, each step going
``from`` one printed line ``to`` the next by a named ``operation``.  A step is
encoded as a :class:`Relation` that must hold if the step follows: usually
"the operation applied to the previous printed line equals the next printed
line" (:class:`Eq`), or an inequality the step uses (:class:`Le`), or a
custom check returning :class:`Evidence`.

Checking a step: exact sympy first (with a per-step time limit); otherwise
the step's domain is sampled at high precision (every sign case, boundary
values first, then a hypothesis search steered toward a violation); a
violation must survive recomputation at twice the digits to be REFUTED.

A chain's report names the first step that does not follow and, separately,
whether the chain's end result holds on its own (a wrong intermediate step
does not make a true end result false).
"""
from __future__ import annotations

import time
import traceback
from dataclasses import dataclass, field
from typing import Callable, Mapping

import mpmath
import numpy as np
import sympy as sp

from . import symbolic as S
from .claims import Paper
from .context import Context
from .errors import InputError
from .verdicts import Evidence, Verdict, derive_verdict, jsonable


# ----------------------------------------------------------------------------- relations
@dataclass
class Eq:
    """``lhs == rhs`` (scalars, matrices or lists) on the step's domain."""

    lhs: object
    rhs: object
    rewrites: tuple = ()
    scope: str = ""  # e.g. "n = 2, r = 1" when explicit-size matrices stand for general ones
    condition: Callable | None = None  # restricts the sampled points (a constraint between symbols)

    def check(self, domain, ctx: Context, name: str, timeout: float) -> list[Evidence]:
        return [S.check_identity(self.lhs, self.rhs, domain, rng=ctx.rng(name), name=name, timeout=timeout,
                                 rewrites=self.rewrites, method="STEPS", samples=40, scope=self.scope,
                                 condition=self.condition)]

    def latex(self) -> str:
        return f"{_latex(self.lhs)} = {_latex(self.rhs)}"


@dataclass
class Le:
    """``lhs <= rhs`` for every point of the step's domain (``strict`` for <)."""

    lhs: sp.Expr
    rhs: sp.Expr
    strict: bool = False
    scope: str = ""

    def check(self, domain, ctx: Context, name: str, timeout: float) -> list[Evidence]:
        ev = check_le(self.lhs, self.rhs, domain, ctx, name=name, timeout=timeout, strict=self.strict)
        ev.scope = self.scope if ev.outcome == "proved" else ""
        return [ev]

    def latex(self) -> str:
        rel = "<" if self.strict else r"\le"
        return f"{_latex(self.lhs)} {rel} {_latex(self.rhs)}"


def Ge(lhs, rhs, strict=False) -> Le:
    return Le(rhs, lhs, strict)


@dataclass
class Custom:
    """A hand-written check: ``func(ctx) -> Evidence | list[Evidence]``."""

    func: Callable[[Context], object]
    description: str = ""

    def check(self, domain, ctx: Context, name: str, timeout: float) -> list[Evidence]:
        with S.time_limit(timeout * 3):
            out = self.func(ctx)
        return [out] if isinstance(out, Evidence) else list(out)

    def latex(self) -> str:
        return self.description


@dataclass
class Prop:
    """A relation between matrices checked by property search (hypothesis):
    ``fn(example) -> (lhs, rhs)`` in float64, ``revalidate(example, dps)`` the
    same in mpmath.  ``kind`` is "le" (lhs <= rhs) or "eq"."""

    strategy: object
    fn: Callable
    revalidate: Callable
    kind: str = "le"
    description: str = ""
    extra_examples: tuple = ()

    def check(self, domain, ctx: Context, name: str, timeout: float) -> list[Evidence]:
        from . import search

        f = search.check_inequality if self.kind == "le" else search.check_equality
        with S.time_limit(timeout * 6):
            return [f(name, self.strategy, self.fn, ctx, revalidate=self.revalidate, extra_examples=list(self.extra_examples))]

    def latex(self) -> str:
        return self.description


def _latex(x) -> str:
    try:
        if isinstance(x, (list, tuple)):
            return r",\ ".join(sp.latex(v) for v in x)
        return sp.latex(x)
    except Exception:  # pragma: no cover - latex printing never decides a verdict
        return str(x)


# ----------------------------------------------------------------------------- inequalities
def check_le(lhs, rhs, domain: Mapping[sp.Symbol, S.Domain], ctx: Context, *, name: str = "", timeout: float = 10.0,
             strict: bool = False, dps: int = 40, samples: int = 60) -> Evidence:
    """Check ``lhs <= rhs`` on ``domain``: sympy sign analysis first; then
    corners, random points and a hypothesis search minimising the relative
    margin ``(rhs - lhs) / (|lhs| + |rhs|)``; a violation is recomputed at
    2*dps digits before it is reported.  Reports the tightness max lhs/rhs."""
    lhs, rhs = sp.sympify(lhs), sp.sympify(rhs)
    diff = rhs - lhs
    S._check_symbols([diff], domain)
    try:
        with S.time_limit(timeout):
            d = sp.simplify(diff)
            nonneg = d.is_positive if strict else d.is_nonnegative
        if nonneg:
            return Evidence("STEPS", "proved", f"{name}: sympy shows rhs - lhs {'>' if strict else '>='} 0 from the symbols' assumptions",
                            exact=True, complete=True)
    except (S.SymbolicTimeout, TypeError, NotImplementedError, RecursionError):
        pass

    syms = list(domain)
    tol = mpmath.mpf(10) ** (-(dps - 15))

    def margin_at(point, prec):
        with mpmath.workdps(prec):
            l, r = S.eval_mp(lhs, point, prec), S.eval_mp(rhs, point, prec)
            if isinstance(l, mpmath.mpc) or isinstance(r, mpmath.mpc):
                raise ZeroDivisionError("complex value")
            scale = max(abs(l), abs(r), mpmath.mpf(10) ** (-prec // 2))
            return (r - l) / scale, l, r

    violations_at_dps = 0
    worst = (mpmath.inf, None, None, None)
    n_done = 0

    def visit(point):
        """Returns (violation or None, margin or None) at this point."""
        nonlocal worst, n_done, violations_at_dps
        try:
            m, l, r = margin_at(point, dps)
        except (ZeroDivisionError, InputError, ValueError):
            return None, None
        n_done += 1
        if m < worst[0]:
            worst = (m, point, l, r)
        # equality cannot be told from a strict inequality numerically: only a
        # margin below -tol counts as a violation, for < as for <=
        if m < -tol:
            m2, l2, r2 = margin_at(point, 2 * dps)
            if m2 < -tol:
                return (point, l2, r2, m2), m
            violations_at_dps += 1
        return None, m

    import itertools

    corner_sets = [domain[s].corners() for s in syms]
    corners = list(itertools.islice(itertools.product(*corner_sets), 256))
    rng = ctx.rng("le:" + name)
    cases = S._sign_cases(domain)
    points = [dict(zip(syms, c)) for c in corners]
    points += [{s: domain[s].sample(rng, cases[i % len(cases)][s]) for s in syms} for i in range(samples)]
    for p in points:
        hit, _ = visit(p)
        if hit:
            return _refute_le(name, hit, dps, tol)

    # hypothesis search toward the margin
    from hypothesis import HealthCheck, given, settings, target
    from hypothesis import seed as hseed
    from hypothesis import strategies as st

    found = []

    @hseed(ctx.sub_seed("le-search:" + name))
    @settings(max_examples=max(30, ctx.profile.examples // 2), database=None, deadline=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(st.tuples(*[domain[s].strategy() for s in syms]))
    def search(vals):
        point = dict(zip(syms, vals))
        hit, m = visit(point)
        if m is not None:
            target(-float(m))
        if hit:
            found.append(hit)
            raise AssertionError("violation")

    try:
        search()
    except AssertionError:
        pass
    if found:
        return _refute_le(name, found[-1], dps, tol)
    if n_done == 0:
        return Evidence("STEPS", "inconclusive", f"{name}: no admissible point in the domain")
    m, point, l, r = worst
    ratio = float(l / r) if r not in (0, None) and l is not None and r != 0 else None
    return Evidence(
        "STEPS", "confirmed",
        f"{name}: {n_done} points (corners, random, hypothesis search) at {dps} digits, no violation; "
        f"smallest relative margin {mpmath.nstr(m, 3)}" + (f", worst lhs/rhs = {ratio:.6g}" if ratio is not None else ""),
        tolerance=float(tol), tolerance_reason=f"relative margin >= -1e-{dps - 15} at {dps} digits; violations re-validated at {2 * dps}",
        data={"points": n_done, "tightness": ratio, "worst_margin": float(m),
              "worst_point": {str(k): str(v) for k, v in (point or {}).items()}, "float_artefacts": violations_at_dps},
    )


def _refute_le(name, hit, dps, tol) -> Evidence:
    point, l, r, m = hit
    pt = {str(k): str(v) for k, v in point.items()}
    return Evidence(
        "STEPS", "refuted",
        f"{name}: lhs = {mpmath.nstr(l, 12)} > rhs = {mpmath.nstr(r, 12)} at {pt} (re-validated at {2 * dps} digits)",
        tolerance=float(tol), tolerance_reason="relative margin must be non-negative",
        witness={"point": pt, "lhs": mpmath.nstr(l, 25), "rhs": mpmath.nstr(r, 25)},
        revalidation={"dps": 2 * dps, "working_dps": dps, "confirmed": True, "margin": mpmath.nstr(m, 5)},
    )


# ----------------------------------------------------------------------------- steps and chains
@dataclass
class Step:
    id: str  # exactly as in the claim index, e.g. "(447)→(448)"
    operation: str
    relation: object  # Eq | Le | Custom
    domain: Mapping[sp.Symbol, S.Domain] = field(default_factory=dict)
    printed: str = ""  # the paper's own LaTeX of the lines involved, for audit
    note: str = ""  # the reading used where the extraction or the step is ambiguous
    timeout: float = 10.0

    @property
    def frm(self) -> str:
        return self.id.split("→")[0] if "→" in self.id else ""

    @property
    def to(self) -> str:
        return self.id.split("→")[-1]


@dataclass
class Chain:
    paper: Paper
    id: str
    title: str
    steps: list[Step] = field(default_factory=list)
    end: Callable[[Context], object] | None = None  # check of the end result on its own
    end_label: str = ""
    timeout: float = 300.0

    @property
    def key(self) -> str:
        return f"{self.paper.alias}:{self.id}"

    def step(self, id: str, operation: str, relation, domain=None, *, printed: str = "", note: str = "",
             timeout: float = 10.0) -> Step:
        if any(s.id == id for s in self.steps):
            raise ValueError(f"{self.id}: step {id} listed twice")
        st_ = Step(id, operation, relation, dict(domain or {}), printed, note, timeout)
        self.steps.append(st_)
        return st_

    def end_result(self, label: str):
        """Decorator: the check of the chain's end result on its own."""
        def deco(func):
            self.end, self.end_label = func, label
            return func
        return deco


CHAINS: dict[tuple[str, str], Chain] = {}


def chain(paper: Paper, id: str, title: str, timeout: float = 300.0) -> Chain:
    key = (paper.stem, id)
    if key in CHAINS:
        raise ValueError(f"chain {id} of {paper.stem} defined twice")
    ch = Chain(paper, id, title, timeout=timeout)
    CHAINS[key] = ch
    return ch


def check_step(step: Step, ctx: Context) -> dict:
    t0 = time.perf_counter()
    try:
        evs = step.relation.check(step.domain, ctx, step.id, step.timeout)
        verdict, summary = derive_verdict(evs)
        evidence = [e.to_dict() for e in evs]
    except S.SymbolicTimeout as exc:
        verdict, summary, evidence = Verdict.INCONCLUSIVE, f"step check timed out: {exc}", []
    except Exception as exc:  # a crash is ERROR for this step only
        verdict, summary, evidence = Verdict.ERROR, f"check crashed: {type(exc).__name__}: {exc}", []
        summary += "\n" + traceback.format_exc(limit=4)
    return jsonable({
        "step": step.id, "from": step.frm, "to": step.to, "operation": step.operation, "verdict": verdict.value,
        "summary": summary, "printed": step.printed, "encoded": step.relation.latex(), "note": step.note,
        "evidence": evidence, "seconds": round(time.perf_counter() - t0, 3),
    })


def check_chain(ch: Chain, ctx: Context) -> dict:
    steps = [check_step(s, ctx) for s in ch.steps]
    first_bad = next((s for s in steps if s["verdict"] in ("REFUTED",)), None)
    undecided = [s["step"] for s in steps if s["verdict"] in ("INCONCLUSIVE", "ERROR")]
    end = None
    if ch.end is not None:
        try:
            out = ch.end(ctx)
            evs = [out] if isinstance(out, Evidence) else list(out)
            v, summ = derive_verdict(evs)
            end = {"label": ch.end_label, "verdict": v.value, "summary": summ}
        except Exception as exc:
            end = {"label": ch.end_label, "verdict": "ERROR", "summary": f"{type(exc).__name__}: {exc}"}
    return jsonable({
        "paper": ch.paper.stem, "chain": ch.id, "title": ch.title, "steps": steps,
        "first_failing_step": first_bad["step"] if first_bad else None,
        "undecided_steps": undecided, "end_result": end,
    })


# ----------------------------------------------------------------------------- running
def evaluate_chain(ch: Chain, opts) -> dict:
    ctx = Context(seed=opts.seed, profile=opts.profile, claim_key=ch.key)
    t0 = time.perf_counter()
    rec = check_chain(ch, ctx)
    rec["seconds"] = round(time.perf_counter() - t0, 3)
    rec["reproduce"] = f"verify run --paper {ch.paper.alias} --chain '{ch.id}' --profile {opts.profile.name} --seed {opts.seed}"
    return rec


def chain_error(ch: Chain, opts, message: str) -> dict:
    return {"paper": ch.paper.stem, "chain": ch.id, "title": ch.title, "error": message,
            "steps": [{"step": s.id, "from": s.frm, "to": s.to, "operation": s.operation, "verdict": "ERROR",
                       "summary": f"chain check failed: {message}", "printed": s.printed, "encoded": ""} for s in ch.steps],
            "first_failing_step": None, "undecided_steps": [s.id for s in ch.steps], "end_result": None}


def select_chains(papers=(), ids=(), registry=None) -> list[Chain]:
    from .claims import REGISTRY

    reg = registry or REGISTRY
    stems = {reg.paper(p).stem for p in papers}
    out = [c for c in CHAINS.values() if not stems or c.paper.stem in stems]
    if ids:
        known = {c.id for c in out}
        unknown = [i for i in ids if i not in known]
        if unknown:
            import difflib

            from .errors import UsageError

            hint = difflib.get_close_matches(unknown[0], sorted(known), n=3)
            raise UsageError(f"unknown chain {unknown[0]!r}" + (f"; did you mean {', '.join(hint)}?" if hint else ""))
        out = [c for c in out if c.id in ids]
    return sorted(out, key=lambda c: (c.paper.stem, c.id))
