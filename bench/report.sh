#!/usr/bin/env bash
# Cold `./waymark report example-roadmap --out <tmp>`: a new JVM per run, median of RUNS runs
# (default 5), with the PDF (target: within 3 s) and without it (--no-pdf) for comparison.
#   bench/report.sh            # RUNS=5 by default
set -euo pipefail
# The Java: $JAVA_HOME/bin/java when JAVA_HOME is set (as ./waymark takes it), else java on PATH.
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
cd "$(dirname "$0")/.."
RUNS="${RUNS:-5}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

./waymark --version >/dev/null          # build the jar and the CDS archive once, outside the timing

median() { sort -g | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2 }'; }
time_runs() {
  local label="$1"; shift
  local times=()
  for _ in $(seq 1 "$RUNS"); do
    local t0 t1
    t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N)
    times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", (b-a)/1e9}')")
  done
  local med; med=$(printf '%s\n' "${times[@]}" | median)
  printf '%-52s %8s s   (runs: %s)\n' "$label" "$med" "${times[*]}"
}

echo "cold report, median of $RUNS runs, $(nproc) cores, $("$java" -version 2>&1 | head -1)"
time_runs "./waymark report example-roadmap (HTML, MD, PDF)" ./waymark report example-roadmap --out "$out/full" --quiet
time_runs "./waymark report example-roadmap --no-pdf" ./waymark report example-roadmap --out "$out/nopdf" --quiet --no-pdf
/usr/bin/time -f "peak RSS of one report with PDF: %M KiB" ./waymark report example-roadmap --out "$out/rss" --quiet 2>&1 >/dev/null
ls -l "$out/full" | awk 'NR>1 {printf "  %-22s %8d bytes\n", $9, $5}'
