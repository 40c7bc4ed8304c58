#!/usr/bin/env bash
# Repeated validation in one JVM (what a resident server does per request): bench/ResidentLoop.java
# on a fresh copy of the 10k corpus, one file changed every other run, nothing changed between.
# Per-iteration times and the medians of both kinds after the warm-up.
#
#   JAR=cli/target/waymark.jar bench/resident-loop.sh          # ITER=40 WARMUP=10
#   JAR=/path/to/base.jar JFR=prof.jfr bench/resident-loop.sh  # JFR of the runs after the warm-up
#   OUT=last.txt bench/resident-loop.sh                        # the last run's output kept
#   UNCHANGED=1 bench/resident-loop.sh                         # nothing changed, every run
#   HOLD=1 bench/resident-loop.sh        # cache writes after the answer, as the resident server
set -euo pipefail
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
cd "$(dirname "$0")/.."
N="${N:-10000}"
WORK="${WORK:-${TMPDIR:-/tmp}/waymark-bench-$N}"
JAR="${JAR:-cli/target/waymark.jar}"
ITER="${ITER:-40}"
WARMUP="${WARMUP:-10}"
DIR="${DIR:-$WORK/resident-corpus}"
. bench/corpus.sh
corpus_copy "$DIR" '2 hours ago'
# As `java -jar waymark.jar` opens it (the jar's manifest): lstat without the attribute map.
flags=(--add-opens java.base/sun.nio.fs=ALL-UNNAMED)
[[ -n "${JFR:-}" ]] && flags+=("-Djfr=$JFR")
[[ -n "${OUT:-}" ]] && flags+=("-Dout=$OUT")
[[ -n "${UNCHANGED:-}" ]] && flags+=("-Dunchanged=true")
[[ -n "${HOLD:-}" ]] && flags+=("-Dhold=true")
exec "$java" "${flags[@]}" ${JAVA_OPTS:-} -cp "$JAR" bench/ResidentLoop.java "$DIR" "$ITER" "$WARMUP"
