"""Derivation chains CH-C1 (Remark C.2, (267)-(274)) and CH-C2 ((276)-(289)), App. C.

Each step is encoded as printed: "the operation applied to the previous printed
line" must equal (or bound) "the next printed line".  Matrix steps are checked
with explicit symbolic matrices of small size (scope stated, so an exact result
there is reported as CONFIRMED, not PROVED for every n) or by property search
over random matrices of every size up to 6.
"""
from __future__ import annotations

import mpmath
import numpy as np
import sympy as sp
from hypothesis import strategies as st

from verify import symbolic as S
from verify.steps import Eq, Prop, chain

from . import PAPER

# ----------------------------------------------------------------------------- CH-C1
CH_C1 = chain(PAPER, "CH-C1", "Remark C.2 gradient bound, (267)–(274) (App. C)")


@st.composite
def _point(draw):
    """A point (W0, B, A, R') with (B, A) in D_{R'} (TC-3: Gaussian directions, radii up to R',
    boundary points, one factor zero, structured rank-one points)."""
    n = draw(st.integers(1, 6))
    r = draw(st.integers(1, n))
    R = draw(st.sampled_from([0.1, 0.5, 1.0, 2.0, 5.0]))
    fam = draw(st.sampled_from(["gaussian", "scaled-identity", "traceless", "zero"]))
    seed = draw(st.integers(0, 2**32 - 1))
    rng = np.random.default_rng(seed)
    W0 = rng.normal(size=(n, n))
    if fam == "scaled-identity":
        W0 = draw(st.sampled_from([-10.0, -1.0, 0.1, 1.0, 10.0])) * np.eye(n)
    elif fam == "traceless":
        W0 = W0 - np.trace(W0) / n * np.eye(n)
    elif fam == "zero":
        W0 = np.zeros((n, n))
    B, A = rng.normal(size=(n, r)), rng.normal(size=(r, n))
    kind = draw(st.sampled_from(["interior", "boundary", "rank-one", "B=0"]))
    if kind == "rank-one":
        i, j = draw(st.integers(0, n - 1)), draw(st.integers(0, n - 1))
        B, A = np.zeros((n, r)), np.zeros((r, n))
        B[i, 0], A[0, j] = R, R
    else:
        fb = R if kind != "interior" else R * draw(st.floats(0, 1))
        fa = R if kind != "interior" else R * draw(st.floats(0, 1))
        B = B / max(np.linalg.norm(B), 1e-300) * fb
        A = A / max(np.linalg.norm(A), 1e-300) * fa
        if kind == "B=0":
            B = np.zeros_like(B)
    return W0, B, A, R


def _mp(M_):
    return mpmath.matrix(M_.tolist())


def _fro(M_):
    return mpmath.sqrt(sum((M_[i, j] ** 2 for i in range(M_.rows) for j in range(M_.cols)), mpmath.mpf(0)))


def _tr(M_):
    return sum((M_[i, i] for i in range(M_.rows)), mpmath.mpf(0))


def _c1_lines(W0, B, A, R, lib):
    """The printed lines (268)-(274) at a point, in float64 (lib=np) or mpmath (lib=mpmath)."""
    if lib is np:
        fro, tr_, T = np.linalg.norm, np.trace, (lambda M_: M_.T)
        BA = B @ A
    else:
        W0, B, A = _mp(W0), _mp(B), _mp(A)
        fro, tr_, T = _fro, _tr, (lambda M_: M_.T)
        BA = B * A
        R = mpmath.mpf(R)
    a = tr_(W0 - BA)
    return {
        268: fro(a * T(A)) ** 2 + fro(a * T(B)) ** 2,
        269: a**2 * (fro(T(A)) ** 2 + fro(T(B)) ** 2),
        270: 2 * R**2 * a**2,
        271: 2 * R**2 * fro(W0 - BA) ** 2,
        272: 2 * R**2 * (fro(W0) + fro(BA)) ** 2,
        273: 2 * R**2 * (fro(W0) + fro(B) * fro(A)) ** 2,
        274: 2 * R**2 * (fro(W0) + R**2) ** 2,
    }


def _le_step(lo: int, hi: int):
    def fn(x):
        v = _c1_lines(*x, np)
        return v[lo], v[hi]

    def reval(x, dps):
        with mpmath.workdps(dps):
            v = _c1_lines(*x, mpmath)
            return v[lo], v[hi]

    return Prop(_point(), fn, reval, "le", description=f"({lo}) \\le ({hi}) on D_{{R'}}, W_0 arbitrary")


_B21 = sp.Matrix(2, 1, sp.symbols("b0:2", real=True))
_A21 = sp.Matrix(1, 2, sp.symbols("a0:2", real=True))
_W22 = sp.Matrix(2, 2, sp.symbols("w0:4", real=True))
_DOM = {s: S.real(0.0, 3.0) for s in (*_B21, *_A21, *_W22)}


def _fro2(M_):
    return sum(e**2 for e in M_)


_a = (_W22 - _B21 * _A21).trace()
CH_C1.step("(267)", "definition of the norm of the gradient pair",
           Eq(_fro2(-_a * _A21.T) + _fro2(-_a * _B21.T),
              _fro2(sp.Matrix([sp.diff(sp.Rational(1, 2) * _a**2, b) for b in _B21])) +
              _fro2(sp.Matrix([sp.diff(sp.Rational(1, 2) * _a**2, x) for x in _A21])), scope="n = 2, r = 1"),
           _DOM, printed=r"\|\nabla g(B, A)\|^2 = \|\nabla_B g(B, A)\|^2 + \|\nabla_A g(B, A)\|^2 \quad (267)",
           note="checked as: ||grad_B g||^2 + ||grad_A g||^2 with (265)-(266) equals the same with the gradients of g computed by sympy")
CH_C1.step("(267)→(268)", "insert (265)–(266)",
           Eq(_fro2(sp.Matrix([sp.diff(sp.Rational(1, 2) * _a**2, b) for b in _B21])) +
              _fro2(sp.Matrix([sp.diff(sp.Rational(1, 2) * _a**2, x) for x in _A21])),
              _fro2(_a * _A21.T) + _fro2(_a * _B21.T), scope="n = 2, r = 1"),
           _DOM, printed=r"= \|\text{Tr}(W_0 - BA)A^T\|^2 + \|\text{Tr}(W_0 - BA)B^T\|^2 \quad (268)")
CH_C1.step("(268)→(269)", "pull the scalar Tr(W0−BA) out of each norm", _le_step(268, 269),
           printed=r"\leq \text{Tr}^2(W_0 - BA) \left( \|A^T\|^2 + \|B^T\|^2 \right) \quad (269)")
CH_C1.step("(269)→(270)", "‖A^T‖², ‖B^T‖² ≤ R'² on D_{R'}", _le_step(269, 270),
           printed=r"\leq 2R'^2 \text{Tr}^2(W_0 - BA) \quad (270)")
CH_C1.step("(270)→(271)", "replace Tr²(W0−BA) by ‖W0−BA‖²", _le_step(270, 271),
           printed=r"\leq 2R'^2 \|W_0 - BA\|^2 \quad (271)")
CH_C1.step("(271)→(272)", "triangle inequality", _le_step(271, 272),
           printed=r"\leq 2R'^2 \left( \|W_0\| + \|BA\| \right)^2 \quad (272)")
CH_C1.step("(272)→(273)", "submultiplicativity ‖BA‖ ≤ ‖B‖‖A‖", _le_step(272, 273),
           printed=r"\leq 2R'^2 \left( \|W_0\| + \|B\| \|A\| \right)^2 \quad (273)")
CH_C1.step("(273)→(274)", "‖B‖, ‖A‖ ≤ R'", _le_step(273, 274),
           printed=r"\leq 2R'^2 \left( \|W_0\| + R'^2 \right)^2 \quad (274)")

_x = sp.Symbol("x", nonnegative=True)
CH_C1.step("(274)→final", "take the square root",
           Eq(sp.sqrt(2 * sp.Symbol("R", positive=True) ** 2 * (_x + sp.Symbol("R", positive=True) ** 2) ** 2),
              sp.sqrt(2) * sp.Symbol("R", positive=True) * (_x + sp.Symbol("R", positive=True) ** 2)),
           {sp.Symbol("R", positive=True): S.positive(0.05, 10), _x: S.positive(0.01, 10)},
           printed=r"\text{So } \|\nabla g(B,A)\|\le\sqrt2R'\left(\|W_0\|+R'^2\right)",
           note="x stands for ||W0|| >= 0 and R for R' > 0")


@CH_C1.end_result("Remark C.2 final bound ||grad g|| <= sqrt(2) R' (||W0|| + R'^2)")
def _c1_end(ctx):
    from verify.search import check_inequality

    def fn(x):
        W0, B, A, R = x
        a = np.trace(W0 - B @ A)
        return np.sqrt(np.linalg.norm(a * A.T) ** 2 + np.linalg.norm(a * B.T) ** 2), np.sqrt(2) * R * (np.linalg.norm(W0) + R**2)

    def reval(x, dps):
        with mpmath.workdps(dps):
            W0, B, A, R = _mp(x[0]), _mp(x[1]), _mp(x[2]), mpmath.mpf(x[3])
            a = _tr(W0 - B * A)
            return (mpmath.sqrt(_fro(a * A.T) ** 2 + _fro(a * B.T) ** 2), mpmath.sqrt(2) * R * (_fro(W0) + R**2))

    return check_inequality("Remark C.2 final bound", _point(), fn, ctx, revalidate=reval)


# ----------------------------------------------------------------------------- CH-C2
CH_C2 = chain(PAPER, "CH-C2", "dynamics of YX and of a, (276)–(289) (App. C)")

_n, _r = 3, 2
_Y = sp.Matrix(_n, _r, lambda i, j: sp.Function(f"y{i}{j}")(sp.Symbol("t")))
_X = sp.Matrix(_r, _n, lambda i, j: sp.Function(f"x{i}{j}")(sp.Symbol("t")))
_W = sp.Matrix(_n, _n, sp.symbols(f"w0:{_n * _n}", real=True))
_t = sp.Symbol("t")
_aYX = (_W - _Y * _X).trace()
_dY = _aYX * _X.T  # (276)
_dX = _aYX * _Y.T  # (277)
_FLOW = {sp.Derivative(_Y[i, j], _t): _dY[i, j] for i in range(_n) for j in range(_r)}
_FLOW.update({sp.Derivative(_X[i, j], _t): _dX[i, j] for i in range(_r) for j in range(_n)})

# state values at which the relations are evaluated: symbols standing for Y(t), X(t)
_ys = sp.Matrix(_n, _r, sp.symbols(f"Y0:{_n * _r}", real=True))
_xs = sp.Matrix(_r, _n, sp.symbols(f"X0:{_r * _n}", real=True))
_STATE = {_Y[i, j]: _ys[i, j] for i in range(_n) for j in range(_r)}
_STATE.update({_X[i, j]: _xs[i, j] for i in range(_r) for j in range(_n)})
_D2 = {s: S.real(0.0, 2.0) for s in (*_ys, *_xs, *_W)}
SCOPE = "n = 3, r = 2 (explicit symbolic matrices)"


def _on_flow(expr):
    """Replace time derivatives by the vector field (276)-(277), then the states by symbols."""
    if isinstance(expr, sp.MatrixBase):
        return expr.applyfunc(_on_flow)
    return sp.sympify(expr).subs(_FLOW).subs(_STATE)


def _ddt(expr):
    return expr.applyfunc(lambda e: sp.diff(e, _t)) if isinstance(expr, sp.MatrixBase) else sp.diff(expr, _t)


_a_s = (_W - _ys * _xs).trace()
_g = sp.Rational(1, 2) * _a_s**2
CH_C2.step("(265)–(266),(55)–(56)→(276)–(277)", "negative partial gradients at (Y,X)",
           Eq(list(-_ys.applyfunc(lambda e: sp.diff(_g, e))) + list(-_xs.applyfunc(lambda e: sp.diff(_g, e))),
              list(_a_s * _xs.T) + list(_a_s * _ys.T), scope=SCOPE), _D2,
           printed=r"\frac{dY(t)}{dt} = \text{Tr}(W_0 - YX)X^T \quad (276) \qquad \frac{dX(t)}{dt} = \text{Tr}(W_0 - YX)Y^T \quad (277)")
_y0 = sp.Matrix(_n, _r, sp.symbols(f"Yi0:{_n * _r}", real=True))
_x0 = sp.Matrix(_r, _n, sp.symbols(f"Xi0:{_r * _n}", real=True))
_a0 = (_W - _y0 * _x0).trace()
CH_C2.step("(276)–(277)→(280)–(281)", "evaluate at t = 0",
           Eq(list((_a_s * _xs.T).subs(dict(zip(_ys, _y0)) | dict(zip(_xs, _x0)))) +
              list((_a_s * _ys.T).subs(dict(zip(_ys, _y0)) | dict(zip(_xs, _x0)))),
              list(_a0 * _x0.T) + list(_a0 * _y0.T), scope=SCOPE),
           {s: S.real(0.0, 2.0) for s in (*_y0, *_x0, *_W)},
           printed=r"\left. \frac{dY(t)}{dt} \right|_{t=0} = \text{Tr}(W_0 - Y_0 X_0) X_0^T \ (280) \quad "
                   r"\left. \frac{dX(t)}{dt} \right|_{t=0} = \text{Tr}(W_0 - Y_0 X_0) Y_0^T \ (281)")
CH_C2.step("(276)→(283)", "right-multiply by X", Eq(_on_flow(_ddt(_Y) * _X), _a_s * _xs.T * _xs, scope=SCOPE), _D2,
           printed=r"\frac{dY}{dt} X = \text{Tr}(W_0 - YX) X^T X \quad (283)")
CH_C2.step("(277)→(284)", "left-multiply by Y", Eq(_on_flow(_Y * _ddt(_X)), _a_s * _ys * _ys.T, scope=SCOPE), _D2,
           printed=r"Y \frac{dX}{dt} = \text{Tr}(W_0 - YX) Y Y^T \quad (284)")
CH_C2.step("(283)+(284)→(285)", "add",
           Eq(_a_s * _xs.T * _xs + _a_s * _ys * _ys.T, _a_s * (_xs.T * _xs + _ys * _ys.T), scope=SCOPE), _D2,
           printed=r"\frac{dY}{dt} X + Y \frac{dX}{dt} = \text{Tr}(W_0 - YX) [X^T X + Y Y^T] \quad (285)")
CH_C2.step("(285)→(286)", "product rule",
           Eq(_on_flow(_ddt(_Y * _X)), _on_flow(_ddt(_Y) * _X + _Y * _ddt(_X)), scope=SCOPE), _D2,
           printed=r"\frac{d(YX)}{dt} = \text{Tr}(W_0 - YX) [X^T X + Y Y^T] \quad (286)")
CH_C2.step("(286)→(287)", "negate",
           Eq(-_on_flow(_ddt(_Y * _X)), -_a_s * (_xs.T * _xs + _ys * _ys.T), scope=SCOPE), _D2,
           printed=r"-\frac{d(YX)}{dt} = -\text{Tr}(W_0 - YX) [X^T X + Y Y^T] \quad (287)")
CH_C2.step("(287)→(288)", "dW0/dt = 0",
           Eq(_on_flow(_ddt(_W - _Y * _X)), -_a_s * (_xs.T * _xs + _ys * _ys.T), scope=SCOPE), _D2,
           printed=r"\frac{d}{dt}(W_0 - YX) = -\text{Tr}(W_0 - YX) [X^T X + Y Y^T] \quad (288)")
CH_C2.step("(288)→(289)", "take the trace; linearity of the trace",
           Eq(_on_flow(sp.diff((_W - _Y * _X).trace(), _t)), -_a_s * (_xs.T * _xs + _ys * _ys.T).trace(), scope=SCOPE), _D2,
           printed=r"\frac{d}{dt} \text{Tr}(W_0 - YX) = -\text{Tr}(W_0 - YX) \text{Tr}(X^T X + Y Y^T) \quad (289)")
