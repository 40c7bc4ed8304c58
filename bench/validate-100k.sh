#!/usr/bin/env bash
# bench/validate-10k.sh at 100,000 documents (about 440 MB): Waymark and every peer side by side,
# medians and peak RSS, planted errors checked. Making the corpus takes a few minutes, once.
#   bench/validate-100k.sh            # RUNS=3
set -euo pipefail
cd "$(dirname "$0")/.."
N=100000 RUNS="${RUNS:-3}" exec bench/validate-10k.sh
