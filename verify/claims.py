"""Claims, papers, the registry and discovery.

A paper package (under ``proofs_check/`` by default) creates one :class:`Paper`
and decorates one function per claim with :func:`claim`.  Discovery imports
every module below the claim packages, so registering is a side effect of
import, like pytest collecting test items.
"""
from __future__ import annotations

import difflib
import importlib
import os
import pkgutil
from dataclasses import dataclass, field
from typing import Callable, Iterable

from .errors import UsageError

CLAIM_PACKAGES_ENV = "LORA_VERIFY_PACKAGES"
DEFAULT_PACKAGES = ("proofs_check",)
METHOD_CODES = ("SYM", "STEPS", "ODE", "PROP", "MC", "GD", "RATE", "NOT-CHECKABLE")


@dataclass(frozen=True)
class Paper:
    stem: str
    alias: str
    title: str
    reference: str = ""


@dataclass
class Claim:
    paper: Paper
    id: str
    label: str
    title: str
    section: str
    equations: list[int | str]
    statement: str
    assumptions: str
    methods: list[str]
    func: Callable
    timeout: float = 120.0

    @property
    def key(self) -> str:
        return f"{self.paper.alias}:{self.id}"

    def meta(self) -> dict:
        return {
            "paper": self.paper.stem,
            "id": self.id,
            "label": self.label,
            "title": self.title,
            "section": self.section,
            "equations": list(self.equations),
            "methods": list(self.methods),
            "statement": self.statement,
            "assumptions": self.assumptions,
        }


@dataclass
class Registry:
    papers: dict[str, Paper] = field(default_factory=dict)
    claims: dict[tuple[str, str], Claim] = field(default_factory=dict)
    import_errors: dict[str, str] = field(default_factory=dict)

    def add_paper(self, paper: Paper) -> None:
        old = self.papers.get(paper.stem)
        if old is not None and old != paper:
            raise ValueError(f"paper {paper.stem} registered twice with different metadata")
        for other in self.papers.values():
            if other.alias == paper.alias and other.stem != paper.stem:
                raise ValueError(f"alias {paper.alias!r} used by two papers")
        self.papers[paper.stem] = paper

    def add(self, c: Claim) -> None:
        self.add_paper(c.paper)
        key = (c.paper.stem, c.id)
        if key in self.claims and self.claims[key].func is not c.func:
            raise ValueError(f"claim {c.key} registered twice")
        self.claims[key] = c

    # -- look-ups -----------------------------------------------------
    def paper(self, name: str) -> Paper:
        for p in self.papers.values():
            if name in (p.stem, p.alias):
                return p
        names = [p.alias for p in self.papers.values()] + list(self.papers)
        hint = difflib.get_close_matches(name, names, n=1)
        raise UsageError(
            f"unknown paper {name!r}"
            + (f"; did you mean {hint[0]!r}?" if hint else f"; known papers: {', '.join(sorted(names))}")
        )

    def select(self, papers: Iterable[str] = (), ids: Iterable[str] = ()) -> list[Claim]:
        papers, ids = list(papers), list(ids)
        chosen = [c for c in self.ordered() if not papers or c.paper in {self.paper(p) for p in papers}]
        if ids:
            out = []
            for i in ids:
                out.extend(c for c in self.find(i, within=chosen) if c not in out)
            chosen = out
        return chosen

    def find(self, ident: str, within: list[Claim] | None = None) -> list[Claim]:
        """Resolve ``alias:id``, ``stem:id``, a bare id or a label (when unambiguous)."""
        pool = within if within is not None else self.ordered()
        paper_part, _, rest = ident.partition(":")
        if rest and any(paper_part in (p.alias, p.stem) for p in self.papers.values()):
            p = self.paper(paper_part)
            pool = [c for c in pool if c.paper == p]
            ident = rest
        hits = [c for c in pool if c.id == ident]
        if not hits:
            hits = [c for c in pool if c.label == ident]
        if not hits:
            candidates = [c.id for c in pool] + [c.label for c in pool]
            hint = difflib.get_close_matches(ident, candidates, n=3)
            raise UsageError(
                f"unknown claim {ident!r}" + (f"; did you mean {', '.join(map(repr, hint))}?" if hint else "")
            )
        if len(hits) > 1 and len({c.paper.stem for c in hits}) > 1:
            raise UsageError(
                f"claim {ident!r} is ambiguous: " + ", ".join(c.key for c in hits) + "; prefix it with the paper alias"
            )
        return hits

    def ordered(self) -> list[Claim]:
        def order(c: Claim):
            digits = "".join(ch for ch in c.id if ch.isdigit())
            return (c.paper.stem, int(digits) if digits else 0, c.id)

        return sorted(self.claims.values(), key=order)


REGISTRY = Registry()


def claim(
    paper: Paper,
    *,
    id: str,
    label: str,
    title: str = "",
    section: str = "",
    equations: Iterable[int | str] = (),
    statement: str,
    assumptions: str = "",
    methods: Iterable[str],
    timeout: float = 120.0,
):
    """Register the decorated function as the check of one claim."""
    methods = list(methods)
    bad = [m for m in methods if m not in METHOD_CODES]
    if bad:
        raise ValueError(f"claim {id}: unknown method codes {bad}; use {METHOD_CODES}")

    def deco(func: Callable) -> Callable:
        REGISTRY.add(
            Claim(
                paper=paper,
                id=id,
                label=label,
                title=title or label,
                section=section,
                equations=list(equations),
                statement=statement.strip(),
                assumptions=assumptions.strip(),
                methods=methods,
                func=func,
                timeout=timeout,
            )
        )
        return func

    return deco


_discovered = False


def discover(packages: Iterable[str] | None = None) -> Registry:
    """Import every module of the claim packages (once) and return the registry."""
    global _discovered
    if _discovered and packages is None:
        return REGISTRY
    if packages is None:
        env = os.environ.get(CLAIM_PACKAGES_ENV)
        packages = env.split(",") if env else DEFAULT_PACKAGES
    for name in packages:
        pkg = importlib.import_module(name)
        for info in pkgutil.walk_packages(pkg.__path__, prefix=pkg.__name__ + "."):
            try:
                importlib.import_module(info.name)
            except Exception as exc:  # one broken module must not hide the others
                REGISTRY.import_errors[info.name] = f"{type(exc).__name__}: {exc}"
    _discovered = True
    return REGISTRY
