"""Derivation chain CH-A1: interpolants at grid points, (80)-(85) (App. A).

Scalar encoding: the index parts of (75)-(77) (floor(t/alpha), h(t), the coefficient t - floor(t/alpha) alpha)
are checked symbolically with integer i >= 0, 1 <= k, 0 <= j < k and alpha > 0; the end result is checked on the
matrix iterates of (4)-(5) and of the listing variant in exact arithmetic ([12]'s TC-15 check, smaller grid).
"""
from __future__ import annotations

import sympy as sp

from verify import Evidence
from verify import symbolic as S
from verify.steps import Custom, Eq, chain

from . import PAPER

CH = chain(PAPER, "CH-A1", "interpolants at grid points, (80)–(85) (App. A)")
i, k, j = sp.symbols("i k j", integer=True, nonnegative=True)
alpha, t = sp.symbols("alpha t", positive=True)
DOM = {i: S.integers(0, 40), k: S.integers(1, 12), j: S.integers(0, 11), alpha: S.positive(1e-3, 2.0)}
COND = lambda p: p[j] < p[k]  # 0 <= j < k
q = i * k + j
fl = lambda tt: sp.floor(tt / alpha)
h = lambda tt: fl(tt) - sp.Mod(fl(tt), k)  # (77) as printed
coef = lambda tt: tt - fl(tt) * alpha

CH.step("(75)→(80)", "evaluate (75) at t=(ik+j)α",
        Eq([coef(t).subs(t, q * alpha), fl(t).subs(t, q * alpha), h(t).subs(t, q * alpha)],
           [(i * k + j) * alpha - sp.floor((i * k + j) * alpha / alpha) * alpha, sp.floor((i * k + j) * alpha / alpha),
            h(q * alpha)], condition=COND),
        DOM, printed=r"Y_\alpha(t = (ik + j)\alpha) = B_{\lfloor \frac{(ik+j)\alpha}{\alpha} \rfloor}^{(\alpha)} - \left( (ik + j)\alpha - \left\lfloor \frac{(ik+j)\alpha}{\alpha} \right\rfloor \alpha \right) \nabla_B f ( W_0 + B_{\lfloor \frac{(ik+j)\alpha}{\alpha} \rfloor}^{(\alpha)} A_{h((ik+j)\alpha)}^{(\alpha)} ) \quad (80)",
        note="the index and coefficient parts of (75) at t=(ik+j)α: floor, h and coefficient as printed in (80)", timeout=5)
CH.step("(80)→(81)", "use ⌊(ik+j)α/α⌋=ik+j and h((ik+j)α)=ik (from (77) with 0≤j<k)",
        Eq([sp.floor((i * k + j) * alpha / alpha), h(q * alpha)], [i * k + j, i * k], condition=COND),
        DOM, printed=r"= B_{ik+j}^{(\alpha)} - \left( (ik + j)\alpha - (ik + j)\alpha \right) \nabla_B f \left( W_0 + B_{ik+j}^{(\alpha)} A_{ik}^{(\alpha)} \right) \quad (81)",
        timeout=5)
CH.step("(81)→(82)", "the coefficient (ik+j)α−(ik+j)α is 0",
        Eq((i * k + j) * alpha - (i * k + j) * alpha, 0), DOM, printed=r"= B_{ik+j}^{(\alpha)} \quad (82)", timeout=5)
CH.step("(76)→(83)", "evaluate (76) at t=(ik+j)α",
        Eq([coef(t).subs(t, q * alpha), fl(t).subs(t, q * alpha), h(t).subs(t, q * alpha) + k],
           [(i * k + j) * alpha - sp.floor((i * k + j) * alpha / alpha) * alpha, sp.floor((i * k + j) * alpha / alpha),
            h(q * alpha) + k], condition=COND),
        DOM, printed=r"X_\alpha(t = (ik + j)\alpha) = A_{\lfloor \frac{(ik+j)\alpha}{\alpha} \rfloor}^{(\alpha)} - \left( (ik + j)\alpha - \left\lfloor \frac{(ik+j)\alpha}{\alpha} \right\rfloor \alpha \right) \nabla_{Af} ( W_0 + [ \lambda B_{h((ik+j)\alpha)}^{(\alpha)} + (1 - \lambda) B_{h((ik+j)\alpha)+k}^{(\alpha)} ] A_{\lfloor \frac{(ik+j)\alpha}{\alpha} \rfloor}^{(\alpha)} ) \quad (83)",
        timeout=5)
CH.step("(83)→(84)", "floor and h substitutions, with h+k=(i+1)k",
        Eq([sp.floor((i * k + j) * alpha / alpha), h(q * alpha), h(q * alpha) + k], [i * k + j, i * k, (i + 1) * k],
           condition=COND),
        DOM, printed=r"= A_{ik+j}^{(\alpha)} - \left( (ik + j)\alpha - (ik + j)\alpha \right) \nabla_{Af} \left( W_0 + \left[ \lambda B_{ik}^{(\alpha)} + (1 - \lambda) B_{(i+1)k}^{(\alpha)} \right] A_{ik+j}^{(\alpha)} \right) \quad (84)",
        timeout=5)
CH.step("(84)→(85)", "the coefficient is 0",
        Eq((i * k + j) * alpha - (i * k + j) * alpha, 0), DOM, printed=r"= A_{ik+j}^{(\alpha)} \quad (85)", timeout=5)


@CH.end_result("Y_α(qα)=B_q, X_α(qα)=A_q for the iterates (TC-15, exact t and floors)")
def _end(ctx):
    from .gd_claims import _grid_check

    mism, n = _grid_check(ctx)
    return Evidence("STEPS", "confirmed" if not mism else "inconclusive",
                    f"(6)-(7)/(75)-(76) at t = q alpha reproduce (B_q, A_q) exactly in {n} evaluations"
                    + (f"; mismatches {mism[:3]}" if mism else ""), tolerance=0.0,
                    tolerance_reason="coefficient exactly 0 in rational arithmetic", scope="both objectives, n<=5")
