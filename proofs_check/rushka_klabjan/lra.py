"""The low-rank-approximation problem of §2.3 / App. I–J, shared by the claim and chain modules.

h(B, A) = 1/2 ||W0 - BA||^2, flow (38)-(39): Y' = (W0 - YX) X^T, X' = Y^T (W0 - YX).
Spectral initialisation (TC-2): W0 = U diag(s0) V^T, Y0 = 0, X0 = [diag(x0_1..x0_r) 0] V^T.
Scalar closed forms transcribed as printed: (662)-(665) for p_s, q_s, xi_1, xi_2.
"""
from __future__ import annotations

from dataclasses import dataclass

import mpmath
import numpy as np

from verify.ode import integrate


def lra_field(s, p):
    """(38)-(39): Y' = (W0 - YX) X^T, X' = Y^T (W0 - YX)."""
    E = p["W0"] - s["Y"] @ s["X"]
    return {"Y": E @ s["X"].T, "X": s["Y"].T @ E}


def scalar_field(s, p):
    """The decoupled scalar system: y' = (s0 - yx) x, x' = (s0 - yx) y."""
    e = p["s0"] - s["y"] * s["x"]
    return {"y": e * s["x"], "x": e * s["y"]}


@dataclass
class LraInstance:
    n: int
    m: int
    r: int
    s0: np.ndarray  # singular values, descending
    U: np.ndarray
    V: np.ndarray
    x0: np.ndarray  # the r diagonal entries of tilde X0
    label: str

    @property
    def W0(self) -> np.ndarray:
        S = np.zeros((self.n, self.m))
        k = min(self.n, self.m)
        S[:k, :k] = np.diag(self.s0[:k])
        return self.U @ S @ self.V.T

    @property
    def Y0(self) -> np.ndarray:
        return np.zeros((self.n, self.r))

    @property
    def X0(self) -> np.ndarray:
        Xt = np.zeros((self.r, self.m))
        Xt[:, : self.r] = np.diag(self.x0)
        return Xt @ self.V.T

    def eym(self) -> np.ndarray:
        """The Eckart-Young-Mirsky truncation U_r Sigma_{0,r} V_r^T."""
        return self.U[:, : self.r] @ np.diag(self.s0[: self.r]) @ self.V[:, : self.r].T

    def describe(self) -> dict:
        return {"label": self.label, "n": self.n, "m": self.m, "r": self.r, "s0": self.s0.tolist(), "x0": self.x0.tolist()}


def spectral_instance(rng: np.random.Generator, n: int, m: int, r: int, s0, sigma: float = 0.1) -> LraInstance:
    """TC-2: W0 with the prescribed spectrum ``s0`` (length min(n, m)) and a spectral initialisation."""
    U, _ = np.linalg.qr(rng.normal(size=(n, n)))
    V, _ = np.linalg.qr(rng.normal(size=(m, m)))
    s0 = np.asarray(s0, dtype=float)
    x0 = sigma * rng.normal(size=r)
    return LraInstance(n, m, r, s0, U, V, x0, f"n={n} m={m} r={r} s0={list(np.round(s0, 4))} sigma={sigma}")


def matrix_flow(inst: LraInstance, times, dps: int):
    """Integrate (38)-(39) from the spectral initialisation at ``dps`` digits."""
    with mpmath.workdps(dps):
        res = integrate(lra_field, {"Y": inst.Y0, "X": inst.X0}, list(times), params={"W0": inst.W0}, dps=dps)
    if res.status != 0:
        raise RuntimeError(f"integration failed: {res.message}")
    return res


def xis(x0, s0):
    """(664)-(665) as printed."""
    xi1 = x0**4 + 4 * s0**2
    xi2 = mpmath.asinh(x0**2 / (2 * s0)) / mpmath.sqrt(x0**4 + 4 * s0**2)
    return xi1, xi2


def ps_closed(x0, s0, t):
    """(662) as printed."""
    xi1, xi2 = xis(x0, s0)
    den = mpmath.sqrt(2 * x0**2 * mpmath.sinh(mpmath.sqrt(xi1) * (t + xi2)) + 4 * s0)
    return (x0**2 / mpmath.sqrt(s0) * mpmath.sinh(mpmath.sqrt(xi1) / 2 * t)
            + mpmath.sqrt(x0**4 + 4 * s0**2) / mpmath.sqrt(s0) * mpmath.cosh(mpmath.sqrt(xi1) / 2 * t)) / den


def qs_closed(x0, s0, t):
    """(663) as printed."""
    xi1, xi2 = xis(x0, s0)
    den = mpmath.sqrt(2 * x0**2 * mpmath.sinh(mpmath.sqrt(xi1) * (t + xi2)) + 4 * s0)
    return 2 / mpmath.sqrt(s0) * mpmath.sinh(mpmath.sqrt(xi1) / 2 * t) / den
