#!/usr/bin/env bash
# Validating N Waymark documents (default 10,000): Waymark with every rule on, side by side with
# the fastest schema validators reachable here, on the same files and Waymark's exported schemas.
# Medians of RUNS runs; also checks that each tool finds every planted schema error.
#
#   bench/validate-10k.sh                       # N=10000 RUNS=5
#   N=1000 RUNS=3 bench/validate-10k.sh
#   bench/validate-100k.sh                      # the same with N=100000 RUNS=3
#   JSON=1 bench/validate-10k.sh                # also Waymark writing its JSON (SPEC §5), which
#                                               # holds every business case's figures
# The corpus is made once per N and WORK folder (REGEN=1 makes it again).
#
# Peers (installed once, outside the repository):
#   npm install --prefix "${TMPDIR:-/tmp}/peers" ajv-cli@5.0.0 ajv-formats@3.0.1 ajv@8 @sourcemeta/jsonschema
# Needs python3 with PyYAML for the corpus (Debian: apt-get install -y python3-yaml).
set -euo pipefail
cd "$(dirname "$0")/.."
N="${N:-10000}"
RUNS="${RUNS:-5}"
WORK="${WORK:-${TMPDIR:-/tmp}/waymark-bench-$N}"
PEERS_DIR="${PEERS_DIR:-${TMPDIR:-/tmp}/peers}"
BIN="$PEERS_DIR/node_modules/.bin"
SM_BIN="$(ls "$PEERS_DIR"/node_modules/@sourcemeta/jsonschema/build/*/jsonschema-linux-x86_64 2>/dev/null | head -n1 || true)"
SM_BIN="${SM_BIN:-$BIN/jsonschema}"

if [[ "${REGEN:-0}" == "1" || ! -f "$WORK/corpus/manifest.tsv" ]]; then
  python3 bench/gen-waymark-corpus.py --n "$N" --out "$WORK/corpus"
fi
./waymark schema --out "$WORK/schema" >/dev/null
awk -F'\t' 'NR>1 && $3=="no"{print $1}' "$WORK/corpus/manifest.tsv" | sed 's#^docs/##' | sort > "$WORK/planted"
docs="$WORK/corpus/docs"
schema="$WORK/schema/waymark.schema.json"

median() { sort -g | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2 }'; }

# tool name | command | ERE that marks a line naming an invalid file
run() {
  local name="$1" cmd="$2" match="$3" walls=() rss=()
  for _ in $(seq 1 "$RUNS"); do
    local t0 t1
    t0=$(date +%s%N)
    /usr/bin/time -f '%M' -o "$WORK/time.tmp" bash -c "$cmd" >"$WORK/$name.log" 2>&1 || true
    t1=$(date +%s%N)
    walls+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", (b-a)/1e9}')")
    rss+=("$(tail -n1 "$WORK/time.tmp")")
  done
  local med rssm found fp
  med=$(printf '%s\n' "${walls[@]}" | median)
  rssm=$(printf '%s\n' "${rss[@]}" | median)
  grep -Ei -- "$match" "$WORK/$name.log" | grep -oE '(business-cases|use-cases|vendors|metrics|assessment)/gen-[0-9]+\.yaml' | sort -u > "$WORK/$name.found" || true
  found=$(comm -12 "$WORK/$name.found" "$WORK/planted" | wc -l)
  fp=$(comm -23 "$WORK/$name.found" "$WORK/planted" | wc -l)
  printf '%-34s %8s s %8.0f MiB   %s/%s found, %s false\n' "$name" "$med" "$(awk -v k="$rssm" 'BEGIN{print k/1024}')" \
    "$found" "$(wc -l < "$WORK/planted")" "$fp"
}

./waymark --version >/dev/null   # build outside the timing
# Every file read once before any timing: else the first tool's first run pays the disk reads the
# others find in the page cache (at 100,000 documents, 440 MB: several seconds of one run).
find "$docs" -type f -exec cat {} + >/dev/null
echo "N=$N documents ($(du -sh "$docs" | cut -f1)), median of $RUNS runs, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
# --no-cache: every run reads, parses and checks every file, as the peers do (bench/cache.sh
# measures the warm runs).
run "waymark validate (every rule)" "./waymark validate '$docs' --no-color --no-cache" ' error '
if [[ "${JSON:-0}" == "1" ]]; then
  run "waymark validate --format json" "./waymark validate '$docs' --no-cache --format json" '"file" : '
fi
if [[ -x "$SM_BIN" ]]; then
  run "sourcemeta jsonschema --fast" "'$SM_BIN' validate '$schema' '$docs' --resolve '$WORK/schema' --continue --fast" '^fail: |error'
  run "sourcemeta jsonschema" "'$SM_BIN' validate '$schema' '$docs' --resolve '$WORK/schema' --continue" '^fail: |error'
fi
if [[ -x "$BIN/ajv" ]]; then
  refs=$(for f in "$WORK"/schema/*.json; do [[ "$f" == "$schema" ]] || printf -- "-r '%s' " "$f"; done)
  run "ajv-cli" "'$BIN/ajv' validate --spec=draft2020 --strict=false --all-errors --errors=line -s '$schema' $refs -d '$docs/**/*.yaml'" ' invalid$'
fi
