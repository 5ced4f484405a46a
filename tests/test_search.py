"""verify.search can fail: false inequalities are refuted with a shrunk, re-validated
witness; true ones are confirmed with their tightness; float64 artefacts are not refuted."""
import json

import mpmath
import numpy as np
import pytest
from hypothesis import strategies as st

from verify import matrices as mx
from verify.context import Context
from verify.errors import InputError
from verify.search import check_equality, check_inequality
from verify.verdicts import Verdict, derive_verdict

CTX = Context(seed=7, claim_key="test:search")


def fro(m):
    return float(np.linalg.norm(m, "fro"))


def spec(m):
    return float(np.linalg.norm(m, 2))


def mp(m):
    return mpmath.matrix(np.asarray(m).tolist())


def mp_spec(m):
    return max(mpmath.svd_r(mp(m), compute_uv=False))


def test_false_inequality_is_refuted_with_shrunk_revalidated_witness():
    ev = check_inequality(
        "half-submultiplicative", mx.st_matmul_pair(3),
        lambda p: (fro(p[0] @ p[1]), 0.5 * spec(p[0]) * spec(p[1])), CTX,
        revalidate=lambda p, dps: (mpmath.mnorm(mp(p[0]) * mp(p[1]), "f"),
                                   mpmath.mpf("0.5") * mp_spec(p[0]) * mp_spec(p[1])))
    assert ev.outcome == "refuted"
    a, b = (np.array(x) for x in ev.witness["input"])
    assert a.size + b.size <= 4  # shrunk to (nearly) 1 x 1 matrices
    assert ev.revalidation["confirmed"] and ev.revalidation["dps"] >= 2 * ev.revalidation["working_dps"] >= 30
    assert ev.revalidation["lhs"] > ev.revalidation["rhs"]
    assert derive_verdict([ev])[0] is Verdict.REFUTED
    json.dumps(ev.to_dict())


def test_psd_trace_inequality_refuted():
    pair = st.integers(1, 3).flatmap(lambda n: st.tuples(mx.st_psd(n=n), mx.st_psd(n=n)))

    def exact(p, dps):
        ab = mp(p[0]) * mp(p[1])
        return sum(ab[i, i] for i in range(ab.rows)), mpmath.mpf(0)

    ev = check_inequality("tr(AB) <= 0", pair, lambda p: (float(np.trace(p[0] @ p[1])), 0.0), CTX, revalidate=exact)
    assert ev.outcome == "refuted" and ev.revalidation["lhs"] > 0
    assert derive_verdict([ev])[0] is Verdict.REFUTED


def test_true_inequality_confirmed_with_tightness():
    @st.composite
    def rank_one_pair(draw):
        u, v = draw(mx.st_matrix((3, 1))), draw(mx.st_matrix((1, 3)))
        w, z = draw(mx.st_matrix((3, 1))), draw(mx.st_matrix((1, 3)))
        return u @ v, w @ z

    ev = check_inequality("frobenius submultiplicative", rank_one_pair(),
                          lambda p: (fro(p[0] @ p[1]), fro(p[0]) * fro(p[1])), CTX, examples=100)
    assert ev.outcome == "confirmed", ev.summary
    assert 0.999 < ev.data["tightness"] <= 1 + 1e-12
    assert ev.data["cases"] >= 100 and "worst lhs/rhs" in ev.summary and ev.tolerance_reason
    json.dumps(ev.to_dict())
    again = check_inequality("frobenius submultiplicative", rank_one_pair(),
                             lambda p: (fro(p[0] @ p[1]), fro(p[0]) * fro(p[1])), CTX, examples=100)
    assert again.data == ev.data  # reproducible from the context seed


def test_float64_artefact_is_not_refuted():
    # (1 + x) - 1 <= x is an identity; in float64 the left side rounds up for many x
    xs = st.floats(1e-12, 1e-3)
    lhs_rhs = lambda x: ((1.0 + x) - 1.0, x)  # noqa: E731
    exact = lambda x, dps: ((1 + mpmath.mpf(x)) - 1, mpmath.mpf(x))  # noqa: E731
    ev = check_inequality("rounding", xs, lhs_rhs, CTX, revalidate=exact, examples=100)
    assert ev.outcome != "refuted"
    assert ev.data["float_artefacts"] >= 1 and "not confirmed at 30 digits" in ev.summary
    art = ev.data["first_artefact"]
    assert art["float64"]["lhs"] > art["float64"]["rhs"] and art["high_precision"]["margin"] == 0
    no_reval = check_inequality("rounding", xs, lhs_rhs, CTX, examples=100)
    assert no_reval.outcome == "inconclusive" and no_reval.witness is not None
    assert derive_verdict([no_reval])[0] is Verdict.INCONCLUSIVE


def test_extra_examples_checked_first():
    # false only at x == 0.25, which random search will not hit
    ev = check_inequality("needle", st.floats(-1, 1), lambda x: (float(x == 0.25), 0.5), CTX,
                          revalidate=lambda x, dps: (mpmath.mpf(x == 0.25), mpmath.mpf("0.5")),
                          extra_examples=[0.0, 0.25], examples=20)
    assert ev.outcome == "refuted" and ev.witness["input"] == 0.25 and "extra example" in ev.summary


def test_higher_working_precision_doubles_revalidation_digits():
    ev = check_inequality("x <= x/2", st.floats(0.5, 2), lambda x: (mpmath.mpf(x), mpmath.mpf(x) / 2), CTX,
                          working_dps=40, revalidate=lambda x, dps: (mpmath.mpf(x), mpmath.mpf(x) / 2), examples=10)
    assert ev.outcome == "refuted" and ev.revalidation["dps"] == 80 and 0.5 <= ev.witness["input"] <= 2


def test_equality_true_and_false():
    tr = check_equality("trace(AB) = trace(BA)", mx.st_matmul_pair(3).filter(lambda p: p[0].shape == p[1].T.shape),
                        lambda p: (np.trace(p[0] @ p[1]), np.trace(p[1] @ p[0])), CTX, rtol=1e-10, atol=1e-14,
                        examples=60)
    assert tr.outcome == "confirmed" and tr.data["tightness"] < 1e-10
    false = check_equality(
        "||A+B||^2 = ||A||^2 + ||B||^2", st.tuples(mx.st_matrix((2, 2)), mx.st_matrix((2, 2))),
        lambda p: (fro(p[0] + p[1]) ** 2, fro(p[0]) ** 2 + fro(p[1]) ** 2), CTX,
        revalidate=lambda p, dps: (mpmath.mnorm(mp(p[0]) + mp(p[1]), "f") ** 2,
                                   mpmath.mnorm(mp(p[0]), "f") ** 2 + mpmath.mnorm(mp(p[1]), "f") ** 2))
    assert false.outcome == "refuted" and derive_verdict([false])[0] is Verdict.REFUTED
    arrays = check_equality("(AB)^T = B^T A^T", mx.st_matmul_pair(3), lambda p: ((p[0] @ p[1]).T, p[1].T @ p[0].T),
                            CTX, examples=40)
    assert arrays.outcome == "confirmed"


def test_bad_values_and_tolerances_raise():
    with pytest.raises(InputError):
        check_inequality("nan", st.just(1.0), lambda x: (float("nan"), 1.0), CTX, examples=2)
    with pytest.raises(InputError):
        check_inequality("tol", st.just(1.0), lambda x: (0.0, 1.0), CTX, tol_ratio=-1)
    with pytest.raises(InputError):
        check_equality("shape", st.just(1.0), lambda x: (np.zeros(2), np.zeros(3)), CTX, examples=2)
