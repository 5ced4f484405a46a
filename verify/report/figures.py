"""Figures for the reports (matplotlib, Agg): vector PDF for LaTeX, PNG for Markdown.

Drawn from the evidence data only (no re-computation): digits of agreement
of closed forms against integrated trajectories, Monte Carlo estimates with
their intervals against the formula, fitted rates with intervals against the
claimed value, tightness of inequalities."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

COLOURS = {"PROVED": "#1B7F3A", "CONFIRMED": "#2E8B57", "REFUTED": "#C0392B", "INCONCLUSIVE": "#B9770E",
           "ERROR": "#8E44AD", "SKIPPED": "#7F8C8D"}


def _save(fig, stem: Path) -> dict:
    stem.parent.mkdir(parents=True, exist_ok=True)
    with __import__("warnings").catch_warnings():
        __import__("warnings").simplefilter("ignore")
        fig.tight_layout()
    fig.savefig(stem.with_suffix(".pdf"))
    fig.savefig(stem.with_suffix(".png"), dpi=110)
    plt.close(fig)
    return {"pdf": str(stem.with_suffix(".pdf")), "png": str(stem.with_suffix(".png"))}


def verdict_bar(claims: list[dict], chains: list[dict], stem: Path) -> dict | None:
    if not claims and not chains:
        return None
    fig, ax = plt.subplots(figsize=(6, 2.4))
    rows = [("claims", Counter(r["verdict"] for r in claims))]
    if chains:
        rows.append(("chain steps", Counter(s["verdict"] for c in chains for s in c["steps"])))
    for y, (name, cnt) in enumerate(rows):
        left = 0
        for v, col in COLOURS.items():
            if cnt.get(v):
                ax.barh(y, cnt[v], left=left, color=col, label=v if y == 0 or v not in rows[0][1] else None)
                ax.text(left + cnt[v] / 2, y, str(cnt[v]), ha="center", va="center", color="white", fontsize=8)
                left += cnt[v]
    ax.set_yticks(range(len(rows)), [r[0] for r in rows])
    ax.legend(fontsize=7, ncol=3, loc="upper center", bbox_to_anchor=(0.5, -0.2), frameon=False)
    ax.set_xlabel("count")
    return _save(fig, stem)


def _safe(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", name).strip("_") or "x"


def claim_figures(rec: dict, fig_dir: Path) -> dict[int, dict]:
    """Figures for one claim, keyed by the index of the evidence they illustrate."""
    out: dict[int, dict] = {}
    evs = rec.get("evidence", [])
    base = fig_dir / _safe(rec["id"])
    mc = [(k, e) for k, e in enumerate(evs) if e["method"] == "MC" and "mean" in e.get("data", {})]
    if mc:
        fig, ax = plt.subplots(figsize=(6, 2.8))
        for y, (_, e) in enumerate(mc):
            d = e["data"]
            lo, hi = d.get("ci999", [d["mean"], d["mean"]])
            ax.errorbar([d["mean"]], [y], xerr=[[d["mean"] - lo], [hi - d["mean"]]], fmt="o", color=COLOURS["CONFIRMED" if e["outcome"] == "confirmed" else "REFUTED"], ms=3)
            ax.plot([d["expected"]], [y], "k|", ms=10)
        ax.set_yticks(range(len(mc)), [e.get("part") or e["summary"].split(":")[0][:30] for _, e in mc], fontsize=6)
        ax.set_xlabel("Monte Carlo mean with 99.9% CI (dot) vs formula (bar)")
        out[mc[0][0]] = _save(fig, base.with_name(base.name + "_mc"))
    for k, e in enumerate(evs):
        series = e.get("data", {}).get("series")
        if series:
            fig, ax = plt.subplots(figsize=(6, 2.6))
            labels = [s[0] for s in series]
            ax.bar(range(len(series)), [min(s[1], 200) for s in series], color=COLOURS["CONFIRMED"])
            ax.axhline(e.get("tolerance") and -__import__("math").log10(e["tolerance"]) or 0, color="k", lw=0.8, ls="--")
            ax.set_xticks(range(len(series)), labels, rotation=70, fontsize=5)
            ax.set_ylabel("digits of agreement")
            ax.set_title("closed form vs integrated trajectory (first case); dashed: required", fontsize=7)
            out[k] = _save(fig, base.with_name(f"{base.name}_digits{k}"))
    rates = [(k, e) for k, e in enumerate(evs) if e["method"] == "RATE" and e.get("data")]
    slopes = [(k, e, e["data"]) for k, e in rates if any(key in e["data"] for key in ("slope", "bound_slope", "fitted"))]
    if slopes:
        fig, ax = plt.subplots(figsize=(6, 2.4))
        for y, (_, e, d) in enumerate(slopes):
            s = d.get("slope", d.get("bound_slope", d.get("fitted")))
            ci = d.get("ci95", d.get("bound_ci", [s, s]))
            if isinstance(s, (int, float)) and isinstance(ci, (list, tuple)) and len(ci) == 2:
                ax.errorbar([s], [y], xerr=[[s - ci[0]], [ci[1] - s]], fmt="o", ms=3)
            if isinstance(d.get("claimed"), (int, float)):
                ax.plot([d["claimed"]], [y], "k|", ms=10)
        ax.set_yticks(range(len(slopes)), [e.get("part") or "fit" for _, e, _ in slopes], fontsize=6)
        ax.set_xlabel("fitted exponent with 95% CI (claimed: bar)")
        out[slopes[0][0]] = _save(fig, base.with_name(base.name + "_rate"))
    tight = [(k, e) for k, e in enumerate(evs) if isinstance(e.get("data", {}).get("tightness"), (int, float))]
    if len(tight) >= 2:
        fig, ax = plt.subplots(figsize=(6, 2.2))
        ax.barh(range(len(tight)), [e["data"]["tightness"] for _, e in tight], color=COLOURS["CONFIRMED"])
        ax.axvline(1.0, color="k", lw=0.8, ls="--")
        ax.set_yticks(range(len(tight)), [e.get("part") or e["summary"][:25] for _, e in tight], fontsize=6)
        ax.set_xlabel("tightness: worst lhs/rhs found (1 = bound attained)")
        out.setdefault(tight[0][0], _save(fig, base.with_name(base.name + "_tight")))
    return out
