"""summary.json and summary.md (DESIGN.md contract)."""
from __future__ import annotations

import datetime as _dt
import json
import os
from collections import Counter
from pathlib import Path

from ..errors import UsageError

VERDICT_ORDER = ("PROVED", "CONFIRMED", "REFUTED", "INCONCLUSIVE", "ERROR", "SKIPPED")


def build_summary(records: list[dict], *, version: str, profile: str, seed: int, chains: list[dict] | None = None,
                  seconds: float | None = None, command: str = "") -> dict:
    return {
        "tool": "lora-verify",
        "version": version,
        "profile": profile,
        "seed": seed,
        "date": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "command": command,
        "seconds": seconds,
        "counts": dict(Counter(r["verdict"] for r in records)),
        "claims": records,
        "chains": chains or [],
    }


def ensure_writable(out: Path) -> Path:
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create report directory {out}: {exc.strerror}") from None
    if not os.access(out, os.W_OK):
        raise UsageError(f"report directory {out} is not writable")
    return out


def write_summary(summary: dict, out: Path) -> tuple[Path, Path]:
    out = ensure_writable(out)
    js = out / "summary.json"
    js.write_text(json.dumps(summary, indent=1, ensure_ascii=False) + "\n")
    md = out / "summary.md"
    md.write_text(render_markdown(summary, out))
    return js, md


def load_summary(out: Path) -> dict | None:
    p = Path(out) / "summary.json"
    if not p.exists():
        return None
    return json.loads(p.read_text())


def merge_summaries(old: dict | None, new: dict) -> dict:
    """Keep the records of claims not re-run this time (a partial run updates, not erases)."""
    if not old or old.get("profile") != new["profile"] or old.get("seed") != new["seed"]:
        return new
    key = lambda r: (r["paper"], r["id"])  # noqa: E731
    fresh = {key(r) for r in new["claims"]}
    claims = [r for r in old.get("claims", []) if key(r) not in fresh] + new["claims"]
    ckey = lambda c: (c["paper"], c["chain"])  # noqa: E731
    cfresh = {ckey(c) for c in new["chains"]}
    chains = [c for c in old.get("chains", []) if ckey(c) not in cfresh] + new["chains"]
    merged = dict(new, claims=sorted(claims, key=_order), chains=chains)
    merged["counts"] = dict(Counter(r["verdict"] for r in merged["claims"]))
    return merged


def _order(r: dict):
    digits = "".join(ch for ch in r["id"] if ch.isdigit())
    return (r["paper"], int(digits) if digits else 0, r["id"])


def _md_escape(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render_markdown(summary: dict, out: Path | None = None) -> str:
    lines = [
        f"# lora-verify summary",
        "",
        f"version {summary['version']} · profile `{summary['profile']}` · seed {summary['seed']} · {summary.get('date', '')}",
        "",
        "Errata (every refuted claim and step with its witness): [errata.md](errata.md)",
        "",
        "| verdict | count |",
        "|---|---|",
    ]
    counts = summary.get("counts", {})
    lines += [f"| {v} | {counts.get(v, 0)} |" for v in VERDICT_ORDER if counts.get(v)]
    papers = sorted({r["paper"] for r in summary["claims"]})
    for paper in papers:
        links = []
        if out is not None and (Path(out) / f"{paper}.pdf").exists():
            links.append(f"[PDF report]({paper}.pdf)")
        if out is not None and (Path(out) / f"{paper}.tex").exists():
            links.append(f"[LaTeX]({paper}.tex)")
        lines += ["", f"## {paper}", ""] + ([" · ".join(links), ""] if links else []) + ["| id | label | equations | methods | verdict | evidence | s |", "|---|---|---|---|---|---|---|"]
        for r in summary["claims"]:
            if r["paper"] != paper:
                continue
            eqs = ", ".join(str(e) for e in r.get("equations", []))
            lines.append(
                f"| {_md_escape(r['id'])} | {_md_escape(r['label'])} | {eqs} | {' '.join(r['methods'])} | **{r['verdict']}** | "
                f"{_md_escape(r['summary'])[:300]} | {r.get('seconds', '')} |"
            )
    refuted = [r for r in summary["claims"] if r["verdict"] == "REFUTED"]
    if refuted:
        lines += ["", "## Refuted claims", ""]
        for r in refuted:
            lines.append(f"- **{r['paper']} {r['id']} {r['label']}**: {_md_escape(r['summary'])}  ")
            lines.append(f"  reproduce: `{r['reproduce']}`")
    if summary.get("chains"):
        lines += ["", "## Derivation chains", "", "| paper | chain | steps | first step that does not follow |", "|---|---|---|---|"]
        for c in summary["chains"]:
            bad = next((s for s in c["steps"] if s["verdict"] in ("REFUTED", "ERROR")), None)
            lines.append(f"| {c['paper']} | {c['chain']} | {len(c['steps'])} | {bad['step'] if bad else '—'} |")
    return "\n".join(lines) + "\n"
