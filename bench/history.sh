#!/usr/bin/env bash
# History of 2,000 commits: a repository whose roadmap.yaml (the example roadmap) changed in
# 2,000 commits over 18 months, read back through the JGit adapter.
#   bench/history.sh              # RUNS=5 by default; KEEP=1 keeps the generated repository
# Prints the medians of:
#   - ./waymark history REPO   (when the command exists; else ./waymark validate REPO, which reads
#                               history only once a history rule asks for it)
#   - the engine and its Git adapter alone, in one JVM: GitHistory.open + PlanHistory.read (the HistoryBenchmark test,
#     compiled from this project into a private build folder), first (cold) run and median.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-5}"
COMMITS="${COMMITS:-2000}"

work="$(mktemp -d "${TMPDIR:-/tmp}/waymark-history.XXXXXX")"
[[ "${KEEP:-0}" == "1" ]] || trap 'rm -rf "$work"' EXIT
repo="$work/roadmap"

# --- the repository -------------------------------------------------------------------------
git init -q -b main "$repo"
cp -R example-roadmap/. "$repo/"
start=$(date -u -d 2025-11-14T09:00:00Z +%s)      # 18 months before the example's as-of date
step=$(( (18 * 30 * 24 * 3600) / COMMITS ))
(
  cd "$repo"
  git add -A
  GIT_AUTHOR_DATE="@$start +0000" GIT_COMMITTER_DATE="@$start +0000" \
    git -c user.name=Ada -c user.email=ada@example.com -c commit.gpgsign=false \
    commit -q -m "The Northwind roadmap"
)
# One fast-import stream: commit i moves milestone "Model registry" between two due dates and
# rewords a gate criterion, so every commit changes roadmap.yaml (what `git commit` would make,
# written in one pass and packed as a clone would be).
grep -q '^          due: 2027-02-26$' "$repo/roadmap.yaml"
grep -q 'description: Pilots run reliably with less than 5 % downtime$' "$repo/roadmap.yaml"
LC_ALL=C awk -v commits="$COMMITS" -v start="$start" -v step="$step" \
    -v parent="$(git -C "$repo" rev-parse HEAD)" '
  { lines[NR] = $0 }
  END {
    for (i = 1; i <= commits; i++) {
      t = start + i * step
      print "commit refs/heads/main"
      printf "author %s <%s@example.com> %d +0000\n", (i % 3 ? "Ada" : "Linus"), (i % 3 ? "ada" : "linus"), t
      printf "committer Ada <ada@example.com> %d +0000\n", t
      print "data <<EOM"
      printf "Roadmap edit %d\n", i
      print "EOM"
      if (i == 1) print "from " parent
      print "M 100644 inline roadmap.yaml"
      print "data <<EOF_ROADMAP"
      for (n = 1; n <= NR; n++) {
        line = lines[n]
        if (line == "          due: 2027-02-26" && i % 2) line = "          due: 2027-03-05"
        if (line ~ /description: Pilots run reliably with less than 5 % downtime$/) line = line " (review " i ")"
        print line
      }
      print "EOF_ROADMAP"
      print ""
    }
  }' "$repo/roadmap.yaml" | git -C "$repo" fast-import --quiet
git -C "$repo" reset -q --hard main
echo "repository: $(git -C "$repo" rev-list --count HEAD) commits," \
  "$(git -C "$repo" log --format=%h -- roadmap.yaml | wc -l) change roadmap.yaml," \
  "from $(git -C "$repo" log -1 --format=%cs "$(git -C "$repo" rev-list --max-parents=0 HEAD)")" \
  "to $(git -C "$repo" log -1 --format=%cs)"

# REPO_ONLY=1: build the repository, print its path and stop (bench/history-10k.sh uses it).
if [[ "${REPO_ONLY:-0}" == "1" ]]; then
  trap - EXIT
  echo "repository-path: $repo"
  exit 0
fi

# --- timing -----------------------------------------------------------------------------------
median() { sort -g | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2 }'; }
time_runs() {
  local label="$1"; shift
  local times=()
  for _ in $(seq 1 "$RUNS"); do
    local t0 t1
    t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N)
    times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", (b-a)/1e9}')")
  done
  printf '%-52s %8s s   (runs: %s)\n' "$label" "$(printf '%s\n' "${times[@]}" | median)" "${times[*]}"
}

echo "median of $RUNS runs, $(nproc) cores, $(java -version 2>&1 | head -1)"
# Build the jar and the CDS archive once, outside the timing.
if ! ./waymark --version >/dev/null; then
  echo "(the CLI does not build right now: no CLI timing)"
elif ./waymark history --help >/dev/null 2>&1; then
  time_runs "./waymark history REPO" ./waymark history "$repo"
  time_runs "./waymark validate REPO --no-cache" ./waymark validate "$repo" --no-cache
else
  echo "(./waymark history does not exist yet: timing validate instead)"
  time_runs "./waymark validate REPO --no-cache" ./waymark validate "$repo" --no-cache
fi

# The engine alone: HistoryBenchmark (a test of this project, off unless named) in one JVM.
build="${WAYMARK_BENCH_BUILD:-${TMPDIR:-/tmp}/waymark-bench-build}"
log="$work/engine-bench.log"
if mvn -B -q test -pl engine,git -Djacoco.skip=true -Dspotless.check.skip=true \
    -Dwaymark.build.dir="$build/\${project.artifactId}" -Dtest=HistoryBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dwaymark.bench.history="$repo" -Dwaymark.bench.runs="$RUNS" >"$log" 2>&1; then
  grep '^history-bench:' "$log" | sed 's/^history-bench: /engine: /'
else
  echo "(the engine benchmark did not run; its Maven output:)"
  tail -20 "$log"
fi
