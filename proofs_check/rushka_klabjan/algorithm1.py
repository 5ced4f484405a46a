"""Algorithm 1 of App. A and its written forms, implemented as printed (TC-4, TC-15).

Three implementations of LoRA gradient descent, and the interpolants:

* **I, the literal listing** (:func:`algorithm1_literal`): lines 1-24 executed one
  by one, with every variable kept in a namespace exactly as the listing names it
  (``B_j``, ``A_j``, ``B^*``, ``A^*``, ``i``).  Nothing is repaired: when a line
  reads a value that no earlier line assigned, the run stops with
  :class:`UndefinedValue` naming the line, the variable and the iteration.  Known
  from reading the listing:

  - ``k`` (line 7, line 10, lines 13-17) is not chosen by lines 1-4; it comes
    from the §2.1 text ("updated a total of k times within each iteration").
    The implementation takes it as an input and records the event.
  - line 14 at ``j = 1`` reads ``A_1``; lines 1-13 never assign ``A_1`` (only
    ``A_0``, line 2 / line 17): :class:`UndefinedValue` is raised there.

  ``stage2="shifted"`` is a *separately labelled variant* (I'): the stage-2 loop
  read as ``for j = 0, ..., k-1`` (``A_{j+1} = A_j - ...``), every other line
  literal -- in particular line 10 ``B^* <- lambda B^* + (1-lambda) B_k``, whose
  right-hand ``B^*`` is the previous iteration's ``B^*`` (line 3 sets it to the
  initial ``B_0`` and only line 10 changes it).
* **II, eqs (4)-(5)** (:func:`gd_eqs45`), with the printed gradients (265)-(266)
  (trace-squared) and (613)-(614) (Frobenius).
* **III, eqs (71)-(72)** (:func:`gd_eqs7172`): the gradients of the composite
  ``f(W_0+BA)`` computed by the chain rule through the residual ``R = W_0 - BA``
  (an independent code path from the printed gradient formulas).
* **Interpolants** (6)-(8) (printed gradients) and (75)-(77) (composite
  gradients), with ``h(t) = floor(t/alpha) - (floor(t/alpha) mod k)`` as printed.

All functions work on numpy ``float64`` arrays and on numpy ``object`` arrays of
:class:`fractions.Fraction` (exact rational arithmetic, used for the
index-by-index comparisons with dyadic ``alpha``, TC-15).

Instrumentation (TC-4): every update appends a record
``{"impl", "i", "j", "q", "target", "B_used", "A_used", "grad", "value"}``;
line 10 appends ``{"line": 10, "i", "Bstar"}``.
"""
from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

OBJECTIVES = ("trace-squared", "frobenius")


# ----------------------------------------------------------------------------- arithmetic helpers
def tr(M):
    """Trace (works for float and Fraction object arrays)."""
    return sum(M[i, i] for i in range(min(M.shape)))


def exact(M) -> np.ndarray:
    """An exact copy of a float64 matrix (float64 values are dyadic rationals)."""
    M = np.asarray(M, dtype=float)
    out = np.empty(M.shape, dtype=object)
    for idx, v in np.ndenumerate(M):
        out[idx] = Fraction(float(v))
    return out


def as_float(M) -> np.ndarray:
    return np.asarray(np.vectorize(float, otypes=[float])(M)) if M.dtype == object else np.asarray(M, dtype=float)


def frob(M) -> float:
    return float(np.sqrt(np.sum(as_float(M) ** 2)))


def loss(obj: str, W0, B, A):
    """g(B, A): 1/2 Tr^2(W0 - BA) (264) or 1/2 ||W0 - BA||^2 (612)."""
    R = W0 - B @ A
    if obj == "trace-squared":
        return tr(R) ** 2 / 2
    return sum(v * v for v in np.ravel(R)) / 2


# ----------------------------------------------------------------------------- gradients
def grad_B(obj: str, W0, B, A):
    """Printed: (266) nabla_B g = -Tr(W0 - BA) A^T ; (614) nabla_B h = -(W0 - BA) A^T."""
    if obj == "trace-squared":
        return -tr(W0 - B @ A) * A.T
    return -((W0 - B @ A) @ A.T)


def grad_A(obj: str, W0, B, A):
    """Printed: (265) nabla_A g = -Tr(W0 - BA) B^T ; (613) nabla_A h = -B^T (W0 - BA)."""
    if obj == "trace-squared":
        return -tr(W0 - B @ A) * B.T
    return -(B.T @ (W0 - B @ A))


def _dphi(obj: str, R):
    """Matrix gradient of phi(R) = 1/2 Tr^2 R (Tr(R) I) or 1/2||R||^2 (R)."""
    if obj == "trace-squared":
        I = np.zeros(R.shape, dtype=R.dtype)
        one = Fraction(1) if R.dtype == object else 1.0
        zero = Fraction(0) if R.dtype == object else 0.0
        if R.dtype == object:
            I[...] = zero
        for i in range(min(R.shape)):
            I[i, i] = one
        return tr(R) * I
    return R


def grad_B_composite(obj: str, W0, B, A):
    """nabla_B of the composite f(W0 + BA) = phi(W0 - BA) by the chain rule: -phi'(R) A^T."""
    return -(_dphi(obj, W0 - B @ A) @ A.T)


def grad_A_composite(obj: str, W0, B, A):
    """nabla_A of the composite: -B^T phi'(R)."""
    return -(B.T @ _dphi(obj, W0 - B @ A))


# ----------------------------------------------------------------------------- I: the literal listing
class UndefinedValue(Exception):
    """A line of the listing reads a variable that no executed line has assigned."""

    def __init__(self, line: int, name: str, iteration: int, j: int | None, detail: str):
        self.line, self.name, self.iteration, self.j, self.detail = line, name, iteration, j, detail
        super().__init__(f"line {line} (iteration i={iteration}{'' if j is None else f', j={j}'}) reads {name}: {detail}")

    def as_dict(self) -> dict:
        return {"line": self.line, "reads": self.name, "iteration": self.iteration, "j": self.j, "detail": self.detail}


def algorithm1_literal(obj: str, W0, B0, A0, alpha, lam, k: int, iterations: int, *, stage2: str = "printed",
                       record: list | None = None, events: list | None = None, stop=None):
    """Execute Algorithm 1, lines 1-24, as printed.

    ``iterations``: the stopping criterion of line 20 is "i == iterations" unless
    ``stop(i, Bstar, Astar)`` is given.  ``stage2="printed"`` runs lines 13-15 as
    printed (``for j = 1..k: A_{j+1} = A_j - ...``); ``"shifted"`` is the labelled
    variant I' (``for j = 0..k-1``).  Returns ``(Bstar, Astar, history)`` where
    ``history`` lists, per outer iteration, the listing's stage-1 values
    ``[B_0..B_k]``, ``B^*`` after line 10 and the stage-2 values ``[A_0..A_k]``.
    Raises :class:`UndefinedValue` where the listing reads an unassigned value.
    """
    ev = events if events is not None else []
    # k is not chosen by lines 1-4
    ev.append({"line": 7, "reads": "k", "provided_by_listing": False,
               "detail": "k is not chosen in lines 1-4; taken from the §2.1 text (k in N updates per iteration)"})
    B = {}  # the listing's B_j
    A = {}  # the listing's A_j
    # line 2
    B[0], A[0] = B0, A0
    # line 3
    Bstar, Astar, i = B[0], A[0], 0
    # line 4: alpha, lambda (inputs)
    history = []
    while True:  # line 5
        # Stage 1 (lines 6-9)
        for j in range(0, k):
            g = grad_B(obj, W0, B[j], Astar)
            B[j + 1] = B[j] - alpha * g  # line 8
            if record is not None:
                record.append({"impl": "I", "line": 8, "i": i, "j": j, "target": f"B_{j + 1}", "B_used": B[j],
                               "A_used": Astar, "grad": g, "value": B[j + 1]})
        stage1 = [B[j] for j in range(k + 1)]
        Bstar = lam * Bstar + (1 - lam) * B[k]  # line 10
        if record is not None:
            record.append({"impl": "I", "line": 10, "i": i, "Bstar": Bstar})
        B[0] = B[k]  # line 11
        # Stage 2 (lines 12-15)
        js = range(1, k + 1) if stage2 == "printed" else range(0, k)
        stage2_vals = {0: A[0]}
        for j in js:
            if j not in A:
                raise UndefinedValue(14, f"A_{j}", i, j, "no line of the listing assigns it before line 14 "
                                     "(line 2 and line 17 assign A_0 only; the loop of line 13 starts at j = 1)")
            g = grad_A(obj, W0, Bstar, A[j])
            A[j + 1] = A[j] - alpha * g  # line 14
            stage2_vals[j + 1] = A[j + 1]
            if record is not None:
                record.append({"impl": "I", "line": 14, "i": i, "j": j, "target": f"A_{j + 1}", "B_used": Bstar,
                               "A_used": A[j], "grad": g, "value": A[j + 1]})
        if k not in A:  # line 16
            raise UndefinedValue(16, f"A_{k}", i, None, "not assigned by lines 1-15")
        Astar = A[k]  # line 16
        A[0] = A[k]  # line 17
        history.append({"i": i, "B": stage1, "Bstar": Bstar, "A": [stage2_vals.get(j) for j in range(k + 1)]})
        i = i + 1  # line 19
        done = stop(i, Bstar, Astar) if stop is not None else i >= iterations  # line 20
        if done:
            break  # line 21
    return Bstar, Astar, history  # line 24: Output B^* A^*


# ----------------------------------------------------------------------------- II and III
def _gd(obj, W0, B0, A0, alpha, lam, k, outer, gB, gA, impl, record):
    Bs, As = [B0], [A0]
    for i in range(outer):
        for j in range(k):  # (4) / (71), j = 0..k-1
            q = i * k + j
            g = gB(obj, W0, Bs[q], As[i * k])
            Bs.append(Bs[q] - alpha * g)
            if record is not None:
                record.append({"impl": impl, "i": i, "j": j, "q": q, "target": f"B_{q + 1}", "B_used": Bs[q],
                               "A_used": As[i * k], "grad": g, "value": Bs[q + 1]})
        Bmix = lam * Bs[i * k] + (1 - lam) * Bs[(i + 1) * k]
        for j in range(k):  # (5) / (72)
            q = i * k + j
            g = gA(obj, W0, Bmix, As[q])
            As.append(As[q] - alpha * g)
            if record is not None:
                record.append({"impl": impl, "i": i, "j": j, "q": q, "target": f"A_{q + 1}", "B_used": Bmix,
                               "A_used": As[q], "grad": g, "value": As[q + 1]})
    return Bs, As


def gd_eqs45(obj, W0, B0, A0, alpha, lam, k, outer, record=None):
    """(4)-(5) for outer iterations i = 0..outer-1, j = 0..k-1: returns the global sequences B_q, A_q, q = 0..outer*k."""
    return _gd(obj, W0, B0, A0, alpha, lam, k, outer, grad_B, grad_A, "II", record)


def gd_eqs7172(obj, W0, B0, A0, alpha, lam, k, outer, record=None):
    """(71)-(72): the same recursion with the gradients of the composite f(W0 + BA)."""
    return _gd(obj, W0, B0, A0, alpha, lam, k, outer, grad_B_composite, grad_A_composite, "III", record)


def listing_sequences(history, k):
    """Map the listing's stage variables to global indices: B_j of iteration i -> B_{ik+j}, A_j -> A_{ik+j}."""
    Bs, As = [history[0]["B"][0]], [history[0]["A"][0]]
    for h in history:
        Bs.extend(h["B"][1:])
        As.extend(h["A"][1:])
    return Bs, As


# ----------------------------------------------------------------------------- interpolants
def floor_div(t, alpha) -> int:
    """floor(t / alpha); exact for Fractions."""
    return math.floor(Fraction(t) / Fraction(alpha)) if isinstance(t, Fraction) or isinstance(alpha, Fraction) else math.floor(t / alpha)


def h_of(t, alpha, k) -> int:
    """(8)/(77): h(t) = floor(t/alpha) - (floor(t/alpha) mod k)."""
    fl = floor_div(t, alpha)
    return fl - (fl % k)


def interpolant(obj, W0, Bs, As, t, alpha, lam, k, *, composite=False):
    """(6)-(7) (``composite=False``, printed gradients) or (75)-(76) (composite gradients) at time t."""
    gB, gA = (grad_B_composite, grad_A_composite) if composite else (grad_B, grad_A)
    fl = floor_div(t, alpha)
    h = h_of(t, alpha, k)
    coef = t - fl * alpha
    Y = Bs[fl] - coef * gB(obj, W0, Bs[fl], As[h])
    X = As[fl] - coef * gA(obj, W0, lam * Bs[h] + (1 - lam) * Bs[h + k], As[fl])
    return Y, X


# ----------------------------------------------------------------------------- problem instances (TC-4)
def tc4_instance(rng: np.random.Generator, obj: str, init: str, sigma: float = 0.5, n: int = 5, m: int = 4, r: int = 2):
    """TC-4: trace-squared n=5, r=2 (square W0); Frobenius n=5, m=4, r=2.  ``init``: "lora" (B0 = 0, A0 ~ N(0, sigma^2))
    or "generic" (both Gaussian).  W0 entries are scaled so that the flow stays moderate on [0, T]."""
    if obj == "trace-squared":
        m = n
        while True:
            W0 = rng.normal(size=(n, n)) / np.sqrt(n)
            if abs(np.trace(W0)) > 0.1:
                break
    else:
        W0 = rng.normal(size=(n, m)) / np.sqrt(n)
    A0 = sigma * rng.normal(size=(r, m))
    B0 = np.zeros((n, r)) if init == "lora" else sigma * rng.normal(size=(n, r))
    return W0, B0, A0


def to_mp(M) -> np.ndarray:
    """An mpmath copy (object array of mpf at the current precision) of a float64 / Fraction matrix."""
    import mpmath

    M = np.asarray(M)
    out = np.empty(M.shape, dtype=object)
    for idx, v in np.ndenumerate(M):
        out[idx] = mpmath.mpf(v.numerator) / v.denominator if isinstance(v, Fraction) else mpmath.mpf(float(v))
    return out


def small_rational_instance(rng: np.random.Generator, obj: str, init: str, n: int = 3, m: int = 2, r: int = 1,
                            den: int = 4):
    """Exact instance with entries in {-2,...,2}/den (TC-15 runs in exact arithmetic: rational sizes grow
    geometrically with the number of steps, so these runs are short and small)."""
    if obj == "trace-squared":
        m = n

    def draw(shape):
        out = np.empty(shape, dtype=object)
        for idx in np.ndindex(*shape):
            out[idx] = Fraction(int(rng.integers(-2, 3)), den)
        return out

    while True:
        W0 = draw((n, m))
        if obj != "trace-squared" or tr(W0) != 0:
            break
    A0 = draw((r, m))
    if not any(v != 0 for v in np.ravel(A0)):
        A0[0, 0] = Fraction(1, den)
    B0 = np.full((n, r), Fraction(0), dtype=object) if init == "lora" else draw((n, r))
    if init != "lora" and not any(v != 0 for v in np.ravel(B0)):
        B0[0, 0] = Fraction(1, den)
    return W0, B0, A0
