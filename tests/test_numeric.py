"""Integration against closed forms: a wrong closed form is refuted (re-validated at 2x digits),
the right one is confirmed, and a precision-limited disagreement is not called a refutation."""
import mpmath

from verify.numeric import compare_cases
from verify.ode import integrate, tr
from verify.verdicts import Verdict, derive_verdict


def field(s, p):
    a = tr(p["W0"]) - tr(s["Y"] @ s["X"])
    return {"Y": a * s["X"].T, "X": a * s["Y"].T}


W0 = [[1.5, 0.25], [0.5, -0.25]]  # trace 1.25
X0 = [[0.75, -0.5]]


def a_exact(t, wrong=False):
    """a(t) = Tr(W0 - YX) for the rank-one trace-squared flow with Y0 = 0 (closed form (313) of
    Rushka-Klabjan, which the toolkit confirms independently); ``wrong`` changes kappa1's 4c^2 to 3c^2."""
    c, x2 = mpmath.mpf(1.25), mpmath.mpf(0.75) ** 2 + mpmath.mpf(0.5) ** 2
    k1 = x2**2 + (3 if wrong else 4) * c**2
    k2 = mpmath.asinh(x2 / (2 * c)) / mpmath.sqrt(k1)
    return (x2**2 + 4 * c**2) / (2 * x2 * mpmath.sinh(mpmath.sqrt(k1) * (t + k2)) + 4 * c)


def case(wrong):
    def compute(dps):
        res = integrate(field, {"Y": mpmath.zeros(2, 1), "X": mpmath.matrix(X0)}, [0.5, 1.0], params={"W0": mpmath.matrix(W0)}, dps=dps)
        return [(f"a({t})", tr_(res.y["Y"][i], res.y["X"][i]), a_exact(mpmath.mpf(t), wrong)) for i, t in enumerate([0.5, 1.0])]
    return ({"wrong": wrong}, compute)


def tr_(Y, X):
    W = mpmath.matrix(W0)
    M = W - Y * X
    return M[0, 0] + M[1, 1]


def test_right_closed_form_confirmed():
    ev = compare_cases("a(t)", [case(False)], dps=30, min_digits=20, tolerance_reason="test")
    assert ev.outcome == "confirmed" and ev.data["min_digits"] >= 25


def test_wrong_closed_form_refuted_and_revalidated():
    ev = compare_cases("a(t)", [case(True)], dps=30, min_digits=20, tolerance_reason="test")
    assert ev.outcome == "refuted"
    assert ev.revalidation["dps"] == 60 and ev.revalidation["working_dps"] == 30
    assert derive_verdict([ev])[0] is Verdict.REFUTED


def test_precision_limited_disagreement_is_not_refuted():
    # lhs computed with a catastrophic cancellation that only more digits resolve: (1 + 1e-40) - 1 vs 1e-40
    def compute(dps):
        one = mpmath.mpf(1)
        return [("tiny", (one + mpmath.mpf(10) ** -40) - one, mpmath.mpf(10) ** -40)]
    ev = compare_cases("cancellation", [({}, compute)], dps=30, min_digits=20, tolerance_reason="test")
    assert ev.outcome == "inconclusive" and "precision-limited" in ev.summary
