#!/usr/bin/env bash
# A portfolio in Git: the generated corpus of N documents (default 10,000, that of
# bench/validate-10k.sh) committed with COMMITS more commits (default 30), each changing a use
# case and the roadmap's title, then `./waymark validate --no-cache` on it, run by run alternating
# with the same files outside Git. The difference is what Git costs a run: opening the
# repository, comparing the work tree with HEAD, and following the roadmap and every metrics file
# through the history (the history rules). Medians of RUNS runs (default 5).
#
#   bench/portfolio-git.sh
#   N=1000 COMMITS=100 RUNS=3 bench/portfolio-git.sh
#
# Needs git, and python3 with PyYAML for the corpus (Debian: apt-get install -y python3-yaml).
set -euo pipefail
cd "$(dirname "$0")/.."
N="${N:-10000}"
COMMITS="${COMMITS:-30}"
RUNS="${RUNS:-5}"
WORK="${WORK:-${TMPDIR:-/tmp}/waymark-bench-$N}"
. bench/corpus.sh
repo="$WORK/portfolio-git"
plain="$WORK/portfolio-plain"
corpus_copy "$plain"
if [[ "${REGEN:-0}" == "1" || ! -f "$repo/.commits-$COMMITS" ]]; then
  rm -rf "$repo"
  mkdir -p "$repo"
  cp -r "$plain" "$repo/roadmap"
  (
    cd "$repo"
    export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.invalid
    export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.invalid
    git init -q
    git add -A
    git commit -qm "the portfolio"
    mapfile -t cases < <(ls roadmap/use-cases | sort)
    for i in $(seq 1 "$COMMITS"); do
      echo "# change $i" >> "roadmap/use-cases/${cases[$(( (i * 37) % ${#cases[@]} ))]}"
      sed -i "0,/title: /s/title: \(.*\)/title: \1 r$i/" roadmap/roadmap.yaml
      git commit -qam "change $i"
    done
    touch ".commits-$COMMITS"
  )
fi
median() { sort -g | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2 }'; }
seconds() {
  local t0 t1
  t0=$(date +%s%N); ./waymark validate "$1" --no-color --no-cache >/dev/null 2>&1 || true; t1=$(date +%s%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f\n", (b-a)/1e9}'
}
./waymark --version >/dev/null   # build the jar and the class-data archive outside the timing
echo "N=$N documents, $((COMMITS + 1)) commits, median of $RUNS runs, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
inside=(); outside=()
for _ in $(seq 1 "$RUNS"); do
  outside+=("$(seconds "$plain")")
  inside+=("$(seconds "$repo/roadmap")")
done
printf '%-52s %8s s\n' "validate --no-cache, outside Git" "$(printf '%s\n' "${outside[@]}" | median)"
printf '%-52s %8s s\n' "validate --no-cache, in Git ($((COMMITS + 1)) commits)" "$(printf '%s\n' "${inside[@]}" | median)"
