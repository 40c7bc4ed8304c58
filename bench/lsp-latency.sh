#!/usr/bin/env bash
# Diagnostic latency of the language server: didChange -> publishDiagnostics on a copy of
# example-roadmap/, median of RUNS runs after WARMUP (bench/lsp-latency.py does the timing).
#   bench/lsp-latency.sh                 # RUNS=50 WARMUP=20; the default 50 ms debounce included
#   DEBOUNCE_MS=0 bench/lsp-latency.sh   # the judging alone
#   DIR=${TMPDIR:-/tmp}/waymark-bench-10000/corpus/docs DEBOUNCE_MS=0 RUNS=20 WARMUP=20 bench/lsp-latency.sh
#                                        # the same on a copy of the 10,000-document corpus
#                                        # (made by bench/validate-10k.sh)
#   BREAK=schema bench/lsp-latency.sh    # a schema error instead of a dangling reference; also
#                                        # prints the first edit's latency (cold, no warm-up)
set -euo pipefail
cd "$(dirname "$0")/.."
./waymark --version >/dev/null          # build the jar once, outside the timing
exec python3 bench/lsp-latency.py ./waymark lsp
