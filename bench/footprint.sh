#!/usr/bin/env bash
# What a validated folder keeps in memory, by document kind (bench/Footprint.java, JOL's object
# graph walk in the JVM that validated it): bytes per model of each kind with all it reaches, the
# folder's listing, and what the load and the result add. Not a speed benchmark: the figures say
# which models a streaming load should drop first (docs/streaming.md, "What each kind keeps").
#   bench/footprint.sh                              # the 10,000-document corpus of validate-10k.sh
#   bench/footprint.sh example-roadmap
#   MODELS=FINDINGS bench/footprint.sh            # what a validate judging files as read keeps
# JOL (org.openjdk.jol:jol-core) is fetched into the local Maven repository on first use; it is no
# dependency of Waymark's.
set -euo pipefail
cd "$(dirname "$0")/.."
JOL_VERSION=0.17
N="${N:-10000}"
dir="${1:-${TMPDIR:-/tmp}/waymark-bench-$N/corpus/docs}"
if [[ ! -d "$dir" ]]; then
  python3 bench/gen-waymark-corpus.py --n "$N" --out "${dir%/docs}"
fi
repo="${MAVEN_REPO:-$HOME/.m2/repository}"   # the local Maven repository
jol="$repo/org/openjdk/jol/jol-core/$JOL_VERSION/jol-core-$JOL_VERSION.jar"
[[ -f "$jol" ]] || mvn -B -q dependency:get -Dartifact="org.openjdk.jol:jol-core:$JOL_VERSION" >/dev/null
./waymark --version >/dev/null   # builds the jar on first use
# -Djdk.attach.allowAttachSelf: JOL reads object sizes through its agent, attached to itself.
java -Djdk.attach.allowAttachSelf=true -cp "cli/target/waymark.jar:$jol" bench/Footprint.java "$dir" \
  2> >(grep -v '^WARNING\|^#' >&2)
