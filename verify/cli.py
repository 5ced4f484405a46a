"""The ``verify`` command: list | run | show | report."""
from __future__ import annotations

import argparse
import json
import shlex
import sys
import time
from pathlib import Path

from . import __version__
from .claims import discover
from .context import PROFILES
from .errors import UsageError, VerifyError
from .report import summary as summ
from .report import terminal
from .runner import RunOptions, cpu_count, run_claims, run_pool
from .steps import chain_error, evaluate_chain, select_chains, CHAINS


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="verify", description="Verify, claim by claim, the mathematics of LoRA papers.")
    p.add_argument("--version", action="version", version=f"lora-verify {__version__}")
    sub = p.add_subparsers(dest="cmd", required=True)

    ls = sub.add_parser("list", help="list every registered claim with its id and methods")
    ls.add_argument("--paper", action="append", default=[], help="paper alias or file stem (repeatable)")
    ls.add_argument("--json", action="store_true", help="machine-readable output")

    run = sub.add_parser("run", help="run claims and write summary.json / summary.md")
    run.add_argument("--paper", action="append", default=[], help="paper alias or file stem (repeatable)")
    run.add_argument("--claim", action="append", default=[], help="claim id, alias:id or label (repeatable)")
    run.add_argument("--chain", action="append", default=[], help="derivation chain id, e.g. CH-C3 (repeatable)")
    run.add_argument("--profile", default="quick", help="quick (default), ci or deep")
    run.add_argument("--jobs", type=int, default=1, help="claims run in parallel processes (default 1)")
    run.add_argument("--seed", type=int, default=0, help="the one seed all randomness flows from (default 0)")
    run.add_argument("--out", default="reports", help="report directory (default reports/)")
    run.add_argument("--timeout", type=float, default=None, help="override every per-claim time limit (seconds)")
    run.add_argument("--no-progress", action="store_true", help="no progress bar")
    run.add_argument("--report", action="store_true", help="also write the LaTeX reports (and PDFs where latexmk exists)")

    show = sub.add_parser("show", help="statement, verdict, evidence and reproduction command of one claim")
    show.add_argument("id", help="alias:id, stem:id, a bare id or an unambiguous label")
    show.add_argument("--out", default="reports", help="where summary.json is (default reports/)")
    show.add_argument("--rerun", action="store_true", help="run the claim now instead of reading summary.json")
    show.add_argument("--profile", default="quick")
    show.add_argument("--seed", type=int, default=0)

    rep = sub.add_parser("report", help="render reports from summary.json")
    rep.add_argument("--out", default="reports")
    rep.add_argument("--paper", action="append", default=[])
    rep.add_argument("--pdf", action="store_true", help="also compile PDFs (needs latexmk)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return {"list": cmd_list, "run": cmd_run, "show": cmd_show, "report": cmd_report}[args.cmd](args)
    except VerifyError as exc:
        print(f"verify: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `verify show ... | head`
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:  # pragma: no cover
        print("verify: interrupted", file=sys.stderr)
        return 130


def _profile(name: str):
    if name not in PROFILES:
        raise UsageError(f"unknown profile {name!r}; choose one of {', '.join(PROFILES)}")
    return PROFILES[name]


def _warn_import_errors(reg) -> bool:
    for mod, err in reg.import_errors.items():
        print(f"verify: warning: could not import {mod}: {err} (its claims are missing)", file=sys.stderr)
    return bool(reg.import_errors)


def cmd_list(args) -> int:
    reg = discover()
    _warn_import_errors(reg)
    claims = reg.select(args.paper)
    if args.json:
        print(json.dumps([dict(c.meta(), alias=c.paper.alias) for c in claims], indent=1, ensure_ascii=False))
        return 0
    for c in claims:
        print(f"{c.paper.alias:<16} {c.id:<8} {c.label[:34]:<34} {' '.join(c.methods)}")
    chains = select_chains(args.paper)
    for ch in chains:
        print(f"{ch.paper.alias:<16} {ch.id:<8} {ch.title[:34]:<34} {len(ch.steps)} steps")
    print(f"{len(claims)} claims and {len(chains)} derivation chains ({sum(len(c.steps) for c in chains)} steps) in {len({c.paper.stem for c in claims})} paper(s)")
    return 0


def cmd_run(args) -> int:
    profile = _profile(args.profile)
    if args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if args.jobs > 4 * cpu_count():
        raise UsageError(f"--jobs {args.jobs} is more than 4x the {cpu_count()} cores here")
    if args.timeout is not None and not args.timeout > 0:
        raise UsageError("--timeout must be positive")
    out = summ.ensure_writable(Path(args.out))
    reg = discover()
    broken = _warn_import_errors(reg)
    claims = reg.select(args.paper, args.claim) if (args.claim or not args.chain) else []
    chains = select_chains(args.paper, args.chain) if (args.chain or not args.claim) else []
    if not claims and not chains:
        raise UsageError("no claims or chains selected")
    opts = RunOptions(profile=profile, seed=args.seed, jobs=args.jobs, timeout_override=args.timeout)
    total = len(claims) + len(chains)
    progress = None if args.no_progress else terminal.Progress(total)
    t0 = time.perf_counter()
    # chains first: they are the longest items, so the pool stays busy to the end
    chain_recs = run_pool(chains, opts, evaluate_chain, chain_error,
                          progress=(lambda r, d, n: progress(_as_progress(r), d, total)) if progress else None)
    records = run_claims(claims, opts, progress=(lambda r, d, n: progress(r, d + len(chains), total)) if progress else None)
    elapsed = time.perf_counter() - t0
    aliases = {p.stem: p.alias for p in reg.papers.values()}
    for r in records:
        r["alias"] = aliases.get(r["paper"], r["paper"])
    command = "verify " + " ".join(shlex.quote(a) for a in sys.argv[1:]) if sys.argv[1:] else "verify run"
    new = summ.build_summary(records, version=__version__, profile=profile.name, seed=args.seed, chains=chain_recs,
                             seconds=round(elapsed, 2), command=command)
    merged = summ.merge_summaries(summ.load_summary(out), new)
    js, md = summ.write_summary(merged, out)
    from .report import errata

    er = errata.write_errata(merged, out)
    colour = terminal.use_colour()
    if records:
        print(terminal.verdict_table(records, colour=colour))
    if chain_recs:
        print(terminal.chain_table(chain_recs, colour=colour))
    steps_line = f"; {len(chain_recs)} chains, {sum(len(c['steps']) for c in chain_recs)} steps" if chain_recs else ""
    print(terminal.counts_line(records, colour=colour) + steps_line + f" in {elapsed:.1f} s (profile {profile.name}, seed {args.seed}, jobs {args.jobs})")
    print(f"wrote {js}, {md} and {er}")
    if args.report:
        from .report import latex

        meta = {p.stem: {"title": p.title, "reference": p.reference} for p in reg.papers.values()}
        import shutil as _sh

        latex.main(merged, out, pdf=_sh.which("latexmk") is not None, paper_meta=meta)
        md.write_text(summ.render_markdown(merged, out))
    failed = any(r["verdict"] == "ERROR" for r in records) or any(
        s["verdict"] == "ERROR" for c in chain_recs for s in c["steps"])
    return 1 if failed or broken else 0


def _as_progress(chain_rec: dict) -> dict:
    worst = next((s["verdict"] for s in chain_rec["steps"] if s["verdict"] in ("ERROR", "REFUTED")), "done")
    return {"paper": chain_rec["paper"], "id": chain_rec["chain"], "verdict": worst}


def cmd_show(args) -> int:
    reg = discover()
    chain_hit = _find_chain(reg, args.id)
    if chain_hit is not None:
        rec = None
        if not args.rerun:
            data = summ.load_summary(Path(args.out)) or {}
            rec = next((c for c in data.get("chains", []) if (c["paper"], c["chain"]) == (chain_hit.paper.stem, chain_hit.id)), None)
        if rec is None:
            rec = run_pool([chain_hit], RunOptions(profile=_profile(args.profile), seed=args.seed), evaluate_chain, chain_error)[0]
        print(terminal.render_chain(rec, colour=terminal.use_colour()))
        return 0
    hits = reg.find(args.id)
    rec_by_key = {}
    if not args.rerun:
        data = summ.load_summary(Path(args.out))
        if data:
            rec_by_key = {(r["paper"], r["id"]): r for r in data["claims"]}
    for c in hits:
        rec = rec_by_key.get((c.paper.stem, c.id))
        if rec is None:
            opts = RunOptions(profile=_profile(args.profile), seed=args.seed)
            rec = run_claims([c], opts)[0]
        print(render_show(c, rec))
    return 0


def _find_chain(reg, ident: str):
    paper_part, _, rest = ident.partition(":")
    name = rest if rest else ident
    for (stem, cid), ch in CHAINS.items():
        if cid == name and (not rest or paper_part in (ch.paper.alias, stem)):
            return ch
    return None


def render_show(c, rec: dict) -> str:
    colour = terminal.use_colour()
    lines = [
        f"{c.paper.alias} {c.id}  {c.label} — {c.title}",
        f"paper:       {c.paper.stem} ({c.paper.title})",
        f"section:     {c.section}    equations: {', '.join(map(str, c.equations)) or '—'}",
        f"methods:     {' '.join(c.methods)}",
        "statement (as printed):",
        *("    " + ln for ln in c.statement.splitlines()),
    ]
    if c.assumptions:
        lines += ["assumptions:", *("    " + ln for ln in c.assumptions.splitlines())]
    lines += [f"verdict:     {terminal.paint(rec['verdict'], rec['verdict'], colour)}", f"summary:     {rec['summary']}", "evidence:"]
    for ev in rec.get("evidence", []):
        lines.append(f"  - [{ev['method']}{'/' + ev['part'] if ev.get('part') else ''}] {ev['outcome']}: {ev['summary']}")
        if ev.get("tolerance") is not None:
            lines.append(f"      tolerance {ev['tolerance']:.3g}: {ev.get('tolerance_reason', '')}")
        if ev.get("witness"):
            lines.append(f"      witness: {json.dumps(ev['witness'], ensure_ascii=False)[:2000]}")
        if ev.get("revalidation"):
            lines.append(f"      re-validation: {json.dumps(ev['revalidation'], ensure_ascii=False)[:500]}")
        if ev.get("data"):
            lines.append(f"      data: {json.dumps(ev['data'], ensure_ascii=False)[:800]}")
    if rec.get("traceback"):
        lines += ["traceback:", rec["traceback"]]
    lines.append(f"reproduce:   {rec['reproduce']}")
    return "\n".join(lines)


def cmd_report(args) -> int:
    out = Path(args.out)
    data = summ.load_summary(out)
    if data is None:
        raise UsageError(f"no {out / 'summary.json'}: run `verify run` first")
    from .report import errata, latex

    reg = discover()
    meta = {p.stem: {"title": p.title, "reference": p.reference} for p in reg.papers.values()}
    stems = [reg.paper(p).stem for p in args.paper]
    status = latex.main(data, out, papers=stems, pdf=args.pdf, paper_meta=meta)
    md = out / "summary.md"
    md.write_text(summ.render_markdown(data, out))
    er = errata.write_errata(data, out)
    print(f"wrote {md} and {er}")
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
