"""High-precision Taylor integrator for polynomial matrix vector fields.

One field definition serves two integrators::

    from verify.ode import tr, integrate, dop853

    def field(s, p):            # s: states by name, p: constant parameters
        a = tr(p["W0"]) - tr(s["Y"] @ s["X"])
        return {"Y": a * s["X"].T, "X": a * s["Y"].T}

* :func:`dop853` calls ``field`` with numpy arrays (``tr`` is ``np.trace``)
  inside ``scipy.integrate.solve_ivp(method="DOP853")``: a float64 cross-check.
* :func:`integrate` calls ``field`` once with symbolic :class:`Node` objects,
  which records the expression as a DAG.  The Taylor coefficients of the
  solution are then produced order by order by Cauchy products over the DAG
  (automatic differentiation of a polynomial field), in python-flint arb
  arithmetic (ball radii dropped: only midpoints are kept, so this is fast
  multiprecision floating point, not a rigorous enclosure) or in mpmath.  Step sizes follow
  Jorba & Zou (2005), relative to each state block, so that a state decaying
  towards zero keeps its relative digits.

Only polynomial operations are supported: ``+``, ``-``, ``*`` with a scalar
on at least one side, ``@``, ``.T``, :func:`tr`, integer powers of scalars,
and division by constants.  Anything else raises
:class:`verify.errors.InputError` with a message naming the operation.

Timing (measured once, python-flint 0.9, one core): the trace-squared flow
above with (n, r) = (16, 4), W0 and X0 standard normal / sqrt(n) (numpy
default_rng(0)), Y0 = 0,
T = 0.25, dps = 30 takes 0.13-0.15 s (5 Taylor steps of order 39); the result
agrees with mpmath.odefun to 29.8 digits, which took 8.2 s on the same problem.
With unscaled standard-normal W0, X0 (a faster flow) it takes about 0.5 s
(17 steps).
"""
from __future__ import annotations

import bisect
import math
import numbers
from contextlib import contextmanager
from dataclasses import dataclass, field as dc_field
from typing import Any, Callable

import mpmath
import numpy as np

from .errors import InputError

try:  # python-flint is optional: fall back to mpmath without it
    import flint
except ImportError:  # pragma: no cover - depends on the environment
    flint = None

__all__ = ["Node", "tr", "integrate", "dop853", "digits", "OdeResult", "DenseOutput"]

GUARD_BITS = 64  # extra working bits beyond dps (about 19 decimal digits)
SAFETY = 0.9  # step-size safety factor
LOG2_TINY = -4096.0  # log2 of the norm floor for a state block that is exactly zero
_LOG2_10 = math.log2(10)


# ----------------------------------------------------------------------------
# exact conversion of user values
# ----------------------------------------------------------------------------


def _to_mpf(x: Any, what: str) -> mpmath.mpf:
    """Convert a real scalar to an mpf at the current mpmath precision.

    Floats and integers that fit the precision convert exactly; rationals are
    rounded once.  Complex and non-finite values raise InputError."""
    if isinstance(x, np.ndarray) and x.ndim == 0:
        x = x.item()
    if isinstance(x, np.generic):
        if np.iscomplexobj(x):
            raise InputError(f"{what}: complex value {x!r} is not supported (real fields only)")
        x = x.item()
    if isinstance(x, mpmath.mpf):
        v = +x
    elif isinstance(x, (bool, numbers.Integral)):
        v = mpmath.mpf(int(x))
    elif isinstance(x, float):
        v = mpmath.mpf(x)
    elif getattr(x, "is_Rational", False):  # sympy Rational / Integer
        v = mpmath.mpf(int(x.p)) / int(x.q)
    elif isinstance(x, numbers.Rational):  # fractions.Fraction
        v = mpmath.mpf(int(x.numerator)) / int(x.denominator)
    elif getattr(x, "is_number", False) and hasattr(x, "evalf"):  # other sympy numbers
        ev = x.evalf(mpmath.mp.dps + 5)
        if not hasattr(ev, "_mpf_"):
            raise InputError(f"{what}: {x!r} is not a real number")
        v = mpmath.mpf(ev)
    elif isinstance(x, str):
        try:
            v = mpmath.mpf(x)
        except (ValueError, TypeError):
            raise InputError(f"{what}: cannot parse {x!r} as a number") from None
    elif isinstance(x, (complex, mpmath.mpc)):
        raise InputError(f"{what}: complex value {x!r} is not supported (real fields only)")
    else:
        raise InputError(f"{what}: cannot convert {type(x).__name__} {x!r} to a real number")
    if not mpmath.isfinite(v):
        raise InputError(f"{what}: non-finite value {x!r}")
    return v


def _rows_of(x: Any, what: str) -> list | None:
    """Rows of a 2-D matrix-like input, None if ``x`` is a scalar."""
    if isinstance(x, mpmath.matrix):
        return [[x[i, j] for j in range(x.cols)] for i in range(x.rows)]
    if isinstance(x, np.ndarray):
        if x.ndim == 0:
            return None
        if x.ndim != 2:
            raise InputError(
                f"{what}: arrays must be scalars or 2-D matrices, got shape {x.shape} "
                "(reshape a vector to (n, 1))")
        if np.iscomplexobj(x):
            raise InputError(f"{what}: complex arrays are not supported (real fields only)")
        return x.tolist()
    if hasattr(x, "tolist") and hasattr(x, "shape") and len(getattr(x, "shape", ())) == 2:
        return x.tolist()  # sympy Matrix, numpy matrix
    if isinstance(x, (list, tuple)):
        if not x or not all(isinstance(r, (list, tuple)) for r in x):
            raise InputError(
                f"{what}: a list must be a non-empty list of rows (a 2-D matrix); "
                "write a vector as [[v1], [v2], ...]")
        if len({len(r) for r in x}) != 1 or len(x[0]) == 0:
            raise InputError(f"{what}: ragged or empty rows {[len(r) for r in x]}")
        return [list(r) for r in x]
    return None


def _to_value(x: Any, what: str):
    """Convert a scalar or matrix input to an mpf or an mpmath.matrix at the
    current precision (exactly for floats and integers)."""
    rows = _rows_of(x, what)
    if rows is None:
        return _to_mpf(x, what)
    m, n = len(rows), len(rows[0])
    out = mpmath.matrix(m, n)
    for i, row in enumerate(rows):
        for j, e in enumerate(row):
            out[i, j] = _to_mpf(e, f"{what}[{i},{j}]")
    return out


def _shape_of(v) -> tuple:
    """() for a scalar, (rows, cols) for an mpmath matrix."""
    return (v.rows, v.cols) if isinstance(v, mpmath.matrix) else ()


def _to_numpy(v):
    """A converted value as a float64 numpy array (or a float for a scalar)."""
    if isinstance(v, mpmath.matrix):
        return np.array([[float(v[i, j]) for j in range(v.cols)] for i in range(v.rows)])
    return float(v)


# ----------------------------------------------------------------------------
# symbolic nodes
# ----------------------------------------------------------------------------


def _fmt_shape(shape: tuple) -> str:
    return "scalar" if shape == () else f"{shape[0]}x{shape[1]} matrix"


class Node:
    """A symbolic value in a polynomial field: a state, a constant, or an
    operation on other nodes.  Built by operator overloading when
    :func:`integrate` calls the field; not meant to be created by hand."""

    __slots__ = ("op", "args", "shape", "const", "value", "name")
    __array_ufunc__ = None  # make numpy defer to our reflected operators

    def __init__(self, op: str, args: tuple = (), shape: tuple = (), *, value=None, name=None):
        self.op = op
        self.args = args
        self.shape = shape
        self.value = value
        self.name = name
        self.const = op == "const" or (op != "state" and all(a.const for a in args))

    # -- construction helpers ------------------------------------------------
    @staticmethod
    def wrap(x: Any) -> "Node":
        """A node as is, anything else as a constant node."""
        if isinstance(x, Node):
            return x
        v = _to_value(x, "constant in the field")
        return Node("const", (), _shape_of(v), value=v)

    def _is_zero_const(self) -> bool:
        return self.op == "const" and self.shape == () and self.value == 0

    @property
    def T(self) -> "Node":
        return self if self.shape == () else Node("T", (self,), self.shape[::-1])

    def __repr__(self) -> str:
        label = self.name or self.op
        return f"Node({label}, {_fmt_shape(self.shape)})"

    # -- arithmetic ------------------------------------------------------------
    def _addlike(self, other: Any, op: str, reflected: bool) -> "Node":
        o = Node.wrap(other)
        a, b = (o, self) if reflected else (self, o)
        if a.shape != b.shape:
            # numpy broadcasting of 0 is harmless (sum() starts from 0); anything else is not
            if b._is_zero_const():
                return a
            if a._is_zero_const():
                return b if op == "add" else -b
            raise InputError(
                f"cannot {'add' if op == 'add' else 'subtract'} a {_fmt_shape(a.shape)} "
                f"and a {_fmt_shape(b.shape)} (no broadcasting; multiply by an identity matrix)")
        return Node(op, (a, b), a.shape)

    def __add__(self, other):
        return self._addlike(other, "add", False)

    def __radd__(self, other):
        return self._addlike(other, "add", True)

    def __sub__(self, other):
        return self._addlike(other, "sub", False)

    def __rsub__(self, other):
        return self._addlike(other, "sub", True)

    def __neg__(self):
        return Node("neg", (self,), self.shape)

    def __pos__(self):
        return self

    def _mul(self, other: Any, reflected: bool) -> "Node":
        o = Node.wrap(other)
        a, b = (o, self) if reflected else (self, o)
        if a.shape != () and b.shape != ():
            raise InputError(
                f"'*' between a {_fmt_shape(a.shape)} and a {_fmt_shape(b.shape)} is numpy's "
                "elementwise product, which is not supported: use '@' for the matrix product")
        return Node("mul", (a, b), a.shape or b.shape)

    def __mul__(self, other):
        return self._mul(other, False)

    def __rmul__(self, other):
        return self._mul(other, True)

    def _matmul(self, other: Any, reflected: bool) -> "Node":
        o = Node.wrap(other)
        a, b = (o, self) if reflected else (self, o)
        if a.shape == () or b.shape == ():
            raise InputError("'@' needs two matrices; use '*' to multiply by a scalar")
        if a.shape[1] != b.shape[0]:
            raise InputError(
                f"matmul shape mismatch: {_fmt_shape(a.shape)} @ {_fmt_shape(b.shape)}")
        return Node("matmul", (a, b), (a.shape[0], b.shape[1]))

    def __matmul__(self, other):
        return self._matmul(other, False)

    def __rmatmul__(self, other):
        return self._matmul(other, True)

    def _reciprocal(self) -> "Node":
        if self.shape != ():
            raise InputError("division by a matrix is not supported")
        if not self.const:
            raise InputError(
                "division by a state-dependent expression is not polynomial and is not supported "
                "(only division by constants)")
        if self._is_zero_const():
            raise InputError("division by the constant zero")
        return Node("recip", (self,), ())

    def __truediv__(self, other):
        return self * Node.wrap(other)._reciprocal()

    def __rtruediv__(self, other):
        return Node.wrap(other) * self._reciprocal()

    def __pow__(self, n):
        if self.shape != ():
            raise InputError("'**' on a matrix is numpy's elementwise power and is not supported")
        if not isinstance(n, numbers.Integral) or n < 0:
            raise InputError(f"only non-negative integer powers are polynomial, got {n!r}")
        result, base, n = Node.wrap(1), self, int(n)
        while n:  # binary powering keeps the DAG small
            if n & 1:
                result = base if result._is_one_const() else result * base
            n >>= 1
            if n:
                base = base * base
        return result

    def _is_one_const(self) -> bool:
        return self.op == "const" and self.shape == () and self.value == 1

    def __rpow__(self, other):
        raise InputError("a state-dependent exponent is not polynomial and is not supported")

    # -- operations that have no polynomial meaning ---------------------------
    def __bool__(self):
        raise InputError("a symbolic value cannot be used in a condition: the field must be "
                         "a fixed polynomial expression")

    def __float__(self):
        raise InputError("a symbolic value cannot be converted to float inside the field")

    def __getitem__(self, key):
        raise InputError("indexing a state inside the field is not supported")

    def __abs__(self):
        raise InputError("abs() is not polynomial and is not supported")


def tr(x: Any):
    """Trace: symbolic for a :class:`Node`, ``np.trace`` for anything else."""
    if isinstance(x, Node):
        if x.shape == () or x.shape[0] != x.shape[1]:
            raise InputError(f"trace of a {_fmt_shape(x.shape)}: needs a square matrix")
        if x.op == "matmul":  # tr(A @ B) = tr(B @ A): fused, computed with the smaller product
            return Node("trmm", x.args, ())
        return Node("tr", (x,), ())
    return np.trace(x)


# ----------------------------------------------------------------------------
# compiled DAG
# ----------------------------------------------------------------------------


@dataclass
class _Program:
    """The field as a topologically ordered list of operations on indices."""

    ops: list  # (op, arg indices) per node
    shapes: list
    const: list  # bool per node
    values: list  # constant payloads (mpf / mpmath.matrix) for "const" nodes
    state_index: dict  # state name -> node index
    out_index: dict  # state name -> index of its derivative node


def _compile(states: dict, outputs: dict) -> _Program:
    """Topologically order the nodes reachable from the outputs, merging
    structurally identical subexpressions."""
    ops, shapes, const, values = [], [], [], []
    index: dict[int, int] = {}  # id(node) -> position
    keyed: dict[tuple, int] = {}

    def add(node: Node) -> int:
        key = None
        args = tuple(index[id(a)] for a in node.args)
        if node.op == "state":
            key = ("state", node.name)
        elif node.op != "const":
            key = (node.op, args)
        if key is not None and key in keyed:
            return keyed[key]
        ops.append((node.op, args))
        shapes.append(node.shape)
        const.append(node.const)
        values.append(node.value)
        pos = len(ops) - 1
        if key is not None:
            keyed[key] = pos
        return pos

    def visit(root: Node) -> int:
        stack = [(root, False)]
        while stack:  # iterative post-order: deep expressions do not hit the recursion limit
            node, done = stack.pop()
            if id(node) in index:
                continue
            if done:
                index[id(node)] = add(node)
            else:
                stack.append((node, True))
                stack.extend((a, False) for a in node.args if id(a) not in index)
        return index[id(root)]

    state_index = {name: visit(node) for name, node in states.items()}
    out_index = {name: visit(node) for name, node in outputs.items()}
    return _Program(ops, shapes, const, values, state_index, out_index)


def _build_program(field: Callable, shapes: dict, params: dict) -> _Program:
    """Call the field once with symbolic nodes and compile the result."""
    states = {name: Node("state", (), shape, name=name) for name, shape in shapes.items()}
    pnodes = {name: Node("const", (), _shape_of(v), value=v) for name, v in params.items()}
    try:
        out = field(states, pnodes)
    except InputError:
        raise
    except (TypeError, AttributeError) as exc:
        raise InputError(
            "the field uses an operation that is not supported on symbolic values (only +, -, "
            "*, @, .T, tr(), integer powers of scalars and division by constants): "
            f"{type(exc).__name__}: {exc}") from None
    outputs = {name: Node.wrap(out[name]) for name in shapes}
    for name, node in outputs.items():
        if node.shape != shapes[name]:
            raise InputError(f"field returns a {_fmt_shape(node.shape)} for state {name!r}, "
                             f"which is a {_fmt_shape(shapes[name])}")
    return _compile(states, outputs)


# ----------------------------------------------------------------------------
# arithmetic backends
# ----------------------------------------------------------------------------


def _log2_abs_mpf(v) -> float:
    """log2 |v| of an mpf as a float (-inf for zero); never overflows."""
    sign, man, exp, bc = v._mpf_
    return -math.inf if man == 0 else math.log2(man) + exp


class _MpmathBackend:
    """mpf scalars and mpmath.matrix matrices at the working precision."""

    name = "mpmath"

    def __init__(self, bits: int):
        self.bits = bits

    @contextmanager
    def precision(self):
        with mpmath.workprec(self.bits):
            yield

    def convert(self, v):
        return +v if not isinstance(v, mpmath.matrix) else v.copy()

    def scalar(self, v):
        return +v

    def zeros(self, shape):
        return mpmath.mpf(0) if shape == () else mpmath.zeros(*shape)

    @staticmethod
    def add(a, b):
        return a + b

    @staticmethod
    def sub(a, b):
        return a - b

    @staticmethod
    def neg(a):
        return -a

    @staticmethod
    def mul(a, b):
        return a * b

    @staticmethod
    def matmul(a, b):
        return a * b

    @staticmethod
    def transpose(a):
        return a.T

    @staticmethod
    def trace(a):
        return mpmath.fsum(a[i, i] for i in range(a.rows))

    @staticmethod
    def recip(a):
        return 1 / a

    @staticmethod
    def div_int(a, k):
        return a / k

    @staticmethod
    def mid(a):
        return a

    def log2norm(self, a) -> float:
        """log2 of the Frobenius norm (of |a| for a scalar)."""
        if isinstance(a, mpmath.matrix):
            s = mpmath.fsum(a[i, j] ** 2 for i in range(a.rows) for j in range(a.cols))
            return 0.5 * _log2_abs_mpf(s)
        return _log2_abs_mpf(a)

    @staticmethod
    def to_mpmath(a):
        """Round to the current mpmath precision (``+x`` rounds an mpf)."""
        if isinstance(a, mpmath.matrix):
            return mpmath.matrix([[+a[i, j] for j in range(a.cols)] for i in range(a.rows)])
        return +a


class _FlintBackend:
    """python-flint arb / arb_mat at the working precision; radii are dropped
    (midpoints kept) after every step, so this is plain multiprecision
    floating point computed by a fast library, not a rigorous enclosure."""

    name = "flint"

    def __init__(self, bits: int):
        self.bits = bits

    @contextmanager
    def precision(self):
        old = flint.ctx.prec
        flint.ctx.prec = self.bits
        try:
            with mpmath.workprec(self.bits):
                yield
        finally:
            flint.ctx.prec = old

    @staticmethod
    def _arb(v):
        """An mpf as an exact arb."""
        sign, man, exp, bc = v._mpf_
        return flint.arb((-man if sign else man, exp))

    def convert(self, v):
        if isinstance(v, mpmath.matrix):
            return flint.arb_mat([[self._arb(v[i, j]) for j in range(v.cols)]
                                  for i in range(v.rows)])
        return self._arb(v)

    scalar = convert

    def zeros(self, shape):
        return flint.arb(0) if shape == () else flint.arb_mat(*shape)

    @staticmethod
    def add(a, b):
        return a + b

    @staticmethod
    def sub(a, b):
        return a - b

    @staticmethod
    def neg(a):
        return -a

    @staticmethod
    def mul(a, b):
        return a * b

    @staticmethod
    def matmul(a, b):
        return a * b

    @staticmethod
    def transpose(a):
        return a.transpose()

    @staticmethod
    def trace(a):
        return a.trace()

    @staticmethod
    def recip(a):
        return 1 / a

    @staticmethod
    def div_int(a, k):
        return a / k

    @staticmethod
    def mid(a):
        return a.mid()

    def log2norm(self, a) -> float:
        """log2 of the Frobenius norm (of |a| for a scalar), from midpoints."""
        if isinstance(a, flint.arb_mat):
            m, n = a.nrows(), a.ncols()
            at = a.transpose()
            gram = at * a if m >= n else a * at
            return 0.5 * self._log2_abs(gram.trace())
        return self._log2_abs(a)

    @staticmethod
    def _log2_abs(x) -> float:
        if not x.is_finite():
            return math.nan
        man, exp = x.mid().man_exp()
        return -math.inf if man == 0 else math.log2(abs(int(man))) + int(exp)

    @staticmethod
    def to_mpmath(a):
        if isinstance(a, flint.arb_mat):
            return mpmath.matrix([[mpmath.mpf(e.mid()) for e in row] for row in a.tolist()])
        return mpmath.mpf(a.mid())


def _make_backend(name: str, bits: int):
    if name not in ("flint", "mpmath"):
        raise InputError(f"backend must be 'flint' or 'mpmath', got {name!r}")
    if name == "flint" and flint is not None:
        return _FlintBackend(bits)
    return _MpmathBackend(bits)


# ----------------------------------------------------------------------------
# Taylor engine
# ----------------------------------------------------------------------------


class _Taylor:
    """Taylor coefficients of the solution through a compiled program."""

    def __init__(self, prog: _Program, backend):
        self.prog = prog
        self.be = backend
        self.n = len(prog.ops)
        self.const_values = self._eval_constants()
        self.dynamic = [i for i, (op, _) in enumerate(prog.ops)
                        if not prog.const[i] and op != "state"]

    def _eval_constants(self) -> dict:
        """Constant subexpressions, evaluated once in the backend."""
        vals = {}
        for i, (op, args) in enumerate(self.prog.ops):
            if not self.prog.const[i]:
                continue
            if op == "const":
                vals[i] = self.be.convert(self.prog.values[i])
            else:
                vals[i] = self._apply0(op, [vals[a] for a in args])
        return vals

    def _apply0(self, op: str, x: list):
        be = self.be
        if op == "add":
            return be.add(x[0], x[1])
        if op == "sub":
            return be.sub(x[0], x[1])
        if op == "neg":
            return be.neg(x[0])
        if op == "mul":
            return be.mul(x[0], x[1])
        if op == "matmul":
            return be.matmul(x[0], x[1])
        if op == "T":
            return be.transpose(x[0])
        if op == "tr":
            return be.trace(x[0])
        if op == "trmm":
            return be.trace(be.matmul(x[0], x[1]))
        if op == "recip":
            if self.be.log2norm(x[0]) == -math.inf:
                raise InputError("division by a constant that evaluates to zero")
            return be.recip(x[0])
        raise AssertionError(op)

    def coefficients(self, x0: dict, order: int) -> dict:
        """Coefficients 0..order of each state's Taylor series at the point x0.

        Each node keeps the list of its coefficients; ``None`` is an exact
        zero, and a constant node's list has only its value (order 0)."""
        prog, be = self.prog, self.be
        coef: list[list] = [[] for _ in range(self.n)]
        for i, v in self.const_values.items():
            coef[i] = [v]
        for name, i in prog.state_index.items():
            coef[i] = [x0[name]]
        states = [(i, prog.out_index[name], prog.shapes[i]) for name, i in prog.state_index.items()]
        mid = be.mid
        for k in range(order):
            for i in self.dynamic:
                c = self._coeff(i, k, coef)
                coef[i].append(None if c is None else mid(c))
            for i, out, shape in states:
                d = coef[out][k] if k < len(coef[out]) else None
                coef[i].append(be.zeros(shape) if d is None else mid(be.div_int(d, k + 1)))
        return {name: coef[i] for name, i in prog.state_index.items()}

    def _coeff(self, i: int, k: int, coef: list):
        """k-th Taylor coefficient of node i from its children's coefficients."""
        op, args = self.prog.ops[i]
        be = self.be
        if op == "mul":
            return self._cauchy(args, k, coef, be.mul)
        if op == "matmul":
            return self._cauchy(args, k, coef, be.matmul)
        if op == "trmm":
            a, b = args
            rows, inner = self.prog.shapes[a]
            if inner < rows:  # tr(A @ B) = tr(B @ A), and B @ A is the smaller product
                s = self._cauchy((b, a), k, coef, be.matmul)
            else:
                s = self._cauchy(args, k, coef, be.matmul)
            return None if s is None else be.trace(s)
        xs = [coef[a][k] if k < len(coef[a]) else None for a in args]
        if op == "add":
            return _add_opt(be, xs[0], xs[1])
        if op == "sub":
            if xs[1] is None:
                return xs[0]
            return be.neg(xs[1]) if xs[0] is None else be.sub(xs[0], xs[1])
        if xs[0] is None:
            return None
        if op == "neg":
            return be.neg(xs[0])
        if op == "T":
            return be.transpose(xs[0])
        if op == "tr":
            return be.trace(xs[0])
        raise AssertionError(op)  # recip nodes are always constant

    def _cauchy(self, args, k: int, coef: list, mul):
        """sum_{j=0..k} a_j * b_{k-j}, skipping exact zeros and the (zero)
        higher coefficients of constants."""
        a, b = args
        ca, cb = coef[a], coef[b]
        if self.prog.const[a]:
            pairs = ((0, k),)
        elif self.prog.const[b]:
            pairs = ((k, 0),)
        else:
            pairs = ((j, k - j) for j in range(k + 1))
        total = None
        add = self.be.add
        for ja, jb in pairs:
            if ja >= len(ca) or jb >= len(cb):
                continue
            x, y = ca[ja], cb[jb]
            if x is None or y is None:
                continue
            term = mul(x, y)
            total = term if total is None else add(total, term)
        return total


def _add_opt(be, x, y):
    """x + y where None stands for zero."""
    if x is None:
        return y
    if y is None:
        return x
    return be.add(x, y)


def _log2_step(be, coeffs: dict, order: int, log2_rtol: float) -> float:
    """log2 of the Jorba-Zou step size, relative to each state block's norm.

    For each block, h_b = min over j in {K-1, K} of (rtol * |x_b| / |c_j|)^(1/j),
    with |x_b| floored at 2**LOG2_TINY.  If both of a block's top coefficients
    vanish, the two highest non-zero ones of order >= K/2 are used; a block with
    none is unconstrained (its series is a polynomial to the order computed).
    Returns +inf when no block constrains the step, nan on non-finite values."""
    best = math.inf
    for cs in coeffs.values():
        lx = max(be.log2norm(cs[0]), LOG2_TINY)
        if math.isnan(lx):
            return math.nan
        used = 0
        for j in range(order, max(order // 2, 1) - 1, -1):
            lc = be.log2norm(cs[j])
            if math.isnan(lc):
                return math.nan
            if lc == -math.inf:
                continue
            best = min(best, (log2_rtol + lx - lc) / j)
            used += 1
            if used == 2:
                break
    return best + math.log2(SAFETY)


# ----------------------------------------------------------------------------
# results
# ----------------------------------------------------------------------------


@dataclass
class OdeResult:
    """Result of :func:`integrate` or :func:`dop853`, after solve_ivp's OdeResult.

    ``y[name][i]`` is the state ``name`` at ``t[i]``: an mpmath mpf (scalar) or
    mpmath.matrix for :func:`integrate`, a float or numpy array for
    :func:`dop853`.  On failure ``t`` and ``y`` hold the output times reached."""

    status: int
    message: str
    t: list
    y: dict
    nsteps: int | None
    order: int
    sol: Callable | None = None
    nfev: int | None = None
    backend: str = ""
    dps: int | None = None

    @property
    def success(self) -> bool:
        return self.status == 0


@dataclass
class _Segment:
    t0: Any  # mpf
    h: Any  # mpf
    coeffs: dict


@dataclass
class DenseOutput:
    """Continuous solution: ``sol(t)`` evaluates the Taylor polynomial of the
    step containing ``t`` and returns ``{name: mpf or mpmath.matrix}`` at dps."""

    backend: Any
    dps: int
    y0: dict
    segments: list = dc_field(default_factory=list)

    @property
    def t_max(self):
        return self.segments[-1].t0 + self.segments[-1].h if self.segments else mpmath.mpf(0)

    def __call__(self, t) -> dict:
        be = self.backend
        with be.precision():
            tt = _to_mpf(t, "sol(t)")
            if tt < 0 or tt > self.t_max:
                raise InputError(f"sol(t): t={t} is outside the integrated range [0, {self.t_max}]")
            if not self.segments:
                return _export(be, self.y0, self.dps)
            starts = [s.t0 for s in self.segments]
            seg = self.segments[max(bisect.bisect_right(starts, tt) - 1, 0)]
            hh = be.scalar(tt - seg.t0)
            values = {name: _horner(be, cs, hh) for name, cs in seg.coeffs.items()}
            return _export(be, values, self.dps)


def _horner(be, cs: list, h):
    """sum_j cs[j] h^j."""
    acc = cs[-1]
    for c in reversed(cs[:-1]):
        acc = be.add(be.mul(acc, h), c)
    return acc


def _export(be, values: dict, dps: int) -> dict:
    """Backend values as mpmath values rounded to dps digits."""
    with mpmath.workdps(dps):
        return {name: be.to_mpmath(v) for name, v in values.items()}


# ----------------------------------------------------------------------------
# input validation shared by integrate and dop853
# ----------------------------------------------------------------------------


def _convert_dict(d: Any, what: str) -> dict:
    if d is None:
        return {}
    if not isinstance(d, dict):
        raise InputError(f"{what} must be a dict name -> value, got {type(d).__name__}")
    return {name: _to_value(v, f"{what}[{name!r}]") for name, v in d.items()}


def _convert_times(t_eval: Any) -> list:
    """Output times as mpf: non-empty, finite, >= 0 and strictly increasing."""
    if isinstance(t_eval, np.ndarray):
        if t_eval.ndim > 1:
            raise InputError(f"t_eval must be 1-D, got shape {t_eval.shape}")
        t_eval = list(t_eval.reshape(-1))
    elif not isinstance(t_eval, (list, tuple)):
        t_eval = [t_eval]
    if len(t_eval) == 0:
        raise InputError("t_eval is empty")
    ts = [_to_mpf(t, f"t_eval[{i}]") for i, t in enumerate(t_eval)]
    if ts[0] < 0:
        raise InputError(f"t_eval must be >= 0 (integration starts at t=0), got {t_eval[0]}")
    for i in range(1, len(ts)):
        if not ts[i] > ts[i - 1]:
            raise InputError(f"t_eval must be strictly increasing: t_eval[{i}]={t_eval[i]} "
                             f"follows t_eval[{i - 1}]={t_eval[i - 1]}")
    return ts


def _check_field_numpy(field: Callable, y0: dict, params: dict) -> None:
    """Call the field with numpy zeros of the y0 shapes: it must run and
    return the same names with the same shapes."""
    s = {name: (np.zeros(_shape_of(v)) if _shape_of(v) else np.float64(0.0))
         for name, v in y0.items()}
    p = {name: _to_numpy(v) for name, v in params.items()}
    try:
        with np.errstate(all="ignore"):  # zeros may divide by zero; the symbolic pass decides
            out = field(s, p)
    except InputError:
        raise
    except Exception as exc:  # the user's field: report whatever it raised
        raise InputError(f"the field fails on numpy zeros of the y0 shapes "
                         f"({ {k: np.shape(v) for k, v in s.items()} }): "
                         f"{type(exc).__name__}: {exc}") from None
    if not isinstance(out, dict):
        raise InputError(f"the field must return a dict name -> derivative, got {type(out).__name__}")
    if set(out) != set(y0):
        raise InputError(f"the field returns keys {sorted(out)} but y0 has keys {sorted(y0)}")
    for name in y0:
        got, want = np.shape(out[name]), _shape_of(y0[name])
        if got != want:
            raise InputError(f"shape mismatch for state {name!r}: the field returns shape {got}, "
                             f"y0 has shape {want}")


def _prepare(field, y0, t_eval, params):
    """Convert and validate (at the current mpmath precision)."""
    if not callable(field):
        raise InputError("field must be a callable field(states, params) -> dict")
    if not isinstance(y0, dict) or not y0:
        raise InputError("y0 must be a non-empty dict name -> initial value")
    y0v = _convert_dict(y0, "y0")
    pv = _convert_dict(params, "params")
    ts = _convert_times(t_eval)
    _check_field_numpy(field, y0v, pv)
    return y0v, pv, ts


# ----------------------------------------------------------------------------
# public API
# ----------------------------------------------------------------------------


def integrate(field: Callable, y0: dict, t_eval, params: dict | None = None, dps: int = 30,
              rtol=None, order: int | None = None, backend: str = "flint",
              max_steps: int = 100000) -> OdeResult:
    """Integrate y' = field(y, params) from t=0 with a high-order Taylor method.

    ``field(s, p)`` must be polynomial in the states (see the module docstring).
    Values in ``y0`` and ``params`` may be mpmath/numpy/sympy matrices, nested
    lists, or scalars (int, float, mpf, Fraction, sympy numbers); floats and
    integers convert exactly.  ``t_eval`` must be strictly increasing and >= 0.

    The working precision is ``dps`` digits plus GUARD_BITS bits; the Taylor
    order defaults to ceil(1.15*dps)+4 and the per-block relative tolerance to
    10**-(dps+3).  Returns an :class:`OdeResult` whose values are rounded to
    ``dps`` digits, with ``sol`` the dense output."""
    if not isinstance(dps, numbers.Integral) or dps < 15:
        raise InputError(f"dps must be an integer >= 15, got {dps!r}")
    dps = int(dps)
    if order is None:
        order = math.ceil(1.15 * dps) + 4
    if not isinstance(order, numbers.Integral) or order < 4:
        raise InputError(f"order must be an integer >= 4, got {order!r}")
    if not isinstance(max_steps, numbers.Integral) or max_steps < 1:
        raise InputError(f"max_steps must be a positive integer, got {max_steps!r}")
    bits = math.ceil(dps * _LOG2_10) + GUARD_BITS
    be = _make_backend(backend, bits)
    note = "" if be.name == backend else " (python-flint unavailable: used the mpmath backend)"

    with be.precision():
        log2_rtol = _log2_rtol(rtol, dps)
        y0v, pv, ts = _prepare(field, y0, t_eval, params)
        prog = _build_program(field, {k: _shape_of(v) for k, v in y0v.items()}, pv)
        taylor = _Taylor(prog, be)
        x = {name: be.convert(v) for name, v in y0v.items()}
        dense = DenseOutput(be, dps, dict(x))
        status, message, nsteps, ys = _march(taylor, be, x, ts, int(order), log2_rtol,
                                             int(max_steps), dense)
    with mpmath.workdps(dps):
        t_out = [+t for t in ts[:len(ys)]]
    y_out = {name: [v[name] for v in ys] for name in y0v}
    return OdeResult(status, message + note, t_out, y_out, nsteps, int(order), dense,
                     backend=be.name, dps=dps)


def _log2_rtol(rtol, dps: int) -> float:
    if rtol is None:
        return -(dps + 3) * _LOG2_10
    r = _to_mpf(rtol, "rtol")
    if not 0 < r < 1:
        raise InputError(f"rtol must be in (0, 1), got {rtol!r}")
    return float(mpmath.log(r, 2))


def _march(taylor: _Taylor, be, x: dict, ts: list, order: int, log2_rtol: float,
           max_steps: int, dense: DenseOutput):
    """Step from t=0 through every output time; returns (status, message,
    nsteps, outputs) where outputs are exported dicts for the times reached."""
    t = mpmath.mpf(0)
    nsteps, ys = 0, []
    for target in ts:
        while t < target:
            if nsteps >= max_steps:
                return -1, f"max_steps={max_steps} reached at t={mpmath.nstr(t, 10)}", nsteps, ys
            coeffs = taylor.coefficients(x, order)
            lh = _log2_step(be, coeffs, order, log2_rtol)
            if math.isnan(lh):
                return -1, f"non-finite Taylor coefficients at t={mpmath.nstr(t, 10)}", nsteps, ys
            remaining = target - t
            h = remaining if lh > 1e6 else min(mpmath.mpf(2) ** lh, remaining)
            if h <= 0 or h < mpmath.ldexp(t, -(be.bits - 16)):  # t + h no longer moves
                return -1, (f"step size underflow at t={mpmath.nstr(t, 10)} "
                            "(the solution may blow up there)"), nsteps, ys
            x = {name: be.mid(_horner(be, cs, be.scalar(h))) for name, cs in coeffs.items()}
            dense.segments.append(_Segment(t, h, coeffs))
            t = target if h == remaining else t + h
            nsteps += 1
        ys.append(_export(be, x, dense.dps))
    return 0, f"success: {nsteps} Taylor steps of order {order}", nsteps, ys


def dop853(field: Callable, y0: dict, t_eval, params: dict | None = None,
           rtol: float = 1e-13, atol: float = 1e-15) -> OdeResult:
    """Float64 cross-check of :func:`integrate` with scipy's DOP853.

    Same field, inputs and result type; values are floats (scalar states) or
    numpy arrays (matrix states)."""
    from scipy.integrate import solve_ivp

    with mpmath.workprec(53):
        y0v, pv, ts = _prepare(field, y0, t_eval, params)
    names = list(y0v)
    shapes = {k: _shape_of(v) for k, v in y0v.items()}
    sizes = [int(np.prod(shapes[k])) if shapes[k] else 1 for k in names]
    splits = np.cumsum(sizes)[:-1]
    p = {k: _to_numpy(v) for k, v in pv.items()}
    z0 = np.concatenate([np.ravel(_to_numpy(y0v[k])) for k in names])
    t_np = np.array([float(t) for t in ts])

    def unflatten(z):
        parts = np.split(z, splits)
        return {k: (float(part[0]) if not shapes[k] else part.reshape(shapes[k]))
                for k, part in zip(names, parts)}

    def rhs(t, z):
        out = field(unflatten(z), p)
        return np.concatenate([np.ravel(np.asarray(out[k], dtype=float)) for k in names])

    if t_np[-1] == 0:
        zs, status, message, nfev = [z0], 0, "t_eval is [0]: nothing to integrate", 0
    else:
        sol = solve_ivp(rhs, (0.0, float(t_np[-1])), z0, method="DOP853", t_eval=t_np,
                        rtol=rtol, atol=atol, dense_output=False)
        zs = [sol.y[:, i] for i in range(sol.y.shape[1])]
        status, message, nfev = (0 if sol.status == 0 else -1), sol.message, sol.nfev
    states = [unflatten(z) for z in zs]
    y = {k: [s[k] for s in states] for k in names}
    return OdeResult(status, message, list(t_np[:len(zs)]), y, None, 8, None, nfev=nfev,
                     backend="scipy-DOP853")


# ----------------------------------------------------------------------------
# agreement in digits
# ----------------------------------------------------------------------------


def _entries(x: Any) -> tuple[list, tuple]:
    """Flat list of entries and a shape for a scalar, mpmath matrix, numpy
    array, nested list or flint arb / arb_mat."""
    if flint is not None and isinstance(x, flint.arb_mat):
        rows = x.tolist()
        return [mpmath.mpf(e.mid()) for r in rows for e in r], (x.nrows(), x.ncols())
    if flint is not None and isinstance(x, flint.arb):
        return [mpmath.mpf(x.mid())], ()
    if isinstance(x, mpmath.matrix):
        return [x[i, j] for i in range(x.rows) for j in range(x.cols)], (x.rows, x.cols)
    if isinstance(x, (list, tuple, np.ndarray)):
        arr = np.asarray(x, dtype=object)
        return list(arr.reshape(-1)), arr.shape
    return [x], ()


def digits(a: Any, b: Any) -> float:
    """Digits of agreement of ``a`` with the reference ``b``.

    -log10(max|a - b| / max(max|b|, 1e-300)) over all entries; +inf when the
    values are equal, -inf when any entry is non-finite.  Accepts mpf, mpmath
    matrices, numpy arrays, nested lists and scalars (entries convert exactly)."""
    ea, sa = _entries(a)
    eb, sb = _entries(b)
    if sa != sb:
        raise InputError(f"digits: shapes differ: {sa} vs {sb}")
    with mpmath.workprec(max(mpmath.mp.prec, 1024)):
        try:
            va = [_to_mpf(e, "digits") for e in ea]
            vb = [_to_mpf(e, "digits") for e in eb]
        except InputError as exc:
            if "non-finite" in str(exc):
                return -math.inf
            raise
        diff = max((abs(x - y) for x, y in zip(va, vb)), default=mpmath.mpf(0))
        if diff == 0:
            return math.inf
        scale = max(max((abs(y) for y in vb), default=mpmath.mpf(0)), mpmath.mpf("1e-300"))
        return float(-mpmath.log10(diff / scale))
