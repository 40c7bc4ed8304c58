#!/usr/bin/env bash
# Hostile inputs of issue 18 through the built jar: `ci` on each, with wall time, peak RSS and the
# bytes written. Fails when an exit code differs from the expected one or a bound documented in
# docs/reliability.md is exceeded (by default 60 s, 1 GiB peak RSS and 20 MB written per input;
# measure on a quiet machine: the wall-time bound assumes the cores are not shared).
#   bench/hostile.sh                       # WALL_LIMIT=60 RSS_LIMIT_KIB=1048576 OUT_LIMIT_BYTES=20000000
#   CASES="alias_string many_errors" bench/hostile.sh     # only some of the cases
set -euo pipefail
cd "$(dirname "$0")/.."
WALL_LIMIT="${WALL_LIMIT:-60}"
RSS_LIMIT_KIB="${RSS_LIMIT_KIB:-1048576}"
OUT_LIMIT_BYTES="${OUT_LIMIT_BYTES:-20000000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

./waymark --version >/dev/null          # build the jar once, outside the measurements
jar="cli/target/waymark.jar"

# Each case: a copy of the example roadmap with one hostile change, made by a function.
case_horizon_wrap()   { sed -i 's/horizonMonths: 18/horizonMonths: 4294967314/' "$1/roadmap.yaml"; }
case_horizon_max()    { sed -i 's/horizonMonths: 18/horizonMonths: 2147483647/' "$1/roadmap.yaml"; }
case_impact_1e400()   { sed -i '0,/impact: 5/s//impact: 1e400/' "$1/roadmap.yaml"; }
case_bad_glob()       { sed -i 's|- ".gitlab-ci.yml"|- "["|' "$1/waymark.yaml"; }
case_slow_glob()      {
  sed -i 's|- ".gitlab-ci.yml"|- "*a*a*a*a*a*a*a*ab.yaml"|' "$1/waymark.yaml"
  printf 'not: waymark\n' > "$1/$(printf 'a%.0s' $(seq 60)).yaml"
}
case_alias_string()   {   # 150 KB string, 15,000 aliases to it: 2.25 GB once expanded
  python3 - "$1/bomb.yaml" <<'EOF'
import sys
with open(sys.argv[1], "w") as f:
    f.write("s: &s " + "y" * 150_000 + "\nl:\n" + "  - *s\n" * 15_000)
EOF
}
case_alias_scalar()   {   # one 1 KB scalar repeated 200,000 times: a 2 MB file
  python3 - "$1/use-cases/many.yaml" <<'EOF'
import sys
with open(sys.argv[1], "w") as f:
    f.write("apiVersion: waymark/v1\nkind: UseCase\nmetadata: {id: uc-x, title: &t "
            + "z" * 1000 + "}\nspec:\n  status: live\n  businessOutcome: x\n  metrics:\n"
            + "    - *t\n" * 200_000)
EOF
}
case_many_errors()    {   # 20,000 documents with one schema error each
  python3 - "$1/use-cases/big.yaml" <<'EOF'
import sys
with open(sys.argv[1], "w") as f:
    for i in range(20_000):
        f.write(f"---\napiVersion: waymark/v1\nkind: UseCase\nmetadata: {{id: uc-{i}, title: U}}\n"
                "spec: {status: live, businessOutcome: x}\n")
EOF
}

# name, expected exit code of `ci`, expected text in waymark.txt
cases=(
  "horizon_wrap|1|4294967314 is above the maximum 120"
  "horizon_max|1|2147483647 is above the maximum 120"
  "impact_1e400|1|1e400 is above the maximum 5"
  "bad_glob|1|is not a valid glob"
  "slow_glob|0|not-waymark"
  "alias_string|1|bytes of text through aliases"
  "alias_scalar|1|bytes of text through aliases"
  "many_errors|1|more \`schema\` findings in use-cases/big.yaml"
)

echo "hostile inputs through 'waymark ci' (with PDF), $(nproc) cores, $(java -version 2>&1 | head -1)"
printf '%-14s %5s %9s %11s %13s  %s\n' case exit "wall s" "peak MiB" "written KiB" verdict
failed=0
for c in "${cases[@]}"; do
  IFS='|' read -r name expected text <<<"$c"
  if [[ -n "${CASES:-}" && " $CASES " != *" $name "* ]]; then
    continue
  fi
  repo="$work/$name/plan"; out="$work/$name/out"
  mkdir -p "$repo"; cp -r example-roadmap/. "$repo"
  "case_$name" "$repo"
  set +e
  /usr/bin/time -f "%e %M" -o "$work/$name/time" \
    java -XX:+UseSerialGC -jar "$jar" ci "$repo" --out "$out" >"$work/$name/stdout" 2>"$work/$name/stderr"
  code=$?
  set -e
  # time(1) writes "Command exited with non-zero status N" first when the exit code is not 0.
  read -r wall rss < <(tail -n 1 "$work/$name/time") || { wall=0; rss=0; }
  written=$(du -sk "$out" 2>/dev/null | cut -f1)
  verdict="ok"
  [[ "$code" == "$expected" ]] || verdict="exit $code, expected $expected: $(head -c 300 "$work/$name/stderr")"
  grep -qF -- "$text" "$out/waymark.txt" 2>/dev/null || verdict="${verdict/ok/}missing '$text' "
  awk -v w="$wall" -v l="$WALL_LIMIT" 'BEGIN{exit !(w > l)}' && verdict="${verdict/ok/}over ${WALL_LIMIT}s "
  (( rss > RSS_LIMIT_KIB )) && verdict="${verdict/ok/}over ${RSS_LIMIT_KIB} KiB RSS "
  (( written * 1024 > OUT_LIMIT_BYTES )) && verdict="${verdict/ok/}over ${OUT_LIMIT_BYTES} bytes written "
  printf '%-14s %5s %9s %11d %13s  %s\n' "$name" "$code" "$wall" $((rss / 1024)) "$written" "$verdict"
  [[ "$verdict" == "ok" ]] || failed=1
done
exit "$failed"
