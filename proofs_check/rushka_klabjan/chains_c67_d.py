"""Derivation chains CH-C6 ((353)-(379)), CH-C7 ((380)-(406)), App. C, and CH-D (Lemma D.1, (409)-(435)), App. D.

Each step is encoded as printed: "the operation applied to the previous printed
line" must equal (or bound) "the next printed line".

* CH-C6 works in the scalars of App. C: ``x2`` = ||X0||^2 > 0, ``C`` = |c| > 0
  (the printed lines (353)-(375) contain c only as |c| and c^2 = C^2), t >= 0.
  The constants A, B and the matrix entries Y0, Tr(W0 - Y0X0)X0^T enter linearly,
  so they are checked entrywise as real scalars.  sympy is given the TC-7
  substitution as a rewrite (x2 = C(M - 1/M), sqrt(kappa1) = C(M + 1/M),
  arsinh(x2/(2C)) = log M, M > 1); otherwise the engine samples at 60 digits.
* CH-C7: limits t -> oo use the TC-12 scaling t = K / sqrt(kappa1), K -> oo
  (K = 50, 100, 200 at 60 digits, re-validated at 120 digits).  A line of the
  form lim f(t) is compared with the previous line lim g(t) by checking that
  g(K) - f(K) -> 0 relative to f; a closed value v is compared with the
  numerically evaluated limit of the previous line (TC-12), one step at a time.
* CH-D: every "<=" / "=" between (414) and (435) is a property search over
  pairs (B1, A1), (B2, A2) in D_{R'} (n <= 6, r <= n, TC-3 families and
  structured points), W0 arbitrary (TC-3 families).

Helpers written here (the engine has no two-point TC-3 sampler): ``_pair``.
"""
from __future__ import annotations

import mpmath
import numpy as np
import sympy as sp
from hypothesis import assume
from hypothesis import strategies as st

from verify import Evidence
from verify import symbolic as S
from verify.search import check_equality, check_inequality
from verify.steps import Custom, Eq, Prop, chain

from . import PAPER
from . import tracesq as TS

# ============================================================================= shared scalars (App. C)
t, x2, C = TS.t, TS.x2, TS.C  # t >= 0, ||X0||^2 > 0, |c| > 0
_M = sp.Symbol("M", positive=True)  # TC-7: M = e^beta > 1, beta = arsinh(x2 / (2C))
KAPPA1 = x2**2 + 4 * C**2  # (314), c^2 = |c|^2
SQK = sp.sqrt(x2**2 + 4 * C**2)  # sqrt(kappa1)
KAPPA2 = 1 / sp.sqrt(x2**2 + 4 * C**2) * sp.asinh(x2 / (2 * C))  # (315)
C1, C2 = KAPPA1, KAPPA2  # (354), (359)-(363) print C_1, C_2: read as kappa1, kappa2
NX = sp.sqrt(x2)  # ||X0||
S_T = 2 * x2 * sp.sinh(SQK * (t + KAPPA2)) + 4 * C  # (333), the denominator under the root
SH, CH_ = sp.sinh(SQK / 2 * t), sp.cosh(SQK / 2 * t)

A_, B_ = sp.symbols("A B", real=True)  # the constants of (350) (entrywise)
Y0e, G = sp.symbols("Y0e G", real=True)  # an entry of Y0, and of Tr(W0 - Y0X0) X0^T
X0e, g0 = sp.symbols("X0e g0", real=True)  # an entry of X0 (as of X0^T), and the scalar Tr(W0 - Y0X0)

DOM_C = {x2: S.positive(0.05, 30.0), C: S.positive(0.05, 10.0)}
DOM_CT = DOM_C | {t: S.interval(0.0, 4.0)}
DOM_AB = {A_: S.real(0.0, 3.0), B_: S.real(0.0, 3.0)}
NOTE_C = ("symbols: x2 = ||X0||^2 > 0, C = |c| > 0 (c^2 = C^2; both signs of c are covered since the lines depend on c "
          "only through |c| and c^2), t in [0, 4]; A, B, Y0, Tr(W0-Y0X0)X0^T entrywise real scalars (the lines are linear in them)")


def tc7(expr):
    """TC-7 rewrite for sympy: x2 = C(M - 1/M), sqrt(kappa1) = C(M + 1/M), arsinh(x2/(2C)) = log M."""
    e = sp.sympify(expr)
    e = e.subs(sp.asinh(x2 / (2 * C)), sp.log(_M))
    e = e.subs(sp.sqrt(x2**2 + 4 * C**2), C * (_M + 1 / _M))
    e = e.subs(x2, C * (_M - 1 / _M))
    return sp.simplify(sp.expand(sp.powsimp(e.rewrite(sp.exp), force=True)))


RW = (tc7,)

# ============================================================================= CH-C6
CH_C6 = chain(PAPER, "CH-C6", "constants and closed form, (353)–(379) (App. C)")

L353 = (A_ * SH + B_ * CH_) / sp.sqrt(2 * x2 * sp.sinh(SQK * (t + KAPPA2)) + 4 * C)
_u2 = sp.sqrt(C1) * (t + 2 * C2) / 2
L354 = (sp.sqrt(C1) * (A_ * x2 * sp.sinh(_u2) - B_ * x2 * sp.cosh(_u2) + 2 * B_ * C * sp.sinh(sp.sqrt(C1) * t / 2)
                       + 2 * A_ * C * sp.cosh(sp.sqrt(C1) * t / 2))
        / (2 ** sp.Rational(3, 2) * (x2 * sp.sinh(sp.sqrt(C1) * (t + C2)) + 2 * C) ** sp.Rational(3, 2)))
L355 = B_ / sp.sqrt(2 * x2 * sp.sinh(SQK * KAPPA2) + 4 * C)
L356 = B_ / sp.sqrt(2 * x2 * (x2 / (2 * C)) + 4 * C)
L357 = B_ * sp.sqrt(C) / sp.sqrt(x2**2 + 4 * C**2)
L359 = (sp.sqrt(C1) * (A_ * x2 * sp.sinh(KAPPA2 * SQK) - B_ * x2 * sp.cosh(KAPPA2 * SQK) + 2 * A_ * C)
        / (2 ** sp.Rational(3, 2) * (x2 * sp.sinh(KAPPA2 * sp.sqrt(C1)) + 2 * C) ** sp.Rational(3, 2)))
L360 = (sp.sqrt(C1) * (A_ * x2 * (x2 / (2 * C)) - B_ * x2 * (sp.sqrt(x2**2 + 4 * C**2) / (2 * C)) + 2 * A_ * C)
        / (2 ** sp.Rational(3, 2) * (x2 * (x2 / (2 * C)) + 2 * C) ** sp.Rational(3, 2)))
_br = A_ * x2**2 - B_ * x2 * sp.sqrt(x2**2 + 4 * C**2) + 4 * A_ * C**2
L361 = sp.sqrt(C1) * _br / (2 * C * (x2**2 / C + 4 * C) ** sp.Rational(3, 2))
L362 = sp.sqrt(C1 * C) * _br / (2 * C ** sp.Rational(3, 2) * (x2**2 / C + 4 * C) ** sp.Rational(3, 2))
L363 = sp.sqrt(C1 * C) * _br / (2 * (x2**2 + 4 * C**2) ** sp.Rational(3, 2))
_br2 = A_ * (x2**2 + 4 * C**2) - B_ * x2 * sp.sqrt(x2**2 + 4 * C**2)
L364 = sp.sqrt(C) * sp.sqrt(x2**2 + 4 * C**2) * _br2 / (2 * (x2**2 + 4 * C**2) ** sp.Rational(3, 2))
L365 = sp.sqrt(C) * _br2 / (2 * (x2**2 + 4 * C**2))
R367 = B_ * sp.sqrt(C) / sp.sqrt(x2**2 + 4 * C**2)
R368 = sp.sqrt(C) * (A_ * (x2**2 + 4 * C**2) - B_ * x2 * sp.sqrt(x2**2 + 4 * C**2)) / (2 * (x2**2 + 4 * C**2))
R369 = x2 / sp.sqrt(C) * Y0e + 2 * G / sp.sqrt(C)
R370 = sp.sqrt(x2**2 + 4 * C**2) / sp.sqrt(C) * Y0e
_rs = sp.sqrt(2 * x2 * sp.sinh(SQK * (t + KAPPA2)) + 4 * C)
L371 = ((x2 / sp.sqrt(C) * Y0e + 2 * G / sp.sqrt(C)) * SH / _rs
        + sp.sqrt(x2**2 + 4 * C**2) / sp.sqrt(C) * CH_ / _rs * Y0e)
L372 = (1 / _rs * (x2 / sp.sqrt(C) * SH + sp.sqrt(x2**2 + 4 * C**2) / sp.sqrt(C) * CH_) * Y0e
        + 1 / _rs * 2 / sp.sqrt(C) * SH * G)
P373 = 1 / _rs * (x2 / sp.sqrt(C) * SH + sp.sqrt(x2**2 + 4 * C**2) / sp.sqrt(C) * CH_)
Q374 = 1 / _rs * 2 / sp.sqrt(C) * SH

_D6 = DOM_CT | DOM_AB
_D6_0 = DOM_C | DOM_AB

CH_C6.step("(353)→(354)", "differentiate (product and chain rules)",
           Eq(sp.diff(L353, t), L354, rewrites=RW), _D6, timeout=3,
           printed=r"Y'(t) = \frac{\sqrt{C_1} \left[ A \|X_0\|^2 \sinh\left(\frac{\sqrt{C_1}(t+2C_2)}{2}\right) - B \|X_0\|^2 "
                   r"\cosh\left(\frac{\sqrt{C_1}(t+2C_2)}{2}\right) + 2B|c| \sinh\left(\frac{\sqrt{C_1}t}{2}\right) + 2A|c| "
                   r"\cosh\left(\frac{\sqrt{C_1}t}{2}\right) \right]}{2^{\frac{3}{2}} \left( \|X_0\|^2 \sinh(\sqrt{C_1}(t + C_2)) "
                   r"+ 2|c| \right)^{\frac{3}{2}}} \quad (354)",
           note="C_1, C_2 (not defined in the paper) read as kappa_1, kappa_2 of (314)-(315). " + NOTE_C)
CH_C6.step("(353)→(355)", "t = 0", Eq(L353.subs(t, 0), L355, rewrites=RW), _D6_0, timeout=6,
           printed=r"Y(0) = \frac{B}{\sqrt{2\|X_0\|^2 \sinh(\sqrt{\kappa_1}\kappa_2) + 4|c|}} \quad (355)", note=NOTE_C)
CH_C6.step("(355)→(356)", "sinh(sqrt(kappa1) kappa2) = ||X0||^2/(2|c|) from (315)", Eq(L355, L356, rewrites=RW), _D6_0,
           timeout=6, printed=r"= \frac{B}{\sqrt{2\|X_0\|^2 \cdot \frac{\|X_0\|^2}{2|c|} + 4|c|}} \quad (356)", note=NOTE_C)
CH_C6.step("(356)→(357)", "simplify", Eq(L356, L357, rewrites=RW), _D6_0, timeout=6,
           printed=r"= \frac{B\sqrt{|c|}}{\sqrt{\|X_0\|^4 + 4c^2}} \quad (357)", note=NOTE_C)
CH_C6.step("(357)→(358)", "initial condition Y(0) = Y0",
           Eq(L353.subs(t, 0), L357, rewrites=RW), _D6_0, timeout=6, printed=r"= Y_0 \quad (358)",
           note="(358) imposes (332) Y(0) = Y0 on the display whose left side is Y(0); checked as: Y(0) of (353) equals the "
                "(357) expression, so that Y(0) = Y0 is the equation (357) = Y0. " + NOTE_C)
CH_C6.step("(354)→(359)", "t = 0", Eq(L354.subs(t, 0), L359, rewrites=RW), _D6_0, timeout=6,
           printed=r"Y'(0) = \frac{\sqrt{C_1} \left[ A \|X_0\|^2 \sinh(\kappa_2\sqrt{\kappa_1}) - B \|X_0\|^2 "
                   r"\cosh(\kappa_2\sqrt{\kappa_1}) + 2A|c| \right]}{2^{\frac{3}{2}} \left( \|X_0\|^2 \sinh(\kappa_2\sqrt{C_1}) "
                   r"+ 2|c| \right)^{\frac{3}{2}}} \quad (359)",
           note="C_1, C_2 read as kappa_1, kappa_2. " + NOTE_C)
CH_C6.step("(359)→(360)", "sinh(kappa2 sqrt(kappa1)) = ||X0||^2/(2|c|), cosh(kappa2 sqrt(kappa1)) = sqrt(||X0||^4+4c^2)/(2|c|)",
           Eq(L359, L360, rewrites=RW), _D6_0, timeout=6,
           printed=r"= \frac{\sqrt{C_1} \left[ A \|X_0\|^2 \cdot \frac{\|X_0\|^2}{2|c|} - B \|X_0\|^2 \cdot "
                   r"\frac{\sqrt{\|X_0\|^4 + 4c^2}}{2|c|} + 2A|c| \right]}{2^{\frac{3}{2}} \left( \|X_0\|^2 \cdot "
                   r"\frac{\|X_0\|^2}{2|c|} + 2|c| \right)^{\frac{3}{2}}} \quad (360)",
           note="C_1 read as kappa_1. " + NOTE_C)
CH_C6.step("(360)→(361)", "clear the inner denominators 2|c| and simplify 2^{3/2}", Eq(L360, L361, rewrites=RW), _D6_0,
           timeout=6,
           printed=r"= \frac{\sqrt{C_1} \left[ A \|X_0\|^4 - B \|X_0\|^2 \sqrt{\|X_0\|^4 + 4c^2} + 4A|c|^2 \right]}{2|c| "
                   r"\left( \frac{\|X_0\|^4}{|c|} + 4|c| \right)^{\frac{3}{2}}} \quad (361)", note="C_1 read as kappa_1. " + NOTE_C)
CH_C6.step("(361)→(362)", "multiply numerator and denominator by sqrt(|c|)", Eq(L361, L362, rewrites=RW), _D6_0, timeout=6,
           printed=r"= \frac{\sqrt{C_1|c|} \left[ A \|X_0\|^4 - B \|X_0\|^2 \sqrt{\|X_0\|^4 + 4c^2} + 4A|c|^2 \right]}{2|c|^{3/2} "
                   r"\left( \frac{\|X_0\|^4}{|c|} + 4|c| \right)^{\frac{3}{2}}} \quad (362)", note="C_1 read as kappa_1. " + NOTE_C)
CH_C6.step("(362)→(363)", "|c|^{3/2}(||X0||^4/|c| + 4|c|)^{3/2} = (||X0||^4 + 4c^2)^{3/2}", Eq(L362, L363, rewrites=RW),
           _D6_0, timeout=6,
           printed=r"= \frac{\sqrt{C_1|c|} \left[ A \|X_0\|^4 - B \|X_0\|^2 \sqrt{\|X_0\|^4 + 4c^2} + 4A|c|^2 \right]}{2 "
                   r"\left( \|X_0\|^4 + 4c^2 \right)^{\frac{3}{2}}} \quad (363)", note="C_1 read as kappa_1. " + NOTE_C)
CH_C6.step("(363)→(364)", "sqrt(C_1|c|) = sqrt(|c|) sqrt(||X0||^4+4c^2); group the A terms", Eq(L363, L364, rewrites=RW),
           _D6_0, timeout=6,
           printed=r"= \frac{\sqrt{|c|} \sqrt{\|X_0\|^4 + 4c^2} \left[ A \left( \|X_0\|^4 + 4c^2 \right) - B \|X_0\|^2 "
                   r"\sqrt{\|X_0\|^4 + 4c^2} \right]}{2 \left( \|X_0\|^4 + 4c^2 \right)^{\frac{3}{2}}} \quad (364)",
           note="C_1 read as kappa_1. " + NOTE_C)
CH_C6.step("(364)→(365)", "cancel", Eq(L364, L365, rewrites=RW), _D6_0, timeout=6,
           printed=r"= \frac{\sqrt{|c|} \left[ A \left( \|X_0\|^4 + 4c^2 \right) - B \|X_0\|^2 \sqrt{\|X_0\|^4 + 4c^2} "
                   r"\right]}{2 \left( \|X_0\|^4 + 4c^2 \right)} \quad (365)", note=NOTE_C)
CH_C6.step("(365)→(366)", "initial condition (332)",
           Eq(sp.diff(L353, t).subs(t, 0), L365, rewrites=RW), _D6_0, timeout=8,
           printed=r"= \text{Tr}(W_0 - Y_0 X_0) X_0^T \quad (366)",
           note="(366) imposes (332) Y'(0) = Tr(W0-Y0X0)X0^T on the display whose left side is Y'(0); checked as: Y'(0) of "
                "(353) (differentiated by sympy, not via (354)) equals the (365) expression. " + NOTE_C)
CH_C6.step("(358),(366)→(367)–(368)", "restate as a linear system in A, B",
           Eq([L357, L365], [R367, R368], rewrites=RW), _D6_0, timeout=6,
           printed=r"Y_0 = \frac{B\sqrt{|c|}}{\sqrt{\|X_0\|^4 + 4c^2}} \ (367) \qquad \text{Tr}(W_0 - Y_0 X_0) X_0^T = "
                   r"\frac{\sqrt{|c|} \left[ A (\|X_0\|^4 + 4c^2) - B \|X_0\|^2 \sqrt{\|X_0\|^4 + 4c^2} \right]}{2 (\|X_0\|^4 + 4c^2)} \ (368)",
           note="the right sides of (367)-(368) against the (357) and (365) expressions they restate. " + NOTE_C)

_sol = sp.solve([sp.Eq(Y0e, R367), sp.Eq(G, R368)], [A_, B_], dict=True)[0]
CH_C6.step("(367)–(368)→(369)–(370)", "solve for A and B",
           Eq([_sol[A_], _sol[B_]], [R369, R370], rewrites=RW), DOM_C | {Y0e: S.real(0, 3), G: S.real(0, 3)}, timeout=6,
           printed=r"A = \frac{\|X_0\|^2}{\sqrt{|c|}} Y_0 + \frac{2 \text{Tr}(W_0 - Y_0 X_0) X_0^T}{\sqrt{|c|}} \ (369) \qquad "
                   r"B = \frac{\sqrt{\|X_0\|^4 + 4c^2}}{\sqrt{|c|}} Y_0 \ (370)",
           note="sympy solves (367)-(368) (entrywise: Y0e an entry of Y0, G the same entry of Tr(W0-Y0X0)X0^T); the system "
                "is linear with nonzero determinant for x2, |c| > 0")
_D6Y = DOM_CT | {Y0e: S.real(0, 3), G: S.real(0, 3)}
CH_C6.step("(353),(369)–(370)→(371)", "substitute",
           Eq(L353.subs({A_: R369, B_: R370}, simultaneous=True), L371, rewrites=RW), _D6Y, timeout=6,
           printed=r"Y(t) = \left( \frac{\|X_0\|^2}{\sqrt{|c|}} Y_0 + \frac{2 \text{Tr}(W_0 - Y_0 X_0) X_0^T}{\sqrt{|c|}} \right) "
                   r"\frac{\sinh\left(\frac{\sqrt{\kappa_1}}{2} t\right)}{\sqrt{2 \|X_0\|^2 \sinh(\sqrt{\kappa_1}(t + \kappa_2)) + 4|c|}} "
                   r"+ \frac{\sqrt{\|X_0\|^4 + 4c^2}}{\sqrt{|c|}} \cdot \frac{\cosh\left(\frac{\sqrt{\kappa_1}}{2} t\right)}{\sqrt{2 "
                   r"\|X_0\|^2 \sinh(\sqrt{\kappa_1}(t + \kappa_2)) + 4|c|}} Y_0 \quad (371)", note=NOTE_C)
CH_C6.step("(371)→(372)", "gather the Y0 and Tr(W0−Y0X0)X0^T terms", Eq(L371, L372, rewrites=RW), _D6Y, timeout=6,
           printed=r"Y(t) = \frac{1}{\sqrt{2 \|X_0\|^2 \sinh(\sqrt{\kappa_1}(t + \kappa_2)) + 4|c|}} \left[ \frac{\|X_0\|^2}{\sqrt{|c|}} "
                   r"\sinh\left(\frac{\sqrt{\kappa_1}}{2} t\right) + \frac{\sqrt{\|X_0\|^4 + 4c^2}}{\sqrt{|c|}} \cosh\left(\frac{\sqrt{\kappa_1}}{2} "
                   r"t\right) \right] Y_0 + \frac{1}{\sqrt{2 \|X_0\|^2 \sinh(\sqrt{\kappa_1}(t + \kappa_2)) + 4|c|}} \cdot "
                   r"\frac{2}{\sqrt{|c|}} \sinh\left(\frac{\sqrt{\kappa_1}}{2} t\right) \text{Tr}(W_0 - Y_0 X_0) X_0^T \quad (372)",
           note=NOTE_C)
CH_C6.step("(372)→(373)–(374)", "define p and q",
           Eq([sp.diff(L372, Y0e), sp.diff(L372, G), L372.subs({Y0e: 0, G: 0})], [P373, Q374, 0], rewrites=RW), _D6Y,
           timeout=6,
           printed=r"p(t) := \frac{1}{\sqrt{2 \|X_0\|^2 \sinh(\sqrt{\kappa_1}(t + \kappa_2)) + 4|c|}} \left[ \frac{\|X_0\|^2}{\sqrt{|c|}} "
                   r"\sinh\left(\frac{\sqrt{\kappa_1}}{2} t\right) + \frac{\sqrt{\|X_0\|^4 + 4c^2}}{\sqrt{|c|}} \cosh\left(\frac{\sqrt{\kappa_1}}{2} "
                   r"t\right) \right] \ (373) \qquad q(t) := \frac{1}{\sqrt{2 \|X_0\|^2 \sinh(\sqrt{\kappa_1}(t + \kappa_2)) + 4|c|}} "
                   r"\cdot \frac{2}{\sqrt{|c|}} \sinh\left(\frac{\sqrt{\kappa_1}}{2} t\right) \ (374)",
           note="definitions checked as agreement with (372): p is the coefficient of Y0, q that of Tr(W0-Y0X0)X0^T, and "
                "(372) has no other term. " + NOTE_C)
CH_C6.step("(372)–(374)→(375)", "rewrite", Eq(L372, P373 * Y0e + Q374 * G, rewrites=RW), _D6Y, timeout=6,
           printed=r"Y(t) = p(t) Y_0 + q(t) \text{Tr}(W_0 - Y_0 X_0) X_0^T \quad (375)", note=NOTE_C)


def _identical_calculation_X(ctx):
    """Carry out the "identical calculation" for X: by (317) transposed and (316), X^T solves the same linear ODE
    (331) as Y, with a(t) of (313), and X^T(0) = X0^T, (X^T)'(0) = a(0) Y0 = Tr(W0 - Y0X0) Y0 (by (317) at t = 0
    and (307)).  Check that the transpose of (376), X^T = p X0^T + q Tr(W0-Y0X0) Y0, solves that IVP."""
    out = []
    Xt = P373 * X0e + Q374 * g0 * Y0e  # an entry of the transpose of (376)
    dom = DOM_CT | {X0e: S.real(0, 3), g0: S.real(0, 3), Y0e: S.real(0, 3)}
    for eps in (1, -1):
        a = TS.PRINTED[eps].a  # (313) for sgn c = eps
        resid = sp.diff(Xt, t, 2) - sp.diff(a, t) / a * sp.diff(Xt, t) - a**2 * Xt
        out.append(S.check_identity(resid, 0, dom, rng=ctx.rng(f"x-ode{eps}"), name=f"sgn c = {eps:+d}: (376)^T in (331)",
                                    timeout=1, method="STEPS", samples=20))
    dom0 = {k: v for k, v in dom.items() if k != t}
    out.append(S.check_identity([Xt.subs(t, 0), sp.diff(Xt, t).subs(t, 0)], [X0e, g0 * Y0e], dom0, rng=ctx.rng("x-ic"),
                                name="(376)^T at t = 0: X0^T and Tr(W0-Y0X0) Y0", timeout=6, rewrites=RW, method="STEPS",
                                complete=False))
    return out


CH_C6.step("(375)→(376)", "identical calculation for X(t), noting the symmetry of (316–317)",
           Custom(_identical_calculation_X, r"X(t)^T = p X_0^T + q\,\mathrm{Tr}(W_0-Y_0X_0) Y_0 \text{ solves (331) with } "
                                           r"X^T(0)=X_0^T,\ (X^T)'(0)=\mathrm{Tr}(W_0-Y_0X_0)Y_0"),
           printed=r"X(t) = p(t) X_0 + q(t) \text{Tr}(W_0 - Y_0 X_0) Y_0^T \quad (376)",
           note="sympy cannot simplify the second-order residual within the time limit: it is sampled at 60 digits. "
                "The identical calculation carried out: X^T obeys (X^T)' = a Y (transpose of (317)) and Y' = a X^T (316), the "
                "system (316)-(317) with Y and X^T exchanged, hence the same ODE (331) with a(t) of (313); its initial data are "
                "X^T(0) = X0^T and (X^T)'(0) = a(0) Y0 with a(0) = Tr(W0-Y0X0) by (307). Checked: the transpose of (376) "
                "satisfies (331) (both signs of c) and these initial data. Entrywise scalars X0e, Y0e, g0 = Tr(W0-Y0X0).",
           timeout=20)

_n, _r = 3, 2
_W = sp.Matrix(_n, _n, lambda i, j: sp.Symbol(f"w{i}{j}", real=True))
_X0 = sp.Matrix(_r, _n, lambda i, j: sp.Symbol(f"x{i}{j}", real=True))
_Y0 = sp.Matrix(_n, _r, lambda i, j: sp.Symbol(f"y{i}{j}", real=True))
_p, _q = sp.symbols("p q", real=True)
_DM = {s: S.real(0, 3) for m in (_W, _X0, _Y0) for s in m} | {_p: S.real(0, 3), _q: S.real(0, 3)}
SCOPE = "n = 3, r = 2"
_Y375 = _p * _Y0 + _q * (_W - _Y0 * _X0).trace() * _X0.T
_X376 = _p * _X0 + _q * (_W - _Y0 * _X0).trace() * _Y0.T
_zero = {s: 0 for s in _Y0}
CH_C6.step("(375)–(376)→(377)–(378)", "set Y0 = 0",
           Eq([_Y375.subs(_zero), _X376.subs(_zero)], [_q * _W.trace() * _X0.T, _p * _X0], scope=SCOPE), _DM,
           printed=r"Y(t) = q(t) \text{Tr}(W_0) X_0^T \ (377) \qquad X(t) = p(t)X_0 \ (378)",
           note="explicit symbolic matrices n = 3, r = 2; p, q stand for p(t), q(t) (they do not depend on Y0)")
CH_C6.step("(377)×(378)→(379)", "multiply",
           Eq((_q * _W.trace() * _X0.T) * (_p * _X0), _p * _q * _W.trace() * _X0.T * _X0, scope=SCOPE),
           {s: d for s, d in _DM.items() if s not in _Y0.free_symbols},
           printed=r"Y(t)X(t) = p(t)q(t) \operatorname{Tr}(W_0) X_0^T X_0 \quad (379)",
           note="explicit symbolic matrices n = 3, r = 2")


@CH_C6.end_result("(377)–(378) with p, q of (373)–(374) solve (276)–(277) with Y0 = 0 (integrated flow, TC-5)")
def _c6_end(ctx):
    from .trace_main import closed_form_vs_flow

    return closed_form_vs_flow(ctx, "c6-end", times=(0.5, 2))


# ============================================================================= CH-C7
CH_C7 = chain(PAPER, "CH-C7", "limits, (380)–(406) (App. C)")

K = sp.Symbol("K", positive=True)  # TC-12: t = K / sqrt(kappa1)
DOM_K = DOM_C | {K: S.positive(1.0, 300.0)}


def _k(expr):
    return sp.sympify(expr).subs(t, K / SQK)


F383s = SH / sp.sqrt(2 * x2 * sp.sinh(SQK * (t + KAPPA2)) + 4 * C)
F383c = CH_ / sp.sqrt(2 * x2 * sp.sinh(SQK * (t + KAPPA2)) + 4 * C)
F384 = (sp.Rational(1, 2) * sp.exp(SQK / 2 * t)) / sp.sqrt(2 * x2 * sp.exp(SQK * (t + KAPPA2)) / 2 + 4 * C)
F385 = (sp.exp(SQK / 2 * t) / (2 * sp.sqrt(x2 * sp.exp(SQK * (t + KAPPA2)) + 4 * C))
        * sp.exp(-SQK / 2 * t) / sp.exp(-SQK / 2 * t))
F386 = 1 / (2 * sp.sqrt(x2 * sp.exp(KAPPA2 * SQK) + 4 * C * sp.exp(-SQK * t)))
V387 = 1 / (2 * NX * sp.exp(KAPPA2 * SQK / 2))
_z = x2 / (2 * C)
V388 = sp.exp(sp.asinh(_z))
V389 = sp.exp(sp.log(_z + sp.sqrt(1 + _z**2)))
V390 = _z + sp.sqrt(1 + _z**2)
V391 = (x2 + sp.sqrt(x2**2 + 4 * C**2)) / (2 * C)
V392a = 1 / (2 * NX) * sp.sqrt(2 * C / (x2 + sp.sqrt(x2**2 + 4 * C**2)))
V392b = sp.sqrt(C) / (sp.sqrt(2) * NX * sp.sqrt(x2 + sp.sqrt(x2**2 + 4 * C**2)))
_w = x2 + sp.sqrt(x2**2 + 4 * C**2)
V394 = sp.sqrt(C) / sp.sqrt(2 * NX * sp.sqrt(_w))  # as printed: \sqrt{2\|X_0\| \sqrt{...}}
F395 = P373
F396 = x2 / sp.sqrt(C) * F383s + sp.sqrt(x2**2 + 4 * C**2) / sp.sqrt(C) * F383c
V397 = x2 / sp.sqrt(C) * V394 + sp.sqrt(x2**2 + 4 * C**2) / sp.sqrt(C) * V394
V398 = _w / sp.sqrt(2 * NX * sp.sqrt(_w))
V399 = sp.sqrt(_w) / sp.sqrt(2 * NX)
F400 = 2 / sp.sqrt(C) * F383s
V401 = 2 / sp.sqrt(C) * V394
V402 = 2 / sp.sqrt(2 * NX * sp.sqrt(_w))

READ394 = ("as extracted, (394), (397), (398), (401), (402), (404) have the radical over 2||X0||sqrt(...) "
           "('\\sqrt{2\\|X_0\\| \\sqrt{...}}') whereas (392) prints \\sqrt{2}\\|X_0\\|\\sqrt{...}; transcribed as printed. "
           "(The reading \\sqrt{2}\\|X_0\\|\\sqrt{...} would make these lines consistent with (392).)")
NOTE_K = ("TC-12: t = K/sqrt(kappa1), K -> oo; x2 = ||X0||^2 > 0, C = |c| > 0 (the lines depend on c only through |c|, c^2)")


def _lim(prev_expr, nxt, name, *, limit_of_prev=True):
    """TC-12 step check: the limit (K -> oo) of the previous printed line's expression equals the next line
    (a closed value, or a limit expression evaluated at the same K)."""
    def f(ctx):
        return S.check_limit(_k(prev_expr), K, _k(nxt), DOM_K, rng=ctx.rng(name), name=name, timeout=3,
                             scales=(50, 100, 200), method="STEPS")
    return f


def _custom(*fns, desc=""):
    def run(ctx):
        out = []
        for fn in fns:
            r = fn(ctx)
            out.extend(r if isinstance(r, list) else [r])
        return out
    return Custom(run, desc)


def _ident(lhs, rhs, dom, name):
    def f(ctx):
        return S.check_identity(lhs, rhs, dom, rng=ctx.rng(name), name=name, timeout=5, rewrites=RW, method="STEPS",
                                samples=40)
    return f


CH_C7.step("(380)–(382)", "asymptotic equivalences of sinh and cosh",
           _custom(_lim(SH / (sp.Rational(1, 2) * sp.exp(SQK / 2 * t)), 1, "(380) ratio -> 1"),
                   _lim(CH_ / (sp.Rational(1, 2) * sp.exp(SQK / 2 * t)), 1, "(381) ratio -> 1"),
                   _lim(sp.sinh(SQK * (t + KAPPA2)) / (sp.Rational(1, 2) * sp.exp(SQK * (t + KAPPA2))), 1, "(382) ratio -> 1"),
                   desc="each ratio lhs/rhs of (380)-(382) tends to 1"),
           printed=r"\sinh\left(\frac{\sqrt{\kappa_1}}{2}t\right) \sim \frac{1}{2}e^{\frac{\sqrt{\kappa_1}}{2}t} \ (380) \quad "
                   r"\cosh\left(\frac{\sqrt{\kappa_1}}{2}t\right) \sim \frac{1}{2}e^{\frac{\sqrt{\kappa_1}}{2}t} \ (381) \quad "
                   r"\sinh(\sqrt{\kappa_1}(t + \kappa_2)) \sim \frac{1}{2}e^{\sqrt{\kappa_1}(t + \kappa_2)} \ (382)",
           note="~ read as: the ratio tends to 1 as t -> oo (kappa2 fixed). " + NOTE_K, timeout=20)
CH_C7.step("(383)", "the sinh-limit and the cosh-limit coincide",
           _custom(_lim(F383s, F383c, "(383) sinh-expression vs cosh-expression"), desc="lim sinh/sqrt(s) = lim cosh/sqrt(s)"),
           printed=r"\lim_{t \rightarrow \infty} \frac{\sinh\left(\frac{\sqrt{\kappa_1}}{2}t\right)}{\sqrt{2\|X_0\|^2 "
                   r"\sinh(\sqrt{\kappa_1}(t + \kappa_2)) + 4|c|}} = \lim_{t \rightarrow \infty} \frac{\cosh\left(\frac{\sqrt{\kappa_1}}{2}t"
                   r"\right)}{\sqrt{2\|X_0\|^2 \sinh(\sqrt{\kappa_1}(t + \kappa_2)) + 4|c|}} \quad (383)",
           note="checked: the sinh-expression, evaluated far into the limit, approaches the cosh-expression (relative gap "
                "-> 0). " + NOTE_K, timeout=10)
CH_C7.step("(383)→(384)", "insert (380)–(382)",
           _custom(_lim(F383s, F384, "sinh-side of (383) vs (384)"), _lim(F383c, F384, "cosh-side of (383) vs (384)"),
                   desc="lim (383) = lim (384)"),
           printed=r"= \lim_{t \rightarrow \infty} \frac{\frac{1}{2}e^{\frac{\sqrt{\kappa_1}}{2}t}}{\sqrt{2\|X_0\|^2 \cdot "
                   r"\frac{e^{\sqrt{\kappa_1}(t + \kappa_2)}}{2} + 4|c|}} \quad (384)", note=NOTE_K, timeout=10)
CH_C7.step("(384)→(385)", "simplify; multiply by e^{−√κ1 t/2}/e^{−√κ1 t/2}",
           _custom(_ident(F384, F385, DOM_CT, "(384) = (385) for every t"), _lim(F384, F385, "lim (384) vs lim (385)"),
                   desc="(384) and (385) agree (as functions of t, and in the limit)"),
           printed=r"= \lim_{t \rightarrow \infty} \frac{e^{\frac{\sqrt{\kappa_1}}{2}t}}{2\sqrt{\|X_0\|^2 \cdot "
                   r"e^{\sqrt{\kappa_1}(t + \kappa_2)} + 4|c|}} \cdot \frac{e^{-\frac{\sqrt{\kappa_1}}{2}t}}{e^{-\frac{\sqrt{\kappa_1}}{2}t}} \quad (385)",
           note=NOTE_K, timeout=10)
CH_C7.step("(385)→(386)", "rearrange the exponential factors",
           _custom(_ident(F385, F386, DOM_CT, "(385) = (386) for every t"), _lim(F385, F386, "lim (385) vs lim (386)"),
                   desc="(385) and (386) agree"),
           printed=r"= \lim_{t \rightarrow \infty} \frac{1}{2\sqrt{\|X_0\|^2 \cdot e^{\kappa_2\sqrt{\kappa_1}} + "
                   r"4|c|e^{-\sqrt{\kappa_1}t}}} \quad (386)", note=NOTE_K, timeout=10)
CH_C7.step("(386)→(387)", "let t → ∞", _custom(_lim(F386, V387, "lim (386) vs (387)"), desc="lim (386) = (387)"),
           printed=r"= \frac{1}{2\|X_0\| e^{\frac{\kappa_2\sqrt{\kappa_1}}{2}}} \quad (387)", note=NOTE_K, timeout=10)
CH_C7.step("(315)→(388)", "κ2√κ1 = arsinh(‖X0‖²/(2|c|))", Eq(sp.exp(KAPPA2 * SQK), V388, rewrites=RW), DOM_C, timeout=5,
           printed=r"e^{\kappa_2\sqrt{\kappa_1}} = e^{\operatorname{arsinh}\left(\frac{\|X_0\|^2}{2|c|}\right)} \quad (388)",
           note="kappa1, kappa2 of (314)-(315). " + NOTE_K)
CH_C7.step("(388)→(389)", "arsinh x = ln(x + √(1+x²))", Eq(V388, V389, rewrites=RW), DOM_C, timeout=5,
           printed=r"= e^{\ln\left(\frac{\|X_0\|^2}{2|c|} + \sqrt{1 + \left(\frac{\|X_0\|^2}{2|c|}\right)^2}\right)} \quad (389)")
CH_C7.step("(389)→(390)", "exp∘ln", Eq(V389, V390, rewrites=RW), DOM_C, timeout=5,
           printed=r"= \frac{\|X_0\|^2}{2|c|} + \sqrt{1 + \left(\frac{\|X_0\|^2}{2|c|}\right)^2} \quad (390)")
CH_C7.step("(390)→(391)", "common denominator", Eq(V390, V391, rewrites=RW), DOM_C, timeout=5,
           printed=r"= \frac{\|X_0\|^2 + \sqrt{\|X_0\|^4 + 4c^2}}{2|c|} \quad (391)")
CH_C7.step("(387),(391)→(392)", "substitute and simplify",
           Eq([V387, V392a], [V392a, V392b], rewrites=RW), DOM_C, timeout=6,
           printed=r"\frac{1}{2\|X_0\|} \cdot \sqrt{\frac{2|c|}{\|X_0\|^2 + \sqrt{\|X_0\|^4 + 4c^2}}} = "
                   r"\frac{\sqrt{|c|}}{\sqrt{2}\|X_0\| \sqrt{\|X_0\|^2 + \sqrt{\|X_0\|^4 + 4c^2}}} \quad (392)",
           note="checked: (387) equals the left side of (392), and the left side equals the right side")
CH_C7.step("(392)→(393)–(394)", "restate the limit value",
           _custom(_ident(V392b, V394, DOM_C, "(394) restates the value (392)"),
                   _lim(F383s, V394, "TC-12: lim of (393) (sinh-side) vs (394)"),
                   desc="(394) = (392), and (394) = the numerically evaluated limit of (393)"),
           printed=r"\lim_{t \rightarrow \infty} \frac{\sinh\left(\frac{\sqrt{\kappa_1}}{2}t\right)}{\sqrt{2\|X_0\|^2 "
                   r"\sinh(\sqrt{\kappa_1}(t + \kappa_2)) + 4|c|}} = \lim_{t \rightarrow \infty} \frac{\cosh\left(\frac{\sqrt{\kappa_1}}{2}t"
                   r"\right)}{\sqrt{2\|X_0\|^2 \sinh(\sqrt{\kappa_1}(t + \kappa_2)) + 4|c|}} \ (393) = "
                   r"\frac{\sqrt{|c|}}{\sqrt{2\|X_0\| \sqrt{\|X_0\|^2 + \sqrt{\|X_0\|^4 + 4c^2}}}} \ (394)",
           note="(393) repeats (383) verbatim (checked under (383)). " + READ394 + " " + NOTE_K, timeout=12)
CH_C7.step("(373)→(395)", "limit of p", Eq(P373, F395, rewrites=RW), DOM_CT, timeout=5,
           printed=r"\lim_{t \rightarrow \infty} p(t) = \lim_{t \rightarrow \infty} \frac{1}{\sqrt{2\|X_0\|^2 \sinh(\sqrt{\kappa_1}(t + "
                   r"\kappa_2)) + 4|c|}} \left[ \frac{\|X_0\|^2}{\sqrt{|c|}} \sinh\left(\frac{\sqrt{\kappa_1}}{2}t\right) + "
                   r"\frac{\sqrt{\|X_0\|^4 + 4c^2}}{\sqrt{|c|}} \cosh\left(\frac{\sqrt{\kappa_1}}{2}t\right) \right] \quad (395)",
           note="checked: the expression under lim in (395) is p(t) of (373) (my transcription of (373) in CH-C6)")
CH_C7.step("(395)→(396)", "split into two terms",
           _custom(_ident(F395, F396, DOM_CT, "(395) = (396) under the limit, for every t"),
                   _lim(F395, F396, "lim (395) vs lim (396)"), desc="(395) and (396) agree"),
           printed=r"= \lim_{t \rightarrow \infty} \frac{\|X_0\|^2}{\sqrt{|c|}} \cdot \frac{\sinh\left(\frac{\sqrt{\kappa_1}}{2}t\right)}"
                   r"{\sqrt{2\|X_0\|^2 \sinh(\sqrt{\kappa_1}(t + \kappa_2)) + 4|c|}} + \frac{\sqrt{\|X_0\|^4 + 4c^2}}{\sqrt{|c|}} \cdot "
                   r"\frac{\cosh\left(\frac{\sqrt{\kappa_1}}{2}t\right)}{\sqrt{2\|X_0\|^2 \sinh(\sqrt{\kappa_1}(t + \kappa_2)) + 4|c|}} \quad (396)",
           note=NOTE_K, timeout=10)
CH_C7.step("(396)→(397)", "insert (394)",
           _custom(_lim(F396, V397, "TC-12: lim of (396) vs (397)"),
                   desc="(397) against the numerically evaluated limit of (396)"),
           printed=r"= \frac{\|X_0\|^2}{\sqrt{|c|}} \cdot \frac{\sqrt{|c|}}{\sqrt{2\|X_0\| \sqrt{\|X_0\|^2 + \sqrt{\|X_0\|^4 + 4c^2}}}} + "
                   r"\frac{\sqrt{\|X_0\|^4 + 4c^2}}{\sqrt{|c|}} \cdot \frac{\sqrt{|c|}}{\sqrt{2\|X_0\| \sqrt{\|X_0\|^2 + \sqrt{\|X_0\|^4 + 4c^2}}}} \quad (397)",
           note="TC-12: the printed (397) against the numerically evaluated limit of (396). (397) is, symbol for symbol, "
                "(396)'s coefficients times the printed (394), so any error of (394) is carried here. " + READ394 + " " + NOTE_K,
           timeout=12)
CH_C7.step("(397)→(398)", "combine over a common denominator", Eq(V397, V398, rewrites=RW), DOM_C, timeout=5,
           printed=r"= \frac{\|X_0\|^2 + \sqrt{\|X_0\|^4 + 4c^2}}{\sqrt{2\|X_0\| \sqrt{\|X_0\|^2 + \sqrt{\|X_0\|^4 + 4c^2}}}} \quad (398)",
           note="(397) is a closed value, so its limit is itself. " + READ394)
CH_C7.step("(398)→(399)", "simplify", Eq(V398, V399, rewrites=RW), DOM_C, timeout=5,
           printed=r"= \frac{\sqrt{\|X_0\|^2 + \sqrt{\|X_0\|^4 + 4c^2}}}{\sqrt{2\|X_0\|}} \quad (399)",
           note="(398) is a closed value. " + READ394)
CH_C7.step("(374)→(400)", "limit of q", Eq(Q374, F400, rewrites=RW), DOM_CT, timeout=5,
           printed=r"\lim_{t \rightarrow \infty} q(t) = \lim_{t \rightarrow \infty} \frac{2}{\sqrt{|c|}} \cdot "
                   r"\frac{\sinh\left(\frac{\sqrt{\kappa_1}}{2}t\right)}{\sqrt{2\|X_0\|^2 \sinh(\sqrt{\kappa_1}(t + \kappa_2)) + 4|c|}} \quad (400)",
           note="checked: the expression under lim in (400) is q(t) of (374)")
CH_C7.step("(400)→(401)", "insert (394)",
           _custom(_lim(F400, V401, "TC-12: lim of (400) vs (401)"),
                   desc="(401) against the numerically evaluated limit of (400)"),
           printed=r"= \frac{2}{\sqrt{|c|}} \cdot \frac{\sqrt{|c|}}{\sqrt{2\|X_0\| \sqrt{\|X_0\|^2 + \sqrt{\|X_0\|^4 + 4c^2}}}} \quad (401)",
           note="TC-12, as for (396)->(397); (401) is 2/sqrt|c| times the printed (394). " + READ394 + " " + NOTE_K, timeout=12)
CH_C7.step("(401)→(402)", "cancel √|c|", Eq(V401, V402, rewrites=RW), DOM_C, timeout=5,
           printed=r"= \frac{2}{\sqrt{2\|X_0\| \sqrt{\|X_0\|^2 + \sqrt{\|X_0\|^4 + 4c^2}}}} \quad (402)", note=READ394)

_DMX = {s: S.real(0, 3) for m in (_W, _X0) for s in m} | {_p: S.real(0, 3), _q: S.real(0, 3)}
CH_C7.step("(379)→(403)", "limit of the product",
           Eq((_q * _W.trace() * _X0.T) * (_p * _X0), _p * _q * _W.trace() * _X0.T * _X0, scope=SCOPE), _DMX,
           printed=r"\lim_{t \rightarrow \infty} Y(t)X(t) = \lim_{t \rightarrow \infty} p(t)q(t) \operatorname{Tr}(W_0) X_0^T X_0 \quad (403)",
           note="restatement of (379) under the limit: Y X of (377)-(378) equals the expression under lim in (403) "
                "(explicit matrices n = 3, r = 2; p, q stand for p(t), q(t))")
_cc = sp.Symbol("c", real=True, nonzero=True)
CH_C7.step("(403)→(404)", "insert (399) and (402)",
           _custom(_lim(P373 * Q374, V399 * V402, "TC-12: lim p(t) q(t) (coefficient of Tr(W0) X0^T X0 in (403)) vs (404)"),
                   desc="the coefficient of Tr(W0) X0^T X0: lim p q against (399)*(402)"),
           printed=r"= \frac{\sqrt{\|X_0\|^2 + \sqrt{\|X_0\|^4 + 4c^2}}}{\sqrt{2\|X_0\|}} \cdot \frac{2}{\sqrt{2\|X_0\| "
                   r"\sqrt{\|X_0\|^2 + \sqrt{\|X_0\|^4 + 4c^2}}}} \cdot \operatorname{Tr}(W_0) X_0^T X_0 \quad (404)",
           note="both sides are (scalar) x Tr(W0) X0^T X0; the scalar coefficients are compared (TC-12); (404) is literally the "
                "printed (399) times the printed (402). " + READ394 + " " + NOTE_K,
           timeout=12)
CH_C7.step("(404)→(405)", "simplify", Eq(V399 * V402 * _cc, _cc / x2, rewrites=RW), DOM_C | {_cc: S.nonzero(0.05, 10)},
           timeout=5, printed=r"= \frac{\operatorname{Tr}(W_0)}{\|X_0\|^2} X_0^T X_0 \quad (405)",
           note="coefficients of X0^T X0 compared, c = Tr(W0) of either sign. " + READ394)
_x2m = sum(e**2 for e in _X0)
_cW = _W.trace()
CH_C7.step("(405)→(406)", "take the trace; Tr(X0^T X0) = ‖X0‖²",
           Eq([(_cW / _x2m * _X0.T * _X0).trace(), _cW / _x2m * (_X0.T * _X0).trace(), _cW / _x2m * _x2m],
              [_cW / _x2m * (_X0.T * _X0).trace(), _cW / _x2m * _x2m, _cW], scope=SCOPE),
           {s: S.real(0.1, 3) for m in (_W, _X0) for s in m},
           printed=r"\operatorname{Tr} \left( \frac{\operatorname{Tr}(W_0)}{\|X_0\|^2} X_0^T X_0 \right) = "
                   r"\frac{\operatorname{Tr}(W_0)}{\|X_0\|^2} \operatorname{Tr}(X_0^T X_0) = \frac{\operatorname{Tr}(W_0)}{\|X_0\|^2} "
                   r"\|X_0\|^2 = \operatorname{Tr}(W_0) \quad (406)",
           note="explicit symbolic matrices n = 3, r = 2, ||X0||^2 = sum of squared entries; each '=' of (406) checked")


@CH_C7.end_result("(405): lim Y(t)X(t) = Tr(W0)/||X0||^2 X0^T X0, i.e. lim ||X0||^2 p(t) q(t) = 1 for the printed p, q")
def _c7_end(ctx):
    from .trace_main import limit_pq_evidence

    return limit_pq_evidence(ctx, "c7-end")


# ============================================================================= CH-D
CH_D = chain(PAPER, "CH-D", "Lemma D.1, (409)–(435) (App. D)")


def _in_ball(M_, R, frac):
    nrm = np.linalg.norm(M_)
    if nrm == 0:
        return M_
    return M_ / nrm * (R * frac * (1 - 1e-15))


@st.composite
def _pair(draw):
    """TC-3 two-point sampler: W0 (Gaussian, +-sI, traceless, rank-one, diagonal with mixed signs, zero) and two points
    (B1, A1), (B2, A2) of D_{R'} (interior, boundary, structured rank-one R' e_i e_1^T / R' e_1 e_j^T, one factor 0),
    independent, at small separation, or differing only in B or only in A.  n <= 6, r <= n, R' in {0.1,...,5}."""
    n = draw(st.integers(1, 6))
    r = draw(st.integers(1, n))
    R = draw(st.sampled_from([0.1, 0.5, 1.0, 2.0, 5.0]))
    fam = draw(st.sampled_from(["gaussian", "scaled-identity", "traceless", "rank-one", "diag-mixed", "zero"]))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    W0 = rng.normal(size=(n, n)) * draw(st.sampled_from([0.1, 1.0, 10.0]))
    if fam == "scaled-identity":
        W0 = draw(st.sampled_from([-10.0, -1.0, -0.1, 0.1, 1.0, 10.0])) * np.eye(n)
    elif fam == "traceless":
        W0 = W0 - np.trace(W0) / n * np.eye(n)
    elif fam == "rank-one":
        W0 = np.outer(rng.normal(size=n), rng.normal(size=n))
    elif fam == "diag-mixed":
        W0 = np.diag(rng.normal(size=n) * np.where(np.arange(n) % 2 == 0, 1.0, -1.0))
    elif fam == "zero":
        W0 = np.zeros((n, n))

    def point():
        kind = draw(st.sampled_from(["interior", "boundary", "rank-one", "B=0", "A=0"]))
        if kind == "rank-one":
            i, j = draw(st.integers(0, n - 1)), draw(st.integers(0, n - 1))
            B, A = np.zeros((n, r)), np.zeros((r, n))
            B[i, 0], A[0, j] = R, R
            return B, A
        B, A = rng.normal(size=(n, r)), rng.normal(size=(r, n))
        fb = 1.0 if kind != "interior" else draw(st.floats(0, 1))
        fa = 1.0 if kind != "interior" else draw(st.floats(0, 1))
        B, A = _in_ball(B, R, fb), _in_ball(A, R, fa)
        if kind == "B=0":
            B = np.zeros_like(B)
        if kind == "A=0":
            A = np.zeros_like(A)
        return B, A

    B1, A1 = point()
    rel = draw(st.sampled_from(["independent", "close", "only-B", "only-A"]))
    if rel == "independent":
        B2, A2 = point()
    else:
        B2, A2 = point()
        if rel == "close":
            h = draw(st.sampled_from([1e-6, 1e-3, 1e-1]))
            B2 = B1 + h * rng.normal(size=B1.shape)
            A2 = A1 + h * rng.normal(size=A1.shape)
            if np.linalg.norm(B2) > R:
                B2 = _in_ball(B2, R, 1.0)
            if np.linalg.norm(A2) > R:
                A2 = _in_ball(A2, R, 1.0)
        elif rel == "only-B":
            A2 = A1.copy()
        else:
            B2 = B1.copy()
    assume(np.linalg.norm(B1 - B2) + np.linalg.norm(A1 - A2) > 0)  # two distinct points (0 <= 0 carries no ratio)
    return W0, B1, A1, B2, A2, R


def _mp(M_):
    return mpmath.matrix(M_.tolist())


def _hp(x, dps):
    """mpmath precision for re-evaluating the point ``x``: ``dps`` digits plus enough extra digits to carry the
    spread of magnitudes of its entries exactly through products and sums (the float64 inputs are exact binary
    numbers; a pair with entries 1e-98 next to entries 1e-2 would otherwise lose the small ones at ``dps`` digits)."""
    vals = np.abs(np.concatenate([np.ravel(np.asarray(v, dtype=float)) for v in x]))
    nz = vals[vals > 0]
    extra = 0 if nz.size == 0 else int(3 * (np.log10(nz.max()) - np.log10(nz.min()))) + 10
    return mpmath.workdps(dps + extra)


def _ops(lib):
    if lib is np:
        return dict(fro=np.linalg.norm, tr=np.trace, T=lambda M_: M_.T, mul=lambda X, Y: X @ Y, sqrt=np.sqrt, abs=abs)

    def fro(M_):
        return mpmath.sqrt(sum((M_[i, j] ** 2 for i in range(M_.rows) for j in range(M_.cols)), mpmath.mpf(0)))

    def tr(M_):
        return sum((M_[i, i] for i in range(M_.rows)), mpmath.mpf(0))

    return dict(fro=fro, tr=tr, T=lambda M_: M_.T, mul=lambda X, Y: X * Y, sqrt=mpmath.sqrt, abs=abs)


def _grads(W0, B, A, o):
    """(265)-(266): grad_A g = -Tr(W0 - BA) B^T, grad_B g = -Tr(W0 - BA) A^T."""
    a = o["tr"](W0 - o["mul"](B, A))
    return -a * o["T"](A), -a * o["T"](B)  # (grad_B, grad_A)


def _d_lines_base(W0, B1, A1, B2, A2, R, lib):
    """The printed lines (414)-(429) (B-gradients) and the quantities of (409), (430)-(435) at a point."""
    o = _ops(lib)
    if lib is not np:
        W0, B1, A1, B2, A2 = (_mp(M_) for M_ in (W0, B1, A1, B2, A2))
        R = mpmath.mpf(R)
    fro, tr, T, mul, sqrt = o["fro"], o["tr"], o["T"], o["mul"], o["sqrt"]
    gB1, gA1 = _grads(W0, B1, A1, o)
    gB2, gA2 = _grads(W0, B2, A2, o)
    t1 = tr(W0 - mul(B1, A1))
    d = tr(mul(B1, A1) - mul(B2, A2))
    nB, nA = fro(B1 - B2), fro(A1 - A2)
    K_ = abs(tr(W0)) + 2 * R**2
    L = 2 * K_  # (1/sqrt2) L := sqrt2 (|Tr W0| + 2R'^2)
    v = {
        "lhsB": fro(gB1 - gB2),
        "lhsA": fro(gA1 - gA2),
        413: d * T(A2) + t1 * (T(A2) - T(A1)),
        414: fro(d * T(A2) + t1 * (T(A2) - T(A1))),
        415: fro(d * T(A2)) + fro(t1 * (T(A2) - T(A1))),
        416: abs(d) * fro(T(A2)) + abs(t1) * fro(T(A2) - T(A1)),
        417: abs(tr(mul(B1, A1) - mul(B1, A2) + mul(B1, A2) - mul(B2, A2))) * fro(T(A2)) + abs(t1) * fro(T(A2) - T(A1)),
        418: abs(tr(mul(B1, A1 - A2) + mul(B1 - B2, A2))) * fro(T(A2)) + abs(t1) * fro(T(A2) - T(A1)),
        419: abs(tr(mul(B1, A1 - A2)) + tr(mul(B1 - B2, A2))) * fro(T(A2)) + abs(t1) * fro(T(A2) - T(A1)),
        420: (fro(B1) * fro(A1 - A2) + fro(B1 - B2) * fro(A2)) * fro(T(A2)) + abs(t1) * fro(T(A2) - T(A1)),
        421: (R * fro(A1 - A2) + fro(B1 - B2) * R) * R + abs(t1) * fro(T(A2) - T(A1)),
        422: (fro(A1 - A2) + fro(B1 - B2)) * R**2 + (abs(tr(W0)) + abs(tr(mul(B1, A1)))) * fro(T(A2) - T(A1)),
        423: (fro(A1 - A2) + fro(B1 - B2)) * R**2 + (abs(tr(W0)) + fro(B1) * fro(A1)) * fro(T(A2) - T(A1)),
        424: (fro(A1 - A2) + fro(B1 - B2)) * R**2 + (abs(tr(W0)) + R**2) * fro(T(A2) - T(A1)),
        425: fro(B1 - B2) * R**2 + (abs(tr(W0)) + 2 * R**2) * fro(A2 - A1),
        426: fro(B1 - B2) * (abs(tr(W0)) + 2 * R**2) + (abs(tr(W0)) + 2 * R**2) * fro(A2 - A1),
        427: (abs(tr(W0)) + 2 * R**2) * (fro(B1 - B2) + fro(A1 - A2)),
        428: sqrt(2) * (abs(tr(W0)) + 2 * R**2) * (fro(B1 - B2) ** 2 + fro(A1 - A2) ** 2) ** 0.5,
        429: sqrt(2) * (abs(tr(W0)) + 2 * R**2) * (fro(B1 - B2) ** 2 + fro(A1 - A2) ** 2) ** 0.5,
        "429^2": (sqrt(2) * (abs(tr(W0)) + 2 * R**2) * (fro(B1 - B2) ** 2 + fro(A1 - A2) ** 2) ** 0.5) ** 2,
        "430": L**2 / 2 * (nB**2 + nA**2),
        "432": fro(gB1 - gB2) ** 2 + fro(gA1 - gA2) ** 2,
        "433": L**2 * (nB**2 + nA**2),
        "L": L, "nB": nB, "nA": nA,
        "gB": (gB1, gB2), "gA": (gA1, gA2),
        "410": -t1 * T(A1) + tr(W0 - mul(B2, A2)) * T(A2),
    }
    return v


def _mirror(x):
    """The "identical calculation" for the A-gradients: (B, A, W0) -> (A^T, B^T, W0^T) maps grad_B g onto (grad_A g)^T
    and keeps D_{R'} and every norm; the A-lines are the B-lines at the mapped point."""
    W0, B1, A1, B2, A2, R = x
    return W0.T.copy(), A1.T.copy(), B1.T.copy(), A2.T.copy(), B2.T.copy(), R


def _pair_fn(lo, hi, mirror=False):
    def fn(x):
        v = _d_lines(*(_mirror(x) if mirror else x), np)
        return v[lo], v[hi]

    def reval(x, dps):
        with _hp(x, dps):
            v = _d_lines(*(_mirror(x) if mirror else x), mpmath)
            return v[lo], v[hi]
    return fn, reval


def _dstep(lo, hi, kind, desc=""):
    fn, reval = _pair_fn(lo, hi)
    rel = r"\le" if kind == "le" else "="
    return Prop(_pair(), fn, reval, kind, description=desc or f"({lo}) {rel} ({hi}) on D_{{R'}}")


def _prop_ev(name, lo, hi, kind, ctx, mirror=False, examples=None):
    fn, reval = _pair_fn(lo, hi, mirror)
    f = check_inequality if kind == "le" else check_equality
    return f(name, _pair(), fn, ctx, revalidate=reval, examples=examples)


DNOTE = ("property search over pairs (B1,A1),(B2,A2) in D_{R'} = {||B||,||A|| <= R'}, W0 arbitrary (TC-3 families), "
         "n <= 6, r <= n; float64 violations re-evaluated in mpmath at >= 30 digits plus 3x the decimal spread of the "
         "entries' magnitudes (so that exact binary inputs of very different sizes are not rounded away)")

# ---- (409): symbolic, explicit matrices
_nD, _rD = 3, 2
_Wd = sp.Matrix(_nD, _nD, lambda i, j: sp.Symbol(f"W{i}{j}", real=True))
_B1 = sp.Matrix(_nD, _rD, lambda i, j: sp.Symbol(f"b{i}{j}", real=True))
_A1 = sp.Matrix(_rD, _nD, lambda i, j: sp.Symbol(f"a{i}{j}", real=True))
_B2 = sp.Matrix(_nD, _rD, lambda i, j: sp.Symbol(f"bb{i}{j}", real=True))
_A2 = sp.Matrix(_rD, _nD, lambda i, j: sp.Symbol(f"aa{i}{j}", real=True))
_DD = {s: S.real(0, 2) for m in (_Wd, _B1, _A1, _B2, _A2) for s in m}


def _g(B, A):
    return sp.Rational(1, 2) * (_Wd - B * A).trace() ** 2


def _gradB266(B, A):
    return -(_Wd - B * A).trace() * A.T


def _gradA265(B, A):
    return -(_Wd - B * A).trace() * B.T


def _full_grad(B, A, Bs, As):
    """The gradient of g at (B, A) as one vector over all entries of (B, A) (sympy differentiation)."""
    expr = _g(B, A)
    return [sp.diff(expr, s) for s in list(Bs) + list(As)]


def _check_409(ctx):
    # symbols for the generic point, then evaluated at the two points
    Bs = sp.Matrix(_nD, _rD, lambda i, j: sp.Symbol(f"B{i}{j}", real=True))
    As = sp.Matrix(_rD, _nD, lambda i, j: sp.Symbol(f"A{i}{j}", real=True))
    full = _full_grad(Bs, As, Bs, As)

    def at(B, A):
        sub = dict(zip(list(Bs) + list(As), list(B) + list(A)))
        return [e.subs(sub, simultaneous=True) for e in full]

    diff_full = [u - w for u, w in zip(at(_B1, _A1), at(_B2, _A2))]
    blocks = list(_gradB266(_B1, _A1) - _gradB266(_B2, _A2)) + list(_gradA265(_B1, _A1) - _gradA265(_B2, _A2))
    ev1 = S.check_identity(diff_full, blocks, _DD, rng=ctx.rng("409a"), name="grad g(B1,A1) - grad g(B2,A2) = "
                           "(grad_B difference, grad_A difference) entrywise, grads of (265)-(266)", timeout=8,
                           method="STEPS", scope=SCOPE)

    def fn(x):
        W0, B1, A1, B2, A2, R = x
        o = _ops(np)
        gB1, gA1 = _grads(W0, B1, A1, o)
        gB2, gA2 = _grads(W0, B2, A2, o)
        whole = np.concatenate([(gB1 - gB2).ravel(), (gA1 - gA2).ravel()])
        return np.linalg.norm(whole), np.sqrt(np.linalg.norm(gB1 - gB2) ** 2 + np.linalg.norm(gA1 - gA2) ** 2)

    def reval(x, dps):
        with _hp(x, dps):
            v = _d_lines(*x, mpmath)
            (g1, g2), (h1, h2) = v["gB"], v["gA"]
            whole = [e for M_ in (g1 - g2, h1 - h2) for e in M_]
            return mpmath.sqrt(sum(e**2 for e in whole)), mpmath.sqrt(v["432"])

    ev2 = check_equality("(409): Euclidean norm of the whole gradient difference = product norm (233) of the components",
                         _pair(), fn, ctx, revalidate=reval)
    return [ev1, ev2]


CH_D.step("(409)", "the norm of the gradient difference, written componentwise",
          Custom(_check_409, "grad g difference = (grad_B difference, grad_A difference); norms agree"),
          printed=r"\|\nabla g(B_1, A_1) - \nabla g(B_2, A_2)\| = \left\| \begin{pmatrix} \nabla_B g(B_1, A_1) - \nabla_B g(B_2, A_2), "
                  r"\nabla_A g(B_1, A_1) - \nabla_A g(B_2, A_2) \end{pmatrix} \right\| \quad (409)",
          note="symbolic n = 3, r = 2: the full gradient of g (sympy, over all entries) minus at the second point equals "
               "the pair of differences of (265)-(266); numerically, the Euclidean norm of the whole equals the product "
               "norm (233). " + DNOTE, timeout=15)
_R410 = -(_Wd - _B1 * _A1).trace() * _A1.T + (_Wd - _B2 * _A2).trace() * _A2.T
_R411 = ((_Wd - _B2 * _A2).trace() * _A2.T - (_Wd - _B1 * _A1).trace() * _A2.T + (_Wd - _B1 * _A1).trace() * _A2.T
         - (_Wd - _B1 * _A1).trace() * _A1.T)
_R412 = ((_Wd - _B2 * _A2).trace() - (_Wd - _B1 * _A1).trace()) * _A2.T + (_Wd - _B1 * _A1).trace() * (_A2.T - _A1.T)
_R413 = (_B1 * _A1 - _B2 * _A2).trace() * _A2.T + (_Wd - _B1 * _A1).trace() * (_A2.T - _A1.T)
CH_D.step("(266)→(410)", "insert the B-gradients",
          Eq(_gradB266(_B1, _A1) - _gradB266(_B2, _A2), _R410, scope=SCOPE), _DD, timeout=8,
          printed=r"\nabla_B g(B_1, A_1) - \nabla_B g(B_2, A_2) = -\text{Tr}(W_0 - B_1 A_1) A_1^T + \text{Tr}(W_0 - B_2 A_2) A_2^T \quad (410)",
          note="(266) as printed: grad_B g(B, A) = -Tr(W0 - BA) A^T; explicit symbolic matrices n = 3, r = 2")
CH_D.step("(410)→(411)", "add and subtract Tr(W0−B1A1)A2^T", Eq(_R410, _R411, scope=SCOPE), _DD, timeout=8,
          printed=r"= \text{Tr}(W_0 - B_2 A_2) A_2^T - \text{Tr}(W_0 - B_1 A_1) A_2^T + \text{Tr}(W_0 - B_1 A_1) A_2^T - "
                  r"\text{Tr}(W_0 - B_1 A_1) A_1^T \quad (411)", note="explicit symbolic matrices n = 3, r = 2")
CH_D.step("(411)→(412)", "group terms", Eq(_R411, _R412, scope=SCOPE), _DD, timeout=8,
          printed=r"= \left[ \text{Tr}(W_0 - B_2 A_2) - \text{Tr}(W_0 - B_1 A_1) \right] A_2^T + \text{Tr}(W_0 - B_1 A_1) "
                  r"(A_2^T - A_1^T) \quad (412)", note="explicit symbolic matrices n = 3, r = 2")
CH_D.step("(412)→(413)", "Tr(W0−B2A2) − Tr(W0−B1A1) = Tr(B1A1 − B2A2)", Eq(_R412, _R413, scope=SCOPE), _DD, timeout=8,
          printed=r"= \left[ \text{Tr}(B_1 A_1 - B_2 A_2) \right] A_2^T + \text{Tr}(W_0 - B_1 A_1) (A_2^T - A_1^T) \quad (413)",
          note="explicit symbolic matrices n = 3, r = 2")
CH_D.step("(413)→(414)", "take norms", _dstep("lhsB", 414, "eq", r"\|\nabla_B g(B_1,A_1)-\nabla_B g(B_2,A_2)\| = (414)"),
          printed=r"\|\nabla_B g(B_1, A_1) - \nabla_B g(B_2, A_2)\| = \left\| \left[ \text{Tr}(B_1 A_1 - B_2 A_2) \right] A_2^T + "
                  r"\text{Tr}(W_0 - B_1 A_1) (A_2^T - A_1^T) \right\| \quad (414)",
          note="lhs: Frobenius norm of the difference of the gradients (266); rhs: the printed (414). " + DNOTE, timeout=10)
_D_STEPS = [
    (414, 415, "le", "triangle inequality",
     r"\leq \left\| \left[ \text{Tr}(B_1 A_1 - B_2 A_2) \right] A_2^T \right\| + \left\| \text{Tr}(W_0 - B_1 A_1) (A_2^T - A_1^T) \right\| \quad (415)"),
    (415, 416, "eq", "pull out the scalar traces",
     r"= |\text{Tr}(B_1 A_1 - B_2 A_2)| \|A_2^T\| + |\text{Tr}(W_0 - B_1 A_1)| \|A_2^T - A_1^T\| \quad (416)"),
    (416, 417, "eq", "add and subtract B1A2 inside the trace",
     r"= |\text{Tr}(B_1 A_1 - B_1 A_2 + B_1 A_2 - B_2 A_2)| \|A_2^T\| + |\text{Tr}(W_0 - B_1 A_1)| \|A_2^T - A_1^T\| \quad (417)"),
    (417, 418, "eq", "factor",
     r"= \left| \text{Tr} \left( B_1 (A_1 - A_2) + (B_1 - B_2) A_2 \right) \right| \|A_2^T\| + |\text{Tr}(W_0 - B_1 A_1)| \|A_2^T - A_1^T\| \quad (418)"),
    (418, 419, "eq", "linearity of the trace",
     r"= \left| \text{Tr} \left( B_1 (A_1 - A_2) \right) + \text{Tr} \left( (B_1 - B_2) A_2 \right) \right| \|A_2^T\| + "
     r"|\text{Tr}(W_0 - B_1 A_1)| \|A_2^T - A_1^T\| \quad (419)"),
    (419, 420, "le", "triangle inequality for |·|, and |Tr(BA)| ≤ ‖B‖‖A‖",
     r"\leq \left( \|B_1\| \|A_1 - A_2\| + \|B_1 - B_2\| \|A_2\| \right) \|A_2^T\| + |\text{Tr}(W_0 - B_1 A_1)| \|A_2^T - A_1^T\| \quad (420)"),
    (420, 421, "le", "‖B1‖, ‖A2‖, ‖A2^T‖ ≤ R'",
     r"\leq \left( R' \|A_1 - A_2\| + \|B_1 - B_2\| R' \right) R' + |\text{Tr}(W_0 - B_1 A_1)| \|A_2^T - A_1^T\| \quad (421)"),
    (421, 422, "le", "rearrange; |Tr(W0−B1A1)| ≤ |Tr(W0)| + |Tr(B1A1)|",
     r"\leq \left( \|A_1 - A_2\| + \|B_1 - B_2\| \right) R'^2 + \left( |\text{Tr}(W_0)| + |\text{Tr}(B_1 A_1)| \right) \|A_2^T - A_1^T\| \quad (422)"),
    (422, 423, "le", "|Tr(B1A1)| ≤ ‖B1‖‖A1‖",
     r"\leq \left( \|A_1 - A_2\| + \|B_1 - B_2\| \right) R'^2 + \left( |\text{Tr}(W_0)| + \|B_1\| \|A_1\| \right) \|A_2^T - A_1^T\| \quad (423)"),
    (423, 424, "le", "≤ R'^2",
     r"\leq \left( \|A_1 - A_2\| + \|B_1 - B_2\| \right) R'^2 + \left( |\text{Tr}(W_0)| + R'^2 \right) \|A_2^T - A_1^T\| \quad (424)"),
    (424, 425, "eq", "collect the ‖A1−A2‖ terms, using ‖A^T‖ = ‖A‖",
     r"= \|B_1 - B_2\| R'^2 + \left( |\text{Tr}(W_0)| + 2R'^2 \right) \|A_2 - A_1\| \quad (425)"),
    (425, 426, "le", "R'^2 ≤ |Tr(W0)| + 2R'^2",
     r"\leq \|B_1 - B_2\| \left( |\text{Tr}(W_0)| + 2R'^2 \right) + \left( |\text{Tr}(W_0)| + 2R'^2 \right) \|A_2 - A_1\| \quad (426)"),
    (426, 427, "eq", "factor",
     r"= \left( |\text{Tr}(W_0)| + 2R'^2 \right) \left( \|B_1 - B_2\| + \|A_1 - A_2\| \right) \quad (427)"),
    (427, 428, "le", "a + b ≤ √2 √(a²+b²) (Cauchy–Schwarz on R²)",
     r"\leq \sqrt{2} \left( |\text{Tr}(W_0)| + 2R'^2 \right) \left( \|B_1 - B_2\|^2 + \|A_1 - A_2\|^2 \right)^{1/2} \quad (428)"),
]
for lo, hi, kind, op, printed in _D_STEPS:
    CH_D.step(f"({lo})→({hi})", op, _dstep(lo, hi, kind), printed=printed, note=DNOTE, timeout=10)


def _check_429(ctx):
    return [_prop_ev("(429) right side = (428) right side", 428, 429, "eq", ctx),
            _prop_ev("(429): ||grad_B g(B1,A1) - grad_B g(B2,A2)|| <= right side", "lhsB", 429, "le", ctx)]


CH_D.step("(428)→(429)", "restate", Custom(_check_429, "(429) = (414)-left side <= (428)-right side"),
          printed=r"\|\nabla_B g(B_1, A_1) - \nabla_B g(B_2, A_2)\| \leq \sqrt{2} \left( |\text{Tr}(W_0)| + 2R'^2 \right) "
                  r"\left( \|B_1 - B_2\|^2 + \|A_1 - A_2\|^2 \right)^{1/2} \quad (429)",
          note="agreement with the lines it restates: its right side is (428)'s, its left side (414)'s; and the combined "
               "inequality. " + DNOTE, timeout=10)


def _check_430(ctx):
    return [_prop_ev("(430) right side = (429) right side squared, with L := 2(|Tr W0| + 2R'^2)", "429^2", "430", "eq", ctx),
            _prop_ev("(430): ||grad_B difference||^2 <= (1/2) L^2 (...)", "lhsB_sq", "430", "le", ctx)]


CH_D.step("(429)→(430)", "define L_{R'} via (1/√2)L_{R'} := √2(|Tr(W0)| + 2R'^2) and square",
          Custom(_check_430, "(429)^2 with L_{R'} = 2(|Tr W0| + 2R'^2) is (430)"),
          printed=r"\|\nabla_B g(B_1, A_1) - \nabla_B g(B_2, A_2)\|^2 \leq \frac{1}{2} L_{R'}^2 \left( \|B_1 - B_2\|^2 + "
                  r"\|A_1 - A_2\|^2 \right) \quad (430)",
          note="L_{R'} = sqrt2 * sqrt2 (|Tr W0| + 2R'^2) from the printed definition. " + DNOTE, timeout=10)


def _check_431(ctx):
    # the mirror's (414) left side against the A-gradient difference at the original point
    def fn(x):
        return _d_lines(*_mirror(x), np)["lhsB"], _d_lines(*x, np)["lhsA"]

    def reval(x, dps):
        with _hp(x, dps):
            return _d_lines(*_mirror(x), mpmath)["lhsB"], _d_lines(*x, mpmath)["lhsA"]

    out = [check_equality("A-calculation: ||grad_A g(B1,A1) - grad_A g(B2,A2)|| = (414)-left side at (A^T, B^T, W0^T)",
                            _pair(), fn, ctx, revalidate=reval, examples=60)]
    seq = ["lhsB", 414, 415, 416, 417, 418, 419, 420, 421, 422, 423, 424, 425, 426, 427, 428]
    kinds = {(lo, hi): kind for lo, hi, kind, _, _ in _D_STEPS}
    kinds[("lhsB", 414)] = "eq"
    rels = list(zip(seq, seq[1:]))

    def worst(v, tiny):
        """The largest relative violation over the mirrored relations (<= 0 when every one holds)."""
        out_ = []
        for lo, hi in rels:
            l_, r_ = v[lo], v[hi]
            sc = max(abs(l_), abs(r_), tiny)
            out_.append((l_ - r_) / sc if kinds[(lo, hi)] == "le" else abs(l_ - r_) / sc)
        return max(out_)

    def fn_all(x):
        return worst(_d_lines(*_mirror(x), np), 1e-300), 0.0

    def reval_all(x, dps):
        with _hp(x, dps):
            return worst(_d_lines(*_mirror(x), mpmath), mpmath.mpf(10) ** (-dps)), mpmath.mpf(0)

    out.append(check_inequality("A-calculation: every mirrored relation (414)'-(428)' (lhsB=, 414<=415, 415=416, ..., "
                                "427<=428): largest relative violation <= 1e-12", _pair(), fn_all, ctx,
                                revalidate=reval_all, tol_ratio=0.0, atol=1e-12,
                                tolerance_reason="each relation's relative violation (lhs - rhs)/max(|lhs|,|rhs|) (|.| for "
                                                 "'=') must be <= 1e-12 at float64; violations re-evaluated at >= 30 digits"))
    out.append(_prop_ev("(431): ||grad_A difference||^2 <= (1/2) L^2 (||B1-B2||^2 + ||A1-A2||^2)", "lhsA_sq", "430", "le", ctx))
    return out


CH_D.step("→(431)", "identical calculation for the A-gradients",
          Custom(_check_431, "the lines (414)-(428) for grad_A (carried out), then (431)"),
          printed=r"\|\nabla_A g(B_1, A_1) - \nabla_A g(B_2, A_2)\|^2 \leq \frac{1}{2} L_{R'}^2 \left( \|B_1 - B_2\|^2 + "
                  r"\|A_1 - A_2\|^2 \right) \quad (431)",
          note="the identical calculation carried out: grad_A g(B,A) = -Tr(W0-BA)B^T is the transpose of the B-gradient "
               "of g'(B',A') = (1/2)Tr^2(W0^T - B'A') at (B',A') = (A^T,B^T), a map that preserves D_{R'}, |Tr W0| and every "
               "norm; so the A-lines are the B-lines (414)-(428) at the mapped pair ((414)' expands to "
               "[Tr(B1A1-B2A2)]B2^T + Tr(W0-B1A1)(B2^T-B1^T), (417)' adds and subtracts B2A1, ...). Checked: the map, "
               "each mirrored consecutive relation, and (431). " + DNOTE, timeout=40)


def _check_432_433(ctx):
    Lsym, Dsym = sp.symbols("L D", positive=True)
    return [
        _prop_ev("(432): ||grad g difference||^2 = ||grad_B diff||^2 + ||grad_A diff||^2 (product norm (233))",
                 "whole_sq", "432", "eq", ctx),
        S.check_identity(Lsym**2 / 2 * Dsym + Lsym**2 / 2 * Dsym, Lsym**2 * Dsym,
                         {Lsym: S.positive(0.01, 100), Dsym: S.positive(0.01, 100)}, rng=ctx.rng("433"),
                         name="(430) + (431) right sides = (433) right side", method="STEPS", complete=False),
        _prop_ev("(432) <= (433)", "432", "433", "le", ctx),
    ]


CH_D.step("(430)+(431)→(432)–(433)", "add", Custom(_check_432_433, "(432) = (430)-lhs + (431)-lhs <= (433)"),
          printed=r"\|\nabla g(B_1, A_1) - \nabla g(B_2, A_2)\|^2 = \|\nabla_B g(B_1, A_1) - \nabla_B g(B_2, A_2)\|^2 + "
                  r"\|\nabla_A g(B_1, A_1) - \nabla_A g(B_2, A_2)\|^2 \ (432) \leq L_{R'}^2 \left( \|B_1 - B_2\|^2 + "
                  r"\|A_1 - A_2\|^2 \right) \ (433)", note=DNOTE, timeout=15)
CH_D.step("(433)→(434)", "product-norm notation", _dstep("433", "434", "eq", r"(433) = L^2 \|\theta_1-\theta_2\|^2"),
          printed=r"= L_{R'}^2 \left\| \begin{pmatrix} B_1 \\ A_1 \end{pmatrix} - \begin{pmatrix} B_2 \\ A_2 \end{pmatrix} \right\|^2 \quad (434)",
          note="||(B1;A1) - (B2;A2)|| computed as the Euclidean norm of all entries of (B1-B2, A1-A2), i.e. (233). " + DNOTE,
          timeout=10)


def _check_435(ctx):
    Lsym, Dsym = sp.symbols("L D", positive=True)
    return [
        S.check_identity(sp.sqrt(Lsym**2 * Dsym**2), Lsym * Dsym, {Lsym: S.positive(0.01, 100), Dsym: S.positive(0.01, 100)},
                         rng=ctx.rng("435"), name="sqrt(L^2 ||dtheta||^2) = L ||dtheta|| (L > 0)", method="STEPS",
                         complete=False),
        _prop_ev("(435): ||grad g difference|| <= L ||theta1 - theta2||", "whole", "435", "le", ctx),
    ]


CH_D.step("(434)→(435)", "square root", Custom(_check_435, "square root of (434); (435) itself"),
          printed=r"\|\nabla g(B_1, A_1) - \nabla g(B_2, A_2)\| \leq L_{R'} \left\| \begin{pmatrix} B_1 \\ A_1 \end{pmatrix} - "
                  r"\begin{pmatrix} B_2 \\ A_2 \end{pmatrix} \right\| \quad (435)", note=DNOTE, timeout=10)


def _d_lines(W0, B1, A1, B2, A2, R, lib):
    """The line table of ``_d_lines_base`` plus the quantities of (409), (432)-(435)."""
    v = _d_lines_base(W0, B1, A1, B2, A2, R, lib)
    sqrt = np.sqrt if lib is np else mpmath.sqrt
    (g1, g2), (h1, h2) = v["gB"], v["gA"]
    if lib is np:
        whole_sq = float(np.sum(np.concatenate([(g1 - g2).ravel(), (h1 - h2).ravel()]) ** 2))
        dtheta_sq = float(np.sum(np.concatenate([(B1 - B2).ravel(), (A1 - A2).ravel()]) ** 2))
    else:
        whole_sq = sum((e**2 for M_ in (g1 - g2, h1 - h2) for e in M_), mpmath.mpf(0))
        B1m, B2m, A1m, A2m = (_mp(M_) for M_ in (B1, B2, A1, A2))
        dtheta_sq = sum((e**2 for M_ in (B1m - B2m, A1m - A2m) for e in M_), mpmath.mpf(0))
    v["lhsB_sq"] = v["lhsB"] ** 2
    v["lhsA_sq"] = v["lhsA"] ** 2
    v["whole_sq"] = whole_sq
    v["whole"] = sqrt(whole_sq)
    v["434"] = v["L"] ** 2 * dtheta_sq
    v["435"] = v["L"] * sqrt(dtheta_sq)
    return v


@CH_D.end_result("Lemma D.1 (408): ||grad g(B1,A1) - grad g(B2,A2)|| <= L_{R'} ||theta1 - theta2||, L_{R'} = 2(|Tr W0| + 2R'^2)")
def _d_end(ctx):
    return _prop_ev("Lemma D.1 with the proof's constant", "whole", "435", "le", ctx)
