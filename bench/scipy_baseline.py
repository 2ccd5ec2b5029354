#!/usr/bin/env python3
#
# Copyright 2026 the scalinglaws authors.
# SPDX-License-Identifier: Apache-2.0
#

"""SciPy baseline for the race: the Epoch AI "replicate exactly" fit of the Chinchilla law.

This is the reference the Java library is raced against (bench/race.sh, bench/coldstart.sh). It implements,
in plain numpy/scipy, the protocol of Besiroglu, Erdil, Barnett and You (2024), "Chinchilla Scaling: A
replication attempt", arXiv:2404.10102, which re-fits Hoffmann et al. (2022), arXiv:2203.15556, Approach 3:

* data: the points Epoch extracted from Hoffmann et al.'s Figure 4 (columns 'Model Size' = N parameters,
  'Training FLOP' = C, 'loss'); tokens D = C / (6 N); the 5 rows with the highest loss are dropped (245 -> 240);
* model, in log space: ln L(N, D) = LSE(a - alpha ln N, b - beta ln D, e), i.e.
  L = E + A / N^alpha + B / D^beta with A = exp(a), B = exp(b), E = exp(e);
* objective: sum over rows of Huber_delta(ln L_hat - ln L), delta = 1e-3, where Huber_d(r) = r^2 / 2 for
  |r| <= d and d (|r| - d / 2) otherwise;
* optimiser: scipy.optimize.minimize(method="L-BFGS-B") with the analytic gradient, scipy's default
  tolerances, no bounds, started from every point of Hoffmann's grid
  a, b in {0, 5, ..., 25}, e in {-1, -0.5, ..., 1}, alpha, beta in {0, 0.5, ..., 2} (4,500 starts);
  the lowest objective wins (the first one on ties, in grid order).

The published optimum (Epoch's replication): objective 0.00101827, A 477.83, B 2143.4, E 1.8172,
alpha 0.34731, beta 0.36717.

With --bootstrap B it also times B case-resampling refits, each started from the full-data optimum and the
--boot-starts grid points whose full-data fits ended lowest (the race extrapolates the time per refit).

Usage:  python3 bench/scipy_baseline.py --data CSV [--bootstrap B] [--boot-starts K] [--seed S]
                                        [--json FILE] [--quiet]
Output: a short report on stdout (unless --quiet); with --json, the numbers and timings as JSON.
Timings use time.perf_counter and cover the fits only (not Python's start-up or the CSV reading);
bench/coldstart.sh times the whole process instead.
"""
import argparse
import csv
import json
import os
import platform
import sys
import time

# One thread for BLAS: the vectors have 240 elements, and on a busy machine OpenBLAS's idle worker threads spin
# (measured here under load: 21 s of CPU for 100 starts with the default threads, 1.2 s with one). Set before numpy
# loads; an explicit setting in the environment wins.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402
import scipy  # noqa: E402
from scipy.optimize import minimize  # noqa: E402

HUBER_DELTA = 1e-3
DROP_HIGHEST = 5
PUBLISHED = {"objective": 0.00101827, "A": 477.83, "B": 2143.4, "E": 1.8172, "alpha": 0.34731, "beta": 0.36717}


def read_epoch_csv(path, drop_highest=DROP_HIGHEST):
    """ln N, ln D, ln L of the rows kept, in file order."""
    n, c, loss = [], [], []
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            n.append(float(row["Model Size"]))
            c.append(float(row["Training FLOP"]))
            loss.append(float(row["loss"]))
    n, c, loss = np.array(n), np.array(c), np.array(loss)
    d = c / (6.0 * n)
    # the drop_highest largest losses go; a stable sort keeps ties in file order
    dropped = np.argsort(-loss, kind="stable")[:drop_highest]
    keep = np.setdiff1d(np.arange(loss.size), dropped)
    return np.log(n[keep]), np.log(d[keep]), np.log(loss[keep]), int(loss.size)


class Objective:
    """Sum of Huber losses of the log residuals, with its gradient in (a, b, e, alpha, beta)."""

    def __init__(self, ln_n, ln_d, ln_l, delta=HUBER_DELTA):
        self.ln_n, self.ln_d, self.ln_l, self.delta = ln_n, ln_d, ln_l, delta
        self.calls = 0

    def __call__(self, theta):
        self.calls += 1
        a, b, e, alpha, beta = theta
        u = a - alpha * self.ln_n
        v = b - beta * self.ln_d
        top = np.maximum(np.maximum(u, v), e)   # logsumexp, shifted by the largest term
        pu, pv, pe = np.exp(u - top), np.exp(v - top), np.exp(e - top)
        total = pu + pv + pe
        r = top + np.log(total) - self.ln_l
        d = self.delta
        absr = np.abs(r)
        value = float(np.sum(np.where(absr <= d, 0.5 * r * r, d * (absr - 0.5 * d))))
        if not np.isfinite(value):
            return np.inf, np.zeros(5)
        # d/dtheta of LSE: softmax weights pu/total, pv/total, pe/total; Huber's psi = clip(r, -d, d)
        w = np.clip(r, -d, d) / total
        wu, wv = w * pu, w * pv
        grad = np.array([wu.sum(), wv.sum(), float(w @ pe), -float(wu @ self.ln_n), -float(wv @ self.ln_d)])
        return value, grad


def hoffmann_starts():
    """The 4,500 starting points, (a, b, e, alpha, beta), a varying slowest."""
    axes = (np.arange(0, 26, 5.0), np.arange(0, 26, 5.0), np.arange(-1, 1.01, 0.5),
            np.arange(0, 2.01, 0.5), np.arange(0, 2.01, 0.5))
    return np.stack(np.meshgrid(*axes, indexing="ij"), axis=-1).reshape(-1, 5)


def lbfgsb(objective, x0):
    return minimize(objective, x0, jac=True, method="L-BFGS-B")


def natural(theta):
    a, b, e, alpha, beta = (float(t) for t in theta)
    return {"A": np.exp(a), "B": np.exp(b), "E": np.exp(e), "alpha": alpha, "beta": beta}


def grid_fit(objective, starts):
    values = np.full(len(starts), np.inf)
    ends = np.empty_like(starts)
    converged = iterations = 0
    objective.calls = 0
    t0 = time.perf_counter()
    for i, x0 in enumerate(starts):
        res = lbfgsb(objective, x0)
        ends[i] = res.x
        if np.isfinite(res.fun):
            values[i] = res.fun
        converged += bool(res.success)
        iterations += int(res.nit)
    seconds = time.perf_counter() - t0
    best = int(np.argmin(values))
    summary = {"objective": float(values[best]), "params": natural(ends[best]),
               "theta": [float(t) for t in ends[best]], "starts": int(len(starts)), "converged": converged,
               "at_best": int(np.sum(values <= values[best] * (1 + 1e-6))), "iterations": iterations,
               "evaluations": objective.calls, "wall_s": seconds}
    return summary, values, ends[best]


def bootstrap(ln_n, ln_d, ln_l, starts, values, optimum, refits, boot_starts, seed):
    rng = np.random.default_rng(seed)
    from_grid = starts[np.argsort(values, kind="stable")[:boot_starts]]
    refit_starts = np.vstack([optimum, from_grid])
    n = ln_l.size
    alphas = []
    t0 = time.perf_counter()
    for _ in range(refits):
        rows = rng.integers(0, n, size=n)
        objective = Objective(ln_n[rows], ln_d[rows], ln_l[rows])
        best = min((lbfgsb(objective, x0) for x0 in refit_starts),
                   key=lambda r: r.fun if np.isfinite(r.fun) else np.inf)
        alphas.append(float(best.x[3]))
    seconds = time.perf_counter() - t0
    return {"B": refits, "starts_per_refit": int(len(refit_starts)), "wall_s": seconds,
            "wall_per_refit_s": seconds / refits, "alpha_median": float(np.median(alphas))}


def main(argv=None):
    p = argparse.ArgumentParser(description="SciPy baseline: Epoch's replicate-exactly Chinchilla fit")
    p.add_argument("--data", required=True, help="Epoch's CSV (columns 'Model Size', 'Training FLOP', 'loss')")
    p.add_argument("--bootstrap", type=int, default=0, metavar="B", help="time B bootstrap refits (default 0)")
    p.add_argument("--boot-starts", type=int, default=32, metavar="K",
                   help="grid starts per refit, besides the optimum (default 32)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--json", metavar="FILE", help="write the numbers and timings as JSON")
    p.add_argument("--quiet", action="store_true", help="no report on stdout")
    args = p.parse_args(argv)

    ln_n, ln_d, ln_l, rows = read_epoch_csv(args.data)
    starts = hoffmann_starts()
    fit, values, optimum = grid_fit(Objective(ln_n, ln_d, ln_l), starts)
    result = {
        "tool": "bench/scipy_baseline.py",
        "protocol": "Epoch replicate-exactly: drop 5 highest losses, Huber(1e-3) on log residuals (logsumexp), "
                    "L-BFGS-B from Hoffmann's 4,500-point grid",
        "data": {"file": os.path.basename(args.data), "rows": rows, "used": int(ln_l.size)},
        "environment": {"python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__,
                        "machine": platform.machine(), "cpus": os.cpu_count(),
                        "OPENBLAS_NUM_THREADS": os.environ.get("OPENBLAS_NUM_THREADS")},
        "grid_fit": fit,
    }
    if args.bootstrap > 0:
        result["bootstrap"] = bootstrap(ln_n, ln_d, ln_l, starts, values, optimum, args.bootstrap,
                                        args.boot_starts, args.seed)
    if not args.quiet:
        print(f"python {result['environment']['python']}, numpy {np.__version__}, scipy {scipy.__version__}")
        print(f"data {result['data']['file']}: {rows} rows, {ln_l.size} used")
        print(f"grid fit: {fit['starts']} starts, {fit['converged']} converged, {fit['at_best']} at best, "
              f"{fit['evaluations']} evaluations, {fit['wall_s']:.3f} s")
        print(f"objective {fit['objective']:.8g} (published {PUBLISHED['objective']})")
        for k in ("A", "B", "E", "alpha", "beta"):
            print(f"  {k:<6}{fit['params'][k]:>14.6g}   published {PUBLISHED[k]}")
        if "bootstrap" in result:
            b = result["bootstrap"]
            print(f"bootstrap: {b['B']} refits x {b['starts_per_refit']} starts, {b['wall_per_refit_s']:.3f} s/refit")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(result, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
