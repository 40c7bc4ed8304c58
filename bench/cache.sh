#!/usr/bin/env bash
# The on-disk cache (.waymark/cache/) on N generated documents (default 10,000, the corpus of
# bench/validate-10k.sh): `./waymark validate DIR` warm with nothing changed, warm with one file
# changed (a different file each run, changed just before the run), and for comparison the same
# folder without the cache (--no-cache) and the first run that writes the cache. A new JVM per
# run (the launcher, with its class-data archive); medians of RUNS runs.
#
#   bench/cache.sh                  # N=10000 RUNS=9
#   N=1000 RUNS=5 bench/cache.sh
#   DAEMON=1 bench/cache.sh         # also the resident validate server (WAYMARK_DAEMON=1)
#
# DAEMON=1 adds "warm, nothing changed" and "warm, one file changed" answered by the resident
# server, run by run alternating with the same step run locally: asked as the launcher asks it
# (through its Perl client where Perl is there) and, for comparison, by the JVM's client
# (WAYMARK_DAEMON_CLIENT=java; the same server: who asks is no part of its situation). The server
# is started before the timing (`waymark daemon start`, then WARMUP answered runs of each client,
# one file changed before each: a resident server has answered many requests before the one that
# counts), with its socket in a folder of this run's own (XDG_RUNTIME_DIR), and stopped at the end.
#
# "warm, nothing changed" is timed twice: as the launcher runs it (where Perl is there, the answer
# Java kept is given without a JVM once every input checks out: see docs/ci.md) and with
# WAYMARK_PERL=0 (Java every time). The DAEMON=1 rows' local runs are Java's (WAYMARK_PERL=0); with
# WAYMARK_DAEMON=1 the launcher asks the server and never checks a kept answer.
#
# Needs python3 with PyYAML for the corpus (Debian: apt-get install -y python3-yaml).
set -euo pipefail
# The Java: $JAVA_HOME/bin/java when JAVA_HOME is set (as ./waymark takes it), else java on PATH.
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
cd "$(dirname "$0")/.."
N="${N:-10000}"
RUNS="${RUNS:-9}"
WORK="${WORK:-${TMPDIR:-/tmp}/waymark-bench-$N}"
DIR="$WORK/cache-corpus"

. bench/corpus.sh
corpus_copy "$DIR"
mapfile -t files < <(cd "$DIR" && find use-cases business-cases -name 'gen-*.yaml' | sort | head -n "$RUNS")

median() { sort -g | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2 }'; }
seconds() {
  local t0 t1
  t0=$(date +%s%N); ./waymark validate "$DIR" --no-color "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f\n", (b-a)/1e9}'
}
report() { printf '%-52s %8s s\n' "$1" "$(printf '%s\n' "${@:2}" | median)"; }

./waymark --version >/dev/null   # build the jar and the class-data archive outside the timing
echo "N=$N documents ($(du -sh "$DIR" | cut -f1)), median of $RUNS runs, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
floor=(); for _ in $(seq 1 "$RUNS"); do
  t0=$(date +%s%N); "$java" -Xshare:auto -version >/dev/null 2>&1; t1=$(date +%s%N)
  floor+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f\n", (b-a)/1e9}')")
done
report "JVM floor (java -Xshare:auto -version)" "${floor[@]}"
nocache=(); for _ in $(seq 1 "$RUNS"); do nocache+=("$(seconds --no-cache)"); done
report "validate --no-cache (every file read and parsed)" "${nocache[@]}"
rm -rf "$DIR/.waymark"
first="$(seconds)"
report "first run with the cache (writes it)" "$first"
# The first run made the cache folder in DIR, so DIR changed then: an answer is kept for the
# launcher's check only once every input is two seconds old (docs/ci.md), as after any pause.
sleep 2.1
echo "  cache: $(du -sh "$DIR/.waymark/cache" | cut -f1)"
seconds >/dev/null   # answered from the stored outcome: keeps the answer for the launcher
echo "  answer kept for the launcher: $([[ -f "$DIR/.waymark/cache/answer.bin" ]] && echo yes || echo no)"
warm=(); jwarm0=()
for _ in $(seq 1 "$RUNS"); do
  warm+=("$(seconds)")
  jwarm0+=("$(WAYMARK_PERL=0 seconds)")
done
report "warm, nothing changed (kept answer where Perl is)" "${warm[@]}"
report "warm, nothing changed, Java (WAYMARK_PERL=0, alternating)" "${jwarm0[@]}"
changed=()
for f in "${files[@]}"; do
  printf '\n# changed by bench/cache.sh %s\n' "$(date +%s%N)" >>"$DIR/$f"
  changed+=("$(seconds)")
done
report "warm, one file changed" "${changed[@]}"
if [[ "${DAEMON:-0}" == "1" ]]; then
  sockets="$(mktemp -d "${TMPDIR:-/tmp}/waymark-bench-sockets.XXXXXX")"
  chmod 700 "$sockets"
  stop_daemon() { XDG_RUNTIME_DIR="$sockets" WAYMARK_DAEMON=1 ./waymark daemon stop --all >/dev/null 2>&1 || true; rm -rf "$sockets"; }
  trap stop_daemon EXIT
  XDG_RUNTIME_DIR="$sockets" WAYMARK_DAEMON=1 ./waymark daemon start >/dev/null
  XDG_RUNTIME_DIR="$sockets" WAYMARK_DAEMON=1 WAYMARK_DAEMON_CLIENT=java ./waymark daemon start >/dev/null
  mapfile -t more < <(cd "$DIR" && find use-cases business-cases -name 'gen-*.yaml' | sort | head -n "$((6 * RUNS + 2 * ${WARMUP:-5}))" | tail -n "$((3 * RUNS + 2 * ${WARMUP:-5}))")
  next=0
  touch_one() { printf '\n# changed by bench/cache.sh %s\n' "$(date +%s%N)" >>"$DIR/${more[$next]}"; next=$((next + 1)); }
  for _ in $(seq 1 "${WARMUP:-5}"); do
    touch_one
    XDG_RUNTIME_DIR="$sockets" WAYMARK_DAEMON=1 seconds >/dev/null
    touch_one
    XDG_RUNTIME_DIR="$sockets" WAYMARK_DAEMON=1 WAYMARK_DAEMON_CLIENT=java seconds >/dev/null
  done
  XDG_RUNTIME_DIR="$sockets" WAYMARK_DAEMON=1 seconds >/dev/null
  XDG_RUNTIME_DIR="$sockets" WAYMARK_DAEMON=1 WAYMARK_DAEMON_CLIENT=java seconds >/dev/null
  lwarm=(); dwarm=(); jwarm=()
  for _ in $(seq 1 "$RUNS"); do
    lwarm+=("$(WAYMARK_PERL=0 seconds)")
    dwarm+=("$(XDG_RUNTIME_DIR="$sockets" WAYMARK_DAEMON=1 seconds)")
    jwarm+=("$(XDG_RUNTIME_DIR="$sockets" WAYMARK_DAEMON=1 WAYMARK_DAEMON_CLIENT=java seconds)")
  done
  report "warm, nothing changed, Java (alternating)" "${lwarm[@]}"
  report "warm, nothing changed, resident server" "${dwarm[@]}"
  report "warm, nothing changed, server, JVM's client" "${jwarm[@]}"
  lchanged=(); dchanged=(); jchanged=()
  for ((i = 0; i < RUNS; i++)); do
    touch_one
    lchanged+=("$(WAYMARK_PERL=0 seconds)")
    touch_one
    dchanged+=("$(XDG_RUNTIME_DIR="$sockets" WAYMARK_DAEMON=1 seconds)")
    touch_one
    jchanged+=("$(XDG_RUNTIME_DIR="$sockets" WAYMARK_DAEMON=1 WAYMARK_DAEMON_CLIENT=java seconds)")
  done
  report "warm, one file changed, Java (alternating)" "${lchanged[@]}"
  report "warm, one file changed, resident server" "${dchanged[@]}"
  report "warm, one file changed, server, JVM's client" "${jchanged[@]}"
  cmp <(./waymark validate "$DIR" --format json 2>/dev/null || true) \
    <(XDG_RUNTIME_DIR="$sockets" WAYMARK_DAEMON=1 ./waymark validate "$DIR" --format json 2>/dev/null || true) >/dev/null \
    && echo "JSON output local and from the resident server: identical" \
    || { echo "JSON output local and from the resident server DIFFERS" >&2; exit 1; }
fi
cmp <(./waymark validate "$DIR" --format json --no-cache 2>/dev/null || true) \
  <(./waymark validate "$DIR" --format json 2>/dev/null || true) >/dev/null \
  && echo "JSON output with and without the cache: identical" \
  || { echo "JSON output with and without the cache DIFFERS" >&2; exit 1; }
