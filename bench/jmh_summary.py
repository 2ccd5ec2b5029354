#!/usr/bin/env python3
#
# Copyright 2026 the scalinglaws authors.
# SPDX-License-Identifier: Apache-2.0
#

"""Summarise a JMH JSON result file of scaling-bench: score per operation, ns per point for the per-point
benchmarks, bytes allocated per operation (-prof gc), objective / probe ratio and the 10^4 -> 10^6 slope of the
large fit.  Usage: python3 bench/jmh_summary.py bench/results/jmh.json"""
import json
import math
import sys

runs = json.load(open(sys.argv[1]))
rows = {}
print(f"{'benchmark':<42}{'params':<28}{'score':>14} {'+-err':>11} {'unit':<6}{'ns/point':>10}{'B/op':>10}")
for r in runs:
    name = r["benchmark"].replace("dev.scalinglaws.bench.", "")
    params = r.get("params", {})
    pm = r["primaryMetric"]
    score, err, unit = pm["score"], pm["scoreError"], pm["scoreUnit"]
    alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
    per_point = ""
    n = int(params["n"]) if "n" in params else None
    if n and unit == "ns/op" and (name.startswith("ObjectiveBenchmark") or name.startswith("ProbeBenchmark")):
        per_point = f"{score / n:10.2f}"
    p = ",".join(f"{k}={v}" for k, v in params.items())
    errs = f"{err:11.4g}" if err == err else f"{'n/a':>11}"
    al = f"{alloc:10.3g}" if alloc is not None else ""
    print(f"{name:<42}{p:<28}{score:14.4g} {errs} {unit:<6}{per_point:>10}{al:>10}")
    rows[(name, tuple(sorted(params.items())))] = (score, unit)

def get(name, **params):
    key = (name, tuple(sorted((k, str(v)) for k, v in params.items())))
    return rows.get(key, (None, None))[0]

print("\nobjective (value+gradient, chinchilla) vs probe (3 exp + 1 log per point):")
for n in (240, 10000, 1000000):
    obj = get("ObjectiveBenchmark.valueAndGradient", law="chinchilla", n=n)
    val = get("ProbeBenchmark.objectiveValue", n=n)
    probe = get("ProbeBenchmark.expLogBound", n=n)
    if obj and probe:
        extra = f", value only {val / n:.2f} ns/point ({val / probe:.2f}x)" if val else ""
        fused = get("ProbeBenchmark.fusedValueAndGradient", n=n)
        two = get("ProbeBenchmark.twoExpLogBound", n=n)
        if fused:
            extra += f"; fused kernel {fused / n:.2f} ns/point ({fused / probe:.2f}x)"
        if two:
            extra += f"; 2-exp bound {two / n:.2f} ns/point ({two / probe:.2f}x)"
        print(f"  n={n:>7}: objective {obj / n:.2f} ns/point, probe {probe / n:.2f} ns/point, "
              f"ratio {obj / probe:.2f}x (target <= 2x){extra}")

print("\nlarge fit, one start, time vs n (slope of log time / log n; 1.0 = linear):")
for m in ("LargeFitBenchmark.fitterSingleStart", "LargeFitBenchmark.fitterSingleStartNoPolish",
          "LargeFitBenchmark.lbfgsOnly"):
    t = {n: get(m, n=n) for n in (10000, 100000, 1000000)}
    if t[10000] and t[1000000]:
        slope = math.log(t[1000000] / t[10000]) / math.log(100)
        print(f"  {m}: " + ", ".join(f"n={n} {v:.4g} ms" for n, v in t.items() if v)
              + f"; slope 10^4->10^6 {slope:.3f}")
