#!/usr/bin/env bash
#
# Copyright 2026 the scalinglaws authors.
# SPDX-License-Identifier: Apache-2.0
#

# bench/race.sh -- side-by-side race of the Epoch "replicate exactly" protocol: SciPy (bench/scipy_baseline.py, this
# repository's own baseline) against this library (dev.scalinglaws.bench.Race), in the same session, one after the other.
#
# Usage (from the repository root):   bench/race.sh [--quick]
#   --quick   smoke test: scipy --bootstrap 5, ours 1 warm-up + 2 timed grid runs and 200 resamples.
# Needs: Java 17+ and Maven (the build), and python3 with numpy and scipy (e.g. `python3 -m pip install numpy scipy`).
# Environment:
#   PYTHON          the Python to run the baseline   (default python3)
#   SCIPY_BASELINE  path of the baseline script      (default bench/scipy_baseline.py)
#   RACE_OUT        directory for the JSON outputs  (default bench/results)
#   RACE_THREADS    worker threads for our side     (default: all processors)
#   MVN_FLAGS       extra Maven flags for the build (e.g. -o)
#   RACE_JAVA_OPTS  JVM options for our side (default --add-modules jdk.incubator.vector; "" for the scalar loops)
#
# Steps: build scaling-bench/target/benchmarks.jar if it is missing or older than any source or pom; run scipy (grid fit
# + --bootstrap 20 for a per-refit time); run ours (warm-up, timed grid runs on T threads and on 1 thread, 4,000-resample
# bootstrap); check that both reach the same optimum (objective within 1e-6 relative, A, B, E, alpha, beta within 0.1%)
# and only then print the table of times and ratios. Exit status 1 if the optima differ.
set -euo pipefail
cd "$(dirname "$0")/.."

CSV=scaling-datasets/src/main/resources/dev/scalinglaws/datasets/chinchilla-epoch/svg_extracted_data.csv
BASELINE=${SCIPY_BASELINE:-bench/scipy_baseline.py}
PYTHON=${PYTHON:-python3}
OUT=${RACE_OUT:-bench/results}
JAR=scaling-bench/target/benchmarks.jar
THREADS=${RACE_THREADS:-$(nproc)}

SCIPY_BOOT=20
RACE_ARGS=(--threads "$THREADS" --warmup 3 --runs 5 --resamples 4000 --boot-starts 32 --boot-warmup 100 --seed 0)
if [[ "${1:-}" == "--quick" ]]; then
  SCIPY_BOOT=5
  RACE_ARGS=(--threads "$THREADS" --warmup 1 --runs 2 --resamples 200 --boot-starts 32 --boot-warmup 20 --seed 0)
elif [[ $# -gt 0 ]]; then
  echo "usage: bench/race.sh [--quick]" >&2
  exit 2
fi

[[ -f "$BASELINE" ]] || { echo "race: scipy baseline not found at $BASELINE (set SCIPY_BASELINE)" >&2; exit 2; }
if ! command -v "$PYTHON" >/dev/null 2>&1; then
  echo "race: $PYTHON not found: install Python 3 (https://www.python.org/downloads/ or your system's python3 package)," \
    "then: $PYTHON -m pip install numpy scipy (or set PYTHON=/path/to/python3)" >&2
  exit 2
fi
if ! "$PYTHON" -c 'import numpy, scipy.optimize' >/dev/null 2>&1; then
  echo "race: $PYTHON cannot import numpy and scipy: install them with" \
    "'$PYTHON -m pip install numpy scipy' (or your system's python3-numpy and python3-scipy packages)," \
    "or set PYTHON to a Python that has them" >&2
  exit 2
fi
[[ -f "$CSV" ]] || { echo "race: data not found at $CSV" >&2; exit 2; }

if [[ ! -f "$JAR" ]] || [[ -n "$(find pom.xml scaling-*/pom.xml scaling-*/src -newer "$JAR" -print -quit)" ]]; then
  echo "race: building $JAR" >&2
  # shellcheck disable=SC2086
  mvn -B -q ${MVN_FLAGS:-} package -DskipTests -pl scaling-bench -am >&2
fi

mkdir -p "$OUT"
{
  echo "date_utc: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet -- . ':(exclude)bench/results' 2>/dev/null || echo ' (dirty)')"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') x $(nproc)"
  echo "load_before: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$OUT/race-env.txt"

echo "race: scipy (grid + --bootstrap $SCIPY_BOOT) ..." >&2
"$PYTHON" "$BASELINE" --data "$CSV" --bootstrap "$SCIPY_BOOT" --boot-starts 32 --seed 0 --quiet \
  --json "$OUT/race-scipy.json"
echo "load_after_scipy: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/race-env.txt"

echo "race: ours (${RACE_ARGS[*]}) ..." >&2
# --add-modules: the vectorised kernels; RACE_JAVA_OPTS="" races the scalar loops
# shellcheck disable=SC2086
java ${RACE_JAVA_OPTS---add-modules jdk.incubator.vector} -cp "$JAR" dev.scalinglaws.bench.Race --data "$CSV" "${RACE_ARGS[@]}" --json "$OUT/race-ours.json"
echo "load_after_ours: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/race-env.txt"

"$PYTHON" - "$OUT/race-scipy.json" "$OUT/race-ours.json" "$OUT/race-env.txt" <<'PY' | tee "$OUT/race-summary.txt"
import json, sys
s = json.load(open(sys.argv[1])); o = json.load(open(sys.argv[2])); env = open(sys.argv[3]).read()
sg, og = s["grid_fit"], o["grid_fit"]
ok = True
rel_obj = abs(og["objective"] - sg["objective"]) / abs(sg["objective"])
lines = [f"objective   scipy {sg['objective']:.12g}  ours {og['objective']:.12g}  rel diff {rel_obj:.2e}"
         + ("" if rel_obj <= 1e-6 else "  > 1e-6: MISMATCH")]
ok &= rel_obj <= 1e-6
for k in ("A", "B", "E", "alpha", "beta"):
    a, b = sg["params"][k], og["params"][k]
    r = abs(b - a) / abs(a)
    ok &= r <= 1e-3
    lines.append(f"{k:<11} scipy {a:.8g}  ours {b:.8g}  rel diff {r:.2e}" + ("" if r <= 1e-3 else "  > 0.1%: MISMATCH"))
print("== same optimum? ==")
print("\n".join(lines))
if not ok:
    print("RACE INVALID: the two implementations did not reach the same optimum; no ratio printed.")
    sys.exit(1)
print("OK: objective within 1e-6 relative, parameters within 0.1%\n")
rows = []
t_s = sg["wall_s"]
rows.append((f"4,500-start grid fit ({og['threads']} threads)", t_s, og["median_s"]))
if "grid_fit_1thread" in o:
    rows.append(("4,500-start grid fit (1 thread)", t_s, o["grid_fit_1thread"]["median_s"]))
if "bootstrap" in s and "bootstrap" in o:
    sb, ob = s["bootstrap"], o["bootstrap"]
    B = ob["B"]
    rows.append((f"bootstrap B={B} (scipy: {sb['B']} x {sb['wall_per_refit_s']:.3f} s extrapolated)",
                 sb["wall_per_refit_s"] * B, ob["wall_s"]))
if "bootstrap" in s and "library_bootstrap" in o:
    sb, lb = s["bootstrap"], o["library_bootstrap"]
    B = lb["B"]
    rows.append((f"bootstrap B={B}, library default (optimum + 4 best starts, BCa)",
                 sb["wall_per_refit_s"] * B, lb["wall_s"]))
print(f"{'protocol':<62}{'scipy s':>10}{'ours s':>10}{'ratio':>9}")
for name, a, b in rows:
    print(f"{name:<62}{a:>10.3f}{b:>10.3f}{a / b:>8.1f}x")
print("\nscipy: single-threaded, one run; ours: median of timed runs after warm-up (runs: "
      + ", ".join(f"{x:.3f}" for x in og["runs_s"]) + f"; fastest {og['min_s']:.3f} s = {t_s / og['min_s']:.1f}x)")
print(env.strip())
PY
