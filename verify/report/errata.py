"""errata.md: every REFUTED claim and chain step across papers, with witnesses."""
from __future__ import annotations

import json
from pathlib import Path


def render_errata(summary: dict) -> str:
    lines = ["# Errata found by lora-verify", "",
             f"profile `{summary['profile']}`, seed {summary['seed']}, version {summary['version']}", ""]
    refuted = [r for r in summary["claims"] if r["verdict"] == "REFUTED"]
    if not refuted and not any(s["verdict"] == "REFUTED" for c in summary.get("chains", []) for s in c["steps"]):
        lines.append("No claim or step was refuted.")
    for r in refuted:
        lines += [f"## {r['paper']} {r['id']} — {r['label']}", "", f"Statement: {r['statement']}", ""]
        for ev in r["evidence"]:
            if ev["outcome"] == "refuted":
                lines.append(f"- {ev['method']}: {ev['summary']}")
                lines.append(f"  - witness: `{json.dumps(ev.get('witness'), ensure_ascii=False)}`")
                lines.append(f"  - re-validation: `{json.dumps(ev.get('revalidation'), ensure_ascii=False)}`")
        lines += [f"- reproduce: `{r['reproduce']}`", ""]
    for c in summary.get("chains", []):
        for s in c["steps"]:
            if s["verdict"] == "REFUTED":
                lines += [f"## {c['paper']} {c['chain']} step {s['step']}", "", f"- operation: {s.get('operation', '')}",
                          f"- {s.get('summary', '')}", ""]
    return "\n".join(lines) + "\n"


def write_errata(summary: dict, out: Path) -> Path:
    p = Path(out) / "errata.md"
    p.write_text(render_errata(summary))
    return p
