"""App. E, solution of the IVP (436)-(438) for a(t): claims [130]-[150] of the index.

Conventions (TC-7, TC-17):

* ``x2 = ||X0||^2 > 0``, ``C = |c| > 0``; the sign ``eps = sgn(c)`` is handled as two explicit
  cases, so that ``|c|`` and ``sgn(c)`` are plain symbols and sympy can decide.
* quantities whose sign the text tracks (a, v) are written ``sigma * A`` / ``sigma * V`` with
  ``A, V > 0`` and both signs ``sigma = +-1`` checked separately.
* derivation lines with derivatives of an unknown function are checked with sympy functions
  (chain rule) or with the derivatives replaced by free symbols (a step "substitute" or
  "rearrange" is then an identity between the residuals of the two printed lines).
* kappa_1 is a free symbol where the text still treats it as an integration constant and
  ``x2**2 + 4 c**2`` (463) where the text has already fixed it.
* numeric trajectories: TC-1 instances (Y0 = 0, both signs of c), flow (26)-(27) integrated at
  working precision with a carried as a state (``tracesq.lora_flow``); a' is the chain rule
  applied to the field, -Tr(Y'X + YX'), never a formula of App. E.
"""
from __future__ import annotations

import mpmath
import sympy as sp

from verify import Evidence, claim
from verify import symbolic as S
from verify.numeric import compare_cases

from . import PAPER
from . import tracesq as M
from .trace_main import _msyms, _real_domain

SEC = "App. E"
ASSUME = (r"$c=\mathrm{Tr}(W_0)\ne0$, $X_0\ne0$, $Y_0=0$; $a(t)\ne0$ during training (Remark C.6); "
          r"$t\in[0,T]$.")
ODE_DIGITS = 20
ODE_REASON = "index tolerance for mpmath integration: 1e-20 relative (30-digit integration leaves 10 digits of margin)"
SCALED_K = (0.1, 0.5, 1, 2, 5, 10)  # comparison times t = k / sqrt(kappa1)

x2, C, t = M.x2, M.C, M.t
A = sp.Symbol("A", positive=True)  # |a|
V = sp.Symbol("V", positive=True)  # |v|
K = sp.Symbol("K", positive=True)  # kappa_1 - 4 c^2 > 0 (free kappa_1)
k1s = sp.Symbol("kappa1", positive=True)  # kappa_1 as a free constant of integration
w = sp.Symbol("w", real=True)
SIG = (1, -1)

DOM_XC = {x2: S.positive(0.05, 30.0), C: S.positive(0.05, 10.0)}


def _c(eps):
    return eps * C


def _k1(eps):  # (463)
    return x2**2 + 4 * _c(eps) ** 2


def _R(a, c, k1):
    return 4 * a**2 - 8 * c * a + k1


def _ident(ctx, lhs, rhs, dom, tag, name, **kw):
    kw.setdefault("timeout", 8)
    return S.check_identity(lhs, rhs, dom, rng=ctx.rng(tag), name=name, **kw)


# ============================================================================ numeric trajectories
def _aprime(Y, X, a):
    """a' by the chain rule applied to the field (26)-(27): -Tr(Y'X + YX'), Y' = a X^T, X' = a Y^T."""
    dY, dX = a * X.T, a * Y.T
    return -(M.mtrace(dY * X) + M.mtrace(Y * dX))


def _times(inst):
    """Comparison times k / sqrt(kappa1), k in SCALED_K: the flow's own time scale (a decays like
    e^{-sqrt(kappa1) t}), so that every instance is sampled from the start to deep into the decay."""
    k1, _ = M.kappas(inst.x2, inst.c)
    return [mpmath.mpf(k) / mpmath.sqrt(k1) for k in SCALED_K]


def _flow_cases(ctx, tag, pairs_fn, count=None):
    """TC-1 instances with Y0 = 0, alternating sgn(c); ``pairs_fn(inst, res, i, tv)`` -> list of pairs."""
    cases = []
    for inst in M.instances(ctx.rng(tag), count or ctx.profile.cases):
        def compute(dps, inst=inst):
            times = _times(inst)
            res = M.lora_flow(inst, times, dps)
            out = []
            for i, tv in enumerate(times):
                out.extend(pairs_fn(inst, res, i, tv))
            return out
        cases.append((inst.describe(), compute))
    return cases


def _flow_compare(ctx, tag, name, pairs_fn, floor=None, min_digits=ODE_DIGITS, reason=ODE_REASON):
    return compare_cases(name, _flow_cases(ctx, tag, pairs_fn), dps=ctx.dps, min_digits=min_digits,
                         tolerance_reason=reason, floor=floor)


# ============================================================================ matrix-level helpers
def _flow_derivative(f, Y, X, W0):
    """Directional derivative of f(Y, X) along (26)-(27)."""
    a = (W0 - Y * X).trace()
    dY, dX = a * X.T, a * Y.T
    return sum(sp.diff(f, Y[i, j]) * dY[i, j] for i in range(Y.rows) for j in range(Y.cols)) + \
        sum(sp.diff(f, X[i, j]) * dX[i, j] for i in range(X.rows) for j in range(X.cols))


SHAPES = ((2, 1), (3, 2))


# ============================================================================ [130]
@claim(PAPER, id="[130]", label="App E (436)–(438)", section=SEC, equations=[436, 437, 438, 309, 310, 311, 312],
       methods=["SYM"],
       statement=r"a''(t)=\frac{(a'(t))^2}{a(t)}+4a^3(t)-4ca^2(t)\ (436),\quad a(0)=\mathrm{Tr}(W_0):=c\ (437),\quad "
                 r"a'(0)=-\mathrm{Tr}(W_0)\|X_0\|^2:=-c\|X_0\|^2\ (438)\ \text{for } t\in[0,T], \text{ where } T>0 "
                 r"\text{ is given in Appendix C.}",
       assumptions=ASSUME, title="the IVP for a(t) = Tr(W0 - YX)")
def e130(ctx):
    out = []
    for n, r in SHAPES:
        W0, Y, X = _msyms("w", n, n), _msyms("y", n, r), _msyms("x", r, n)
        a = (W0 - Y * X).trace()
        c = W0.trace()
        ap = _flow_derivative(a, Y, X, W0)
        app = _flow_derivative(ap, Y, X, W0)
        dom = _real_domain(W0, Y, X)
        out.append(_ident(ctx, app, ap**2 / a + 4 * a**3 - 4 * c * a**2, dom, f"ode{n}{r}",
                          f"n={n}, r={r}: (436) for a = Tr(W0 - YX) along (26)-(27) (a'' by the chain rule, a != 0)",
                          scope="n=2, r=1 and n=3, r=2", timeout=20))
        # (437)-(438) with Y0 = 0 (and (310)-(312))
        sub0 = {Y[i, j]: 0 for i in range(n) for j in range(r)}
        dom0 = _real_domain(W0, X)
        out.append(_ident(ctx, [a.subs(sub0), ap.subs(sub0)], [c, -c * (X * X.T).trace()], dom0, f"ic{n}{r}",
                          f"n={n}, r={r}: a(0) = Tr W0 = c (437), a'(0) = -c ||X0||^2 (438) with Y0 = 0",
                          scope="n=2, r=1 and n=3, r=2"))
    return out


# ============================================================================ [131]
aa, cc = sp.symbols("a c", real=True)
U = sp.Function("U")
Yf = sp.Function("y")
u_s, du_s, y_s, dy_s = sp.symbols("u du y dy", real=True)
DOM_AUC = {aa: S.nonzero(), cc: S.nonzero(), u_s: S.real(0, 5), du_s: S.real(0, 5), y_s: S.real(0, 5),
           dy_s: S.real(0, 5)}


def _freeze(expr):
    """U(a) -> u, U'(a) -> du, y(a) -> y, y'(a) -> dy (derivative first)."""
    expr = sp.sympify(expr).doit()
    expr = expr.subs({sp.Derivative(U(aa), aa): du_s, sp.Derivative(Yf(aa), aa): dy_s})
    return expr.subs({U(aa): u_s, Yf(aa): y_s})


def res436_in_u():  # (436) with a' = u, a'' = u du/da, as a residual
    return du_s * u_s - (u_s**2 / aa + 4 * aa**3 - 4 * cc * aa**2)


@claim(PAPER, id="[131]", label="App E (439)–(445)", section=SEC, equations=list(range(439, 446)),
       methods=["SYM", "STEPS"],
       statement=r"a''(t)=\frac{d^2a}{dt^2}=\frac{du}{da}\frac{da}{dt}=\frac{du}{da}\cdot u\ (439);\quad "
                 r"u\frac{du}{da}=\frac{u^2}a+4a^3-4ca^2\ (440);\quad \frac{dy}{da}=2u\frac{du}{da}\ (441);\quad "
                 r"\frac12\frac{dy}{da}=u\frac{du}{da}\ (442);\quad \frac12\frac{dy}{da}=\frac ya+4a^3-4ca^2\ (443);\quad "
                 r"\frac{dy}{da}=\frac{2y}a+8a^3-8ca^2\ (444);\quad \frac{dy}{da}-\frac{2y}{a}=8a^3-8ca^2\quad(445)",
       assumptions=ASSUME, title="reduction of order, y = u^2")
def e131(ctx):
    tt = sp.Symbol("tau", real=True)
    Af = sp.Function("A")
    out = []
    # (439): a(t) = A(t), a'(t) = U(A(t)) => a'' = U'(A) U(A)
    app = sp.diff(U(Af(tt)), tt).subs(sp.Derivative(Af(tt), tt), U(Af(tt))).doit()
    rhs439 = (sp.diff(U(aa), aa) * U(aa)).subs(aa, Af(tt)).doit()
    ok = sp.simplify(app - rhs439) == 0
    out.append(Evidence("STEPS", "proved" if ok else "inconclusive",
                        "(439): with a' = U(a(t)), d/dt U(a(t)) = U'(a) a' = U'(a) U (sympy chain rule, exact)"
                        if ok else "(439): sympy did not reduce the chain-rule difference to 0",
                        exact=ok, part="(439)"))
    # (436) -> (440): substitute a' = u, a'' = u du/da; the printed (440) residual
    res440 = u_s * du_s - (u_s**2 / aa + 4 * aa**3 - 4 * cc * aa**2)
    out.append(_ident(ctx, res436_in_u(), res440, DOM_AUC, "440", "(436) with a'=u, a''=u du/da is (440)"))
    # (441)-(442): y = U^2
    y_of_u = U(aa) ** 2
    out.append(_ident(ctx, _freeze(sp.diff(y_of_u, aa)), _freeze(2 * U(aa) * sp.diff(U(aa), aa)), DOM_AUC, "441",
                      "(441): d(U^2)/da = 2 U dU/da"))
    out.append(_ident(ctx, _freeze(sp.Rational(1, 2) * sp.diff(y_of_u, aa)), _freeze(U(aa) * sp.diff(U(aa), aa)),
                      DOM_AUC, "442", "(442): (1/2) dy/da = u du/da"))
    # (440) -> (443): the residual of (443) with y = u^2, dy = 2 u du equals the residual of (440)
    res443 = sp.Rational(1, 2) * dy_s - (y_s / aa + 4 * aa**3 - 4 * cc * aa**2)
    out.append(_ident(ctx, res443.subs({dy_s: 2 * u_s * du_s, y_s: u_s**2}), res440, DOM_AUC, "443",
                      "(440) -> (443): residual(443)|_{y=u^2, dy=2u du} = residual(440)"))
    res444 = dy_s - (2 * y_s / aa + 8 * aa**3 - 8 * cc * aa**2)
    out.append(_ident(ctx, res444, 2 * res443, DOM_AUC, "444", "(443) -> (444): residual(444) = 2 residual(443)"))
    res445 = (dy_s - 2 * y_s / aa) - (8 * aa**3 - 8 * cc * aa**2)
    out.append(_ident(ctx, res445, res444, DOM_AUC, "445", "(444) -> (445): residual(445) = residual(444)"))
    return out


# ============================================================================ [132]
def _matrix_first_integral(ctx, tag) -> list[Evidence]:
    """Along (26)-(27): S := Tr(X^T X + Y Y^T) = -a'/a; I := S^2 - 4a^2 + 8ca is conserved and equals
    ||X0||^4 + 4c^2 at Y0 = 0; hence (a'/a)^2 = 4a^2 - 8ca + kappa_1 with kappa_1 from (463)."""
    out = []
    for n, r in SHAPES:
        W0, Y, X = _msyms("w", n, n), _msyms("y", n, r), _msyms("x", r, n)
        a, c = (W0 - Y * X).trace(), W0.trace()
        Sx = (X.T * X + Y * Y.T).trace()
        ap = _flow_derivative(a, Y, X, W0)
        I = Sx**2 - 4 * a**2 + 8 * c * a
        dom = _real_domain(W0, Y, X)
        out.append(_ident(ctx, [ap, _flow_derivative(I, Y, X, W0)], [-a * Sx, 0], dom, f"{tag}{n}{r}",
                          f"n={n}, r={r}: a' = -a Tr(X^TX+YY^T) and d/dt[Tr(X^TX+YY^T)^2 - 4a^2 + 8ca] = 0 along (26)-(27)",
                          scope="n=2, r=1 and n=3, r=2", timeout=20))
        sub0 = {Y[i, j]: 0 for i in range(n) for j in range(r)}
        x2m = (X * X.T).trace()
        out.append(_ident(ctx, I.subs(sub0), x2m**2 + 4 * c**2, _real_domain(W0, X), f"{tag}0{n}{r}",
                          f"n={n}, r={r}: the conserved quantity at Y0 = 0 equals ||X0||^4 + 4c^2 = kappa_1 (463)",
                          scope="n=2, r=1 and n=3, r=2"))
    return out


def _first_integral_ode(ctx, tag) -> Evidence:
    def pairs(inst, res, i, tv):
        Y, X, a = res.y["Y"][i], res.y["X"][i], res.y["a"][i]
        c, k1 = inst.c, inst.x2**2 + 4 * inst.c**2  # (463)
        return [(f"(a'/a)^2 vs 4a^2-8ca+kappa1 at t={float(tv):g}", (_aprime(Y, X, a) / a) ** 2, _R(a, c, k1))]
    return _flow_compare(ctx, tag, "(451)/(456) along integrated (26)-(27), kappa1 from (463)", pairs)


@claim(PAPER, id="[132]", label="App E (446)–(451)", section=SEC, equations=list(range(446, 452)),
       methods=["SYM", "ODE", "STEPS"],
       statement=r"\text{By Remark (C.6) in Appendix C, we have that } a(t)\ne0 \text{ during training. \ldots we can divide both sides of (445) by } a^2:\ "
                 r"\frac{1}{a^2}\frac{dy}{da}-\frac{2}{a^3}y=8a-8c\ (446);\ \frac{d}{da}\left[\frac y{a^2}\right]=8a-8c\ (447);\ "
                 r"\int\frac{d}{da}\left[\frac y{a^2}\right]da=\int 8a-8c\,da\ (448);\ \frac y{a^2}=4a^2-8ca+\kappa_1\ (449);\ "
                 r"y=a^2(4a^2-8ca+\kappa_1)\ (450);\ u^2=a^2(4a^2-8ca+\kappa_1)\ (451)",
       assumptions=ASSUME, title="first integral")
def e132(ctx):
    out = []
    res445 = (dy_s - 2 * y_s / aa) - (8 * aa**3 - 8 * cc * aa**2)
    res446 = (dy_s / aa**2 - 2 * y_s / aa**3) - (8 * aa - 8 * cc)
    out.append(_ident(ctx, res446, res445 / aa**2, DOM_AUC, "446", "(445) -> (446): residual(446) = residual(445)/a^2"))
    out.append(_ident(ctx, _freeze(sp.diff(Yf(aa) / aa**2, aa)), _freeze(sp.diff(Yf(aa), aa) / aa**2 - 2 * Yf(aa) / aa**3),
                      DOM_AUC, "447", "(446) -> (447): d/da[y/a^2] = y'/a^2 - 2y/a^3"))
    dom_k = {aa: S.nonzero(), cc: S.nonzero(), k1s: S.positive(0.01, 100)}
    out.append(_ident(ctx, sp.diff(4 * aa**2 - 8 * cc * aa + k1s, aa), 8 * aa - 8 * cc, dom_k, "448",
                      "(448) -> (449): d/da of the right side of (449) is 8a - 8c, for every constant kappa1"))
    y449 = aa**2 * (4 * aa**2 - 8 * cc * aa + k1s)  # (450)
    out.append(_ident(ctx, sp.diff(y449, aa) - 2 * y449 / aa, 8 * aa**3 - 8 * cc * aa**2, dom_k, "sol",
                      "(449)-(450) solve (445) for every constant kappa1"))
    out.append(_ident(ctx, y449 / aa**2, 4 * aa**2 - 8 * cc * aa + k1s, dom_k, "450", "(449) <-> (450): multiply by a^2"))
    out.extend(_matrix_first_integral(ctx, "fi"))
    out.append(_first_integral_ode(ctx, "ode"))
    return out


# ============================================================================ [133]
@claim(PAPER, id="[133]", label="App E (452)–(453)", section=SEC, equations=[452, 453], methods=["SYM"],
       statement=r"u=\pm a\sqrt{4a^2-8ca+\kappa_1}\ (452),\quad a'=\pm a\sqrt{4a^2-8ca+\kappa_1}\ (453)",
       assumptions=ASSUME, title="square root of the first integral")
def e133(ctx):
    out = []
    lhs, rhs = [], []
    for eps in SIG:
        c = _c(eps)
        k1 = 4 * c**2 + K
        for sg in SIG:
            a = sg * A
            for pm in SIG:
                lhs.append((pm * a * sp.sqrt(_R(a, c, k1))) ** 2)
                rhs.append(a**2 * _R(a, c, k1))
    dom = {A: S.positive(1e-3, 50), C: S.positive(0.05, 10), K: S.positive(1e-3, 100)}
    out.append(_ident(ctx, lhs, rhs, dom, "sq",
                      "both signs of c and of a, both branches +-: (452)/(453) squared is (451), i.e. they are the square roots of (451)",
                      complete=True))
    # the branches exhaust the roots: |a'| = |a| sqrt(R) along trajectories (kappa1 from (463))
    def pairs(inst, res, i, tv):
        Y, X, a = res.y["Y"][i], res.y["X"][i], res.y["a"][i]
        k1 = inst.x2**2 + 4 * inst.c**2
        return [(f"|a'| vs |a| sqrt(R) at t={float(tv):g}", abs(_aprime(Y, X, a)), abs(a) * mpmath.sqrt(_R(a, inst.c, k1)))]
    out.append(_flow_compare(ctx, "ode", "(453) up to sign along integrated (26)-(27)", pairs))
    return out


# ============================================================================ [134]
@claim(PAPER, id="[134]", label="Remark E.1", section=SEC, equations=[454, 455, 456], methods=["SYM", "PROP"],
       statement=r"\text{From (453), we have } a'=\pm a\sqrt{4a^2-8ca+\kappa_1}\ (454),\ \pm\frac{a'}a=\sqrt{4a^2-8ca+\kappa_1}\ (455),\ "
                 r"\left(\frac{a'}a\right)^2=4a^2-8ca+\kappa_1\ (456).\ \text{Thus, } 4a^2-8ca+\kappa_1\ge0.",
       assumptions=ASSUME, title="radicand is non-negative")
def e134(ctx):
    out = []
    lhs, rhs = [], []
    for eps in SIG:
        c = _c(eps)
        k1 = 4 * c**2 + K
        for sg in SIG:
            a = sg * A
            for pm in SIG:
                ap = pm * a * sp.sqrt(_R(a, c, k1))  # (454)
                lhs += [pm * ap / a, (ap / a) ** 2]  # (455), (456)
                rhs += [sp.sqrt(_R(a, c, k1)), _R(a, c, k1)]
        # the conclusion for every real a, kappa1 from (463): completed square 4(a-c)^2 + ||X0||^4 >= ||X0||^4 > 0
        lhs.append(_R(aa, c, _k1(eps)))
        rhs.append(4 * (aa - c) ** 2 + x2**2)
    dom = {A: S.positive(1e-3, 50), C: S.positive(0.05, 10), K: S.positive(1e-3, 100), aa: S.real(0, 50),
           x2: S.positive(0.05, 30.0)}
    out.append(_ident(ctx, lhs, rhs, dom, "all",
                      "both signs of c and a, both branches: (454) -> (455) (same sign) -> (456); and "
                      "4a^2-8ca+kappa1 = 4(a-c)^2 + ||X0||^4 >= ||X0||^4 > 0 for every real a (kappa1 from (463))",
                      complete=True))
    disc = sp.expand((8 * C) ** 2 - 4 * 4 * (x2**2 + 4 * C**2))
    ok = disc == -16 * x2**2
    out.append(Evidence("SYM", "proved" if ok else "inconclusive",
                        f"discriminant of 4a^2 - 8ca + kappa1 (kappa1 = ||X0||^4 + 4c^2) is {disc} < 0: no real root",
                        exact=ok, part="discriminant"))

    def pairs(inst, res, i, tv):
        a = res.y["a"][i]
        k1 = inst.x2**2 + 4 * inst.c**2
        Rv = _R(a, inst.c, k1)
        # R - ||X0||^4 = 4(a-c)^2 >= 0: compare min(R - ||X0||^4, 0) with 0
        return [(f"min(R - ||X0||^4, 0) at t={float(tv):g}", min(Rv - inst.x2**2, 0) / k1, mpmath.mpf(0))]
    out.append(_flow_compare(ctx, "ode", "radicand >= ||X0||^4 > 0 along integrated (26)-(27)", pairs, floor=1.0))
    return out


# ============================================================================ [135]
@claim(PAPER, id="[135]", label="App E (457)–(458)", section=SEC, equations=[457, 458, 289], methods=["SYM", "ODE"],
       statement=r"\text{From (289) in Appendix C, we have } a'(t)=-a(t)(\|X\|^2+\|Y\|^2)\ (457).\ \text{Since } (\|X\|^2+\|Y\|^2)\ge0, "
                 r"\text{ we have that } a'(t) \text{ and } a(t) \text{ are opposite signed. Thus, (453) becomes } "
                 r"a'=-a\sqrt{4a^2-8ca+\kappa_1}\quad(458)",
       assumptions=ASSUME, title="sign selection")
def e135(ctx):
    out = []
    for n, r in SHAPES:
        W0, Y, X = _msyms("w", n, n), _msyms("y", n, r), _msyms("x", r, n)
        a = (W0 - Y * X).trace()
        frob = sum(e**2 for e in X) + sum(e**2 for e in Y)
        dom = _real_domain(W0, Y, X)
        out.append(_ident(ctx, [(X.T * X + Y * Y.T).trace(), _flow_derivative(a, Y, X, W0)], [frob, -a * frob], dom,
                          f"sym{n}{r}", f"n={n}, r={r}: Tr(X^TX+YY^T) = ||X||^2+||Y||^2 and (457) along (26)-(27)",
                          scope="n=2, r=1 and n=3, r=2"))

    def pairs(inst, res, i, tv):
        Y, X, a = res.y["Y"][i], res.y["X"][i], res.y["a"][i]
        k1 = inst.x2**2 + 4 * inst.c**2
        return [(f"a' vs (458) at t={float(tv):g}", _aprime(Y, X, a), -a * mpmath.sqrt(_R(a, inst.c, k1)))]
    out.append(_flow_compare(ctx, "ode", "(458) with kappa1 from (463) along integrated (26)-(27)", pairs))
    return out


# ============================================================================ [136]
@claim(PAPER, id="[136]", label="App E (459)–(463)", section=SEC, equations=list(range(459, 464)), methods=["SYM", "STEPS"],
       statement=r"a'(0)=-a(0)\sqrt{4a^2(0)-8ca(0)+\kappa_1}\ (459);\ -\mathrm{Tr}(W_0)\|X_0\|^2=-\mathrm{Tr}(W_0)\sqrt{4\mathrm{Tr}^2(W_0)-8c\mathrm{Tr}(W_0)+\kappa_1}\ (460);\ "
                 r"\|X_0\|^2=\sqrt{4c^2-8c^2+\kappa_1}\ (461);\ \|X_0\|^4=\kappa_1-4c^2\ (462);\ \kappa_1=\|X_0\|^4+4c^2\ (463).\ "
                 r"\text{Note that } \kappa_1>0.",
       assumptions=ASSUME, title="kappa_1 from the initial conditions")
def e136(ctx):
    out = []
    a0, ap0 = sp.symbols("a0 ap0", real=True)
    for eps in SIG:
        c = _c(eps)
        tr = c  # Tr(W0) = c (437)
        dom = {x2: S.positive(0.05, 30), C: S.positive(0.05, 10), k1s: S.positive(0.01, 400)}
        res459 = ap0 - (-a0 * sp.sqrt(4 * a0**2 - 8 * c * a0 + k1s))
        res460 = -tr * x2 - (-tr * sp.sqrt(4 * tr**2 - 8 * c * tr + k1s))
        res461 = x2 - sp.sqrt(4 * c**2 - 8 * c**2 + k1s)
        res462 = x2**2 - (k1s - 4 * c**2)
        res463 = k1s - (x2**2 + 4 * c**2)
        ic = {a0: c, ap0: -c * x2}  # (437)-(438)
        out.append(_ident(ctx, res459.subs(ic), res460, dom, f"460{eps}",
                          f"sgn c={eps:+d}: (459) with a(0)=c, a'(0)=-c||X0||^2 is (460)"))
        out.append(_ident(ctx, res460, -c * res461, dom, f"461{eps}",
                          f"sgn c={eps:+d}: (460) = -c * (461): cancel -Tr(W0) != 0"))
        out.append(_ident(ctx, x2**2 - (4 * c**2 - 8 * c**2 + k1s), res462, dom, f"462{eps}",
                          f"sgn c={eps:+d}: squaring (461) gives (462)"))
        out.append(_ident(ctx, res463, -res462, dom, f"463{eps}", f"sgn c={eps:+d}: (462) solved for kappa1 is (463)"))
        # the value (463) satisfies (461) (no spurious root from squaring) and (459) with the initial data
        k1 = _k1(eps)
        out.append(_ident(ctx, [res461.subs(k1s, k1), res459.subs(ic).subs(k1s, k1)], [0, 0], DOM_XC, f"back{eps}",
                          f"sgn c={eps:+d}: kappa1 = ||X0||^4+4c^2 satisfies (461) and (459)-(460)"))
    pos = (x2**2 + 4 * C**2).is_positive
    out.append(Evidence("SYM", "proved" if pos else "inconclusive",
                        "kappa1 = ||X0||^4 + 4c^2 > 0 for ||X0||^2 > 0 (sympy: is_positive)", exact=bool(pos),
                        part="kappa1 > 0"))
    return out


# ============================================================================ [137]
@claim(PAPER, id="[137]", label="App E (464)–(466)", section=SEC, equations=[464, 465, 466], methods=["SYM", "STEPS", "ODE"],
       statement=r"\frac{da}{dt}=-a\sqrt{4a^2-8ca+\kappa_1}\ (464);\ -\int\frac{da}{a\sqrt{4a^2-8ca+\kappa_1}}=\int dt\ (465);\ "
                 r"-\int\frac{da}{a\sqrt{4a^2-8ca+\kappa_1}}=t+\kappa_2\quad(466)",
       assumptions=ASSUME, title="separation of variables")
def e137(ctx):
    out = []
    lhs = []
    for eps in SIG:
        c = _c(eps)
        k1 = 4 * c**2 + K
        for sg in SIG:
            a = sg * A
            # d/dt[-G(a(t))] = -G'(a) a' with G' = 1/(a sqrt R) and a' from (464)
            lhs.append(-(1 / (a * sp.sqrt(_R(a, c, k1)))) * (-a * sp.sqrt(_R(a, c, k1))))
    dom = {A: S.positive(1e-3, 50), C: S.positive(0.05, 10), K: S.positive(1e-3, 100)}
    out.append(_ident(ctx, lhs, [1] * len(lhs), dom, "sep",
                      "both signs of c and a: along (464), d/dt of -int da/(a sqrt R) is 1, so it equals t + kappa2 (466)",
                      complete=True))

    # numeric: the definite form of (466), -int_{a(0)}^{a(t)} da/(a sqrt R) = t, by quadrature in log|a|
    def pairs(inst, res, i, tv):
        a_t, c = res.y["a"][i], inst.c
        k1 = inst.x2**2 + 4 * c**2
        sg = mpmath.sign(c)
        f = lambda l: 1 / mpmath.sqrt(_R(sg * mpmath.exp(l), c, k1))  # da/a = d log|a| (a, c same sign)
        integral = mpmath.quad(f, [mpmath.log(abs(c)), mpmath.log(abs(a_t))])
        return [(f"-int_c^a(t) da/(a sqrt R) vs t={float(tv):g}", -integral, tv)]
    out.append(_flow_compare(ctx, "quad", "(466) as a definite integral from a(0)=c, quadrature vs t, along integrated (26)-(27)",
                             pairs))
    return out


# ============================================================================ [138]-[145]: integrands
def f467(a, c, k1):
    return [1 / (a * sp.sqrt(_R(a, c, k1))),
            1 / (a * sp.sqrt(4 * (a - c) ** 2 + k1 - 4 * c**2)),  # (467)
            sp.Rational(1, 2) / (a * sp.sqrt((a - c) ** 2 + k1 / 4 - c**2)),  # (468)
            sp.Rational(1, 2) * (-a) / (-a**2 * sp.sqrt((a - c) ** 2 + k1 / 4 - c**2))]  # (469)


DOM_AXC = {A: S.positive(1e-3, 50), **DOM_XC}


@claim(PAPER, id="[138]", label="App E (467)–(469)", section=SEC, equations=[467, 468, 469], methods=["SYM"],
       statement=r"\int\frac{da}{a\sqrt{4a^2-8ca+\kappa_1}}=\int\frac{da}{a\sqrt{4(a-c)^2+\kappa_1-4c^2}}\ (467)"
                 r"=\frac12\int\frac{da}{a\sqrt{(a-c)^2+\frac{\kappa_1}4-c^2}}\ (468)=\frac12\int\frac{-a\,da}{-a^2\sqrt{(a-c)^2+\frac{\kappa_1}4-c^2}}\ (469)",
       assumptions=ASSUME, title="completing the square")
def e138(ctx):
    out = []
    for eps in SIG:
        for sg in SIG:
            fs = f467(sg * A, _c(eps), _k1(eps))
            for k in range(1, 4):
                out.append(_ident(ctx, fs[k], fs[k - 1], DOM_AXC, f"{eps}{sg}{k}",
                                  f"sgn c={eps:+d}, sgn a={sg:+d}: integrand of ({466 + k}) = previous integrand"))
    return out


def f472(v, c, k1):
    return -sp.Rational(1, 2) / (v * sp.sqrt((1 / v - c) ** 2 + k1 / 4 - c**2))


def f473(v, c, k1, pm):
    return -sp.Rational(1, 2) * pm / sp.sqrt((1 - c * v) ** 2 + v**2 * (k1 / 4 - c**2))


def f476(v, c, k1, pm):
    return -sp.Rational(1, 2) * pm / sp.sqrt(1 - 2 * c * v + c**2 * v**2 - c**2 * v**2 + v**2 * k1 / 4)


def f477(v, c, k1, pm):
    return -pm / sp.sqrt(4 - 8 * c * v + v**2 * k1)


def rad478(v, c, k1):
    return [4 - 8 * c * v + v**2 * k1,  # (477)
            k1 * (v - 4 * c / k1) ** 2 + 4 - 16 * c**2 / k1,  # (478)
            (sp.sqrt(k1) * v - 4 * c / sp.sqrt(k1)) ** 2 + 4 - 16 * c**2 / k1,  # (479)
            ((k1 * v - 4 * c) / sp.sqrt(k1)) ** 2 + 4 - 16 * c**2 / k1]  # (480)


def f480(v, c, k1, pm):
    return -pm / sp.sqrt(rad478(v, c, k1)[3])


def w481(v, c, k1):
    return (k1 * v - 4 * c) / (sp.sqrt(k1) * sp.sqrt(4 - 16 * c**2 / k1))


DOM_VXC = {V: S.positive(1e-3, 50), **DOM_XC}


@claim(PAPER, id="[139]", label="App E (470)–(475)", section=SEC, equations=list(range(470, 476)), methods=["SYM"],
       statement=r"v=\frac1a\ (470),\ dv=-\frac1{a^2}da\ (471):\ \frac12\int\frac{-a\,da}{-a^2\sqrt{(a-c)^2+\frac{\kappa_1}4-c^2}}"
                 r"=-\frac12\int\frac{dv}{v\sqrt{\left(\frac1v-c\right)^2+\frac{\kappa_1}4-c^2}}\ (472)"
                 r"=-\frac12\int\pm\frac{dv}{\sqrt{(1-cv)^2+v^2\left(\frac{\kappa_1}4-c^2\right)}}\ (473);\ "
                 r"v=+\sqrt{v^2}\ \ v\ge0\ (474),\quad v=-\sqrt{v^2}\ \ v<0\ (475)",
       assumptions=ASSUME, title="substitution v = 1/a")
def e139(ctx):
    out = []
    out.append(_ident(ctx, sp.diff(1 / aa, aa), -1 / aa**2, {aa: S.nonzero()}, "471", "(471): dv/da = -1/a^2"))
    for eps in SIG:
        c, k1 = _c(eps), _k1(eps)
        for sg in SIG:  # sgn v = sgn a = sg; the printed +- is + for v >= 0, - for v < 0
            v = sg * V
            f469 = f467(1 / v, c, k1)[3]
            out.append(_ident(ctx, f469 * sp.diff(1 / v, V) / sp.diff(v, V), f472(v, c, k1), DOM_VXC, f"472{eps}{sg}",
                              f"sgn c={eps:+d}, sgn v={sg:+d}: integrand of (469) times da/dv at a=1/v is that of (472)"))
            out.append(_ident(ctx, f473(v, c, k1, sg), f472(v, c, k1), DOM_VXC, f"473{eps}{sg}",
                              f"sgn c={eps:+d}, sgn v={sg:+d}: (473) with +- = {'+' if sg > 0 else '-'} (474)-(475) equals (472)"))
    out.append(_ident(ctx, [V, -V], [sp.sqrt(V**2), -sp.sqrt((-V) ** 2)], {V: S.positive(1e-3, 50)}, "474",
                      "(474)-(475): v = +sqrt(v^2) for v > 0, v = -sqrt(v^2) for v < 0"))
    return out


@claim(PAPER, id="[140]", label="App E (476)–(477)", section=SEC, equations=[476, 477], methods=["SYM"],
       statement=r"-\frac12\int\pm\frac{dv}{\sqrt{(1-cv)^2+v^2\left(\frac{\kappa_1}4-c^2\right)}}=-\frac12\int\pm\frac{dv}{\sqrt{1-2cv+c^2v^2-c^2v^2+\frac{v^2\kappa_1}4}}\ (476)"
                 r"=-\int\pm\frac{dv}{\sqrt{4-8cv+v^2\kappa_1}}\ (477)",
       assumptions=ASSUME, title="expanding the radicand")
def e140(ctx):
    out = []
    for eps in SIG:
        c, k1 = _c(eps), _k1(eps)
        for sg in SIG:
            v = sg * V
            out.append(_ident(ctx, [f476(v, c, k1, sg), f477(v, c, k1, sg)], [f473(v, c, k1, sg), f476(v, c, k1, sg)],
                              DOM_VXC, f"{eps}{sg}", f"sgn c={eps:+d}, sgn v={sg:+d}: (473) = (476) = (477)"))
    return out


@claim(PAPER, id="[141]", label="App E (478)–(480)", section=SEC, equations=[478, 479, 480], methods=["SYM"],
       statement=r"-\int\pm\frac{dv}{\sqrt{4-8cv+v^2\kappa_1}}=-\int\pm\frac{dv}{\sqrt{\kappa_1\left(v-\frac{4c}{\kappa_1}\right)^2+4-\frac{16c^2}{\kappa_1}}}\ (478)"
                 r"=-\int\pm\frac{dv}{\sqrt{\left(\sqrt{\kappa_1}v-\frac{4c}{\sqrt{\kappa_1}}\right)^2+4-\frac{16c^2}{\kappa_1}}}\ (479)"
                 r"=-\int\pm\frac{dv}{\sqrt{\left(\frac{\kappa_1v-4c}{\sqrt{\kappa_1}}\right)^2+4-\frac{16c^2}{\kappa_1}}}\ (480)",
       assumptions=ASSUME, title="completing the square in v")
def e141(ctx):
    out = []
    for eps in SIG:
        c, k1 = _c(eps), _k1(eps)
        for sg in SIG:
            r_ = rad478(sg * V, c, k1)
            out.append(_ident(ctx, r_[1:], r_[:-1], DOM_VXC, f"{eps}{sg}",
                              f"sgn c={eps:+d}, sgn v={sg:+d}: radicands (477) = (478) = (479) = (480)"))
        # kappa1 as a free positive constant too (the algebra does not use (463))
        dom = {V: S.positive(1e-3, 50), C: S.positive(0.05, 10), k1s: S.positive(0.01, 400)}
        for sg in SIG:
            r_ = rad478(sg * V, c, k1s)
            out.append(_ident(ctx, r_[1:], r_[:-1], dom, f"free{eps}{sg}",
                              f"sgn c={eps:+d}, sgn v={sg:+d}, free kappa1 > 0: radicands (477)-(480)"))
    return out


@claim(PAPER, id="[142]", label="App E (481)–(483)", section=SEC, equations=[481, 482, 483], methods=["SYM"],
       statement=r"w=\frac{\kappa_1v-4c}{\sqrt{\kappa_1}\sqrt{4-\frac{16c^2}{\kappa_1}}}\ (481),\quad dw=\sqrt{\frac{\kappa_1}{4-\frac{16c^2}{\kappa_1}}}dv\ (482),\quad "
                 r"dv=\frac{\sqrt{4-\frac{16c^2}{\kappa_1}}}{\sqrt{\kappa_1}}dw\ (483)",
       assumptions=ASSUME, title="substitution w")
def e142(ctx):
    out = []
    vv = sp.Symbol("v", real=True)
    for eps in SIG:
        c, k1 = _c(eps), _k1(eps)
        dw = sp.sqrt(k1 / (4 - 16 * c**2 / k1))
        dv = sp.sqrt(4 - 16 * c**2 / k1) / sp.sqrt(k1)
        dom = {vv: S.real(0, 50), **DOM_XC}
        out.append(_ident(ctx, [sp.diff(w481(vv, c, k1), vv), 1 / dw], [dw, dv], dom, f"{eps}",
                          f"sgn c={eps:+d}: d(481)/dv = (482) coefficient; its inverse is the (483) coefficient"))
    return out


@claim(PAPER, id="[143]", label="Remark E.2", section=SEC, equations=[484, 485], methods=["SYM"],
       statement=r"4-\frac{16c^2}{\kappa_1}=4\left(1-\frac{4c^2}{\kappa_1}\right)=4\left(\frac{\kappa_1-4c^2}{\kappa_1}\right)=\frac4{\kappa_1}(\kappa_1-4c^2)\ (484).\ "
                 r"\text{Since } \kappa_1>0 \text{ for our initialization scheme, the left factor is positive. On the right, } "
                 r"\kappa_1-4c^2=\|X_0\|^4+4c^2-4c^2=\|X_0\|^4>0\ (485).\ \text{Therefore, } 4-\frac{16c^2}{\kappa_1}>0, \text{ and } w \text{ is real.}",
       assumptions=ASSUME, title="positivity of 4 - 16c^2/kappa1")
def e143(ctx):
    out = []
    for eps in SIG:
        c = _c(eps)
        dom = {C: S.positive(0.05, 10), k1s: S.positive(0.01, 400)}
        chain = [4 - 16 * c**2 / k1s, 4 * (1 - 4 * c**2 / k1s), 4 * ((k1s - 4 * c**2) / k1s), 4 / k1s * (k1s - 4 * c**2)]
        out.append(_ident(ctx, chain[1:], chain[:-1], dom, f"484{eps}", f"sgn c={eps:+d}: the equalities of (484)"))
        k1 = _k1(eps)
        out.append(_ident(ctx, [k1 - 4 * c**2, x2**2 + 4 * c**2 - 4 * c**2], [x2**2 + 4 * c**2 - 4 * c**2, x2**2], DOM_XC,
                          f"485{eps}", f"sgn c={eps:+d}: (485) with kappa1 from (463)"))
        expr = sp.simplify(4 - 16 * c**2 / k1)
        pos = bool(expr.is_positive) and bool((x2**2).is_positive) and bool((4 / k1).is_positive)
        out.append(Evidence("SYM", "proved" if pos else "inconclusive",
                            f"sgn c={eps:+d}: 4/kappa1 > 0, ||X0||^4 > 0 and 4 - 16c^2/kappa1 = {expr} > 0 (sympy is_positive, "
                            "||X0||^2 > 0)", exact=pos, part=f"positivity, sgn c={eps:+d}"))
    return out


@claim(PAPER, id="[144]", label="App E (486)–(489)", section=SEC, equations=[486, 487, 488, 489], methods=["SYM", "STEPS"],
       statement=r"-\int\pm\frac{dv}{\sqrt{\left(\frac{\kappa_1 v-4c}{\sqrt{\kappa_1}}\right)^2+4-\frac{16c^2}{\kappa_1}}}"
                 r"=-\int\pm\frac{dw}{\sqrt{\left(w\sqrt{4-\frac{16c^2}{\kappa_1}}\right)^2+4-\frac{16c^2}{\kappa_1}}}\cdot\frac{\sqrt{4-\frac{16c^2}{\kappa_1}}}{\sqrt{\kappa_1}}\ (486)"
                 r"=-\int\pm\frac{dw}{\sqrt{w^2\left(4-\frac{16c^2}{\kappa_1}\right)+4-\frac{16c^2}{\kappa_1}}}\cdot\frac{\sqrt{4-\frac{16c^2}{\kappa_1}}}{\sqrt{\kappa_1}}\ (487)"
                 r"=-\frac1{\sqrt{\kappa_1}}\int\pm\frac{dw}{\sqrt{w^2+1}}\ (488)\quad (489)",
       assumptions=ASSUME, title="change of variables to w")
def e144(ctx):
    out = []
    for eps in SIG:
        c, k1 = _c(eps), _k1(eps)
        D = sp.sqrt(4 - 16 * c**2 / k1)
        g486 = lambda ww, pm: -pm / sp.sqrt((ww * D) ** 2 + 4 - 16 * c**2 / k1) * D / sp.sqrt(k1)
        g487 = lambda ww, pm: -pm / sp.sqrt(ww**2 * (4 - 16 * c**2 / k1) + 4 - 16 * c**2 / k1) * D / sp.sqrt(k1)
        g488 = lambda ww, pm: -1 / sp.sqrt(k1) * pm / sp.sqrt(ww**2 + 1)
        for sg in SIG:
            v = sg * V
            wv = w481(v, c, k1)
            # change of variables: g(w(v)) w'(v) = f(v), with w'(v) from differentiating (481)
            out.append(_ident(ctx, g486(wv, sg) * sp.diff(wv, V) / sp.diff(v, V), f480(v, c, k1, sg), DOM_VXC,
                              f"486{eps}{sg}",
                              f"sgn c={eps:+d}, sgn v={sg:+d}: (486) integrand in w(v) times dw/dv equals the (480) integrand"))
            dom = {w: S.real(0, 50), **DOM_XC}
            out.append(_ident(ctx, [g487(w, sg), g488(w, sg)], [g486(w, sg), g487(w, sg)], dom, f"488{eps}{sg}",
                              f"sgn c={eps:+d}, +- = {sg:+d}: (486) = (487) = (488) as functions of w"))
    return out


def anti491(ww, k1, pm):
    return -1 / sp.sqrt(k1) * sp.asinh(ww) if pm > 0 else -1 / sp.sqrt(k1) * sp.asinh(-ww)


def anti492(v, c, k1, pm):
    arg = (k1 * v - 4 * c) / (sp.sqrt(k1) * sp.sqrt(4 - 16 * c**2 / k1))
    return -1 / sp.sqrt(k1) * sp.asinh(arg) if pm > 0 else -1 / sp.sqrt(k1) * sp.asinh(-arg)


@claim(PAPER, id="[145]", label="App E (490)–(492)", section=SEC, equations=[490, 491, 492], methods=["SYM"],
       statement=r"(490):\ \begin{cases}-\frac1{\sqrt{\kappa_1}}\int+\frac{dw}{\sqrt{w^2+1}}&v\ge0\\-\frac1{\sqrt{\kappa_1}}\int-\frac{dw}{\sqrt{w^2+1}}&v<0\end{cases};\ "
                 r"(491):\ \begin{cases}-\frac1{\sqrt{\kappa_1}}\mathrm{arsinh}(w)&v\ge0\\-\frac1{\sqrt{\kappa_1}}\mathrm{arsinh}(-w)&v<0\end{cases};\ "
                 r"(492):\ \begin{cases}-\frac1{\sqrt{\kappa_1}}\mathrm{arsinh}\left(\frac{\kappa_1v-4c}{\sqrt{\kappa_1}\sqrt{4-\frac{16c^2}{\kappa_1}}}\right)&v\ge0\\"
                 r"-\frac1{\sqrt{\kappa_1}}\mathrm{arsinh}\left(-\frac{\kappa_1v-4c}{\sqrt{\kappa_1}\sqrt{4-\frac{16c^2}{\kappa_1}}}\right)&v<0\end{cases}",
       assumptions=ASSUME, title="antiderivative in w and back-substitution")
def e145(ctx):
    out = []
    for eps in SIG:
        c, k1 = _c(eps), _k1(eps)
        dom = {w: S.real(0, 50), **DOM_XC}
        for sg in SIG:
            out.append(_ident(ctx, sp.diff(anti491(w, k1, sg), w), -1 / sp.sqrt(k1) * sg / sp.sqrt(w**2 + 1), dom,
                              f"491{eps}{sg}", f"sgn c={eps:+d}, {'v>=0' if sg > 0 else 'v<0'}: d/dw (491) = (490) integrand"))
            v = sg * V
            out.append(_ident(ctx, anti491(w481(v, c, k1), k1, sg), anti492(v, c, k1, sg), DOM_VXC, f"492{eps}{sg}",
                              f"sgn c={eps:+d}, sgn v={sg:+d}: (491) with w from (481) is (492)"))
            out.append(_ident(ctx, sp.diff(anti492(v, c, k1, sg), V) / sp.diff(v, V), f480(v, c, k1, sg), DOM_VXC,
                              f"d492{eps}{sg}", f"sgn c={eps:+d}, sgn v={sg:+d}: d/dv (492) = (480) integrand"))
    return out


# ============================================================================ [146]-[148]
def rhs493(a, c, k1, sgn_a):
    arg = (k1 / a - 4 * c) / (sp.sqrt(k1) * sp.sqrt(4 - 16 * c**2 / k1))
    return -1 / sp.sqrt(k1) * sp.asinh(arg) if sgn_a > 0 else -1 / sp.sqrt(k1) * sp.asinh(-arg)


@claim(PAPER, id="[146]", label="eq (493)", section=SEC, equations=[493, 467], methods=["SYM"],
       statement=r"\text{Note that since } v=\frac1a, \text{ the signs of } a \text{ and } v \text{ will be the same. Recalling the original integral in (467), we finally have } "
                 r"\int\frac{da}{a\sqrt{4a^2-8ca+\kappa_1}}=\begin{cases}-\frac1{\sqrt{\kappa_1}}\mathrm{arsinh}\left(\frac{\frac{\kappa_1}a-4c}{\sqrt{\kappa_1}\sqrt{4-\frac{16c^2}{\kappa_1}}}\right)&a\ge0\\"
                 r"-\frac1{\sqrt{\kappa_1}}\mathrm{arsinh}\left(-\frac{\frac{\kappa_1}a-4c}{\sqrt{\kappa_1}\sqrt{4-\frac{16c^2}{\kappa_1}}}\right)&a<0\end{cases}\quad(493)",
       assumptions=r"$\kappa_1>4c^2$.", title="the antiderivative")
def e146(ctx):
    out = []
    for eps in SIG:
        c = _c(eps)
        k1 = 4 * c**2 + K  # random kappa1 > 4c^2
        dom = {A: S.positive(1e-3, 50), C: S.positive(0.05, 10), K: S.positive(1e-3, 400)}
        for sg in SIG:
            a = sg * A
            out.append(_ident(ctx, sp.diff(rhs493(a, c, k1, sg), A) / sg, 1 / (a * sp.sqrt(_R(a, c, k1))), dom,
                              f"{eps}{sg}", f"sgn c={eps:+d}, a {'> 0' if sg > 0 else '< 0'}, kappa1 = 4c^2 + K: d/da (493) = 1/(a sqrt(4a^2-8ca+kappa1))",
                              samples=200, timeout=1))
    return out


def rhs495(a, c, k1, sgn):
    return 1 / sp.sqrt(k1) * sp.asinh(sgn * (k1 / a - 4 * c) / (sp.sqrt(k1) * sp.sqrt(4 - 16 * c**2 / k1)))


def rhs494(a, c, k1, sgn_a):
    arg = (k1 / a - 4 * c) / (sp.sqrt(k1) * sp.sqrt(4 - 16 * c**2 / k1))
    return 1 / sp.sqrt(k1) * sp.asinh(arg) if sgn_a > 0 else 1 / sp.sqrt(k1) * sp.asinh(-arg)


def _mp_rhs495(a, c, x2v, sgn):
    k1 = x2v**2 + 4 * c**2
    return mpmath.asinh(sgn * (k1 / a - 4 * c) / (mpmath.sqrt(k1) * mpmath.sqrt(4 - 16 * c**2 / k1))) / mpmath.sqrt(k1)


def _mp_kappa2_505(x2v, c):
    return mpmath.asinh(x2v / (2 * abs(c))) / mpmath.sqrt(x2v**2 + 4 * c**2)


@claim(PAPER, id="[147]", label="App E (494)–(495)", section=SEC, equations=[494, 495, 466, 493], methods=["SYM", "ODE"],
       statement=r"\text{Eq. (466) then yields } t+\kappa_2=\begin{cases}\frac1{\sqrt{\kappa_1}}\mathrm{arsinh}\left(\frac{\frac{\kappa_1}a-4c}{\sqrt{\kappa_1}\sqrt{4-\frac{16c^2}{\kappa_1}}}\right)&a\ge0\\"
                 r"\frac1{\sqrt{\kappa_1}}\mathrm{arsinh}\left(-\frac{\frac{\kappa_1}a-4c}{\sqrt{\kappa_1}\sqrt{4-\frac{16c^2}{\kappa_1}}}\right)&a<0\end{cases}\ (494) "
                 r"\text{ or simply } t+\kappa_2=\frac1{\sqrt{\kappa_1}}\mathrm{arsinh}\left(\mathrm{sgn}(a)\frac{\frac{\kappa_1}a-4c}{\sqrt{\kappa_1}\sqrt{4-\frac{16c^2}{\kappa_1}}}\right)\quad(495)",
       assumptions=ASSUME, title="the implicit solution")
def e147(ctx):
    out = []
    lhs, rhs = [], []
    for eps in SIG:
        c, k1 = _c(eps), _k1(eps)
        for sg in SIG:
            a = sg * A
            lhs += [rhs494(a, c, k1, sg), rhs495(a, c, k1, sg)]
            rhs += [-rhs493(a, c, k1, sg), rhs494(a, c, k1, sg)]
    out.append(_ident(ctx, lhs, rhs, DOM_AXC, "all",
                      "both signs of c and a: (494) = -(493) (via (466)) and (495) with sgn(a) = (494) in both cases",
                      complete=True))

    def pairs(inst, res, i, tv):
        a = res.y["a"][i]
        return [(f"t+kappa2 (505) vs (495) at a(t), t={float(tv):g}", tv + _mp_kappa2_505(inst.x2, inst.c),
                 _mp_rhs495(a, inst.c, inst.x2, mpmath.sign(a)))]
    out.append(_flow_compare(ctx, "ode", "(495) at the integrated a(t), with kappa2 from (505)", pairs))
    return out


@claim(PAPER, id="[148]", label="App E (496)", section=SEC, equations=[496, 495], methods=["SYM", "ODE"],
       statement=r"\text{Note that since } a(t) \text{ is continuous and nonzero and that } a(0)=c, \text{ we will have } \mathrm{sgn}(a)=\mathrm{sgn}(c) "
                 r"\text{ on } [0,T]. \text{ Thus we have } t+\kappa_2=\frac1{\sqrt{\kappa_1}}\mathrm{arsinh}\left(\mathrm{sgn}(c)\frac{\frac{\kappa_1}a-4c}{\sqrt{\kappa_1}\sqrt{4-\frac{16c^2}{\kappa_1}}}\right)\quad(496)",
       assumptions=ASSUME, title="sgn(a) = sgn(c)")
def e148(ctx):
    out = []
    for eps in SIG:
        c, k1 = _c(eps), _k1(eps)
        a = eps * A  # sgn(a) = sgn(c)
        out.append(_ident(ctx, rhs495(a, c, k1, eps), rhs495(a, c, k1, sp.sign(c)), DOM_AXC, f"{eps}",
                          f"sgn c={eps:+d}: (495) with sgn(a) = sgn(c) is (496)"))
    # the sign relation along trajectories, to long times (the flow decays like e^{-sqrt(kappa1) t})
    rows, bad = [], None
    for inst in M.instances(ctx.rng("sign"), ctx.profile.cases):
        k1, _ = M.kappas(inst.x2, inst.c)
        times = [mpmath.mpf(k) / mpmath.sqrt(k1) for k in (0.5, 1, 2, 5, 10, 20, 40)]
        res = M.lora_flow(inst, times, ctx.dps)
        signs = [int(mpmath.sign(av)) for av in res.y["a"]]
        sc = int(mpmath.sign(inst.c))
        rows.append({"case": inst.describe(), "sgn c": sc, "sgn a(t)": signs,
                     "min |a|/|c|": float(min(abs(av) for av in res.y["a"]) / abs(inst.c))})
        if any(s_ != sc for s_ in signs) and bad is None:
            res2 = M.lora_flow(inst, times, 2 * ctx.dps)
            if any(int(mpmath.sign(av)) != sc for av in res2.y["a"]):
                bad = (inst, [int(mpmath.sign(av)) for av in res2.y["a"]])
    if bad:
        out.append(Evidence("ODE", "refuted", f"sgn a(t) != sgn c in case {bad[0].describe()}: {bad[1]}",
                            witness={"case": bad[0].describe(), "signs": bad[1]},
                            revalidation={"dps": 2 * ctx.dps, "working_dps": ctx.dps, "confirmed": True},
                            tolerance=0.0, tolerance_reason="sign comparison"))
    else:
        out.append(Evidence("ODE", "confirmed",
                            f"sgn a(t) = sgn c at t = k/sqrt(kappa1), k in (0.5,...,40), in all {len(rows)} integrated cases "
                            f"(both signs of c); smallest |a|/|c| = {min(r_['min |a|/|c|'] for r_ in rows):.2e}",
                            tolerance=0.0, tolerance_reason="sign comparison: exact (a is a carried state, a' = -a S keeps its sign)",
                            data={"rows": rows}, part="sign along trajectories"))
    # and the closed form (515): kappa2 = asinh(z)/sqrt(kappa1) with z = ||X0||^2/(2|c|) > 0; asinh(0) = 0 and
    # asinh' = 1/sqrt(1+z^2) > 0, so kappa2 > 0; then sinh(sqrt(kappa1)(t+kappa2)) > 0 for t >= 0 and the
    # denominator 2||X0||^2 sinh(.) + 4|c| of (515) is > 0: sgn a(t) = sgn c for every t >= 0.
    z, th = sp.Symbol("z", positive=True), sp.Symbol("theta", positive=True)
    facts = {"asinh(0) = 0": sp.asinh(0) == 0,
             "asinh'(z) > 0": sp.diff(sp.asinh(z), z).is_positive is True,
             "z = ||X0||^2/(2|c|) > 0": (x2 / (2 * C)).is_positive is True,
             "sqrt(kappa1) > 0": all(sp.sqrt(_k1(e)).is_positive is True for e in SIG),
             "sinh(theta) > 0 for theta > 0": sp.sinh(th).is_positive is True,
             "2||X0||^2 sinh(theta) + 4|c| > 0": (2 * x2 * sp.sinh(th) + 4 * C).is_positive is True}
    ok = all(facts.values())
    out.append(Evidence("SYM", "proved" if ok else "inconclusive",
                        "closed form (515), both signs of c: " + "; ".join(f"{k}: {v}" for k, v in facts.items())
                        + " (sympy assumptions): the denominator of (515) is positive, so sgn a(t) = sgn c for t >= 0",
                        exact=ok, complete=False, part="closed form (515)"))

    def pairs(inst, res, i, tv):
        a = res.y["a"][i]
        return [(f"t+kappa2 (505) vs (496) at a(t), t={float(tv):g}", tv + _mp_kappa2_505(inst.x2, inst.c),
                 _mp_rhs495(a, inst.c, inst.x2, mpmath.sign(inst.c)))]
    out.append(_flow_compare(ctx, "ode", "(496) at the integrated a(t), with kappa2 from (505)", pairs))
    return out


# ============================================================================ [149]
def kappa2_lines(eps):
    c, k1 = _c(eps), _k1(eps)
    sg = eps
    r1 = 1 / sp.sqrt(k1)
    D = sp.sqrt(k1) * sp.sqrt(4 - 16 * c**2 / k1)
    return [
        r1 * sp.asinh(sg * (k1 / c - 4 * c) / D),  # (497) with a(0) = c: written out in (498)
        r1 * sp.asinh(sg * (k1 / c - 4 * c) / D),  # (498)
        r1 * sp.asinh(sg * (k1 / c - 4 * c) / sp.sqrt(4 * k1 - 16 * c**2)),  # (499)
        r1 * sp.asinh(sg * (k1 / c - 4 * c) / sp.sqrt(4 * x2**2 + 16 * c**2 - 16 * c**2)),  # (500)
        r1 * sp.asinh(sg * (k1 / c - 4 * c) / (2 * x2)),  # (501)
        r1 * sp.asinh(sg * (k1 - 4 * c**2) / (2 * c * x2)),  # (502)
        r1 * sp.asinh(sg * (x2**2 + 4 * c**2 - 4 * c**2) / (2 * c * x2)),  # (503)
        1 / sp.sqrt(x2**2 + 4 * c**2) * sp.asinh(sg * x2 / (2 * c)),  # (504)
        1 / sp.sqrt(x2**2 + 4 * c**2) * sp.asinh(x2 / (2 * C)),  # (505)
    ]


@claim(PAPER, id="[149]", label="App E (497)–(505)", section=SEC, equations=list(range(497, 506)), methods=["SYM", "STEPS"],
       statement=r"\kappa_2=\frac1{\sqrt{\kappa_1}}\mathrm{arsinh}\left(\mathrm{sgn}(c)\frac{\frac{\kappa_1}{a(0)}-4c}{\sqrt{\kappa_1}\sqrt{4-\frac{16c^2}{\kappa_1}}}\right)\ (497)"
                 r"=\frac1{\sqrt{\kappa_1}}\mathrm{arsinh}\left(\mathrm{sgn}(c)\frac{\frac{\kappa_1}{c}-4c}{\sqrt{\kappa_1}\sqrt{4-\frac{16c^2}{\kappa_1}}}\right)\ (498)"
                 r"=\frac1{\sqrt{\kappa_1}}\mathrm{arsinh}\left(\mathrm{sgn}(c)\frac{\frac{\kappa_1}{c}-4c}{\sqrt{4\kappa_1-16c^2}}\right)\ (499)"
                 r"=\frac1{\sqrt{\kappa_1}}\mathrm{arsinh}\left(\mathrm{sgn}(c)\frac{\frac{\kappa_1}{c}-4c}{\sqrt{4\|X_0\|^4+16c^2-16c^2}}\right)\ (500)"
                 r"=\frac1{\sqrt{\kappa_1}}\mathrm{arsinh}\left(\mathrm{sgn}(c)\frac{\frac{\kappa_1}{c}-4c}{2\|X_0\|^2}\right)\ (501)"
                 r"=\frac1{\sqrt{\kappa_1}}\mathrm{arsinh}\left(\mathrm{sgn}(c)\frac{\kappa_1-4c^2}{2c\|X_0\|^2}\right)\ (502)"
                 r"=\frac1{\sqrt{\kappa_1}}\mathrm{arsinh}\left(\mathrm{sgn}(c)\frac{\|X_0\|^4+4c^2-4c^2}{2c\|X_0\|^2}\right)\ (503)"
                 r"=\frac1{\sqrt{\|X_0\|^4+4c^2}}\mathrm{arsinh}\left(\mathrm{sgn}(c)\frac{\|X_0\|^2}{2c}\right)\ (504),\qquad "
                 r"\kappa_2=\frac1{\sqrt{\|X_0\|^4+4c^2}}\mathrm{arsinh}\left(\frac{\|X_0\|^2}{2|c|}\right)\ (505)",
       assumptions=ASSUME, title="kappa_2")
def e149(ctx):
    out = []
    for eps in SIG:
        c, k1 = _c(eps), _k1(eps)
        L = kappa2_lines(eps)
        # (496) at t = 0 with a(0) = c gives (497)
        out.append(_ident(ctx, L[0], rhs495(c, c, k1, eps), DOM_XC, f"497{eps}",
                          f"sgn c={eps:+d}: (496) at t=0, a(0)=c is (497)-(498)"))
        out.append(_ident(ctx, L[2:], L[1:-1], DOM_XC, f"chain{eps}",
                          f"sgn c={eps:+d}: consecutive lines (498)=(499)=...=(505), kappa1 from (463)"))
        out.append(_ident(ctx, L[-1], M.PRINTED[eps].kappa2, DOM_XC, f"315{eps}", f"sgn c={eps:+d}: (505) is (315)"))
    return out


# ============================================================================ [150]
def a_lines(eps):
    """Each of (506)-(513) as (lhs, rhs) in (t, a); kappa1 = ||X0||^4 + 4c^2, kappa2 from (505)."""
    c, k1 = _c(eps), _k1(eps)
    sg = eps
    k2 = kappa2_lines(eps)[-1]
    th = sp.sqrt(k1) * (t + k2)
    D = sp.sqrt(k1) * sp.sqrt(4 - 16 * c**2 / k1)
    arg = sg * (k1 / aa - 4 * c) / D
    return {
        506: (t + k2, 1 / sp.sqrt(k1) * sp.asinh(arg)),
        507: (sp.sqrt(k1) * (t + k2), sp.asinh(arg)),
        508: (sp.sinh(th), arg),
        509: (sp.sinh(th), sg * (k1 / aa - 4 * c) / sp.sqrt(4 * k1 - 16 * c**2)),
        510: (sg * sp.sqrt(4 * k1 - 16 * c**2) * sp.sinh(th), k1 / aa - 4 * c),
        511: (sg * sp.sqrt(4 * k1 - 16 * c**2) * sp.sinh(th) + 4 * c, k1 / aa),
        512: (sg * sp.sqrt(4 * x2**2 + 16 * c**2 - 16 * c**2) * sp.sinh(th) + 4 * c, k1 / aa),
        513: (2 * sg * x2 * sp.sinh(th) + 4 * c, k1 / aa),
    }


def a514(eps):
    c, k1 = _c(eps), _k1(eps)
    k2 = kappa2_lines(eps)[-1]
    return (x2**2 + 4 * c**2) / (2 * eps * x2 * sp.sinh(sp.sqrt(k1) * (t + k2)) + 4 * c)


def a515(eps):
    c, k1 = _c(eps), _k1(eps)
    k2 = kappa2_lines(eps)[-1]
    return eps * (x2**2 + 4 * c**2) / (2 * x2 * sp.sinh(sp.sqrt(k1) * (t + k2)) + 4 * C)


def _mp_a515(x2v, c, tv):
    k1 = x2v**2 + 4 * c**2
    k2 = _mp_kappa2_505(x2v, c)
    return mpmath.sign(c) * (x2v**2 + 4 * c**2) / (2 * x2v * mpmath.sinh(mpmath.sqrt(k1) * (tv + k2)) + 4 * abs(c))


@claim(PAPER, id="[150]", label="App E (506)–(516)", section=SEC, equations=list(range(506, 517)), methods=["SYM", "STEPS", "ODE"],
       statement=r"\text{Start from (494): } t+\kappa_2=\frac1{\sqrt{\kappa_1}}\mathrm{arsinh}\left(\mathrm{sgn}(c)\frac{\frac{\kappa_1}a-4c}{\sqrt{\kappa_1}\sqrt{4-\frac{16c^2}{\kappa_1}}}\right)\ (506);\ "
                 r"\sqrt{\kappa_1}(t+\kappa_2)=\mathrm{arsinh}(\ldots)\ (507);\ \sinh(\sqrt{\kappa_1}(t+\kappa_2))=\mathrm{sgn}(c)\frac{\frac{\kappa_1}a-4c}{\sqrt{\kappa_1}\sqrt{4-\frac{16c^2}{\kappa_1}}}\ (508);\ "
                 r"\sinh(\sqrt{\kappa_1}(t+\kappa_2))=\mathrm{sgn}(c)\frac{\frac{\kappa_1}a-4c}{\sqrt{4\kappa_1-16c^2}}\ (509);\ "
                 r"\mathrm{sgn}(c)\sqrt{4\kappa_1-16c^2}\sinh(\sqrt{\kappa_1}(t+\kappa_2))=\frac{\kappa_1}a-4c\ (510);\ "
                 r"\mathrm{sgn}(c)\sqrt{4\kappa_1-16c^2}\sinh(\sqrt{\kappa_1}(t+\kappa_2))+4c=\frac{\kappa_1}a\ (511);\ "
                 r"\mathrm{sgn}(c)\sqrt{4\|X_0\|^4+16c^2-16c^2}\sinh(\sqrt{\kappa_1}(t+\kappa_2))+4c=\frac{\kappa_1}a\ (512);\ "
                 r"2\mathrm{sgn}(c)\|X_0\|^2\sinh(\sqrt{\kappa_1}(t+\kappa_2))+4c=\frac{\kappa_1}a\ (513);\ "
                 r"a(t)=\frac{\|X_0\|^4+4c^2}{2\mathrm{sgn}(c)\|X_0\|^2\sinh(\sqrt{\kappa_1}(t+\kappa_2))+4c}\ (514);\ "
                 r"a(t)=\mathrm{sgn}(c)\frac{\|X_0\|^4+4c^2}{2\|X_0\|^2\sinh(\sqrt{\kappa_1}(t+\kappa_2))+4|c|}\ (515)\ \text{where } c:=\mathrm{Tr}(W_0)\ (516)",
       assumptions=ASSUME, title="closed form of a(t)", timeout=180)
def e150(ctx):
    out = []
    for eps in SIG:
        c, k1 = _c(eps), _k1(eps)
        Ls = a_lines(eps)
        dom = {aa: S.nonzero(0.01, 50), t: S.interval(0.0, 4.0), **DOM_XC}
        dom_sa = {A: S.positive(0.01, 50), t: S.interval(0.0, 4.0), **DOM_XC}
        sa = {aa: eps * A}  # the lines hold on the branch sgn(a) = sgn(c) (496)
        sgc = eps * sp.sqrt(4 * k1 - 16 * c**2)
        steps = [
            (506, [Ls[506][0], Ls[506][1]], [t + kappa2_lines(eps)[-1], rhs495(aa, c, k1, eps)],
             "(496) restated"),
            (507, list(Ls[507]), [sp.sqrt(k1) * Ls[506][0], sp.sqrt(k1) * Ls[506][1]], "multiply by sqrt(kappa1)"),
            (508, list(Ls[508]), [sp.sinh(Ls[507][0]), sp.sinh(Ls[507][1])], "apply sinh"),
            (509, list(Ls[509]), list(Ls[508]), "combine the roots"),
            (510, list(Ls[510]), [sgc * Ls[509][0], sgc * Ls[509][1]], "multiply by sgn(c) sqrt(4 kappa1 - 16c^2)"),
            (511, list(Ls[511]), [Ls[510][0] + 4 * c, Ls[510][1] + 4 * c], "add 4c"),
            (512, list(Ls[512]), list(Ls[511]), "insert kappa1"),
            (513, list(Ls[513]), list(Ls[512]), "simplify the root"),
        ]
        for eq, new, old, what in steps:
            out.append(_ident(ctx, [e.subs(sa) for e in new], [e.subs(sa) for e in old], dom_sa, f"{eq}{eps}",
                              f"sgn c={eps:+d}: ({eq - 1}) -> ({eq}), {what}: both sides", rewrites=[M.tc7_rewrite]))
        out.append(_ident(ctx, a514(eps), (x2**2 + 4 * c**2) / Ls[513][0], DOM_XC | {t: S.interval(0.0, 4.0)}, f"514{eps}",
                          f"sgn c={eps:+d}: (513) -> (514), invert (kappa1 = ||X0||^4 + 4c^2)"))
        out.append(_ident(ctx, a515(eps), a514(eps), DOM_XC | {t: S.interval(0.0, 4.0)}, f"515{eps}",
                          f"sgn c={eps:+d}: (514) = (515)"))
        out.append(_ident(ctx, a515(eps), M.PRINTED[eps].a, DOM_XC | {t: S.interval(0.0, 4.0)}, f"313{eps}",
                          f"sgn c={eps:+d}: (515) = (313)"))
        # the final a(t) solves the IVP (436)-(438) and the first-order (458) (both signs of c)
        a_sym, u_sym = sp.symbols("a_ u_", real=True)
        af = a515(eps)
        sol = {a_sym: af, u_sym: sp.diff(af, t)}
        rhs = {a_sym: u_sym, u_sym: u_sym**2 / a_sym + 4 * a_sym**3 - 4 * c * a_sym**2}
        out.extend(S.check_ode_solution(sol, rhs, t, {t: S.interval(0.0, 6.0), **DOM_XC}, rng=ctx.rng(f"ivp{eps}"),
                                        initial={a_sym: c, u_sym: -c * x2}, name=f"sgn c={eps:+d}: (515) in (436)-(438)",
                                        timeout=8))
        out.append(_ident(ctx, sp.diff(af, t), -af * sp.sqrt(_R(af, c, k1)), {t: S.interval(0.0, 6.0), **DOM_XC},
                          f"458{eps}", f"sgn c={eps:+d}: (515) solves (458)", timeout=1))

    def pairs(inst, res, i, tv):
        return [(f"a(t={float(tv):g}) flow vs (515)", res.y["a"][i], _mp_a515(inst.x2, inst.c, tv))]
    out.append(_flow_compare(ctx, "ode", "(515) vs a = Tr(W0 - YX) from integrated (26)-(27)", pairs))
    return out
