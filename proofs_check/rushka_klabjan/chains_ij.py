"""Derivation chains of App. I (low-rank approximation) and App. J (Lemma J.1):
CH-I1 (Remark I.2, (615)-(622)), CH-I2 ((612)-(647)), CH-I3 ((648)-(666)), CH-I4 ((667)-(693)),
CH-I5 ((693)-(701)), CH-J ((704)-(730)).

Each step is encoded as printed: "the operation applied to the previous printed line" must equal
(or bound) "the next printed line".

* CH-I1 and CH-J: every "<=" / "=" between norms is a property search (TC-3) over points of
  D_{R'} = {||B||, ||A|| <= R'} with W0 in R^{n x m} arbitrary (Gaussian, scaled, rank-one, diagonal with
  mixed signs, zero), n, m <= 6, r <= min(n, m); the first lines (gradients) use explicit symbolic
  matrices n = 3, m = 4, r = 2 (scope stated).
* CH-I2 / CH-I5: explicit symbolic matrices n = 3, m = 4, r = 2; orthogonal U, V are exact rational
  products of Givens rotations (cos = (1-u^2)/(1+u^2), sin = 2u/(1+u^2)), so U^T U = I holds exactly.
* CH-I3: scalars x0 (real, nonzero, both signs), s0 > 0, w0 nonzero.
* CH-I4: TC-12, t = K/sqrt(xi1), K -> oo (K = 50, 100, 200 at 60 digits, re-validated at 120 digits);
  a line "lim f(t)" is compared with the previous line's "lim g(t)" by evaluating both at the same K;
  a closed value is compared with the numerically evaluated limit of the previous line, one line at a time.
  sympy is given the TC-7 substitution (x0^2 = s0(M - 1/M), sqrt(xi1) = s0(M + 1/M), arsinh(x0^2/(2 s0)) = log M,
  |x0| = sqrt(s0(M - 1/M)), M > 1); otherwise the engine samples at 60 digits.

Helpers written here (the engine has none): ``_givens_orth`` (exact rational orthogonal matrices),
``_point_lra`` / ``_pair_lra`` (TC-3 samplers for rectangular W0).
"""
from __future__ import annotations

import mpmath
import numpy as np
import sympy as sp
from hypothesis import assume
from hypothesis import strategies as st

from verify import Evidence
from verify import symbolic as S
from verify.numeric import compare_cases
from verify.search import check_equality, check_inequality
from verify.steps import Custom, Eq, Prop, chain

from . import PAPER
from . import lra

# ============================================================================= common helpers
N_, M_, R_ = 3, 4, 2
SCOPE = "n = 3, m = 4, r = 2 (explicit symbolic matrices)"
SCOPE_UV = "n = 3, m = 4, r = 2; U, V fixed exactly orthogonal rational matrices (Givens products), other entries symbolic"


def _msym(name, rows, cols):
    return sp.Matrix(rows, cols, lambda i, j: sp.Symbol(f"{name}{i}{j}", real=True))


def _fro2(M):
    return sum(e**2 for e in M)


def _givens_orth(k, name):
    """An exactly orthogonal k x k matrix: product of Givens rotations with rational cos/sin in parameters u."""
    pars = []
    Q = sp.eye(k)
    for i in range(k):
        for j in range(i + 1, k):
            u = sp.Symbol(f"{name}{i}{j}", real=True)
            pars.append(u)
            c, s = (1 - u**2) / (1 + u**2), 2 * u / (1 + u**2)
            G = sp.eye(k)
            G[i, i], G[j, j], G[i, j], G[j, i] = c, c, -s, s
            Q = Q * G
    return Q, pars


def _mp(M):
    return mpmath.matrix(np.asarray(M, dtype=float).tolist())


def _mfro(M):
    return mpmath.sqrt(sum((M[i, j] ** 2 for i in range(M.rows) for j in range(M.cols)), mpmath.mpf(0)))


def _hp(x, dps):
    """dps digits plus enough to carry the spread of magnitudes of the entries of x exactly."""
    vals = np.abs(np.concatenate([np.ravel(np.asarray(v, dtype=float)) for v in x]))
    nz = vals[vals > 0]
    extra = 0 if nz.size == 0 else int(3 * (np.log10(nz.max()) - np.log10(nz.min()))) + 10
    return mpmath.workdps(dps + extra)


def _in_ball(M, R, frac):
    nrm = np.linalg.norm(M)
    if nrm == 0:
        return M
    return M / nrm * (R * frac * (1 - 1e-15))


def _draw_w0(draw, rng, n, m):
    fam = draw(st.sampled_from(["gaussian", "scaled", "rank-one", "diag-mixed", "zero"]))
    W0 = rng.normal(size=(n, m)) * draw(st.sampled_from([0.1, 1.0, 10.0]))
    if fam == "scaled":
        W0 = draw(st.sampled_from([-10.0, -1.0, -0.1, 0.1, 1.0, 10.0])) * np.eye(n, m)
    elif fam == "rank-one":
        W0 = np.outer(rng.normal(size=n), rng.normal(size=m))
    elif fam == "diag-mixed":
        W0 = np.zeros((n, m))
        for i in range(min(n, m)):
            W0[i, i] = rng.normal() * (1.0 if i % 2 == 0 else -1.0)
    elif fam == "zero":
        W0 = np.zeros((n, m))
    return W0


def _draw_point(draw, rng, n, m, r, R):
    kind = draw(st.sampled_from(["interior", "boundary", "rank-one", "B=0", "A=0"]))
    if kind == "rank-one":
        i, j = draw(st.integers(0, n - 1)), draw(st.integers(0, m - 1))
        B, A = np.zeros((n, r)), np.zeros((r, m))
        B[i, 0], A[0, j] = R, R
        return B, A
    B, A = rng.normal(size=(n, r)), rng.normal(size=(r, m))
    fb = 1.0 if kind != "interior" else draw(st.floats(0, 1))
    fa = 1.0 if kind != "interior" else draw(st.floats(0, 1))
    B, A = _in_ball(B, R, fb), _in_ball(A, R, fa)
    if kind == "B=0":
        B = np.zeros_like(B)
    if kind == "A=0":
        A = np.zeros_like(A)
    return B, A


@st.composite
def _point_lra(draw):
    """TC-3: W0 in R^{n x m} (families), (B, A) in D_{R'} (interior, boundary, structured rank-one, one factor 0)."""
    n, m = draw(st.integers(1, 6)), draw(st.integers(1, 6))
    r = draw(st.integers(1, min(n, m)))
    R = draw(st.sampled_from([0.1, 0.5, 1.0, 2.0, 5.0]))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    W0 = _draw_w0(draw, rng, n, m)
    B, A = _draw_point(draw, rng, n, m, r, R)
    return W0, B, A, R


@st.composite
def _pair_lra(draw):
    """TC-3 two-point sampler: W0 (families) and (B1, A1), (B2, A2) in D_{R'}: independent, close,
    differing only in B or only in A."""
    n, m = draw(st.integers(1, 6)), draw(st.integers(1, 6))
    r = draw(st.integers(1, min(n, m)))
    R = draw(st.sampled_from([0.1, 0.5, 1.0, 2.0, 5.0]))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    W0 = _draw_w0(draw, rng, n, m)
    B1, A1 = _draw_point(draw, rng, n, m, r, R)
    B2, A2 = _draw_point(draw, rng, n, m, r, R)
    rel = draw(st.sampled_from(["independent", "close", "only-B", "only-A"]))
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
    elif rel == "only-A":
        B2 = B1.copy()
    assume(np.linalg.norm(B1 - B2) + np.linalg.norm(A1 - A2) > 0)
    return W0, B1, A1, B2, A2, R


def _ops(lib):
    if lib is np:
        return dict(fro=np.linalg.norm, T=lambda X: X.T, mul=lambda X, Y: X @ Y, sqrt=np.sqrt)
    return dict(fro=_mfro, T=lambda X: X.T, mul=lambda X, Y: X * Y, sqrt=mpmath.sqrt)


def _custom(*fns, desc=""):
    def run(ctx):
        out = []
        for fn in fns:
            r = fn(ctx)
            out.extend(r if isinstance(r, list) else [r])
        return out
    return Custom(run, desc)


# ============================================================================= CH-I1
CH_I1 = chain(PAPER, "CH-I1", "Remark I.2 gradient bound, (615)–(622) (App. I)")


def _i1_lines(W0, B, A, R, lib):
    """The printed lines (616)-(622) at a point (float64 for lib=np, mpmath otherwise)."""
    o = _ops(lib)
    if lib is not np:
        W0, B, A, R = _mp(W0), _mp(B), _mp(A), mpmath.mpf(R)
    fro, T, mul = o["fro"], o["T"], o["mul"]
    E = W0 - mul(B, A)
    return {
        616: fro(mul(E, T(A))) ** 2 + fro(mul(T(B), E)) ** 2,
        617: fro(E) ** 2 * fro(A) ** 2 + fro(E) ** 2 * fro(B) ** 2,
        618: fro(E) ** 2 * (fro(A) ** 2 + fro(B) ** 2),
        619: 2 * R**2 * fro(E) ** 2,
        620: 2 * R**2 * (fro(W0) + fro(mul(B, A))) ** 2,
        621: 2 * R**2 * (fro(W0) + fro(B) * fro(A)) ** 2,
        622: 2 * R**2 * (fro(W0) + R**2) ** 2,
    }


def _i1_step(lo, hi, kind="le"):
    def fn(x):
        v = _i1_lines(*x, np)
        return v[lo], v[hi]

    def reval(x, dps):
        with _hp(x[:3], dps):
            v = _i1_lines(*x, mpmath)
            return v[lo], v[hi]

    rel = r"\le" if kind == "le" else "="
    return Prop(_point_lra(), fn, reval, kind, description=f"({lo}) {rel} ({hi}) on D_{{R'}}, W_0 arbitrary")


_W = _msym("w", N_, M_)
_B = _msym("b", N_, R_)
_A = _msym("a", R_, M_)
_DOM1 = {s: S.real(0.0, 3.0) for Mx in (_W, _B, _A) for s in Mx}
_h = sp.Rational(1, 2) * _fro2(_W - _B * _A)
_gB = _B.applyfunc(lambda e: sp.diff(_h, e))  # sympy gradient of h in B
_gA = _A.applyfunc(lambda e: sp.diff(_h, e))
_G613 = -_B.T * (_W - _B * _A)  # (613) as printed: grad_A h
_G614 = -(_W - _B * _A) * _A.T  # (614) as printed: grad_B h
I1NOTE = ("property search (TC-3) over W0 in R^{n x m} (Gaussian, scaled identity, rank-one, diagonal with mixed signs, "
          "zero), (B, A) in D_{R'} (interior, boundary, structured rank-one, one factor 0), n, m <= 6, r <= min(n, m); "
          "float64 violations re-evaluated in mpmath")

CH_I1.step("(615)", "definition of the norm of the gradient pair",
           Eq(_fro2(_gB) + _fro2(_gA), _fro2(_G614) + _fro2(_G613), scope=SCOPE), _DOM1, timeout=10,
           printed=r"\|\nabla h(B, A)\|^2 = \|\nabla_B h(B, A)\|^2 + \|\nabla_A h(B, A)\|^2 \quad (615)",
           note="checked as: the squared Euclidean norm of the full gradient of h (sympy, all entries of B and A) equals "
                "||grad_B h||^2 + ||grad_A h||^2 with (613)-(614) as printed")
CH_I1.step("(615)→(616)", "insert (613)–(614)",
           Eq(_fro2(_G614) + _fro2(_G613), _fro2((_W - _B * _A) * _A.T) + _fro2(_B.T * (_W - _B * _A)), scope=SCOPE),
           _DOM1, timeout=10,
           printed=r"= \|(W_0 - BA)A^T\|^2 + \|B^T(W_0 - BA)\|^2 \quad (616)")
CH_I1.step("(616)→(617)", "submultiplicativity ‖MA^T‖ ≤ ‖M‖‖A‖ and ‖B^TM‖ ≤ ‖B‖‖M‖", _i1_step(616, 617),
           printed=r"\leq \|W_0 - BA\|^2 \|A\|^2 + \|W_0 - BA\|^2 \|B\|^2 \quad (617)", note=I1NOTE, timeout=10)
CH_I1.step("(617)→(618)", "factor", _i1_step(617, 618, "eq"),
           printed=r"= \|W_0 - BA\|^2 (\|A\|^2 + \|B\|^2) \quad (618)", note=I1NOTE, timeout=10)
CH_I1.step("(618)→(619)", "‖A‖²+‖B‖² ≤ 2R'²", _i1_step(618, 619),
           printed=r"\leq 2R'^2 \|W_0 - BA\|^2 \quad (619)", note=I1NOTE, timeout=10)
CH_I1.step("(619)→(620)", "triangle inequality", _i1_step(619, 620),
           printed=r"\leq 2R'^2 (\|W_0\| + \|BA\|)^2 \quad (620)", note=I1NOTE, timeout=10)
CH_I1.step("(620)→(621)", "submultiplicativity", _i1_step(620, 621),
           printed=r"\leq 2R'^2 (\|W_0\| + \|B\| \|A\|)^2 \quad (621)", note=I1NOTE, timeout=10)
CH_I1.step("(621)→(622)", "‖B‖,‖A‖ ≤ R'", _i1_step(621, 622),
           printed=r"\leq 2R'^2 (\|W_0\| + R'^2)^2 \quad (622)", note=I1NOTE, timeout=10)
_Rp = sp.Symbol("R", positive=True)
_xw = sp.Symbol("x", nonnegative=True)
CH_I1.step("(622)→final", "take the square root",
           Eq(sp.sqrt(2 * _Rp**2 * (_xw + _Rp**2) ** 2), sp.sqrt(2) * _Rp * (_xw + _Rp**2)),
           {_Rp: S.positive(0.05, 10), _xw: S.positive(0.01, 10)},
           printed=r"\text{So } \|\nabla h(B, A)\| \leq \sqrt{2}R' (\|W_0\| + R'^2) \text{ throughout training.}",
           note="x stands for ||W0|| >= 0 and R for R' > 0")


@CH_I1.end_result("Remark I.2: ||grad h(B, A)|| <= sqrt(2) R' (||W0|| + R'^2) on D_{R'}")
def _i1_end(ctx):
    def fn(x):
        W0, B, A, R = x
        E = W0 - B @ A
        return (np.sqrt(np.linalg.norm(E @ A.T) ** 2 + np.linalg.norm(B.T @ E) ** 2),
                np.sqrt(2) * R * (np.linalg.norm(W0) + R**2))

    def reval(x, dps):
        with _hp(x[:3], dps):
            W0, B, A, R = _mp(x[0]), _mp(x[1]), _mp(x[2]), mpmath.mpf(x[3])
            E = W0 - B * A
            return (mpmath.sqrt(_mfro(E * A.T) ** 2 + _mfro(B.T * E) ** 2), mpmath.sqrt(2) * R * (_mfro(W0) + R**2))

    return check_inequality("Remark I.2 final bound", _point_lra(), fn, ctx, revalidate=reval)


# ============================================================================= CH-I2
CH_I2 = chain(PAPER, "CH-I2", "rotation and decoupling, (612)–(647) (App. I)")

_U, _upars = _givens_orth(N_, "u")
_V, _vpars = _givens_orth(M_, "v")
# fixed rational Givens parameters (sympy expands polynomials in the remaining symbols fast; a symbolic 4 x 4
# Givens product makes every check time out): U, V are fixed exactly orthogonal rational matrices
_U = _U.subs(dict(zip(_upars, [sp.Rational(1, 3), sp.Rational(-2, 5), sp.Rational(3, 7)])))
_V = _V.subs(dict(zip(_vpars, [sp.Rational(1, 2), sp.Rational(-1, 4), sp.Rational(2, 3), sp.Rational(3, 5),
                               sp.Rational(-5, 7), sp.Rational(1, 6)])))
assert sp.simplify(_U.T * _U - sp.eye(N_)) == sp.zeros(N_) and sp.simplify(_V.T * _V - sp.eye(M_)) == sp.zeros(M_)
_upars, _vpars = [], []
_sv = sp.symbols(f"s0:{min(N_, M_)}", real=True)
_Sig = sp.zeros(N_, M_)
for _i, _s in enumerate(_sv):
    _Sig[_i, _i] = _s
_Yt = _msym("yt", N_, R_)  # tilde Y
_Xt = _msym("xt", R_, M_)  # tilde X
_Yd = _msym("ytd", N_, R_)  # d tilde Y / dt
_Xd = _msym("xtd", R_, M_)  # d tilde X / dt
_Ym = _msym("Y", N_, R_)
_Xm = _msym("X", R_, M_)
_DOM_ROT = ({p: S.real(0.0, 2.0) for p in (*_upars, *_vpars)} | {s: S.real(0.0, 5.0) for s in _sv}
            | {s: S.real(0.0, 2.0) for Mx in (_Yt, _Xt, _Yd, _Xd, _Ym, _Xm) for s in Mx})


def _dom(*exprs):
    """The part of _DOM_ROT / _DOM1 whose symbols occur in the expressions."""
    fs = set()
    for e in exprs:
        for x in (e if isinstance(e, (list, tuple)) else [e]):
            fs |= sp.sympify(x).free_symbols
    full = _DOM_ROT | _DOM1 | _DOM_EXTRA
    return {s: full[s] for s in fs}


_DOM_EXTRA: dict = {}


_L613_614 = list(_gA) + list(_gB)
CH_I2.step("(612)→(613)–(614)", "partial gradients",
           Eq(_L613_614, list(_G613) + list(_G614), scope=SCOPE), _DOM1, timeout=10,
           printed=r"\nabla_A h(B, A) = -B^T (W_0 - BA) \ (613) \qquad \nabla_B h(B, A) = -(W_0 - BA)A^T \ (614)",
           note="sympy differentiates h = 1/2 ||W0 - BA||^2 (Frobenius, all entries) and compares with the printed gradients")
_Wy = _W  # W0 at (Y, X): same symbols
_Yf = _msym("b", N_, R_)  # Y, X stand at the point (B, A) = (Y, X)
_Xf = _msym("a", R_, M_)
CH_I2.step("(613)–(614),(55)–(56)→(624)–(625)", "gradient flow",
           Eq(list(-_G614) + list(-_G613), list((_W - _Yf * _Xf) * _Xf.T) + list(_Yf.T * (_W - _Yf * _Xf)), scope=SCOPE),
           _DOM1, timeout=10,
           printed=r"\frac{dY(t)}{dt} = (W_0 - YX) X^T \ (624) \qquad \frac{dX(t)}{dt} = Y^T (W_0 - YX) \ (625)",
           note="(55)-(56): dY/dt = -grad_Y, dX/dt = -grad_X; the negatives of (614), (613) at (B, A) = (Y, X) against "
                "the printed right sides of (624)-(625)")
CH_I2.step("(627)–(629)→(630)–(631)", "invert the rotation (orthogonality)",
           Eq(list(_U * (_U.T * _Ym)) + list((_Xm * _V) * _V.T), list(_Ym) + list(_Xm), scope=SCOPE_UV, rewrites=(sp.expand,)),
           _dom(list(_U * _Ym), list(_Xm * _V)), timeout=10,
           printed=r"Y = U \tilde{Y} \ (630) \qquad X = \tilde{X} V^T \ (631)",
           note="with tilde Y := U^T Y (628), tilde X := X V (629), U, V fixed exactly orthogonal rational matrices "
                "(products of rational Givens rotations): U tilde Y = Y and tilde X V^T = X")

_tt = sp.Symbol("t", real=True)
_Ytf = sp.Matrix(N_, R_, lambda i, j: sp.Function(f"Yt{i}{j}")(_tt))
_Xtf = sp.Matrix(R_, M_, lambda i, j: sp.Function(f"Xt{i}{j}")(_tt))
_FSUB = {sp.Derivative(_Ytf[i, j], _tt): _Yd[i, j] for i in range(N_) for j in range(R_)}
_FSUB.update({sp.Derivative(_Xtf[i, j], _tt): _Xd[i, j] for i in range(R_) for j in range(M_)})
_SSUB = {_Ytf[i, j]: _Yt[i, j] for i in range(N_) for j in range(R_)}
_SSUB.update({_Xtf[i, j]: _Xt[i, j] for i in range(R_) for j in range(M_)})


def _dt_state(Mx):
    return Mx.applyfunc(lambda e: sp.diff(e, _tt)).subs(_FSUB).subs(_SSUB)


_W0rot = _U * _Sig * _V.T  # (627)
_Yrot, _Xrot = _U * _Yt, _Xt * _V.T  # (630)-(631)
_R633 = (_U * _Sig * _V.T - _U * _Yt * _Xt * _V.T) * _V * _Xt.T
_R634 = _Yt.T * _U.T * (_U * _Sig * _V.T - _U * _Yt * _Xt * _V.T)
_sub_lhs = [_dt_state(_U * _Ytf), _dt_state(_Xtf * _V.T)]
CH_I2.step("(624)–(625),(630)–(631)→(633)–(634)", "substitute",
           Eq(list(_sub_lhs[0]) + list(_sub_lhs[1])
              + list((_W0rot - _Yrot * _Xrot) * _Xrot.T) + list(_Yrot.T * (_W0rot - _Yrot * _Xrot)),
              list(_U * _Yd) + list(_Xd * _V.T) + list(_R633) + list(_R634), scope=SCOPE_UV, rewrites=(sp.expand,)),
           _dom(list(_R633), list(_R634), list(_Yd), list(_Xd)), timeout=45,
           printed=r"U \frac{d\tilde{Y}(t)}{dt} = \left( U \Sigma_0 V^T - U \tilde{Y} \tilde{X} V^T \right) V \tilde{X}^T \ (633) "
                   r"\qquad \frac{d\tilde{X}(t)}{dt} V^T = \tilde{Y}^T U^T \left( U \Sigma_0 V^T - U \tilde{Y} \tilde{X} V^T \right) \ (634)",
           note="left sides: d/dt of U tilde Y(t) and of tilde X(t) V^T (sympy, tilde Y, tilde X functions of t, U, V constant) "
                "against the printed U d tildeY/dt, d tildeX/dt V^T; right sides: (624)-(625) with W0 = U Sigma0 V^T (627), "
                "Y = U tildeY, X = tildeX V^T against the printed right sides. Sigma0 is 3 x 4 rectangular diagonal")
CH_I2.step("(633)–(634)→(635)–(636)", "multiply by U^T on the left and by V on the right; U^TU = I, V^TV = I",
           Eq(list(_U.T * (_U * _Yd)) + list((_Xd * _V.T) * _V) + list(_U.T * _R633) + list(_R634 * _V),
              list(_Yd) + list(_Xd) + list((_Sig - _Yt * _Xt) * _Xt.T) + list(_Yt.T * (_Sig - _Yt * _Xt)), scope=SCOPE_UV, rewrites=(sp.expand,)),
           _dom(list(_R633), list(_R634), list(_Yd), list(_Xd)), timeout=45,
           printed=r"\frac{d\tilde{Y}(t)}{dt} = \left( \Sigma_0 - \tilde{Y} \tilde{X} \right) \tilde{X}^T \ (635) \qquad "
                   r"\frac{d\tilde{X}(t)}{dt} = \tilde{Y}^T \left( \Sigma_0 - \tilde{Y} \tilde{X} \right) \ (636)",
           note="(634) is right-multiplied by V (the text says so; the step needs V^T V = I). U, V fixed exactly orthogonal rational matrices (Givens products).")

_yd = sp.symbols(f"ydiag0:{R_}", real=True)
_xd = sp.symbols(f"xdiag0:{R_}", real=True)
_Ydg = sp.zeros(N_, R_)
_Xdg = sp.zeros(R_, M_)
for _i in range(R_):
    _Ydg[_i, _i], _Xdg[_i, _i] = _yd[_i], _xd[_i]
_F635 = (_Sig - _Ydg * _Xdg) * _Xdg.T
_F636 = _Ydg.T * (_Sig - _Ydg * _Xdg)
_E637 = sp.zeros(N_, R_)
_E638 = sp.zeros(R_, M_)
for _i in range(R_):
    _E637[_i, _i] = (_sv[_i] - _yd[_i] * _xd[_i]) * _xd[_i]
    _E638[_i, _i] = (_sv[_i] - _yd[_i] * _xd[_i]) * _yd[_i]
_DOMdiag = {s: S.real(0.0, 3.0) for s in (*_yd, *_xd, *_sv)}
CH_I2.step("(635)–(636),(632)→(637)–(640)", "diagonal invariance; decoupling of the diagonal entries",
           Eq(list(_F635) + list(_F636), list(_E637) + list(_E638), scope=SCOPE, rewrites=(sp.expand,)), _DOMdiag, timeout=10,
           printed=r"\frac{d\tilde{y}_{ii}}{dt} = (s_{0,i} - \tilde{y}_{ii}\tilde{x}_{ii})\tilde{x}_{ii} \ (637) \quad "
                   r"\frac{d\tilde{x}_{ii}}{dt} = (s_{0,i} - \tilde{y}_{ii}\tilde{x}_{ii})\tilde{y}_{ii} \ (638) \quad "
                   r"\tilde{y}_{ii}(0) = 0 \ (639) \quad \tilde{x}_{ii}(0) \sim \mathcal{N}(0, \sigma^2) \ (640)",
           note="at 'diagonal' tilde Y (n x r) and tilde X (r x m) (entries only at (i,i)), the vector field (635)-(636) is "
                "diagonal again (every off-diagonal entry 0: the diagonal set is invariant, so by uniqueness the solution "
                "from (632), tilde Y0 = 0, stays there) and its (i,i) entries are (637)-(638). (639)-(640) restate (632) and "
                "tilde Y0 = 0. The end result checks this along the integrated matrix flow.")
_y, _x, _s0 = sp.symbols("y x s_0", real=True)
_ren = {_yd[0]: _y, _xd[0]: _x, _sv[0]: _s0}
CH_I2.step("(637)–(640)→(641)–(647)", "drop the indices",
           Eq([_E637[0, 0].subs(_ren), _E638[0, 0].subs(_ren)], [(_s0 - _y * _x) * _x, (_s0 - _y * _x) * _y]),
           {_y: S.real(0, 3), _x: S.real(0, 3), _s0: S.positive(0.05, 10)},
           printed=r"\frac{dy}{dt} = (s_0 - yx)x \ (644) \quad \frac{dx}{dt} = (s_0 - yx)y \ (645) \quad y(0) = 0 \ (646) \quad "
                   r"x(0) \sim \mathcal{N}(0, \sigma^2) \ (647)",
           note="the renaming (641)-(643) y := tilde y_ii, x := tilde x_ii, s0 := s_{0,i} applied to (637)-(638) (index i = 1); "
                "(646)-(647) are (639)-(640) renamed")


def _householder(rng, k, dps):
    """An orthogonal k x k mpmath matrix: product of k Householder reflections I - 2 v v^T / (v^T v) with float64
    (exact binary) vectors v, so it is exactly orthogonal in exact arithmetic and orthogonal to working precision here."""
    Q = mpmath.eye(k)
    for _ in range(k):
        v = mpmath.matrix([mpmath.mpf(float(e)) for e in rng.normal(size=k)])
        H = mpmath.eye(k) - 2 * (v * v.T) / (v.T * v)[0, 0]
        Q = Q * H
    return Q


def _mp_instance(seed, n, m, r, spec, sigma, dps):
    """TC-2 spectral instance at working precision: W0 = U Sigma0 V^T with U, V orthogonal to working precision
    (a float64 U, V would couple the rotated modes at 1e-16), tilde Y0 = 0, tilde X0 = [diag(x0) 0]."""
    rng = np.random.default_rng(seed)
    U, V = _householder(rng, n, dps), _householder(rng, m, dps)
    Sg = mpmath.zeros(n, m)
    for i, sv in enumerate(spec):
        Sg[i, i] = mpmath.mpf(float(sv))
    x0 = [mpmath.mpf(float(v)) for v in sigma * rng.normal(size=r)]
    Xt0 = mpmath.zeros(r, m)
    for i in range(r):
        Xt0[i, i] = x0[i]
    return dict(U=U, V=V, Sig=Sg, W0=U * Sg * V.T, X0=Xt0 * V.T, Y0=mpmath.zeros(n, r), x0=x0,
                s=[mpmath.mpf(float(v)) for v in spec], n=n, m=m, r=r)


def _mp_flow(inst, times, dps):
    from verify.ode import integrate

    res = integrate(lra.lra_field, {"Y": inst["Y0"], "X": inst["X0"]}, list(times), params={"W0": inst["W0"]}, dps=dps)
    if res.status != 0:
        raise RuntimeError(f"integration failed: {res.message}")
    return res


_FLOW_SHAPES = [(6, 5, 2), (4, 4, 3), (3, 6, 2), (7, 6, 3)]


def _flow_instances(ctx, tag, sigma):
    rng = ctx.rng(tag)
    out = []
    for (n, m, r) in _FLOW_SHAPES:
        k = min(n, m)
        spec = np.sort(rng.uniform(0.5, 5.0, size=k))[::-1]
        out.append(((n, m, r), spec, int(rng.integers(0, 2**31 - 1)), sigma))
    return out


def _long_time(inst):
    """70 e-foldings of the slowest of the r modes past its ramp-up (arsinh offset)."""
    return max((70 + abs(mpmath.log(inst["x0"][i] ** 2 / (2 * inst["s"][i]))))
               / mpmath.sqrt(inst["x0"][i] ** 4 + 4 * inst["s"][i] ** 2) for i in range(inst["r"]))


def _rotated_flow_evidence(ctx, tag, times):
    """Integrate (624)-(625) from the spectral initialisation (TC-2, TC-13 shapes) and compare
    U^T Y(t), X(t) V with the diagonal matrices built from the scalar IVP (644)-(647) integrated separately."""
    from verify.ode import integrate

    cases = []
    for (n, m, r), spec, seed, sigma in _flow_instances(ctx, tag, 0.5):
        def compute(dps, n=n, m=m, r=r, spec=spec, seed=seed, sigma=sigma):
            inst = _mp_instance(seed, n, m, r, spec, sigma, dps + 10)
            res = _mp_flow(inst, times, dps)
            U, V = inst["U"], inst["V"]
            pairs = []
            for i in range(r):
                sres = integrate(lra.scalar_field, {"y": mpmath.mpf(0), "x": inst["x0"][i]}, list(times),
                                 params={"s0": inst["s"][i]}, dps=dps)
                for j, tv in enumerate(times):
                    Yt, Xt = U.T * res.y["Y"][j], res.y["X"][j] * V
                    pairs.append((f"tildeY[{i},{i}] vs scalar y (t={tv})", Yt[i, i], sres.y["y"][j]))
                    pairs.append((f"tildeX[{i},{i}] vs scalar x (t={tv})", Xt[i, i], sres.y["x"][j]))
            for j, tv in enumerate(times):
                Yt, Xt = U.T * res.y["Y"][j], res.y["X"][j] * V
                off = max([abs(Yt[a, b]) for a in range(Yt.rows) for b in range(Yt.cols) if a != b]
                          + [abs(Xt[a, b]) for a in range(Xt.rows) for b in range(Xt.cols) if a != b] + [mpmath.mpf(0)])
                pairs.append((f"largest off-diagonal entry of U^T Y, X V (t={tv})", off, mpmath.mpf(0)))
            return pairs
        cases.append(({"n": n, "m": m, "r": r, "s0": [round(float(v), 4) for v in spec], "sigma": sigma, "seed": seed},
                      compute))
    return compare_cases("rotated matrix flow vs decoupled scalar IVP (637)-(640)", cases, dps=30, min_digits=20,
                         floor=1.0, tolerance_reason="30-digit Taylor integration; 1e-20 relative (absolute below 1)")


@CH_I2.end_result("along the integrated flow (624)-(625) with spectral init., U^T Y and X V stay diagonal and their "
                  "diagonals solve (644)-(647)")
def _i2_end(ctx):
    return _rotated_flow_evidence(ctx, "i2-end", (0.5, 2.0))


# ============================================================================= CH-I3
CH_I3 = chain(PAPER, "CH-I3", "reduction to App. C, (648)–(666) (App. I)")

x0 = sp.Symbol("x_0", real=True, nonzero=True)
s0 = sp.Symbol("s_0", positive=True)
w0 = sp.Symbol("w_0", real=True, nonzero=True)
t = sp.Symbol("t", nonnegative=True)
x2 = sp.Symbol("x2", positive=True)  # App. C: ||X0||^2
Cc = sp.Symbol("C", positive=True)  # App. C: |c|

XI1 = x0**4 + 4 * s0**2  # (664)
XI2 = 1 / sp.sqrt(x0**4 + 4 * s0**2) * sp.asinh(x0**2 / (2 * s0))  # (665)
SQX = sp.sqrt(XI1)
DEN = sp.sqrt(2 * x0**2 * sp.sinh(SQX * (t + XI2)) + 4 * s0)
SH, CHh = sp.sinh(SQX / 2 * t), sp.cosh(SQX / 2 * t)
PS = 1 / DEN * (x0**2 / sp.sqrt(s0) * SH + sp.sqrt(x0**4 + 4 * s0**2) / sp.sqrt(s0) * CHh)  # (662)
QS = 1 / DEN * 2 / sp.sqrt(s0) * SH  # (663)

# App. C (314)-(315), (373)-(374) as printed, in x2 = ||X0||^2, C = |c|
K1C = x2**2 + 4 * Cc**2
K2C = 1 / sp.sqrt(x2**2 + 4 * Cc**2) * sp.asinh(x2 / (2 * Cc))
_DENC = sp.sqrt(2 * x2 * sp.sinh(sp.sqrt(K1C) * (t + K2C)) + 4 * Cc)
P373 = 1 / _DENC * (x2 / sp.sqrt(Cc) * sp.sinh(sp.sqrt(K1C) / 2 * t)
                    + sp.sqrt(x2**2 + 4 * Cc**2) / sp.sqrt(Cc) * sp.cosh(sp.sqrt(K1C) / 2 * t))
Q374 = 1 / _DENC * 2 / sp.sqrt(Cc) * sp.sinh(sp.sqrt(K1C) / 2 * t)

_Wc = _msym("wc", 3, 3)
_Yc = _msym("yc", 3, 2)
_Xc = _msym("xc", 2, 3)
_X0c = _msym("x0c", 2, 3)
_pp, _qq = sp.symbols("p q", real=True)
_DOMc = {s: S.real(0, 3) for Mx in (_Wc, _Yc, _Xc, _X0c) for s in Mx} | {_pp: S.real(0, 3), _qq: S.real(0, 3)}
def _check_648_653(ctx):
    out = [S.check_identity(list((_Wc - _Yc * _Xc).trace() * _Xc.T) + list((_Wc - _Yc * _Xc).trace() * _Yc.T),
                            list(-_Yc.applyfunc(lambda e: sp.diff(sp.Rational(1, 2) * (_Wc - _Yc * _Xc).trace() ** 2, e)))
                            + list(-_Xc.applyfunc(lambda e: sp.diff(sp.Rational(1, 2) * (_Wc - _Yc * _Xc).trace() ** 2, e))),
                            _DOMc, rng=ctx.rng("648"), name="(648)-(649) = minus the gradients of 1/2 Tr^2(W0 - YX) "
                            "(App. C's (276)-(277))", timeout=5, method="STEPS", scope="n = 3, r = 2")]
    # (652)-(653) = App. C's (377)-(378): Y = q c X0^T, X = p X0 solves (648)-(651) iff (TC-8)
    # c q' = a p, p' = a c q with a = c (1 - ||X0||^2 p q), p(0) = 1, q(0) = 0; p, q of (373)-(374)
    for eps in (1, -1):
        c = eps * Cc
        a = c * (1 - x2 * P373 * Q374)
        out.append(S.check_identity([c * sp.diff(Q374, t) - a * P373, sp.diff(P373, t) - a * c * Q374], [0, 0],
                                    {x2: S.positive(0.05, 20), Cc: S.positive(0.05, 10), t: S.interval(0, 4)},
                                    rng=ctx.rng(f"652-{eps}"), name=f"sgn c = {eps:+d}: (652)-(653) with (373)-(374) "
                                    "solve (648)-(649) (TC-8 reduction)", timeout=2, method="STEPS", samples=30))
    out.append(S.check_identity([P373.subs(t, 0), Q374.subs(t, 0)], [1, 0], {x2: S.positive(0.05, 20), Cc: S.positive(0.05, 10)},
                                rng=ctx.rng("652-0"), name="p(0) = 1, q(0) = 0: (650)-(651)", timeout=4, method="STEPS"))
    return out


CH_I3.step("(648)–(653)", "restate the App. C IVP and its solution",
           Custom(_check_648_653, "(648)-(649) are App. C's flow; (652)-(653) with p, q of (373)-(374) solve (648)-(651)"),
           printed=r"\frac{dY(t)}{dt} = \text{Tr}(W_0 - YX)X^T \ (648) \quad \frac{dX(t)}{dt} = \text{Tr}(W_0 - YX)Y^T \ (649) "
                   r"\quad Y(0) = \mathbf{0} \ (650) \quad X(0) = X_0 \ (651) \quad Y(t) = q(t) \text{Tr}(W_0) X_0^T \ (652) "
                   r"\quad X(t) = p(t)X_0 \ (653)",
           note="agreement with App. C: (648)-(649) against the gradient flow of 1/2 Tr^2(W0 - YX) (symbolic n = 3, r = 2); "
                "(652)-(653) with App. C's p, q (373)-(374) (transcribed here in x2 = ||X0||^2, C = |c|) solve (648)-(651): "
                "with Y = q c X0^T, X = p X0 the flow is c q' = a p, p' = a c q, a = c(1 - x2 p q) (TC-8), for both signs "
                "of c; p(0) = 1, q(0) = 0", timeout=20)
_one = lambda e: sp.Matrix([[e]])  # noqa: E731
_y1, _x1 = sp.symbols("y x", real=True)
_sc = {_x1: S.real(0, 3), _y1: S.real(0, 3), w0: S.nonzero(0.05, 5), x0: S.nonzero(0.05, 5),
       _pp: S.real(0, 3), _qq: S.real(0, 3)}
CH_I3.step("(648)–(653)→(654)–(659)", "specialise to n = m = r = 1, where Tr(W0−YX) = w0 − yx",
           Eq(list((_one(w0) - _one(_y1) * _one(_x1)).trace() * _one(_x1).T)
              + list((_one(w0) - _one(_y1) * _one(_x1)).trace() * _one(_y1).T)
              + list(_qq * _one(w0).trace() * _one(x0).T) + list(_pp * _one(x0)),
              [(w0 - _y1 * _x1) * _x1, (w0 - _y1 * _x1) * _y1, _qq * w0 * x0, _pp * x0]),
           _sc, timeout=5,
           printed=r"\frac{dy(t)}{dt} = (w_0 - yx)x \ (654) \quad \frac{dx(t)}{dt} = (w_0 - yx)y \ (655) \quad y(0) = 0 \ (656) "
                   r"\quad x(0) = x_0 \ (657) \quad y(t) = q_s(t)w_0x_0 \ (658) \quad x(t) = p_s(t)x_0 \ (659)",
           note="1 x 1 matrices: the right sides of (648)-(649), (652)-(653) with W0 = [w0], Y = [y], X = [x], X0 = [x0] "
                "against (654)-(655), (658)-(659); p, q stand for p_s(t), q_s(t) (the scalar p, q of App. C)")
CH_I3.step("(658)–(659)→(660)–(661)", "w0 = s0",
           Eq([(_qq * w0 * x0).subs(w0, s0), (_pp * x0).subs(w0, s0)], [_qq * s0 * x0, _pp * x0]),
           {s0: S.positive(0.05, 10), x0: S.nonzero(0.05, 5), _pp: S.real(0, 3), _qq: S.real(0, 3)}, timeout=5,
           printed=r"y(t) = q_s(t)s_0x_0 \ (660) \qquad x(t) = p_s(t)x_0 \ (661)",
           note="s0 > 0 (a nonzero singular value, Assumption I.4)")
_sub_c = {x2: x0**2, Cc: s0}
CH_I3.step("(373)–(374),(314)–(315)→(662)–(665)", "replace ‖X0‖² → x0² and |c| → s0; drop the absolute-value bars",
           Eq([P373.subs(_sub_c), Q374.subs(_sub_c), K1C.subs(_sub_c), K2C.subs(_sub_c)], [PS, QS, XI1, XI2]),
           {x0: S.nonzero(0.05, 5), s0: S.positive(0.05, 10), t: S.interval(0, 4)}, timeout=8,
           printed=r"p_s(t) := \frac{1}{\sqrt{2x_0^2 \sinh(\sqrt{\xi_1}(t + \xi_2)) + 4s_0}} \left[ \frac{x_0^2}{\sqrt{s_0}} "
                   r"\sinh\left(\frac{\sqrt{\xi_1}}{2}t\right) + \frac{\sqrt{x_0^4 + 4s_0^2}}{\sqrt{s_0}} \cosh\left(\frac{\sqrt{\xi_1}}{2}t"
                   r"\right) \right] \ (662) \quad q_s(t) := \frac{1}{\sqrt{2x_0^2 \sinh(\sqrt{\xi_1}(t + \xi_2)) + 4s_0}} \cdot "
                   r"\frac{2}{\sqrt{s_0}} \sinh\left(\frac{\sqrt{\xi_1}}{2}t\right) \ (663) \quad \xi_1 = x_0^4 + 4s_0^2 \ (664) "
                   r"\quad \xi_2 = \frac{1}{\sqrt{x_0^4 + 4s_0^2}} \text{arsinh}\left(\frac{x_0^2}{2s_0}\right) \ (665)",
           note="App. C's (373)-(374), (314)-(315) transcribed here in x2 = ||X0||^2, C = |c| (c^2 = C^2), then "
                "x2 -> x0^2, C -> s0 (s0 > 0 so |s0| = s0), against my transcription of (662)-(665); x0 of both signs")
CH_I3.step("(660)×(661)→(666)", "multiply",
           Eq((_qq * s0 * x0) * (_pp * x0), _pp * _qq * s0 * x0**2),
           {s0: S.positive(0.05, 10), x0: S.nonzero(0.05, 5), _pp: S.real(0, 3), _qq: S.real(0, 3)}, timeout=5,
           printed=r"y(t)x(t) = p_s(t)q_s(t)s_0x_0^2 \quad (666)")

_TC13 = [(0.3, 2), (-1.2, 0.5), (0.01, 3), (2, 0.1), (0.3, 2.5), (-1.2, 0.4), (0.01, 7), (3, 0.05)]


@CH_I3.end_result("(660)-(661) with the printed p_s, q_s (662)-(665) solve the IVP (644)-(647) (TC-13 points, t in {0.5,2,4,6})")
def _i3_end(ctx):
    from verify.ode import integrate

    times = (0.5, 2.0, 4.0, 6.0)
    cases = []
    for xv, sv in _TC13:
        def compute(dps, xv=xv, sv=sv):
            X0, S0 = mpmath.mpf(xv), mpmath.mpf(sv)
            res = integrate(lra.scalar_field, {"y": mpmath.mpf(0), "x": X0}, list(times), params={"s0": S0}, dps=dps)
            pairs = []
            for j, tv in enumerate(times):
                T = mpmath.mpf(tv)
                pairs.append((f"y(t={tv})", res.y["y"][j], lra.qs_closed(X0, S0, T) * S0 * X0))
                pairs.append((f"x(t={tv})", res.y["x"][j], lra.ps_closed(X0, S0, T) * X0))
            return pairs
        cases.append(({"x0": xv, "s0": sv}, compute))
    return compare_cases("(660)-(661) vs integrated (644)-(647)", cases, dps=30, min_digits=20,
                         tolerance_reason="30-digit Taylor integration (TC-5); 1e-20 relative")


# ============================================================================= CH-I4
CH_I4 = chain(PAPER, "CH-I4", "limits, (667)–(693) (App. I)")

K = sp.Symbol("K", positive=True)  # TC-12: t = K / sqrt(xi1)
_Mm = sp.Symbol("M", positive=True)
DOM_X = {x0: S.nonzero(0.05, 5.0), s0: S.positive(0.05, 10.0)}
DOM_XT = DOM_X | {t: S.interval(0.0, 4.0)}
DOM_K = DOM_X | {K: S.positive(1.0, 300.0)}
NOTE_K = ("TC-12: t = K/sqrt(xi1), K -> oo (K = 50, 100, 200 at 60 digits); x0 real nonzero of both signs, s0 > 0")


def tc7i(expr):
    """TC-7 for sympy: arsinh(x0^2/(2 s0)) = log M, sqrt(x0^4 + 4 s0^2) = s0 (M + 1/M), |x0| = sqrt(s0 (M - 1/M)),
    x0^2 = s0 (M - 1/M), M > 1.  Odd powers of x0 are left alone (so x0 and |x0| are never identified)."""
    e = sp.sympify(expr)
    e = e.subs(sp.asinh(x0**2 / (2 * s0)), sp.log(_Mm))
    e = e.subs(sp.sqrt(x0**4 + 4 * s0**2), s0 * (_Mm + 1 / _Mm))
    e = e.subs(sp.Abs(x0), sp.sqrt(s0 * (_Mm - 1 / _Mm)))
    e = e.subs(x0**4, (s0 * (_Mm - 1 / _Mm)) ** 2).subs(x0**2, s0 * (_Mm - 1 / _Mm))
    return sp.simplify(sp.expand(sp.powsimp(e.rewrite(sp.exp), force=True)))


RW = (tc7i,)


def _k(expr):
    return sp.sympify(expr).subs(t, K / SQX)


def _lim(prev_expr, nxt, name):
    """TC-12: the limit (K -> oo) of the previous printed line's expression equals the next line
    (a closed value, or a limit expression evaluated at the same K)."""
    def f(ctx):
        return S.check_limit(_k(prev_expr), K, _k(nxt), DOM_K, rng=ctx.rng(name), name=name, timeout=3,
                             scales=(50, 100, 200), method="STEPS")
    return f


def _ident(lhs, rhs, dom, name):
    def f(ctx):
        return S.check_identity(lhs, rhs, dom, rng=ctx.rng(name), name=name, timeout=5, rewrites=RW, method="STEPS",
                                samples=40)
    return f


F670s = SH / DEN
F670c = CHh / DEN
F671 = (sp.Rational(1, 2) * sp.exp(SQX / 2 * t)) / sp.sqrt(2 * x0**2 * sp.exp(SQX * (t + XI2)) / 2 + 4 * s0)
F672 = (sp.exp(SQX / 2 * t) / (2 * sp.sqrt(x0**2 * sp.exp(SQX * (t + XI2)) + 4 * s0))
        * sp.exp(-SQX / 2 * t) / sp.exp(-SQX / 2 * t))
F673 = 1 / (2 * sp.sqrt(x0**2 * sp.exp(XI2 * SQX) + 4 * s0) * sp.exp(-SQX * t))  # as printed: e^{-sqrt(xi1) t} outside the root
V674 = 1 / (2 * sp.Abs(x0) * sp.exp(XI2 * SQX / 2))
_z = x0**2 / (2 * s0)
V675 = sp.exp(sp.asinh(_z))
V676 = sp.exp(sp.log(_z + sp.sqrt(1 + _z**2)))
V677 = _z + sp.sqrt(1 + _z**2)
V678 = (x0**2 + sp.sqrt(x0**4 + 4 * s0**2)) / (2 * s0)
_wI = x0**2 + sp.sqrt(x0**4 + 4 * s0**2)
V679a = 1 / (2 * sp.Abs(x0)) * sp.sqrt(2 * s0 / _wI)
V679b = sp.sqrt(s0) / (sp.sqrt(2) * sp.Abs(x0) * sp.sqrt(_wI))
V681 = sp.sqrt(s0) / (sp.sqrt(2) * sp.Abs(x0) * sp.sqrt(_wI))
F682 = PS
F683 = x0**2 / sp.sqrt(s0) * F670s + sp.sqrt(x0**4 + 4 * s0**2) / sp.sqrt(s0) * F670c
V684 = x0**2 / sp.sqrt(s0) * V681 + sp.sqrt(x0**4 + 4 * s0**2) / sp.sqrt(s0) * V681
V685 = _wI / (sp.sqrt(2) * sp.Abs(x0) * sp.sqrt(_wI))
V686 = sp.sqrt(_wI) / (sp.sqrt(2) * sp.Abs(x0))
F687 = 2 / sp.sqrt(s0) * F670s
V688 = 2 / sp.sqrt(s0) * V681
V689 = 2 / (sp.sqrt(2) * sp.Abs(x0) * sp.sqrt(_wI))
F690 = PS * QS * s0 * x0**2
V691 = s0 * x0**2 * V686 * V689

CH_I4.step("(667)–(669)", "asymptotic equivalences",
           _custom(_lim(SH / (sp.Rational(1, 2) * sp.exp(SQX / 2 * t)), 1, "(667) ratio -> 1"),
                   _lim(CHh / (sp.Rational(1, 2) * sp.exp(SQX / 2 * t)), 1, "(668) ratio -> 1"),
                   _lim(sp.sinh(SQX * (t + XI2)) / (sp.Rational(1, 2) * sp.exp(SQX * (t + XI2))), 1, "(669) ratio -> 1"),
                   desc="each ratio lhs/rhs of (667)-(669) tends to 1"),
           printed=r"\sinh\left(\frac{\sqrt{\xi_1}}{2}t\right) \sim \frac{1}{2}e^{\frac{\sqrt{\xi_1}}{2}t} \ (667) \quad "
                   r"\cosh\left(\frac{\sqrt{\xi_1}}{2}t\right) \sim \frac{1}{2}e^{\frac{\sqrt{\xi_1}}{2}t} \ (668) \quad "
                   r"\sinh\left(\sqrt{\xi_1}(t + \xi_2)\right) \sim \frac{1}{2}e^{\sqrt{\xi_1}(t + \xi_2)} \ (669)",
           note="~ read as: the ratio tends to 1 as t -> oo. " + NOTE_K, timeout=20)
CH_I4.step("(670)", "the sinh-limit and the cosh-limit coincide",
           _custom(_lim(F670s, F670c, "(670) sinh-expression vs cosh-expression"), desc="lim sinh/D = lim cosh/D"),
           printed=r"\lim_{t \rightarrow \infty} \frac{\sinh\left(\frac{\sqrt{\xi_1}}{2}t\right)}{\sqrt{2x_0^2 \sinh(\sqrt{\xi_1}(t + "
                   r"\xi_2)) + 4s_0}} = \lim_{t \rightarrow \infty} \frac{\cosh\left(\frac{\sqrt{\xi_1}}{2}t\right)}{\sqrt{2x_0^2 "
                   r"\sinh(\sqrt{\xi_1}(t + \xi_2)) + 4s_0}} \quad (670)",
           note="the sinh-expression, far into the limit, approaches the cosh-expression (relative gap -> 0). " + NOTE_K,
           timeout=10)
CH_I4.step("(670)→(671)", "insert (667)–(669)",
           _custom(_lim(F670s, F671, "sinh-side of (670) vs (671)"), _lim(F670c, F671, "cosh-side of (670) vs (671)"),
                   desc="lim (670) = lim (671)"),
           printed=r"= \lim_{t \rightarrow \infty} \frac{\frac{1}{2}e^{\frac{\sqrt{\xi_1}}{2}t}}{\sqrt{2x_0^2 \cdot "
                   r"\frac{e^{\sqrt{\xi_1}(t + \xi_2)}}{2} + 4s_0}} \quad (671)", note=NOTE_K, timeout=10)
CH_I4.step("(671)→(672)", "simplify; multiply by e^{−√ξ1 t/2}/e^{−√ξ1 t/2}",
           _custom(_ident(F671, F672, DOM_XT, "(671) = (672) for every t"), _lim(F671, F672, "lim (671) vs lim (672)"),
                   desc="(671) and (672) agree (as functions of t, and in the limit)"),
           printed=r"= \lim_{t \rightarrow \infty} \frac{e^{\frac{\sqrt{\xi_1}}{2}t}}{2\sqrt{x_0^2 \cdot e^{\sqrt{\xi_1}(t + \xi_2)} "
                   r"+ 4s_0}} \cdot \frac{e^{-\frac{\sqrt{\xi_1}}{2}t}}{e^{-\frac{\sqrt{\xi_1}}{2}t}} \quad (672)",
           note=NOTE_K, timeout=10)
READ673 = ("(673) transcribed as extracted: \\frac{1}{2\\sqrt{x_0^2 e^{\\xi_2\\sqrt{\\xi_1}} + 4s_0} e^{-\\sqrt{\\xi_1}t}}, i.e. "
           "the factor e^{-sqrt(xi1) t} stands OUTSIDE the square root and multiplies the denominator, so (673) = "
           "e^{sqrt(xi1) t} / (2 sqrt(x0^2 e^{xi2 sqrt(xi1)} + 4 s0)) -> oo. (The analogous App. C line (386) has "
           "4|c| e^{-sqrt(kappa1) t} inside the root, which would make (673) consistent; not repaired here.)")
CH_I4.step("(672)→(673)", "rearrange the exponential factors",
           _custom(lambda ctx: S.check_limit(_k(1 / F673), K, _k(1 / F672), DOM_K, rng=ctx.rng("673"),
                                             name="lim 1/(673) vs lim 1/(672) (TC-12, same K)", timeout=3,
                                             scales=(50, 100, 200), method="STEPS"),
                   desc="lim (672) = lim (673), compared through the reciprocals (lim (673) is +oo)"),
           printed=r"= \lim_{t \rightarrow \infty} \frac{1}{2\sqrt{x_0^2 \cdot e^{\xi_2 \sqrt{\xi_1}} + 4s_0} e^{-\sqrt{\xi_1}t}} \quad (673)",
           note=READ673 + " Reciprocals are compared because (673) diverges: 1/(673) -> 0 while 1/(672) -> "
                "2|x0| e^{xi2 sqrt(xi1)/2} > 0. " + NOTE_K, timeout=10)
CH_I4.step("(673)→(674)", "let t → ∞; √(x0²) = |x0|",
           _custom(lambda ctx: S.check_limit(_k(1 / F673), K, 1 / V674, DOM_K, rng=ctx.rng("674"),
                                             name="lim 1/(673) vs 1/(674) (TC-12)", timeout=3, scales=(50, 100, 200),
                                             method="STEPS"),
                   desc="(674) against the limit of the printed (673), through reciprocals"),
           printed=r"= \frac{1}{2|x_0|e^{\frac{\xi_2 \sqrt{\xi_1}}{2}}} \quad (674)",
           note=READ673 + " Taking (673) as printed, its limit is +oo, not (674); compared through reciprocals "
                "(1/(673) -> 0, 1/(674) > 0). " + NOTE_K, timeout=10)
CH_I4.step("(665)→(675)", "ξ2√ξ1 = arsinh(x0²/(2s0))", Eq(sp.exp(XI2 * SQX), V675, rewrites=RW), DOM_X, timeout=5,
           printed=r"e^{\xi_2 \sqrt{\xi_1}} = e^{\operatorname{arsinh}\left(\frac{x_0^2}{2s_0}\right)} \quad (675)",
           note="xi1, xi2 of (664)-(665); x0 of both signs, s0 > 0")
CH_I4.step("(675)→(676)", "logarithmic form of arsinh", Eq(V675, V676, rewrites=RW), DOM_X, timeout=5,
           printed=r"= e^{\ln\left(\frac{x_0^2}{2s_0} + \sqrt{1 + \left(\frac{x_0^2}{2s_0}\right)^2}\right)} \quad (676)")
CH_I4.step("(676)→(677)", "exp∘ln", Eq(V676, V677, rewrites=RW), DOM_X, timeout=5,
           printed=r"= \frac{x_0^2}{2s_0} + \sqrt{1 + \left(\frac{x_0^2}{2s_0}\right)^2} \quad (677)")
CH_I4.step("(677)→(678)", "common denominator", Eq(V677, V678, rewrites=RW), DOM_X, timeout=5,
           printed=r"= \frac{x_0^2 + \sqrt{x_0^4 + 4s_0^2}}{2s_0} \quad (678)")
CH_I4.step("(674),(678)→(679)", "substitute and simplify",
           Eq([V674.subs(sp.exp(XI2 * SQX / 2), sp.sqrt(V678)), V679a], [V679a, V679b], rewrites=RW), DOM_X, timeout=6,
           printed=r"\frac{1}{2|x_0|} \cdot \sqrt{\frac{2s_0}{x_0^2 + \sqrt{x_0^4 + 4s_0^2}}} = "
                   r"\frac{\sqrt{s_0}}{\sqrt{2}|x_0|\sqrt{x_0^2 + \sqrt{x_0^4 + 4s_0^2}}} \quad (679)",
           note="checked: (674) with e^{xi2 sqrt(xi1)/2} = sqrt((678)) equals the left side of (679), and the left side "
                "equals the right side. (The exponent substitution itself is checked by CH-I4 (665)->(675)...(678).)")
CH_I4.step("(679)→(680)–(681)", "restate the limit value",
           _custom(_ident(V679b, V681, DOM_X, "(681) restates the value (679)"),
                   _lim(F670s, V681, "TC-12: lim of (680) (sinh-side) vs (681)"),
                   _lim(F670c, V681, "TC-12: lim of (680) (cosh-side) vs (681)"),
                   desc="(681) = (679), and (681) = the numerically evaluated limits of (680)"),
           printed=r"\lim_{t \rightarrow \infty} \frac{\sinh\left(\frac{\sqrt{\xi_1}}{2}t\right)}{\sqrt{2x_0^2 \sinh(\sqrt{\xi_1}(t + "
                   r"\xi_2)) + 4s_0}} = \lim_{t \rightarrow \infty} \frac{\cosh\left(\frac{\sqrt{\xi_1}}{2}t\right)}{\sqrt{2x_0^2 "
                   r"\sinh(\sqrt{\xi_1}(t + \xi_2)) + 4s_0}} \ (680) = \frac{\sqrt{s_0}}{\sqrt{2}|x_0|\sqrt{x_0^2 + \sqrt{x_0^4 + "
                   r"4s_0^2}}} \ (681)",
           note="(680) repeats (670) verbatim. " + NOTE_K, timeout=15)
CH_I4.step("(662)→(682)", "limit of p_s", Eq(PS, F682, rewrites=RW), DOM_XT, timeout=5,
           printed=r"\lim_{t \rightarrow \infty} p_s(t) = \lim_{t \rightarrow \infty} \frac{1}{\sqrt{2x_0^2 \sinh(\sqrt{\xi_1}(t + "
                   r"\xi_2)) + 4s_0}} \left[ \frac{x_0^2}{\sqrt{s_0}} \sinh\left(\frac{\sqrt{\xi_1}}{2}t\right) + "
                   r"\frac{\sqrt{x_0^4 + 4s_0^2}}{\sqrt{s_0}} \cosh\left(\frac{\sqrt{\xi_1}}{2}t\right) \right] \quad (682)",
           note="checked: the expression under lim in (682) is p_s(t) of (662) (both transcribed from the paper here)")
CH_I4.step("(682)→(683)", "split",
           _custom(_ident(F682, F683, DOM_XT, "(682) = (683) under the limit, for every t"),
                   _lim(F682, F683, "lim (682) vs lim (683)"), desc="(682) and (683) agree"),
           printed=r"= \lim_{t \rightarrow \infty} \frac{x_0^2}{\sqrt{s_0}} \cdot \frac{\sinh\left(\frac{\sqrt{\xi_1}}{2}t\right)}"
                   r"{\sqrt{2x_0^2 \sinh(\sqrt{\xi_1}(t + \xi_2)) + 4s_0}} + \frac{\sqrt{x_0^4 + 4s_0^2}}{\sqrt{s_0}} \cdot "
                   r"\frac{\cosh\left(\frac{\sqrt{\xi_1}}{2}t\right)}{\sqrt{2x_0^2 \sinh(\sqrt{\xi_1}(t + \xi_2)) + 4s_0}} \quad (683)",
           note=NOTE_K, timeout=10)
CH_I4.step("(683)→(684)", "insert (681)",
           _custom(_lim(F683, V684, "TC-12: lim of (683) vs (684)"), desc="(684) against the numerically evaluated limit of (683)"),
           printed=r"= \frac{x_0^2}{\sqrt{s_0}} \cdot \frac{\sqrt{s_0}}{\sqrt{2}|x_0|\sqrt{x_0^2 + \sqrt{x_0^4 + 4s_0^2}}} + "
                   r"\frac{\sqrt{x_0^4 + 4s_0^2}}{\sqrt{s_0}} \cdot \frac{\sqrt{s_0}}{\sqrt{2}|x_0|\sqrt{x_0^2 + \sqrt{x_0^4 + 4s_0^2}}} \quad (684)",
           note=NOTE_K, timeout=10)
CH_I4.step("(684)→(685)", "combine", Eq(V684, V685, rewrites=RW), DOM_X, timeout=5,
           printed=r"= \frac{x_0^2 + \sqrt{x_0^4 + 4s_0^2}}{\sqrt{2}|x_0|\sqrt{x_0^2 + \sqrt{x_0^4 + 4s_0^2}}} \quad (685)")
CH_I4.step("(685)→(686)", "simplify", Eq(V685, V686, rewrites=RW), DOM_X, timeout=5,
           printed=r"= \frac{\sqrt{x_0^2 + \sqrt{x_0^4 + 4s_0^2}}}{\sqrt{2}|x_0|} \quad (686)")
CH_I4.step("(663)→(687)", "limit of q_s", Eq(QS, F687, rewrites=RW), DOM_XT, timeout=5,
           printed=r"\lim_{t \rightarrow \infty} q_s(t) = \lim_{t \rightarrow \infty} \frac{2}{\sqrt{s_0}} \cdot "
                   r"\frac{\sinh\left(\frac{\sqrt{\xi_1}}{2}t\right)}{\sqrt{2x_0^2 \sinh(\sqrt{\xi_1}(t + \xi_2)) + 4s_0}} \quad (687)",
           note="checked: the expression under lim in (687) is q_s(t) of (663)")
CH_I4.step("(687)→(688)", "insert (681)",
           _custom(_lim(F687, V688, "TC-12: lim of (687) vs (688)"), desc="(688) against the numerically evaluated limit of (687)"),
           printed=r"= \frac{2}{\sqrt{s_0}} \cdot \frac{\sqrt{s_0}}{\sqrt{2}|x_0|\sqrt{x_0^2 + \sqrt{x_0^4 + 4s_0^2}}} \quad (688)",
           note=NOTE_K, timeout=10)
CH_I4.step("(688)→(689)", "cancel √s0", Eq(V688, V689, rewrites=RW), DOM_X, timeout=5,
           printed=r"= \frac{2}{\sqrt{2}|x_0|\sqrt{x_0^2 + \sqrt{x_0^4 + 4s_0^2}}} \quad (689)")
CH_I4.step("(666)→(690)", "limit of the product",
           Eq((QS * s0 * x0) * (PS * x0), F690, rewrites=RW), DOM_XT, timeout=5,
           printed=r"\lim_{t \rightarrow \infty} y(t)x(t) = \lim_{t \rightarrow \infty} p_s(t)q_s(t)s_0x_0^2 \quad (690)",
           note="checked: y(t) x(t) from (660)-(661) with p_s, q_s of (662)-(663) equals the expression under lim in (690)")
CH_I4.step("(690)→(691)", "insert (686) and (689)",
           _custom(_lim(F690, V691, "TC-12: lim p_s q_s s0 x0^2 vs (691)"),
                   desc="(691) against the numerically evaluated limit of (690)"),
           printed=r"= s_0x_0^2 \cdot \frac{\sqrt{x_0^2 + \sqrt{x_0^4 + 4s_0^2}}}{\sqrt{2}|x_0|} \cdot "
                   r"\frac{2}{\sqrt{2}|x_0|\sqrt{x_0^2 + \sqrt{x_0^4 + 4s_0^2}}} \quad (691)", note=NOTE_K, timeout=10)
CH_I4.step("(691)→(692)", "simplify", Eq(V691, s0, rewrites=RW), DOM_X, timeout=5, printed=r"= s_0 \quad (692)")
_svi = sp.symbols("sv0:3", positive=True)
_Sig3 = sp.zeros(3, 4)
for _i, _s in enumerate(_svi):
    _Sig3[_i, _i] = _s
CH_I4.step("(692)→(693)", "indexed notation",
           _custom(lambda ctx: S.check_identity([s0.subs(s0, _svi[i]) for i in range(3)], [_Sig3[i, i] for i in range(3)],
                                                {s: S.positive(0.05, 10) for s in _svi}, rng=ctx.rng("693a"),
                                                name="(692) with s0 := s_{0,i} equals (Sigma0)_ii (3 x 4)", timeout=5,
                                                method="STEPS", scope="n = 3, m = 4"),
                   lambda ctx: _long_flow_evidence(ctx, "693", "693"),
                   desc="renaming, and the indexed limit along the integrated matrix flow"),
           printed=r"\lim_{t \rightarrow \infty} \tilde{y}_{ii}(t)\tilde{x}_{ii}(t) = s_{0,i} = (\Sigma_0)_{ii} \quad (693)",
           note="(692) with s0 := s_{0,i} (the renaming (643) undone) is the (i,i) entry of Sigma0 (a definitional identity); "
                "the indexed statement is also checked on the full matrix flow (624)-(625) from the spectral "
                "initialisation: (U^T Y X V)_ii -> s_{0,i}, i <= r, at t = 70 e-foldings past the ramp", timeout=60)


@CH_I4.end_result("lim y(t) x(t) = s0 for the printed p_s, q_s (TC-12), and for the integrated scalar IVP (644)-(647)")
def _i4_end(ctx):
    from verify.ode import integrate

    ev1 = S.check_limit(_k(F690), K, s0, DOM_K, rng=ctx.rng("i4-end"), name="lim p_s q_s s0 x0^2 = s0 (TC-12)",
                        timeout=3, scales=(50, 100, 200), method="SYM")
    cases = []
    for xv, sv in _TC13:
        def compute(dps, xv=xv, sv=sv):
            X0, S0 = mpmath.mpf(xv), mpmath.mpf(sv)
            sq = mpmath.sqrt(X0**4 + 4 * S0**2)
            # long time: the ramp-up time ~ arsinh-offset plus 60 e-foldings of the slowest rate
            T = (60 + abs(mpmath.log(X0**2 / (2 * S0)))) / sq
            res = integrate(lra.scalar_field, {"y": mpmath.mpf(0), "x": X0}, [T], params={"s0": S0}, dps=dps)
            return [(f"y x at t = {mpmath.nstr(T, 5)}", res.y["y"][0] * res.y["x"][0], S0)]
        cases.append(({"x0": xv, "s0": sv}, compute))
    ev2 = compare_cases("integrated scalar IVP: y x -> s0", cases, dps=30, min_digits=18,
                        tolerance_reason="60 e-foldings past the ramp (e^-60 ~ 1e-26) at 30 digits; 1e-18 relative",
                        method="ODE")
    return [ev1, ev2]


# ============================================================================= CH-I5
CH_I5 = chain(PAPER, "CH-I5", "assembly and final loss, (693)–(701) (App. I)")

_blk = sp.zeros(N_, M_)  # [Sigma_{0,r} 0; 0 0]
for _i in range(R_):
    _blk[_i, _i] = _sv[_i]
_dg = sp.symbols(f"d0:{R_}", real=True)  # d_i stands for tilde y_ii(t) tilde x_ii(t)
_DOM_EXTRA.update({s: S.real(0.0, 3.0) for s in (*_dg, *_yd, *_xd)})
_Dprod = sp.zeros(N_, M_)
for _i in range(R_):
    _Dprod[_i, _i] = _yd[_i] * _xd[_i]
CH_I5.step("(693)→(694)", "assemble the diagonal; the other entries are 0",
           Eq([_Ydg * _Xdg, (_Ydg * _Xdg).subs({_yd[i]: _sv[i] / _xd[i] for i in range(R_)})], [_Dprod, _blk], scope=SCOPE, rewrites=(sp.expand,)),
           {s: (S.nonzero(0.1, 3.0) if s in _xd else S.real(0.0, 3.0)) for s in (*_yd, *_xd, *_sv)}, timeout=10,
           printed=r"\lim_{t \rightarrow \infty} \tilde{Y}(t)\tilde{X}(t) = \begin{bmatrix} \Sigma_{0,r} & \mathbf{0} \\ "
                   r"\mathbf{0} & \mathbf{0} \end{bmatrix} \quad (694)",
           note="for diagonal tilde Y (n x r), tilde X (r x m) (CH-I2), tilde Y tilde X has y_ii x_ii at (i,i), i <= r, and 0 "
                "elsewhere; with y_ii x_ii = s_{0,i} (the limit (693), imposed by y_ii := s_{0,i}/x_ii) it is the block "
                "matrix. The end result checks (694) along the integrated matrix flow.")
_Dd = sp.zeros(N_, M_)
for _i in range(R_):
    _Dd[_i, _i] = _dg[_i]
CH_I5.step("(694)→(695)", "multiply by U on the left and V^T on the right",
           Eq(_U * _Dd * _V.T - _U * _blk * _V.T, _U * (_Dd - _blk) * _V.T, scope=SCOPE_UV, rewrites=(sp.expand,)),
           _dom(list(_U * _Dd * _V.T), list(_blk)), timeout=10,
           printed=r"\lim_{t \rightarrow \infty} U\tilde{Y}(t)\tilde{X}(t)V^T = U \begin{bmatrix} \Sigma_{0,r} & \mathbf{0} \\ "
                   r"\mathbf{0} & \mathbf{0} \end{bmatrix} V^T \quad (695)",
           note="the map M -> U M V^T is linear (checked: U D V^T - U B V^T = U (D - B) V^T with D = tilde Y tilde X, "
                "B = the block), so it passes through the limit; the end result checks (695) along the integrated flow")
CH_I5.step("(695)→(696)", "(630)–(631)",
           Eq(_U * (_U.T * _Ym) * (_Xm * _V) * _V.T, _Ym * _Xm, scope=SCOPE_UV, rewrites=(sp.expand,)), _dom(list(_U * _Ym), list(_Xm * _V)),
           timeout=15,
           printed=r"Y^*X^* := \lim_{t \rightarrow \infty} Y(t)X(t) = U \begin{bmatrix} \Sigma_{0,r} & \mathbf{0} \\ \mathbf{0} "
                   r"& \mathbf{0} \end{bmatrix} V^T \quad (696)",
           note="U tildeY tildeX V^T with tildeY = U^T Y, tildeX = X V (628)-(629) equals Y X (U, V fixed exactly orthogonal rational matrices)")
CH_I5.step("(696)→(697)", "insert into the loss",
           Eq(sp.Rational(1, 2) * _fro2(_W0rot - _U * _blk * _V.T),
              sp.Rational(1, 2) * _fro2(_U * _Sig * _V.T - _U * _blk * _V.T), scope=SCOPE_UV, rewrites=(sp.expand,)),
           _dom(list(_W0rot), list(_blk)), timeout=10,
           printed=r"\frac{1}{2} \|W_0 - Y^*X^*\|^2 = \frac{1}{2} \left\| U\Sigma_0V^T - U \begin{bmatrix} \Sigma_{0,r} & "
                   r"\mathbf{0} \\ \mathbf{0} & \mathbf{0} \end{bmatrix} V^T \right\|^2 \quad (697)",
           note="W0 = U Sigma0 V^T (627) and Y*X* of (696)")
CH_I5.step("(697)→(698)", "factor out U and V^T",
           Eq(_U * _Sig * _V.T - _U * _blk * _V.T, _U * (_Sig - _blk) * _V.T, scope=SCOPE_UV, rewrites=(sp.expand,)),
           _dom(list(_W0rot), list(_blk)), timeout=10,
           printed=r"= \frac{1}{2} \left\| U \left( \Sigma_0 - \begin{bmatrix} \Sigma_{0,r} & \mathbf{0} \\ \mathbf{0} & "
                   r"\mathbf{0} \end{bmatrix} \right) V^T \right\|^2 \quad (698)")
_Mg = _msym("mg", N_, M_)
_DOM_EXTRA.update({s: S.real(0.0, 3.0) for s in _Mg})
CH_I5.step("(698)→(699)", "orthogonal invariance of the Frobenius norm",
           Eq([_fro2(_U * _Mg * _V.T), _fro2(_U * (_Sig - _blk) * _V.T)], [_fro2(_Mg), _fro2(_Sig - _blk)], scope=SCOPE_UV, rewrites=(sp.expand,)),
           _dom(list(_U * _Mg * _V.T), list(_Sig)), timeout=15,
           printed=r"= \frac{1}{2} \left\| \Sigma_0 - \begin{bmatrix} \Sigma_{0,r} & \mathbf{0} \\ \mathbf{0} & \mathbf{0} "
                   r"\end{bmatrix} \right\|^2 \quad (699)",
           note="||U M V^T||^2 = ||M||^2 for a generic 3 x 4 M and for M = Sigma0 - block; U, V fixed exactly orthogonal rational matrices")


def _check_700(ctx):
    out = []
    for (n, m, r) in [(3, 4, 2), (4, 3, 1), (5, 5, 3), (2, 6, 1)]:
        k = min(n, m)
        sv = sp.symbols(f"q0:{k}", positive=True)
        Sg, Bk = sp.zeros(n, m), sp.zeros(n, m)
        for i in range(k):
            Sg[i, i] = sv[i]
            if i < r:
                Bk[i, i] = sv[i]
        out.append(S.check_identity(sp.Rational(1, 2) * _fro2(Sg - Bk), sp.Rational(1, 2) * sum(sv[i] ** 2 for i in range(r, k)),
                                    {s: S.positive(0.05, 10) for s in sv}, rng=ctx.rng(f"700-{n}{m}{r}"),
                                    name=f"(699) = (700) at n = {n}, m = {m}, r = {r}", timeout=5, method="STEPS",
                                    scope=f"n = {n}, m = {m}, r = {r}"))
    return out


CH_I5.step("(699)→(700)", "sum of the squared remaining diagonal entries",
           Custom(_check_700, "1/2 ||Sigma0 - block||^2 = 1/2 sum_{i=r+1}^{min(n,m)} s_{0,i}^2 at several (n, m, r)"),
           printed=r"= \frac{1}{2} \sum_{i=r+1}^{\min(n,m)} s_{0,i}^2 \quad (700)",
           note="explicit sizes (n, m, r) = (3,4,2), (4,3,1), (5,5,3), (2,6,1)", timeout=10)
_Ugen = _msym("U", N_, N_)
_Vgen = _msym("V", M_, M_)
_Sr = sp.diag(*_sv[:R_])
CH_I5.step("(696)→(701)", "truncated-SVD form",
           Eq(_Ugen * _blk * _Vgen.T, _Ugen[:, :R_] * _Sr * _Vgen[:, :R_].T, scope=SCOPE, rewrites=(sp.expand,)),
           {s: S.real(0, 2) for Mx in (_Ugen, _Vgen) for s in Mx} | {s: S.real(0, 5) for s in _sv}, timeout=10,
           printed=r"Y^* X^* = U_r \Sigma_{0,r} V_r^T \quad (701)",
           note="U_r, V_r = the first r columns of U, V; holds for any U, V (orthogonality not needed)")


def _long_flow_evidence(ctx, tag, what):
    """Integrate (624)-(625) (spectral init., working-precision orthogonal U, V) to a long time and compare
    U^T Y X V with the block (694) (what="694": only the r diagonal entries (693) and the rest), Y X with
    U_r Sigma_r V_r^T (701) and the loss with (700)."""
    cases = []
    for (n, m, r), spec, seed, sigma in _flow_instances(ctx, tag, 0.1):
        def compute(dps, n=n, m=m, r=r, spec=spec, seed=seed, sigma=sigma):
            inst = _mp_instance(seed, n, m, r, spec, sigma, dps + 10)
            T = _long_time(inst)
            res = _mp_flow(inst, [T], dps)
            Y, X = res.y["Y"][0], res.y["X"][0]
            U, V = inst["U"], inst["V"]
            R_ = U.T * Y * X * V
            if what == "693":
                return [(f"(U^T Y X V)[{i},{i}] at t = {mpmath.nstr(T, 4)} vs (Sigma0)_ii", R_[i, i], inst["Sig"][i, i])
                        for i in range(r)]
            blk = mpmath.zeros(n, m)
            for i in range(r):
                blk[i, i] = inst["s"][i]
            loss = _mfro(inst["W0"] - Y * X) ** 2 / 2
            eym = U[:, :r] * mpmath.diag(inst["s"][:r]) * V[:, :r].T
            return [("U^T Y X V vs block (694)", R_, blk), ("Y X vs U_r Sigma_r V_r^T (701)", Y * X, eym),
                    ("loss vs (700)", loss, sum((v**2 for v in inst["s"][r:]), mpmath.mpf(0)) / 2)]
        cases.append(({"n": n, "m": m, "r": r, "s0": [round(float(v), 4) for v in spec], "sigma": sigma, "seed": seed},
                      compute))
    return compare_cases(f"long-time matrix flow vs ({what})", cases, dps=30, min_digits=18, floor=1.0,
                         tolerance_reason="70 e-foldings past the ramp of the slowest mode (e^-70 ~ 4e-31) at 30 digits; "
                                          "1e-18 relative (absolute below 1)")


@CH_I5.end_result("the integrated flow (624)-(625) (spectral init.) converges to U_r Sigma_{0,r} V_r^T (EYM), with "
                  "U^T Y X V -> block (694) and loss -> 1/2 sum_{i>r} s_{0,i}^2 (700)")
def _i5_end(ctx):
    return _long_flow_evidence(ctx, "i5-end", "694, 700, 701")


# ============================================================================= CH-J
CH_J = chain(PAPER, "CH-J", "Lemma J.1, (704)–(730) (App. J)")


def _hgrads(W0, B, A, o):
    """(613)-(614): grad_A h = -B^T (W0 - BA), grad_B h = -(W0 - BA) A^T; returns (grad_B, grad_A)."""
    E = W0 - o["mul"](B, A)
    return -o["mul"](E, o["T"](A)), -o["mul"](o["T"](B), E)


def _j_lines(W0, B1, A1, B2, A2, R, lib):
    o = _ops(lib)
    if lib is not np:
        W0, B1, A1, B2, A2 = (_mp(M) for M in (W0, B1, A1, B2, A2))
        R = mpmath.mpf(R)
    fro, T, mul, sqrt = o["fro"], o["T"], o["mul"], o["sqrt"]
    gB1, gA1 = _hgrads(W0, B1, A1, o)
    gB2, gA2 = _hgrads(W0, B2, A2, o)
    E1 = W0 - mul(B1, A1)
    D = mul(B1, A1) - mul(B2, A2)
    nB, nA = fro(B1 - B2), fro(A1 - A2)
    Kc = fro(W0) + 2 * R**2
    L = 2 * Kc  # (1/sqrt2) L := sqrt2 (||W0|| + 2R'^2)
    if lib is np:
        whole_sq = float(np.sum(np.concatenate([(gB1 - gB2).ravel(), (gA1 - gA2).ravel()]) ** 2))
        dth_sq = float(np.sum(np.concatenate([(B1 - B2).ravel(), (A1 - A2).ravel()]) ** 2))
    else:
        whole_sq = sum((e**2 for Mx in (gB1 - gB2, gA1 - gA2) for e in Mx), mpmath.mpf(0))
        dth_sq = sum((e**2 for Mx in (B1 - B2, A1 - A2) for e in Mx), mpmath.mpf(0))
    v = {
        "lhsB": fro(gB1 - gB2),
        "lhsA": fro(gA1 - gA2),
        709: fro(mul(D, T(A2)) + mul(E1, T(A2) - T(A1))),
        710: fro(mul(D, T(A2))) + fro(mul(E1, T(A2) - T(A1))),
        711: fro(D) * fro(T(A2)) + fro(E1) * fro(T(A2) - T(A1)),
        712: fro(D) * R + (fro(W0) + fro(mul(B1, A1))) * fro(T(A2) - T(A1)),
        713: fro(D) * R + (fro(W0) + fro(B1) * fro(A1)) * fro(T(A2) - T(A1)),
        714: fro(D) * R + (fro(W0) + R**2) * fro(T(A2) - T(A1)),
        715: fro(mul(B1, A1) - mul(B1, A2) + mul(B1, A2) - mul(B2, A2)) * R + (fro(W0) + R**2) * fro(T(A2) - T(A1)),
        716: fro(mul(B1, A1 - A2) + mul(B1 - B2, A2)) * R + (fro(W0) + R**2) * fro(T(A2) - T(A1)),
        717: (fro(mul(B1, A1 - A2)) + fro(mul(B1 - B2, A2))) * R + (fro(W0) + R**2) * fro(T(A2) - T(A1)),
        718: (fro(B1) * fro(A1 - A2) + fro(B1 - B2) * fro(A2)) * R + (fro(W0) + R**2) * fro(T(A2) - T(A1)),
        719: (R * fro(A1 - A2) + fro(B1 - B2) * R) * R + (fro(W0) + R**2) * fro(T(A2) - T(A1)),
        720: (fro(A1 - A2) + fro(B1 - B2)) * R**2 + (fro(W0) + R**2) * fro(A1 - A2),
        721: fro(B1 - B2) * R**2 + (fro(W0) + 2 * R**2) * fro(A1 - A2),
        722: fro(B1 - B2) * (fro(W0) + 2 * R**2) + (fro(W0) + 2 * R**2) * fro(A1 - A2),
        723: (fro(W0) + 2 * R**2) * (fro(B1 - B2) + fro(A1 - A2)),
        724: sqrt(2) * (fro(W0) + 2 * R**2) * (fro(B1 - B2) ** 2 + fro(A1 - A2) ** 2) ** 0.5,
        725: sqrt(2) * (fro(W0) + 2 * R**2) * (fro(B1 - B2) ** 2 + fro(A1 - A2) ** 2) ** 0.5,
        "725^2": (sqrt(2) * (fro(W0) + 2 * R**2) * (fro(B1 - B2) ** 2 + fro(A1 - A2) ** 2) ** 0.5) ** 2,
        "726": L**2 / 2 * (nB**2 + nA**2),
        "728": fro(gB1 - gB2) ** 2 + fro(gA1 - gA2) ** 2,
        "728r": L**2 * (nB**2 + nA**2),
        "729": L**2 * dth_sq,
        "730": L * sqrt(dth_sq),
        "whole_sq": whole_sq, "whole": sqrt(whole_sq),
        "lhsB_sq": fro(gB1 - gB2) ** 2, "lhsA_sq": fro(gA1 - gA2) ** 2,
    }
    return v


def _jmirror(x):
    """The 'identical calculation' for the A-gradients: (W0, B, A) -> (W0^T, A^T, B^T) maps grad_B h onto
    (grad_A h)^T (h'(B', A') = 1/2 ||W0^T - B'A'||^2), keeps D_{R'}, ||W0|| and every norm."""
    W0, B1, A1, B2, A2, R = x
    return W0.T.copy(), A1.T.copy(), B1.T.copy(), A2.T.copy(), B2.T.copy(), R


def _j_fn(lo, hi, mirror=False):
    def fn(x):
        v = _j_lines(*(_jmirror(x) if mirror else x), np)
        return v[lo], v[hi]

    def reval(x, dps):
        with _hp(x[:5], dps):
            v = _j_lines(*(_jmirror(x) if mirror else x), mpmath)
            return v[lo], v[hi]
    return fn, reval


def _jstep(lo, hi, kind, desc=""):
    fn, reval = _j_fn(lo, hi)
    rel = r"\le" if kind == "le" else "="
    return Prop(_pair_lra(), fn, reval, kind, description=desc or f"({lo}) {rel} ({hi}) on D_{{R'}}")


def _jev(name, lo, hi, kind, ctx, mirror=False, examples=None):
    fn, reval = _j_fn(lo, hi, mirror)
    f = check_inequality if kind == "le" else check_equality
    return f(name, _pair_lra(), fn, ctx, revalidate=reval, examples=examples)


JNOTE = ("property search over pairs (B1,A1),(B2,A2) in D_{R'}, W0 in R^{n x m} arbitrary (TC-3 families), n, m <= 6, "
         "r <= min(n, m); float64 violations re-evaluated in mpmath at >= 30 digits plus 3x the decimal spread of the entries")

_Wj = _msym("W", N_, M_)
_B1 = _msym("b", N_, R_)
_A1 = _msym("a", R_, M_)
_B2 = _msym("bb", N_, R_)
_A2 = _msym("aa", R_, M_)
_DJ = {s: S.real(0, 2) for Mx in (_Wj, _B1, _A1, _B2, _A2) for s in Mx}


def _gB614(B, A):
    return -(_Wj - B * A) * A.T


def _gA613(B, A):
    return -B.T * (_Wj - B * A)


def _check_704(ctx):
    Bs, As = _msym("B", N_, R_), _msym("A", R_, M_)
    hh = sp.Rational(1, 2) * _fro2(_Wj - Bs * As)
    full = [sp.diff(hh, s) for s in list(Bs) + list(As)]

    def at(B, A):
        sub = dict(zip(list(Bs) + list(As), list(B) + list(A)))
        return [e.subs(sub, simultaneous=True) for e in full]

    diff_full = [u - w for u, w in zip(at(_B1, _A1), at(_B2, _A2))]
    blocks = list(_gB614(_B1, _A1) - _gB614(_B2, _A2)) + list(_gA613(_B1, _A1) - _gA613(_B2, _A2))
    ev1 = S.check_identity(diff_full, blocks, _DJ, rng=ctx.rng("704a"),
                           name="grad h(B1,A1) - grad h(B2,A2) = (grad_B difference, grad_A difference) entrywise, "
                                "gradients of (613)-(614)", timeout=10, method="STEPS", scope=SCOPE)
    ev2 = _jev("(704): Euclidean norm of the whole gradient difference = product norm of the components",
               "whole_sq", "728", "eq", ctx)
    return [ev1, ev2]


CH_J.step("(704)", "the norm of the gradient difference, written componentwise",
          Custom(_check_704, "grad h difference = (grad_B difference, grad_A difference); norms agree"),
          printed=r"\|\nabla h(B_1, A_1) - \nabla h(B_2, A_2)\| = \left\| \begin{pmatrix} \nabla_B h(B_1, A_1) - \nabla_B h(B_2, A_2), "
                  r"\nabla_A h(B_1, A_1) - \nabla_A h(B_2, A_2) \end{pmatrix} \right\| \quad (704)",
          note="symbolic n = 3, m = 4, r = 2: the full gradient of h (sympy) differenced between the two points equals the "
               "pair of differences of (613)-(614); numerically, squared Euclidean norm of the whole = sum of the squared "
               "component norms. " + JNOTE, timeout=20)
_R705 = -(_Wj - _B1 * _A1) * _A1.T + (_Wj - _B2 * _A2) * _A2.T
_R706 = ((_Wj - _B2 * _A2) * _A2.T - (_Wj - _B1 * _A1) * _A2.T + (_Wj - _B1 * _A1) * _A2.T - (_Wj - _B1 * _A1) * _A1.T)
_R707 = ((_Wj - _B2 * _A2) - (_Wj - _B1 * _A1)) * _A2.T + (_Wj - _B1 * _A1) * (_A2.T - _A1.T)
_R708 = (_B1 * _A1 - _B2 * _A2) * _A2.T + (_Wj - _B1 * _A1) * (_A2.T - _A1.T)
CH_J.step("(614)→(705)", "insert the B-gradients",
          Eq(_gB614(_B1, _A1) - _gB614(_B2, _A2), _R705, scope=SCOPE), _DJ, timeout=10,
          printed=r"\nabla_B h(B_1, A_1) - \nabla_B h(B_2, A_2) = -(W_0 - B_1 A_1) A_1^T + (W_0 - B_2 A_2) A_2^T \quad (705)",
          note="(614) as printed; explicit symbolic matrices n = 3, m = 4, r = 2")
CH_J.step("(705)→(706)", "add and subtract (W0−B1A1)A2^T", Eq(_R705, _R706, scope=SCOPE), _DJ, timeout=10,
          printed=r"= (W_0 - B_2 A_2) A_2^T - (W_0 - B_1 A_1) A_2^T + (W_0 - B_1 A_1) A_2^T - (W_0 - B_1 A_1) A_1^T \quad (706)")
CH_J.step("(706)→(707)", "group", Eq(_R706, _R707, scope=SCOPE), _DJ, timeout=10,
          printed=r"= \left( (W_0 - B_2 A_2) - (W_0 - B_1 A_1) \right) A_2^T + (W_0 - B_1 A_1) (A_2^T - A_1^T) \quad (707)")
CH_J.step("(707)→(708)", "simplify (W0−B2A2) − (W0−B1A1)", Eq(_R707, _R708, scope=SCOPE), _DJ, timeout=10,
          printed=r"= (B_1 A_1 - B_2 A_2) A_2^T + (W_0 - B_1 A_1) (A_2^T - A_1^T) \quad (708)")
CH_J.step("(708)→(709)", "take norms", _jstep("lhsB", 709, "eq", r"\|\nabla_B h(B_1,A_1)-\nabla_B h(B_2,A_2)\| = (709)"),
          printed=r"\|\nabla_B h(B_1, A_1) - \nabla_B h(B_2, A_2)\| = \|(B_1 A_1 - B_2 A_2) A_2^T + (W_0 - B_1 A_1) (A_2^T - A_1^T)\| \quad (709)",
          note="lhs: Frobenius norm of the difference of the gradients (614); rhs: the printed (709). " + JNOTE, timeout=10)
_J_STEPS = [
    (709, 710, "le", "triangle inequality",
     r"\leq \|(B_1 A_1 - B_2 A_2) A_2^T\| + \|(W_0 - B_1 A_1) (A_2^T - A_1^T)\| \quad (710)"),
    (710, 711, "le", "submultiplicativity",
     r"\leq \|(B_1 A_1 - B_2 A_2)\| \|A_2^T\| + \|(W_0 - B_1 A_1)\| \|(A_2^T - A_1^T)\| \quad (711)"),
    (711, 712, "le", "‖A2^T‖ ≤ R'; triangle inequality on ‖W0−B1A1‖",
     r"\leq \|(B_1 A_1 - B_2 A_2)\| R' + (\|W_0\| + \|B_1 A_1\|) \|(A_2^T - A_1^T)\| \quad (712)"),
    (712, 713, "le", "submultiplicativity",
     r"\leq \|(B_1 A_1 - B_2 A_2)\| R' + (\|W_0\| + \|B_1\| \|A_1\|) \|(A_2^T - A_1^T)\| \quad (713)"),
    (713, 714, "le", "≤ R'²",
     r"\leq \|(B_1 A_1 - B_2 A_2)\| R' + (\|W_0\| + R'^2) \|(A_2^T - A_1^T)\| \quad (714)"),
    (714, 715, "le", "add and subtract B1A2 inside the norm",
     r"\leq \|(B_1 A_1 - B_1 A_2 + B_1 A_2 - B_2 A_2)\| R' + (\|W_0\| + R'^2) \|(A_2^T - A_1^T)\| \quad (715)"),
    (715, 716, "le", "factor",
     r"\leq \|B_1(A_1 - A_2) + (B_1 - B_2)A_2\| R' + (\|W_0\| + R'^2) \|(A_2^T - A_1^T)\| \quad (716)"),
    (716, 717, "le", "triangle inequality",
     r"\leq (\|B_1(A_1 - A_2)\| + \|(B_1 - B_2)A_2\|) R' + (\|W_0\| + R'^2) \|(A_2^T - A_1^T)\| \quad (717)"),
    (717, 718, "le", "submultiplicativity",
     r"\leq (\|B_1\| \|(A_1 - A_2)\| + \|(B_1 - B_2)\| \|A_2\|) R' + (\|W_0\| + R'^2) \|(A_2^T - A_1^T)\| \quad (718)"),
    (718, 719, "le", "‖B1‖,‖A2‖ ≤ R'",
     r"\leq (R' \|(A_1 - A_2)\| + \|(B_1 - B_2)\| R') R' + (\|W_0\| + R'^2) \|(A_2^T - A_1^T)\| \quad (719)"),
    (719, 720, "eq", "expand; ‖A2^T−A1^T‖ = ‖A1−A2‖",
     r"= (\|(A_1 - A_2)\| + \|(B_1 - B_2)\|) R'^2 + (\|W_0\| + R'^2) \|(A_1 - A_2)\| \quad (720)"),
    (720, 721, "eq", "collect",
     r"= \|B_1 - B_2\| R'^2 + (\|W_0\| + 2R'^2) \|(A_1 - A_2)\| \quad (721)"),
    (721, 722, "le", "R'² ≤ ‖W0‖+2R'²",
     r"\leq \|B_1 - B_2\| \left( \|W_0\| + 2R'^2 \right) + \left( \|W_0\| + 2R'^2 \right) \|A_1 - A_2\| \quad (722)"),
    (722, 723, "eq", "factor",
     r"= \left( \|W_0\| + 2R'^2 \right) \left( \|B_1 - B_2\| + \|A_1 - A_2\| \right) \quad (723)"),
    (723, 724, "le", "a+b ≤ √2√(a²+b²)",
     r"\leq \sqrt{2} \left( \|W_0\| + 2R'^2 \right) \left( \|B_1 - B_2\|^2 + \|A_1 - A_2\|^2 \right)^{1/2} \quad (724)"),
]
for _lo, _hi, _kind, _op, _printed in _J_STEPS:
    CH_J.step(f"({_lo})→({_hi})", _op, _jstep(_lo, _hi, _kind), printed=_printed,
              note=("(715) and (716) are printed with '≤' (they are equalities); checked as printed. " if _hi in (715, 716)
                    else "") + JNOTE, timeout=10)


def _check_725(ctx):
    return [_jev("(725) right side = (724) right side", 724, 725, "eq", ctx),
            _jev("(725): ||grad_B h(B1,A1) - grad_B h(B2,A2)|| <= right side", "lhsB", 725, "le", ctx)]


CH_J.step("(724)→(725)", "restate", Custom(_check_725, "(725) = (709)-left side <= (724)-right side"),
          printed=r"\|\nabla_B h(B_1, A_1) - \nabla_B h(B_2, A_2)\| \leq \sqrt{2} \left( \|W_0\| + 2R'^2 \right) \left( \|B_1 - B_2\|^2 "
                  r"+ \|A_1 - A_2\|^2 \right)^{1/2} \quad (725)",
          note="agreement with the lines it restates: right side of (724), left side of (709); and the combined inequality. "
               + JNOTE, timeout=10)


def _check_726(ctx):
    return [_jev("(726) right side = (725) right side squared, with L := 2(||W0|| + 2R'^2)", "725^2", "726", "eq", ctx),
            _jev("(726): ||grad_B difference||^2 <= (1/2) L^2 (...)", "lhsB_sq", "726", "le", ctx)]


CH_J.step("(725)→(726)", "define L_{R'} via (1/√2)L_{R'} := √2(‖W0‖+2R'²) and square",
          Custom(_check_726, "(725)^2 with L_{R'} = 2(||W0|| + 2R'^2) is (726)"),
          printed=r"\|\nabla_B h(B_1, A_1) - \nabla_B h(B_2, A_2)\|^2 \leq \frac{1}{2} L_{R'}^2 \left( \|B_1 - B_2\|^2 + "
                  r"\|A_1 - A_2\|^2 \right) \quad (726)",
          note="L_{R'} = sqrt2 * sqrt2 (||W0|| + 2R'^2) from the printed definition. " + JNOTE, timeout=10)


def _check_727(ctx):
    def fn(x):
        return _j_lines(*_jmirror(x), np)["lhsB"], _j_lines(*x, np)["lhsA"]

    def reval(x, dps):
        with _hp(x[:5], dps):
            return _j_lines(*_jmirror(x), mpmath)["lhsB"], _j_lines(*x, mpmath)["lhsA"]

    out = [check_equality("A-calculation: ||grad_A h(B1,A1) - grad_A h(B2,A2)|| = (709)-left side at (W0^T, A^T, B^T)",
                          _pair_lra(), fn, ctx, revalidate=reval, examples=60)]
    seq = ["lhsB", 709] + [hi for _, hi, _, _, _ in _J_STEPS]
    kinds = {(lo, hi): kind for lo, hi, kind, _, _ in _J_STEPS}
    kinds[("lhsB", 709)] = "eq"
    rels = list(zip(seq, seq[1:]))

    def worst(v, tiny):
        out_ = []
        for lo, hi in rels:
            l_, r_ = v[lo], v[hi]
            sc = max(abs(l_), abs(r_), tiny)
            out_.append((l_ - r_) / sc if kinds[(lo, hi)] == "le" else abs(l_ - r_) / sc)
        return max(out_)

    def fn_all(x):
        return worst(_j_lines(*_jmirror(x), np), 1e-300), 0.0

    def reval_all(x, dps):
        with _hp(x[:5], dps):
            return worst(_j_lines(*_jmirror(x), mpmath), mpmath.mpf(10) ** (-dps)), mpmath.mpf(0)

    out.append(check_inequality("A-calculation: every mirrored relation (709)'-(724)': largest relative violation <= 1e-12",
                                _pair_lra(), fn_all, ctx, revalidate=reval_all, tol_ratio=0.0, atol=1e-12,
                                tolerance_reason="each relation's relative violation (lhs - rhs)/max(|lhs|,|rhs|) (|.| for "
                                                 "'=') must be <= 1e-12 at float64; violations re-evaluated at >= 30 digits"))
    out.append(_jev("(727): ||grad_A difference||^2 <= (1/2) L^2 (||B1-B2||^2 + ||A1-A2||^2)", "lhsA_sq", "726", "le", ctx))
    return out


CH_J.step("→(727)", "\"identical calculation\" for the A-gradients",
          Custom(_check_727, "the lines (709)-(724) for grad_A (carried out), then (727)"),
          printed=r"\|\nabla_A h(B_1, A_1) - \nabla_A h(B_2, A_2)\|^2 \leq \frac{1}{2} L_{R'}^2 \left( \|B_1 - B_2\|^2 + "
                  r"\|A_1 - A_2\|^2 \right) \quad (727)",
          note="the identical calculation carried out: grad_A h(B,A) = -B^T(W0-BA) is the transpose of the B-gradient of "
               "h'(B',A') = 1/2||W0^T - B'A'||^2 at (B',A') = (A^T,B^T), a map that preserves D_{R'}, ||W0|| and every norm; "
               "so the A-lines are the B-lines (709)-(724) at the mapped pair ((709)' = ||(A1^T B1^T - A2^T B2^T) B2 + "
               "(W0^T - A1^T B1^T)(B2 - B1)||, ...). Checked: the map, each mirrored consecutive relation, and (727). " + JNOTE,
          timeout=40)


def _check_728(ctx):
    Lsym, Dsym = sp.symbols("L D", positive=True)
    return [
        S.check_identity(Lsym**2 / 2 * Dsym + Lsym**2 / 2 * Dsym, Lsym**2 * Dsym,
                         {Lsym: S.positive(0.01, 100), Dsym: S.positive(0.01, 100)}, rng=ctx.rng("728"),
                         name="(726) + (727) right sides = (728) right side", method="STEPS"),
        _jev("(728): sum of the squared component differences <= L^2 (...)", "728", "728r", "le", ctx),
    ]


CH_J.step("(726)+(727)→(728)", "add", Custom(_check_728, "(726) + (727) gives (728)"),
          printed=r"\|\nabla_B h(B_1, A_1) - \nabla_B h(B_2, A_2)\|^2 + \|\nabla_A h(B_1, A_1) - \nabla_A h(B_2, A_2)\|^2 \leq "
                  r"L_{R'}^2 \left( \|B_1 - B_2\|^2 + \|A_1 - A_2\|^2 \right) \quad (728)", note=JNOTE, timeout=15)


def _check_729(ctx):
    return [_jev("(729) left side = (728) left side (product norm)", "whole_sq", "728", "eq", ctx),
            _jev("(729) right side = (728) right side", "728r", "729", "eq", ctx)]


CH_J.step("(728)→(729)", "product-norm notation", Custom(_check_729, "both sides of (728) in product-norm notation"),
          printed=r"\|\nabla h(B_1, A_1) - \nabla h(B_2, A_2)\|^2 \leq L_{R'}^2 \|(B_1, A_1) - (B_2, A_2)\|^2 \quad (729)",
          note="||(B1,A1) - (B2,A2)|| as the Euclidean norm of all entries of (B1-B2, A1-A2). " + JNOTE, timeout=15)


def _check_730(ctx):
    Lsym, Dsym = sp.symbols("L D", positive=True)
    return [S.check_identity(sp.sqrt(Lsym**2 * Dsym**2), Lsym * Dsym,
                             {Lsym: S.positive(0.01, 100), Dsym: S.positive(0.01, 100)}, rng=ctx.rng("730"),
                             name="sqrt(L^2 ||dtheta||^2) = L ||dtheta|| (L > 0)", method="STEPS"),
            _jev("(730): ||grad h difference|| <= L ||theta1 - theta2||", "whole", "730", "le", ctx)]


CH_J.step("(729)→(730)", "square root", Custom(_check_730, "square root of (729); (730) itself"),
          printed=r"\|\nabla h(B_1, A_1) - \nabla h(B_2, A_2)\| \leq L_{R'} \|(B_1, A_1) - (B_2, A_2)\| \quad (730)",
          note=JNOTE, timeout=15)


@CH_J.end_result("Lemma J.1 (703): ||grad h(B1,A1) - grad h(B2,A2)|| <= L_{R'} ||theta1 - theta2||, L_{R'} = 2(||W0|| + 2R'^2)")
def _j_end(ctx):
    return _jev("Lemma J.1 with the proof's constant", "whole", "730", "le", ctx)
