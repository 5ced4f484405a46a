"""Run context handed to every claim: seed, profile, precision, budget.

Every random choice flows from ``Context.seed``: ``ctx.rng(tag)`` derives an
independent numpy generator from the seed, the claim key and a tag, so adding
a new random draw in one place does not shift the draws elsewhere.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace

import numpy as np


@dataclass(frozen=True)
class Profile:
    """What a profile changes. ``quick`` is the default; ``ci`` is quick with
    hypothesis derandomised; ``deep`` multiplies cases, samples and digits."""

    name: str
    cases: int  # random problem instances per numeric check
    dps: int  # working decimal digits for high-precision checks
    mc_samples: int  # Monte Carlo draws per configuration
    examples: int  # hypothesis examples per property
    derandomize: bool
    timeout_scale: float

    def describe(self) -> str:
        return (
            f"{self.name}: {self.cases} random cases per check, {self.dps} working digits, "
            f"{self.mc_samples} Monte Carlo draws, {self.examples} hypothesis examples, "
            f"timeouts x{self.timeout_scale:g}"
        )


PROFILES = {
    "quick": Profile("quick", cases=6, dps=30, mc_samples=200_000, examples=150, derandomize=False, timeout_scale=1.0),
    "ci": Profile("ci", cases=6, dps=30, mc_samples=200_000, examples=150, derandomize=True, timeout_scale=1.5),
    "deep": Profile("deep", cases=30, dps=50, mc_samples=2_000_000, examples=2000, derandomize=False, timeout_scale=20.0),
}


def seed_for(*parts: object) -> int:
    h = hashlib.sha256("\x1f".join(map(str, parts)).encode()).digest()
    return int.from_bytes(h[:8], "little")


@dataclass
class Context:
    seed: int = 0
    profile: Profile = field(default_factory=lambda: PROFILES["quick"])
    claim_key: str = ""

    @property
    def dps(self) -> int:
        return self.profile.dps

    def rng(self, tag: str = "") -> np.random.Generator:
        return np.random.default_rng(seed_for(self.seed, self.claim_key, tag))

    def sub_seed(self, tag: str = "") -> int:
        return seed_for(self.seed, self.claim_key, tag) % (2**32)

    def with_profile(self, name: str) -> "Context":
        return replace(self, profile=PROFILES[name])
