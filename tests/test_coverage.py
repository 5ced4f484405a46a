"""Coverage against the claim index: every claim and every chain step listed in
../shared/claims/<paper>.md for a paper with a registered package is registered, with ids as written."""
import re
from pathlib import Path

import pytest

from verify.claims import discover
from verify.steps import CHAINS

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "claims"


def index_entries(stem: str):
    text = (SHARED / f"{stem}.md").read_text()
    claims = re.findall(r"^### (\[\d+\]) ", text, flags=re.M)
    chains = {}
    part = text.split("# 3. Derivation chains", 1)[1].split("# 4. Test constructions", 1)[0]
    for block in re.split(r"^## ", part, flags=re.M)[1:]:
        cid = block.split(":", 1)[0].strip()
        chains[cid] = re.findall(r"^- `([^`]+)`", block, flags=re.M)
    return claims, chains


@pytest.mark.skipif(not SHARED.exists(), reason="../shared/claims not present")
def test_every_indexed_claim_and_step_is_registered():
    reg = discover()
    for paper in reg.papers.values():
        claims, chains = index_entries(paper.stem)
        registered = {c.id for c in reg.claims.values() if c.paper.stem == paper.stem}
        missing = [c for c in claims if c not in registered]
        assert not missing, f"{paper.alias}: claims in the index but not registered: {missing}"
        extra = sorted(registered - set(claims))
        assert not extra, f"{paper.alias}: registered ids not in the index: {extra}"
        for cid, steps in chains.items():
            ch = CHAINS.get((paper.stem, cid))
            assert ch is not None, f"{paper.alias}: chain {cid} not registered"
            got = [s.id for s in ch.steps]
            missing_steps = [s for s in dict.fromkeys(steps) if s not in got]
            assert not missing_steps, f"{cid}: steps not registered: {missing_steps}"
