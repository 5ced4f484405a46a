"""Generators, spectra and strategies in verify.matrices: shapes, structure, input validation."""
import math

import numpy as np
import pytest
from hypothesis import given, settings

from verify import matrices as mx
from verify.errors import InputError

FAST = settings(max_examples=25, deadline=None, database=None)


@pytest.fixture
def rng():
    return np.random.default_rng(1234)


def test_gaussian_and_low_rank(rng):
    g = mx.gaussian(rng, (50, 40), scale=2.0)
    assert g.shape == (50, 40) and 1.8 < g.std() < 2.2
    m = mx.low_rank(rng, 6, 5, 2)
    assert m.shape == (6, 5) and np.linalg.matrix_rank(m) == 2
    assert not mx.low_rank(rng, 3, 4, 0).any()


def test_orthogonal_psd_singular_values(rng):
    q = mx.haar_orthogonal(rng, 5)
    assert np.allclose(q.T @ q, np.eye(5), atol=1e-12)
    p = mx.psd(rng, 5, rank=2)
    assert np.array_equal(p, p.T) and np.linalg.matrix_rank(p) == 2
    assert np.linalg.eigvalsh(p).min() > -1e-12
    w, u, s, v = mx.with_singular_values(rng, 5, 3, [3.0, 2.0, 0.5])
    assert np.allclose(np.linalg.svd(w, compute_uv=False), s)
    assert np.allclose(u.T @ u, np.eye(3)) and np.allclose(v.T @ v, np.eye(3))
    a, b, u, v = mx.aligned_pair(rng, 4, 4, [2.0, 1.0], [5.0, 0.1])
    assert np.allclose(u.T @ a @ v, np.diag([2.0, 1.0])) and np.allclose(u.T @ b @ v, np.diag([5.0, 0.1]))


def test_lora_and_spectral_init(rng):
    b, a = mx.lora_init(rng, 6, 4, 2, alpha=0.5)
    assert b.shape == (6, 2) and not b.any() and a.shape == (2, 4)
    _, u, s, v = mx.with_singular_values(rng, 6, 4, [4.0, 3.0, 1.0])
    b, a = mx.spectral_init(rng, u, v, 2, s[:2])
    assert np.allclose(b @ a, (u[:, :2] * s[:2]) @ v[:, :2].T)
    b2, a2 = mx.spectral_init(rng, u, v, 2, s[:2], rotate=True)
    assert np.allclose(b2 @ a2, b @ a) and not np.allclose(b2, b)
    b3, a3 = mx.spectral_init(rng, u, v, 2, 1.0)
    assert np.allclose(b3, u[:, :2]) and np.allclose(a3, v[:, :2].T)


def test_spectra():
    assert np.array_equal(mx.distinct([1.0, 2.0]), [4.0, 3.0, 1.0])
    c = mx.clustered([10.0, 1.0], 3, width=0.01)
    assert len(c) == 6 and np.all(np.diff(c) <= 0) and c[0] == pytest.approx(10.1)
    assert np.array_equal(mx.with_zeros([2.0, 1.0], 2), [2.0, 1.0, 0.0, 0.0])
    t = mx.with_tie([5.0, 4.0, 3.0, 1.0], 1, 2)
    assert np.array_equal(t, [5.0, 4.0, 4.0, 1.0])


@pytest.mark.parametrize("call", [
    lambda r: mx.gaussian(r, (-1, 2)),
    lambda r: mx.gaussian(r, (2, 2), scale=math.inf),
    lambda r: mx.gaussian(r, (2, 2), scale=math.nan),
    lambda r: mx.gaussian(np.random.RandomState(0), (2, 2)),
    lambda r: mx.low_rank(r, 3, 2, 3),
    lambda r: mx.low_rank(r, -3, 2, 1),
    lambda r: mx.low_rank(r, 3, 2, 1, scale=-1.0),
    lambda r: mx.haar_orthogonal(r, 0),
    lambda r: mx.haar_orthogonal(r, 2.5),
    lambda r: mx.psd(r, 3, rank=4),
    lambda r: mx.with_singular_values(r, 2, 2, [1.0, 1.0, 1.0]),
    lambda r: mx.with_singular_values(r, 2, 2, [1.0, -1.0]),
    lambda r: mx.with_singular_values(r, 2, 2, [1.0, math.nan]),
    lambda r: mx.aligned_pair(r, 3, 3, [1.0], [1.0, 2.0]),
    lambda r: mx.lora_init(r, 2, 2, 3),
    lambda r: mx.lora_init(r, 2, 2, 1, alpha=math.inf),
    lambda r: mx.spectral_init(r, np.eye(3), np.eye(3), 4, 1.0),
    lambda r: mx.distinct([1.0, 0.0]),
    lambda r: mx.clustered([1.0], 2, width=1.5),
    lambda r: mx.with_tie([3.0, 2.0], 1, 2),
    lambda r: mx.st_matrix((2, -1)),
    lambda r: mx.st_elements(math.inf),
    lambda r: mx.st_shape(0),
])
def test_generators_validate_inputs(rng, call):
    with pytest.raises(InputError):
        call(rng)


@FAST
@given(mx.st_matrix(mx.st_shape(3), scale=2.0))
def test_st_matrix_bounded_finite(m):
    assert m.ndim == 2 and 1 <= m.shape[0] <= 3 and np.all(np.isfinite(m)) and np.abs(m).max() <= 2.0


@FAST
@given(mx.st_orthogonal())
def test_st_orthogonal(q):
    assert np.allclose(q.T @ q, np.eye(len(q)), atol=1e-12)


@FAST
@given(mx.st_low_rank(4, max_rank=1))
def test_st_low_rank(m):
    assert np.linalg.matrix_rank(m) <= 1


@FAST
@given(mx.st_psd(3))
def test_st_psd(p):
    assert np.array_equal(p, p.T) and np.linalg.eigvalsh(p).min() >= -1e-9 * max(1.0, np.abs(p).max())


@FAST
@given(mx.st_with_singular_values(3))
def test_st_with_singular_values(t):
    w, u, s, v = t
    assert np.all(np.diff(s) <= 0)
    assert np.allclose(np.linalg.svd(w, compute_uv=False)[: len(s)], s, atol=1e-9)


@FAST
@given(mx.st_aligned_pair(3), mx.st_lora(4, 2), mx.st_matmul_pair(3))
def test_st_pairs(pair, lora, mm):
    a, b, u, v = pair
    assert a.shape == b.shape == (u.shape[0], v.shape[0])
    bb, aa = lora
    assert bb.shape[1] == aa.shape[0] <= 2
    assert mm[0].shape[1] == mm[1].shape[0]
