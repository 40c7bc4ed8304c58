#!/usr/bin/env bash
# The on-disk cache of two jars side by side in one run (bench/cache.sh's cases): BASE and NEW
# alternate run by run, each on its own copy of the corpus with its own cache, so that a noisy
# machine weighs on both alike. Cases: warm with nothing changed; warm with one file changed (the
# same file appended to in both copies just before the pair of runs, another file each time);
# --no-cache. Both started with the launcher's JIT and GC flags, without a class-data archive.
#   BASE=/tmp/base.jar NEW=cli/target/waymark.jar WORK=/tmp/speed-bench-10000 RUNS=5 bench/cache-side-by-side.sh
# The corpus is bench/validate-10k.sh's (WORK/corpus, made by bench/cache.sh when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${BASE:?BASE=path of the older jar}"
NEW="${NEW:-cli/target/waymark.jar}"
RUNS="${RUNS:-5}"
N="${N:-10000}"
WORK="${WORK:-${TMPDIR:-/tmp}/waymark-bench-$N}"
[ -f "$NEW" ] || ./waymark --version >/dev/null
. bench/corpus.sh

A="$WORK/sbs-base"
B="$WORK/sbs-new"
for d in "$A" "$B"; do
  corpus_copy "$d"
done
mapfile -t files < <(cd "$A" && find use-cases business-cases -name 'gen-*.yaml' | sort | head -n "$RUNS")

median() { sort -g | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2 }'; }
seconds() {
  local t0 t1
  t0=$(date +%s%N)
  java -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xmn32m -XX:InitialRAMPercentage=6.25 -XX:MaxTenuringThreshold=0 -Xss8m -jar "$1" validate "$2" --no-color "${@:3}" >/dev/null 2>&1 || true
  t1=$(date +%s%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f\n", (b-a)/1e9}'
}
line() {
  local b n
  b=$(printf '%s\n' "${@:2:$RUNS}" | median)
  n=$(printf '%s\n' "${@:$((RUNS + 2))}" | median)
  printf '%-34s base %7s s  new %7s s  new/base %s\n' "$1" "$b" "$n" \
    "$(awk -v a="$b" -v b="$n" 'BEGIN{printf "%.2f", b/a}')"
}

echo "N=$N documents, median of $RUNS runs, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
floor=(); for _ in $(seq 1 "$RUNS"); do
  t0=$(date +%s%N); java -Xshare:auto -version >/dev/null 2>&1; t1=$(date +%s%N)
  floor+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f\n", (b-a)/1e9}')")
done
printf '%-34s %s s\n' "JVM floor (java -version)" "$(printf '%s\n' "${floor[@]}" | median)"

seconds "$BASE" "$A" >/dev/null
seconds "$NEW" "$B" >/dev/null
base=(); new=()
for _ in $(seq 1 "$RUNS"); do
  base+=("$(seconds "$BASE" "$A")"); new+=("$(seconds "$NEW" "$B")")
done
line "warm, nothing changed" "${base[@]}" "${new[@]}"

base=(); new=()
for f in "${files[@]}"; do
  stamp="$(date +%s%N)"
  printf '\n# changed by bench/cache-side-by-side.sh %s\n' "$stamp" >>"$A/$f"
  printf '\n# changed by bench/cache-side-by-side.sh %s\n' "$stamp" >>"$B/$f"
  base+=("$(seconds "$BASE" "$A")"); new+=("$(seconds "$NEW" "$B")")
done
line "warm, one file changed" "${base[@]}" "${new[@]}"

base=(); new=()
for _ in $(seq 1 "$RUNS"); do
  base+=("$(seconds "$BASE" "$A" --no-cache)"); new+=("$(seconds "$NEW" "$B" --no-cache)")
done
line "--no-cache" "${base[@]}" "${new[@]}"

f="${files[0]}"
printf '\n# changed again %s\n' "$(date +%s%N)" >>"$B/$f"
java -jar "$NEW" validate "$B" --format json --no-cache >"$WORK/sbs-reference.json" 2>/dev/null || true
java -jar "$NEW" validate "$B" --format json >"$WORK/sbs-cached.json" 2>/dev/null || true
cmp -s "$WORK/sbs-reference.json" "$WORK/sbs-cached.json" \
  && echo "NEW: JSON output after a change, with and without the cache: identical" \
  || { echo "NEW: JSON output with and without the cache DIFFERS" >&2; exit 1; }
