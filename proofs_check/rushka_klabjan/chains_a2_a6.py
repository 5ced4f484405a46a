"""Derivation chains CH-A2 … CH-A6 of App. A (gradient descent -> gradient flow), (100)-(168).

The steps are about a general objective g on Theta = R^{n x r} x R^{r x m} with the product norm (61).
Three kinds of evidence are used:

* Algebraic steps (add and subtract, substitute, regroup, integrate a constant): sympy with explicit
  symbolic matrices (n = 3, r = 2, m = 3; the scope is stated, so these are CONFIRMED, not PROVED)
  and undefined functions of s for theta(s) and grad g(theta(s)); purely scalar steps are PROVED.
* General facts behind the "<=" steps (triangle inequality, norm of an integral, Lipschitz and gradient
  bounds): property search over random Theta elements of every size (Prop / check_inequality), with
  the objectives' TRUE constants derived here (not the paper's Lemmas D.1 / J.1):
      trace-squared g = 1/2 Tr^2(W0 - BA):  L_R = |Tr W0| + 3R^2,     M_R = sqrt2 R (|Tr W0| + R^2)
      Frobenius    g = 1/2 ||W0 - BA||^2:   L_R = ||W0|| + 3R^2,      M_R = sqrt2 R (||W0|| + R^2)
  (both by the triangle inequality: |Tr(B2A2) - Tr(B1A1)| <= ||dB|| ||A2|| + ||B1|| ||dA||, etc.;
  they are themselves property-tested on D_R in the (106)->(107) step).
* Instrumented runs (TC-4): a small GD of eqs (4)-(5) written here (NOT the literal Algorithm 1), in
  mpmath at 30 digits, for both paper objectives (tracesq.lora_field, lra.lra_field), LoRA-type and
  generic initialisations, with the reference gradient flow (9)-(12) from verify.ode.integrate;
  integrals over [t_q, t_q + alpha] by 24-node Gauss-Legendre at the working precision; theta'(s)
  by a 5-point difference of the dense output (independent of the vector field).
"""
from __future__ import annotations

import functools
import math
from fractions import Fraction

import mpmath
import numpy as np
import sympy as sp
from hypothesis import strategies as st

from verify import symbolic as S
from verify.numeric import compare_cases
from verify.ode import integrate
from verify.search import check_equality, check_inequality
from verify.steps import Custom, Eq, Prop, chain
from verify.verdicts import Evidence

from . import PAPER
from .lra import lra_field
from .tracesq import lora_field

DPS = 30
T = 1
SCOPE = "n = 3, r = 2, m = 3 (explicit symbolic matrices)"
TOL_RUN = "index pass criterion: '=' to >= 20 digits, '<=' ratio <= 1 + 1e-12; violations re-evaluated at 2x digits"


# ============================================================================ numerics (float64 or mpf object arrays)
def _sqrt(x):
    return mpmath.sqrt(x) if isinstance(x, (mpmath.mpf, mpmath.mpc)) else math.sqrt(float(x))


def _mp(M):
    M = np.asarray(M, dtype=float)
    return np.array([[mpmath.mpf(float(x)) for x in row] for row in M], dtype=object)


def _conv(M, lib):
    return _mp(M) if lib == "mp" else np.asarray(M, dtype=float)


def fro2(M):
    return np.sum(M * M)


def pnorm(P):
    """(61): ||(B, A)|| = (||B||^2 + ||A||^2)^(1/2)."""
    return _sqrt(fro2(P[0]) + fro2(P[1]))


def padd(P, Q):
    return (P[0] + Q[0], P[1] + Q[1])


def psub(P, Q):
    return (P[0] - Q[0], P[1] - Q[1])


def pscale(c, P):
    return (c * P[0], c * P[1])


def grads(obj, W0, B, A):
    """(grad_B g, grad_A g) at (B, A): trace-squared (265)-(266) / Frobenius (38)-(39) with the sign of -field."""
    if obj == "trace":
        a = np.trace(W0 - B @ A)
        return (-a * A.T, -a * B.T)
    E = W0 - B @ A
    return (-E @ A.T, -B.T @ E)


def _c0(obj, W0):
    return abs(np.trace(W0)) if obj == "trace" else _sqrt(fro2(W0))


def L_true(obj, W0, R):
    return _c0(obj, W0) + 3 * R**2


def M_true(obj, W0, R):
    return _sqrt(2) * R * (_c0(obj, W0) + R**2) if not isinstance(R, mpmath.mpf) else mpmath.sqrt(2) * R * (_c0(obj, W0) + R**2)


# ---------------------------------------------------------------------------- instances and reference flows
INST = {  # key -> (objective, init, seed); TC-4 shapes: trace n = 5, r = 2; Frobenius n = 5, m = 4, r = 2
    "trace-lora": ("trace", "lora", 11),
    "trace-generic": ("trace", "generic", 12),
    "lra-lora": ("lra", "lora", 13),
    "lra-generic": ("lra", "generic", 14),
}


@functools.lru_cache(maxsize=None)
def _inst(key):
    obj, init, seed = INST[key]
    rng = np.random.default_rng(seed)
    n, m, r = (5, 5, 2) if obj == "trace" else (5, 4, 2)
    W0 = rng.normal(size=(n, m))
    A0 = rng.normal(size=(r, m)) * (1.0 if init == "lora" else 0.5)
    B0 = np.zeros((n, r)) if init == "lora" else 0.5 * rng.normal(size=(n, r))
    return obj, W0, B0, A0


@functools.lru_cache(maxsize=None)
def _flow(key, dps):
    obj, W0, B0, A0 = _inst(key)
    field = lora_field if obj == "trace" else lra_field
    with mpmath.workdps(dps):
        res = integrate(field, {"Y": B0, "X": A0}, [T], params={"W0": W0}, dps=dps)
    if res.status != 0:
        raise RuntimeError(f"reference flow failed: {res.message}")
    return res.sol


def theta(key, t, dps):
    v = _flow(key, dps)(t)
    return (np.array(v["Y"].tolist(), dtype=object), np.array(v["X"].tolist(), dtype=object))


def dtheta(key, t, dps):
    """theta'(t) by the 5-point central difference of the dense output (truncation ~h^4, h = 10^(-dps/5))."""
    h = mpmath.mpf(10) ** (-(dps // 5))
    f = [theta(key, t + c * h, dps) for c in (-2, -1, 1, 2)]
    return tuple((f[0][i] - 8 * f[1][i] + 8 * f[2][i] - f[3][i]) / (12 * h) for i in range(2))


@functools.lru_cache(maxsize=None)
def _gl(dps):
    with mpmath.workdps(dps):
        return mpmath.calculus.quadrature.GaussLegendre(mpmath.mp).calc_nodes(4 if dps <= 40 else 5, mpmath.mp.prec)


def quad(f, a, b, dps):
    """Gauss-Legendre on [a, b] of a scalar- or pair-valued f."""
    half, mid = (b - a) / 2, (b + a) / 2
    acc = None
    for x, w in _gl(dps):
        v = f(mid + half * x)
        term = pscale(w * half, v) if isinstance(v, tuple) else w * half * v
        acc = term if acc is None else (padd(acc, term) if isinstance(v, tuple) else acc + term)
    return acc


def _golden_max(fun, lo, hi, iters=40):
    g = (mpmath.sqrt(5) - 1) / 2
    a, b = lo, hi
    c, d = b - g * (b - a), a + g * (b - a)
    fc, fd = fun(c), fun(d)
    for _ in range(iters):
        if fc > fd:
            b, d, fd = d, c, fc
            c = b - g * (b - a)
            fc = fun(c)
        else:
            a, c, fc = c, d, fd
            d = a + g * (b - a)
            fd = fun(d)
    return max(fc, fd, fun(lo), fun(hi))


def _sup(fun, dps, npts=201):
    """sup over [0, T] of fun: fine grid, then golden-section refinement around the grid maximum."""
    ts = [mpmath.mpf(T) * i / (npts - 1) for i in range(npts)]
    vals = [fun(t) for t in ts]
    i = max(range(npts), key=lambda k: vals[k])
    return max(vals[i], _golden_max(fun, ts[max(i - 1, 0)], ts[min(i + 1, npts - 1)]))


@functools.lru_cache(maxsize=None)
def flow_constants(key, dps):
    """R_T = sup_t max(||Y||, ||X||), M_T = sup_t ||grad g(theta(t))|| (TC-4: times 1 + 1e-6), L_{R_T} (true)."""
    obj, W0, _, _ = _inst(key)
    with mpmath.workdps(dps):
        W = _mp(W0)

        def rt(t):
            Y, X = theta(key, t, dps)
            return max(_sqrt(fro2(Y)), _sqrt(fro2(X)))

        def gn(t):
            return pnorm(grads(obj, W, *theta(key, t, dps)))

        RT = _sup(rt, dps) * (1 + mpmath.mpf(10) ** -6)
        MT = _sup(gn, dps) * (1 + mpmath.mpf(10) ** -6)
        return {"W0": W, "obj": obj, "RT": RT, "MT": MT, "LRT": L_true(obj, W, RT)}


# flow cases: t_q = q alpha (TC-13 local-defect point t_q = 0.3; alpha in {0.1, 0.05, 0.025}); s = t_q + u alpha
FLOW_CASES = [(key, tq, al) for key in INST for tq, al in (("3/10", "1/10"), ("3/10", "1/20"), ("3/10", "1/40"), ("7/10", "1/20"))]
S_FRACS = ("37/100", "81/100")
FLOW_S_CASES = [c + (u,) for c in FLOW_CASES for u in S_FRACS]


def _q(x):
    f = Fraction(x)
    return mpmath.mpf(f.numerator) / f.denominator


@functools.lru_cache(maxsize=None)
def flow_lines(key, tq_s, al_s, dps):
    """The printed lines (100)-(105), (115)-(119) on [t_q, t_q + alpha] along the reference flow."""
    k = flow_constants(key, dps)
    obj, W = k["obj"], k["W0"]
    with mpmath.workdps(dps):
        tq, al = _q(tq_s), _q(al_s)
        t1 = tq + al
        th0, th1 = theta(key, tq, dps), theta(key, t1, dps)
        G0 = grads(obj, W, *th0)
        G = lambda s: grads(obj, W, *theta(key, s, dps))  # noqa: E731
        I_dth = quad(lambda s: dtheta(key, s, dps), tq, t1, dps)
        I_G = quad(G, tq, t1, dps)
        I_D = quad(lambda s: psub(G(s), G0), tq, t1, dps)
        v = {
            "th0": th0, "th1": th1, "G0": G0, "al": al,
            "100L": I_dth, "100R": pscale(-1, I_G),
            "101L": psub(th1, th0),
            "102R": psub(pscale(-al, G0), I_D),
            "103L": psub(th1, psub(th0, pscale(al, G0))), "103R": pscale(-1, I_D),
            "tau104": psub(th1, psub(th0, pscale(al, G0))), "tau105": pscale(-1, I_D),
            "115L": pnorm(psub(th1, psub(th0, pscale(al, G0)))), "115R": pnorm(I_D),
            "116": quad(lambda s: pnorm(psub(G(s), G0)), tq, t1, dps),
            "117": k["LRT"] * quad(lambda s: pnorm(psub(theta(key, s, dps), th0)), tq, t1, dps),
            "118": k["LRT"] * quad(lambda s: k["MT"] * al, tq, t1, dps),
            "119": k["LRT"] * k["MT"] * al**2,
            "112": quad(lambda s: pnorm(dtheta(key, s, dps)), tq, t1, dps),
            "113": quad(lambda s: k["MT"], tq, t1, dps),
            "114": k["MT"] * al,
            "122R": padd(psub(th0, pscale(al, G0)), pscale(-1, I_D)),
        }
        return v


@functools.lru_cache(maxsize=None)
def flow_s_lines(key, tq_s, al_s, u_s, dps):
    """Lines (107)-(111) and (108)-(109) at s = t_q + u alpha."""
    k = flow_constants(key, dps)
    obj, W = k["obj"], k["W0"]
    with mpmath.workdps(dps):
        tq, al = _q(tq_s), _q(al_s)
        s = tq + _q(u_s) * al
        th0, ths = theta(key, tq, dps), theta(key, s, dps)
        G0, Gs = grads(obj, W, *th0), grads(obj, W, *ths)
        fl = flow_lines(key, tq_s, al_s, dps)
        I_s = quad(lambda x: dtheta(key, x, dps), tq, s, dps)
        return {
            "107L": pnorm(psub(Gs, G0)), "107R": k["LRT"] * pnorm(psub(ths, th0)),
            "108L": pnorm(dtheta(key, s, dps)), "108R": pnorm(Gs), "109R": k["MT"],
            "110L": pnorm(psub(ths, th0)), "110R": pnorm(I_s),
            "111": quad(lambda x: pnorm(dtheta(key, x, dps)), tq, s, dps),
            "112": fl["112"],
        }


def _flat(x):
    if isinstance(x, tuple):
        return [v for part in x for v in np.asarray(part).ravel().tolist()]
    return [x]


def flow_eq(name, line_fn, cases, lhs_key, rhs_key, min_digits=20):
    """compare_cases along the reference flows: printed line lhs_key equals printed line rhs_key."""
    def make(c):
        def compute(dps):
            v = line_fn(*c, dps)
            return [(f"{lhs_key} vs {rhs_key}", _flat(v[lhs_key]), _flat(v[rhs_key]))]
        return ({"flow": c[0], "t_q": c[1], "alpha": c[2], **({"s": f"t_q+{c[3]}*alpha"} if len(c) > 3 else {})}, compute)

    return compare_cases(name, [make(c) for c in cases], dps=DPS, min_digits=min_digits,
                         tolerance_reason="index [29]/[32]: '=' along TC-5 flows to <= 1e-20", method="ODE", part="flows")


def flow_le(ctx, name, line_fn, cases, lhs_key, rhs_key):
    """check_inequality over the recorded flow cases: line lhs_key <= line rhs_key (mpmath at 30 digits, re-validated at 60)."""
    def f(c):
        v = line_fn(*c, DPS)
        return v[lhs_key], v[rhs_key]

    def hp(c, dps):
        v = line_fn(*c, dps)
        return v[lhs_key], v[rhs_key]

    return check_inequality(name, st.sampled_from(cases), f, ctx, working_dps=DPS, revalidate=hp, examples=min(len(cases), 40),
                            extra_examples=cases, tolerance_reason=TOL_RUN, part="flows")


# ---------------------------------------------------------------------------- instrumented GD of eqs (4)-(5)
RUNS = [  # (flow key, lambda, k, m): alpha = T / (k 2^m) (TC-4), q = 0 .. T/alpha - 1
    ("trace-lora", "1/2", 2, 4),
    ("trace-generic", "1", 4, 4),
    ("lra-lora", "0", 3, 4),
    ("lra-generic", "1/4", 1, 5),
    ("trace-generic", "3/4", 3, 4),
]


def _gd_blockwise(obj, W, B0, A0, lam, k, al, Q):
    """Eqs (4)-(5): stage 1 updates B k times with A_{ik} fixed, stage 2 updates A k times with
    lambda B_{ik} + (1 - lambda) B_{(i+1)k}.  Returns iterates and the gradients actually used."""
    B, A, gBu, gAu = [B0], [A0], {}, {}
    for i in range(Q // k):
        b = i * k
        for j in range(k):
            gb, _ = grads(obj, W, B[b + j], A[b])
            gBu[b + j] = gb
            B.append(B[b + j] - al * gb)
        Bmix = lam * B[b] + (1 - lam) * B[b + k]
        for j in range(k):
            _, ga = grads(obj, W, Bmix, A[b + j])
            gAu[b + j] = ga
            A.append(A[b + j] - al * ga)
    return B, A, gBu, gAu


def _gd_recursive(obj, W, B0, A0, lam, k, al, Q):
    """(123)-(124) as printed, index by index with j = q mod k (memoised recursion, independent of the blocks)."""
    Bm, Am = {0: B0}, {0: A0}

    def Bf(p):
        if p not in Bm:
            q = p - 1
            j = q % k
            Bm[p] = Bf(q) - al * grads(obj, W, Bf(q), Af(q - j))[0]
        return Bm[p]

    def Af(p):
        if p not in Am:
            q = p - 1
            j = q % k
            Am[p] = Af(q) - al * grads(obj, W, lam * Bf(q - j) + (1 - lam) * Bf(q - j + k), Af(q))[1]
        return Am[p]

    return [Bf(p) for p in range(Q + 1)], [Af(p) for p in range(Q + 1)]


@functools.lru_cache(maxsize=None)
def gd_records(run_idx, dps, with_quad=False):
    """Instrumentation at every q = ik + j (TC-4): i, j, iterates, gradients used, mixed points (133)-(136),
    e_q, tau_q, run constants R', R_T, R_0, L_{R_0} (true constant), M_T."""
    key, lam_s, k, m = RUNS[run_idx]
    obj, W0, B0, A0 = _inst(key)
    fc = flow_constants(key, dps)
    with mpmath.workdps(dps):
        W, lam = fc["W0"], _q(lam_s)
        Q = k * 2**m
        al = mpmath.mpf(T) / Q
        B, A, gBu, gAu = _gd_blockwise(obj, W, _mp(B0), _mp(A0), lam, k, al, Q)
        Rp = max(max(_sqrt(fro2(b)), _sqrt(fro2(a))) for b, a in zip(B, A))
        R0 = max(Rp, fc["RT"])
        L0 = L_true(obj, W, R0)
        ths = [theta(key, al * q, dps) for q in range(Q + 1)]
        recs = []
        for q in range(Q):
            i, j = divmod(q, k)
            th0, th1 = ths[q], ths[q + 1]
            G0 = grads(obj, W, *th0)
            B1, A1 = B[q], A[q - j]
            B2, A2 = lam * B[q - j] + (1 - lam) * B[q - j + k], A[q]
            rec = {
                "run": run_idx, "q": q, "i": i, "j": j, "k": k, "lam": lam, "al": al, "obj": obj, "W0": W,
                "Bq": B[q], "Aq": A[q], "Bqj": B[q - j], "Bqjk": B[q - j + k], "Aqj": A[q - j],
                "Bq1": B[q + 1], "Aq1": A[q + 1], "gBu": gBu[q], "gAu": gAu[q],
                "B1": B1, "A1": A1, "B2": B2, "A2": A2, "th0": th0, "th1": th1, "G0": G0,
                "e0": psub(th0, (B[q], A[q])), "e1": psub(th1, (B[q + 1], A[q + 1])),
                "tau": psub(th1, psub(th0, pscale(al, G0))),  # (104)
                "Rp": Rp, "RT": fc["RT"], "R0": R0, "L0": L0,
            }
            if with_quad:
                G = lambda s: grads(obj, W, *theta(key, s, dps))  # noqa: E731
                rec["tau105"] = pscale(-1, quad(lambda s: psub(G(s), G0), al * q, al * (q + 1), dps))
            recs.append(rec)
        return recs


def all_records(dps=DPS):
    return [r for i in range(len(RUNS)) for r in gd_records(i, dps)]


def run_le(ctx, name, fn, part="GD runs"):
    """fn(rec) -> (lhs, rhs) over every record of every run; a violation is recomputed from the run at 60 digits."""
    recs = all_records()
    ids = [(r["run"], r["q"]) for r in recs]

    def f(x):
        return fn(gd_records(x[0], DPS)[x[1]])

    def hp(x, dps):
        return fn(gd_records(x[0], dps)[x[1]])

    return check_inequality(name, st.sampled_from(ids), f, ctx, working_dps=DPS, revalidate=hp, examples=min(len(ids), 60),
                            extra_examples=ids, tolerance_reason=TOL_RUN, part=part)


def run_eq(name, fn, min_digits=20, with_quad=False, runs=None):
    """fn(rec) -> list of (label, lhs, rhs) at every q of every run; compare_cases (re-run at 2x digits on failure)."""
    def make(i):
        def compute(dps):
            out = []
            for rec in gd_records(i, dps, with_quad):
                out += [(f"q={rec['q']}: {lab}", _flat(lv), _flat(rv)) for lab, lv, rv in fn(rec)]
            return out
        key, lam, k, m = RUNS[i]
        return ({"flow": key, "lambda": lam, "k": k, "alpha": f"1/{k * 2**m}"}, compute)

    return compare_cases(name, [make(i) for i in (runs if runs is not None else range(len(RUNS)))], dps=DPS,
                         min_digits=min_digits, tolerance_reason="index [34]/[40]: '=' at every q to <= 1e-20 (mpmath)",
                         method="GD", part="GD runs", floor=1e-25)


# ---------------------------------------------------------------------------- property search (general facts)
def _arr(draw, shape, scale):
    seed = draw(st.integers(0, 2**32 - 1))
    fam = draw(st.sampled_from(["gauss", "gauss", "zero", "int"]))
    rng = np.random.default_rng(seed)
    if fam == "zero":
        return np.zeros(shape)
    if fam == "int":
        return rng.integers(-3, 4, size=shape).astype(float)
    return scale * rng.normal(size=shape)


@st.composite
def st_theta_tuple(draw, count=3):
    """count Theta elements of one random shape, random scales; also parallel / one-component-zero cases."""
    n, m = draw(st.integers(1, 7)), draw(st.integers(1, 7))
    r = draw(st.integers(1, min(n, m)))
    scale = draw(st.sampled_from([1e-3, 0.1, 1.0, 10.0]))
    els = [(_arr(draw, (n, r), scale), _arr(draw, (r, m), scale)) for _ in range(count)]
    kind = draw(st.sampled_from(["free", "parallel", "B-only", "A-only"]))
    if kind == "parallel":
        c = [draw(st.floats(0, 5)) for _ in range(count)]
        els = [(c[i] * els[0][0], c[i] * els[0][1]) for i in range(count)]
    elif kind == "B-only":
        els = [(e[0], np.zeros_like(e[1])) for e in els]
    elif kind == "A-only":
        els = [(np.zeros_like(e[0]), e[1]) for e in els]
    al = draw(st.sampled_from([1e-3, 0.01, 0.1, 1.0, 7.0]))
    return els, al


def _ppair(P, lib):
    return (_conv(P[0], lib), _conv(P[1], lib))


def _prop(strategy, fn, description, kind="le"):
    """Prop with one generic fn(example, lib, one) -> (lhs, rhs); lib 'np' (float64) or 'mp' (mpmath)."""
    def f(x):
        return fn(x, "np", 1.0)

    def hp(x, dps):
        with mpmath.workdps(dps):
            return fn(x, "mp", mpmath.mpf(1))

    return Prop(strategy, f, hp, kind, description=description)


@st.composite
def st_objective_point(draw):
    """A TC-3 tuple for one paper objective: W0, R, and points (B1,A1), (B2,A2), (Y,X) in D_R."""
    obj = draw(st.sampled_from(["trace", "lra"]))
    n = draw(st.integers(1, 7))
    m = n if obj == "trace" else draw(st.integers(1, 7))
    r = draw(st.integers(1, min(n, m)))
    R = draw(st.sampled_from([0.1, 0.5, 1.0, 2.0, 5.0]))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    fam = draw(st.sampled_from(["gauss", "identity", "traceless", "zero", "rank-one"]))
    W0 = rng.normal(size=(n, m))
    if fam == "identity":
        W0 = draw(st.sampled_from([-10.0, -1.0, 0.1, 1.0, 10.0])) * np.eye(n, m)
    elif fam == "traceless" and n == m:
        W0 = W0 - np.trace(W0) / n * np.eye(n)
    elif fam == "zero":
        W0 = np.zeros((n, m))
    elif fam == "rank-one":
        W0 = np.outer(rng.normal(size=n), rng.normal(size=m))

    def point():
        kind = draw(st.sampled_from(["interior", "boundary", "B=0", "rank-one"]))
        B, A = rng.normal(size=(n, r)), rng.normal(size=(r, m))
        if kind == "rank-one":
            B, A = np.zeros((n, r)), np.zeros((r, m))
            B[draw(st.integers(0, n - 1)), 0] = R
            A[0, draw(st.integers(0, m - 1))] = R
            return B, A
        fb = R if kind != "interior" else R * draw(st.floats(0, 1))
        fa = R if kind != "interior" else R * draw(st.floats(0, 1))
        B = B / max(np.linalg.norm(B), 1e-300) * fb * (0 if kind == "B=0" else 1)
        A = A / max(np.linalg.norm(A), 1e-300) * fa
        return B, A

    P1, P2, P3 = point(), point(), point()
    sep = draw(st.sampled_from(["any", "close", "B-only", "A-only"]))
    if sep == "close":
        P2 = (np.clip(P1[0] + 1e-3 * rng.normal(size=P1[0].shape), -R, R) * 0 + P1[0] * (1 - 1e-3), P1[1] * (1 - 1e-3))
    elif sep == "B-only":
        P2 = (P2[0], P1[1])
    elif sep == "A-only":
        P2 = (P1[0], P2[1])
    return obj, W0, R, P1, P2, P3


def _obj_pts(x, lib):
    obj, W0, R, P1, P2, P3 = x
    return obj, _conv(W0, lib), (R if lib == "np" else mpmath.mpf(R)), _ppair(P1, lib), _ppair(P2, lib), _ppair(P3, lib)


def _lip_fn(x, lib, one):
    obj, W, R, P1, P2, _ = _obj_pts(x, lib)
    return pnorm(psub(grads(obj, W, *P2), grads(obj, W, *P1))), L_true(obj, W, R) * pnorm(psub(P2, P1))


def _mbound_fn(x, lib, one):
    obj, W, R, P1, _, _ = _obj_pts(x, lib)
    return pnorm(grads(obj, W, *P1)), M_true(obj, W, R)


def _ev_lip(ctx, name):
    p = _prop(st_objective_point(), _lip_fn, "")
    return check_inequality(name, p.strategy, p.fn, ctx, revalidate=p.revalidate, part="A.7 on D_R, true L_R")


# ============================================================================ symbolic scaffolding
_n, _r, _m = 3, 2, 3
_s, _tq, _al = sp.Symbol("s", real=True), sp.Symbol("t_q", positive=True), sp.Symbol("alpha", positive=True)
_SYM_DOM: dict = {_tq: S.positive(0.01, 5.0), _al: S.positive(1e-3, 1.0)}


def _msym(name, rows, cols):
    return sp.Matrix(rows, cols, lambda i, j: sp.Symbol(f"{name}_{i}{j}", real=True))


def _P(name):
    return (_msym(name + "B", _n, _r), _msym(name + "A", _r, _m))


def _Z():
    return (sp.zeros(_n, _r), sp.zeros(_r, _m))


def _sflat(P):
    return list(P[0]) + list(P[1])


def _snorm(P):
    return sp.sqrt(sum(e**2 for e in _sflat(P)))


def _dom(*pairs, extra=()):
    d = {}
    for P in pairs:
        for e in _sflat(P):
            d.update({x: S.interval(-3.0, 3.0) for x in e.free_symbols})
    for x in extra:
        d[x] = S.interval(-3.0, 3.0)
    return d


# theta(s) and grad g(theta(s)) as undefined functions of s, one per entry of Theta
_TH = [sp.Function(f"theta_{c}") for c in range(_n * _r + _r * _m)]
_GG = [sp.Function(f"Dg_{c}") for c in range(_n * _r + _r * _m)]  # s -> (grad g)(theta(s)), component c
_G0 = [sp.Symbol(f"G0_{c}", real=True) for c in range(_n * _r + _r * _m)]  # grad g(theta(t_q))
_t1 = _tq + _al  # t_{q+1} = t_q + alpha


def _I(expr_of_s, lo=_tq, hi=_t1):
    return sp.Integral(expr_of_s, (_s, lo, hi))


# ============================================================================ CH-A2
CH_A2 = chain(PAPER, "CH-A2", "local defect identity, (100)–(105) (App. A)")
_NC = len(_TH)
_lhs90 = [sp.Derivative(_TH[c](_s), _s) for c in range(_NC)]
_rhs90 = [-_GG[c](_s) for c in range(_NC)]
_L100 = [_I(sp.Derivative(_TH[c](_s), _s)) for c in range(_NC)]
_R100 = [-_I(_GG[c](_s)) for c in range(_NC)]
_L101 = [_TH[c](_t1) - _TH[c](_tq) for c in range(_NC)]
_R102 = [-_al * _G0[c] - _I(_GG[c](_s) - _G0[c]) for c in range(_NC)]
_L103 = [_TH[c](_t1) - (_TH[c](_tq) - _al * _G0[c]) for c in range(_NC)]
_R103 = [-_I(_GG[c](_s) - _G0[c]) for c in range(_NC)]
_TAU104 = [_TH[c](_t1) - (_TH[c](_tq) - _al * _G0[c]) for c in range(_NC)]
_TAU105 = [-_I(_GG[c](_s) - _G0[c]) for c in range(_NC)]
_D_A2 = {**_SYM_DOM, **{g: S.interval(-3.0, 3.0) for g in _G0}}


def _sym(name, lhs, rhs, dom, ctx, complete=False, scope=SCOPE, rewrites=()):
    return S.check_identity(lhs, rhs, dom, rng=ctx.rng(name), name=name, timeout=40, method="STEPS",
                            complete=complete, scope=scope, rewrites=rewrites)


def _a2_90_100(ctx):
    return [_sym("integrate (90) over [t_q, t_q+alpha]", [_I(e) for e in _lhs90] + [_I(e) for e in _rhs90],
                 _L100 + _R100, _D_A2, ctx),
            flow_eq("(100): int theta' = -int grad g", flow_lines, FLOW_CASES, "100L", "100R")]


CH_A2.step("(90)→(100)", "integrate both sides of (90) over [t_q, t_{q+1}]",
           Custom(_a2_90_100, "∫ d theta/ds ds = -∫ grad g(theta(s)) ds"),
           printed=r"\int_{t_q}^{t_{q+1}} \frac{d\theta(s)}{ds} ds = - \int_{t_q}^{t_{q+1}} \nabla g(\theta(s)) ds \quad (100)",
           note="symbolic: theta(s) and grad g(theta(s)) undefined functions, one per entry of Theta (n=3, r=2, m=3); "
                "numeric: both sides along the reference flows (theta' from the dense output, not from the field)", timeout=20)


def _a2_100_101(ctx):
    return [_sym("FTC on the left of (100)", _L100 + _R100, _L101 + _R100, _D_A2, ctx, rewrites=(lambda e: e.doit(),)),
            flow_eq("(101) vs (100)", flow_lines, FLOW_CASES, "101L", "100L")]


CH_A2.step("(100)→(101)", "fundamental theorem of calculus on the left", Custom(_a2_100_101, "FTC"),
           printed=r"\theta(t_{q+1}) - \theta(t_q) = - \int_{t_q}^{t_{q+1}} \nabla g(\theta(s)) ds \quad (101)", timeout=20)


def _a2_101_102(ctx):
    return [_sym("add and subtract alpha grad g(theta(t_q))", _R100, _R102, _D_A2, ctx),
            flow_eq("rhs (101) vs rhs (102)", flow_lines, FLOW_CASES, "100R", "102R")]


CH_A2.step("(101)→(102)", "add and subtract α∇g(θ(t_q)), using t_{q+1}−t_q=α", Custom(_a2_101_102, "linearity of the integral"),
           printed=r"\theta(t_{q+1}) - \theta(t_q) = -\alpha \nabla g(\theta(t_q)) - \int_{t_q}^{t_{q+1}} \nabla g(\theta(s)) - \nabla g(\theta(t_q)) ds \quad (102)",
           note="t_{q+1} encoded as t_q + alpha", timeout=20)
CH_A2.step("(102)→(103)", "move −α∇g(θ(t_q)) to the left",
           Eq([l + _al * g for l, g in zip(_L101, _G0)] + [r + _al * g for r, g in zip(_R102, _G0)], _L103 + _R103, scope=SCOPE),
           _D_A2,
           printed=r"\theta(t_{q+1}) - [\theta(t_q) - \alpha \nabla g(\theta(t_q))] = - \int_{t_q}^{t_{q+1}} \nabla g(\theta(s)) - \nabla g(\theta(t_q)) ds \quad (103)",
           note="both sides of (102) plus alpha grad g(theta(t_q)) must give the two sides of (103)", timeout=20)
CH_A2.step("(103)→(104)", "define τ_q as the left-hand side of (103)", Eq(_TAU104, _L103, scope=SCOPE), _D_A2,
           printed=r"\tau_q := \theta(t_{q+1}) - [\theta(t_q) - \alpha \nabla g(\theta(t_q))] \quad (104)",
           note="definition: checked as agreement of the printed right side of (104) with the printed left side of (103)")


def _a2_105(ctx):
    return [_sym("(103) with (104) substituted", _R103, _TAU105, _D_A2, ctx),
            flow_eq("tau_q by (104) vs by (105)", flow_lines, FLOW_CASES, "tau104", "tau105")]


CH_A2.step("(103),(104)→(105)", "read off τ_q as the integral", Custom(_a2_105, "tau_q = -∫ ..."),
           printed=r"\tau_q = - \int_{t_q}^{t_{q+1}} \nabla g(\theta(s)) - \nabla g(\theta(t_q)) ds \quad (105)",
           note="symbolic part: rhs of (103) equals the printed (105); numeric part: (104) (theta values) against (105) "
                "(quadrature) along the reference flows, index recipe [29] (<= 1e-20)", timeout=20)


@CH_A2.end_result("(105): tau_q of (104) equals -∫(grad g(theta(s)) - grad g(theta(t_q))) ds (both objectives, TC-4 grid points)")
def _a2_end(ctx):
    return run_eq("(104) = (105) at the grid points of GD runs", lambda rec: [("tau", rec["tau"], rec["tau105"])],
                  with_quad=True, runs=[0, 2])


# ============================================================================ CH-A3
CH_A3 = chain(PAPER, "CH-A3", "bounds on θ(s)−θ(t_q) and τ_q, (107)–(119) (App. A)")


def _a3_107(ctx):
    return [_ev_lip(ctx, "(106) on D_R with the true L_R (both objectives, TC-3 points)"),
            flow_le(ctx, "(107) along the flows, L_{R_T} true constant", flow_s_lines, FLOW_S_CASES, "107L", "107R")]


CH_A3.step("(106)→(107)", "apply A.7 on D_{R_T} (Remark A.5)", Custom(_a3_107, "Lipschitz bound on D_{R_T}"),
           printed=r"\|\nabla g(\theta(s)) - \nabla g(\theta(t_q))\| \leq L_{R_T} \|\theta(s) - \theta(t_q)\| \quad (107)",
           note="L_R = |Tr W0| + 3R^2 (trace-squared), ||W0|| + 3R^2 (Frobenius), derived here and property-tested; "
                "R_T = sup_t max(||Y||, ||X||) (grid + golden refinement, x(1+1e-6)); s = t_q + u alpha, u in {0.37, 0.81}")
CH_A3.step("(90)→(108)", "take norms in (90)",
           Custom(lambda ctx: flow_eq("(108) ||theta'|| = ||grad g||", flow_s_lines, FLOW_S_CASES, "108L", "108R"), "norms"),
           printed=r"\left\| \frac{d\theta(t)}{dt} \right\| = \|\nabla g(\theta(t))\| \text{ for all } t \in [0, T]. \quad (108)",
           note="theta' from the dense output by a 5-point difference, independent of the field")
CH_A3.step("(108)→(109)", "insert Remark A.6, (96)",
           Custom(lambda ctx: flow_le(ctx, "(109) ||grad g(theta(s))|| <= M_T", flow_s_lines, FLOW_S_CASES, "108R", "109R"), "M_T"),
           printed=r"\left\| \frac{d\theta(t)}{dt} \right\| = \|\nabla g(\theta(t))\| \leq M_T \text{ for all } t \in [0, T]. \quad (109)",
           note="M_T = sup_t ||grad g(theta(t))|| (201-point grid + golden-section refinement) x (1 + 1e-6), TC-4; "
                "checked at off-grid s")


def _a3_110(ctx):
    sym = _sym("FTC, upper limit s", [_I(sp.Derivative(_TH[c](_s), _s), _tq, sp.Symbol("s_up")) for c in range(_NC)],
               [_TH[c](sp.Symbol("s_up")) - _TH[c](_tq) for c in range(_NC)],
               {**_SYM_DOM, sp.Symbol("s_up"): S.positive(0.01, 5.0)}, ctx, rewrites=(lambda e: e.doit(),))
    return [sym, flow_eq("(110) ||theta(s)-theta(t_q)|| = ||∫ theta'||", flow_s_lines, FLOW_S_CASES, "110L", "110R")]


CH_A3.step("(110)", "fundamental theorem of calculus for θ(s)−θ(t_q)", Custom(_a3_110, "FTC"),
           printed=r"\|\theta(s) - \theta(t_q)\| = \left\| \int_{t_q}^s \frac{d}{ds'} \theta(s') ds' \right\| \quad (110)", timeout=20)


# general fact: || ∫ v || <= ∫ ||v|| for a Theta-valued polynomial curve v(s) = P0 + s P1 + s^2 P2 on [0, b]
@st.composite
def st_curve(draw):
    els, al = draw(st_theta_tuple(3))
    b = draw(st.sampled_from([0.01, 0.1, 1.0, 3.0]))
    u = draw(st.sampled_from([0.0, 0.25, 0.5, 0.9, 1.0]))
    return els, b, u


def _curve_int(x, lib, one, upto):
    els, b, u = x
    P = [_ppair(e, lib) for e in els]
    bb = b * one
    top = bb * u * one if upto == "s" else bb
    v = lambda s: padd(padd(P[0], pscale(s, P[1])), pscale(s * s, P[2]))  # noqa: E731
    if lib == "np":
        xs, ws = np.polynomial.legendre.leggauss(60)
        nodes = [(top / 2 * (x_ + 1), top / 2 * w) for x_, w in zip(xs, ws)]
        integ = sum(w * pnorm(v(s)) for s, w in nodes) if top > 0 else 0.0
    else:
        integ = mpmath.quad(lambda s: pnorm(v(s)), [0, top]) if top > 0 else mpmath.mpf(0)
    exact = padd(padd(pscale(top, P[0]), pscale(top**2 / 2, P[1])), pscale(top**3 / 3, P[2]))
    return pnorm(exact), integ


def _norm_int_fn(x, lib, one):
    return _curve_int(x, lib, one, "b")


def _enlarge_fn(x, lib, one):
    return _curve_int(x, lib, one, "s")[1], _curve_int(x, lib, one, "b")[1]


def _a3_110_111(ctx):
    p = _prop(st_curve(), _norm_int_fn, "")
    return [check_inequality("||∫v|| <= ∫||v|| (random Theta-valued quadratic curves)", p.strategy, p.fn, ctx,
                             revalidate=p.revalidate, tol_ratio=1e-9, part="general fact"),
            flow_le(ctx, "(110) <= (111) along the flows", flow_s_lines, FLOW_S_CASES, "110R", "111")]


CH_A3.step("(110)→(111)", "norm of an integral ≤ integral of the norm", Custom(_a3_110_111, "||∫|| <= ∫||.||"),
           printed=r"\leq \int_{t_q}^s \left\| \frac{d}{ds'} \theta(s') \right\| ds' \quad (111)",
           note="general fact with float64 Gauss-Legendre (60 nodes; tolerance 1e-9 for quadrature error), violations "
                "re-validated with mpmath.quad; plus the flows")


def _a3_111_112(ctx):
    p = _prop(st_curve(), _enlarge_fn, "")
    return [check_inequality("∫_0^{ub}||v|| <= ∫_0^b||v||, 0<=u<=1", p.strategy, p.fn, ctx, revalidate=p.revalidate,
                             tol_ratio=1e-9, part="general fact"),
            flow_le(ctx, "(111) <= (112) along the flows", flow_s_lines, FLOW_S_CASES, "111", "112")]


CH_A3.step("(111)→(112)", "enlarge the upper limit from s to t_{q+1} (non-negative integrand)", Custom(_a3_111_112, "enlarge"),
           printed=r"\leq \int_{t_q}^{t_{q+1}} \left\| \frac{d}{ds'} \theta(s') \right\| ds' \quad (112)")
CH_A3.step("(112)→(113)", "bound the integrand by M_T (109)",
           Custom(lambda ctx: flow_le(ctx, "(112) <= (113)", flow_lines, FLOW_CASES, "112", "113"), "M_T"),
           printed=r"\leq \int_{t_q}^{t_{q+1}} M_T ds' \quad (113)", note="M_T as in (108)→(109)")
_M, _Lc = sp.Symbol("M_T", positive=True), sp.Symbol("L_{R_T}", positive=True)
CH_A3.step("(113)→(114)", "integrate the constant over an interval of length α",
           Eq(sp.Integral(_M, (_s, _tq, _t1)), _M * _al, rewrites=(lambda e: e.doit(),)),
           {**_SYM_DOM, _M: S.positive(0.01, 100.0)}, printed=r"= M_T \alpha \quad (114)")


def _a3_105_115(ctx):
    return [_sym("|| -x || = ||x|| (Theta norm)", [_snorm(tuple(-M for M in _P("x")))], [_snorm(_P("x"))], _dom(_P("x")), ctx),
            flow_eq("(115): ||tau_q|| (tau by (104)) = ||∫ ...||", flow_lines, FLOW_CASES, "115L", "115R")]


CH_A3.step("(105)→(115)", "take norms in (105)", Custom(_a3_105_115, "norms of (105)"),
           printed=r"\|\tau_q\| = \left\| \int_{t_q}^{t_{q+1}} \nabla g(\theta(s)) - \nabla g(\theta(t_q)) ds \right\| \quad (115)",
           note="the sign of (105) is absorbed by ||-x|| = ||x|| (symbolic); numerically tau_q from its definition (104)")


def _a3_115_116(ctx):
    p = _prop(st_curve(), _norm_int_fn, "")
    return [check_inequality("||∫v|| <= ∫||v||", p.strategy, p.fn, ctx, revalidate=p.revalidate, tol_ratio=1e-9,
                             part="general fact"),
            flow_le(ctx, "(115) <= (116) along the flows", flow_lines, FLOW_CASES, "115R", "116")]


CH_A3.step("(115)→(116)", "norm of an integral ≤ integral of the norm", Custom(_a3_115_116, "||∫|| <= ∫||.||"),
           printed=r"\leq \int_{t_q}^{t_{q+1}} \left\| \nabla g(\theta(s)) - \nabla g(\theta(t_q)) \right\| ds \quad (116)")
CH_A3.step("(116)→(117)", "Lipschitz bound (107) inside the integral",
           Custom(lambda ctx: [flow_le(ctx, "(116) <= (117)", flow_lines, FLOW_CASES, "116", "117"),
                               _ev_lip(ctx, "(107) on D_R, true L_R")], "Lipschitz"),
           printed=r"\leq L_{R_T} \int_{t_q}^{t_{q+1}} \|\theta(s) - \theta(t_q)\| ds \quad (117)")
CH_A3.step("(117)→(118)", "insert (114)",
           Custom(lambda ctx: flow_le(ctx, "(117) <= (118)", flow_lines, FLOW_CASES, "117", "118"), "insert (114)"),
           printed=r"\leq L_{R_T} \int_{t_q}^{t_{q+1}} M_T \alpha ds \quad (118)")
CH_A3.step("(118)→(119)", "integrate the constant over an interval of length α",
           Eq(_Lc * sp.Integral(_M * _al, (_s, _tq, _t1)), _Lc * _M * _al**2, rewrites=(lambda e: e.doit(),)),
           {**_SYM_DOM, _M: S.positive(0.01, 100.0), _Lc: S.positive(0.01, 100.0)},
           printed=r"= L_{R_T} M_T \alpha^2 \quad (119)")


@CH_A3.end_result("||tau_q|| <= L_{R_T} M_T alpha^2 along the reference flows (true L, M_T of TC-4)")
def _a3_end(ctx):
    ev = flow_le(ctx, "(115) <= (119)", flow_lines, FLOW_CASES, "115L", "119")
    ratios = [float(flow_lines(*c, DPS)["115L"] / flow_lines(*c, DPS)["119"]) for c in FLOW_CASES]
    ev.data["ratio_range"] = [min(ratios), max(ratios)]
    return ev


# ============================================================================ CH-A4
CH_A4 = chain(PAPER, "CH-A4", "recursion identity for e_q, (120)–(131) (App. A)")
CH_A4.step("(120)", "definition of e_q; (121) is an empty label",
           Custom(lambda ctx: Evidence("NOTE", "inconclusive", "definition: introduces e_q := theta(t_q) - (B_q, A_q); "
                                       "(121) is an empty label; its use is checked in (125) and (130)→(131)"), "definition"),
           printed=r"e_q := \theta(t_q) - \left( B_q^{(\alpha)}, A_q^{(\alpha)} \right) \quad (120)")

_th0, _th1, _tau, _G = _P("theta0"), _P("theta1"), _P("tau"), _P("G0")
_Bq, _Aq, _gB, _gA = _msym("Bq", _n, _r), _msym("Aq", _r, _m), _msym("gB", _n, _r), _msym("gA", _r, _m)
_alp = sp.Symbol("alpha", positive=True)


def _padd(*Ps):
    out = Ps[0]
    for P in Ps[1:]:
        out = (out[0] + P[0], out[1] + P[1])
    return out


def _psc(c, P):
    return (c * P[0], c * P[1])


_DOM4 = {**_dom(_th0, _th1, _tau, _G, (_Bq, _Aq), (_gB, _gA)), _alp: S.positive(1e-3, 1.0)}
_rhs104 = _padd(_th1, _psc(-1, _padd(_th0, _psc(-_alp, _G))))
_rhs122 = _padd(_th0, _psc(-_alp, _G), _tau)


def _a4_122(ctx):
    sym = _sym("(122) with tau_q := (104)", _sflat(_th1),
               _sflat(_padd(_th0, _psc(-_alp, _G), _rhs104)), _DOM4, ctx)
    return [sym, flow_eq("theta(t_{q+1}) vs (122) with tau_q from (105)", flow_lines, FLOW_CASES[::4], "th1", "122R")]


CH_A4.step("(103)–(105)→(122)", "rearrange to θ(t_{q+1})=θ(t_q)−α∇g(θ(t_q))+τ_q", Custom(_a4_122, "rearrange"),
           printed=r"\theta(t_{q+1}) = \theta(t_q) - \alpha \nabla g(\theta(t_q)) + \tau_q \quad (122)",
           note="symbolic with tau_q from (104); numeric with tau_q from (105) (quadrature) along the flows", timeout=20)

_i, _k, _j = sp.Symbol("i", integer=True, nonnegative=True), sp.Symbol("k", integer=True, positive=True), sp.Symbol("j", integer=True, nonnegative=True)


def _a4_123(ctx):
    q = _i * _k + _j
    sym = S.check_identity([_i * _k + _j, _i * _k, (_i + 1) * _k, _i * _k + _j + 1], [q, q - _j, q - _j + _k, q + 1],
                           {_i: S.integers(0, 50), _k: S.integers(1, 8), _j: S.integers(0, 7)}, rng=ctx.rng("idx"),
                           name="indices with q = ik + j", method="STEPS", complete=False)

    def fn(rec):
        return []

    def make(i):
        def compute(dps):
            key, lam_s, k, m = RUNS[i]
            obj, W0, B0, A0 = _inst(key)
            with mpmath.workdps(dps):
                Q, lam = k * 2**m, _q(lam_s)
                al = mpmath.mpf(T) / Q
                W = _mp(W0)
                B1, A1, _, _ = _gd_blockwise(obj, W, _mp(B0), _mp(A0), lam, k, al, Q)
                B2, A2 = _gd_recursive(obj, W, _mp(B0), _mp(A0), lam, k, al, Q)
                return [(f"B_{p}", B1[p].ravel().tolist(), B2[p].ravel().tolist()) for p in range(Q + 1)] + \
                       [(f"A_{p}", A1[p].ravel().tolist(), A2[p].ravel().tolist()) for p in range(Q + 1)]
        key, lam, k, m = RUNS[i]
        return ({"flow": key, "lambda": lam, "k": k, "alpha": f"1/{k * 2**m}"}, compute)

    num = compare_cases("(71)-(72) blockwise vs (123)-(124) index by index", [make(i) for i in range(len(RUNS))],
                        dps=DPS, min_digits=DPS - 3, tolerance_reason="same arithmetic: identical iterates expected",
                        method="GD", part="GD runs", floor=1e-28)
    return [sym, num]


CH_A4.step("(71)–(72)→(123)–(124)", "rewrite with q=ik+j, i.e. ik=q−j and (i+1)k=q−j+k", Custom(_a4_123, "indices"),
           printed=r"B_{q+1}^{(\alpha)} = B_q^{(\alpha)} - \alpha \nabla_B f \left( W_0 + B_q^{(\alpha)} A_{q-j}^{(\alpha)} \right) \quad (123)"
                   r"\; A_{q+1}^{(\alpha)} = A_q^{(\alpha)} - \alpha \nabla_A f \left( W_0 + \left[ \lambda B_{q-j}^{(\alpha)} + (1 - \lambda) B_{q-j+k}^{(\alpha)} \right] A_q^{(\alpha)} \right) \quad (124)",
           note="nabla_B f(W0 + BA) read as nabla_B g(B, A) (g = f(W0 + .)); the recursion (123)-(124) is implemented "
                "independently (memoised, j = q mod k) and compared iterate by iterate with the blockwise (4)-(5)/(71)-(72)")

_qs = sp.Symbol("q", integer=True, nonnegative=True)
_THt = [sp.Function(f"theta_{c}") for c in range(_NC)]
_Bf = [sp.Function(f"BA_{c}") for c in range(_NC)]  # q -> entry c of (B_q, A_q)
CH_A4.step("(125)", "definition of e_{q+1}",
           Eq([_THt[c]((_qs + 1) * _alp) - _Bf[c](_qs + 1) for c in range(_NC)],
              [_THt[c](_qs * _alp + _alp) - _Bf[c](_qs + 1) for c in range(_NC)], scope=SCOPE),
           {_qs: S.integers(0, 50), _alp: S.positive(1e-3, 1.0)},
           printed=r"e_{q+1} := \theta(t_{q+1}) - \left( B_{q+1}^{(\alpha)}, A_{q+1}^{(\alpha)} \right) \quad (125)",
           note="agreement with (120) at q+1: e_{q+1} from (120) (t_{q+1} = (q+1) alpha) vs the printed (125) "
                "(t_{q+1} = t_q + alpha)")

_upd = (_Bq - _alp * _gB, _Aq - _alp * _gA)  # the ordered pair of (126)/(127)
_p126 = _padd(_th0, _psc(-_alp, _G), _tau, _psc(-1, _upd))


def _a4_126(ctx):
    sym = _sym("substitute (122), (123)-(124) into (125)", _sflat(_padd(_rhs122, _psc(-1, (_Bq - _alp * _gB, _Aq - _alp * _gA)))),
               _sflat(_p126), _DOM4, ctx)
    num = run_eq("e_{q+1} (125) vs (126)", lambda rec: [("e_{q+1}", rec["e1"], psub(padd(psub(rec["th0"], pscale(rec["al"], rec["G0"])), rec["tau"]),
                                                                             (rec["Bq"] - rec["al"] * rec["gBu"], rec["Aq"] - rec["al"] * rec["gAu"])))])
    return [sym, num]


CH_A4.step("(125)→(126)", "substitute (122) and (123)–(124)", Custom(_a4_126, "substitute"),
           printed=r"= \theta(t_q) - \alpha \nabla g(\theta(t_q)) + \tau_q - \left( B_q^{(\alpha)} - \alpha \nabla_B f(W_0 + B_q^{(\alpha)} A_{q-j}^{(\alpha)}), A_q^{(\alpha)} - \alpha \nabla_A f(W_0 + [\lambda B_{q-j}^{(\alpha)} + (1-\lambda) B_{q-j+k}^{(\alpha)}] A_q^{(\alpha)}) \right) \quad (126)",
           note="symbolic: gB, gA stand for the two gradients of (123)-(124); numeric along GD runs with the "
                "gradients actually used by the updates and tau_q from (104)")
CH_A4.step("(127)→(128)", "split the ordered pair using addition and scalar multiplication on Θ (Remark A.1)",
           Eq(_sflat(_upd), _sflat(_padd((_Bq, _Aq), _psc(-_alp, (_gB, _gA)))), scope=SCOPE), _DOM4,
           printed=r"= (B_q^{(\alpha)}, A_q^{(\alpha)}) - \alpha \left( \nabla_B f(W_0 + B_q^{(\alpha)} A_{q-j}^{(\alpha)}), \nabla_A f(W_0 + [\lambda B_{q-j}^{(\alpha)} + (1-\lambda) B_{q-j+k}^{(\alpha)}] A_q^{(\alpha)}) \right) \quad (128)")
_p129 = _padd(_th0, _psc(-_alp, _G), _tau, _psc(-1, (_Bq, _Aq)), _psc(_alp, (_gB, _gA)))
CH_A4.step("(126),(128)→(129)", "substitute",
           Eq(_sflat(_padd(_th0, _psc(-_alp, _G), _tau, _psc(-1, _padd((_Bq, _Aq), _psc(-_alp, (_gB, _gA)))))), _sflat(_p129), scope=SCOPE),
           _DOM4,
           printed=r"e_{q+1} = \theta(t_q) - \alpha \nabla g(\theta(t_q)) + \tau_q - (B_q^{(\alpha)}, A_q^{(\alpha)}) + \alpha \left( \nabla_B f(\cdot), \nabla_A f(\cdot) \right) \quad (129)")
_p130 = _padd(_th0, _psc(-1, (_Bq, _Aq)), _tau, _psc(_alp, _padd((_gB, _gA), _psc(-1, _G))))
CH_A4.step("(129)→(130)", "regroup terms", Eq(_sflat(_p129), _sflat(_p130), scope=SCOPE), _DOM4,
           printed=r"= \theta(t_q) - (B_q^{(\alpha)}, A_q^{(\alpha)}) + \tau_q + \alpha \left[ \left( \nabla_B f(\cdot), \nabla_A f(\cdot) \right) - \nabla g(\theta(t_q)) \right] \quad (130)")
_eq = _padd(_th0, _psc(-1, (_Bq, _Aq)))  # (120)
_p131 = _padd(_eq, _tau, _psc(_alp, _padd((_gB, _gA), _psc(-1, _G))))
CH_A4.step("(130)→(131)", "identify θ(t_q)−(B_q,A_q)=e_q", Eq(_sflat(_p130), _sflat(_p131), scope=SCOPE), _DOM4,
           printed=r"= e_q + \tau_q + \alpha \left[ \left( \nabla_B f(W_0 + B_q^{(\alpha)} A_{q-j}^{(\alpha)}), \nabla_A f(W_0 + [\lambda B_{q-j}^{(\alpha)} + (1-\lambda) B_{q-j+k}^{(\alpha)}] A_q^{(\alpha)}) \right) - \nabla g(\theta(t_q)) \right] \quad (131)",
           note="e_q substituted by its definition (120)")


def _rhs131(rec, tau_key="tau"):
    D = psub((grads(rec["obj"], rec["W0"], rec["B1"], rec["A1"])[0], grads(rec["obj"], rec["W0"], rec["B2"], rec["A2"])[1]), rec["G0"])
    return padd(padd(rec["e0"], rec[tau_key]), pscale(rec["al"], D))


@CH_A4.end_result("(131) at every q of instrumented GD runs (tau_q from (105) by quadrature), index recipe [34]")
def _a4_end(ctx):
    return run_eq("(131) along GD runs", lambda rec: [("e_{q+1}", rec["e1"], _rhs131(rec, "tau105"))], with_quad=True, runs=[0, 2, 3])


# ============================================================================ CH-A5
CH_A5 = chain(PAPER, "CH-A5", "third term of (132), (132)–(158) (App. A)")


def _tri_fn(x, lib, one):
    els, al = x
    e, t, D = (_ppair(p, lib) for p in els)
    a = al * one
    return pnorm(padd(padd(e, t), pscale(a, D))), pnorm(e) + pnorm(t) + a * pnorm(D)


def _d132(rec):
    return psub((rec["gBu"], rec["gAu"]), rec["G0"])


def _a5_132(ctx):
    p = _prop(st_theta_tuple(3), _tri_fn, "")
    return [check_inequality("||e + tau + alpha D|| <= ||e|| + ||tau|| + alpha ||D||", p.strategy, p.fn, ctx,
                             revalidate=p.revalidate, part="general fact"),
            run_le(ctx, "(132) along GD runs", lambda rec: (pnorm(rec["e1"]), pnorm(rec["e0"]) + pnorm(rec["tau"]) + rec["al"] * pnorm(_d132(rec))))]


CH_A5.step("(131)→(132)", "triangle inequality, and homogeneity with α>0", Custom(_a5_132, "triangle"),
           printed=r"\|e_{q+1}\| \leq \|e_q\| + \|\tau_q\| + \alpha \left\| \left( \nabla_B f(W_0 + B_q^{(\alpha)} A_{q-j}^{(\alpha)}), \nabla_A f(W_0 + [\lambda B_{q-j}^{(\alpha)} + (1-\lambda) B_{q-j+k}^{(\alpha)}] A_q^{(\alpha)}) \right) - \nabla g(\theta(t_q)) \right\| \quad (132)",
           note="along runs: e_{q+1} by (125), tau_q by (104), the gradients used by the GD updates")
CH_A5.step("(133)–(136)", "abbreviations B_1, A_1, B_2, A_2",
           Custom(lambda ctx: run_eq("gradients used by the updates = (grad_B g(B1,A1), grad_A g(B2,A2)) with (133)-(136)",
                                     lambda rec: [("grad_B", rec["gBu"], grads(rec["obj"], rec["W0"], rec["B1"], rec["A1"])[0]),
                                                  ("grad_A", rec["gAu"], grads(rec["obj"], rec["W0"], rec["B2"], rec["A2"])[1])]),
                  "abbreviations"),
           printed=r"B_1 := B_q^{(\alpha)} \; (133)\quad A_1 := A_{q-j}^{(\alpha)} \; (134)\quad B_2 := \lambda B_{q-j}^{(\alpha)} + (1-\lambda) B_{q-j+k}^{(\alpha)} \; (135)\quad A_2 := A_q^{(\alpha)} \; (136)",
           note="definitions: checked as agreement with the points at which (132)'s gradients are evaluated, i.e. the "
                "points used by the GD updates of the runs (recorded separately from (133)-(136))")


# (137)->(138): grad g on Theta (78) vs componentwise partial gradients via the chain rule, both objectives
def _a5_137_138(ctx):
    out = []
    for obj in ("trace", "lra"):
        W0 = _msym("W", _n, _m)
        Y, X = _msym("Y", _n, _r), _msym("X", _r, _m)
        B1, A1, B2, A2 = _msym("b", _n, _r), _msym("a", _r, _m), _msym("c", _n, _r), _msym("d", _r, _m)
        Wv = _msym("V", _n, _m)  # the argument W of f
        f = (sp.Rational(1, 2) * ((W0 - (Wv - W0)).trace()) ** 2 if obj == "trace"
             else sp.Rational(1, 2) * sum(e**2 for e in (W0 - (Wv - W0))))  # f(W0 + BA) = g(B, A)

        def gradf(W):  # nabla f at W, entrywise
            return sp.Matrix(_n, _m, lambda i, j: sp.diff(f, Wv[i, j])).subs(dict(zip(list(Wv), list(W))))

        def g_of(B, A):
            return f.subs(dict(zip(list(Wv), list(W0 + B * A))))

        # (137): full gradient of g on Theta at theta(t_q) = (Y, X), by differentiating g w.r.t. every entry
        Bs, As = _msym("p", _n, _r), _msym("z", _r, _m)
        gg = g_of(Bs, As)
        fullB = sp.Matrix(_n, _r, lambda i, j: sp.diff(gg, Bs[i, j]))
        fullA = sp.Matrix(_r, _m, lambda i, j: sp.diff(gg, As[i, j]))
        at = lambda M, B, A: M.subs(dict(zip(list(Bs) + list(As), list(B) + list(A))))  # noqa: E731
        l137 = _sflat((at(fullB, B1, A1) - at(fullB, Y, X), at(fullA, B2, A2) - at(fullA, Y, X)))
        # (138): nabla_Y f(W0 + YX) = nabla f(W0 + YX) X^T, nabla_X f = Y^T nabla f (chain rule, separate route)
        r138 = _sflat((gradf(W0 + B1 * A1) * A1.T - gradf(W0 + Y * X) * X.T, B2.T * gradf(W0 + B2 * A2) - Y.T * gradf(W0 + Y * X)))
        dom = {x: S.interval(-2.0, 2.0) for e in l137 + r138 for x in e.free_symbols}
        out.append(_sym(f"{obj}: (137) vs (138) entrywise", l137, r138, dom, ctx))
    return out


CH_A5.step("(137)→(138)", "write ∇g(θ(t_q)) componentwise as (∇_Yf,∇_Xf) at (Y(t_q),X(t_q))", Custom(_a5_137_138, "componentwise"),
           printed=r"= \left\| \left( \nabla_B f(W_0 + B_1 A_1) - \nabla_Y f(W_0 + Y(t_q) X(t_q)), \nabla_A f(W_0 + B_2 A_2) - \nabla_X f(W_0 + Y(t_q) X(t_q)) \right) \right\| \quad (138)",
           note="the vectors inside the norms compared entrywise, for both paper objectives written as f(W0 + BA) "
                "(trace: f(W) = 1/2 Tr^2(2W0 - W), so that f(W0 + BA) = 1/2 Tr^2(W0 - BA); Frobenius likewise); "
                "(137) by differentiating g on Theta, (138) by the chain rule nabla_Y f = (nabla f) X^T, nabla_X f = Y^T (nabla f)",
           timeout=30)

_u, _v = _msym("u", _n, _r), _msym("v", _r, _m)
CH_A5.step("(138)→(139)", "write the pair as a sum of two pairs, each with one zero component",
           Eq(_sflat((_u, _v)), _sflat(_padd((_u, sp.zeros(_r, _m)), (sp.zeros(_n, _r), _v))), scope=SCOPE),
           _dom((_u, _v)),
           printed=r"= \left\| \left( \nabla_B f(W_0 + B_1 A_1) - \nabla_Y f(\cdot), \mathbf{0}_{r \times m} \right) + \left( \mathbf{0}_{n \times r}, \nabla_A f(W_0 + B_2 A_2) - \nabla_X f(\cdot) \right) \right\| \quad (139)",
           note="u, v stand for the two gradient differences of (138)")


def _split_fn(x, lib, one):
    els, _ = x
    u, v = _conv(els[0][0], lib), _conv(els[1][1], lib)
    P1 = (u, _conv(np.zeros(els[1][1].shape), lib))
    P2 = (_conv(np.zeros(els[0][0].shape), lib), v)
    return pnorm(padd(P1, P2)), pnorm(P1) + pnorm(P2)


def _d140(rec):
    o, W, G0 = rec["obj"], rec["W0"], rec["G0"]
    u = grads(o, W, rec["B1"], rec["A1"])[0] - G0[0]
    v = grads(o, W, rec["B2"], rec["A2"])[1] - G0[1]
    return u, v


def _a5_139_140(ctx):
    p = _prop(st_theta_tuple(2), _split_fn, "")

    def fn(rec):
        u, v = _d140(rec)
        return pnorm(padd((u, 0 * v), (0 * u, v))), pnorm((u, 0 * v)) + pnorm((0 * u, v))

    return [check_inequality("||(u,0) + (0,v)|| <= ||(u,0)|| + ||(0,v)||", p.strategy, p.fn, ctx, revalidate=p.revalidate,
                             part="general fact"),
            run_le(ctx, "(139) <= (140) along GD runs", fn)]


CH_A5.step("(139)→(140)", "triangle inequality in Θ", Custom(_a5_139_140, "triangle"),
           printed=r"\leq \left\| \left( \nabla_B f(\cdot) - \nabla_Y f(\cdot), \mathbf{0}_{r \times m} \right) \right\| + \left\| \left( \mathbf{0}_{n \times r}, \nabla_A f(\cdot) - \nabla_X f(\cdot) \right) \right\| \quad (140)")


def _l140_141(obj, W, P1, P2, Pt):
    G0 = grads(obj, W, *Pt)
    g1, g2 = grads(obj, W, *P1), grads(obj, W, *P2)
    lhs = pnorm((g1[0] - G0[0], 0 * G0[1])) + pnorm((0 * G0[0], g2[1] - G0[1]))
    rhs = pnorm(psub(g1, G0)) + pnorm(psub(g2, G0))
    return lhs, rhs


def _a5_140_141(ctx):
    p = _prop(st_objective_point(), lambda x, lib, one: _l140_141(_obj_pts(x, lib)[0], _obj_pts(x, lib)[1], *_obj_pts(x, lib)[3:]), "")
    return [check_inequality("(140) <= (141), both objectives, TC-3 tuples", p.strategy, p.fn, ctx, revalidate=p.revalidate,
                             part="TC-3"),
            run_le(ctx, "(140) <= (141) along GD runs",
                   lambda rec: _l140_141(rec["obj"], rec["W0"], (rec["B1"], rec["A1"]), (rec["B2"], rec["A2"]), rec["th0"]))]


CH_A5.step("(140)→(141)", "bound each one-component pair by the full gradient-difference norm at (B_1,A_1), resp. (B_2,A_2)",
           Custom(_a5_140_141, "one component <= full"),
           printed=r"\leq \left\| \nabla g(B_1, A_1) - \nabla g(\theta(t_q)) \right\| + \left\| \nabla g(B_2, A_2) - \nabla g(\theta(t_q)) \right\| \quad (141)")


def _a5_142_148(ctx):
    def nm(M):
        return _sqrt(fro2(M))
    items = [("(142) ||B_q|| <= R'", "Bq", "Rp"), ("(143) ||A_q|| <= R'", "Aq", "Rp"), ("(144) ||A_{q-j}|| <= R'", "Aqj", "Rp"),
             ("(145) ||B_{q-j}|| <= R'", "Bqj", "Rp"), ("(146) ||B_{q-j+k}|| <= R'", "Bqjk", "Rp")]
    out = [run_le(ctx, lab, (lambda a, b: lambda rec: (nm(rec[a]), rec[b]))(a, b)) for lab, a, b in items]
    out.append(run_le(ctx, "(147) ||Y(t_q)|| <= R_T", lambda rec: (nm(rec["th0"][0]), rec["RT"])))
    out.append(run_le(ctx, "(148) ||X(t_q)|| <= R_T", lambda rec: (nm(rec["th0"][1]), rec["RT"])))
    return out


CH_A5.step("A.2, Remark A.5→(142)–(148)", "list of norm bounds", Custom(_a5_142_148, "norm bounds"),
           printed=r"\| B_q^{(\alpha)} \| \leq R' \;(142) \ldots \| X(t_q) \| \leq R_T \;(148)",
           note="R' = max over all iterates of the run (A.2 holds by construction there; the check is that the indices "
                "q-j, q-j+k address iterates of the run), R_T = sup_t max(||Y||, ||X||) from the flow (grid + refinement)")


def _conv_fn(x, lib, one):
    els, _ = x
    B1, B2 = _conv(els[0][0], lib), _conv(els[1][0], lib)
    lam = (x[1] / 7.0) * one  # alpha values in [1e-3, 7] mapped into [0, 1]
    return pnorm((lam * B1 + (1 - lam) * B2, B1 * 0)), lam * pnorm((B1, B1 * 0)) + (1 - lam) * pnorm((B2, B2 * 0))


def _a5_149(ctx):
    p = _prop(st_theta_tuple(2), _conv_fn, "")
    lam, R = sp.Symbol("lambda", nonnegative=True), sp.Symbol("R'", positive=True)
    b1, b2 = sp.Symbol("nb1", nonnegative=True), sp.Symbol("nb2", nonnegative=True)
    return [check_inequality("(149) first <=: ||lam B + (1-lam) B'|| <= lam||B|| + (1-lam)||B'||", p.strategy, p.fn, ctx,
                             revalidate=p.revalidate, part="general fact"),
            check_le_evidence(ctx, lam * b1 + (1 - lam) * b2, lam * R + (1 - lam) * R,
                              {lam: S.interval(0.0, 1.0), R: S.positive(0.01, 10.0)}, (b1, b2), R),
            S.check_identity(lam * R + (1 - lam) * R, R, {lam: S.interval(0.0, 1.0), R: S.positive(0.01, 10.0)},
                             rng=ctx.rng("149eq"), name="(149) last =", method="STEPS", complete=True),
            run_le(ctx, "(149) along GD runs", lambda rec: (_sqrt(fro2(rec["B2"])), rec["Rp"]))]


def check_le_evidence(ctx, lhs, rhs, dom, norms, R):
    """Second '<=' of (149): with ||B_{q-j}||, ||B_{q-j+k}|| in [0, R'] (written as R' w1, R' w2, w in [0, 1])."""
    from verify.steps import check_le
    w1, w2 = sp.Symbol("w1", nonnegative=True), sp.Symbol("w2", nonnegative=True)
    l2 = lhs.subs({norms[0]: R * w1, norms[1]: R * w2})
    return check_le(l2, rhs, {**dom, w1: S.interval(0.0, 1.0), w2: S.interval(0.0, 1.0)}, ctx, name="(149) second <=")


CH_A5.step("(145),(146)→(149)", "triangle inequality and homogeneity for the convex combination", Custom(_a5_149, "(149)"),
           printed=r"\left\| \lambda B_{q-j}^{(\alpha)} + (1 - \lambda) B_{q-j+k}^{(\alpha)} \right\| \leq \lambda \left\| B_{q-j}^{(\alpha)} \right\| + (1 - \lambda) \left\| B_{q-j+k}^{(\alpha)} \right\| \leq \lambda R' + (1 - \lambda) R' = R' \quad (149)",
           note="lambda in [0, 1] (property search maps its alpha draw into [0, 1])")


def _a5_150_152(ctx):
    def nm(M):
        return _sqrt(fro2(M))
    return [run_le(ctx, "(150) (B_q, A_{q-j}) in D_{R_0}", lambda rec: (max(nm(rec["B1"]), nm(rec["A1"])), rec["R0"])),
            run_le(ctx, "(151) (lam B_{q-j} + (1-lam) B_{q-j+k}, A_q) in D_{R_0}", lambda rec: (max(nm(rec["B2"]), nm(rec["A2"])), rec["R0"])),
            run_le(ctx, "(152) (Y(t_q), X(t_q)) in D_{R_0}", lambda rec: (max(nm(rec["th0"][0]), nm(rec["th0"][1])), rec["R0"]))]


CH_A5.step("(142)–(149)→(150)–(152)", "memberships in D_{R_0}, R_0=max(R',R_T)", Custom(_a5_150_152, "memberships"),
           printed=r"(B_q^{(\alpha)}, A_{q-j}^{(\alpha)}) \in \mathcal{D}_{R_0} \;(150)\quad (\lambda B_{q-j}^{(\alpha)} + (1 - \lambda) B_{q-j+k}^{(\alpha)}, A_q^{(\alpha)}) \in \mathcal{D}_{R_0} \;(151)\quad (Y(t_q), X(t_q)) \in \mathcal{D}_{R_0} \;(152)")


def _l153(rec, which):
    P = (rec["B1"], rec["A1"]) if which == 1 else (rec["B2"], rec["A2"])
    return (pnorm(psub(grads(rec["obj"], rec["W0"], *P), rec["G0"])), rec["L0"] * pnorm(psub(P, rec["th0"])))


def _a5_153(ctx):
    return [_ev_lip(ctx, "A.7 on D_R with the true L_R"),
            run_le(ctx, "(153) along GD runs, L_{R_0} true", lambda rec: _l153(rec, 1)),
            run_le(ctx, "(154) along GD runs, L_{R_0} true", lambda rec: _l153(rec, 2))]


CH_A5.step("A.7→(153)–(154)", "Lipschitz bounds on D_{R_0}", Custom(_a5_153, "Lipschitz"),
           printed=r"\left\| \nabla g(B_1, A_1) - \nabla g(\theta(t_q)) \right\| \leq L_{R_0} \left\| (B_1, A_1) - \theta(t_q) \right\| \;(153)\quad \left\| \nabla g(B_2, A_2) - \nabla g(\theta(t_q)) \right\| \leq L_{R_0} \left\| (B_2, A_2) - \theta(t_q) \right\| \;(154)")

_gB1, _gA2, _GY, _GX = _msym("gB1", _n, _r), _msym("gA2", _r, _m), _msym("GY", _n, _r), _msym("GX", _r, _m)
_gA1, _gB2 = _msym("gA1", _r, _m), _msym("gB2", _n, _r)
_D155 = _dom((_gB1, _gA2), (_GY, _GX), (_gB2, _gA1))
_e137 = _snorm(_padd((_gB1, _gA2), _psc(-1, (_GY, _GX))))
_e141 = _snorm(_padd((_gB1, _gA1), _psc(-1, (_GY, _GX)))) + _snorm(_padd((_gB2, _gA2), _psc(-1, (_GY, _GX))))
_e155 = _snorm(((_gB1 - _GY), (_gA2 - _GX)))
_e156 = _snorm((_gB1 - _GY, _gA1 - _GX)) + _snorm((_gB2 - _GY, _gA2 - _GX))
CH_A5.step("(141)→(155)–(156)", "restate", Eq([_e137, _e141], [_e155, _e156], scope=SCOPE), _D155,
           printed=r"\left\| \left( \nabla_B f(W_0 + B_1 A_1), \nabla_A f(W_0 + B_2 A_2) \right) - \nabla g(\theta(t_q)) \right\| \;(155) \leq \left\| \nabla g(B_1, A_1) - \nabla g(\theta(t_q)) \right\| + \left\| \nabla g(B_2, A_2) - \nabla g(\theta(t_q)) \right\| \;(156)",
           note="restatement: (155) agrees with (137) and (156) with (141); gB1 = grad_B g(B1,A1), gA1 = grad_A g(B1,A1), "
                "gB2, gA2 at (B2,A2), (GY, GX) = grad g(theta(t_q))", timeout=20)


def _a5_156_157(ctx):
    def fn(x, lib, one):
        obj, W, R, P1, P2, Pt = _obj_pts(x, lib)
        G0 = grads(obj, W, *Pt)
        L = L_true(obj, W, R)
        return (pnorm(psub(grads(obj, W, *P1), G0)) + pnorm(psub(grads(obj, W, *P2), G0)),
                L * pnorm(psub(P1, Pt)) + L * pnorm(psub(P2, Pt)))
    p = _prop(st_objective_point(), fn, "")
    return [check_inequality("(156) <= (157) on D_R (TC-3 tuples, true L_R)", p.strategy, p.fn, ctx, revalidate=p.revalidate,
                             part="TC-3"),
            run_le(ctx, "(156) <= (157) along GD runs",
                   lambda rec: (_l153(rec, 1)[0] + _l153(rec, 2)[0], _l153(rec, 1)[1] + _l153(rec, 2)[1]))]


CH_A5.step("(156)→(157)", "insert (153)–(154)", Custom(_a5_156_157, "insert"),
           printed=r"\leq L_{R_0} \left\| (B_1, A_1) - \theta(t_q) \right\| + L_{R_0} \left\| (B_2, A_2) - \theta(t_q) \right\| \quad (157)")
_x1, _x2, _L0 = sp.Symbol("x1", nonnegative=True), sp.Symbol("x2", nonnegative=True), sp.Symbol("L_{R_0}", positive=True)
CH_A5.step("(157)→(158)", "factor out L_{R_0}", Eq(_L0 * _x1 + _L0 * _x2, _L0 * (_x1 + _x2)),
           {_x1: S.positive(1e-3, 10.0), _x2: S.positive(1e-3, 10.0), _L0: S.positive(0.01, 100.0)},
           printed=r"= L_{R_0} \left( \left\| (B_1, A_1) - \theta(t_q) \right\| + \left\| (B_2, A_2) - \theta(t_q) \right\| \right) \quad (158)",
           note="x1, x2 stand for the two distances")


@CH_A5.end_result("(137) <= (158): the third term of (132) bounded by L_{R_0}(distances), along GD runs (true L_{R_0})")
def _a5_end(ctx):
    return run_le(ctx, "(137) <= (158) along GD runs",
                  lambda rec: (pnorm(_d132(rec)), rec["L0"] * (pnorm(psub((rec["B1"], rec["A1"]), rec["th0"])) +
                                                               pnorm(psub((rec["B2"], rec["A2"]), rec["th0"])))))


# ============================================================================ CH-A6
CH_A6 = chain(PAPER, "CH-A6", "distances to θ(t_q), (159)–(168) (App. A)")
_B1s, _A1s, _B2s, _A2s = _msym("B1", _n, _r), _msym("A1", _r, _m), _msym("B2", _n, _r), _msym("A2", _r, _m)
_Aqj, _Bqj, _Bqjk = _msym("Aqj", _r, _m), _msym("Bqj", _n, _r), _msym("Bqjk", _n, _r)
_lam = sp.Symbol("lambda", real=True)
_D6 = {**_dom((_B1s, _A1s), (_B2s, _A2s), (_Bq, _Aq), _th0, (_Bqj, _Aqj), (_Bqjk, _Aq)), _lam: S.interval(0.0, 1.0)}


def _sminus(P, Q):
    return _padd(P, _psc(-1, Q))


CH_A6.step("(159)", "add and subtract (B_q,A_q)",
           Eq([_snorm(_sminus((_B1s, _A1s), _th0))], [_snorm(_padd(_sminus((_B1s, _A1s), (_Bq, _Aq)), _sminus((_Bq, _Aq), _th0)))], scope=SCOPE),
           _D6, printed=r"\left\| (B_1, A_1) - \theta(t_q) \right\| = \left\| (B_1, A_1) - (B_q^{(\alpha)}, A_q^{(\alpha)}) + (B_q^{(\alpha)}, A_q^{(\alpha)}) - \theta(t_q) \right\| \quad (159)",
           timeout=20)


def _tri2_fn(x, lib, one):
    els, _ = x
    P, Qp, R = (_ppair(e, lib) for e in els)
    return pnorm(padd(psub(P, Qp), psub(Qp, R))), pnorm(psub(P, Qp)) + pnorm(psub(Qp, R))


def _a6_160(which):
    def f(ctx):
        p = _prop(st_theta_tuple(3), _tri2_fn, "")
        key = ("B1", "A1") if which == 1 else ("B2", "A2")
        return [check_inequality("||x - y + y - z|| <= ||x - y|| + ||y - z||", p.strategy, p.fn, ctx, revalidate=p.revalidate,
                                 part="general fact"),
                run_le(ctx, f"({159 if which == 1 else 163}) <= ({160 if which == 1 else 164}) along GD runs",
                       lambda rec: (pnorm(psub((rec[key[0]], rec[key[1]]), rec["th0"])),
                                    pnorm(psub((rec[key[0]], rec[key[1]]), (rec["Bq"], rec["Aq"]))) + pnorm(psub((rec["Bq"], rec["Aq"]), rec["th0"]))))]
    return f


CH_A6.step("(159)→(160)", "triangle inequality", Custom(_a6_160(1), "triangle"),
           printed=r"\leq \left\| (B_1, A_1) - (B_q^{(\alpha)}, A_q^{(\alpha)}) \right\| + \left\| (B_q^{(\alpha)}, A_q^{(\alpha)}) - \theta(t_q) \right\| \quad (160)")
_eqP = _sminus(_th0, (_Bq, _Aq))  # e_q (120)
_r160 = _snorm(_sminus((_Bq, _Aqj), (_Bq, _Aq))) + _snorm(_sminus((_Bq, _Aq), _th0))  # (160) with B1 = B_q, A1 = A_{q-j}
_r161 = _snorm(_sminus((_Bq, _Aqj), (_Bq, _Aq))) + _snorm(_eqP)
CH_A6.step("(160)→(161)", "substitute (B_1,A_1)=(B_q,A_{q−j}), and ‖(B_q,A_q)−θ(t_q)‖=‖e_q‖",
           Eq(_r160, _r161, scope=SCOPE), _D6,
           printed=r"= \left\| (B_q^{(\alpha)}, A_{q-j}^{(\alpha)}) - (B_q^{(\alpha)}, A_q^{(\alpha)}) \right\| + \|e_q\| \quad (161)",
           note="(133)-(134) substituted into (160); e_q by (120)", timeout=20)
CH_A6.step("(161)→(162)", "the B components cancel, leaving the A difference",
           Eq(_r161, sp.sqrt(sum(e**2 for e in (_Aqj - _Aq))) + _snorm(_eqP), scope=SCOPE), _D6,
           printed=r"= \|A_{q-j}^{(\alpha)} - A_q^{(\alpha)}\| + \|e_q\| \quad (162)", timeout=20)
CH_A6.step("(163)", "add and subtract (B_q,A_q)",
           Eq([_snorm(_sminus((_B2s, _A2s), _th0))], [_snorm(_padd(_sminus((_B2s, _A2s), (_Bq, _Aq)), _sminus((_Bq, _Aq), _th0)))], scope=SCOPE),
           _D6, printed=r"\|(B_2, A_2) - \theta(t_q)\| = \|(B_2, A_2) - (B_q^{(\alpha)}, A_q^{(\alpha)}) + (B_q^{(\alpha)}, A_q^{(\alpha)}) - \theta(t_q)\| \quad (163)",
           timeout=20)
CH_A6.step("(163)→(164)", "triangle inequality", Custom(_a6_160(2), "triangle"),
           printed=r"\leq \|(B_2, A_2) - (B_q^{(\alpha)}, A_q^{(\alpha)})\| + \|(B_q^{(\alpha)}, A_q^{(\alpha)}) - \theta(t_q)\| \quad (164)")
_B2e = _lam * _Bqj + (1 - _lam) * _Bqjk
_r164 = _snorm(_sminus((_B2e, _Aq), (_Bq, _Aq))) + _snorm(_sminus((_Bq, _Aq), _th0))  # (164) with (135)-(136)
_r165 = _snorm(_sminus((_B2e, _Aq), (_Bq, _Aq))) + _snorm(_eqP)
CH_A6.step("(164)→(165)", "substitute (B_2,A_2)", Eq(_r164, _r165, scope=SCOPE), _D6,
           printed=r"= \|\left(\lambda B_{q-j}^{(\alpha)} + (1-\lambda)B_{q-j+k}^{(\alpha)}, A_q^{(\alpha)}\right) - (B_q^{(\alpha)}, A_q^{(\alpha)})\| + \|e_q\| \quad (165)",
           note="(135)-(136) substituted into (164); ||(B_q,A_q) - theta(t_q)|| = ||e_q|| by (120)", timeout=20)
CH_A6.step("(165)→(166)", "the A components cancel, leaving the B difference",
           Eq(_r165, sp.sqrt(sum(e**2 for e in (_B2e - _Bq))) + _snorm(_eqP), scope=SCOPE), _D6,
           printed=r"= \|\lambda B_{q-j}^{(\alpha)} + (1-\lambda)B_{q-j+k}^{(\alpha)} - B_q^{(\alpha)}\| + \|e_q\| \quad (166)", timeout=20)


def _l167(rec):
    return (pnorm(psub((rec["B1"], rec["A1"]), rec["th0"])), _sqrt(fro2(rec["Aqj"] - rec["Aq"])) + pnorm(rec["e0"]))


def _l168(rec):
    return (pnorm(psub((rec["B2"], rec["A2"]), rec["th0"])),
            _sqrt(fro2(rec["lam"] * rec["Bqj"] + (1 - rec["lam"]) * rec["Bqjk"] - rec["Bq"])) + pnorm(rec["e0"]))


def _gen167(x, lib, one):
    els, al = x
    th, (Bq, Aq), (_, Aqj) = (_ppair(e, lib) for e in els)
    return pnorm(psub((Bq, Aqj), th)), _sqrt(fro2(Aqj - Aq)) + pnorm(psub(th, (Bq, Aq)))


def _gen168(x, lib, one):
    els, al = x
    th, (Bq, Aq), (Bqj, _) = (_ppair(e, lib) for e in els)
    lam = (al / 7.0) * one
    Bqjk = Bq * 0.5 * one + Bqj * (-1) * one  # a third B, tied to the draws
    B2 = lam * Bqj + (1 - lam) * Bqjk
    return pnorm(psub((B2, Aq), th)), _sqrt(fro2(B2 - Bq)) + pnorm(psub(th, (Bq, Aq)))


def _a6_167(ctx):
    p1, p2 = _prop(st_theta_tuple(3), _gen167, ""), _prop(st_theta_tuple(3), _gen168, "")
    return [check_inequality("(167) random Theta elements", p1.strategy, p1.fn, ctx, revalidate=p1.revalidate, part="general fact"),
            check_inequality("(168) random Theta elements", p2.strategy, p2.fn, ctx, revalidate=p2.revalidate, part="general fact"),
            run_le(ctx, "(167) along GD runs", _l167), run_le(ctx, "(168) along GD runs", _l168)]


CH_A6.step("(162),(166)→(167)–(168)", "collect", Custom(_a6_167, "collect"),
           printed=r"\|(B_1, A_1) - \theta(t_q)\| \leq \|A_{q-j}^{(\alpha)} - A_q^{(\alpha)}\| + \|e_q\| \;(167)\quad \|(B_2, A_2) - \theta(t_q)\| \leq \|\lambda B_{q-j}^{(\alpha)} + (1-\lambda)B_{q-j+k}^{(\alpha)} - B_q^{(\alpha)}\| + \|e_q\| \;(168)")


@CH_A6.end_result("(167)-(168) along instrumented GD runs (both objectives)")
def _a6_end(ctx):
    return [run_le(ctx, "(167) along GD runs", _l167), run_le(ctx, "(168) along GD runs", _l168)]


# flow- and run-based checks share cached integrations: whichever step runs first pays for them
for _ch in (CH_A2, CH_A3, CH_A4, CH_A5, CH_A6):
    for _st in _ch.steps:
        if isinstance(_st.relation, Custom):
            _st.timeout = max(_st.timeout, 60.0)
