#!/usr/bin/env bash
# The resident validate server's folder watch on N generated documents (default 10,000, the
# corpus of bench/validate-10k.sh): `WAYMARK_DAEMON=1 ./waymark validate DIR` answered by a server
# that watches its folders, by one that walks them on every request (WAYMARK_DAEMON_WATCH=0), and
# the same line run locally, run by run alternating; with nothing changed, then with one use case
# changed before each run (a line appended). Medians of RUNS runs, wall time of the whole command.
#
#   bench/daemon-watch.sh            # N=10000 RUNS=9
#   N=1000 RUNS=5 bench/daemon-watch.sh
#
# Both servers (their sockets in a folder of this run's own) are started and warmed by three
# requests each before the timing, and stopped at the end. Needs python3 with PyYAML for the corpus
# (Debian: apt-get install -y python3-yaml) and Linux (the watch is inotify's).
set -euo pipefail
cd "$(dirname "$0")/.."
N="${N:-10000}"
RUNS="${RUNS:-9}"
WORK="${WORK:-${TMPDIR:-/tmp}/waymark-bench-$N}"
DIR="$WORK/watch-corpus"

. bench/corpus.sh
corpus_copy "$DIR"
mapfile -t files < <(cd "$DIR" && find use-cases -name 'gen-*.yaml' | sort | head -n 200)

sockets="$(mktemp -d "${TMPDIR:-/tmp}/waymark-watch-bench.XXXXXX")"
chmod 700 "$sockets"
export XDG_RUNTIME_DIR="$sockets"
cleanup() {
  ./waymark daemon stop --all >/dev/null 2>&1 || true
  rm -rf "$sockets"
}
trap cleanup EXIT

median() { sort -g | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2 }'; }
# seconds MODE: the wall time of one run answered as MODE says (watch, walk, local).
seconds() {
  local t0 t1
  t0=$(date +%s%N)
  case "$1" in
    watch) WAYMARK_DAEMON=1 ./waymark validate "$DIR" --no-color >/dev/null 2>&1 || true ;;
    walk) WAYMARK_DAEMON=1 WAYMARK_DAEMON_WATCH=0 ./waymark validate "$DIR" --no-color >/dev/null 2>&1 || true ;;
    local) ./waymark validate "$DIR" --no-color >/dev/null 2>&1 || true ;;
  esac
  t1=$(date +%s%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f\n", (b-a)/1e9}'
}

./waymark --version >/dev/null   # build the jar and the class-data archive outside the timing
./waymark validate "$DIR" --no-color >/dev/null 2>&1 || true   # the cache, written once
WAYMARK_DAEMON=1 ./waymark daemon start >/dev/null
WAYMARK_DAEMON=1 WAYMARK_DAEMON_WATCH=0 ./waymark daemon start >/dev/null
for _ in 1 2 3; do seconds watch >/dev/null; seconds walk >/dev/null; done

echo "N=$N documents ($(du -sh "$DIR" | cut -f1)), median of $RUNS alternating runs, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
for change in no yes; do
  watch=(); walk=(); here=()
  for i in $(seq 1 "$RUNS"); do
    for mode in watch walk local; do
      if [[ "$change" == yes ]]; then
        printf '\n# changed by bench/daemon-watch.sh %s\n' "$(date +%s%N)" >>"$DIR/${files[$(((i * 3 + ${#mode}) % ${#files[@]}))]}"
      fi
      t="$(seconds "$mode")"
      case "$mode" in watch) watch+=("$t") ;; walk) walk+=("$t") ;; local) here+=("$t") ;; esac
    done
  done
  label=$([[ "$change" == yes ]] && echo "one file changed" || echo "nothing changed")
  printf '%-44s %8s s\n' "$label, server watching its folders" "$(printf '%s\n' "${watch[@]}" | median)"
  printf '%-44s %8s s\n' "$label, server walking (WATCH=0)" "$(printf '%s\n' "${walk[@]}" | median)"
  printf '%-44s %8s s\n' "$label, local" "$(printf '%s\n' "${here[@]}" | median)"
done
echo "server: $(WAYMARK_DAEMON=1 ./waymark daemon status | grep -i 'walks')"
