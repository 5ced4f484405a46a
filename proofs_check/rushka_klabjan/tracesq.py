"""The trace-squared problem of §2.2 / App. C–H, shared by the claim modules.

Two worlds:

* **symbolic** (sympy), in the TC-7 parametrisation: ``x2 = ||X0||^2 > 0``,
  ``C = |c| > 0`` and the sign ``eps = sgn(c)`` handled as two explicit cases,
  so that ``|c|`` and ``sgn(c)`` are plain symbols.  The closed forms are
  transcribed exactly as printed: (313)-(315) for a, κ1, κ2; (333) for s;
  (373)-(374) for p, q.
* **numeric** (mpmath / python-flint): random instances (TC-1) with exact
  inputs (float64 draws are exact binary rationals), the flows (19) and
  (26)-(27) integrated at high precision, and the closed forms evaluated at
  the same precision.
"""
from __future__ import annotations

from dataclasses import dataclass

import mpmath
import numpy as np
import sympy as sp

from verify import symbolic as S
from verify.ode import integrate, tr

# ----------------------------------------------------------------------------- symbolic
t = sp.Symbol("t", nonnegative=True)
x2 = sp.Symbol("x2", positive=True)  # ||X0||^2
C = sp.Symbol("C", positive=True)  # |c| = |Tr W0|
SIGNS = (1, -1)

#: domains covering every case of the statements: ||X0||^2 > 0, |c| > 0, t >= 0
DOMAIN = {x2: S.positive(0.05, 30.0), C: S.positive(0.05, 10.0), t: S.interval(0.0, 4.0)}


@dataclass(frozen=True)
class Printed:
    """The paper's closed forms for one sign case ``eps = sgn(c)``."""

    eps: int

    @property
    def c(self):
        return self.eps * C

    @property
    def kappa1(self):  # (314)
        return x2**2 + 4 * self.c**2

    @property
    def kappa2(self):  # (315)
        return 1 / sp.sqrt(x2**2 + 4 * self.c**2) * sp.asinh(x2 / (2 * C))

    @property
    def arg(self):  # sqrt(kappa1) (t + kappa2)
        return sp.sqrt(self.kappa1) * (t + self.kappa2)

    @property
    def s(self):  # (333)
        return 2 * x2 * sp.sinh(self.arg) + 4 * C

    @property
    def a(self):  # (313)
        return self.eps * (x2**2 + 4 * self.c**2) / (2 * x2 * sp.sinh(self.arg) + 4 * C)

    @property
    def p(self):  # (373)
        k1 = self.kappa1
        return (1 / sp.sqrt(2 * x2 * sp.sinh(self.arg) + 4 * C)) * (
            x2 / sp.sqrt(C) * sp.sinh(sp.sqrt(k1) / 2 * t)
            + sp.sqrt(x2**2 + 4 * self.c**2) / sp.sqrt(C) * sp.cosh(sp.sqrt(k1) / 2 * t)
        )

    @property
    def q(self):  # (374)
        k1 = self.kappa1
        return 1 / sp.sqrt(2 * x2 * sp.sinh(self.arg) + 4 * C) * 2 / sp.sqrt(C) * sp.sinh(sp.sqrt(k1) / 2 * t)


PRINTED = {eps: Printed(eps) for eps in SIGNS}


def tc7_rewrite(expr):
    """TC-7: sinh/cosh/asinh -> exponentials, so rational simplification can decide."""
    return sp.simplify(expr.rewrite(sp.exp))


# ----------------------------------------------------------------------------- numeric
@dataclass
class Instance:
    """A TC-1 instance: exact inputs W0 (n x n), X0 (r x n), Y0 (n x r)."""

    n: int
    r: int
    W0: np.ndarray
    X0: np.ndarray
    Y0: np.ndarray
    label: str

    def describe(self) -> dict:
        return {"label": self.label, "n": self.n, "r": self.r, "c": float(np.trace(self.W0)),
                "normX0^2": float(np.sum(self.X0**2)), "Y0_zero": bool(not self.Y0.any())}

    def mp(self, name: str) -> mpmath.matrix:
        """The exact float64 entries as an mpmath matrix at the current precision."""
        return mpmath.matrix(getattr(self, name).tolist())

    @property
    def c(self) -> mpmath.mpf:
        return sum(mpmath.mpf(float(v)) for v in np.diag(self.W0))

    @property
    def x2(self) -> mpmath.mpf:
        return sum(mpmath.mpf(float(v)) ** 2 for v in self.X0.ravel())


def instance(rng: np.random.Generator, n: int, r: int, sigma: float, sign: int, *, general_y0: bool = False,
             kind: str = "gaussian") -> Instance:
    """TC-1: Gaussian W0 with |Tr W0| > 0.1 and sgn(Tr W0) = ``sign``; X0 Gaussian
    (or rank-one / integer-valued); Y0 = 0 or i.i.d. N(0, 0.25)."""
    while True:
        W0 = rng.normal(size=(n, n))
        if abs(np.trace(W0)) > 0.1:
            break
    if np.sign(np.trace(W0)) != sign:
        W0 = -W0
    if kind == "gaussian":
        X0 = sigma * rng.normal(size=(r, n))
    elif kind == "rank-one":
        X0 = np.outer(rng.normal(size=r), rng.normal(size=n)) * sigma
    elif kind == "integer":
        X0 = rng.integers(-3, 4, size=(r, n)).astype(float)
        if not X0.any():
            X0[0, 0] = 1.0
    else:
        raise ValueError(f"unknown X0 kind {kind!r}")
    Y0 = 0.5 * rng.normal(size=(n, r)) if general_y0 else np.zeros((n, r))
    return Instance(n, r, W0, X0, Y0, f"n={n} r={r} sigma={sigma} sgn(c)={sign:+d} X0={kind}{' Y0~N(0,1/4)' if general_y0 else ''}")


def instances(rng: np.random.Generator, count: int, *, general_y0: bool = False, sigmas=(0.1, 0.5, 1.0),
              kinds=("gaussian", "gaussian", "rank-one", "integer")) -> list[Instance]:
    """``count`` TC-1 instances alternating the sign of c, cycling shapes, scales and X0 kinds."""
    out = []
    for i in range(count):
        n = int(rng.integers(2, 8))
        r = int(rng.integers(1, n))
        out.append(instance(rng, n, r, sigmas[i % len(sigmas)], SIGNS[i % 2], general_y0=general_y0,
                            kind=kinds[i % len(kinds)]))
    return out


def lora_field(s, p):
    """(26)-(27): Y' = Tr(W0 - YX) X^T, X' = Tr(W0 - YX) Y^T."""
    a = tr(p["W0"]) - tr(s["Y"] @ s["X"])
    return {"Y": a * s["X"].T, "X": a * s["Y"].T}


def lora_field_carrying_a(s, p):
    """(26)-(27) with a = Tr(W0 - YX) carried as a state so that it keeps its
    relative digits while it decays.  a' is the chain rule applied to the
    field itself, -Tr(Y'X + YX'), not any formula of the paper;
    ``tests/test_rushka_klabjan_model.py`` checks that it equals d/dt Tr(W0 - YX)."""
    a = s["a"]
    dY, dX = a * s["X"].T, a * s["Y"].T
    return {"Y": dY, "X": dX, "a": -(tr(dY @ s["X"]) + tr(s["Y"] @ dX))}


def full_rank_field(s, p):
    """(19): U' = Tr(W0 - U) I_n."""
    return {"U": (tr(p["W0"]) - tr(s["U"])) * p["I"]}


def lora_flow(inst: Instance, times, dps: int):
    """Integrate (26)-(27) carrying a; returns the OdeResult."""
    with mpmath.workdps(dps):
        y0 = {"Y": inst.mp("Y0"), "X": inst.mp("X0")}
        a0 = inst.c - sum(((y0["Y"] * y0["X"])[i, i] for i in range(inst.n)), mpmath.mpf(0))
        y0["a"] = a0
        res = integrate(lora_field_carrying_a, y0, list(times), params={"W0": inst.mp("W0")}, dps=dps)
    if res.status != 0:
        raise RuntimeError(f"integration failed: {res.message}")
    return res


def full_rank_flow(inst: Instance, times, dps: int):
    with mpmath.workdps(dps):
        U0 = inst.mp("Y0") * inst.mp("X0")
        res = integrate(full_rank_field, {"U": U0}, list(times), params={"W0": inst.mp("W0"), "I": mpmath.eye(inst.n)}, dps=dps)
    if res.status != 0:
        raise RuntimeError(f"integration failed: {res.message}")
    return res


# ----------------------------------------------------------------------------- closed forms, numerically
def kappas(x2v, cv):
    k1 = x2v**2 + 4 * cv**2
    k2 = mpmath.asinh(x2v / (2 * abs(cv))) / mpmath.sqrt(k1)
    return k1, k2


def a_closed(x2v, cv, tv):
    """(313) as printed."""
    k1, k2 = kappas(x2v, cv)
    return mpmath.sign(cv) * (x2v**2 + 4 * cv**2) / (2 * x2v * mpmath.sinh(mpmath.sqrt(k1) * (tv + k2)) + 4 * abs(cv))


def s_closed(x2v, cv, tv):
    """(333) as printed."""
    k1, k2 = kappas(x2v, cv)
    return 2 * x2v * mpmath.sinh(mpmath.sqrt(k1) * (tv + k2)) + 4 * abs(cv)


def p_closed(x2v, cv, tv):
    """(373) as printed."""
    k1, _ = kappas(x2v, cv)
    C_ = abs(cv)
    return (x2v / mpmath.sqrt(C_) * mpmath.sinh(mpmath.sqrt(k1) / 2 * tv)
            + mpmath.sqrt(x2v**2 + 4 * cv**2) / mpmath.sqrt(C_) * mpmath.cosh(mpmath.sqrt(k1) / 2 * tv)) / mpmath.sqrt(s_closed(x2v, cv, tv))


def q_closed(x2v, cv, tv):
    """(374) as printed."""
    k1, _ = kappas(x2v, cv)
    return 2 / mpmath.sqrt(abs(cv)) * mpmath.sinh(mpmath.sqrt(k1) / 2 * tv) / mpmath.sqrt(s_closed(x2v, cv, tv))


def U_closed(inst: Instance, tv):
    """(20) as printed: U(t) = (1 - e^{-nt})/n Tr(W0 - Y0 X0) I_n + Y0 X0."""
    Y0, X0, W0 = inst.mp("Y0"), inst.mp("X0"), inst.mp("W0")
    M = W0 - Y0 * X0
    trace = sum((M[i, i] for i in range(inst.n)), mpmath.mpf(0))
    return (1 - mpmath.exp(-inst.n * tv)) / inst.n * trace * mpmath.eye(inst.n) + Y0 * X0


def frob2(M) -> mpmath.mpf:
    return sum((M[i, j] ** 2 for i in range(M.rows) for j in range(M.cols)), mpmath.mpf(0))


def mtrace(M) -> mpmath.mpf:
    return sum((M[i, i] for i in range(M.rows)), mpmath.mpf(0))
