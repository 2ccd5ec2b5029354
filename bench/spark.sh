#!/usr/bin/env bash
#
# Copyright 2026 the scalinglaws authors.
# SPDX-License-Identifier: Apache-2.0
#

# bench/spark.sh -- throughput of group fits: ./scaling fit --by in one JVM against ./scaling-spark --master local[2],
# on G groups of 30 rows (bench/spark-groups.py; each group has its own Chinchilla-like truth).
#
# Usage (from the repository root):   bench/spark.sh [--groups G] [--starts SPEC]
# Needs python3 (standard library only) for the data. Prints fits/s for both, checks that the JSON lines agree
# (all but data.source and timings), and writes bench/results/spark-groups-summary.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

NGROUPS=10000
STARTS=sobol:32
while [[ $# -gt 0 ]]; do
  case "$1" in
    --groups) NGROUPS="$2"; shift 2 ;;
    --starts) STARTS="$2"; shift 2 ;;
    *) echo "usage: bench/spark.sh [--groups G] [--starts SPEC]" >&2; exit 2 ;;
  esac
done
command -v python3 >/dev/null || { echo "spark bench: python3 is needed to write the data" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/scaling-spark-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
python3 bench/spark-groups.py --groups "$NGROUPS" > "$work/groups.csv"

# build both launchers first, so that the timings are of the runs alone
./scaling --version >/dev/null
./scaling-spark --version >/dev/null

now() { date +%s.%N; }
t0=$(now)
./scaling fit --data "$work/groups.csv" --by task --starts "$STARTS" --format json --output "$work/local.jsonl" \
  2>/dev/null || true
t1=$(now)
./scaling-spark --master 'local[2]' --data "$work/groups.csv" --by task --starts "$STARTS" \
  --output "$work/spark.jsonl" 2>/dev/null || true
t2=$(now)

python3 - "$work/local.jsonl" "$work/spark.jsonl" "$NGROUPS" "$t0" "$t1" "$t2" "$STARTS" <<'PY' | tee bench/results/spark-groups-summary.txt
import json, sys, os, platform
local, spark, groups, t0, t1, t2, starts = sys.argv[1:]
def strip(o):
    if isinstance(o, dict):
        return {k: strip(v) for k, v in o.items() if k not in ("seconds", "source")}
    if isinstance(o, list):
        return [strip(x) for x in o]
    return o
a = [strip(json.loads(l)) for l in open(local)]
b = [strip(json.loads(l)) for l in open(spark)]
same = sum(x == y for x, y in zip(a, b))
g = int(groups)
tl, ts = float(t1) - float(t0), float(t2) - float(t1)
print(f"groups {g} x 30 rows, chinchilla, starts {starts}, asymptotic intervals; {os.cpu_count()} cores, "
      f"{platform.machine()}")
print(f"./scaling fit --by          {tl:8.1f} s   {g / tl:8.1f} fits/s  (one JVM, whole process)")
print(f"./scaling-spark local[2]    {ts:8.1f} s   {g / ts:8.1f} fits/s  (whole process, Spark start included)")
print(f"Spark's overhead at this scale: {ts / tl:.2f}x the time of one JVM")
print(f"identical JSON lines (but source, timings): {same} of {len(a)} (spark wrote {len(b)})")
PY
