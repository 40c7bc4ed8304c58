#!/usr/bin/env bash
# Diagnostic latency of the language server: didChange -> publishDiagnostics on a copy of
# example-roadmap/, median of RUNS runs after WARMUP (bench/lsp-latency.py does the timing).
#   bench/lsp-latency.sh                 # RUNS=50 WARMUP=20; the default 50 ms debounce included
#   DEBOUNCE_MS=0 bench/lsp-latency.sh   # the judging alone
set -euo pipefail
cd "$(dirname "$0")/.."
./waymark --version >/dev/null          # build the jar once, outside the timing
exec python3 bench/lsp-latency.py ./waymark lsp
