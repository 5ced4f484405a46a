"""The grading rules: a pass must be earned, a refutation must be re-validated."""
import pytest

from verify import Evidence, Verdict, derive_verdict


def ev(outcome, **kw):
    return Evidence(kw.pop("method", "SYM"), outcome, kw.pop("summary", "x"), **kw)


def test_no_evidence_is_not_a_pass():
    assert derive_verdict([])[0] is Verdict.INCONCLUSIVE


def test_proved_needs_exact_symbolic_evidence():
    assert derive_verdict([ev("proved", exact=True)])[0] is Verdict.PROVED
    assert derive_verdict([ev("proved", exact=False)])[0] is Verdict.CONFIRMED
    assert derive_verdict([ev("proved", exact=True, method="ODE")])[0] is Verdict.CONFIRMED


def test_proxy_is_never_proved():
    v, s = derive_verdict([ev("proved", exact=True, proxy=True)])
    assert v is Verdict.CONFIRMED and s.startswith("[proxy]")


def test_mixed_proved_and_confirmed_is_confirmed_unless_complete():
    assert derive_verdict([ev("proved", exact=True), ev("confirmed", method="ODE")])[0] is Verdict.CONFIRMED
    assert derive_verdict([ev("proved", exact=True, complete=True), ev("confirmed", method="ODE")])[0] is Verdict.PROVED


def test_refutation_without_revalidation_is_downgraded():
    v, s = derive_verdict([ev("refuted", witness={"x": 1})])
    assert v is Verdict.INCONCLUSIVE and "not re-validated" in s
    v, s = derive_verdict([ev("refuted", witness={"x": 1}, revalidation={"dps": 40, "working_dps": 30, "confirmed": True})])
    assert v is Verdict.INCONCLUSIVE and "less than 2x" in s
    v, _ = derive_verdict([ev("refuted", witness={"x": 1}, revalidation={"dps": 60, "working_dps": 30, "confirmed": True})])
    assert v is Verdict.REFUTED
    v, _ = derive_verdict([ev("refuted", revalidation={"exact": True})])
    assert v is Verdict.INCONCLUSIVE  # no witness


def test_mc_refutation_needs_independent_larger_sample():
    base = {"independent_seed": 7, "original_n": 1000, "confirmed": True}
    assert derive_verdict([ev("refuted", method="MC", witness={}, revalidation=dict(base, n=500))])[0] is Verdict.INCONCLUSIVE
    assert derive_verdict([ev("refuted", method="MC", witness={}, revalidation=dict(base, n=4000))])[0] is Verdict.REFUTED


def test_refuted_dominates_and_inconclusive_blocks_pass():
    good = ev("refuted", witness={"x": 1}, revalidation={"exact": True})
    assert derive_verdict([ev("proved", exact=True), good])[0] is Verdict.REFUTED
    assert derive_verdict([ev("confirmed"), ev("inconclusive")])[0] is Verdict.INCONCLUSIVE


def test_bad_evidence_fields_rejected():
    with pytest.raises(ValueError, match="unknown evidence outcome"):
        Evidence("SYM", "passed", "x")
    with pytest.raises(ValueError, match="unknown evidence method"):
        Evidence("FOO", "proved", "x")


def test_exact_proof_of_limited_scope_is_not_proved():
    v, s = derive_verdict([ev("proved", exact=True, scope="n <= 4")])
    assert v is Verdict.CONFIRMED and "exact only for n <= 4" in s
