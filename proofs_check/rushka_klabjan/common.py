"""Small helpers shared by this paper's claim modules."""
from __future__ import annotations

from verify import Evidence


def hypothesis_only(what: str, used_by: str = "") -> Evidence:
    """A statement that is an assumption of the paper, not a claim: nothing to verify.
    Reported as INCONCLUSIVE with that reason (never as a pass)."""
    extra = f"; {used_by}" if used_by else ""
    return Evidence("NOTE", "inconclusive", f"not checkable: {what} is a hypothesis of the paper, not a claim{extra}")


def not_checkable(why: str) -> Evidence:
    return Evidence("NOTE", "inconclusive", f"not checkable: {why}")
