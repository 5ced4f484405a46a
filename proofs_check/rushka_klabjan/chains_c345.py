"""Derivation chains CH-C3 ((290)-(312)), CH-C4 ((313)-(337)) and CH-C5 ((338)-(353),
with the unnumbered display after (348) as lines L1...L7), App. C.

Each step is encoded as printed: "the operation applied to the previous printed
line" must equal the next printed line.  Conventions:

* Matrix steps use explicit symbolic matrices Y (3x2), X (2x3) whose entries are
  functions of t; time derivatives are replaced by the vector field (276)-(277)
  (``_on_flow``, the pattern of chains_c12.py) and the states by symbols.  These
  carry ``scope = "n = 3, r = 2"``, so an exact result is CONFIRMED, not PROVED.
* Steps that only manipulate an ODE (product rule, substitution of a printed
  line into another) use undefined functions a(t), S(t), s(t), U(t), Y(t); after
  the operation the jets f, f', f'' are replaced by free symbols ("jet
  variables") so that a numeric fallback is possible.
* Closed-form steps use the TC-7 world of tracesq.py: x2 = ||X0||^2 > 0,
  C = |c| > 0, both signs eps = sgn(c) as separate entries, t in [0, 4].
  A sympy proof may use the rewrite "sinh/cosh argument sqrt(k1)(t+k2) -> a free
  real symbol u": an identity in u for every real u implies it at the actual
  argument (a generalisation, sound for proving; it is never used to refute).
"""
from __future__ import annotations

import sympy as sp

from verify import symbolic as S
from verify.steps import Custom, Eq, chain
from verify.verdicts import Evidence

from . import PAPER
from .tracesq import PRINTED, SIGNS, C, t, x2

_P = {
    '289': '\\frac{d}{dt} \\text{Tr}(W_0 - YX) = -\\text{Tr}(W_0 - YX) \\text{Tr}(X^T X + Y Y^T) \\quad (289)',
    '290': '\\frac{d^2}{dt^2} \\text{Tr}(W_0 - YX) = -\\frac{d}{dt} [\\text{Tr}(W_0 - YX)] \\text{Tr}(X^T X + YY^T) - \\text{Tr}(W_0 - YX) \\frac{d}{dt} [\\text{Tr}(X^T X + YY^T)] \\quad (290)',
    '291': '\\frac{dY}{dt} Y^T = \\text{Tr}(W_0 - YX) X^T Y^T \\quad (291)',
    '292': 'Y \\frac{dY^T}{dt} = \\text{Tr}(W_0 - YX) YX \\quad (292)',
    '293': '\\frac{dY}{dt} Y^T + Y \\frac{dY^T}{dt} = \\text{Tr}(W_0 - YX) (X^T Y^T + YX) \\quad (293)',
    '294': '\\frac{d(YY^T)}{dt} = \\text{Tr}(W_0 - YX) (X^T Y^T + YX) \\quad (294)',
    '295': '\\frac{d}{dt} \\text{Tr}(YY^T) = \\text{Tr}(W_0 - YX) \\text{Tr}(X^T Y^T + YX) \\quad (295)',
    '296': '= 2 \\text{Tr}(W_0 - YX) \\text{Tr}(YX) \\quad (296)',
    '297': '\\frac{d}{dt} \\text{Tr}(X^T X) = 2 \\text{Tr}(W_0 - YX) \\text{Tr}(YX) \\quad (297)',
    '298': '\\frac{d}{dt} \\text{Tr}(YY^T + X^T X) = 4 \\text{Tr}(W_0 - YX) \\text{Tr}(YX) \\quad (298)',
    '299': '\\text{Tr}(W_0 - Y(t)X(t)) \\neq 0 \\quad (299)',
    '300': '\\left\\| \\frac{dY(t)}{dt} \\right\\| + \\left\\| \\frac{dX(t)}{dt} \\right\\| \\neq 0 \\quad (300)',
    '301': '\\text{Tr}(YY^T + X^T X) = -\\frac{\\frac{d}{dt} \\text{Tr}(W_0 - YX)}{\\text{Tr}(W_0 - YX)} \\quad (301)',
    '302': '\\frac{d^2}{dt^2} \\text{Tr}(W_0 - YX) = -\\frac{d}{dt} [\\text{Tr}(W_0 - YX)] \\cdot -\\frac{\\frac{d}{dt} \\text{Tr}(W_0 - YX)}{\\text{Tr}(W_0 - YX)} - \\text{Tr}(W_0 - YX) \\cdot 4 \\text{Tr}(W_0 - YX) \\text{Tr}(YX) \\quad (302)',
    '303': '\\frac{d^2}{dt^2} \\text{Tr}(W_0 - YX) = \\frac{\\left(\\frac{d}{dt} \\text{Tr}(W_0 - YX)\\right)^2}{\\text{Tr}(W_0 - YX)} - 4 \\text{Tr}^2(W_0 - YX) \\text{Tr}(YX) \\quad (303)',
    '304': '\\frac{d^2}{dt^2} \\text{Tr}(W_0 - YX) = \\frac{\\left(\\frac{d}{dt} \\text{Tr}(W_0 - YX)\\right)^2}{\\text{Tr}(W_0 - YX)} + 4 \\text{Tr}^2(W_0 - YX) \\text{Tr}(-YX) \\quad (304)',
    '305': '\\frac{d^2}{dt^2} \\text{Tr}(W_0 - YX) = \\frac{\\left(\\frac{d}{dt} \\text{Tr}(W_0 - YX)\\right)^2}{\\text{Tr}(W_0 - YX)} + 4 \\text{Tr}^2(W_0 - YX) \\left( \\text{Tr}(W_0 - YX) - \\text{Tr}(W_0) \\right) \\quad (305)',
    '306': '\\frac{d^2}{dt^2} \\text{Tr}(W_0 - YX) = \\frac{\\left(\\frac{d}{dt} \\text{Tr}(W_0 - YX)\\right)^2}{\\text{Tr}(W_0 - YX)} + 4 \\text{Tr}^3(W_0 - YX) - 4 \\text{Tr}(W_0) \\text{Tr}^2(W_0 - YX) \\quad (306)',
    '307': 'a(t) := \\text{Tr} \\left( W_0 - Y(t)X(t) \\right) \\quad (307)',
    '308': 'c := \\text{Tr}(W_0) \\quad (308)',
    '309': "a''(t) = \\frac{\\left(a'(t)\\right)^2}{a(t)} + 4a^3(t) - 4ca^2(t) \\quad (309)",
    '310': 'a(0) = \\text{Tr} \\left( W_0 - Y_0 X_0 \\right) = \\text{Tr} (W_0) \\quad (310)',
    '311': "a'(0) = -\\text{Tr} \\left( W_0 - Y_0 X_0 \\right) \\text{Tr} (Y_0 Y_0^T + X_0^T X_0) \\quad \\left( \\text{from (289)} \\right) \\quad (311)",
    '312': '= -\\text{Tr} \\left( W_0 \\right) \\|X_0\\|^2 \\quad (312)',
    '313': 'a(t) = \\text{sgn}(c) \\frac{\\|X_0\\|^4 + 4c^2}{2\\|X_0\\|^2 \\sinh(\\sqrt{\\kappa_1}(t + \\kappa_2)) + 4|c|} \\quad (313)',
    '314': '\\kappa_1 = \\|X_0\\|^4 + 4c^2 \\quad (314)',
    '315': '\\kappa_2 = \\frac{1}{\\sqrt{\\|X_0\\|^4 + 4c^2}} \\text{arsinh} \\left( \\frac{\\|X_0\\|^2}{2|c|} \\right) \\quad (315)',
    '316': '\\frac{dY(t)}{dt} = a(t)X^T \\quad (316)',
    '317': '\\frac{dX(t)}{dt} = a(t)Y^T \\quad (317)',
    '318': "\\frac{d^2Y(t)}{dt^2} = a'(t)X^T + a(t)\\frac{dX^T}{dt} \\quad (318)",
    '319': "\\frac{d^2Y(t)}{dt^2} = a'(t)X^T + a(t)\\frac{dX^T}{dt} \\quad (319)",
    '320': "\\frac{d^2Y(t)}{dt^2} = a'(t)X^T + a^2(t)Y \\quad (320)",
    '321': 'X^T = \\frac{1}{a(t)} \\frac{dY}{dt} \\quad (321)',
    '322': "\\frac{d^2Y(t)}{dt^2} = \\frac{a'(t)}{a(t)} \\frac{dY}{dt} + a^2(t)Y \\quad (322)",
    '323': "\\frac{d^2Y}{dt^2} - \\frac{a'(t)}{a(t)} \\frac{dY}{dt} - a^2(t)Y = 0 \\quad (323)",
    '324': "a'(t) = \\left( \\|X_0\\|^4 + 4c^2 \\right) \\cdot -\\operatorname{sgn}(c) \\frac{2 \\|X_0\\|^2 \\sqrt{\\kappa_1} \\cosh(\\sqrt{\\kappa_1}(t + \\kappa_2))}{\\left( 2 \\|X_0\\|^2 \\sinh(\\sqrt{\\kappa_1}(t + \\kappa_2)) + 4|c| \\right)^2} \\quad (324)",
    '325': '= -\\operatorname{sgn}(c) \\frac{2 \\|X_0\\|^2 \\left( \\|X_0\\|^4 + 4c^2 \\right)^{3/2} \\cosh(\\sqrt{\\kappa_1}(t + \\kappa_2))}{\\left( 2 \\|X_0\\|^2 \\sinh(\\sqrt{\\kappa_1}(t + \\kappa_2)) + 4|c| \\right)^2} \\quad (325)',
    '326': "\\frac{a'(t)}{a(t)} = -\\operatorname{sgn}(c) \\frac{2 \\|X_0\\|^2 \\left( \\|X_0\\|^4 + 4c^2 \\right)^{3/2} \\cosh(\\sqrt{\\kappa_1}(t + \\kappa_2))}{\\left( 2 \\|X_0\\|^2 \\sinh(\\sqrt{\\kappa_1}(t + \\kappa_2)) + 4|c| \\right)^2} \\cdot \\operatorname{sgn}(c) \\frac{2 \\|X_0\\|^2 \\sinh(\\sqrt{\\kappa_1}(t + \\kappa_2)) + 4|c|}{\\|X_0\\|^4 + 4c^2} \\quad (326)",
    '327': '= -\\frac{\\|X_0\\|^2 \\left( \\|X_0\\|^4 + 4c^2 \\right)^{1/2} \\cosh(\\sqrt{\\kappa_1}(t + \\kappa_2))}{\\|X_0\\|^2 \\sinh(\\sqrt{\\kappa_1}(t + \\kappa_2)) + 2|c|} \\quad (327)',
    '328': '= -\\frac{\\|X_0\\|^2 \\sqrt{\\kappa_1} \\cosh(\\sqrt{\\kappa_1}(t + \\kappa_2))}{\\|X_0\\|^2 \\sinh(\\sqrt{\\kappa_1}(t + \\kappa_2)) + 2|c|} \\quad (328)',
    '329': 'a^2(t) = \\left( \\frac{\\|X_0\\|^4 + 4c^2}{2 \\|X_0\\|^2 \\sinh(\\sqrt{\\kappa_1}(t + \\kappa_2)) + 4|c|} \\right)^2 \\quad (329)',
    '330': '= \\frac{\\kappa_1^2}{\\left(2\\|X_0\\|^2 \\sinh(\\sqrt{\\kappa_1}(t + \\kappa_2)) + 4|c|\\right)^2} \\quad (330)',
    '331': "\\frac{d^2 Y(t)}{dt^2} - \\frac{a'(t)}{a(t)} \\frac{dY(t)}{dt} - a^2(t)Y(t) = 0. \\quad (331)",
    '332': 'Y(0) = Y_0, \\quad \\frac{dY(t)}{dt} \\Big|_{t=0} = \\text{Tr}(W_0 - Y_0 X_0) X_0^T. \\quad (332)',
    '333': 's(t) = 2\\|X_0\\|^2 \\sinh(\\sqrt{\\kappa_1}(t + \\kappa_2)) + 4|c| \\quad (333)',
    '334': "s'(t) = 2\\sqrt{\\kappa_1} \\|X_0\\|^2 \\cosh(\\sqrt{\\kappa_1}(t + \\kappa_2)) \\quad (334)",
    '335': "s''(t) = 2\\kappa_1 \\|X_0\\|^2 \\sinh(\\sqrt{\\kappa_1}(t + \\kappa_2)) \\quad (335)",
    '336': "\\frac{d^2 Y}{dt^2} + \\frac{s'(t)}{s(t)} \\frac{dY}{dt} - \\frac{\\kappa_1^2}{s^2(t)} Y = 0 \\quad (336)",
    '337': "s(t) \\frac{d^2 Y}{dt^2} + s'(t) \\frac{dY}{dt} - \\frac{\\kappa_1^2}{s(t)} Y = 0 \\quad (337)",
    '338': 'Y(t) = \\frac{U(t)}{\\sqrt{s(t)}} = s^{-1/2}(t)U(t) \\quad (338)',
    '339': "Y'(t) = -\\frac{1}{2}s^{-3/2}(t)s'(t)U(t) + s^{-1/2}(t)U'(t) \\quad (339)",
    '340': "Y''(t) = \\frac{3}{4}s^{-5/2}(t)s'^2(t)U(t) - \\frac{1}{2}s^{-3/2}(t)s''(t)U(t) - \\frac{1}{2}s^{-3/2}(t)s'(t)U'(t) - \\frac{1}{2}s^{-3/2}(t)s'(t)U'(t) + s^{-1/2}(t)U''(t) \\quad (340)",
    '341': "s(t)Y''(t) = \\frac{3}{4}s^{-3/2}(t)s'^2(t)U(t) - \\frac{1}{2}s^{-1/2}(t)s''(t)U(t) - \\frac{1}{2}s^{-1/2}(t)s'(t)U'(t) - \\frac{1}{2}s^{-1/2}(t)s'(t)U'(t) + s^{1/2}(t)U''(t) \\quad (341)",
    '342': "s'(t)Y'(t) = -\\frac{1}{2}s^{-3/2}(t)s'^2(t)U(t) + s^{-1/2}(t)s'(t)U'(t) \\quad (342)",
    '343': '\\frac{\\kappa_1^2}{s(t)} Y = \\kappa_1^2 s^{-3/2}(t)U(t) \\quad (343)',
    '344': "\\frac{3}{4} s^{-3/2}(t) s'^2(t) U(t) - \\frac{1}{2} s^{-1/2}(t) s''(t) U(t) - \\frac{1}{2} s^{-1/2}(t) s'(t) U'(t) - \\frac{1}{2} s^{-1/2}(t) s'(t) U'(t) \\quad (344)",
    '345': "+ s^{1/2}(t) U''(t) - \\frac{1}{2} s^{-3/2}(t) s'^2(t) U(t) + s^{-1/2}(t) s'(t) U'(t) - \\kappa_1^2 s^{-3/2}(t) U(t) = 0. \\quad (345)",
    '346': "\\frac{1}{4} s^{-3/2}(t) s'^2(t) U(t) - \\frac{1}{2} s^{-1/2}(t) s''(t) U(t) + s^{1/2}(t) U''(t) - \\kappa_1^2 s^{-3/2}(t) U(t) = 0 \\quad (346)",
    '347': "U''(t) + \\left( \\frac{1}{4} s^{-2}(t) s'^2(t) - \\frac{1}{2} s^{-1}(t) s''(t) - \\kappa_1^2 s^{-2}(t) \\right) U(t) = 0 \\quad (347)",
    '348': "U''(t) + \\left( \\frac{s'^2(t) - 2s(t)s''(t) - 4\\kappa_1^2}{4s^2(t)} \\right) U(t) = 0 \\quad (348)",
    '349': "U''(t) - \\frac{\\kappa_1}{4} U(t) = 0 \\quad (349)",
    '350': 'U(t) = A \\sinh\\left(\\frac{\\sqrt{\\kappa_1}}{2} t\\right) + B \\cosh\\left(\\frac{\\sqrt{\\kappa_1}}{2} t\\right) \\quad (350)',
    '351': 'Y(t) \\sqrt{s(t)} = A \\sinh\\left(\\frac{\\sqrt{\\kappa_1}}{2} t\\right) + B \\cosh\\left(\\frac{\\sqrt{\\kappa_1}}{2} t\\right) \\quad (351)',
    '352': 'Y(t) = \\frac{A \\sinh\\left(\\frac{\\sqrt{\\kappa_1}}{2} t\\right) + B \\cosh\\left(\\frac{\\sqrt{\\kappa_1}}{2} t\\right)}{\\sqrt{s(t)}} \\quad (352)',
    '353': 'Y(t) = \\frac{A \\sinh\\left(\\frac{\\sqrt{\\kappa_1}}{2}t\\right) + B \\cosh\\left(\\frac{\\sqrt{\\kappa_1}}{2}t\\right)}{\\sqrt{2\\|X_0\\|^2 \\sinh(\\sqrt{\\kappa_1}(t + \\kappa_2)) + 4|c|}} \\quad (353)',
    'L0': "\\frac{s'(t)^2 - 2s(t)s''(t) - 4\\kappa_1^2}{4s(t)^2}",
    'L1': '\\frac{4\\kappa_1 \\|X_0\\|^4 \\cosh^2(\\sqrt{\\kappa_1}(t + \\kappa_2)) - 4\\kappa_1 \\|X_0\\|^2 \\sinh(\\sqrt{\\kappa_1}(t + \\kappa_2)) (2\\|X_0\\|^2 \\sinh(\\sqrt{\\kappa_1}(t + \\kappa_2)) + 4|c|) - 4\\kappa_1^2}{4(2\\|X_0\\|^2 \\sinh(\\sqrt{\\kappa_1}(t + \\kappa_2)) + 4|c|)^2}',
    'L2': '\\frac{\\kappa_1}{4} \\cdot \\frac{4\\|X_0\\|^4 \\cosh^2(\\sqrt{\\kappa_1}(t + \\kappa_2)) - 8\\|X_0\\|^4 \\sinh^2(\\sqrt{\\kappa_1}(t + \\kappa_2)) - 16|c|\\|X_0\\|^2 \\sinh(\\sqrt{\\kappa_1}(t + \\kappa_2)) - 4\\kappa_1}{4\\|X_0\\|^4 \\sinh^2(\\sqrt{\\kappa_1}(t + \\kappa_2)) + 16|c|\\|X_0\\|^2 \\sinh(\\sqrt{\\kappa_1}(t + \\kappa_2)) + 16c^2}',
    'L3': '\\frac{\\kappa_1}{4} \\cdot \\frac{4\\|X_0\\|^4 \\cosh^2(\\sqrt{\\kappa_1}(t + \\kappa_2)) - 4\\|X_0\\|^4 \\sinh^2(\\sqrt{\\kappa_1}(t + \\kappa_2)) - 4\\|X_0\\|^4 \\sinh^2(\\sqrt{\\kappa_1}(t + \\kappa_2)) - 16|c|\\|X_0\\|^2 \\sinh(\\sqrt{\\kappa_1}(t + \\kappa_2)) - 4\\kappa_1}{4\\|X_0\\|^4 \\sinh^2(\\sqrt{\\kappa_1}(t + \\kappa_2)) + 16|c|\\|X_0\\|^2 \\sinh(\\sqrt{\\kappa_1}(t + \\kappa_2)) + 16c^2}',
    'L4': '\\frac{\\kappa_1}{4} \\cdot \\frac{4\\|X_0\\|^4 - 4\\|X_0\\|^4 \\sinh^2(\\sqrt{\\kappa_1}(t + \\kappa_2)) - 16|c|\\|X_0\\|^2 \\sinh(\\sqrt{\\kappa_1}(t + \\kappa_2)) - 4\\kappa_1}{4\\|X_0\\|^4 \\sinh^2(\\sqrt{\\kappa_1}(t + \\kappa_2)) + 16|c|\\|X_0\\|^2 \\sinh(\\sqrt{\\kappa_1}(t + \\kappa_2)) + 16c^2}',
    'L5': '\\frac{\\kappa_1}{4} \\cdot \\frac{\\|X_0\\|^4 - \\|X_0\\|^4 \\sinh^2(\\sqrt{\\kappa_1}(t + \\kappa_2)) - 4|c|\\|X_0\\|^2 \\sinh(\\sqrt{\\kappa_1}(t + \\kappa_2)) - \\|X_0\\|^4 - 4c^2}{\\|X_0\\|^4 \\sinh^2(\\sqrt{\\kappa_1}(t + \\kappa_2)) + 4|c|\\|X_0\\|^2 \\sinh(\\sqrt{\\kappa_1}(t + \\kappa_2)) + 4c^2}',
    'L6': '\\frac{\\kappa_1}{4} \\cdot \\frac{-4c^2 - \\|X_0\\|^4 \\sinh^2(\\sqrt{\\kappa_1}(t + \\kappa_2)) - 4|c|\\|X_0\\|^2 \\sinh(\\sqrt{\\kappa_1}(t + \\kappa_2))}{4c^2 + \\|X_0\\|^4 \\sinh^2(\\sqrt{\\kappa_1}(t + \\kappa_2)) + 4|c|\\|X_0\\|^2 \\sinh(\\sqrt{\\kappa_1}(t + \\kappa_2))}',
    'L7': '-\\frac{\\kappa_1}{4}.',
}

# ----------------------------------------------------------------------------- shared machinery
SCOPE = "n = 3, r = 2 (explicit symbolic matrices)"
_DOMS: dict = {}  # every symbol this module creates -> its domain


def _sym(name, dom, **assume):
    s = sp.Symbol(name, real=True, **assume)
    _DOMS[s] = dom
    return s


def _dom(*exprs, extra=None):
    """The domain of every free symbol of ``exprs`` (from the registry)."""
    free = set()
    for e in exprs:
        for x in (e if isinstance(e, (list, tuple)) else [e]):
            free |= sp.sympify(x).free_symbols if not isinstance(x, sp.MatrixBase) else x.free_symbols
    dom = {s: _DOMS[s] for s in free if s in _DOMS}
    dom.update(extra or {})
    return dom


def _step(ch, id, op, lhs, rhs, *, scope="", rewrites=(), extra=None, **kw):
    """Eq(lhs, rhs) with the registry's domains."""
    ch.step(id, op, Eq(lhs, rhs, rewrites=rewrites, scope=scope), _dom(lhs, rhs, extra=extra), **kw)


# --- explicit matrices along the flow (276)-(277), as in chains_c12.py
_n, _r = 3, 2
_Y = sp.Matrix(_n, _r, lambda i, j: sp.Function(f"y{i}{j}")(t))
_X = sp.Matrix(_r, _n, lambda i, j: sp.Function(f"x{i}{j}")(t))
_W = sp.Matrix(_n, _n, [_sym(f"w{k}", S.real(0.0, 2.0)) for k in range(_n * _n)])
_aYX = (_W - _Y * _X).trace()
_dYf = _aYX * _X.T  # (276)
_dXf = _aYX * _Y.T  # (277)
_FLOW = {sp.Derivative(_Y[i, j], t): _dYf[i, j] for i in range(_n) for j in range(_r)}
_FLOW.update({sp.Derivative(_X[i, j], t): _dXf[i, j] for i in range(_r) for j in range(_n)})
_ys = sp.Matrix(_n, _r, [_sym(f"Y{k}", S.real(0.0, 2.0)) for k in range(_n * _r)])
_xs = sp.Matrix(_r, _n, [_sym(f"X{k}", S.real(0.0, 2.0)) for k in range(_r * _n)])
_STATE = {_Y[i, j]: _ys[i, j] for i in range(_n) for j in range(_r)}
_STATE.update({_X[i, j]: _xs[i, j] for i in range(_r) for j in range(_n)})
# initial values Y0, X0 (general Y0 where the paper keeps it general)
_y0 = sp.Matrix(_n, _r, [_sym(f"Yi{k}", S.real(0.0, 2.0)) for k in range(_n * _r)])
_x0 = sp.Matrix(_r, _n, [_sym(f"Xi{k}", S.real(0.0, 2.0)) for k in range(_r * _n)])
_STATE0 = {_Y[i, j]: _y0[i, j] for i in range(_n) for j in range(_r)}
_STATE0.update({_X[i, j]: _x0[i, j] for i in range(_r) for j in range(_n)})


def _ddt(expr):
    return expr.applyfunc(lambda e: sp.diff(e, t)) if isinstance(expr, sp.MatrixBase) else sp.diff(expr, t)


def _on_flow(expr, state=None):
    """Replace time derivatives by the vector field (276)-(277), then the states by symbols."""
    if isinstance(expr, sp.MatrixBase):
        return expr.applyfunc(lambda e: _on_flow(e, state))
    return sp.sympify(expr).subs(_FLOW).subs(state or _STATE)


def _flow_diff(expr, k=1):
    """k-th time derivative along (276)-(277), still in the state functions."""
    for _ in range(k):
        expr = sp.diff(expr, t).subs(_FLOW)
    return expr


_a_s = (_W - _ys * _xs).trace()  # Tr(W0 - YX) at the state
_T_s = (_ys * _xs).trace()  # Tr(YX)
_c_s = _W.trace()  # Tr(W0)
_S_s = (_xs.T * _xs + _ys * _ys.T).trace()  # Tr(X^T X + Y Y^T)
_ap = _sym("ap", S.real(0.0, 5.0))  # d/dt Tr(W0 - YX), a free value where a printed line is taken as given

# --- jets: undefined functions of t and their derivatives -> free symbols
_JET_KIND = {"s": S.positive(0.1, 20.0), "a": S.nonzero(0.05, 5.0)}


def _jsym(name, k):
    key = f"{name}_{k}"
    for s in _DOMS:
        if s.name == key:
            return s
    if k == 0 and name in _JET_KIND:
        d = _JET_KIND[name]
        return _sym(key, d, **({"positive": True} if tuple(d.signs) == (1,) else {"nonzero": True}))
    return _sym(key, S.real(0.0, 3.0))


def _jet(expr):
    """Replace f^{(k)}(t) by the symbol f_k (derivatives first, then the functions)."""
    if isinstance(expr, sp.MatrixBase):
        return expr.applyfunc(_jet)
    if isinstance(expr, (list, tuple)):
        return [_jet(e) for e in expr]
    expr = sp.sympify(expr)
    reps = {d: _jsym(d.expr.func.__name__, sum(c for _, c in d.variable_count)) for d in expr.atoms(sp.Derivative)}
    expr = expr.xreplace(reps)
    from sympy.core.function import AppliedUndef

    return expr.xreplace({f: _jsym(f.func.__name__, 0) for f in expr.atoms(AppliedUndef)})


def _F(name):
    return sp.Function(name)(t)


# --- TC-7 world: ||X0||^2 = x2 > 0, |c| = C > 0, eps = sgn(c) in {+1, -1}
_DOMS.update({x2: S.positive(0.05, 30.0), C: S.positive(0.05, 10.0), t: S.interval(0.0, 4.0)})
_ARG = PRINTED[1].arg  # sqrt(kappa1)(t + kappa2); identical for both signs (c^2 = C^2)
assert _ARG == PRINTED[-1].arg
_SH, _CH = sp.sinh(_ARG), sp.cosh(_ARG)
_u = sp.Symbol("u_gen", real=True)
_E = sp.Symbol("E_gen", positive=True)


def _gen(expr):
    """Proof-only rewrite: sqrt(k1)(t+k2) -> u (any real), sinh/cosh u -> (E -+ 1/E)/2, E > 0."""
    e = expr.subs(_ARG, _u)
    e = e.subs({sp.sinh(_u): (_E - 1 / _E) / 2, sp.cosh(_u): (_E + 1 / _E) / 2})
    return sp.cancel(sp.together(e))


def _both(f):
    """[f(eps=+1), f(eps=-1)]: every printed closed-form line, for both signs of c."""
    return [f(eps) for eps in SIGNS]


_K1 = x2**2 + 4 * C**2  # kappa1 (314); c^2 = C^2 for both signs
_A = _sym("A", S.real(0.0, 3.0))  # integration constants of (350) (one entry of the n x r matrices)
_B = _sym("B", S.real(0.0, 3.0))
_SIGNNOTE = "TC-7: x2 = ||X0||^2 > 0, C = |c| > 0, both signs eps = sgn(c) (two entries)"

# ============================================================================= CH-C3
CH_C3 = chain(PAPER, "CH-C3", "second-order ODE for a, (290)–(312) (App. C)")

_aF, _SF = _F("a"), _F("Ssum")  # a(t) = Tr(W0 - YX), Ssum(t) = Tr(X^T X + Y Y^T), as undefined functions
_step(CH_C3, "(289)→(290)", "differentiate (product rule)",
      _jet(sp.diff(-_aF * _SF, t)), _jet(-sp.diff(_aF, t) * _SF - _aF * sp.diff(_SF, t)),
      printed=_P["290"],
      note="(289) taken as given, a' = -a Ssum with a(t) = Tr(W0-YX), Ssum(t) = Tr(X^TX+YY^T) undefined functions; "
           "d/dt of its right side compared with the printed right side of (290) (jets a_k, Ssum_k = k-th derivatives)")
_step(CH_C3, "(276)→(291)", "right-multiply by Y^T",
      _on_flow(_ddt(_Y) * _Y.T), _a_s * _xs.T * _ys.T, scope=SCOPE, printed=_P["291"])
_step(CH_C3, "(291)→(292)", "transpose",
      [_on_flow(_Y * _ddt(_Y.T)), (_a_s * _xs.T * _ys.T).T], [_on_flow((_ddt(_Y) * _Y.T).T), _a_s * _ys * _xs],
      scope=SCOPE, printed=_P["292"],
      note="both sides of (292) against the transposes of the two sides of (291); the left sides on the flow")
_step(CH_C3, "(291)+(292)→(293)", "add",
      [_on_flow(_ddt(_Y) * _Y.T + _Y * _ddt(_Y.T)), _a_s * _xs.T * _ys.T + _a_s * _ys * _xs],
      [_on_flow(_ddt(_Y) * _Y.T) + _on_flow(_Y * _ddt(_Y.T)), _a_s * (_xs.T * _ys.T + _ys * _xs)],
      scope=SCOPE, printed=_P["293"])
_step(CH_C3, "(293)→(294)", "product rule",
      _on_flow(_ddt(_Y * _Y.T)), _on_flow(_ddt(_Y) * _Y.T + _Y * _ddt(_Y.T)), scope=SCOPE, printed=_P["294"])
_step(CH_C3, "(294)→(295)", "take the trace",
      [_on_flow(sp.diff((_Y * _Y.T).trace(), t)), (_a_s * (_xs.T * _ys.T + _ys * _xs)).trace()],
      [_on_flow(_ddt(_Y * _Y.T).trace()), _a_s * (_xs.T * _ys.T + _ys * _xs).trace()],
      scope=SCOPE, printed=_P["295"], note="d/dt Tr = Tr d/dt on the left; Tr of the right side of (294) vs (295)")
_step(CH_C3, "(295)→(296)", "Tr(X^T Y^T) = Tr(YX)",
      _a_s * (_xs.T * _ys.T + _ys * _xs).trace(), 2 * _a_s * _T_s, scope=SCOPE, printed=_P["296"])
_step(CH_C3, "(277)→(297)", "\"the same calculation\" for X",
      _on_flow(sp.diff((_X.T * _X).trace(), t)), 2 * _a_s * _T_s, scope=SCOPE, printed=_P["297"],
      note="the calculation carried out explicitly: d/dt Tr(X^T X) with dX/dt from (277)")
_step(CH_C3, "(296)+(297)→(298)", "add",
      [_on_flow(sp.diff((_Y * _Y.T + _X.T * _X).trace(), t)), 2 * _a_s * _T_s + 2 * _a_s * _T_s],
      [_on_flow(sp.diff((_Y * _Y.T).trace(), t)) + _on_flow(sp.diff((_X.T * _X).trace(), t)), 4 * _a_s * _T_s],
      scope=SCOPE, printed=_P["298"])
_step(CH_C3, "(289)→(301)", "divide by −Tr(W0−YX) (Remark C.6)",
      [_S_s, _on_flow(sp.diff(_aYX, t)) / (-_a_s)], [(-_a_s * _S_s) / (-_a_s), -_on_flow(sp.diff(_aYX, t)) / _a_s],
      scope=SCOPE, printed=_P["301"],
      note="the two sides of (289) (left side on the flow) divided by -Tr(W0-YX), against the two sides of (301); "
           "Tr(W0-YX) != 0 at the sampled states (Remark C.6)")

_S_sym, _Sp_sym = _sym("Ssum", S.positive(0.05, 10.0)), _sym("Ssum_p", S.real(0.0, 10.0))
_R290 = -_ap * _S_sym - _a_s * _Sp_sym  # right side of (290), a' = ap, S = Ssum, S' = Ssum_p
_R302 = -_ap * (-(_ap / _a_s)) - _a_s * (4 * _a_s * _T_s)
_R303 = _ap**2 / _a_s - 4 * _a_s**2 * _T_s
_R304 = _ap**2 / _a_s + 4 * _a_s**2 * (-_ys * _xs).trace()
_R305 = _ap**2 / _a_s + 4 * _a_s**2 * (_a_s - _c_s)
_R306 = _ap**2 / _a_s + 4 * _a_s**3 - 4 * _c_s * _a_s**2
_step(CH_C3, "(290),(298),(301)→(302)", "substitute",
      _R290.subs({_Sp_sym: 4 * _a_s * _T_s, _S_sym: -_ap / _a_s}), _R302, scope=SCOPE, printed=_P["302"],
      note="right side of (290) with d/dt Tr(X^TX+YY^T) := right side of (298) and Tr(X^TX+YY^T) := right side of (301); "
           "ap stands for d/dt Tr(W0-YX) (a free real value: the printed lines are taken as given)")
_step(CH_C3, "(302)→(303)", "simplify the signs", _R302, _R303, scope=SCOPE, printed=_P["303"])
_step(CH_C3, "(303)→(304)", "rewrite −Tr(YX) as Tr(−YX)", _R303, _R304, scope=SCOPE, printed=_P["304"])
_step(CH_C3, "(304)→(305)", "Tr(−YX) = Tr(W0−YX) − Tr(W0)", _R304, _R305, scope=SCOPE, printed=_P["305"])
_step(CH_C3, "(305)→(306)", "expand", _R305, _R306, scope=SCOPE, printed=_P["306"])
_step(CH_C3, "(307)–(308)", "definitions of a and c",
      [_on_flow(_aYX), _c_s], [_a_s, _W.trace()], scope=SCOPE, printed=_P["307"] + r" \qquad " + _P["308"],
      note="definitional: a(t) := Tr(W0 - Y(t)X(t)) and c := Tr(W0) introduce names for the quantities of (289)-(306); "
           "checked as agreement of the defined expressions with those quantities at the state (Y(t), X(t))")
_TrF, _TrW0 = _F("TrWYX"), _sym("TrW0", S.nonzero(0.05, 5.0))  # Tr(W0 - YX) as a function of t, Tr(W0)
_cS = _sym("c", S.nonzero(0.05, 5.0))
_JET_KIND.update({"TrWYX": S.nonzero(0.05, 5.0)})


def _ivp_sides(f, cc):
    d1, d2 = sp.diff(f, t), sp.diff(f, t, 2)
    return [d2, d1**2 / f + 4 * f**3 - 4 * cc * f**2]


_s306 = _ivp_sides(_TrF, _TrW0)
_step(CH_C3, "(306)→(309)", "rewrite in terms of a and c",
      _jet([e.subs({_TrF: _aF, _TrW0: _cS}).doit() for e in _s306]), _jet(_ivp_sides(_aF, _cS)),
      printed=_P["309"],
      note="(306) with Tr(W0-YX)(t) an undefined function; (307)-(308) substitute a(t) for it and c for Tr(W0); "
           "both sides compared with (309) (jets a_k = k-th derivative)")
_step(CH_C3, "(307)→(310)", "t = 0 with Y0 = 0",
      [(_W - _Y * _X).trace().subs(_STATE0), (_W - sp.zeros(_n, _r) * _x0).trace()],
      [(_W - _y0 * _x0).trace(), _W.trace()], scope=SCOPE, printed=_P["310"],
      note="(307) at t = 0 (Y(0) = Y0, X(0) = X0 by (278)-(279)) gives Tr(W0 - Y0X0); with Y0 = 0 this is Tr(W0)")
_step(CH_C3, "(289)→(311)", "t = 0",
      [_on_flow(sp.diff(_aYX, t), _STATE0), -(_W - _y0 * _x0).trace() * (_x0.T * _x0 + _y0 * _y0.T).trace()],
      [-(_W - _y0 * _x0).trace() * (_y0 * _y0.T + _x0.T * _x0).trace()] * 2, scope=SCOPE, printed=_P["311"],
      note="(289) at t = 0: its left side on the flow at (Y0, X0), and its right side at (Y0, X0), against (311); general Y0")
_R311 = -(_W - _y0 * _x0).trace() * (_y0 * _y0.T + _x0.T * _x0).trace()
_step(CH_C3, "(311)→(312)", "Y0 = 0 and Tr(X0^T X0) = ‖X0‖²",
      _R311.subs({v: 0 for v in _y0}), -_W.trace() * sum(v**2 for v in _x0), scope=SCOPE, printed=_P["312"])


@CH_C3.end_result("the IVP (309)-(312) holds along the flow (276)-(277): a'' from the vector field, a(0) = c, a'(0) = -c||X0||^2 (Y0 = 0)")
def _c3_end(ctx):
    d1 = _flow_diff(_aYX, 1)
    d2 = _flow_diff(_aYX, 2)
    a, a1, a2 = _a_s, d1.subs(_STATE), d2.subs(_STATE)
    ev = [S.check_identity(a2, a1**2 / a + 4 * a**3 - 4 * _c_s * a**2, _dom(a, a1, a2), rng=ctx.rng("c3-end-309"),
                           name="(309) along the flow", timeout=20, scope=SCOPE)]
    st0 = {**_STATE0, **{_Y[i, j]: 0 for i in range(_n) for j in range(_r)}}
    a0, a10 = _aYX.subs(st0), d1.subs(st0)
    ev.append(S.check_identity([a0, a10], [_W.trace(), -_W.trace() * sum(v**2 for v in _x0)], _dom(a0, a10, _W),
                               rng=ctx.rng("c3-end-ic"), name="(310), (312) at Y0 = 0", timeout=10, scope=SCOPE))
    return ev

# ============================================================================= CH-C4
CH_C4 = chain(PAPER, "CH-C4", "linear ODE for Y, (313)–(337) (App. C)")


def _a313(eps):  # (313)
    c = eps * C
    return eps * (x2**2 + 4 * c**2) / (2 * x2 * _SH + 4 * C)


def _a515(eps):  # (515), App. E, transcribed separately
    c = eps * C
    return eps * (x2**2 + 4 * c**2) / (2 * x2 * sp.sinh(sp.sqrt(_K1) * (t + _k2_505(eps))) + 4 * C)


def _k2_505(eps):  # (505)
    c = eps * C
    return 1 / sp.sqrt(x2**2 + 4 * c**2) * sp.asinh(x2 / (2 * C))


def _import_check(ctx):
    ev = []
    for eps in SIGNS:
        P = PRINTED[eps]
        ev.append(S.check_identity([_a313(eps), P.kappa1, P.kappa2], [_a515(eps), x2**2 + 4 * (eps * C) ** 2, _k2_505(eps)],
                                   _dom(x2, C, t), rng=ctx.rng(f"c4-imp-{eps}"), name=f"(313)-(315) = (515), (463), (505), eps={eps}",
                                   timeout=5))
        a = _a313(eps)
        c = eps * C
        d1, d2 = sp.diff(a, t), sp.diff(a, t, 2)
        ev.append(S.check_identity(d2, d1**2 / a + 4 * a**3 - 4 * c * a**2, _dom(x2, C, t), rng=ctx.rng(f"c4-ode-{eps}"),
                                   name=f"(313) solves (309), eps={eps}", timeout=10, rewrites=(_gen,)))
        ev.append(S.check_identity([a.subs(t, 0), d1.subs(t, 0)], [c, -c * x2], _dom(x2, C), rng=ctx.rng(f"c4-ic-{eps}"),
                                   name=f"(313) meets (310), (312), eps={eps}", timeout=5))
    return ev


CH_C4.step("App. E→(313)–(315)", "import the solution", Custom(_import_check,
           "(313)-(315) agree with App. E's (515), (463), (505) and solve the IVP (309)-(312), both signs of c"),
           printed=_P["313"] + r" \qquad " + _P["314"] + r" \qquad " + _P["315"],
           note=_SIGNNOTE + "; the import is checked as agreement with App. E's printed end result and as a solution of (309)-(312)")
_step(CH_C4, "(276)–(277),(313)→(316)–(317)", "write the system with the known a(t)",
      [_on_flow(_ddt(_Y)), _on_flow(_ddt(_X))], [_a_s * _xs.T, _a_s * _ys.T], scope=SCOPE,
      printed=_P["316"] + r" \qquad " + _P["317"],
      note="a(t) read as Tr(W0 - Y(t)X(t)) (307); that (313) is this a(t) is the import step above")

_aJ = _F("a")
_step(CH_C4, "(316)→(318)", "differentiate (product rule)",
      _jet(_ddt(_aJ * _X.T)), _jet(sp.diff(_aJ, t) * _X.T + _aJ * _ddt(_X.T)), scope=SCOPE, printed=_P["318"],
      note="d/dt of the right side of (316), a(t) X(t)^T, with a(t) and the entries of X undefined functions (jets)")
_R318 = sp.diff(_aJ, t) * _X.T + _aJ * _ddt(_X.T)
_R319 = sp.diff(_aJ, t) * _X.T + _aJ * _ddt(_X.T)
_step(CH_C4, "(318)→(319)", "restate", _jet(_R318), _jet(_R319), scope=SCOPE, printed=_P["319"],
      note="(319) is printed identical to (318), although the text announces the insertion of (317) here")
_dX317 = {sp.Derivative(_X[i, j], t): _aJ * _Y[j, i] for i in range(_r) for j in range(_n)}  # (317): X' = a Y^T
_step(CH_C4, "(319)→(320)", "insert the transpose of (317)",
      _jet(_R319.subs(_dX317)), _jet(sp.diff(_aJ, t) * _X.T + _aJ**2 * _Y), scope=SCOPE, printed=_P["320"])
_dY316 = {sp.Derivative(_Y[i, j], t): _aJ * _X[j, i] for i in range(_n) for j in range(_r)}  # (316): Y' = a X^T
_step(CH_C4, "(316)→(321)", "divide by a(t)",
      _jet(_X.T), _jet((_ddt(_Y) / _aJ).subs(_dY316)), scope=SCOPE, printed=_P["321"],
      note="(316) taken as given: the right side of (321) with dY/dt = a X^T equals X^T (a != 0)")
_XT321 = {_X[j, i]: sp.diff(_Y[i, j], t) / _aJ for i in range(_n) for j in range(_r)}  # (321): X^T = Y'/a
_R320 = sp.diff(_aJ, t) * _X.T + _aJ**2 * _Y
_R322 = sp.diff(_aJ, t) / _aJ * _ddt(_Y) + _aJ**2 * _Y
_step(CH_C4, "(320),(321)→(322)", "substitute X^T",
      _jet(_R320.xreplace(_XT321)), _jet(_R322), scope=SCOPE, printed=_P["322"])
_L323 = _ddt(_ddt(_Y)) - sp.diff(_aJ, t) / _aJ * _ddt(_Y) - _aJ**2 * _Y
_step(CH_C4, "(322)→(323)", "rearrange",
      _jet(_L323), _jet(_ddt(_ddt(_Y)) - _R322), scope=SCOPE, printed=_P["323"],
      note="left side of (323) against Y'' minus the right side of (322)")


def _p324(eps):
    c = eps * C
    return (x2**2 + 4 * c**2) * -eps * 2 * x2 * sp.sqrt(_K1) * _CH / (2 * x2 * _SH + 4 * C) ** 2


def _p325(eps):
    c = eps * C
    return -eps * 2 * x2 * (x2**2 + 4 * c**2) ** sp.Rational(3, 2) * _CH / (2 * x2 * _SH + 4 * C) ** 2


def _p326(eps):
    c = eps * C
    return _p325(eps) * eps * (2 * x2 * _SH + 4 * C) / (x2**2 + 4 * c**2)


def _p327(eps):
    c = eps * C
    return -x2 * (x2**2 + 4 * c**2) ** sp.Rational(1, 2) * _CH / (x2 * _SH + 2 * C)


def _p328(eps):
    return -x2 * sp.sqrt(_K1) * _CH / (x2 * _SH + 2 * C)


def _p329(eps):
    c = eps * C
    return ((x2**2 + 4 * c**2) / (2 * x2 * _SH + 4 * C)) ** 2


def _p330(eps):
    return _K1**2 / (2 * x2 * _SH + 4 * C) ** 2


_s333 = 2 * x2 * _SH + 4 * C
_s334 = 2 * sp.sqrt(_K1) * x2 * _CH
_s335 = 2 * _K1 * x2 * _SH
_TC7 = dict(rewrites=(_gen,), note=_SIGNNOTE)
_step(CH_C4, "(313)→(324)", "differentiate the quotient (chain rule)",
      _both(lambda e: sp.diff(_a313(e), t)), _both(_p324), printed=_P["324"], timeout=10, **_TC7)
_step(CH_C4, "(324)→(325)", "combine κ1·√κ1 into (‖X0‖⁴+4c²)^{3/2}", _both(_p324), _both(_p325), printed=_P["325"], **_TC7)
_step(CH_C4, "(325),(313)→(326)", "form a'/a", _both(lambda e: _p325(e) / _a313(e)), _both(_p326), printed=_P["326"], **_TC7)
_step(CH_C4, "(326)→(327)", "cancel, using sgn(c)² = 1", _both(_p326), _both(_p327), printed=_P["327"], **_TC7)
_step(CH_C4, "(327)→(328)", "(‖X0‖⁴+4c²)^{1/2} = √κ1", _both(_p327), _both(_p328), printed=_P["328"], **_TC7)
_step(CH_C4, "(313)→(329)", "square", _both(lambda e: _a313(e) ** 2), _both(_p329), printed=_P["329"], **_TC7)
_step(CH_C4, "(329)→(330)", "write in terms of κ1", _both(_p329), _both(_p330), printed=_P["330"], **_TC7)
_step(CH_C4, "(323),(280)→(331)–(332)", "restate the IVP with its initial conditions",
      list(_jet(_L323)) + list((_W - _y0 * _x0).trace() * _x0.T) + list(_y0),
      list(_jet(_ddt(_ddt(_Y)) - sp.diff(_aJ, t) / _aJ * _ddt(_Y) - _aJ**2 * _Y))
      + list(_on_flow(_ddt(_Y), _STATE0)) + list(_Y.subs(_STATE0)),
      scope=SCOPE, printed=_P["331"] + r" \qquad " + _P["332"],
      note="(331) against (323) (jets); the second condition of (332) against (280), i.e. (276) at t = 0 on the flow; "
           "Y(0) = Y0 against (278); Y0 general as the paper says")
_yj = [_sym(f"Yj_{k}", S.real(0.0, 3.0)) for k in range(3)]  # one entry of Y, Y', Y''
_step(CH_C4, "(333)→(334)", "differentiate s", sp.diff(_s333, t), _s334, printed=_P["334"], **_TC7)
_step(CH_C4, "(334)→(335)", "differentiate again", sp.diff(_s334, t), _s335, printed=_P["335"], **_TC7)
_step(CH_C4, "(328),(330),(333)–(335)→(336)", "substitute a'/a and a² in terms of s",
      _both(lambda e: _yj[2] - _p328(e) * _yj[1] - _p330(e) * _yj[0]),
      _both(lambda e: _yj[2] + _s334 / _s333 * _yj[1] - _K1**2 / _s333**2 * _yj[0]), printed=_P["336"],
      rewrites=(_gen,), note=_SIGNNOTE + "; Yj_k stands for one entry of the k-th derivative of Y "
                                         "(the ODE acts entrywise)")
_sJ = [_jsym("s", 0), _jsym("s", 1)]
_k1S = _sym("kappa1", S.positive(0.05, 50.0), positive=True)
_step(CH_C4, "(336)→(337)", "multiply by s(t)",
      _sJ[0] * (_yj[2] + _sJ[1] / _sJ[0] * _yj[1] - _k1S**2 / _sJ[0] ** 2 * _yj[0]),
      _sJ[0] * _yj[2] + _sJ[1] * _yj[1] - _k1S**2 / _sJ[0] * _yj[0], printed=_P["337"],
      note="s_0 = s(t) > 0, s_1 = s'(t), kappa1 > 0 as free values")


@CH_C4.end_result("Y of the flow solves (323) (a = Tr(W0 - YX)), and (331) with a from (313) is (336)")
def _c4_end(ctx):
    Yd = _flow_diff(_Y, 1)
    Ydd = Yd.applyfunc(lambda e: _flow_diff(e, 1))
    a, a1 = _a_s, _flow_diff(_aYX, 1).subs(_STATE)
    lhs = (Ydd.subs(_STATE) - a1 / a * Yd.subs(_STATE) - a**2 * _ys)
    ev = [S.check_identity(lhs, sp.zeros(_n, _r), _dom(lhs), rng=ctx.rng("c4-end-323"), name="(323) along the flow",
                           timeout=20, scope=SCOPE)]
    for eps in SIGNS:
        a = _a313(eps)
        s = _s333
        ev.append(S.check_identity([-sp.diff(a, t) / a, a**2], [sp.diff(s, t) / s, _K1**2 / s**2], _dom(x2, C, t),
                                   rng=ctx.rng(f"c4-end-{eps}"), name=f"coefficients of (331) from (313) = those of (336), eps={eps}",
                                   timeout=10, rewrites=(_gen,)))
    return ev

# ============================================================================= CH-C5
CH_C5 = chain(PAPER, "CH-C5", "Liouville substitution, (338)–(353) (App. C)")

_sF, _UF, _YF = _F("s"), _F("U"), _F("Y")
_s1, _s2 = sp.diff(_sF, t), sp.diff(_sF, t, 2)
_U1, _U2 = sp.diff(_UF, t), sp.diff(_UF, t, 2)
_h = sp.Rational(1, 2)
_k1s = _k1S  # kappa1 as a free positive value in (337)-(348)
_p338 = _UF / sp.sqrt(_sF)
_p339 = -_h * _sF ** sp.Rational(-3, 2) * _s1 * _UF + _sF ** (-_h) * _U1
_p340 = (sp.Rational(3, 4) * _sF ** sp.Rational(-5, 2) * _s1**2 * _UF - _h * _sF ** sp.Rational(-3, 2) * _s2 * _UF
         - _h * _sF ** sp.Rational(-3, 2) * _s1 * _U1 - _h * _sF ** sp.Rational(-3, 2) * _s1 * _U1 + _sF ** (-_h) * _U2)
_p341 = (sp.Rational(3, 4) * _sF ** sp.Rational(-3, 2) * _s1**2 * _UF - _h * _sF ** (-_h) * _s2 * _UF
         - _h * _sF ** (-_h) * _s1 * _U1 - _h * _sF ** (-_h) * _s1 * _U1 + _sF**_h * _U2)
_p342 = -_h * _sF ** sp.Rational(-3, 2) * _s1**2 * _UF + _sF ** (-_h) * _s1 * _U1
_p343 = _k1s**2 * _sF ** sp.Rational(-3, 2) * _UF
_p344 = (sp.Rational(3, 4) * _sF ** sp.Rational(-3, 2) * _s1**2 * _UF - _h * _sF ** (-_h) * _s2 * _UF
         - _h * _sF ** (-_h) * _s1 * _U1 - _h * _sF ** (-_h) * _s1 * _U1
         + _sF**_h * _U2 - _h * _sF ** sp.Rational(-3, 2) * _s1**2 * _UF + _sF ** (-_h) * _s1 * _U1
         - _k1s**2 * _sF ** sp.Rational(-3, 2) * _UF)
_p346 = (sp.Rational(1, 4) * _sF ** sp.Rational(-3, 2) * _s1**2 * _UF - _h * _sF ** (-_h) * _s2 * _UF + _sF**_h * _U2
         - _k1s**2 * _sF ** sp.Rational(-3, 2) * _UF)
_coef347 = sp.Rational(1, 4) * _sF**-2 * _s1**2 - _h * _sF**-1 * _s2 - _k1s**2 * _sF**-2
_p347 = _U2 + _coef347 * _UF
_coef348 = (_s1**2 - 2 * _sF * _s2 - 4 * _k1s**2) / (4 * _sF**2)
_p348 = _U2 + _coef348 * _UF
_JNOTE = "s(t) > 0, U(t) undefined functions; after the operation s, s', s'', U, U', U'' become the jets s_k, U_k"

_step(CH_C5, "(338)", "substitute Y = s^{-1/2} U", _jet(_p338), _jet(_sF ** (-_h) * _UF), printed=_P["338"],
      note="definition of U (s > 0); checked as the identity of the two printed forms U/sqrt(s) = s^{-1/2} U")
_step(CH_C5, "(338)→(339)", "differentiate", _jet(sp.diff(_p338, t)), _jet(_p339), printed=_P["339"], note=_JNOTE)
_step(CH_C5, "(339)→(340)", "differentiate again", _jet(sp.diff(_p339, t)), _jet(_p340), printed=_P["340"], note=_JNOTE)
_step(CH_C5, "(340)→(341)", "multiply by s", _jet(_sF * _p340), _jet(_p341), printed=_P["341"], note=_JNOTE)
_step(CH_C5, "(339)→(342)", "multiply by s'", _jet(_s1 * _p339), _jet(_p342), printed=_P["342"], note=_JNOTE)
_step(CH_C5, "(338)→(343)", "multiply by κ1²/s", _jet(_k1s**2 / _sF * _p338), _jet(_p343), printed=_P["343"],
      note=_JNOTE + "; kappa1 > 0 a free value")
_step(CH_C5, "(341),(342),(343)→(344)–(345)", "substitute into (337)",
      _jet(_p341 + _p342 - _p343), _jet(_p344), printed=_P["344"] + " " + _P["345"],
      note="the left side of (337), s Y'' + s'Y' - (kappa1^2/s) Y, with the printed (341), (342), (343), against the "
           "left side of (344)-(345) (one expression split over two lines)")
_step(CH_C5, "(344)–(345)→(346)", "combine like terms", _jet(_p344), _jet(_p346), printed=_P["346"], note=_JNOTE)
_step(CH_C5, "(346)→(347)", "multiply by s^{-1/2} and collect the U terms",
      _jet(_sF ** (-_h) * _p346), _jet(_p347), printed=_P["347"], note=_JNOTE)
_step(CH_C5, "(347)→(348)", "common denominator 4s²", _jet(_p347), _jet(_p348), printed=_P["348"], note=_JNOTE)

# --- the unnumbered display after (348): lines L1..L7 (L0 = its left side, the coefficient of (348))
_c2 = C**2  # c^2 (both signs)


def _L(k):
    K, X4, SH, CH = _K1, x2**2, _SH, _CH
    den = 4 * X4 * SH**2 + 16 * C * x2 * SH + 16 * _c2
    return {
        0: (_s334**2 - 2 * _s333 * _s335 - 4 * K**2) / (4 * _s333**2),
        1: (4 * K * X4 * CH**2 - 4 * K * x2 * SH * (2 * x2 * SH + 4 * C) - 4 * K**2) / (4 * (2 * x2 * SH + 4 * C) ** 2),
        2: K / 4 * (4 * X4 * CH**2 - 8 * X4 * SH**2 - 16 * C * x2 * SH - 4 * K) / den,
        3: K / 4 * (4 * X4 * CH**2 - 4 * X4 * SH**2 - 4 * X4 * SH**2 - 16 * C * x2 * SH - 4 * K) / den,
        4: K / 4 * (4 * X4 - 4 * X4 * SH**2 - 16 * C * x2 * SH - 4 * K) / den,
        5: K / 4 * (X4 - X4 * SH**2 - 4 * C * x2 * SH - X4 - 4 * _c2) / (X4 * SH**2 + 4 * C * x2 * SH + 4 * _c2),
        6: K / 4 * (-4 * _c2 - X4 * SH**2 - 4 * C * x2 * SH) / (4 * _c2 + X4 * SH**2 + 4 * C * x2 * SH),
        7: -K / 4,
    }[k]


_LNOTE = ("TC-7: x2 = ||X0||^2, C = |c|; the lines depend on c only through c^2 and |c|, so one sign case covers both; "
          "kappa1 = x2^2 + 4c^2 (314) wherever printed as kappa1; s, s', s'' from the printed (333)-(335)")
_step(CH_C5, "(348)→L1", "insert (333)–(335) into the coefficient", _L(0), _L(1), printed=_P["L0"] + " = " + _P["L1"],
      rewrites=(_gen,), note=_LNOTE)
_LOPS = {2: "factor out κ1/4; expand the denominator", 3: "split −8‖X0‖⁴sinh² into two terms", 4: "cosh² − sinh² = 1",
         5: "divide numerator and denominator by 4; insert κ1 = ‖X0‖⁴+4c²", 6: "cancel the ‖X0‖⁴ terms and reorder",
         7: "the numerator equals minus the denominator, giving −κ1/4"}
for _k in range(2, 8):
    _step(CH_C5, f"L{_k - 1}→L{_k}", _LOPS[_k], _L(_k - 1), _L(_k), printed=_P[f"L{_k}"], rewrites=(_gen,), note=_LNOTE)

_uj = [_jsym("U", 0), _jsym("U", 2)]
_p349 = _uj[1] - _K1 / 4 * _uj[0]
_step(CH_C5, "(348),L7→(349)", "substitute the coefficient",
      [_uj[1] + _L(7) * _uj[0], _uj[1] + _L(0) * _uj[0]], [_p349, _p349], printed=_P["349"], rewrites=(_gen,), timeout=30,
      note="(348) with its coefficient replaced by L7 = -kappa1/4; and, independently of L1-L7, (348) with s, s', s'' "
           "from (333)-(335) against (349); U_0, U_2 = U, U''")


def _p350():
    return _A * sp.sinh(sp.sqrt(_K1) / 2 * t) + _B * sp.cosh(sp.sqrt(_K1) / 2 * t)


def _gen_sol(ctx):
    U = _p350()
    res = sp.diff(U, t, 2) - _K1 / 4 * U
    f, g = sp.sinh(sp.sqrt(_K1) / 2 * t), sp.cosh(sp.sqrt(_K1) / 2 * t)
    wr = f * sp.diff(g, t) - g * sp.diff(f, t)
    return [S.check_identity(res, 0, _dom(res), rng=ctx.rng("c5-350"), name="(350) solves (349) for all A, B", timeout=5),
            S.check_identity(wr, -sp.sqrt(_K1) / 2, _dom(wr), rng=ctx.rng("c5-350w"),
                             name="Wronskian of sinh, cosh is -sqrt(kappa1)/2 != 0 (two independent solutions: general)",
                             timeout=5)]


CH_C5.step("(349)→(350)", "general solution of U'' = (κ1/4)U", Custom(_gen_sol,
           "(350) satisfies (349) for all A, B, and its two basis functions have nonzero Wronskian"),
           printed=_P["350"], note="A, B: one entry each of the n x r constant matrices (the ODE acts entrywise); "
                                   "kappa1 = x2^2 + 4c^2 in the TC-7 variables")
_s0 = _jsym("s", 0)
_step(CH_C5, "(350)→(351)", "U = √s Y", (_p350() / sp.sqrt(_s0)) * sp.sqrt(_s0), _p350(), printed=_P["351"],
      note="(338) gives Y = U/sqrt(s), so Y sqrt(s) with U from (350) against the right side of (351); s_0 = s(t) > 0")
_step(CH_C5, "(351)→(352)", "divide by √s", _p350() / sp.sqrt(_s0), _p350() / sp.sqrt(_s0), printed=_P["352"],
      note="right side of (351) divided by sqrt(s) against the right side of (352)")


def _p353(eps):
    return _p350() / sp.sqrt(2 * x2 * _SH + 4 * C)


_step(CH_C5, "(352)→(353)", "insert s from (333)",
      _both(lambda e: (_p350() / sp.sqrt(_s0)).subs(_s0, PRINTED[e].s)), _both(_p353), printed=_P["353"],
      rewrites=(_gen,), note=_SIGNNOTE + "; s from tracesq.PRINTED (the printed (333))")


_Em = _sym("E", S.positive(1.0, 60.0), positive=True)  # TC-7: E = exp(sqrt(kappa1) t / 2) >= 1
_Mm = _sym("M", S.positive(1.0001, 60.0), positive=True)  # TC-7: M = exp(arsinh(||X0||^2 / (2|c|))) > 1


def _tc7_EM(expr):
    """TC-7 rational form, a bijective reparametrisation of (x2 > 0, C > 0, t >= 0) by (M > 1, C, E >= 1):
    x2 = C(M - 1/M), sqrt(kappa1) = C(M + 1/M), sinh/cosh(sqrt(kappa1) t / 2) = (E -+ 1/E)/2,
    sinh/cosh(sqrt(kappa1)(t + kappa2)) = (E^2 M -+ 1/(E^2 M))/2.  Applied after all t-derivatives are taken."""
    g = sp.Symbol("ARG_tc7")
    v = sp.sqrt(_K1) / 2 * t
    e = expr.subs(_ARG, g)
    e = e.subs({sp.sinh(g): (_Em**2 * _Mm - 1 / (_Em**2 * _Mm)) / 2, sp.cosh(g): (_Em**2 * _Mm + 1 / (_Em**2 * _Mm)) / 2,
                sp.sinh(v): (_Em - 1 / _Em) / 2, sp.cosh(v): (_Em + 1 / _Em) / 2})
    e = e.subs(sp.sqrt(_K1), C * (_Mm + 1 / _Mm)).subs(x2, C * (_Mm - 1 / _Mm))
    if e.has(t) or e.has(x2):
        raise ValueError("TC-7 reparametrisation left t or x2 behind")
    return e


@CH_C5.end_result("(353) solves (336) with s from (333) for arbitrary A, B, both signs of c")
def _c5_end(ctx):
    ev = []
    for eps in SIGNS:
        Y = _p353(eps)
        s = PRINTED[eps].s
        res = _tc7_EM(sp.diff(Y, t, 2) + sp.diff(s, t) / s * sp.diff(Y, t) - PRINTED[eps].kappa1**2 / s**2 * Y)
        ev.append(S.check_identity(res, 0, _dom(res), rng=ctx.rng(f"c5-end-{eps}"),
                                   name=f"(353) in (336) (residual in the TC-7 variables E, M, C), eps={eps}", timeout=10))
    return ev
