"""Tests of the high-precision Taylor integrator in verify.ode."""
from __future__ import annotations

import math
from fractions import Fraction

import mpmath
import numpy as np
import pytest
import sympy

import verify.ode as ode
from verify.errors import InputError
from verify.ode import digits, dop853, integrate, tr


def decay(s, p):
    return {"y": -s["y"]}


def lora_flow(s, p):
    """Gradient flow of (tr W0 - tr YX)^2 / 2 over the LoRA factors."""
    a = tr(p["W0"]) - tr(s["Y"] @ s["X"])
    return {"Y": a * s["X"].T, "X": a * s["Y"].T}


def lora_problem(n=4, r=2, seed=0):
    rng = np.random.default_rng(seed)
    W0 = rng.standard_normal((n, n)) / np.sqrt(n)
    X0 = rng.standard_normal((r, n)) / np.sqrt(n)
    return {"Y": np.zeros((n, r)), "X": X0}, {"W0": W0}


def conserved(Y, X):
    """Y^T Y - X X^T, conserved by the LoRA flow."""
    return Y.T * Y - X * X.T


# ---------------------------------------------------------------- accuracy


def test_exponential_decay_40_digits():
    res = integrate(decay, {"y": 1}, [0, 0.5, 1, 2], dps=40)
    assert res.status == 0 and res.t[0] == 0
    assert all(isinstance(v, mpmath.mpf) for v in res.y["y"])
    with mpmath.workdps(60):
        for t, v in zip(res.t, res.y["y"]):
            assert digits(v, mpmath.exp(-t)) >= 39


@pytest.mark.parametrize("dps", [30, 50])
def test_linear_matrix_ode_matches_expm(dps):
    A = [[-1.0, 2.0], [-3.0, 0.5]]
    Y0 = [[1, Fraction(1, 4)], [0, 1]]
    res = integrate(lambda s, p: {"Y": p["A"] @ s["Y"]}, {"Y": Y0}, [0.5, 1.5],
                    params={"A": A}, dps=dps)
    assert res.status == 0
    with mpmath.workdps(dps + 20):
        MA, MY = mpmath.matrix(A), mpmath.matrix([[1, mpmath.mpf(1) / 4], [0, 1]])
        for t, Y in zip(res.t, res.y["Y"]):
            assert isinstance(Y, mpmath.matrix)
            assert digits(Y, mpmath.expm(MA * t) * MY) >= dps - 1


def test_lora_flow_conservation_and_dop853():
    y0, params = lora_problem()
    t_eval = [0.5, 1.0, 2.0]
    res = integrate(lora_flow, y0, t_eval, params=params, dps=30)
    ref = dop853(lora_flow, y0, t_eval, params=params)
    assert res.status == 0 and ref.status == 0
    with mpmath.workdps(60):
        X0 = mpmath.matrix(y0["X"].tolist())
        c0 = -(X0 * X0.T)
        for Y, X in zip(res.y["Y"], res.y["X"]):
            assert digits(conserved(Y, X), c0) >= 25
    for name in ("Y", "X"):
        for hi, lo in zip(res.y[name], ref.y[name]):
            assert digits(lo, hi) >= 10
    # the flow does move: Y leaves zero
    assert mpmath.mnorm(res.y["Y"][-1], 1) > 0.1


def test_decaying_state_keeps_relative_digits():
    res = integrate(lambda s, p: {"y": -5 * s["y"]}, {"y": 1}, [20], dps=30)
    with mpmath.workdps(60):
        exact = mpmath.exp(-100)
        assert abs(res.y["y"][0] / exact - 1) < mpmath.mpf("1e-25")


def test_mpmath_backend_agrees_with_flint():
    y0, params = lora_problem(n=3, r=2, seed=1)
    kw = dict(params=params, dps=20)
    a = integrate(lora_flow, y0, [0.4], backend="flint", **kw)
    b = integrate(lora_flow, y0, [0.4], backend="mpmath", **kw)
    assert b.backend == "mpmath"
    for name in ("Y", "X"):
        assert digits(a.y[name][0], b.y[name][0]) >= 19


def test_falls_back_to_mpmath_without_flint(monkeypatch):
    monkeypatch.setattr(ode, "flint", None)
    res = integrate(decay, {"y": 1}, [1], dps=20)
    assert res.backend == "mpmath" and "python-flint unavailable" in res.message
    with mpmath.workdps(40):
        assert digits(res.y["y"][0], mpmath.exp(-1)) >= 19


def test_can_fail_a_comparison():
    """y' = -y^2 has y = 1/(1+t): the right closed form agrees to full
    precision, wrong ones are exposed."""
    res = integrate(lambda s, p: {"y": -s["y"] ** 2}, {"y": 1}, [1, 3], dps=30)
    with mpmath.workdps(50):
        for t, v in zip(res.t, res.y["y"]):
            assert digits(v, 1 / (1 + t)) >= 29
            assert digits(v, mpmath.exp(-t)) < 1  # a wrong formula
            assert digits(v, (1 + mpmath.mpf("1e-8")) / (1 + t)) < 8.5  # slightly wrong


def test_dense_output_between_steps():
    res = integrate(decay, {"y": 1}, [0.5, 3], dps=40)
    assert res.nsteps >= 2
    with mpmath.workdps(60):
        for t in ["0.1", "0.77", "2.9"]:
            assert digits(res.sol(t)["y"], mpmath.exp(-mpmath.mpf(t))) >= 38
    with pytest.raises(InputError, match="outside the integrated range"):
        res.sol(4)


# ------------------------------------------------------------- field language


def test_params_powers_division_by_constants_and_exact_inputs():
    def field(s, p):  # y' = -y^3 / tau, z' = 0.5 * y * z - y * z / 2 = 0
        y = s["y"]
        return {"y": -(y ** 3) / p["tau"], "z": 0.5 * y * s["z"] - y * s["z"] / 2}

    y0 = {"y": sympy.Rational(1, 3), "z": [[Fraction(1, 7), 2], [0, np.float64(0.1)]]}
    res = integrate(field, y0, [0, 1], params={"tau": 2}, dps=30)
    assert isinstance(res.y["y"][1], mpmath.mpf) and isinstance(res.y["z"][1], mpmath.mpf) is False
    with mpmath.workdps(50):
        y_exact = 1 / mpmath.sqrt(9 + 1)  # y = (1/y0^2 + 2t/tau)^(-1/2)
        assert digits(res.y["y"][1], y_exact) >= 29
        z0 = mpmath.matrix([[mpmath.mpf(1) / 7, 2], [0, mpmath.mpf(0.1)]])
        assert digits(res.y["z"][1], z0) >= 29
        assert res.y["z"][0][1, 1] == mpmath.mpf(0.1)  # floats convert exactly


def test_constant_matrix_from_numpy_inside_field():
    def field(s, p):
        return {"Y": np.eye(2) @ s["Y"] * -1 + 0}

    res = integrate(field, {"Y": [[1, 2], [3, 4]]}, [1], dps=20)
    with mpmath.workdps(40):
        assert digits(res.y["Y"][0], mpmath.matrix([[1, 2], [3, 4]]) * mpmath.exp(-1)) >= 19


def test_dop853_handles_scalars_and_numpy_tr():
    def field(s, p):
        return {"c": -tr(s["M"]) * s["c"], "M": -1 * s["M"]}

    y0 = {"c": 1.0, "M": np.diag([0.5, 0.5])}
    lo = dop853(field, y0, [1.0])
    hi = integrate(field, y0, [1.0], dps=30)
    assert isinstance(lo.y["c"][0], float) and isinstance(lo.y["M"][0], np.ndarray)
    with mpmath.workdps(50):
        exact = mpmath.exp(-(1 - mpmath.exp(-1)))  # c' = -e^{-t} c
        assert digits(lo.y["c"][0], exact) >= 11
        assert digits(hi.y["c"][0], exact) >= 29


def test_flint_precision_is_restored():
    flint = pytest.importorskip("flint")
    before = flint.ctx.prec
    integrate(decay, {"y": 1}, [1], dps=50)
    assert flint.ctx.prec == before
    with pytest.raises(InputError):
        integrate(lambda s, p: {"y": 1 / s["y"]}, {"y": 1}, [1], dps=50)
    assert flint.ctx.prec == before


def test_blow_up_is_reported_as_failure():
    res = integrate(lambda s, p: {"y": s["y"] * s["y"]}, {"y": 1}, [0.5, 2], dps=20,
                    max_steps=200)
    assert res.status == -1 and not res.success
    assert len(res.t) == len(res.y["y"]) == 1  # only t=0.5 was reached
    with mpmath.workdps(40):
        assert digits(res.y["y"][0], 2) >= 19  # y = 1/(1-t)


# ------------------------------------------------------------------ bad input


def _bad(field=decay, y0=None, t_eval=(1,), **kw):
    return integrate(field, {"y": 1} if y0 is None else y0, list(t_eval), **kw)


@pytest.mark.parametrize("kwargs, match", [
    (dict(field=lora_flow, y0={"Y": np.zeros((4, 2)), "X": np.zeros((3, 4))},
          params={"W0": np.eye(4)}), "fails on numpy zeros"),
    (dict(field=lambda s, p: {"y": s["y"].T}, y0={"y": np.ones((2, 3))}),
     "shape mismatch for state 'y'"),
    (dict(y0={"y": float("nan")}), "non-finite"),
    (dict(y0={"y": [[1.0, np.inf]]}, field=lambda s, p: {"y": s["y"]}), "non-finite"),
    (dict(t_eval=(1, 0.5)), "strictly increasing"),
    (dict(t_eval=(-1, 1)), ">= 0"),
    (dict(t_eval=()), "empty"),
    (dict(dps=10), "dps must be an integer >= 15"),
    (dict(backend="fortran"), "backend"),
    (dict(field=lambda s, p: {"y": 1 / s["y"]}), "division by a state-dependent"),
    (dict(field=lambda s, p: {"y": np.exp(s["y"])}), "not supported on symbolic"),
    (dict(field=lambda s, p: {"y": s["y"] * s["y"]}, y0={"y": np.ones((2, 2))}),
     "elementwise"),
    (dict(field=lambda s, p: {"z": s["y"]}), "keys"),
    (dict(y0={"y": np.ones(3)}), "2-D"),
    (dict(y0={"y": 1 + 2j}), "complex"),
    (dict(rtol=2), "rtol"),
])
def test_bad_inputs_raise_input_error(kwargs, match):
    with pytest.raises(InputError, match=match):
        _bad(**kwargs)


def test_dop853_validates_inputs_too():
    with pytest.raises(InputError, match="strictly increasing"):
        dop853(decay, {"y": 1.0}, [1.0, 1.0])


# -------------------------------------------------------------------- digits


def test_digits():
    assert digits(mpmath.mpf(1), 1) == math.inf
    assert abs(digits(1 + 1e-10, 1.0) - 10) < 0.01
    assert digits(np.array([[1.0, 2.0]]), mpmath.matrix([[1, 2]])) == math.inf
    with mpmath.workdps(50):
        a = mpmath.matrix([[1, 2]]) + mpmath.mpf("1e-40")
        assert abs(digits(a, mpmath.matrix([[1, 2]])) - (40 + math.log10(2))) < 0.01
    assert digits(float("nan"), 1.0) == -math.inf
    with pytest.raises(InputError, match="shapes differ"):
        digits(np.ones((2, 2)), np.ones((2, 1)))
