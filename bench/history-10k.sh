#!/usr/bin/env bash
# History at scale (issues 19 and 20): repositories whose roadmap.yaml changed in 5,000 and
# 10,000 commits (built by bench/history.sh), and the wall time and peak RSS of
# `waymark validate` and `waymark ci` on each, one run each (they are long).
#   bench/history-10k.sh                  # SIZES="5000 10000" by default
# Targets: validate ≤ 25 s and ≤ 512 MiB at 10,000 commits; ci within 10 % of validate.
# Needs GNU time (/usr/bin/time) for the peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES="${SIZES:-5000 10000}"
./waymark --version >/dev/null   # build the jar outside the timing
echo "$(nproc) cores, $(java -version 2>&1 | head -1)"
printf '%-8s %-10s %10s %12s\n' commits command "wall (s)" "peak RSS"
for n in $SIZES; do
  repo="$(COMMITS="$n" REPO_ONLY=1 KEEP=1 bench/history.sh | sed -n 's/^repository-path: //p')"
  out="$(mktemp -d "${TMPDIR:-/tmp}/waymark-ci.XXXXXX")"
  for cmd in validate ci; do
    args=("$cmd" "$repo" --no-cache)
    [[ "$cmd" == "ci" ]] && args+=(--out "$out" --no-pdf)
    stats="$(mktemp)"
    /usr/bin/time -f '%e %M' -o "$stats" ./waymark "${args[@]}" >/dev/null 2>&1 || true
    read -r wall rss <"$stats"
    printf '%-8s %-10s %10s %9d MiB\n' "$n" "$cmd" "$wall" "$((rss / 1024))"
    rm -f "$stats"
  done
  rm -rf "$(dirname "$repo")" "$out"
done
