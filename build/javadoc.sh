#!/usr/bin/env bash
#
# Copyright 2026 the scalinglaws authors.
# SPDX-License-Identifier: Apache-2.0
#
# The javadoc that the build runs (maven-javadoc-plugin's javadocExecutable, on Unix): the JDK's own javadoc, minus
# one line. The vectorised kernels need --add-modules jdk.incubator.vector, and for that option JDK 17's javadoc
# always prints "warning: using incubating module(s): jdk.incubator.vector" (javac's Modules has no switch to turn it
# off before JDK 21), which would make failOnWarnings fail every build. This script drops exactly that line and
# corrects javadoc's closing "N warnings" count, so that doclint's warnings, and only they, fail the build.
set -uo pipefail

if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/javadoc" ]]; then
  javadoc="$JAVA_HOME/bin/javadoc"
else
  javadoc="$(dirname "$(readlink -f "$(command -v java)")")/javadoc"
fi

notice='warning: using incubating module(s): jdk.incubator.vector'
err="$(mktemp "${TMPDIR:-/tmp}/javadoc-err.XXXXXX")"
trap 'rm -f "$err"' EXIT
"$javadoc" "$@" 2>"$err"
status=$?
dropped="$(grep -cxF "$notice" "$err")"
grep -vxF "$notice" "$err" | awk -v dropped="$dropped" '
  /^[0-9]+ warnings?$/ {
    left = $1 - dropped
    if (left > 0) printf "%d warning%s\n", left, (left == 1 ? "" : "s")
    next
  }
  { print }
' >&2
exit "$status"
