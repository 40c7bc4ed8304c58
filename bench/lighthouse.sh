#!/usr/bin/env bash
# Lighthouse accessibility and best-practices scores of the example's dashboard and QBR, at
# desktop and mobile (issue 15; the scores are recorded in docs/reports.md, "Accessibility").
#   bench/lighthouse.sh                 # installs lighthouse with npm into a temporary folder
#   LIGHTHOUSE=/path/to/lighthouse bench/lighthouse.sh
# Needs Chromium (CHROME_PATH, default /usr/bin/chromium), Node.js and python3 (a local web
# server on 127.0.0.1: Lighthouse does not audit file:// pages). Nothing is fetched by the
# reports themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
server=""
cleanup() {
  [[ -n "$server" ]] && kill "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

lighthouse="${LIGHTHOUSE:-}"
if [[ -z "$lighthouse" ]]; then
  (cd "$work" && npm install --silent --no-audit --no-fund lighthouse@12 >/dev/null)
  lighthouse="$work/node_modules/.bin/lighthouse"
fi
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"

./waymark report example-roadmap --out "$work/out" --no-pdf --quiet
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/out" >/dev/null 2>&1 &
server=$!
sleep 1

echo "Lighthouse $("$lighthouse" --version), $("$CHROME_PATH" --version 2>/dev/null | head -1)"
for page in dashboard.html qbr-2027-Q2.html; do
  for form in desktop mobile; do
    preset=()
    [[ "$form" == desktop ]] && preset=(--preset=desktop)
    "$lighthouse" "http://127.0.0.1:$port/$page" "${preset[@]}" \
      --only-categories=accessibility,best-practices --output=json \
      --output-path="$work/$page-$form.json" --quiet \
      --chrome-flags="--headless=new --no-sandbox" >/dev/null 2>&1
    python3 - "$work/$page-$form.json" "$page" "$form" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
scores = {k: round(v["score"] * 100) for k, v in d["categories"].items()}
print(f"{sys.argv[2]:18} {sys.argv[3]:8} accessibility {scores['accessibility']:3}"
      f"   best practices {scores['best-practices']:3}")
for a in d["audits"].values():
    if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings"):
        print(f"    {a['id']}: {a['title']}")
PY
  done
done
