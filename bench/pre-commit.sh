#!/usr/bin/env bash
# The Git pre-commit hook (`waymark hook install`) on a commit that changes one file of the
# example roadmap: a repository in a temporary folder with the example as `ai-roadmap/`, the
# hook installed, then RUNS commits, each changing one line of a use case (alternating two
# texts) and staging it; the wall time of `git commit` (the hook included) is measured.
#   - "installed hook": the hook as `waymark hook install` writes it (the installing Waymark's
#     Java and jar by absolute path, its class-data archive when it was started with one);
#   - "WAYMARK_CMD=./waymark": the hook running this checkout's launcher;
#   - "git commit --no-verify": the commit without the hook, for the floor.
# Medians of RUNS; the cache (.waymark/cache/ of ai-roadmap) is on, as by default.
#
#   bench/pre-commit.sh            # RUNS=9
#   DAEMON=1 bench/pre-commit.sh   # also the installed hook with WAYMARK_DAEMON=1
#
# DAEMON=1 adds the installed hook answered by the resident validate server, commit by commit
# alternating with the installed hook run locally: asked as the hook asks it (through the Perl
# client beside the jar, where Perl is there) and by the JVM's client (WAYMARK_DAEMON_CLIENT=java;
# the same server: who asks is no part of its situation); the server (its socket in a folder of
# this run's own) is started by two commits of each client before the timing and stopped at the
# end.
#
# HIST=<repository> runs the same in a clone of a repository with history instead (its roadmap
# folder at its root, as bench/history.sh makes it); HIST=new makes one first with
# bench/history.sh (COMMITS=2000 by default, each changing roadmap.yaml) and removes it after:
#   HIST=new DAEMON=1 RUNS=5 bench/pre-commit.sh
set -euo pipefail
# The Java: $JAVA_HOME/bin/java when JAVA_HOME is set (as ./waymark takes it), else java on PATH.
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
cd "$(dirname "$0")/.."
RUNS="${RUNS:-9}"
here="$(pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/waymark-pre-commit.XXXXXX")"
sockets="$work/sockets"
mkdir -m 700 "$sockets"
made=""
cleanup() {
  XDG_RUNTIME_DIR="$sockets" "$here/waymark" daemon stop --all >/dev/null 2>&1 || true
  rm -rf "$work"
  if [[ -n "$made" ]]; then rm -rf "$made"; fi
}
trap cleanup EXIT

./waymark --version >/dev/null   # build the jar and the class-data archive outside the timing
repo="$work/repo"
hist="${HIST:-}"
if [[ "$hist" == "new" ]]; then
  hist="$(COMMITS="${COMMITS:-2000}" REPO_ONLY=1 KEEP=1 bench/history.sh \
    | sed -n 's/^repository-path: //p')"
  made="$(dirname "$hist")"
fi
if [[ -n "$hist" ]]; then
  git clone -q "$hist" "$repo"
  roadmap="."
else
  mkdir -p "$repo"
  git -C "$repo" init -q -b main
  cp -r example-roadmap "$repo/ai-roadmap"
  roadmap="ai-roadmap"
fi
git -C "$repo" config user.email bench@example.com
git -C "$repo" config user.name bench
git -C "$repo" config commit.gpgsign false
rm -rf "$repo/$roadmap/.waymark/cache"
if [[ -z "$hist" ]]; then
  git -C "$repo" add -A
  git -C "$repo" commit -q -m "the example roadmap" --no-verify
fi
./waymark hook install --dir "$repo/$roadmap" >/dev/null
file="$roadmap/use-cases/$(ls "$repo/$roadmap/use-cases" | head -n1)"

median() { sort -g | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2 }'; }
# One changed line: a comment with a fresh number, so every commit has a change to check.
edit() {
  if grep -q '^# bench edit' "$repo/$file"; then
    sed -i '$d' "$repo/$file"
  fi
  printf '# bench edit %s\n' "$(date +%s%N)" >>"$repo/$file"
  git -C "$repo" add "$file"
}
# commit_once [--no-verify] [VAR=value...]: prints the wall time of the commit.
commit_once() {
  local verify=()
  if [[ "${1:-}" == "--no-verify" ]]; then verify=(--no-verify); shift; fi
  edit
  local t0 t1
  t0=$(date +%s%N)
  (cd "$repo" && env "$@" git commit -q "${verify[@]}" -m "edit" >"$work/out" 2>&1) \
    || { cat "$work/out" >&2; echo "the commit failed" >&2; exit 1; }
  t1=$(date +%s%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f\n", (b-a)/1e9}'
}
measure() {
  local label="$1" times=()
  shift
  commit_once "$@" >/dev/null # warms the cache for this way of running
  for _ in $(seq 1 "$RUNS"); do times+=("$(commit_once "$@")"); done
  printf '%-44s %8s s\n' "$label" "$(printf '%s\n' "${times[@]}" | median)"
}

echo "commit changing one file of ${hist:+a clone of }the example roadmap${hist:+ with $(git -C "$repo" rev-list --count HEAD) commits}, median of $RUNS, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg), $("$java" -version 2>&1 | head -1)"
measure "git commit, installed hook" WAYMARK_BENCH=1
measure "git commit, hook with WAYMARK_CMD=./waymark" WAYMARK_CMD="$here/waymark"
measure "git commit, hook with --no-cache" WAYMARK_HOOK_ARGS=--no-cache
measure "git commit --no-verify (no hook)" --no-verify
if [[ "${DAEMON:-0}" == "1" ]]; then
  commit_once XDG_RUNTIME_DIR="$sockets" WAYMARK_DAEMON=1 >/dev/null # starts the server
  commit_once XDG_RUNTIME_DIR="$sockets" WAYMARK_DAEMON=1 WAYMARK_DAEMON_CLIENT=java >/dev/null
  sleep 3
  commit_once XDG_RUNTIME_DIR="$sockets" WAYMARK_DAEMON=1 >/dev/null # its first answer
  commit_once XDG_RUNTIME_DIR="$sockets" WAYMARK_DAEMON=1 WAYMARK_DAEMON_CLIENT=java >/dev/null
  local_times=(); daemon_times=(); java_times=()
  for _ in $(seq 1 "$RUNS"); do
    local_times+=("$(commit_once XDG_RUNTIME_DIR="$sockets" WAYMARK_BENCH=1)")
    daemon_times+=("$(commit_once XDG_RUNTIME_DIR="$sockets" WAYMARK_DAEMON=1)")
    java_times+=("$(commit_once XDG_RUNTIME_DIR="$sockets" WAYMARK_DAEMON=1 WAYMARK_DAEMON_CLIENT=java)")
  done
  printf '%-52s %8s s\n' "git commit, installed hook (alternating)" "$(printf '%s\n' "${local_times[@]}" | median)"
  printf '%-52s %8s s\n' "git commit, installed hook, WAYMARK_DAEMON=1" "$(printf '%s\n' "${daemon_times[@]}" | median)"
  printf '%-52s %8s s\n' "git commit, same, the JVM's client" "$(printf '%s\n' "${java_times[@]}" | median)"
  echo "resident servers: $(ls "$sockets"/waymark/*.sock 2>/dev/null | wc -l) (one expected: both clients ask the same)"
fi
