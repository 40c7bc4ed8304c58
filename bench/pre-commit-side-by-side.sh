#!/usr/bin/env bash
# The pre-commit hook of two jars side by side in one run: a repository each (the example roadmap
# as ai-roadmap/), the hook installed by each jar (with its class-data archive when BASE_JSA /
# NEW_JSA name one, as `waymark hook install` records the archive it was started with), then RUNS
# commits in each, alternating, each changing one line of a use case. Prints the medians of the
# wall time and of the CPU time (user + system of `git commit` with its hook) and NEW/BASE.
# An archive is only used with the jar it was made for (same path): train one per jar, e.g. by
# copying the jar into a checkout's cli/target/ and running its ./waymark once.
#   BASE=/tmp/base.jar BASE_JSA=/tmp/base.jsa NEW_JSA=cli/target/waymark.jsa RUNS=9 bench/pre-commit-side-by-side.sh
set -euo pipefail
cd "$(dirname "$0")/.."
: "${BASE:?BASE=path of the older jar}"
NEW="${NEW:-cli/target/waymark.jar}"
RUNS="${RUNS:-9}"
[ -f "$NEW" ] || ./waymark --version >/dev/null
here="$(pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/waymark-pre-commit-sbs.XXXXXX")"
trap 'rm -rf "$work"' EXIT
TIMEFORMAT='%R %U %S'

# repository NAME JAR ARCHIVE: a repository with the example and the hook JAR installs.
repository() {
  local repo="$work/$1" cds=()
  [[ -n "$3" ]] && cds=(-XX:SharedArchiveFile="$3" -Xshare:auto -Xlog:cds=off)
  mkdir -p "$repo"
  git -C "$repo" init -q -b main
  git -C "$repo" config user.email bench@example.com
  git -C "$repo" config user.name bench
  git -C "$repo" config commit.gpgsign false
  cp -r "$here/example-roadmap" "$repo/ai-roadmap"
  rm -rf "$repo/ai-roadmap/.waymark/cache"
  git -C "$repo" add -A
  git -C "$repo" commit -q -m "the example roadmap" --no-verify
  (cd "$repo" && java "${cds[@]}" -cp "$2" io.waymark.cli.Main hook install --dir ai-roadmap >/dev/null)
}
repository base "$(realpath "$BASE")" "${BASE_JSA:+$(realpath "$BASE_JSA")}"
repository new "$(realpath "$NEW")" "${NEW_JSA:+$(realpath "$NEW_JSA")}"
file="ai-roadmap/use-cases/$(ls "$work/base/ai-roadmap/use-cases" | head -n1)"

median() { sort -g | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2 }'; }
# commit_once NAME: one changed line committed; prints "wall cpu".
commit_once() {
  local repo="$work/$1" t
  if grep -q '^# bench edit' "$repo/$file"; then
    sed -i '$d' "$repo/$file"
  fi
  printf '# bench edit %s\n' "$(date +%s%N)" >>"$repo/$file"
  git -C "$repo" add "$file"
  t=$( { time (cd "$repo" && git commit -q -m edit >"$work/out" 2>&1); } 2>&1 ) \
    || { cat "$work/out" >&2; echo "the commit failed" >&2; exit 1; }
  awk '{printf "%.3f %.3f\n", $1, $2 + $3}' <<<"$t"
}
commit_once base >/dev/null # warms each cache
commit_once new >/dev/null
base=(); new=()
for _ in $(seq 1 "$RUNS"); do
  base+=("$(commit_once base)")
  new+=("$(commit_once new)")
done
column() { printf '%s\n' "${@:2}" | awk -v c="$1" '{print $c}' | median; }
bw=$(column 1 "${base[@]}"); nw=$(column 1 "${new[@]}")
bc=$(column 2 "${base[@]}"); nc=$(column 2 "${new[@]}")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", b/a}'; }
echo "commit changing one file of the example roadmap, median of $RUNS, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
printf 'wall: base %s s, new %s s, new/base %s\n' "$bw" "$nw" "$(ratio "$bw" "$nw")"
printf 'CPU (user+sys of git commit and its hook): base %s s, new %s s, new/base %s\n' "$bc" "$nc" \
  "$(ratio "$bc" "$nc")"
