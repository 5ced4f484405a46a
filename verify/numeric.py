"""High-precision numeric comparison with re-validation.

``compare_cases`` is the workhorse for "this closed form equals that
trajectory / that expression" checks.  The caller supplies, per case, a
function ``compute(dps) -> list[(label, lhs, rhs)]`` that recomputes both
sides from exact inputs at ``dps`` digits.  Agreement is measured in digits
(``-log10`` of the relative difference).  A case that fails is recomputed at
twice the digits; only a failure that persists becomes ``refuted``.
"""
from __future__ import annotations

import math
from typing import Any, Callable, Iterable, Sequence

import mpmath

from .verdicts import Evidence, jsonable

Pair = tuple[str, Any, Any]


def _flat(x) -> list:
    if isinstance(x, mpmath.matrix):
        return [x[i, j] for i in range(x.rows) for j in range(x.cols)]
    if hasattr(x, "tolist") and not isinstance(x, (int, float)):
        x = x.tolist()
    if isinstance(x, (list, tuple)):
        out = []
        for v in x:
            out.extend(_flat(v))
        return out
    return [x]


def rel_error(a, b, floor=None) -> mpmath.mpf:
    """max |a - b| / max(max |b|, floor) over all entries (mpmath precision)."""
    fa, fb = _flat(a), _flat(b)
    if len(fa) != len(fb):
        raise ValueError(f"cannot compare {len(fa)} entries with {len(fb)}")
    diff = max((abs(mpmath.mpmathify(x) - mpmath.mpmathify(y)) for x, y in zip(fa, fb)), default=mpmath.mpf(0))
    scale = max((abs(mpmath.mpmathify(y)) for y in fb), default=mpmath.mpf(0))
    scale = max(scale, max((abs(mpmath.mpmathify(x)) for x in fa), default=mpmath.mpf(0)))
    if floor is None:
        floor = mpmath.mpf(10) ** (-mpmath.mp.dps)
    return diff / max(scale, floor)


def digits_of(err, cap: float) -> float:
    if err == 0:
        return cap
    return min(cap, float(-mpmath.log10(err)))


def compare_cases(
    name: str,
    cases: Sequence[tuple[dict, Callable[[int], Iterable[Pair]]]],
    *,
    dps: int,
    min_digits: float,
    tolerance_reason: str,
    method: str = "ODE",
    part: str = "",
    floor: float | None = None,
) -> Evidence:
    """Run every case at ``dps`` digits and require ``min_digits`` digits of agreement.

    ``cases`` is a list of ``(description, compute)``; ``description`` is a
    JSON-able dict naming the case (shape, seed, sign of c ...).  ``floor`` is
    an absolute scale below which differences are measured absolutely
    (for quantities that are exactly zero)."""
    worst = math.inf
    worst_case = None
    n_pairs = 0
    series: list[tuple[str, float]] = []  # (quantity, digits) of the first case, for plots
    for k, (desc, compute) in enumerate(cases):
        with mpmath.workdps(dps):
            pairs = list(compute(dps))
            errs = [(lab, rel_error(l, r, mpmath.mpf(floor) if floor else None)) for lab, l, r in pairs]
        n_pairs += len(pairs)
        for lab, err in errs:
            d = digits_of(err, dps)
            if k == 0:
                series.append((lab, d))
            if d < worst:
                worst, worst_case = d, {"case": desc, "quantity": lab}
            if d < min_digits:
                return _revalidate(name, desc, compute, lab, d, dps, min_digits, tolerance_reason, method, part, floor)
    return Evidence(
        method,
        "confirmed",
        f"{name}: {len(cases)} cases ({n_pairs} comparisons) agree to >= {worst:.1f} digits at {dps}-digit precision",
        tolerance=10.0 ** (-min_digits),
        tolerance_reason=tolerance_reason,
        data={"cases": len(cases), "comparisons": n_pairs, "min_digits": worst, "dps": dps, "worst": jsonable(worst_case),
              "series": series[:60]},
        part=part,
    )


def _revalidate(name, desc, compute, lab, d, dps, min_digits, reason, method, part, floor) -> Evidence:
    hi = 2 * dps
    with mpmath.workdps(hi):
        pairs = {lb: (l, r) for lb, l, r in compute(hi)}
        l, r = pairs[lab]
        err = rel_error(l, r, mpmath.mpf(floor) if floor else None)
        d_hi = digits_of(err, hi)
        lhs_s = [mpmath.nstr(v, 15) for v in _flat(l)][:16]
        rhs_s = [mpmath.nstr(v, 15) for v in _flat(r)][:16]
    if d_hi >= min_digits:
        return Evidence(method, "inconclusive",
                        f"{name}: {lab} agreed to only {d:.1f} digits at {dps} digits but {d_hi:.1f} at {hi}: precision-limited",
                        data={"case": jsonable(desc)}, part=part)
    return Evidence(
        method,
        "refuted",
        f"{name}: {lab} disagrees (only {d_hi:.1f} digits of agreement, relative error {mpmath.nstr(err, 3)}) "
        f"in case {jsonable(desc)}; re-validated at {hi} digits",
        tolerance=10.0 ** (-min_digits),
        tolerance_reason=reason,
        witness={"case": jsonable(desc), "quantity": lab, "lhs": lhs_s, "rhs": rhs_s, "relative_error": mpmath.nstr(err, 5)},
        revalidation={"dps": hi, "working_dps": dps, "confirmed": True, "digits": d_hi},
        data={"digits": d_hi},
        part=part,
    )
