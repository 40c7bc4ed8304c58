#!/usr/bin/env bash
# Time and peak RSS of the runs a CI job makes on a large corpus, with the cache as by default:
# the first run (a fresh checkout: no cache yet, so the run writes one), a run with nothing changed
# (answered by the JVM from the stored outcome: the launcher's kept answer is not asked), and for
# comparison --no-cache. Each run is a new JVM with the launcher's flags for a run that ends (as
# bench/side-by-side.sh starts one, without the class-data archive), JSON written to /dev/null;
# the three alternate run by run, medians of RUNS. GNU time gives the peak RSS. BASE=<jar> also
# runs an older jar the same way, alternating with this build's.
#
#   bench/cache-memory.sh                          # N=100000 RUNS=3
#   N=10000 RUNS=5 bench/cache-memory.sh
#   BASE=/tmp/base.jar N=100000 RUNS=3 bench/cache-memory.sh
#
# Needs python3 with PyYAML for the corpus (Debian: apt-get install -y python3-yaml) and GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${N:-100000}"
RUNS="${RUNS:-3}"
WORK="${WORK:-${TMPDIR:-/tmp}/waymark-bench-$N}"
DIR="$WORK/corpus/docs"
[[ -d "$DIR" ]] || python3 bench/gen-waymark-corpus.py --n "$N" --out "$WORK/corpus"
[[ -x /usr/bin/time ]] || { echo "GNU time (/usr/bin/time) is needed for the peak RSS" >&2; exit 2; }
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
caches="$(mktemp -d "${TMPDIR:-/tmp}/waymark-cache-memory.XXXXXX")"
measures="$(mktemp)"
trap 'rm -rf "$caches" "$measures"' EXIT
./waymark --version >/dev/null   # build outside the timing

# The launcher's flags for a run that ends (see ./waymark), for an older jar.
flags=(-Xmn32m -Xss8m -XX:TieredStopAtLevel=1 -XX:InitialRAMPercentage=6.25 -XX:MaxTenuringThreshold=0
  -XX:-UseDynamicNumberOfCompilerThreads -XX:CICompilerCount=1 -XX:+UseParallelGC)
# run LABEL JAR ARGS...: validates with JAR, appends "LABEL seconds MiB" to the measures.
run() {
  local label="$1" jar="$2"
  shift 2
  /usr/bin/time -o "$caches/time" -f '%e %M' "$java" "${flags[@]}" -cp "$jar" io.waymark.cli.Main \
    validate "$DIR" --format json "$@" >/dev/null 2>&1 || true
  echo "$label $(tail -n1 "$caches/time" | awk '{printf "%s %.0f", $1, $2 / 1024}')" >>"$measures"
}
now=cli/target/waymark.jar

echo "N=$N documents ($(du -sh "$DIR" | cut -f1)), median of $RUNS runs, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
for i in $(seq 1 "$RUNS"); do
  rm -rf "$caches/now" "$caches/base"
  run "now:--no-cache" "$now" --no-cache
  run "now:first-run-writes-the-cache" "$now" --cache-dir "$caches/now"
  run "now:nothing-changed" "$now" --cache-dir "$caches/now"
  if [[ -n "${BASE:-}" ]]; then
    run "base:--no-cache" "$BASE" --no-cache
    run "base:first-run-writes-the-cache" "$BASE" --cache-dir "$caches/base"
    run "base:nothing-changed" "$BASE" --cache-dir "$caches/base"
  fi
done
median() { sort -g | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2 }'; }
for label in $(awk '{print $1}' "$measures" | awk '!seen[$0]++'); do
  s="$(awk -v l="$label" '$1 == l {print $2}' "$measures" | median)"
  m="$(awk -v l="$label" '$1 == l {print $3}' "$measures" | median)"
  printf '%-40s %8s s %6s MiB\n' "$label" "$s" "$m"
done
