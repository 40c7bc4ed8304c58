#!/usr/bin/env bash
# Builds an example roadmap repository, with its dated Git history, from examples/EXAMPLE and
# examples/history/EXAMPLE/steps:
#   examples/build.sh ashdown-health /tmp/ashdown-health
#   waymark ci /tmp/ashdown-health --out /tmp/ashdown-out
# OUT must not exist or be empty. Needs git and nothing else; no network.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
die() {
  echo "build.sh: $*" >&2
  exit 2
}
trim() {
  local s="$1"
  s="${s#"${s%%[![:space:]]*}"}"
  printf '%s' "${s%"${s##*[![:space:]]}"}"
}

if [[ $# -ne 2 ]]; then
  echo "usage: examples/build.sh EXAMPLE OUT   (examples: $(ls "$here/history" | tr '\n' ' '))" >&2
  exit 2
fi
name="$1"
out="$2"
src="$here/$name"
hist="$here/history/$name"
[[ "$name" =~ ^[a-z0-9-]+$ && -d "$src" && -f "$hist/steps" ]] || die "no example '$name' (see $here/history)"
command -v git >/dev/null 2>&1 || die "git is needed"
if [[ -e "$out" && -n "$(ls -A "$out" 2>/dev/null)" ]]; then
  die "$out exists and is not empty"
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# Git commands below must never see a repository around the folders they work in.
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null GIT_CEILING_DIRECTORIES="$tmp"
git init -q "$tmp/apply.git"

steps=()
while IFS= read -r line; do
  [[ "$line" =~ ^[[:space:]]*(#|$) ]] || steps+=("$line")
done <"$hist/steps"
n=${#steps[@]}
((n > 0)) || die "$hist/steps lists no step"

field() { # field STEP INDEX: the INDEX-th (0-based) '|'-separated field of step STEP (1-based)
  local parts
  IFS='|' read -r -a parts <<<"${steps[$1 - 1]}"
  trim "${parts[$2]:-}"
}

# Backwards: state n is the example folder; state k-1 is state k with step k undone.
mkdir "$tmp/s$n"
cp -R "$src/." "$tmp/s$n/"
for ((k = n; k > 1; k--)); do
  cp -R "$tmp/s$k" "$tmp/s$((k - 1))"
  patch="$(field "$k" 3)"
  if [[ "$patch" != "-" ]]; then
    (cd "$tmp/s$((k - 1))" && git --git-dir="$tmp/apply.git" --work-tree=. apply -R "$hist/$patch") ||
      die "step $k: $patch does not undo cleanly on the example; was the example edited without its history?"
  fi
  added="$(field "$k" 4)"
  if [[ "$added" != "-" ]]; then
    for f in $added; do
      [[ -f "$tmp/s$((k - 1))/$f" ]] || die "step $k adds $f, which the example does not have"
      rm "$tmp/s$((k - 1))/$f"
    done
  fi
done

# Forwards: one commit per state, with the step's author and date.
mkdir -p "$out"
git init -q -b main "$out"
for ((k = 1; k <= n; k++)); do
  find "$out" -mindepth 1 -maxdepth 1 ! -name .git -exec rm -rf {} +
  cp -R "$tmp/s$k/." "$out/"
  date="$(field "$k" 0)"
  author="$(field "$k" 1)"
  who="${author%% <*}"
  mail="${author##*<}"
  mail="${mail%>}"
  git -C "$out" add -A
  GIT_AUTHOR_NAME="$who" GIT_AUTHOR_EMAIL="$mail" GIT_AUTHOR_DATE="$date" \
    GIT_COMMITTER_NAME="$who" GIT_COMMITTER_EMAIL="$mail" GIT_COMMITTER_DATE="$date" \
    git -C "$out" -c commit.gpgsign=false commit -q --allow-empty -m "$(field "$k" 2)"
done

diff -r -x .git "$src" "$out" >/dev/null || die "the built repository differs from $src"
echo "built $out: $n commits, $(field 1 0 | cut -c1-10) to $(field "$n" 0 | cut -c1-10)"
