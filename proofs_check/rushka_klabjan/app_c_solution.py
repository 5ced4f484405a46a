"""App. C, solution of the IVP for the trace-squared LoRA flow: claims [96]-[124] of the index.

(316)-(323) linear ODE for Y; (324)-(330) a'/a and a^2; (331)-(337) s(t); (338)-(348) and the
display after (348): Liouville substitution; (349)-(372) constants A, B and the particular
solution; (373)-(379) p, q and the closed forms; (380)-(406) limits.

Conventions (TC-7 world of ``tracesq``): ``x2 = ||X0||^2 > 0``, ``C = |c| > 0`` and
``eps = sgn(c)`` as two explicit cases, so ``||X0|| = sqrt(x2)``, ``||X0||^4 = x2^2``,
``c^2 = C^2``.  The printed formulas are linear in the matrices ``Y0`` and
``Tr(W0 - Y0 X0) X0^T`` entrywise, so in (353)-(372) one entry of each is a real scalar
symbol (``y0`` and ``v``) and ``A``, ``B`` are real scalar symbols (one entry of the
integration-constant matrices).  Limits t -> oo follow TC-12: ``t = K / sqrt(kappa1)`` with
``K -> oo`` (sympy.limit first, else K = 50, 100, 200 at 60 digits).
"""
from __future__ import annotations

import mpmath
import sympy as sp

from verify import Evidence, claim
from verify import symbolic as S
from verify.numeric import compare_cases

from . import PAPER
from . import tracesq as M

SETTING = (r"App. C setting: $W_0\in\mathbb R^{n\times n}$, $g(B,A)=\frac12\mathrm{Tr}^2(W_0-BA)$; "
           r"$Y_0=\mathbf 0_{n\times r}$ (App. C convention stated after (281)) unless the statement keeps $Y_0$ "
           r"general; Assumptions C.1, C.4, C.5; $c=\mathrm{Tr}(W_0)$.")
ODE_DIGITS = 20
ODE_REASON = "index tolerance for mpmath integration: 1e-20 relative (30-digit integration leaves 10 digits of margin)"
SYM_TIMEOUT = 6

t, x2, C = M.t, M.x2, M.C
K = sp.Symbol("K", positive=True)  # TC-12: t = K / sqrt(kappa1)
A_, B_ = sp.symbols("A B", real=True)  # one entry of the integration constants A, B of (350)
y0, v = sp.symbols("y0 v", real=True)  # one entry of Y0 and of Tr(W0 - Y0 X0) X0^T
DOM = dict(M.DOMAIN)
DOM0 = {x2: DOM[x2], C: DOM[C]}  # no t
DOM_AB = DOM | {A_: S.real(0.0, 3.0), B_: S.real(0.0, 3.0)}
DOM_Y = DOM | {y0: S.real(0.0, 3.0), v: S.real(0.0, 3.0)}
R = sp.Rational
NX = sp.sqrt(x2)  # ||X0||


def _ev(ev: Evidence, part: str) -> Evidence:
    ev.part = part
    return ev


def ident(ctx, lhs, rhs, dom, part, rewrites=(M.tc7_rewrite,), timeout=SYM_TIMEOUT, **kw) -> Evidence:
    """check_identity with the part name set; never 'complete' (each part is one sign case / one line)."""
    return _ev(S.check_identity(lhs, rhs, dom, rng=ctx.rng(part), name=part, timeout=timeout, rewrites=list(rewrites),
                                complete=False, **kw), part)


def chain(ctx, lines, dom, tag, **kw) -> list[Evidence]:
    """Each printed line against the previous one."""
    out = []
    for (la, ea), (lb, eb) in zip(lines, lines[1:]):
        out.append(ident(ctx, ea, eb, dom, f"{tag}: {la} = {lb}", **kw))
    return out


def lim(ctx, expr_t, expected, part, timeout=4, note=True) -> Evidence:
    """TC-12: lim_{t->oo} expr_t = expected, with t = K/sqrt(kappa1), K -> oo."""
    k1 = x2**2 + 4 * C**2
    e = expr_t.subs(t, K / sp.sqrt(k1))
    ev = S.check_limit(e, K, expected, DOM0, rng=ctx.rng(part), name=part, timeout=timeout)
    if note:
        ev.summary += f" [{NOTE_C}]"
    return _ev(ev, part)


class W:
    """Printed building blocks for one sign case eps = sgn(c)."""

    def __init__(self, eps: int):
        P = M.PRINTED[eps]
        self.P, self.eps, self.c = P, eps, P.c
        self.k1, self.k2 = P.kappa1, P.kappa2
        self.sk = sp.sqrt(self.k1)
        self.th = P.arg  # sqrt(kappa1)(t + kappa2)
        self.r = x2**2 + 4 * self.c**2  # ||X0||^4 + 4c^2 as printed
        self.s = 2 * x2 * sp.sinh(self.th) + 4 * C  # (333)
        self.sh = sp.sinh(self.sk / 2 * t)
        self.ch = sp.cosh(self.sk / 2 * t)


WS = {eps: W(eps) for eps in M.SIGNS}


# ============================================================================ [96] (316)-(323)
def _msyms(name, rows, cols):
    return sp.Matrix(rows, cols, lambda i, j: sp.Symbol(f"{name}{i}{j}", real=True))


def _field_derivative(expr, Y, X, dY, dX):
    """Directional derivative of ``expr`` (scalar or matrix) along the vector field (dY, dX)."""
    def d(e):
        return sum((sp.diff(e, Y[i, j]) * dY[i, j] for i in range(Y.rows) for j in range(Y.cols)), sp.Integer(0)) + \
            sum((sp.diff(e, X[i, j]) * dX[i, j] for i in range(X.rows) for j in range(X.cols)), sp.Integer(0))
    return expr.applyfunc(d) if isinstance(expr, sp.MatrixBase) else d(expr)


def eq316_323_sym(ctx) -> list[Evidence]:
    out = []
    for n, r in ((2, 1), (3, 2)):
        W0, Y, X = _msyms("w", n, n), _msyms("y", n, r), _msyms("x", r, n)
        a = (W0 - Y * X).trace()
        dY, dX = a * X.T, a * Y.T  # (316)-(317) with a = Tr(W0 - YX): the field (276)-(277)
        d2Y = _field_derivative(dY, Y, X, dY, dX)  # Y'' along the flow
        da = _field_derivative(a, Y, X, dY, dX)  # a' along the flow
        dom = {s_: S.real(0.0, 3.0) for m in (W0, Y, X) for s_ in m.free_symbols}
        tag = f"n={n}, r={r}"
        # residuals reduced exactly with sympy.cancel (rational-function arithmetic) before the check,
        # so that a zero is recognised without a slow simplify; a nonzero residual is sampled as usual
        z = sp.zeros(n, r)
        out += [
            ident(ctx, (d2Y - (da * X.T + a * dX.T)).applyfunc(sp.cancel), z, dom,
                  f"{tag}: (318)/(319) Y'' - (a'X^T + a dX^T/dt)", rewrites=()),
            ident(ctx, (d2Y - (da * X.T + a**2 * Y)).applyfunc(sp.cancel), z, dom, f"{tag}: (320) Y'' - (a'X^T + a^2 Y)",
                  rewrites=()),
            ident(ctx, (d2Y - (da / a * dY + a**2 * Y)).applyfunc(sp.cancel), z, dom,
                  f"{tag}: (321)-(322) Y'' - ((a'/a) Y' + a^2 Y)", rewrites=()),
            ident(ctx, (d2Y - da / a * dY - a**2 * Y).applyfunc(sp.cancel), z, dom, f"{tag}: (323) LHS", rewrites=()),
        ]
    return out


def eq323_ode(ctx) -> Evidence:
    """Along Y0 = 0 trajectories: Y'' from the vector field vs (a'/a) Y' + a^2 Y with a from (313)
    and a' its derivative (numerical differentiation of (313), not the paper's (325))."""
    times = (0.2, 1, 3)
    cases = []
    for inst in M.instances(ctx.rng("ode323"), ctx.profile.cases):
        def compute(dps, inst=inst):
            res = M.lora_flow(inst, times, dps)
            c, x = inst.c, inst.x2
            pairs = []
            for i, tv in enumerate(times):
                Y, X, af = res.y["Y"][i], res.y["X"][i], res.y["a"][i]
                dY, dX = af * X.T, af * Y.T
                daf = -(M.mtrace(dY * X) + M.mtrace(Y * dX))
                d2Y = daf * X.T + af * dX.T  # chain rule on the field
                ta = mpmath.mpf(tv)
                acl = M.a_closed(x, c, ta)
                dacl = mpmath.diff(lambda z: M.a_closed(x, c, z), ta)
                pairs.append((f"Y''(t={tv})", d2Y, dacl / acl * dY + acl**2 * Y))
            return pairs
        cases.append((inst.describe(), compute))
    return compare_cases("(323) with a(t) from (313) along integrated (276)-(277), Y0 = 0", cases, dps=ctx.dps,
                         min_digits=ODE_DIGITS, tolerance_reason=ODE_REASON, part="ODE, Y0 = 0, a from (313)")


@claim(PAPER, id="[96]", label="App C (316)–(323)", section="App. C", equations=[316, 317, 318, 319, 320, 321, 322, 323],
       methods=["SYM", "STEPS", "ODE"],
       statement=r"\frac{dY(t)}{dt}=a(t)X^T\ (316)\quad \frac{dX(t)}{dt}=a(t)Y^T\ (317)\quad "
                 r"\frac{d^2Y(t)}{dt^2}=a'(t)X^T+a(t)\frac{dX^T}{dt}\ (318)\quad \frac{d^2Y(t)}{dt^2}=a'(t)X^T+a(t)\frac{dX^T}{dt}\ (319)\quad "
                 r"\frac{d^2Y(t)}{dt^2}=a'(t)X^T+a^2(t)Y\ (320)\quad X^T=\frac1{a(t)}\frac{dY}{dt}\ (321)\quad "
                 r"\frac{d^2Y(t)}{dt^2}=\frac{a'(t)}{a(t)}\frac{dY}{dt}+a^2(t)Y\ (322)\quad "
                 r"\frac{d^2Y}{dt^2}-\frac{a'(t)}{a(t)}\frac{dY}{dt}-a^2(t)Y=0\ (323)\ \text{where } a(t) \text{ is given in (313).}",
       assumptions=SETTING, title="linear decoupled ODE for Y")
def eq316_323(ctx):
    return eq316_323_sym(ctx) + [eq323_ode(ctx)]


# ============================================================================ [97] (324)-(325)
def p324(w):
    return w.r * (-w.eps) * 2 * x2 * w.sk * sp.cosh(w.th) / w.s**2


def p325(w):
    return -w.eps * 2 * x2 * w.r**R(3, 2) * sp.cosh(w.th) / (2 * x2 * sp.sinh(w.th) + 4 * C) ** 2


@claim(PAPER, id="[97]", label="eqs (324)–(325)", section="App. C", equations=[324, 325], methods=["SYM"],
       statement=r"a'(t)=\left(\|X_0\|^4+4c^2\right)\cdot-\mathrm{sgn}(c)\frac{2\|X_0\|^2\sqrt{\kappa_1}\cosh(\sqrt{\kappa_1}(t+\kappa_2))}{\left(2\|X_0\|^2\sinh(\sqrt{\kappa_1}(t+\kappa_2))+4|c|\right)^2}\ (324)"
                 r"=-\mathrm{sgn}(c)\frac{2\|X_0\|^2\left(\|X_0\|^4+4c^2\right)^{3/2}\cosh(\sqrt{\kappa_1}(t+\kappa_2))}{\left(2\|X_0\|^2\sinh(\sqrt{\kappa_1}(t+\kappa_2))+4|c|\right)^2}\ (325)",
       assumptions=SETTING, title="derivative of a(t)")
def eq324_325(ctx):
    out = []
    for eps, w in WS.items():
        da = sp.diff(w.P.a, t)
        out.append(ident(ctx, da, p324(w), DOM, f"sgn c={eps:+d}: d/dt (313) = (324)"))
        out.append(ident(ctx, p324(w), p325(w), DOM, f"sgn c={eps:+d}: (324) = (325)"))
    return out


# ============================================================================ [98] (326)-(328)
def p326(w):
    return p325(w) * w.eps * (2 * x2 * sp.sinh(w.th) + 4 * C) / w.r


def p327(w):
    return -x2 * w.r ** R(1, 2) * sp.cosh(w.th) / (x2 * sp.sinh(w.th) + 2 * C)


def p328(w):
    return -x2 * w.sk * sp.cosh(w.th) / (x2 * sp.sinh(w.th) + 2 * C)


@claim(PAPER, id="[98]", label="eqs (326)–(328)", section="App. C", equations=[326, 327, 328], methods=["SYM"],
       statement=r"\frac{a'(t)}{a(t)}=-\mathrm{sgn}(c)\frac{2\|X_0\|^2(\|X_0\|^4+4c^2)^{3/2}\cosh(\sqrt{\kappa_1}(t+\kappa_2))}{(2\|X_0\|^2\sinh(\sqrt{\kappa_1}(t+\kappa_2))+4|c|)^2}\cdot\mathrm{sgn}(c)\frac{2\|X_0\|^2\sinh(\sqrt{\kappa_1}(t+\kappa_2))+4|c|}{\|X_0\|^4+4c^2}\ (326)"
                 r"=-\frac{\|X_0\|^2(\|X_0\|^4+4c^2)^{1/2}\cosh(\sqrt{\kappa_1}(t+\kappa_2))}{\|X_0\|^2\sinh(\sqrt{\kappa_1}(t+\kappa_2))+2|c|}\ (327)"
                 r"=-\frac{\|X_0\|^2\sqrt{\kappa_1}\cosh(\sqrt{\kappa_1}(t+\kappa_2))}{\|X_0\|^2\sinh(\sqrt{\kappa_1}(t+\kappa_2))+2|c|}\ (328)",
       assumptions=SETTING, title="a'/a")
def eq326_328(ctx):
    out = []
    for eps, w in WS.items():
        out.append(ident(ctx, sp.diff(w.P.a, t) / w.P.a, p326(w), DOM, f"sgn c={eps:+d}: a'/a from (313) = (326)"))
        out += chain(ctx, [("(326)", p326(w)), ("(327)", p327(w)), ("(328)", p328(w))], DOM, f"sgn c={eps:+d}")
    return out


# ============================================================================ [99] (329)-(330)
def p330(w):
    return w.k1**2 / (2 * x2 * sp.sinh(w.th) + 4 * C) ** 2


@claim(PAPER, id="[99]", label="eqs (329)–(330)", section="App. C", equations=[329, 330], methods=["SYM"],
       statement=r"a^2(t)=\left(\frac{\|X_0\|^4+4c^2}{2\|X_0\|^2\sinh(\sqrt{\kappa_1}(t+\kappa_2))+4|c|}\right)^2\ (329)"
                 r"=\frac{\kappa_1^2}{\left(2\|X_0\|^2\sinh(\sqrt{\kappa_1}(t+\kappa_2))+4|c|\right)^2}\ (330)",
       assumptions=SETTING, title="a^2")
def eq329_330(ctx):
    out = []
    for eps, w in WS.items():
        p329 = (w.r / (2 * x2 * sp.sinh(w.th) + 4 * C)) ** 2
        out.append(ident(ctx, w.P.a**2, p329, DOM, f"sgn c={eps:+d}: (313)^2 = (329)"))
        out.append(ident(ctx, p329, p330(w), DOM, f"sgn c={eps:+d}: (329) = (330)"))
    return out


# ============================================================================ [100] (331)-(332)
@claim(PAPER, id="[100]", label="eqs (331)–(332)", section="App. C", equations=[331, 332], methods=["SYM"],
       statement=r"\frac{d^2Y(t)}{dt^2}-\frac{a'(t)}{a(t)}\frac{dY(t)}{dt}-a^2(t)Y(t)=0.\ (331)\ \text{subject to the initial conditions } "
                 r"Y(0)=Y_0,\quad\left.\frac{dY(t)}{dt}\right|_{t=0}=\mathrm{Tr}(W_0-Y_0X_0)X_0^T.\ (332)\ "
                 r"\text{Although we adopt the initialization } Y_0=\mathbf 0_{n\times r}, \text{ we keep } Y_0 \text{ general in the calculation below to obtain a unified expression for the corresponding solution } X(t).",
       assumptions=SETTING, title="IVP for Y")
def eq331_332(ctx):
    out = []
    tt = sp.Symbol("tau", real=True)
    Yf, af = sp.Function("Y")(tt), sp.Function("a")(tt)
    e323 = Yf.diff(tt, 2) - af.diff(tt) / af * Yf.diff(tt) - af**2 * Yf
    e331 = sp.Derivative(Yf, (tt, 2)) - sp.Derivative(af, tt) / af * sp.Derivative(Yf, tt) - af**2 * Yf
    same = sp.simplify(e323 - e331) == 0
    out.append(Evidence("SYM", "proved" if same else "refuted", "(331) is literally (323) (sympy difference is 0)" if same
                        else "(331) differs from (323)", exact=True, part="(331) = (323)",
                        witness=None if same else {"diff": str(sp.simplify(e323 - e331))},
                        revalidation=None if same else {"exact": True}))
    for n, r in ((2, 1), (3, 2)):
        W0, Y0, X0 = _msyms("w", n, n), _msyms("y", n, r), _msyms("x", r, n)
        dom = {s_: S.real(0.0, 3.0) for m in (W0, Y0, X0) for s_ in m.free_symbols}
        field0 = (W0 - Y0 * X0).trace() * X0.T  # (276) at t = 0, i.e. (280), general Y0
        out.append(ident(ctx, field0, (W0 - Y0 * X0).trace() * X0.T, dom,
                         f"n={n}, r={r}: (276) at t=0 (= (280)) equals the IC in (332), general Y0", rewrites=()))
    return out


# ============================================================================ [101] (333)-(337)
def s_positive_evidence(ctx) -> list[Evidence]:
    """s(0) = kappa1/|c| > 0 and s'(t) = 2 sqrt(kappa1)||X0||^2 cosh(.) > 0, so s > 0 on [0, oo)."""
    out = []
    for eps, w in WS.items():
        out.append(ident(ctx, w.s.subs(t, 0), w.k1 / C, DOM0, f"sgn c={eps:+d}: s(0) = kappa1/|c|"))
        ds = sp.diff(w.s, t)
        pos = bool(ds.is_positive) and bool((w.k1 / C).is_positive)
        out.append(Evidence("SYM", "proved" if pos else "inconclusive",
                            f"sgn c={eps:+d}: sympy decides ds/dt = {ds} > 0 and kappa1/|c| > 0 for ||X0||^2, |c| > 0, t >= 0"
                            if pos else f"sgn c={eps:+d}: sympy could not decide the sign of ds/dt",
                            exact=pos, part=f"sgn c={eps:+d}: s > 0 on [0, oo)"))
    return out


@claim(PAPER, id="[101]", label="eqs (333)–(337)", section="App. C", equations=[333, 334, 335, 336, 337], methods=["SYM"],
       statement=r"s(t)=2\|X_0\|^2\sinh(\sqrt{\kappa_1}(t+\kappa_2))+4|c|\ (333)\quad s'(t)=2\sqrt{\kappa_1}\|X_0\|^2\cosh(\sqrt{\kappa_1}(t+\kappa_2))\ (334)\quad "
                 r"s''(t)=2\kappa_1\|X_0\|^2\sinh(\sqrt{\kappa_1}(t+\kappa_2))\ (335)\ \text{Then (331) becomes } "
                 r"\frac{d^2Y}{dt^2}+\frac{s'(t)}{s(t)}\frac{dY}{dt}-\frac{\kappa_1^2}{s^2(t)}Y=0\ (336)\ "
                 r"s(t)\frac{d^2Y}{dt^2}+s'(t)\frac{dY}{dt}-\frac{\kappa_1^2}{s(t)}Y=0\ (337)\ \text{Note that } s(t)>0 \text{ on } [0,T]",
       assumptions=SETTING, title="s(t) and the ODE in s")
def eq333_337(ctx):
    out = []
    for eps, w in WS.items():
        p334 = 2 * w.sk * x2 * sp.cosh(w.th)
        p335 = 2 * w.k1 * x2 * sp.sinh(w.th)
        tag = f"sgn c={eps:+d}"
        out += [
            ident(ctx, sp.diff(w.s, t), p334, DOM, f"{tag}: d/dt (333) = (334)"),
            ident(ctx, sp.diff(p334, t), p335, DOM, f"{tag}: d/dt (334) = (335)"),
            ident(ctx, -p328(w), p334 / w.s, DOM, f"{tag}: -(328) = s'/s, coefficient of dY/dt in (336)"),
            ident(ctx, p330(w), w.k1**2 / w.s**2, DOM, f"{tag}: (330) = kappa1^2/s^2, coefficient of Y in (336)"),
            ident(ctx, -sp.diff(w.P.a, t) / w.P.a, p334 / w.s, DOM, f"{tag}: -a'/a from (313) = s'/s"),
        ]
    # (337) = s * (336), with Y and s as functions
    tt = sp.Symbol("tau", real=True)
    Yf, sf = sp.Function("Y")(tt), sp.Function("s")(tt)
    k1 = sp.Symbol("kappa1", positive=True)
    e336 = Yf.diff(tt, 2) + sf.diff(tt) / sf * Yf.diff(tt) - k1**2 / sf**2 * Yf
    e337 = sf * Yf.diff(tt, 2) + sf.diff(tt) * Yf.diff(tt) - k1**2 / sf * Yf
    ok = sp.simplify(sp.expand(sf * e336 - e337)) == 0
    out.append(Evidence("SYM", "proved" if ok else "refuted", "(337) = s(t) x (336): sympy difference is 0" if ok else
                        "(337) is not s(t) x (336)", exact=True, part="(336) -> (337)",
                        witness=None if ok else {"diff": str(sp.simplify(sf * e336 - e337))},
                        revalidation=None if ok else {"exact": True}))
    return out + s_positive_evidence(ctx)


# ============================================================================ [102] (338)-(348)
def _funcs_to_symbols(expr, tt, fs, syms):
    """Replace f, f', f'', f''' of each function by plain symbols (highest order first)."""
    rep = {}
    for f, ss in zip(fs, syms):
        for k in range(len(ss) - 1, 0, -1):
            rep[f.diff(tt, k)] = ss[k]
    e = expr.subs(rep)
    return e.subs({f: ss[0] for f, ss in zip(fs, syms)})


@claim(PAPER, id="[102]", label="eqs (338)–(348)", section="App. C", equations=list(range(338, 349)), methods=["SYM", "STEPS"],
       statement=r"Y(t)=\frac{U(t)}{\sqrt{s(t)}}=s^{-1/2}(t)U(t)\ (338)\quad Y'(t)=-\frac12s^{-3/2}(t)s'(t)U(t)+s^{-1/2}(t)U'(t)\ (339)\quad "
                 r"Y''(t)=\frac34s^{-5/2}(t)s'^2(t)U(t)-\frac12s^{-3/2}(t)s''(t)U(t)-\frac12s^{-3/2}(t)s'(t)U'(t)-\frac12s^{-3/2}(t)s'(t)U'(t)+s^{-1/2}(t)U''(t)\ (340)\quad "
                 r"s(t)Y''(t)=\frac34s^{-3/2}(t)s'^2(t)U(t)-\frac12s^{-1/2}(t)s''(t)U(t)-\frac12s^{-1/2}(t)s'(t)U'(t)-\frac12s^{-1/2}(t)s'(t)U'(t)+s^{1/2}(t)U''(t)\ (341)\quad "
                 r"s'(t)Y'(t)=-\frac12s^{-3/2}(t)s'^2(t)U(t)+s^{-1/2}(t)s'(t)U'(t)\ (342)\quad \frac{\kappa_1^2}{s(t)}Y=\kappa_1^2s^{-3/2}(t)U(t)\ (343)\quad "
                 r"\frac34s^{-3/2}s'^2U-\frac12s^{-1/2}s''U-\frac12s^{-1/2}s'U'-\frac12s^{-1/2}s'U'\ (344)\ +s^{1/2}U''-\frac12s^{-3/2}s'^2U+s^{-1/2}s'U'-\kappa_1^2s^{-3/2}U=0.\ (345)\quad "
                 r"\frac14s^{-3/2}(t)s'^2(t)U(t)-\frac12s^{-1/2}(t)s''(t)U(t)+s^{1/2}(t)U''(t)-\kappa_1^2s^{-3/2}(t)U(t)=0\ (346)\quad "
                 r"U''(t)+\left(\frac14s^{-2}(t)s'^2(t)-\frac12s^{-1}(t)s''(t)-\kappa_1^2s^{-2}(t)\right)U(t)=0\ (347)\quad "
                 r"U''(t)+\left(\frac{s'^2(t)-2s(t)s''(t)-4\kappa_1^2}{4s^2(t)}\right)U(t)=0\ (348)",
       assumptions=SETTING + r" $s>0$ (Remark C.7 / (333)).", title="Liouville substitution")
def eq338_348(ctx):
    tt = sp.Symbol("tau", real=True)
    sf, Uf = sp.Function("s")(tt), sp.Function("U")(tt)
    k1 = sp.Symbol("kappa1", positive=True)
    s0, s1, s2, s3 = sp.symbols("s0 s1 s2 s3", real=True)
    u0, u1, u2, u3 = sp.symbols("u0 u1 u2 u3", real=True)
    s0 = sp.Symbol("s0", positive=True)
    dom = {s0: S.positive(0.05, 20.0), s1: S.real(0, 5), s2: S.real(0, 5), s3: S.real(0, 5),
           u0: S.real(0, 5), u1: S.real(0, 5), u2: S.real(0, 5), k1: S.positive(0.05, 20.0)}

    def sym(e):
        e = _funcs_to_symbols(sp.sympify(e), tt, [sf, Uf], [(s0, s1, s2, s3), (u0, u1, u2, u3)])
        return e

    s, U = sf, Uf
    ds, d2s = s.diff(tt), s.diff(tt, 2)
    dU, d2U = U.diff(tt), U.diff(tt, 2)
    h = R(1, 2)
    Y338 = s ** (-h) * U
    L339 = -h * s ** R(-3, 2) * ds * U + s ** (-h) * dU
    L340 = (R(3, 4) * s ** R(-5, 2) * ds**2 * U - h * s ** R(-3, 2) * d2s * U - h * s ** R(-3, 2) * ds * dU
            - h * s ** R(-3, 2) * ds * dU + s ** (-h) * d2U)
    L341 = (R(3, 4) * s ** R(-3, 2) * ds**2 * U - h * s ** (-h) * d2s * U - h * s ** (-h) * ds * dU
            - h * s ** (-h) * ds * dU + s**h * d2U)
    L342 = -h * s ** R(-3, 2) * ds**2 * U + s ** (-h) * ds * dU
    L343 = k1**2 * s ** R(-3, 2) * U
    L344_345 = (R(3, 4) * s ** R(-3, 2) * ds**2 * U - h * s ** (-h) * d2s * U - h * s ** (-h) * ds * dU
                - h * s ** (-h) * ds * dU + s**h * d2U - h * s ** R(-3, 2) * ds**2 * U + s ** (-h) * ds * dU
                - k1**2 * s ** R(-3, 2) * U)
    L346 = R(1, 4) * s ** R(-3, 2) * ds**2 * U - h * s ** (-h) * d2s * U + s**h * d2U - k1**2 * s ** R(-3, 2) * U
    L347 = d2U + (R(1, 4) * s ** (-2) * ds**2 - h * s ** (-1) * d2s - k1**2 * s ** (-2)) * U
    L348 = d2U + ((ds**2 - 2 * s * d2s - 4 * k1**2) / (4 * s**2)) * U
    steps = [
        ("(338) -> (339): d/dt (338) = (339)", Y338.diff(tt), L339),
        ("(339) -> (340): d/dt (339) = (340)", L339.diff(tt), L340),
        ("(340) -> (341): s x (340) = (341)", s * L340, L341),
        ("(339) -> (342): s' x (339) = (342)", ds * L339, L342),
        ("(338) -> (343): kappa1^2/s x (338) = (343)", k1**2 / s * Y338, L343),
        ("(341),(342),(343) -> (344)-(345): (341) + (342) - (343) = LHS of (344)-(345)", L341 + L342 - L343, L344_345),
        ("(344)-(345) -> (346)", L344_345, L346),
        ("(346) -> (347): s^{-1/2} x (346) = (347)", s ** (-h) * L346, L347),
        ("(347) -> (348)", L347, L348),
    ]
    out = [ident(ctx, sym(a), sym(b), dom, lab, rewrites=()) for lab, a, b in steps]
    Ysub = Y338
    direct = s ** (-h) * (s * Ysub.diff(tt, 2) + ds * Ysub.diff(tt) - k1**2 / s * Ysub)
    out.append(ident(ctx, sym(direct), sym(L348), dom, "endpoint: (338) substituted into (337), times s^{-1/2}, = LHS of (348)",
                     rewrites=()))
    return out


# ============================================================================ [103] display after (348)
def coefficient_lines(w, th):
    """The printed lines L0..L7 of the display after (348), with theta = sqrt(kappa1)(t + kappa2) as ``th``."""
    k1, sh, ch = w.k1, sp.sinh(th), sp.cosh(th)
    s = 2 * x2 * sh + 4 * C  # (333)
    ds = 2 * sp.sqrt(k1) * x2 * ch  # (334)
    d2s = 2 * k1 * x2 * sh  # (335)
    c2 = w.c**2
    L0 = (ds**2 - 2 * s * d2s - 4 * k1**2) / (4 * s**2)
    L1 = (4 * k1 * x2**2 * ch**2 - 4 * k1 * x2 * sh * (2 * x2 * sh + 4 * C) - 4 * k1**2) / (4 * (2 * x2 * sh + 4 * C) ** 2)
    den = 4 * x2**2 * sh**2 + 16 * C * x2 * sh + 16 * c2
    L2 = k1 / 4 * (4 * x2**2 * ch**2 - 8 * x2**2 * sh**2 - 16 * C * x2 * sh - 4 * k1) / den
    L3 = k1 / 4 * (4 * x2**2 * ch**2 - 4 * x2**2 * sh**2 - 4 * x2**2 * sh**2 - 16 * C * x2 * sh - 4 * k1) / den
    L4 = k1 / 4 * (4 * x2**2 - 4 * x2**2 * sh**2 - 16 * C * x2 * sh - 4 * k1) / den
    den5 = x2**2 * sh**2 + 4 * C * x2 * sh + 4 * c2
    L5 = k1 / 4 * (x2**2 - x2**2 * sh**2 - 4 * C * x2 * sh - x2**2 - 4 * c2) / den5
    L6 = k1 / 4 * (-4 * c2 - x2**2 * sh**2 - 4 * C * x2 * sh) / (4 * c2 + x2**2 * sh**2 + 4 * C * x2 * sh)
    L7 = -k1 / 4
    return [("L0 (coefficient in (348))", L0), ("L1", L1), ("L2", L2), ("L3", L3), ("L4", L4), ("L5", L5), ("L6", L6),
            ("L7 = -kappa1/4", L7)]


@claim(PAPER, id="[103]", label="line after (348)", section="App. C", methods=["SYM", "STEPS"],
       statement=r"\frac{s'(t)^2-2s(t)s''(t)-4\kappa_1^2}{4s(t)^2}=\frac{4\kappa_1\|X_0\|^4\cosh^2(\sqrt{\kappa_1}(t+\kappa_2))-4\kappa_1\|X_0\|^2\sinh(\sqrt{\kappa_1}(t+\kappa_2))(2\|X_0\|^2\sinh(\sqrt{\kappa_1}(t+\kappa_2))+4|c|)-4\kappa_1^2}{4(2\|X_0\|^2\sinh(\sqrt{\kappa_1}(t+\kappa_2))+4|c|)^2}"
                 r"=\frac{\kappa_1}4\cdot\frac{4\|X_0\|^4\cosh^2-8\|X_0\|^4\sinh^2-16|c|\|X_0\|^2\sinh-4\kappa_1}{4\|X_0\|^4\sinh^2+16|c|\|X_0\|^2\sinh+16c^2}"
                 r"=\frac{\kappa_1}4\cdot\frac{4\|X_0\|^4\cosh^2-4\|X_0\|^4\sinh^2-4\|X_0\|^4\sinh^2-16|c|\|X_0\|^2\sinh-4\kappa_1}{4\|X_0\|^4\sinh^2+16|c|\|X_0\|^2\sinh+16c^2}"
                 r"=\frac{\kappa_1}4\cdot\frac{4\|X_0\|^4-4\|X_0\|^4\sinh^2-16|c|\|X_0\|^2\sinh-4\kappa_1}{4\|X_0\|^4\sinh^2+16|c|\|X_0\|^2\sinh+16c^2}"
                 r"=\frac{\kappa_1}4\cdot\frac{\|X_0\|^4-\|X_0\|^4\sinh^2-4|c|\|X_0\|^2\sinh-\|X_0\|^4-4c^2}{\|X_0\|^4\sinh^2+4|c|\|X_0\|^2\sinh+4c^2}"
                 r"=\frac{\kappa_1}4\cdot\frac{-4c^2-\|X_0\|^4\sinh^2-4|c|\|X_0\|^2\sinh}{4c^2+\|X_0\|^4\sinh^2+4|c|\|X_0\|^2\sinh}=-\frac{\kappa_1}4."
                 r"\ (\sinh,\cosh \text{ of } \sqrt{\kappa_1}(t+\kappa_2))",
       assumptions=SETTING, title="coefficient of U equals -kappa1/4")
def coeff_after_348(ctx):
    th = sp.Symbol("theta", positive=True)
    dom = DOM0 | {th: S.interval(0.0, 6.0)}
    out = []
    for eps, w in WS.items():
        lines = coefficient_lines(w, th)
        tag = f"sgn c={eps:+d}"
        out += chain(ctx, lines, dom, tag, rewrites=[lambda e: sp.simplify(e.rewrite(sp.exp))])
        out.append(ident(ctx, lines[0][1], lines[-1][1], dom, f"{tag}: L0 = L7 (first vs last)",
                         rewrites=[lambda e: sp.simplify(e.rewrite(sp.exp))]))
    # theta as printed, sqrt(kappa1)(t + kappa2): the first line against the last
    for eps, w in WS.items():
        lines = coefficient_lines(w, w.th)
        out.append(ident(ctx, lines[0][1], lines[-1][1], DOM, f"sgn c={eps:+d}: L0 = -kappa1/4 at theta = sqrt(kappa1)(t+kappa2)"))
    return out


# ============================================================================ [104] (349)-(353)
def p353(w, A=A_, B=B_):
    return (A * w.sh + B * w.ch) / sp.sqrt(2 * x2 * sp.sinh(w.th) + 4 * C)


@claim(PAPER, id="[104]", label="eqs (349)–(353)", section="App. C", equations=[349, 350, 351, 352, 353], methods=["SYM", "STEPS"],
       statement=r"U''(t)-\frac{\kappa_1}4U(t)=0\ (349)\ \text{which is solved by } U(t)=A\sinh\left(\frac{\sqrt{\kappa_1}}2t\right)+B\cosh\left(\frac{\sqrt{\kappa_1}}2t\right)\ (350)\ "
                 r"Y(t)\sqrt{s(t)}=A\sinh\left(\frac{\sqrt{\kappa_1}}2t\right)+B\cosh\left(\frac{\sqrt{\kappa_1}}2t\right)\ (351)\ "
                 r"Y(t)=\frac{A\sinh\left(\frac{\sqrt{\kappa_1}}2t\right)+B\cosh\left(\frac{\sqrt{\kappa_1}}2t\right)}{\sqrt{s(t)}}\ (352)\ "
                 r"Y(t)=\frac{A\sinh\left(\frac{\sqrt{\kappa_1}}2t\right)+B\cosh\left(\frac{\sqrt{\kappa_1}}2t\right)}{\sqrt{2\|X_0\|^2\sinh(\sqrt{\kappa_1}(t+\kappa_2))+4|c|}}\ (353)",
       assumptions=SETTING, title="general solution for Y")
def eq349_353(ctx):
    out = []
    for eps, w in WS.items():
        tag = f"sgn c={eps:+d}"
        U = A_ * w.sh + B_ * w.ch
        out.append(ident(ctx, sp.diff(U, t, 2) - w.k1 / 4 * U, 0, DOM_AB, f"{tag}: (350) solves (349)"))
        lines = coefficient_lines(w, w.th)
        out.append(ident(ctx, sp.diff(U, t, 2) + lines[0][1] * U, sp.diff(U, t, 2) - w.k1 / 4 * U, DOM_AB,
                         f"{tag}: (348) with the coefficient from (333)-(335) is (349)"))
        Y = p353(w)
        out.append(ident(ctx, U / sp.sqrt(w.s), Y, DOM_AB, f"{tag}: (351)-(352) with s from (333) = (353)"))
        res336 = sp.diff(Y, t, 2) + sp.diff(w.s, t) / w.s * sp.diff(Y, t) - w.k1**2 / w.s**2 * Y
        out.append(ident(ctx, res336, 0, DOM_AB, f"{tag}: (353) satisfies (336) for arbitrary A, B", timeout=2, samples=30))
        a = w.P.a
        res331 = sp.diff(Y, t, 2) - sp.diff(a, t) / a * sp.diff(Y, t) - a**2 * Y
        out.append(ident(ctx, res331, 0, DOM_AB, f"{tag}: (353) satisfies (331) with a(t) from (313)", timeout=2, samples=30))
    return out


# ============================================================================ [105] (354)
def p354(w, A=A_, B=B_, tv=t):
    """(354) as printed, reading C_1 = kappa_1 and C_2 = kappa_2."""
    C1, C2 = w.k1, w.k2
    num = sp.sqrt(C1) * (A * x2 * sp.sinh(sp.sqrt(C1) * (tv + 2 * C2) / 2) - B * x2 * sp.cosh(sp.sqrt(C1) * (tv + 2 * C2) / 2)
                         + 2 * B * C * sp.sinh(sp.sqrt(C1) * tv / 2) + 2 * A * C * sp.cosh(sp.sqrt(C1) * tv / 2))
    return num / (2 ** R(3, 2) * (x2 * sp.sinh(sp.sqrt(C1) * (tv + C2)) + 2 * C) ** R(3, 2))


@claim(PAPER, id="[105]", label="eq (354)", section="App. C", equations=[354], methods=["SYM"],
       statement=r"Y'(t)=\frac{\sqrt{C_1}\left[A\|X_0\|^2\sinh\left(\frac{\sqrt{C_1}(t+2C_2)}2\right)-B\|X_0\|^2\cosh\left(\frac{\sqrt{C_1}(t+2C_2)}2\right)+2B|c|\sinh\left(\frac{\sqrt{C_1}t}2\right)+2A|c|\cosh\left(\frac{\sqrt{C_1}t}2\right)\right]}{2^{\frac32}\left(\|X_0\|^2\sinh(\sqrt{C_1}(t+C_2))+2|c|\right)^{\frac32}}\ (354)",
       assumptions=SETTING + r" Reading used: $C_1=\kappa_1$, $C_2=\kappa_2$ (the constants are not defined in the paper; (359)–(364) use $C_1$ next to $\kappa_1$).",
       title="Y'(t)")
def eq354(ctx):
    out = []
    for eps, w in WS.items():
        out.append(ident(ctx, sp.diff(p353(w), t), p354(w), DOM_AB,
                         f"sgn c={eps:+d}: d/dt (353) = (354) with C1 = kappa1, C2 = kappa2", samples=200))
    return out


# ============================================================================ [106] (355)-(358)
def p370(w):
    return sp.sqrt(x2**2 + 4 * w.c**2) / sp.sqrt(C) * y0


def p369(w):
    return x2 / sp.sqrt(C) * y0 + 2 * v / sp.sqrt(C)


@claim(PAPER, id="[106]", label="eqs (355)–(358)", section="App. C", equations=[355, 356, 357, 358], methods=["SYM", "STEPS"],
       statement=r"Y(0)=\frac{B}{\sqrt{2\|X_0\|^2\sinh(\sqrt{\kappa_1}\kappa_2)+4|c|}}\ (355)=\frac{B}{\sqrt{2\|X_0\|^2\cdot\frac{\|X_0\|^2}{2|c|}+4|c|}}\ (356)"
                 r"=\frac{B\sqrt{|c|}}{\sqrt{\|X_0\|^4+4c^2}}\ (357)=Y_0\ (358)",
       assumptions=SETTING, title="Y(0)")
def eq355_358(ctx):
    out = []
    dom = DOM0 | {B_: S.real(0.0, 3.0)}
    for eps, w in WS.items():
        tag = f"sgn c={eps:+d}"
        l355 = B_ / sp.sqrt(2 * x2 * sp.sinh(w.sk * w.k2) + 4 * C)
        l356 = B_ / sp.sqrt(2 * x2 * x2 / (2 * C) + 4 * C)
        l357 = B_ * sp.sqrt(C) / sp.sqrt(x2**2 + 4 * w.c**2)
        out.append(ident(ctx, p353(w).subs(t, 0), l355, dom, f"{tag}: (353) at t=0 = (355)"))
        out += chain(ctx, [("(355)", l355), ("(356)", l356), ("(357)", l357)], dom, tag)
        out.append(ident(ctx, l357.subs(B_, p370(w)), y0, DOM0 | {y0: S.real(0.0, 3.0)},
                         f"{tag}: (358): (357) with B from (370) = Y0"))
    return out


# ============================================================================ [107] (359)-(366)
def lines_359_365(w):
    k1, k2, sk = w.k1, w.k2, w.sk
    A, B = A_, B_
    rr = sp.sqrt(x2**2 + 4 * w.c**2)
    brk = A * x2**2 - B * x2 * rr + 4 * A * C**2
    return [
        ("(359)", sp.sqrt(k1) * (A * x2 * sp.sinh(k2 * sk) - B * x2 * sp.cosh(k2 * sk) + 2 * A * C)
         / (2 ** R(3, 2) * (x2 * sp.sinh(k2 * sp.sqrt(k1)) + 2 * C) ** R(3, 2))),
        ("(360)", sp.sqrt(k1) * (A * x2 * x2 / (2 * C) - B * x2 * rr / (2 * C) + 2 * A * C)
         / (2 ** R(3, 2) * (x2 * x2 / (2 * C) + 2 * C) ** R(3, 2))),
        ("(361)", sp.sqrt(k1) * brk / (2 * C * (x2**2 / C + 4 * C) ** R(3, 2))),
        ("(362)", sp.sqrt(k1 * C) * brk / (2 * C ** R(3, 2) * (x2**2 / C + 4 * C) ** R(3, 2))),
        ("(363)", sp.sqrt(k1 * C) * brk / (2 * (x2**2 + 4 * w.c**2) ** R(3, 2))),
        ("(364)", sp.sqrt(C) * rr * (A * (x2**2 + 4 * w.c**2) - B * x2 * rr) / (2 * (x2**2 + 4 * w.c**2) ** R(3, 2))),
        ("(365)", sp.sqrt(C) * (A * (x2**2 + 4 * w.c**2) - B * x2 * rr) / (2 * (x2**2 + 4 * w.c**2))),
    ]


@claim(PAPER, id="[107]", label="eqs (359)–(366)", section="App. C", equations=list(range(359, 367)), methods=["SYM", "STEPS"],
       statement=r"Y'(0)=\frac{\sqrt{C_1}[A\|X_0\|^2\sinh(\kappa_2\sqrt{\kappa_1})-B\|X_0\|^2\cosh(\kappa_2\sqrt{\kappa_1})+2A|c|]}{2^{\frac32}(\|X_0\|^2\sinh(\kappa_2\sqrt{C_1})+2|c|)^{\frac32}}\ (359)"
                 r"=\frac{\sqrt{C_1}[A\|X_0\|^2\cdot\frac{\|X_0\|^2}{2|c|}-B\|X_0\|^2\cdot\frac{\sqrt{\|X_0\|^4+4c^2}}{2|c|}+2A|c|]}{2^{\frac32}(\|X_0\|^2\cdot\frac{\|X_0\|^2}{2|c|}+2|c|)^{\frac32}}\ (360)"
                 r"=\frac{\sqrt{C_1}[A\|X_0\|^4-B\|X_0\|^2\sqrt{\|X_0\|^4+4c^2}+4A|c|^2]}{2|c|(\frac{\|X_0\|^4}{|c|}+4|c|)^{\frac32}}\ (361)"
                 r"=\frac{\sqrt{C_1|c|}[\ldots]}{2|c|^{3/2}(\frac{\|X_0\|^4}{|c|}+4|c|)^{\frac32}}\ (362)=\frac{\sqrt{C_1|c|}[\ldots]}{2(\|X_0\|^4+4c^2)^{\frac32}}\ (363)"
                 r"=\frac{\sqrt{|c|}\sqrt{\|X_0\|^4+4c^2}[A(\|X_0\|^4+4c^2)-B\|X_0\|^2\sqrt{\|X_0\|^4+4c^2}]}{2(\|X_0\|^4+4c^2)^{\frac32}}\ (364)"
                 r"=\frac{\sqrt{|c|}\left[A\left(\|X_0\|^4+4c^2\right)-B\|X_0\|^2\sqrt{\|X_0\|^4+4c^2}\right]}{2\left(\|X_0\|^4+4c^2\right)}\ (365)=\mathrm{Tr}(W_0-Y_0X_0)X_0^T\ (366)",
       assumptions=SETTING + r" Reading used: $C_1=\kappa_1$, $C_2=\kappa_2$.", title="Y'(0)")
def eq359_366(ctx):
    out = []
    dom = DOM0 | {A_: S.real(0.0, 3.0), B_: S.real(0.0, 3.0)}
    for eps, w in WS.items():
        tag = f"sgn c={eps:+d}"
        lines = lines_359_365(w)
        out.append(ident(ctx, p354(w).subs(t, 0), lines[0][1], dom, f"{tag}: (354) at t=0 = (359)"))
        out.append(ident(ctx, sp.diff(p353(w), t).subs(t, 0), lines[0][1], dom, f"{tag}: d/dt (353) at t=0 = (359)"))
        out += chain(ctx, lines, dom, tag)
        l365 = lines[-1][1].subs({A_: p369(w), B_: p370(w)}, simultaneous=True)
        out.append(ident(ctx, l365, v, DOM0 | {y0: S.real(0.0, 3.0), v: S.real(0.0, 3.0)},
                         f"{tag}: (366): (365) with A, B from (369)-(370) = Tr(W0-Y0X0)X0^T"))
    return out


# ============================================================================ [108] (367)-(370)
@claim(PAPER, id="[108]", label="eqs (367)–(370)", section="App. C", equations=[367, 368, 369, 370], methods=["SYM"],
       statement=r"Y_0=\frac{B\sqrt{|c|}}{\sqrt{\|X_0\|^4+4c^2}}\ (367)\quad \mathrm{Tr}(W_0-Y_0X_0)X_0^T=\frac{\sqrt{|c|}[A(\|X_0\|^4+4c^2)-B\|X_0\|^2\sqrt{\|X_0\|^4+4c^2}]}{2(\|X_0\|^4+4c^2)}\ (368)\ "
                 r"\text{which gives } A=\frac{\|X_0\|^2}{\sqrt{|c|}}Y_0+\frac{2\mathrm{Tr}(W_0-Y_0X_0)X_0^T}{\sqrt{|c|}}\ (369)\quad B=\frac{\sqrt{\|X_0\|^4+4c^2}}{\sqrt{|c|}}Y_0\ (370)",
       assumptions=SETTING, title="integration constants A, B")
def eq367_370(ctx):
    out = []
    for eps, w in WS.items():
        rr = sp.sqrt(x2**2 + 4 * w.c**2)
        e367 = sp.Eq(y0, B_ * sp.sqrt(C) / rr)
        e368 = sp.Eq(v, sp.sqrt(C) * (A_ * (x2**2 + 4 * w.c**2) - B_ * x2 * rr) / (2 * (x2**2 + 4 * w.c**2)))
        sol = sp.solve([e367, e368], [A_, B_], dict=True)
        if len(sol) != 1:
            out.append(Evidence("SYM", "inconclusive", f"sgn c={eps:+d}: sympy.solve returned {len(sol)} solutions",
                                part=f"sgn c={eps:+d}: solve"))
            continue
        out.append(ident(ctx, [sol[0][A_], sol[0][B_]], [p369(w), p370(w)], DOM0 | {y0: S.real(0, 3), v: S.real(0, 3)},
                         f"sgn c={eps:+d}: unique solution of (367)-(368) = (369)-(370)"))
    return out


# ============================================================================ [109] (371)-(372)
def p371(w):
    sq = sp.sqrt(2 * x2 * sp.sinh(w.th) + 4 * C)
    return (x2 / sp.sqrt(C) * y0 + 2 * v / sp.sqrt(C)) * w.sh / sq + sp.sqrt(x2**2 + 4 * w.c**2) / sp.sqrt(C) * w.ch / sq * y0


def p372(w):
    sq = sp.sqrt(2 * x2 * sp.sinh(w.th) + 4 * C)
    return (1 / sq * (x2 / sp.sqrt(C) * w.sh + sp.sqrt(x2**2 + 4 * w.c**2) / sp.sqrt(C) * w.ch) * y0
            + 1 / sq * 2 / sp.sqrt(C) * w.sh * v)


@claim(PAPER, id="[109]", label="eqs (371)–(372)", section="App. C", equations=[371, 372], methods=["SYM", "STEPS"],
       statement=r"Y(t)=\left(\frac{\|X_0\|^2}{\sqrt{|c|}}Y_0+\frac{2\mathrm{Tr}(W_0-Y_0X_0)X_0^T}{\sqrt{|c|}}\right)\frac{\sinh\left(\frac{\sqrt{\kappa_1}}2t\right)}{\sqrt{2\|X_0\|^2\sinh(\sqrt{\kappa_1}(t+\kappa_2))+4|c|}}"
                 r"+\frac{\sqrt{\|X_0\|^4+4c^2}}{\sqrt{|c|}}\cdot\frac{\cosh\left(\frac{\sqrt{\kappa_1}}2t\right)}{\sqrt{2\|X_0\|^2\sinh(\sqrt{\kappa_1}(t+\kappa_2))+4|c|}}Y_0\ (371)\quad "
                 r"Y(t)=\frac1{\sqrt{2\|X_0\|^2\sinh(\sqrt{\kappa_1}(t+\kappa_2))+4|c|}}\left[\frac{\|X_0\|^2}{\sqrt{|c|}}\sinh\left(\frac{\sqrt{\kappa_1}}2t\right)+\frac{\sqrt{\|X_0\|^4+4c^2}}{\sqrt{|c|}}\cosh\left(\frac{\sqrt{\kappa_1}}2t\right)\right]Y_0"
                 r"+\frac1{\sqrt{2\|X_0\|^2\sinh(\sqrt{\kappa_1}(t+\kappa_2))+4|c|}}\cdot\frac2{\sqrt{|c|}}\sinh\left(\frac{\sqrt{\kappa_1}}2t\right)\mathrm{Tr}(W_0-Y_0X_0)X_0^T\ (372)",
       assumptions=SETTING, title="particular solution for Y")
def eq371_372(ctx):
    out = []
    for eps, w in WS.items():
        tag = f"sgn c={eps:+d}"
        sub = p353(w, A=p369(w), B=p370(w))
        out.append(ident(ctx, sub, p371(w), DOM_Y, f"{tag}: (353) with (369)-(370) = (371)"))
        out.append(ident(ctx, p371(w), p372(w), DOM_Y, f"{tag}: (371) = (372)"))
    return out


# ============================================================================ [110] (373)-(374)
def p373(w):
    return 1 / sp.sqrt(2 * x2 * sp.sinh(w.th) + 4 * C) * (x2 / sp.sqrt(C) * w.sh + sp.sqrt(x2**2 + 4 * w.c**2) / sp.sqrt(C) * w.ch)


def p374(w):
    return 1 / sp.sqrt(2 * x2 * sp.sinh(w.th) + 4 * C) * 2 / sp.sqrt(C) * w.sh


@claim(PAPER, id="[110]", label="eqs (373)–(374)", section="App. C", equations=[373, 374], methods=["SYM"],
       statement=r"p(t):=\frac1{\sqrt{2\|X_0\|^2\sinh(\sqrt{\kappa_1}(t+\kappa_2))+4|c|}}\left[\frac{\|X_0\|^2}{\sqrt{|c|}}\sinh\left(\frac{\sqrt{\kappa_1}}2t\right)+\frac{\sqrt{\|X_0\|^4+4c^2}}{\sqrt{|c|}}\cosh\left(\frac{\sqrt{\kappa_1}}2t\right)\right]\ (373)\quad "
                 r"q(t):=\frac1{\sqrt{2\|X_0\|^2\sinh(\sqrt{\kappa_1}(t+\kappa_2))+4|c|}}\cdot\frac2{\sqrt{|c|}}\sinh\left(\frac{\sqrt{\kappa_1}}2t\right)\ (374)"
                 r"\ \text{(main text: smooth scalar functions on } [0,\infty))",
       assumptions=SETTING, title="p(t), q(t)")
def eq373_374(ctx):
    out = []
    for eps, w in WS.items():
        out.append(ident(ctx, p372(w), p373(w) * y0 + p374(w) * v, DOM_Y,
                         f"sgn c={eps:+d}: (372) = p Y0 + q Tr(W0-Y0X0)X0^T with p, q of (373)-(374)"))
        out.append(ident(ctx, [p373(w), p374(w)], [M.PRINTED[eps].p, M.PRINTED[eps].q], DOM,
                         f"sgn c={eps:+d}: (373)-(374) as transcribed here = tracesq.PRINTED p, q", rewrites=()))
    return out + s_positive_evidence(ctx)


# ============================================================================ [111], [112] (375)-(376)
def flow_vs_closed(ctx, tag: str, which: str, general_y0: bool, times=(0.2, 0.5, 1, 2, 3), scaled=False) -> Evidence:
    """Integrate (276)-(277) (TC-5, working precision) and compare Y with (375) or X with (376)
    (or both with (377)-(378)).  ``scaled``: the times are K values, t = K/sqrt(kappa1) (TC-12)."""
    cases = []
    for inst in M.instances(ctx.rng(tag), ctx.profile.cases, general_y0=general_y0):
        def compute(dps, inst=inst):
            c, x = inst.c, inst.x2
            tl = [mpmath.mpf(k) / mpmath.sqrt(M.kappas(x, c)[0]) for k in times] if scaled else list(times)
            res = M.lora_flow(inst, tl, dps)
            Y0, X0 = inst.mp("Y0"), inst.mp("X0")
            a0 = c - M.mtrace(Y0 * X0)  # Tr(W0 - Y0 X0)
            pairs = []
            for i, tv in enumerate(tl):
                tm = mpmath.mpf(tv)
                tv = f"{times[i]}/sqrt(kappa1)" if scaled else tv
                p, q = M.p_closed(x, c, tm), M.q_closed(x, c, tm)
                if which == "Y":
                    pairs.append((f"Y(t={tv})", res.y["Y"][i], p * Y0 + q * a0 * X0.T))  # (375)
                elif which == "X":
                    pairs.append((f"X(t={tv})", res.y["X"][i], p * X0 + q * a0 * Y0.T))  # (376)
                else:  # (377)-(378)
                    pairs.append((f"Y(t={tv})", res.y["Y"][i], q * c * X0.T))
                    pairs.append((f"X(t={tv})", res.y["X"][i], p * X0))
            return pairs
        cases.append((inst.describe(), compute))
    cls = "Y0 ~ N(0, 1/4) entries" if general_y0 else "Y0 = 0"
    what = {"Y": "(375)", "X": "(376)", "YX": "(377)-(378)"}[which]
    return compare_cases(f"{what} vs integrated (276)-(277), {cls}", cases, dps=ctx.dps, min_digits=ODE_DIGITS,
                         tolerance_reason=ODE_REASON, part=f"ODE, {cls}")


@claim(PAPER, id="[111]", label="eq (375)", section="App. C", equations=[375], methods=["ODE", "SYM"],
       statement=r"\text{We then have the closed-form expression for } Y(t):\ Y(t)=p(t)Y_0+q(t)\mathrm{Tr}(W_0-Y_0X_0)X_0^T\ (375)",
       assumptions=r"As stated around (331)–(332): general $Y_0\in\mathbb R^{n\times r}$; $p,q,\kappa_1,\kappa_2$ as defined above.",
       title="closed form for Y, general Y0", timeout=180)
def eq375(ctx):
    out = [ident(ctx, p372(w), p373(w) * y0 + p374(w) * v, DOM_Y, f"sgn c={eps:+d}: (372) rewritten with p, q = (375)")
           for eps, w in WS.items()]
    out.append(flow_vs_closed(ctx, "y0zero", "Y", general_y0=False))
    out.append(flow_vs_closed(ctx, "y0gen", "Y", general_y0=True))
    return out


@claim(PAPER, id="[112]", label="eq (376)", section="App. C", equations=[376], methods=["ODE", "SYM"],
       statement=r"\text{An identical calculation for } X(t), \text{ noting the symmetry of (316–317), yields } X(t)=p(t)X_0+q(t)\mathrm{Tr}(W_0-Y_0X_0)Y_0^T\ (376)\ "
                 r"\text{Using general } Y_0\in\mathbb R^{n\times r} \text{ enabled us to take advantage of the symmetry in (316–317) to immediately find a closed-form expression for } X(t).",
       assumptions=SETTING + r" The statement is made for general $Y_0\in\mathbb R^{n\times r}$.", title="closed form for X, general Y0",
       timeout=180)
def eq376(ctx):
    return [flow_vs_closed(ctx, "y0zero", "X", general_y0=False), flow_vs_closed(ctx, "y0gen", "X", general_y0=True)]


# ============================================================================ [113] (377)-(378)
def reduced_residuals(ctx, tag: str, k_hi: float, timeout: float = 1, samples: int = 30) -> list[Evidence]:
    """TC-8: with Y = q c X0^T, X = p X0 (Y0 = 0), (276)-(277) is equivalent (X0 != 0) to
    c q' = a p, p' = a c q with a = c(1 - ||X0||^2 p q), p(0) = 1, q(0) = 0.  Residuals of the
    printed p (373), q (374) at t = K/sqrt(kappa1) with K in [0, k_hi] (time in units of the flow's own
    scale 1/sqrt(kappa1), TC-12, which also bounds the cancellation to about e^{-k_hi}), both signs of c."""
    out = []
    for eps, w in WS.items():
        p, q, c = p373(w), p374(w), w.c
        a = c * (1 - x2 * p * q)
        dom = DOM0 | {K: S.interval(0.0, k_hi)}
        res = [(c * sp.diff(q, t) - a * p).subs(t, K / w.sk), (sp.diff(p, t) - a * c * q).subs(t, K / w.sk)]
        out.append(ident(ctx, res, [0, 0], dom,
                         f"sgn c={eps:+d}, t = K/sqrt(kappa1), K in [0,{k_hi:g}]: c q' - a p, p' - a c q with a = c(1-|X0|^2 p q)",
                         timeout=timeout, samples=samples))
        out.append(ident(ctx, [p.subs(t, 0), q.subs(t, 0)], [1, 0], DOM0, f"sgn c={eps:+d}: p(0) = 1, q(0) = 0"))
    return out


@claim(PAPER, id="[113]", label="eqs (377)–(378)", section="App. C", equations=[377, 378], methods=["SYM", "ODE"],
       statement=r"\text{we can enforce } Y_0=\mathbf 0_{n\times r} \text{ to arrive at } Y(t)=q(t)\mathrm{Tr}(W_0)X_0^T\ (377)\quad X(t)=p(t)X_0\ (378)\ "
                 r"\text{which solve (276–277) for our specified initial conditions.}",
       assumptions=SETTING, title="closed form with Y0 = 0", timeout=180)
def eq377_378(ctx):
    return reduced_residuals(ctx, "red", 10.0) + [flow_vs_closed(ctx, "y0zero", "YX", general_y0=False)]


# ============================================================================ [114] (379)
@claim(PAPER, id="[114]", label="eq (379)", section="App. C", equations=[379], methods=["SYM"],
       statement=r"\text{Thus, the rank-}r\text{ minimizer for (264) at time } t\in[0,T] \text{ is given by } Y(t)X(t)=p(t)q(t)\mathrm{Tr}(W_0)X_0^TX_0\ (379)",
       assumptions=SETTING, title="product YX")
def eq379(ctx):
    p, q, c = sp.symbols("p q c", real=True)
    out = []
    for r, n in ((1, 2), (2, 3), (3, 3)):
        X0 = _msyms("x", r, n)
        dom = {s_: S.real(0.0, 3.0) for s_ in X0.free_symbols} | {p: S.real(), q: S.real(), c: S.nonzero()}
        out.append(ident(ctx, (q * c * X0.T) * (p * X0), p * q * c * X0.T * X0, dom, f"r={r}, n={n}: (377) x (378) = (379)",
                         rewrites=()))
    # the scalar form holds for any r, n: (q c X0^T)(p X0) = p q c X0^T X0 by bilinearity
    return out


# ============================================================================ [115] extension to [0, oo)
@claim(PAPER, id="[115]", label="App C after (379)", section="App. C", methods=["SYM"],
       statement=r"Since our closed-form expressions for $X(t)$ and $Y(t)$ solve (276–277) on $[0,T]$ for any $T>0$, they define a single solution to the same ODE system for all $t\in[0,\infty)$.",
       assumptions=SETTING, title="extension to [0, oo)", timeout=180)
def after_379(ctx):
    out = s_positive_evidence(ctx)  # (373)-(374) are defined and smooth for every t >= 0
    out += reduced_residuals(ctx, "red-long", 40.0)
    out.append(flow_vs_closed(ctx, "long", "YX", general_y0=False, times=(10, 30), scaled=True))
    return out


# ============================================================================ [116] (380)-(382)
@claim(PAPER, id="[116]", label="eqs (380)–(382)", section="App. C", equations=[380, 381, 382], methods=["SYM"],
       statement=r"\text{as } t\to\infty,\ \sinh\left(\frac{\sqrt{\kappa_1}}2t\right)\sim\frac12e^{\frac{\sqrt{\kappa_1}}2t}\ (380),\quad \cosh\left(\frac{\sqrt{\kappa_1}}2t\right)\sim\frac12e^{\frac{\sqrt{\kappa_1}}2t}\ (381),\ "
                 r"\text{and } \sinh(\sqrt{\kappa_1}(t+\kappa_2))\sim\frac12e^{\sqrt{\kappa_1}(t+\kappa_2)}\ (382)",
       assumptions=SETTING, title="asymptotic equivalences")
def eq380_382(ctx):
    w = WS[1]  # the three statements contain c only through kappa1, kappa2 (c^2 and |c|)
    return [
        lim(ctx, w.sh / (R(1, 2) * sp.exp(w.sk / 2 * t)), 1, "(380): ratio -> 1"),
        lim(ctx, w.ch / (R(1, 2) * sp.exp(w.sk / 2 * t)), 1, "(381): ratio -> 1"),
        lim(ctx, sp.sinh(w.th) / (R(1, 2) * sp.exp(w.th)), 1, "(382): ratio -> 1"),
    ]


# ============================================================================ limits (383)-(405)
def qsh(w):
    return w.sh / sp.sqrt(2 * x2 * sp.sinh(w.th) + 4 * C)


def qch(w):
    return w.ch / sp.sqrt(2 * x2 * sp.sinh(w.th) + 4 * C)


def rootk(w):
    return sp.sqrt(x2**2 + 4 * w.c**2)  # sqrt(||X0||^4 + 4c^2) as printed


def p387(w):
    return 1 / (2 * NX * sp.exp(w.k2 * w.sk / 2))


def p391(w):
    return (x2 + rootk(w)) / (2 * C)


def p392_lhs(w):
    return 1 / (2 * NX) * sp.sqrt(2 * C / (x2 + rootk(w)))


def p392_rhs(w):
    return sp.sqrt(C) / (sp.sqrt(2) * NX * sp.sqrt(x2 + rootk(w)))


def p394(w):
    return sp.sqrt(C) / sp.sqrt(2 * NX * sp.sqrt(x2 + rootk(w)))


NOTE_C = "the limit lines contain c only through |c| and c^2, so sgn c = +1 covers both signs"


@claim(PAPER, id="[117]", label="eqs (383)–(387)", section="App. C", equations=[383, 384, 385, 386, 387], methods=["SYM", "ODE", "STEPS"],
       statement=r"\lim_{t\to\infty}\frac{\sinh\left(\frac{\sqrt{\kappa_1}}2t\right)}{\sqrt{2\|X_0\|^2\sinh(\sqrt{\kappa_1}(t+\kappa_2))+4|c|}}=\lim_{t\to\infty}\frac{\cosh\left(\frac{\sqrt{\kappa_1}}2t\right)}{\sqrt{2\|X_0\|^2\sinh(\sqrt{\kappa_1}(t+\kappa_2))+4|c|}}\ (383)"
                 r"=\lim_{t\to\infty}\frac{\frac12e^{\frac{\sqrt{\kappa_1}}2t}}{\sqrt{2\|X_0\|^2\cdot\frac{e^{\sqrt{\kappa_1}(t+\kappa_2)}}2+4|c|}}\ (384)"
                 r"=\lim_{t\to\infty}\frac{e^{\frac{\sqrt{\kappa_1}}2t}}{2\sqrt{\|X_0\|^2\cdot e^{\sqrt{\kappa_1}(t+\kappa_2)}+4|c|}}\cdot\frac{e^{-\frac{\sqrt{\kappa_1}}2t}}{e^{-\frac{\sqrt{\kappa_1}}2t}}\ (385)"
                 r"=\lim_{t\to\infty}\frac1{2\sqrt{\|X_0\|^2\cdot e^{\kappa_2\sqrt{\kappa_1}}+4|c|e^{-\sqrt{\kappa_1}t}}}\ (386)"
                 r"=\frac1{2\|X_0\|e^{\frac{\kappa_2\sqrt{\kappa_1}}2}}\ (387)",
       assumptions=SETTING, title="limit of sinh/sqrt(s) and cosh/sqrt(s)")
def eq383_387(ctx):
    w = WS[1]
    sk = w.sk
    e384 = (R(1, 2) * sp.exp(sk / 2 * t)) / sp.sqrt(2 * x2 * sp.exp(sk * (t + w.k2)) / 2 + 4 * C)
    e385 = sp.exp(sk / 2 * t) / (2 * sp.sqrt(x2 * sp.exp(sk * (t + w.k2)) + 4 * C)) * (
        sp.exp(-sk / 2 * t) / sp.exp(-sk / 2 * t))
    e386 = 1 / (2 * sp.sqrt(x2 * sp.exp(w.k2 * sk) + 4 * C * sp.exp(-sk * t)))
    L = p387(w)
    out = [
        lim(ctx, qsh(w) - qch(w), 0, "(383): lim sinh/sqrt(s) - cosh/sqrt(s) = 0"),
        lim(ctx, qsh(w), L, "lim sinh/sqrt(s) = (387)"),
        lim(ctx, qch(w), L, "lim cosh/sqrt(s) = (387)"),
        lim(ctx, e384, L, "lim (384) = (387)"),
        lim(ctx, e385, L, "lim (385) = (387)"),
        lim(ctx, e386, L, "lim (386) = (387)"),
        ident(ctx, e384, e385, DOM, "(384) = (385) for every t"),
        ident(ctx, e385, e386, DOM, "(385) = (386) for every t"),
    ]
    return out


@claim(PAPER, id="[118]", label="eqs (388)–(391)", section="App. C", equations=[388, 389, 390, 391], methods=["SYM"],
       statement=r"e^{\kappa_2\sqrt{\kappa_1}}=e^{\mathrm{arsinh}\left(\frac{\|X_0\|^2}{2|c|}\right)}\ (388)=e^{\ln\left(\frac{\|X_0\|^2}{2|c|}+\sqrt{1+\left(\frac{\|X_0\|^2}{2|c|}\right)^2}\right)}\ (389)"
                 r"=\frac{\|X_0\|^2}{2|c|}+\sqrt{1+\left(\frac{\|X_0\|^2}{2|c|}\right)^2}\ (390)=\frac{\|X_0\|^2+\sqrt{\|X_0\|^4+4c^2}}{2|c|}\ (391)",
       assumptions=SETTING, title="e^{kappa2 sqrt(kappa1)}")
def eq388_391(ctx):
    out = []
    for eps, w in WS.items():
        z = x2 / (2 * C)
        lines = [("e^{kappa2 sqrt(kappa1)}", sp.exp(w.k2 * w.sk)), ("(388)", sp.exp(sp.asinh(z))),
                 ("(389)", sp.exp(sp.log(z + sp.sqrt(1 + z**2)))), ("(390)", z + sp.sqrt(1 + z**2)), ("(391)", p391(w))]
        rw = [lambda e: sp.simplify(e.rewrite(sp.log))]
        out += chain(ctx, lines, DOM0, f"sgn c={eps:+d}", rewrites=rw)
    return out


@claim(PAPER, id="[119]", label="eq (392)", section="App. C", equations=[392], methods=["SYM"],
       statement=r"\text{So (387) becomes } \frac1{2\|X_0\|}\cdot\sqrt{\frac{2|c|}{\|X_0\|^2+\sqrt{\|X_0\|^4+4c^2}}}=\frac{\sqrt{|c|}}{\sqrt2\|X_0\|\sqrt{\|X_0\|^2+\sqrt{\|X_0\|^4+4c^2}}}\ (392)",
       assumptions=SETTING, title="limit value, first form")
def eq392(ctx):
    out = []
    for eps, w in WS.items():
        tag = f"sgn c={eps:+d}"
        out.append(ident(ctx, p392_lhs(w), p392_rhs(w), DOM0, f"{tag}: (392) left = (392) right"))
        out.append(ident(ctx, 1 / (2 * NX * sp.sqrt(p391(w))), p392_lhs(w), DOM0, f"{tag}: (387) with (391) = (392) left"))
        out.append(ident(ctx, p387(w), p392_lhs(w), DOM0, f"{tag}: (387) = (392) left",
                         rewrites=[lambda e: sp.simplify(e.rewrite(sp.log))]))
    w = WS[1]
    out.append(lim(ctx, qsh(w), p392_rhs(w), "TC-12: lim sinh/sqrt(s) = (392) right"))
    return out


@claim(PAPER, id="[120]", label="eqs (393)–(394)", section="App. C", equations=[393, 394], methods=["SYM", "ODE"],
       statement=r"\lim_{t\to\infty}\frac{\sinh\left(\frac{\sqrt{\kappa_1}}2t\right)}{\sqrt{2\|X_0\|^2\sinh(\sqrt{\kappa_1}(t+\kappa_2))+4|c|}}=\lim_{t\to\infty}\frac{\cosh\left(\frac{\sqrt{\kappa_1}}2t\right)}{\sqrt{2\|X_0\|^2\sinh(\sqrt{\kappa_1}(t+\kappa_2))+4|c|}}\ (393)"
                 r"=\frac{\sqrt{|c|}}{\sqrt{2\|X_0\|\sqrt{\|X_0\|^2+\sqrt{\|X_0\|^4+4c^2}}}}\ (394)",
       assumptions=SETTING, title="limit value, restated")
def eq393_394(ctx):
    w = WS[1]
    return [
        lim(ctx, qsh(w), p394(w), "TC-12: lim sinh/sqrt(s) = (394)"),
        lim(ctx, qch(w), p394(w), "TC-12: lim cosh/sqrt(s) = (394)"),
        ident(ctx, p392_rhs(w), p394(w), DOM0, "(392) right = (394) (consecutive lines)"),
    ]


def p397(w):
    return x2 / sp.sqrt(C) * p394(w) + rootk(w) / sp.sqrt(C) * p394(w)


def p398(w):
    return (x2 + rootk(w)) / sp.sqrt(2 * NX * sp.sqrt(x2 + rootk(w)))


def p399(w):
    return sp.sqrt(x2 + rootk(w)) / sp.sqrt(2 * NX)


def p402(w):
    return 2 / sp.sqrt(2 * NX * sp.sqrt(x2 + rootk(w)))


@claim(PAPER, id="[121]", label="eqs (395)–(399)", section="App. C", equations=[395, 396, 397, 398, 399], methods=["SYM", "ODE", "STEPS"],
       statement=r"\lim_{t\to\infty}p(t)=\lim_{t\to\infty}\frac1{\sqrt{2\|X_0\|^2\sinh(\sqrt{\kappa_1}(t+\kappa_2))+4|c|}}\left[\frac{\|X_0\|^2}{\sqrt{|c|}}\sinh\left(\frac{\sqrt{\kappa_1}}2t\right)+\frac{\sqrt{\|X_0\|^4+4c^2}}{\sqrt{|c|}}\cosh\left(\frac{\sqrt{\kappa_1}}2t\right)\right]\ (395)"
                 r"=\lim_{t\to\infty}\frac{\|X_0\|^2}{\sqrt{|c|}}\cdot\frac{\sinh\left(\frac{\sqrt{\kappa_1}}2t\right)}{\sqrt{2\|X_0\|^2\sinh(\sqrt{\kappa_1}(t+\kappa_2))+4|c|}}+\frac{\sqrt{\|X_0\|^4+4c^2}}{\sqrt{|c|}}\cdot\frac{\cosh\left(\frac{\sqrt{\kappa_1}}2t\right)}{\sqrt{2\|X_0\|^2\sinh(\sqrt{\kappa_1}(t+\kappa_2))+4|c|}}\ (396)"
                 r"=\frac{\|X_0\|^2}{\sqrt{|c|}}\cdot\frac{\sqrt{|c|}}{\sqrt{2\|X_0\|\sqrt{\|X_0\|^2+\sqrt{\|X_0\|^4+4c^2}}}}+\frac{\sqrt{\|X_0\|^4+4c^2}}{\sqrt{|c|}}\cdot\frac{\sqrt{|c|}}{\sqrt{2\|X_0\|\sqrt{\|X_0\|^2+\sqrt{\|X_0\|^4+4c^2}}}}\ (397)"
                 r"=\frac{\|X_0\|^2+\sqrt{\|X_0\|^4+4c^2}}{\sqrt{2\|X_0\|\sqrt{\|X_0\|^2+\sqrt{\|X_0\|^4+4c^2}}}}\ (398)"
                 r"=\frac{\sqrt{\|X_0\|^2+\sqrt{\|X_0\|^4+4c^2}}}{\sqrt{2\|X_0\|}}\ (399)",
       assumptions=SETTING, title="limit of p")
def eq395_399(ctx):
    w = WS[1]
    p = M.PRINTED[1].p
    e396 = x2 / sp.sqrt(C) * qsh(w) + rootk(w) / sp.sqrt(C) * qch(w)
    return [
        ident(ctx, p373(w), p, DOM, "(395): the expression under the limit is p(t) of (373)", rewrites=()),
        ident(ctx, p373(w), e396, DOM, "(395) = (396) for every t"),
        lim(ctx, p, p397(w), "TC-12: lim p = (397)"),
        lim(ctx, p, p398(w), "TC-12: lim p = (398)"),
        lim(ctx, p, p399(w), "TC-12: lim p = (399)"),
        ident(ctx, p397(w), p398(w), DOM0, "(397) = (398) (consecutive lines)"),
        ident(ctx, p398(w), p399(w), DOM0, "(398) = (399) (consecutive lines)"),
    ]


@claim(PAPER, id="[122]", label="eqs (400)–(402)", section="App. C", equations=[400, 401, 402], methods=["SYM", "ODE"],
       statement=r"\lim_{t\to\infty}q(t)=\lim_{t\to\infty}\frac2{\sqrt{|c|}}\cdot\frac{\sinh\left(\frac{\sqrt{\kappa_1}}2t\right)}{\sqrt{2\|X_0\|^2\sinh(\sqrt{\kappa_1}(t+\kappa_2))+4|c|}}\ (400)"
                 r"=\frac2{\sqrt{|c|}}\cdot\frac{\sqrt{|c|}}{\sqrt{2\|X_0\|\sqrt{\|X_0\|^2+\sqrt{\|X_0\|^4+4c^2}}}}\ (401)"
                 r"=\frac2{\sqrt{2\|X_0\|\sqrt{\|X_0\|^2+\sqrt{\|X_0\|^4+4c^2}}}}\ (402)",
       assumptions=SETTING, title="limit of q")
def eq400_402(ctx):
    w = WS[1]
    q = M.PRINTED[1].q
    e400 = 2 / sp.sqrt(C) * qsh(w)
    e401 = 2 / sp.sqrt(C) * p394(w)
    return [
        ident(ctx, q, e400, DOM, "(400): the expression under the limit equals q(t) of (374)"),
        lim(ctx, q, e401, "TC-12: lim q = (401)"),
        lim(ctx, q, p402(w), "TC-12: lim q = (402)"),
        ident(ctx, e401, p402(w), DOM0, "(401) = (402) (consecutive lines)"),
    ]


@claim(PAPER, id="[123]", label="eqs (403)–(405)", section="App. C", equations=[403, 404, 405], methods=["SYM", "ODE", "STEPS"],
       statement=r"\lim_{t\to\infty}Y(t)X(t)=\lim_{t\to\infty}p(t)q(t)\mathrm{Tr}(W_0)X_0^TX_0\ (403)"
                 r"=\frac{\sqrt{\|X_0\|^2+\sqrt{\|X_0\|^4+4c^2}}}{\sqrt{2\|X_0\|}}\cdot\frac2{\sqrt{2\|X_0\|\sqrt{\|X_0\|^2+\sqrt{\|X_0\|^4+4c^2}}}}\cdot\mathrm{Tr}(W_0)X_0^TX_0\ (404)"
                 r"=\frac{\mathrm{Tr}(W_0)}{\|X_0\|^2}X_0^TX_0\ (405)",
       assumptions=SETTING, title="limit of YX", timeout=180)
def eq403_405(ctx):
    from .trace_main import yx_limit_evidence

    out = []
    for eps, w in WS.items():
        P = M.PRINTED[eps]
        coef404 = p399(w) * p402(w) * w.c
        coef405 = w.c / x2
        tag = f"sgn c={eps:+d}, coefficient of X0^T X0"
        out.append(ident(ctx, coef404, coef405, DOM0, f"{tag}: (404) = (405)"))
        out.append(lim(ctx, P.p * P.q * w.c, coef405, f"{tag}: TC-12 lim p q Tr(W0) = (405)", note=False))
        out.append(lim(ctx, P.p * P.q * w.c, coef404, f"{tag}: TC-12 lim p q Tr(W0) = (404)", note=False))
    out.append(_ev(yx_limit_evidence(ctx, "ode403"), "ODE: Y(T)X(T), T = 60/sqrt(kappa1), vs (405)"))
    return out


@claim(PAPER, id="[124]", label="eq (406)", section="App. C", equations=[406], methods=["SYM"],
       statement=r"\mathrm{Tr}\left(\frac{\mathrm{Tr}(W_0)}{\|X_0\|^2}X_0^TX_0\right)=\frac{\mathrm{Tr}(W_0)}{\|X_0\|^2}\mathrm{Tr}(X_0^TX_0)=\frac{\mathrm{Tr}(W_0)}{\|X_0\|^2}\|X_0\|^2=\mathrm{Tr}(W_0)\ (406)"
                 r"\ \text{which gives } \lim_{t\to\infty}\frac12\mathrm{Tr}^2(W_0-Y(t)X(t))=0 \text{ as expected.}",
       assumptions=SETTING, title="trace of the limit, zero loss")
def eq406(ctx):
    out = []
    for r, n in ((1, 2), (2, 3), (3, 3)):
        X0, W0 = _msyms("x", r, n), _msyms("w", n, n)
        c = W0.trace()
        nx2 = sum(e**2 for e in X0)  # ||X0||^2 (Frobenius)
        G = X0.T * X0
        dom = {s_: S.real(0.0, 3.0) for m in (X0, W0) for s_ in m.free_symbols}
        lines = [("Tr(Tr(W0)/|X0|^2 X0^T X0)", (c / nx2 * G).trace()), ("Tr(W0)/|X0|^2 Tr(X0^T X0)", c / nx2 * G.trace()),
                 ("Tr(W0)/|X0|^2 |X0|^2", c / nx2 * nx2), ("Tr(W0)", c)]
        out += chain(ctx, lines, dom, f"r={r}, n={n}", rewrites=())
        out.append(ident(ctx, sp.Rational(1, 2) * (W0 - c / nx2 * G).trace() ** 2, 0, dom,
                         f"r={r}, n={n}: 1/2 Tr^2(W0 - (405)) = 0", rewrites=()))
    return out
