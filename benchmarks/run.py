"""Speed benchmarks, measured side by side in one run and printed as ratios.

    python benchmarks/run.py                 # integrators and closed forms (a few minutes)
    python benchmarks/run.py --quick         # smaller sizes only
    python benchmarks/run.py --suite         # also `verify run` per paper with --jobs 1 and 2

Baselines are measured in the same run on the same machine: mpmath.odefun
(Taylor series, the slow high-precision baseline) and scipy DOP853 (float64).
Digits are measured against the engine's own integration at twice the digits
(and the engine at 2x digits is itself cross-checked against odefun's result).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import mpmath
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from verify.ode import dop853, integrate, tr  # noqa: E402


def lora_field(s, p):
    a = tr(p["W0"]) - tr(s["Y"] @ s["X"])
    return {"Y": a * s["X"].T, "X": a * s["Y"].T}


def problem(n: int, r: int, seed: int = 0):
    rng = np.random.default_rng(seed)
    W0 = rng.normal(size=(n, n)) / np.sqrt(n)
    X0 = rng.normal(size=(r, n)) / np.sqrt(n)
    return W0, np.zeros((n, r)), X0


def timed(fn, repeat: int = 1):
    best = float("inf")
    out = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    return best, out


def digits(a_list, b_list) -> float:
    worst = float("inf")
    for a, b in zip(a_list, b_list):
        a, b = mpmath.matrix(a), mpmath.matrix(b)
        err = max(abs(a[i, j] - b[i, j]) for i in range(a.rows) for j in range(a.cols))
        scale = max(abs(b[i, j]) for i in range(b.rows) for j in range(b.cols))
        worst = min(worst, float(-mpmath.log10(err / scale)) if err else 99.0)
    return worst


def odefun_solve(W0, Y0, X0, T, dps):
    n, r = Y0.shape
    with mpmath.workdps(dps):
        W = mpmath.matrix(W0.tolist())
        c = sum(W[i, i] for i in range(n))

        def f(t, y):
            Y = mpmath.matrix(n, r)
            X = mpmath.matrix(r, n)
            for k in range(n * r):
                Y[k // r, k % r] = y[k]
            for k in range(r * n):
                X[k // n, k % n] = y[n * r + k]
            a = c - sum((Y * X)[i, i] for i in range(n))
            dY, dX = a * X.T, a * Y.T
            return [dY[k // r, k % r] for k in range(n * r)] + [dX[k // n, k % n] for k in range(r * n)]

        y0 = [mpmath.mpf(v) for v in Y0.ravel()] + [mpmath.mpf(v) for v in X0.ravel()]
        sol = mpmath.odefun(f, 0, y0, tol=mpmath.mpf(10) ** (-dps), degree=None)
        y = sol(T)
        Y = mpmath.matrix(n, r)
        X = mpmath.matrix(r, n)
        for k in range(n * r):
            Y[k // r, k % r] = y[k]
        for k in range(r * n):
            X[k // n, k % n] = y[n * r + k]
        return Y, X


def bench_integrators(sizes, dps_list, T=0.25):
    rows = []
    for (n, r) in sizes:
        W0, Y0, X0 = problem(n, r)
        for dps in dps_list:
            t_eng, res = timed(lambda: integrate(lora_field, {"Y": Y0, "X": X0}, [T], params={"W0": W0}, dps=dps), repeat=3)
            ref = integrate(lora_field, {"Y": Y0, "X": X0}, [T], params={"W0": W0}, dps=2 * dps)
            with mpmath.workdps(2 * dps):
                d_eng = digits([res.y["Y"][0], res.y["X"][0]], [ref.y["Y"][0], ref.y["X"][0]])
            t_ode, (Yo, Xo) = timed(lambda: odefun_solve(W0, Y0, X0, T, dps))
            with mpmath.workdps(2 * dps):
                d_ode = digits([Yo, Xo], [ref.y["Y"][0], ref.y["X"][0]])
            t_dop, dres = timed(lambda: dop853(lora_field, {"Y": Y0, "X": X0}, [T], params={"W0": W0}), repeat=3)
            with mpmath.workdps(2 * dps):
                d_dop = digits([mpmath.matrix(dres.y["Y"][0].tolist()), mpmath.matrix(dres.y["X"][0].tolist())],
                               [ref.y["Y"][0], ref.y["X"][0]])
            rows.append({"n": n, "r": r, "dps": dps, "engine_s": t_eng, "engine_digits": d_eng, "steps": res.nsteps,
                         "odefun_s": t_ode, "odefun_digits": d_ode, "dop853_s": t_dop, "dop853_digits": d_dop,
                         "speedup_vs_odefun": t_ode / t_eng})
            print(f"  (n,r)=({n},{r}) {dps} digits: engine {t_eng:.3f} s ({d_eng:.1f} digits, {res.nsteps} steps) | "
                  f"odefun {t_ode:.2f} s ({d_ode:.1f} digits) | DOP853 {t_dop:.4f} s ({d_dop:.1f} digits) | "
                  f"odefun/engine = {t_ode / t_eng:.0f}x", flush=True)
    return rows


def bench_mpmath_backend(n=4, r=1, dps=30, T=0.25):
    W0, Y0, X0 = problem(n, r)
    t_fl, _ = timed(lambda: integrate(lora_field, {"Y": Y0, "X": X0}, [T], params={"W0": W0}, dps=dps), repeat=3)
    t_mp, _ = timed(lambda: integrate(lora_field, {"Y": Y0, "X": X0}, [T], params={"W0": W0}, dps=dps, backend="mpmath"))
    print(f"  same Taylor algorithm, (n,r)=({n},{r}), {dps} digits: flint {t_fl:.3f} s, mpmath {t_mp:.3f} s, ratio {t_mp / t_fl:.1f}x")
    return {"flint_s": t_fl, "mpmath_s": t_mp, "ratio": t_mp / t_fl}


def bench_closed_forms(dps=30, count=200):
    from proofs_check.rushka_klabjan import tracesq as M

    with mpmath.workdps(dps):
        x2, c = mpmath.mpf(4), mpmath.mpf(-1.5)
        t_cf, _ = timed(lambda: [(M.p_closed(x2, c, mpmath.mpf(k) / 40), M.q_closed(x2, c, mpmath.mpf(k) / 40),
                                  M.a_closed(x2, c, mpmath.mpf(k) / 40)) for k in range(count)])
    print(f"  closed forms p, q, a at {dps} digits: {1e6 * t_cf / count:.0f} us per time point")
    return {"per_point_us": 1e6 * t_cf / count}


def bench_suite():
    rows = []
    papers = subprocess.run([sys.executable, "-m", "verify.cli", "list"], capture_output=True, text=True).stdout
    aliases = sorted({ln.split()[0] for ln in papers.splitlines() if ln and not ln[0].isdigit() and len(ln.split()) > 2})
    for alias in aliases:
        times = {}
        for jobs in (1, 2):
            with tempfile.TemporaryDirectory() as out:
                t0 = time.perf_counter()
                subprocess.run([sys.executable, "-m", "verify.cli", "run", "--paper", alias, "--jobs", str(jobs), "--out", out,
                                "--no-progress"], capture_output=True, text=True)
                times[jobs] = time.perf_counter() - t0
        rows.append({"paper": alias, "jobs1_s": times[1], "jobs2_s": times[2], "speedup": times[1] / times[2]})
        print(f"  verify run --paper {alias}: --jobs 1 {times[1]:.1f} s, --jobs 2 {times[2]:.1f} s, speed-up {times[1] / times[2]:.2f}x")
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="(4,1) and (8,2) only, 30 digits")
    ap.add_argument("--suite", action="store_true", help="also time `verify run` per paper, --jobs 1 vs 2")
    ap.add_argument("--json", default="", help="write the measurements to this file")
    args = ap.parse_args(argv)
    print(f"machine: {os.cpu_count()} cores; python-flint {__import__('flint').__version__}, mpmath {mpmath.__version__}")
    sizes = [(4, 1), (8, 2)] if args.quick else [(4, 1), (8, 2), (16, 4)]
    dps_list = [30] if args.quick else [30, 50]
    out = {"cores": os.cpu_count()}
    print("trace-squared LoRA flow, T = 0.25 (engine Taylor/flint vs mpmath.odefun vs scipy DOP853):")
    out["integrators"] = bench_integrators(sizes, dps_list)
    print("Taylor integrator backends:")
    out["backends"] = bench_mpmath_backend()
    print("closed-form evaluation:")
    out["closed_forms"] = bench_closed_forms()
    if args.suite:
        print("suite (verify run --profile quick):")
        out["suite"] = bench_suite()
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
