#!/usr/bin/env bash
# Runs the benchmarks: in-process (Google Benchmark, medians of 9 repetitions)
# and the whole `seloste render` process (hyperfine). Usage: bench/run.sh [BUILD_DIR]
set -euo pipefail
build=${1:-build}
src=$(cd "$(dirname "$0")/.." && pwd)
"$build/bench/seloste_bench" --benchmark_repetitions=9 --benchmark_report_aggregates_only=true \
    --benchmark_display_aggregates_only=true "${@:2}"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo
echo "seloste render of one notice (one source, one language) as a whole process:"
hyperfine --warmup 5 --runs 50 --export-json "$out/h.json" -N \
    "$build/cli/seloste render $src/examples/imatran-seudun-sahko.xml -o $out/page" | sed -n '1,4p'
python3 -c "import json,sys; r=json.load(open('$out/h.json'))['results'][0]; print(f'median {r[\"median\"]*1000:.2f} ms')"
