#!/usr/bin/env bash
# Sourced by the benchmarks on the generated corpus of N documents in WORK (made on first use by
# bench/gen-waymark-corpus.py, which needs python3 with PyYAML).
#
# corpus_copy DIR [AGE]: a fresh copy of the corpus in DIR, every file dated AGE back (default
# '1 hour ago'): a file changed in the last two seconds is always read, and a checkout is older.
corpus_copy() {
  local dir="$1" age="${2:-1 hour ago}"
  [[ -f "$WORK/corpus/manifest.tsv" ]] || python3 bench/gen-waymark-corpus.py --n "$N" --out "$WORK/corpus"
  rm -rf "$dir"
  cp -r "$WORK/corpus/docs" "$dir"
  find "$dir" -type f -exec touch -d "$age" {} +
}
