#!/usr/bin/env bash
# Two jars side by side in one run: BASE and NEW alternate run by run, so that a noisy machine
# weighs on both alike; prints both medians and NEW/BASE. Both are started with the launcher's
# JIT and GC flags, without its class-data archive unless BASE_JSA / NEW_JSA name one for each
# (e.g. NEW_JSA=cli/target/waymark.jsa, the launcher's, and an archive trained for the base jar).
#   BASE=/tmp/base.jar NEW=cli/target/waymark.jar RUNS=9 bench/side-by-side.sh validate example-roadmap
#   BASE=… NEW=… RUNS=5 bench/side-by-side.sh report example-roadmap --out /tmp/qbr --quiet
# A jar with the on-disk cache keeps it between runs; to compare cold runs with an older jar that
# has none, give the new jar --no-cache: NEW_ARGS=--no-cache BASE=… bench/side-by-side.sh validate …
# Warm runs of two jars need a cache each (a cache made by another build is not used):
#   BASE_ARGS="--cache-dir /tmp/c-base" NEW_ARGS="--cache-dir /tmp/c-new" BASE=… bench/side-by-side.sh validate DIR
# RSS=1 also prints both medians of the peak RSS (GNU time's %M):
#   RSS=1 BASE=… RUNS=3 bench/side-by-side.sh validate /tmp/waymark-bench-100000/corpus/docs --no-cache
# Build BASE from an older commit in a clone of its own:
#   git clone -q . /tmp/base && git -C /tmp/base checkout -q COMMIT &&
#   (cd /tmp/base && mvn -B -q package -DskipTests -pl cli -am) && cp /tmp/base/cli/target/waymark.jar /tmp/base.jar
set -euo pipefail
cd "$(dirname "$0")/.."
: "${BASE:?BASE=path of the older jar}"
NEW="${NEW:-cli/target/waymark.jar}"
RUNS="${RUNS:-5}"
[ -f "$NEW" ] || ./waymark --version >/dev/null

median() { sort -g | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2 }'; }
rss="$(mktemp)"
trap 'rm -f "$rss"' EXIT
# Prints the run's wall time; with RSS=1 (GNU time needed) its peak RSS in MiB after it.
seconds() {
  local t0 t1 cds=() timed=()
  [[ -n "$1" ]] && cds=(-XX:SharedArchiveFile="$1" -Xshare:auto -Xlog:cds=off)
  shift
  [[ "${RSS:-0}" == 1 ]] && timed=(/usr/bin/time -f %M -o "$rss")
  t0=$(date +%s%N); "${timed[@]}" java -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xmn32m -XX:InitialRAMPercentage=6.25 -XX:MaxTenuringThreshold=0 "${cds[@]}" -jar "$1" "${@:2}" >/dev/null 2>&1 || true; t1=$(date +%s%N)
  if [[ "${RSS:-0}" == 1 ]]; then
    awk -v a="$t0" -v b="$t1" -v k="$(tail -1 "$rss")" 'BEGIN{printf "%.3f %.0f\n", (b-a)/1e9, k/1024}'
  else
    awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f\n", (b-a)/1e9}'
  fi
}
base=(); new=()
for _ in $(seq 1 "$RUNS"); do
  # shellcheck disable=SC2086
  base+=("$(seconds "${BASE_JSA:-}" "$BASE" "$@" ${BASE_ARGS:-})")
  # shellcheck disable=SC2086
  new+=("$(seconds "${NEW_JSA:-}" "$NEW" "$@" ${NEW_ARGS:-})")
done
b=$(printf '%s\n' "${base[@]}" | cut -d' ' -f1 | median); n=$(printf '%s\n' "${new[@]}" | cut -d' ' -f1 | median)
printf 'waymark %s: base %s s, new %s s, new/base %s (median of %s, load %s)\n' "$*" "$b" "$n" \
  "$(awk -v a="$b" -v b="$n" 'BEGIN{printf "%.2f", b/a}')" "$RUNS" "$(cut -d' ' -f1 /proc/loadavg)"
if [[ "${RSS:-0}" == 1 ]]; then
  b=$(printf '%s\n' "${base[@]}" | cut -d' ' -f2 | median); n=$(printf '%s\n' "${new[@]}" | cut -d' ' -f2 | median)
  printf 'peak RSS: base %s MiB, new %s MiB, new/base %s\n' "$b" "$n" \
    "$(awk -v a="$b" -v b="$n" 'BEGIN{printf "%.2f", b/a}')"
fi
