#!/usr/bin/env bash
#
# Copyright 2026 the scalinglaws authors.
# SPDX-License-Identifier: Apache-2.0
#

# bench/coldstart.sh -- one-shot cold start, side by side: the whole process of `./scaling fit` (the bundled Epoch
# protocol: 240 rows, Hoffmann's 4,500 starts, L-BFGS-B) against the whole process of the SciPy baseline
# (bench/scipy_baseline.py, the same protocol), alternating in one run, so that both see the same machine load.
#
# Usage (from anywhere):  bench/coldstart.sh [--rounds N] [--quick] [VARIANT...]
#   --rounds N   rounds (default 3); each round runs SciPy once, then every variant once
#   --quick      1 round
#   VARIANT      what to run for our side (default: launcher). One of
#                  launcher                 ./scaling fit, as shipped (serial collector, CDS archive, vector kernels)
#                  launcher-scalar          the launcher with SCALING_VECTOR=0 (scalar loops)
#                  launcher-1thread         the launcher with --threads 1
#                  launcher-scalar-1thread  both
#                  launcher-notiered        the launcher with -XX:-TieredCompilation
#                  launcher-serial, launcher-scalar-serial, launcher-scalar-serial-c1
#                                           the launcher with -XX:+UseSerialGC (now its default), scalar, C1 only
#                  vector                   java --add-modules jdk.incubator.vector -jar scaling.jar fit (no archive)
#                  scalar                   java -jar scaling.jar fit (the scalar loops; no archive)
#                  vector-cds, scalar-cds   with a class-data-sharing archive (dumped first, untimed)
#                  vector-notiered          vector with -XX:-TieredCompilation
#                  vector-jit01, scalar-jit01  with -XX:CompileThresholdScaling=0.1
#                  scalar-c1                scalar with -XX:TieredStopAtLevel=1
#                  jdk25-aot                vector on $JAVA25 (default /usr/lib/jvm/temurin-25-jdk-amd64) with an AOT
#                                           cache (-XX:AOTCacheOutput, trained on the same fit first, untimed)
# Environment: PYTHON (default python3), COLDSTART_OUT (default bench/results/coldstart), JAVA25.
# Output: per run one line (wall s, CPU s = user + sys, and the printed objective and A); then per variant the median
# wall, the median CPU, and the ratio of the medians to SciPy's; a check that every run printed the same objective and
# parameters, agreeing with SciPy's optimum; the machine, the JDK and the load. Exit status 1 if an optimum differs.

set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=3
VARIANTS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2 ;;
    --quick) ROUNDS=1; shift ;;
    -h|--help) sed -n '7,33p' "$0" | cut -c3-; exit 0 ;;
    -*) echo "coldstart: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) VARIANTS+=("$1"); shift ;;
  esac
done
[[ ${#VARIANTS[@]} -gt 0 ]] || VARIANTS=(launcher)

PYTHON=${PYTHON:-python3}
OUT=${COLDSTART_OUT:-bench/results/coldstart}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
CSV=scaling-datasets/src/main/resources/dev/scalinglaws/datasets/chinchilla-epoch/svg_extracted_data.csv
JAR=scaling-cli/target/scaling.jar
VEC=(--add-modules jdk.incubator.vector --add-opens java.base/java.io=ALL-UNNAMED)
if ! "$PYTHON" -c 'import numpy, scipy.optimize' >/dev/null 2>&1; then
  echo "coldstart: $PYTHON with numpy and scipy is needed: '$PYTHON -m pip install numpy scipy'" \
    "(or your system's python3-numpy and python3-scipy), or set PYTHON" >&2
  exit 2
fi
mkdir -p "$OUT"
work=$(mktemp -d "${TMPDIR:-/tmp}/coldstart.XXXXXX")
trap 'rm -rf "$work"' EXIT

./scaling --version > /dev/null # builds the jar if needed (not timed)

# the command line of a variant, in the array CMD
command_of() {
  case "$1" in
    launcher) CMD=(./scaling fit) ;;
    vector) CMD=(java "${VEC[@]}" -jar "$JAR" fit) ;;
    scalar) CMD=(java -jar "$JAR" fit) ;;
    vector-cds) CMD=(java "${VEC[@]}" -XX:SharedArchiveFile="$work/vector.jsa" -jar "$JAR" fit) ;;
    scalar-cds) CMD=(java -XX:SharedArchiveFile="$work/scalar.jsa" -jar "$JAR" fit) ;;
    vector-notiered) CMD=(java "${VEC[@]}" -XX:-TieredCompilation -jar "$JAR" fit) ;;
    vector-jit01) CMD=(java "${VEC[@]}" -XX:CompileThresholdScaling=0.1 -jar "$JAR" fit) ;;
    scalar-jit01) CMD=(java -XX:CompileThresholdScaling=0.1 -jar "$JAR" fit) ;;
    scalar-c1) CMD=(java -XX:TieredStopAtLevel=1 -jar "$JAR" fit) ;;
    launcher-serial) CMD=(env SCALING_JAVA_OPTS=-XX:+UseSerialGC ./scaling fit) ;;
    launcher-scalar-serial) CMD=(env SCALING_VECTOR=0 SCALING_JAVA_OPTS=-XX:+UseSerialGC ./scaling fit) ;;
    launcher-scalar) CMD=(env SCALING_VECTOR=0 ./scaling fit) ;;
    launcher-1thread) CMD=(./scaling fit --threads 1) ;;
    launcher-scalar-1thread) CMD=(env SCALING_VECTOR=0 ./scaling fit --threads 1) ;;
    launcher-notiered) CMD=(env SCALING_JAVA_OPTS=-XX:-TieredCompilation ./scaling fit) ;;
    launcher-scalar-serial-c1) CMD=(env SCALING_VECTOR=0 "SCALING_JAVA_OPTS=-XX:+UseSerialGC -XX:TieredStopAtLevel=1" ./scaling fit) ;;
    jdk25-aot) CMD=("$JAVA25" "${VEC[@]}" -XX:AOTCache="$work/jdk25.aot" -jar "$JAR" fit) ;;
    *) echo "coldstart: unknown variant $1 (see --help)" >&2; exit 2 ;;
  esac
}
# untimed preparation: archives and caches
for v in "${VARIANTS[@]}"; do
  command_of "$v"
  case "$v" in
    vector-cds) java "${VEC[@]}" -XX:ArchiveClassesAtExit="$work/vector.jsa" -jar "$JAR" fit > /dev/null 2>&1 ;;
    scalar-cds) java -XX:ArchiveClassesAtExit="$work/scalar.jsa" -jar "$JAR" fit > /dev/null 2>&1 ;;
    jdk25-aot) "$JAVA25" "${VEC[@]}" -XX:AOTCacheOutput="$work/jdk25.aot" -jar "$JAR" fit > /dev/null 2>&1 ;;
  esac
done

# one timed run (bash's time: wall, and user + sys CPU of the process and its children): appends
# "name round wall cpu" to $work/times and keeps stdout in $work/NAME.ROUND.out
timed() {
  local name=$1 round=$2; shift 2
  local TIMEFORMAT='%R %U %S' real user sys
  { time "$@" > "$work/$name.$round.out" 2> "$work/$name.$round.err"; } 2> "$work/time" \
    || echo "coldstart: $name exited with status $? (stderr: $(head -c 300 "$work/$name.$round.err"))" >&2
  read -r real user sys < "$work/time"
  echo "$name $round $real $(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.3f", u + s}')" >> "$work/times"
}

{
  echo "date_utc: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //') x $(nproc)"
  echo "java: $(java -version 2>&1 | head -1)"
  echo "python: $("$PYTHON" -c 'import sys, numpy, scipy; print(sys.version.split()[0], "numpy", numpy.__version__, "scipy", scipy.__version__)')"
  echo "variants: ${VARIANTS[*]}; rounds: $ROUNDS"
  echo "load_before: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$OUT/env.txt"

: > "$work/times"
for ((r = 1; r <= ROUNDS; r++)); do
  echo "coldstart: round $r/$ROUNDS: scipy ..." >&2
  timed scipy "$r" "$PYTHON" bench/scipy_baseline.py --data "$CSV" --json "$work/scipy.$r.json"
  for v in "${VARIANTS[@]}"; do
    echo "coldstart: round $r/$ROUNDS: $v ..." >&2
    command_of "$v"
    timed "$v" "$r" "${CMD[@]}"
  done
done
echo "load_after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/env.txt"

"$PYTHON" - "$work" "$OUT" "${VARIANTS[@]}" <<'PY' | tee "$OUT/summary.txt"
import json, re, statistics, sys
work, out, variants = sys.argv[1], sys.argv[2], sys.argv[3:]
rows = [l.split() for l in open(f"{work}/times")]
runs = [(name, int(rnd), float(wall), float(cpu)) for name, rnd, wall, cpu in rows]
scipy = json.load(open(f"{work}/scipy.1.json"))["grid_fit"]
ok = True
def printed(name, rnd):
    text = open(f"{work}/{name}.{rnd}.out").read()
    obj = re.search(r"^objective\s+(\S+)", text, re.M)
    params = dict(re.findall(r"^(E|A|B|alpha|beta)\s+(\S+)", text, re.M))
    return (obj.group(1) if obj else None), params
print(f"{'run':<18}{'round':>6}{'wall s':>9}{'CPU s':>9}  objective   A")
seen = {}
for name, rnd, wall, cpu in runs:
    if name == "scipy":
        s = json.load(open(f"{work}/scipy.{rnd}.json"))["grid_fit"]
        print(f"{name:<18}{rnd:>6}{wall:>9.2f}{cpu:>9.2f}  {s['objective']:.6g}  {s['params']['A']:.5g}")
        continue
    obj, params = printed(name, rnd)
    print(f"{name:<18}{rnd:>6}{wall:>9.2f}{cpu:>9.2f}  {obj}  {params.get('A')}")
    seen.setdefault(name, set()).add((obj, tuple(sorted(params.items()))))
    if obj is None or abs(float(obj) / scipy["objective"] - 1) > 1e-5 or any(
            abs(float(params[k]) / scipy["params"][k] - 1) > 1e-3 for k in ("E", "A", "B", "alpha", "beta")):
        print(f"  MISMATCH: {name} round {rnd} did not print SciPy's optimum")
        ok = False
for name, outs in seen.items():
    if len(outs) > 1:
        print(f"  NOTE: {name} printed different digits in different rounds: {outs}")
med = lambda xs: statistics.median(xs)
sw = med([w for n, _, w, _ in runs if n == "scipy"])
sc = med([c for n, _, _, c in runs if n == "scipy"])
print(f"\n{'variant':<18}{'wall s':>9}{'CPU s':>9}{'wall/scipy':>12}{'CPU/scipy':>11}   (medians of {len([1 for r in runs if r[0] == 'scipy'])} rounds)")
print(f"{'scipy':<18}{sw:>9.2f}{sc:>9.2f}{1:>12.3f}{1:>11.3f}")
for v in variants:
    w = med([x for n, _, x, _ in runs if n == v])
    c = med([x for n, _, _, x in runs if n == v])
    print(f"{v:<18}{w:>9.2f}{c:>9.2f}{w / sw:>12.3f}{c / sc:>11.3f}   (1/{sw / w:.1f} of SciPy's wall time)")
printed_digits = {n: sorted(o)[0] for n, o in seen.items()}
print("\nprinted optimum per variant (objective; E, A, B, alpha, beta):")
for n, (obj, params) in printed_digits.items():
    d = dict(params)
    print(f"  {n:<16} {obj}; {d.get('E')}, {d.get('A')}, {d.get('B')}, {d.get('alpha')}, {d.get('beta')}")
print(f"  {'scipy':<16} {scipy['objective']:.6g}; " + ", ".join(f"{scipy['params'][k]:.5g}" for k in ("E", "A", "B", "alpha", "beta")))
print("OK: every run printed SciPy's optimum (objective within 1e-5, parameters within 0.1%)" if ok
      else "COLDSTART INVALID: an optimum differs")
sys.exit(0 if ok else 1)
PY
status=${PIPESTATUS[0]}
cat "$OUT/env.txt"
exit "$status"
