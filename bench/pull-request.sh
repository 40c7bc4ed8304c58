#!/usr/bin/env bash
# A pull request on a large portfolio: the generated corpus of N documents (default 10,000, that
# of bench/validate-10k.sh) committed on main, then a branch that changes one use case, the
# roadmap's gate and one approved business case; `./waymark validate --no-cache` on the branch's
# work tree with and without `--base main`, run by run alternating, with the peak RSS. The
# difference is what the pull-request rules cost: resolving the base, reading its files from Git
# (those the change did not touch are taken as the head read them: load.Shared) and the rules
# that compare with it. Medians of RUNS runs (default 5). Git packs the repository first, as a
# clone's is.
#
#   bench/pull-request.sh
#   N=1000 RUNS=9 bench/pull-request.sh
#
# Needs git, GNU time (/usr/bin/time), and python3 with PyYAML for the corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${N:-10000}"
RUNS="${RUNS:-5}"
WORK="${WORK:-${TMPDIR:-/tmp}/waymark-bench-$N}"
. bench/corpus.sh
plain="$WORK/portfolio-plain"
repo="$WORK/pull-request"
corpus_copy "$plain"
if [[ "${REGEN:-0}" == "1" || ! -f "$repo/.made" ]]; then
  rm -rf "$repo"
  mkdir -p "$repo"
  cp -r "$plain" "$repo/roadmap"
  (
    cd "$repo"
    export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.invalid
    export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.invalid
    git init -q -b main
    git config gc.auto 0   # no background gc beside the one below
    git add -A
    git commit -qm "the portfolio"
    git checkout -q -b change
    first=$(ls roadmap/use-cases | sort | head -1)
    sed -i 's/status: pilot$/status: production/' "roadmap/use-cases/$first"
    sed -i '0,/status: pending/s//status: passed\n        decidedOn: 2027-05-12/' roadmap/roadmap.yaml
    sed -i 's/annual: 30000$/annual: 45000/' roadmap/business-cases/knowledge-layer.yaml
    git commit -qam "the change"
    git gc -q
    touch .made
  )
fi
median() { sort -g | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2 }'; }
./waymark --version >/dev/null   # build the jar and the class-data archive outside the timing
echo "N=$N documents, a pull request changing 3 files, median of $RUNS runs, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
times="$(mktemp)"
trap 'rm -f "$times"' EXIT
run() {   # prints "seconds MiB"
  /usr/bin/time -o "$times" -f "%e %M" ./waymark validate "$repo/roadmap" --no-color --no-cache \
    --quiet "$@" >/dev/null 2>&1 || true
  tail -1 "$times" | awk '{printf "%.3f %d\n", $1, $2 / 1024}'
}
plain_t=(); plain_m=(); base_t=(); base_m=()
for _ in $(seq 1 "$RUNS"); do
  read -r t m < <(run); plain_t+=("$t"); plain_m+=("$m")
  read -r t m < <(run --base main); base_t+=("$t"); base_m+=("$m")
done
printf '%-44s %8s s %6s MiB\n' "validate --no-cache" \
  "$(printf '%s\n' "${plain_t[@]}" | median)" "$(printf '%s\n' "${plain_m[@]}" | median)"
printf '%-44s %8s s %6s MiB\n' "validate --no-cache --base main" \
  "$(printf '%s\n' "${base_t[@]}" | median)" "$(printf '%s\n' "${base_m[@]}" | median)"
