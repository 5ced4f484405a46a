"""Verdicts and evidence.

A claim function returns :class:`Evidence` records; the engine, not the claim,
turns them into a :class:`Verdict` with :func:`derive_verdict`.  The rules are
deliberately strict:

* ``PROVED`` only from exact symbolic evidence (``exact=True``, method SYM or
  STEPS) that is not a proxy.
* ``REFUTED`` only from a witness that was re-validated: at least twice the
  working digits for a numeric witness, an independent seed and a sample at
  least as large for a Monte Carlo rejection, or exact arithmetic.  A refutation
  that lacks this is downgraded to ``INCONCLUSIVE`` and says why.
* a proxy (fitted exponent, scaling law standing in for an unspecified
  constant) can at best be ``CONFIRMED``.
"""
from __future__ import annotations

import enum
import math
from dataclasses import asdict, dataclass, field
from typing import Any, Iterable


class Verdict(str, enum.Enum):
    PROVED = "PROVED"
    CONFIRMED = "CONFIRMED"
    REFUTED = "REFUTED"
    INCONCLUSIVE = "INCONCLUSIVE"
    ERROR = "ERROR"
    SKIPPED = "SKIPPED"

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.value


OUTCOMES = ("proved", "confirmed", "refuted", "inconclusive")
METHODS = ("SYM", "STEPS", "ODE", "PROP", "MC", "GD", "RATE", "NOTE")


@dataclass
class Evidence:
    """One piece of evidence about a claim.

    ``outcome`` is what this piece shows: ``proved`` (exact), ``confirmed``
    (numeric), ``refuted`` (with ``witness`` and ``revalidation``) or
    ``inconclusive`` (with the reason in ``summary``).
    ``tolerance`` and ``tolerance_reason`` state the pass criterion and why.
    ``data`` holds JSON-serialisable numbers: digits, cases, worst margin,
    tightness, confidence intervals, fitted rates.
    """

    method: str
    outcome: str
    summary: str
    tolerance: float | None = None
    tolerance_reason: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    witness: dict[str, Any] | None = None
    revalidation: dict[str, Any] | None = None
    exact: bool = False
    proxy: bool = False
    complete: bool = False
    part: str = ""
    scope: str = ""  # an exact proof that covers only this scope (e.g. "n <= 4"): the claim is then CONFIRMED

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise ValueError(f"unknown evidence method {self.method!r}; expected one of {METHODS}")
        if self.outcome not in OUTCOMES:
            raise ValueError(f"unknown evidence outcome {self.outcome!r}; expected one of {OUTCOMES}")

    def to_dict(self) -> dict[str, Any]:
        return jsonable(asdict(self))


def jsonable(obj: Any) -> Any:
    """Convert numbers from mpmath/numpy/sympy/flint into plain JSON values."""
    if obj is None or isinstance(obj, (bool, str)):
        return obj
    if isinstance(obj, int):
        return obj
    if isinstance(obj, float):
        if math.isnan(obj) or math.isinf(obj):
            return str(obj)
        return obj
    if isinstance(obj, dict):
        return {str(k): jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [jsonable(v) for v in obj]
    if hasattr(obj, "tolist"):  # numpy arrays and scalars
        return jsonable(obj.tolist())
    try:
        import mpmath

        if isinstance(obj, mpmath.mpf):
            return float(obj) if abs(obj) < mpmath.mpf(10) ** 300 else mpmath.nstr(obj, 20)
        if isinstance(obj, mpmath.matrix):
            return [[jsonable(obj[i, j]) for j in range(obj.cols)] for i in range(obj.rows)]
    except ImportError:  # pragma: no cover
        pass
    try:
        return float(obj)
    except (TypeError, ValueError):
        return str(obj)


def _refutation_is_valid(ev: Evidence) -> tuple[bool, str]:
    if ev.witness is None:
        return False, "refutation without a witness"
    rv = ev.revalidation or {}
    if rv.get("exact"):
        return True, ""
    if "dps" in rv:
        working = rv.get("working_dps")
        if working is None:
            return False, "re-validation does not state the working precision"
        if rv["dps"] < 2 * working:
            return False, f"witness re-validated at {rv['dps']} digits, less than 2x the working {working}"
        if not rv.get("confirmed", False):
            return False, "witness did not survive re-validation"
        return True, ""
    if "independent_seed" in rv:
        if not rv.get("confirmed", False):
            return False, "Monte Carlo rejection did not repeat with an independent seed"
        if rv.get("n", 0) < rv.get("original_n", math.inf):
            return False, "Monte Carlo re-validation used a smaller sample"
        return True, ""
    return False, "refutation was not re-validated"


def derive_verdict(evidence: Iterable[Evidence]) -> tuple[Verdict, str]:
    """Grade a claim from its evidence. Returns the verdict and a one-line summary."""
    evs = list(evidence)
    if not evs:
        return Verdict.INCONCLUSIVE, "the check produced no evidence"
    refuted: list[Evidence] = []
    inconclusive: list[str] = []
    for ev in evs:
        if ev.outcome == "refuted":
            ok, why = _refutation_is_valid(ev)
            if ok:
                refuted.append(ev)
            else:
                inconclusive.append(f"{_label(ev)}unconfirmed refutation ({why}): {ev.summary}")
        elif ev.outcome == "inconclusive":
            inconclusive.append(_label(ev) + ev.summary)
    if refuted:
        return Verdict.REFUTED, "; ".join(_label(ev) + ev.summary for ev in refuted)
    if inconclusive:
        return Verdict.INCONCLUSIVE, "; ".join(inconclusive)

    def exact_proof(ev: Evidence) -> bool:
        return ev.outcome == "proved" and ev.exact and not ev.proxy and not ev.scope and ev.method in ("SYM", "STEPS")

    if all(exact_proof(ev) for ev in evs) or any(exact_proof(ev) and ev.complete for ev in evs):
        return Verdict.PROVED, "; ".join(_label(ev) + ev.summary for ev in evs if exact_proof(ev))
    summary = "; ".join(_label(ev) + ev.summary + (f" [exact only for {ev.scope}]" if ev.scope else "") for ev in evs)
    if any(ev.proxy for ev in evs):
        summary = "[proxy] " + summary
    return Verdict.CONFIRMED, summary


def _label(ev: Evidence) -> str:
    show_part = ev.part and not ev.summary.startswith(ev.part)
    return f"{ev.method}{'/' + ev.part if show_part else ''}: "
