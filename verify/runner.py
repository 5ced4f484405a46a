"""Run claims: one child process per claim, a wall-time and memory limit per
claim, ``jobs`` at a time.  A crash, hang or memory blow-up becomes an ERROR
record for that claim only; the rest of the suite completes."""
from __future__ import annotations

import multiprocessing as mp
import os
import resource
import time
import traceback
from dataclasses import dataclass
from typing import Callable, Iterable

from .claims import Claim
from .context import PROFILES, Context, Profile
from .errors import InputError
from .verdicts import Evidence, Verdict, derive_verdict, jsonable

DEFAULT_MEMORY_BYTES = 6 * 1024**3


@dataclass
class RunOptions:
    profile: Profile = PROFILES["quick"]
    seed: int = 0
    jobs: int = 1
    memory_bytes: int = DEFAULT_MEMORY_BYTES
    timeout_override: float | None = None


def reproduce_command(claim: Claim, opts: RunOptions) -> str:
    return f"verify run --paper {claim.paper.alias} --claim '{claim.id}' --profile {opts.profile.name} --seed {opts.seed}"


def evaluate(claim: Claim, opts: RunOptions) -> dict:
    """Run one claim in this process and grade it (no isolation)."""
    ctx = Context(seed=opts.seed, profile=opts.profile, claim_key=claim.key)
    t0 = time.perf_counter()
    try:
        out = claim.func(ctx)
        evidence = [out] if isinstance(out, Evidence) else list(out or [])
        for ev in evidence:
            if not isinstance(ev, Evidence):
                raise TypeError(f"claim function returned {type(ev).__name__}, expected Evidence")
        verdict, summary = derive_verdict(evidence)
        record = _record(claim, opts, verdict, summary, [ev.to_dict() for ev in evidence])
    except InputError as exc:
        record = _record(claim, opts, Verdict.ERROR, f"bad input inside the check: {exc}", [])
    except Exception as exc:  # the check crashed: ERROR, never a pass
        tb = traceback.format_exc(limit=6)
        record = _record(claim, opts, Verdict.ERROR, f"check crashed: {type(exc).__name__}: {exc}", [], traceback=tb)
    record["seconds"] = round(time.perf_counter() - t0, 3)
    return record


def _record(claim: Claim, opts: RunOptions, verdict: Verdict, summary: str, evidence: list, **extra) -> dict:
    rec = claim.meta()
    rec.update(verdict=verdict.value, summary=summary, evidence=evidence, reproduce=reproduce_command(claim, opts))
    rec.update(extra)
    return jsonable(rec)


def _child(evaluate_fn, item, opts: RunOptions, error_record, conn) -> None:
    try:
        resource.setrlimit(resource.RLIMIT_AS, (opts.memory_bytes, opts.memory_bytes))
    except (ValueError, OSError):  # pragma: no cover - platform without the limit
        pass
    try:
        rec = evaluate_fn(item, opts)
    except MemoryError:
        rec = error_record(item, opts, "check exhausted its memory limit")
    conn.send(rec)
    conn.close()


def timeout_for(item, opts: RunOptions) -> float:
    if opts.timeout_override is not None:
        return opts.timeout_override
    return item.timeout * opts.profile.timeout_scale


def claim_error(claim: Claim, opts: RunOptions, message: str) -> dict:
    return _record(claim, opts, Verdict.ERROR, message, [])


def run_pool(items: list, opts: RunOptions, evaluate_fn, error_record, progress=None) -> list[dict]:
    """Run ``evaluate_fn(item, opts)`` for every item in its own process, at
    most ``opts.jobs`` at once, each under its time and memory limit.  A
    crash, hang or memory blow-up becomes ``error_record(item, opts, why)``.
    Results come back in the order of ``items``."""
    ctx = mp.get_context("fork")
    pending = list(enumerate(items))
    active: dict[int, tuple] = {}
    results: dict[int, dict] = {}
    done = 0
    while pending or active:
        while pending and len(active) < max(1, opts.jobs):
            i, c = pending.pop(0)
            parent, child = ctx.Pipe(duplex=False)
            p = ctx.Process(target=_child, args=(evaluate_fn, c, opts, error_record, child), daemon=True)
            p.start()
            child.close()
            active[i] = (c, p, parent, time.perf_counter())
        mp.connection.wait([a[2] for a in active.values()] + [a[1].sentinel for a in active.values()], timeout=0.2)
        for i, (c, p, conn, t0) in list(active.items()):
            rec = None
            elapsed = time.perf_counter() - t0
            if conn.poll():
                try:
                    rec = conn.recv()
                except (EOFError, OSError):
                    rec = None
                if rec is None:
                    rec = _dead(c, opts, p, elapsed, error_record)
            elif not p.is_alive():
                rec = _dead(c, opts, p, elapsed, error_record)
            elif elapsed > timeout_for(c, opts):
                p.kill()
                rec = error_record(c, opts, f"timed out after {timeout_for(c, opts):g} s (per-item limit)")
                rec["seconds"] = round(elapsed, 3)
            if rec is not None:
                p.join(timeout=5)
                conn.close()
                del active[i]
                results[i] = rec
                done += 1
                if progress:
                    progress(rec, done, len(items))
    return [results[i] for i in range(len(items))]


def run_claims(claims: Iterable[Claim], opts: RunOptions,
               progress: Callable[[dict, int, int], None] | None = None) -> list[dict]:
    """Run every claim in its own process (see :func:`run_pool`)."""
    return run_pool(list(claims), opts, evaluate, claim_error, progress)


def _dead(item, opts: RunOptions, p, elapsed: float, error_record) -> dict:
    p.join(timeout=5)
    code = p.exitcode
    why = "was killed (likely out of memory)" if code is not None and code < 0 else f"exited with status {code}"
    rec = error_record(item, opts, f"check process {why} before reporting")
    rec["seconds"] = round(elapsed, 3)
    return rec


def run_inline(claims: Iterable[Claim], opts: RunOptions) -> list[dict]:
    """Run claims in this process (no isolation); for tests and debugging."""
    return [evaluate(c, opts) for c in claims]


def cpu_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
