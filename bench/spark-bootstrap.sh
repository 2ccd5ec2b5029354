#!/usr/bin/env bash
#
# Copyright 2026 the scalinglaws authors.
# SPDX-License-Identifier: Apache-2.0
#

# bench/spark-bootstrap.sh -- throughput of a 4,000-resample bootstrap of a 10^5-row fit: locally (1 thread, all
# threads) and on Spark local[1], local[2], ... (one task thread per core), with a bit-identity check between all.
#
# Usage (from the repository root):   bench/spark-bootstrap.sh [ROWS] [RESAMPLES]
set -euo pipefail
cd "$(dirname "$0")/.."
./scaling-spark --version >/dev/null   # builds the spark module on first use
opens=(--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED)
java --add-modules jdk.incubator.vector "${opens[@]}" -Dlog4j2.configurationFile=spark/src/main/launcher/log4j2.properties \
  -cp "spark/target/scaling-spark.jar:$(cat spark/target/launcher-classpath.txt)" \
  dev.scalinglaws.spark.BootstrapThroughput "${1:-100000}" "${2:-4000}" 2> >(grep -v '^WARNING: Using incubator' >&2) \
  | tee bench/results/spark-bootstrap-summary.txt
