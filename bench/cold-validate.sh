#!/usr/bin/env bash
# Cold start of `./waymark validate example-roadmap`: a new JVM per run, medians of RUNS runs.
# Compares the launcher as shipped (AppCDS archive) with the same jar without class-data
# sharing, and with the JVM floor (java -version), so the ratio is meaningful on a noisy machine.
#   bench/cold-validate.sh            # RUNS=15 by default
#   JAVA_HOME=/path/to/jdk-25 WAYMARK_AOT=1 bench/cold-validate.sh   # another Java; its AOT cache
set -euo pipefail
# The Java: $JAVA_HOME/bin/java when JAVA_HOME is set (as ./waymark takes it), else java on PATH.
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
cd "$(dirname "$0")/.."
RUNS="${RUNS:-15}"

./waymark --version >/dev/null          # build the jar and the CDS archive once, outside the timing
jar=cli/target/waymark.jar

median() { sort -g | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2 }'; }
time_runs() {
  local label="$1"; shift
  local times=()
  for _ in $(seq 1 "$RUNS"); do
    local t0 t1
    t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N)
    times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", (b-a)/1e9}')")
  done
  local med; med=$(printf '%s\n' "${times[@]}" | median)
  printf '%-44s %8s s\n' "$label" "$med"
}

echo "cold validate, median of $RUNS runs, $(nproc) cores, $("$java" -version 2>&1 | head -1)"
time_runs "JVM floor (java -Xshare:auto -version)" "$java" -Xshare:auto -version
time_runs "./waymark validate example-roadmap --no-cache" ./waymark validate example-roadmap --no-cache
time_runs "same, without AppCDS (WAYMARK_NO_CDS=1)" env WAYMARK_NO_CDS=1 ./waymark validate example-roadmap --no-cache
time_runs "plain java -jar (no launcher flags)" "$java" -jar "$jar" validate example-roadmap --no-cache
/usr/bin/time -f "peak RSS of one validate: %M KiB" ./waymark validate example-roadmap --no-cache 2>&1 >/dev/null
