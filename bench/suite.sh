#!/usr/bin/env bash
#
# Copyright 2026 the scalinglaws authors.
# SPDX-License-Identifier: Apache-2.0
#

# bench/suite.sh -- the whole JMH suite of scaling-bench, with the GC profiler, results as JSON plus a summary table
# (ns per point, allocation per operation, objective / probe ratio, 10^4 -> 10^6 slope).
#
# Usage (from the repository root):   bench/suite.sh [extra JMH options]
#   bench/suite.sh                                  the measurement run (each benchmark's own @Warmup/@Measurement/@Fork)
#   bench/suite.sh -f 1 -wi 2 -i 3 -w 1s -r 1s      a short smoke run
#   bench/suite.sh ObjectiveBenchmark -p law=chinchilla   a subset (JMH regexp and @Param overrides)
# Environment: JMH_OUT (default bench/results/jmh.json), MVN_FLAGS (extra Maven flags for the build, e.g. -o).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=scaling-bench/target/benchmarks.jar
OUT=${JMH_OUT:-bench/results/jmh.json}
if [[ ! -f "$JAR" ]] || [[ -n "$(find pom.xml scaling-*/pom.xml scaling-*/src -newer "$JAR" -print -quit)" ]]; then
  echo "suite: building $JAR" >&2
  # shellcheck disable=SC2086
  mvn -B -q ${MVN_FLAGS:-} package -DskipTests -pl scaling-bench -am >&2
fi
mkdir -p "$(dirname "$OUT")"
echo "suite: load before $(cut -d' ' -f1-3 /proc/loadavg)" | tee "${OUT%.json}-env.txt"
# --add-modules: the vectorised kernels (forks inherit the flag); JMH_JAVA_OPTS="" measures the scalar loops
# shellcheck disable=SC2086
java ${JMH_JAVA_OPTS---add-modules jdk.incubator.vector} -jar "$JAR" -prof gc -rf json -rff "$OUT" "$@"
# keep machine paths out of the record: JMH writes the JVM's absolute path; keep only the JDK's directory name
sed -i -E 's#"jvm" : "[^"]*/([^"/]+)/bin/java"#"jvm" : "\1/bin/java"#' "$OUT"
echo "suite: load after $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "${OUT%.json}-env.txt"
python3 bench/jmh_summary.py "$OUT" | tee "${OUT%.json}-summary.txt"
