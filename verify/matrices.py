"""Random and structured test matrices, spectra, and hypothesis strategies.

Three groups, all paper-agnostic:

* numpy generators that take an explicit ``np.random.Generator`` (get one
  from ``ctx.rng(tag)``): :func:`gaussian`, :func:`low_rank`,
  :func:`haar_orthogonal`, :func:`psd`, :func:`with_singular_values`,
  :func:`aligned_pair`, :func:`lora_init`, :func:`spectral_init`;
* spectra (1-D arrays of singular values, descending unless stated):
  :func:`distinct`, :func:`clustered`, :func:`with_zeros`, :func:`with_tie`;
* hypothesis strategies (``st_*``) for small matrices, built from bounded,
  finite ``floats``/``integers`` strategies so that hypothesis can shrink a
  counterexample towards zeros, identities and small sizes.

Bad arguments raise :class:`~verify.errors.InputError`.
"""
from __future__ import annotations

import math
from typing import Sequence

import numpy as np
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from .errors import InputError, require

__all__ = [
    "gaussian", "low_rank", "haar_orthogonal", "psd", "with_singular_values", "aligned_pair",
    "lora_init", "spectral_init", "distinct", "clustered", "with_zeros", "with_tie",
    "st_elements", "st_shape", "st_matrix", "st_matmul_pair", "st_low_rank", "st_orthogonal",
    "st_psd", "st_spectrum", "st_with_singular_values", "st_aligned_pair", "st_lora",
]


# --------------------------------------------------------------------------- validation

def _size(name: str, value: object, minimum: int = 0) -> int:
    require(isinstance(value, (int, np.integer)) and not isinstance(value, bool),
            f"{name} must be an integer, got {value!r}")
    require(value >= minimum, f"{name} must be >= {minimum}, got {value}")
    return int(value)


def _scale(name: str, value: object, *, positive: bool = False) -> float:
    try:
        v = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise InputError(f"{name} must be a real number, got {value!r}") from None
    require(math.isfinite(v), f"{name} must be finite, got {value!r}")
    require(v > 0 if positive else v >= 0, f"{name} must be {'>' if positive else '>='} 0, got {v}")
    return v


def _rng(rng: object) -> np.random.Generator:
    require(isinstance(rng, np.random.Generator),
            f"expected a numpy Generator (use ctx.rng(tag)), got {type(rng).__name__}")
    return rng  # type: ignore[return-value]


def _svals(svals: Sequence[float] | np.ndarray, name: str = "svals") -> np.ndarray:
    try:
        s = np.asarray(svals, dtype=float)
    except (TypeError, ValueError):
        raise InputError(f"{name} must be an array of real numbers") from None
    require(s.ndim == 1, f"{name} must be one-dimensional, got shape {s.shape}")
    require(bool(np.all(np.isfinite(s))), f"{name} must be finite")
    require(bool(np.all(s >= 0)), f"{name} must be non-negative")
    return s


# --------------------------------------------------------------------------- numpy generators

def gaussian(rng: np.random.Generator, shape: int | tuple[int, ...], scale: float = 1.0) -> np.ndarray:
    """Array of i.i.d. N(0, scale^2) entries."""
    shape = (shape,) if isinstance(shape, (int, np.integer)) else tuple(shape)
    dims = tuple(_size(f"shape[{i}]", d) for i, d in enumerate(shape))
    return _scale("scale", scale) * _rng(rng).standard_normal(dims)


def low_rank(rng: np.random.Generator, n: int, m: int, r: int, scale: float = 1.0) -> np.ndarray:
    """n x m matrix ``G1 @ G2 * scale / sqrt(r)`` of rank r (almost surely)."""
    n, m, r = _size("n", n), _size("m", m), _size("r", r)
    require(r <= min(n, m), f"rank r={r} exceeds min(n, m)={min(n, m)}")
    s = _scale("scale", scale)
    if r == 0:
        return np.zeros((n, m))
    return gaussian(rng, (n, r)) @ gaussian(rng, (r, m)) * (s / math.sqrt(r))


def haar_orthogonal(rng: np.random.Generator, n: int) -> np.ndarray:
    """n x n orthogonal matrix drawn from the Haar measure (QR with sign fix)."""
    n = _size("n", n, 1)
    q, r = np.linalg.qr(_rng(rng).standard_normal((n, n)))
    signs = np.sign(np.diag(r))
    signs[signs == 0] = 1.0
    return q * signs


def psd(rng: np.random.Generator, n: int, rank: int | None = None) -> np.ndarray:
    """Symmetric positive semidefinite ``G G^T / rank`` with G n x rank (default rank n)."""
    n = _size("n", n, 1)
    rank = n if rank is None else _size("rank", rank)
    require(rank <= n, f"rank={rank} exceeds n={n}")
    if rank == 0:
        return np.zeros((n, n))
    g = gaussian(rng, (n, rank))
    m = g @ g.T / rank
    return (m + m.T) / 2


def with_singular_values(rng: np.random.Generator, n: int, m: int, svals: Sequence[float] | np.ndarray
                         ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Matrix with prescribed singular values and Haar singular vectors.

    Returns ``(W, U, s, V)`` with ``W = U @ diag(s) @ V.T``; U is n x k and V is
    m x k with orthonormal columns, k = len(svals) <= min(n, m).  ``s`` keeps
    the given order, so ``U[:, i]`` belongs to ``svals[i]``.
    """
    n, m = _size("n", n, 1), _size("m", m, 1)
    s = _svals(svals)
    require(len(s) <= min(n, m), f"{len(s)} singular values do not fit a {n} x {m} matrix")
    u = haar_orthogonal(rng, n)[:, : len(s)]
    v = haar_orthogonal(rng, m)[:, : len(s)]
    return (u * s) @ v.T, u, s, v


def aligned_pair(rng: np.random.Generator, n: int, m: int, svals_a: Sequence[float] | np.ndarray,
                 svals_b: Sequence[float] | np.ndarray
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Two n x m matrices sharing singular vectors.

    Returns ``(A, B, U, V)`` with ``A = U diag(svals_a) V^T`` and
    ``B = U diag(svals_b) V^T`` (equal-length spectra).
    """
    sa, sb = _svals(svals_a, "svals_a"), _svals(svals_b, "svals_b")
    require(len(sa) == len(sb), f"spectra differ in length: {len(sa)} vs {len(sb)}")
    a, u, _, v = with_singular_values(rng, n, m, sa)
    return a, (u * sb) @ v.T, u, v


def lora_init(rng: np.random.Generator, n: int, m: int, r: int, alpha: float = 1.0
              ) -> tuple[np.ndarray, np.ndarray]:
    """Standard LoRA initialisation of ``delta W = B @ A`` (n x m).

    Returns ``(B, A)``: B = 0 (n x r) and A (r x m) with i.i.d. N(0, alpha^2) entries.
    """
    n, m, r = _size("n", n), _size("m", m), _size("r", r)
    require(r <= min(n, m), f"rank r={r} exceeds min(n, m)={min(n, m)}")
    return np.zeros((n, r)), gaussian(rng, (r, m), alpha)


def spectral_init(rng: np.random.Generator, U: np.ndarray, V: np.ndarray, r: int,
                  sigma: float | Sequence[float] | np.ndarray, *, rotate: bool = False
                  ) -> tuple[np.ndarray, np.ndarray]:
    """Balanced spectral initialisation from singular vectors.

    Returns ``(B, A)`` with ``B = U[:, :r] diag(sqrt(sigma))`` and
    ``A = diag(sqrt(sigma)) V[:, :r]^T``, so ``B @ A = U_r diag(sigma) V_r^T``;
    ``sigma`` is a scalar or r non-negative values.  With ``rotate=True`` a
    Haar rotation R drawn from ``rng`` gives ``(B R, R^T A)``: the same product
    in another gauge.
    """
    U, V = np.asarray(U, dtype=float), np.asarray(V, dtype=float)
    require(U.ndim == 2 and V.ndim == 2, "U and V must be matrices")
    r = _size("r", r)
    require(r <= min(U.shape[1], V.shape[1]), f"r={r} exceeds the available singular vectors")
    sig = _svals(np.atleast_1d(sigma), "sigma")
    if np.ndim(sigma) == 0:
        sig = np.full(r, sig[0])
    require(len(sig) == r, f"sigma has {len(sig)} values, expected {r}")
    root = np.sqrt(sig)
    b, a = U[:, :r] * root, root[:, None] * V[:, :r].T
    if rotate and r > 0:
        q = haar_orthogonal(rng, r)
        b, a = b @ q, q.T @ a
    return b, a


# --------------------------------------------------------------------------- spectra

def distinct(gaps: Sequence[float], smallest: float = 1.0) -> np.ndarray:
    """Descending spectrum with prescribed positive gaps ``s[i] - s[i+1] = gaps[i]``.

    Length ``len(gaps) + 1``; the last value is ``smallest``.
    """
    g = _svals(gaps, "gaps")
    require(bool(np.all(g > 0)), "gaps must be positive")
    low = _scale("smallest", smallest)
    return low + np.concatenate([np.cumsum(g[::-1])[::-1], [0.0]])


def clustered(centers: Sequence[float], size: int, width: float = 1e-3) -> np.ndarray:
    """Descending spectrum with ``size`` values spread evenly in ``c*(1 +- width)`` per center."""
    c = _svals(centers, "centers")
    size = _size("size", size, 1)
    w = _scale("width", width)
    require(w < 1, f"width must be < 1, got {w}")
    offs = np.linspace(-w, w, size) if size > 1 else np.zeros(1)
    return np.sort((c[:, None] * (1 + offs[None, :])).ravel())[::-1]


def with_zeros(svals: Sequence[float] | np.ndarray, k: int) -> np.ndarray:
    """``svals`` followed by k exact zeros."""
    return np.concatenate([_svals(svals), np.zeros(_size("k", k))])


def with_tie(svals: Sequence[float] | np.ndarray, index: int, multiplicity: int = 2) -> np.ndarray:
    """Copy of ``svals`` where ``s[index]`` is repeated exactly ``multiplicity`` times
    (overwriting the following entries); a descending spectrum stays descending."""
    s = _svals(svals).copy()
    index, multiplicity = _size("index", index), _size("multiplicity", multiplicity, 1)
    require(index + multiplicity <= len(s), f"tie of {multiplicity} at {index} does not fit {len(s)} values")
    s[index: index + multiplicity] = s[index]
    return s


# --------------------------------------------------------------------------- hypothesis strategies

def _int_or(value: int | SearchStrategy[int], name: str, minimum: int = 0) -> SearchStrategy[int]:
    return value if isinstance(value, SearchStrategy) else st.just(_size(name, value, minimum))


def st_elements(scale: float = 1.0) -> SearchStrategy[float]:
    """Finite floats in [-scale, scale] (no NaN, inf or subnormals); shrink towards 0."""
    s = _scale("scale", scale, positive=True)
    return st.floats(-s, s, allow_nan=False, allow_infinity=False, allow_subnormal=False)


def st_shape(max_n: int = 4, *, min_n: int = 1) -> SearchStrategy[tuple[int, int]]:
    """Matrix shapes (n, m) with min_n <= n, m <= max_n; shrink towards small."""
    lo, hi = _size("min_n", min_n), _size("max_n", max_n, 1)
    require(lo <= hi, f"min_n={lo} exceeds max_n={hi}")
    return st.tuples(st.integers(lo, hi), st.integers(lo, hi))


def st_matrix(shape: tuple[int, int] | SearchStrategy[tuple[int, int]], scale: float = 1.0, *,
              elements: SearchStrategy[float] | None = None) -> SearchStrategy[np.ndarray]:
    """float64 matrices of a fixed shape (or a strategy of shapes)."""
    if isinstance(shape, SearchStrategy):
        return shape.flatmap(lambda sh: st_matrix(sh, scale, elements=elements))
    require(len(shape) == 2, f"shape must be (n, m), got {shape!r}")
    n, m = _size("n", shape[0]), _size("m", shape[1])
    el = st_elements(scale) if elements is None else elements
    return st.lists(el, min_size=n * m, max_size=n * m).map(
        lambda xs: np.array(xs, dtype=float).reshape(n, m))


def st_matmul_pair(max_n: int = 4, scale: float = 1.0) -> SearchStrategy[tuple[np.ndarray, np.ndarray]]:
    """Pairs (A, B) with A n x k and B k x m, all sizes in [1, max_n]."""
    dims = st.tuples(*(st.integers(1, _size("max_n", max_n, 1)),) * 3)
    return dims.flatmap(lambda d: st.tuples(st_matrix((d[0], d[1]), scale), st_matrix((d[1], d[2]), scale)))


@st.composite
def st_low_rank(draw, max_n: int = 4, max_rank: int | None = None, scale: float = 1.0) -> np.ndarray:
    """Matrices ``B @ A`` of rank at most r <= max_rank (B n x r, A r x m)."""
    n, m = draw(st_shape(max_n))
    cap = min(n, m) if max_rank is None else min(n, m, _size("max_rank", max_rank, 1))
    r = draw(st.integers(1, cap))
    return draw(st_matrix((n, r), scale)) @ draw(st_matrix((r, m), scale))


@st.composite
def st_orthogonal(draw, n: int | SearchStrategy[int] = st.integers(1, 4)) -> np.ndarray:
    """Orthogonal n x n matrices: a product of Givens rotations (angles shrink to
    0, i.e. to the identity) times an optional reflection."""
    size = draw(_int_or(n, "n", 1))
    q = np.eye(size)
    for i in range(size):
        for j in range(i + 1, size):
            t = draw(st.floats(-math.pi, math.pi, allow_nan=False, allow_subnormal=False))
            c, s = math.cos(t), math.sin(t)
            g = np.eye(size)
            g[i, i], g[j, j], g[i, j], g[j, i] = c, c, -s, s
            q = q @ g
    if draw(st.booleans()):
        q[:, 0] = -q[:, 0]
    return q


@st.composite
def st_psd(draw, max_n: int = 4, max_rank: int | None = None, scale: float = 1.0, *,
           n: int | None = None) -> np.ndarray:
    """Symmetric PSD matrices ``G G^T`` with G n x r, r <= max_rank (n fixed if given)."""
    n = draw(st.integers(1, _size("max_n", max_n, 1))) if n is None else _size("n", n, 1)
    r = draw(st.integers(1, n if max_rank is None else min(n, _size("max_rank", max_rank, 1))))
    g = draw(st_matrix((n, r), scale))
    m = g @ g.T
    return (m + m.T) / 2


def st_spectrum(k: int | SearchStrategy[int], max_value: float = 10.0, min_value: float = 0.0
                ) -> SearchStrategy[np.ndarray]:
    """Descending arrays of k singular values in [min_value, max_value]."""
    lo, hi = _scale("min_value", min_value), _scale("max_value", max_value, positive=True)
    require(lo <= hi, f"min_value={lo} exceeds max_value={hi}")
    el = st.floats(lo, hi, allow_nan=False, allow_infinity=False, allow_subnormal=False)
    return _int_or(k, "k").flatmap(
        lambda size: st.lists(el, min_size=size, max_size=size).map(lambda xs: np.sort(np.array(xs, dtype=float))[::-1].copy()))


@st.composite
def st_with_singular_values(draw, max_n: int = 4, max_value: float = 10.0
                            ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``(W, U, s, V)`` with ``W = U diag(s) V^T``, k = min(n, m) descending values."""
    n, m = draw(st_shape(max_n))
    k = min(n, m)
    s = draw(st_spectrum(k, max_value))
    u = draw(st_orthogonal(n))[:, :k]
    v = draw(st_orthogonal(m))[:, :k]
    return (u * s) @ v.T, u, s, v


@st.composite
def st_aligned_pair(draw, max_n: int = 4, max_value: float = 10.0
                    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``(A, B, U, V)``: two matrices sharing singular vectors U, V."""
    a, u, s, v = draw(st_with_singular_values(max_n, max_value))
    sb = draw(st_spectrum(len(s), max_value))
    return a, (u * sb) @ v.T, u, v


@st.composite
def st_lora(draw, max_n: int = 4, max_r: int = 2, scale: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    """LoRA factors ``(B, A)``, B n x r and A r x m, r <= min(n, m, max_r)."""
    n, m = draw(st_shape(max_n))
    r = draw(st.integers(1, min(n, m, _size("max_r", max_r, 1))))
    return draw(st_matrix((n, r), scale)), draw(st_matrix((r, m), scale))
