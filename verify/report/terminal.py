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
