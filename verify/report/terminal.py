"""The verdict table people read in a terminal (ANSI colours when it is a tty)."""
from __future__ import annotations

import os
import shutil
import sys

COLOURS = {"PROVED": "32;1", "CONFIRMED": "32", "REFUTED": "31;1", "INCONCLUSIVE": "33", "ERROR": "35;1", "SKIPPED": "90"}


def use_colour(stream=sys.stdout) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or (hasattr(stream, "isatty") and stream.isatty())


def paint(text: str, verdict: str, colour: bool) -> str:
    return f"\x1b[{COLOURS[verdict]}m{text}\x1b[0m" if colour and verdict in COLOURS else text


def verdict_table(records: list[dict], colour: bool = False, width: int | None = None) -> str:
    width = width or shutil.get_terminal_size((140, 20)).columns
    head = f"{'paper':<16} {'id':<7} {'label':<26} {'verdict':<12} {'s':>6}  summary"
    out = [head, "-" * min(width, len(head) + 60)]
    for r in records:
        alias = r.get("alias", r["paper"])[:16]
        fixed = f"{alias:<16} {r['id'][:7]:<7} {r['label'][:26]:<26} "
        tail = f" {r.get('seconds', 0):>6.1f}  "
        room = max(20, width - len(fixed) - 12 - len(tail))
        summary = r["summary"].replace("\n", " ")
        summary = summary if len(summary) <= room else summary[: room - 1] + "…"
        out.append(fixed + paint(f"{r['verdict']:<12}", r["verdict"], colour) + tail + summary)
    return "\n".join(out)


def counts_line(records: list[dict], colour: bool = False) -> str:
    from collections import Counter

    c = Counter(r["verdict"] for r in records)
    parts = [paint(f"{v} {c[v]}", v, colour) for v in COLOURS if c.get(v)]
    return f"{len(records)} claims: " + ", ".join(parts)


class Progress:
    """A one-line progress bar on stderr (plain lines when not a tty)."""

    def __init__(self, total: int, stream=sys.stderr):
        self.total, self.stream = total, stream
        self.tty = hasattr(stream, "isatty") and stream.isatty()

    def __call__(self, rec: dict, done: int, total: int) -> None:
        bar_w = 30
        filled = int(bar_w * done / max(total, 1))
        msg = f"[{'#' * filled}{'.' * (bar_w - filled)}] {done}/{total} {r_id(rec)} {rec['verdict']}"
        if self.tty:
            self.stream.write("\r" + msg[:120].ljust(120))
            if done == total:
                self.stream.write("\n")
        else:
            self.stream.write(msg + "\n")
        self.stream.flush()


def r_id(rec: dict) -> str:
    return f"{rec['paper'][:3]}:{rec['id']}"


def chain_table(chains: list[dict], colour: bool = False) -> str:
    out = [f"{'paper':<22} {'chain':<8} {'steps':>5}  {'PRV':>4} {'CNF':>4} {'REF':>4} {'INC':>4} {'ERR':>4}  first step that does not follow"]
    for c in chains:
        v = [s["verdict"] for s in c["steps"]]
        first = c.get("first_failing_step") or "—"
        line = (f"{c['paper'][:22]:<22} {c['chain']:<8} {len(v):>5}  {v.count('PROVED'):>4} {v.count('CONFIRMED'):>4} "
                f"{v.count('REFUTED'):>4} {v.count('INCONCLUSIVE'):>4} {v.count('ERROR'):>4}  ")
        out.append(line + (paint(first, "REFUTED", colour) if first != "—" else first))
    return "\n".join(out)


def render_chain(c: dict, colour: bool = False) -> str:
    lines = [f"{c['chain']}: {c.get('title', '')}  ({c['paper']})"]
    for s in c["steps"]:
        v = s["verdict"]
        lines.append(f"  {s['step']:<24} {paint(f'{v:<12}', v, colour)} {s['operation']}")
        if s.get("printed"):
            lines.append(f"      printed: {s['printed']}")
        if s.get("encoded"):
            lines.append(f"      encoded: {s['encoded'][:400]}")
        if s.get("note"):
            lines.append(f"      note:    {s['note']}")
        lines.append(f"      {s.get('summary', '')[:600]}")
    lines.append(f"first step that does not follow: {c.get('first_failing_step') or '—'}")
    if c.get("end_result"):
        e = c["end_result"]
        lines.append(f"end result ({e['label']}) on its own: {e['verdict']}: {e['summary'][:400]}")
    if c.get("reproduce"):
        lines.append(f"reproduce: {c['reproduce']}")
    return "\n".join(lines)
