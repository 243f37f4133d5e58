#!/usr/bin/env bash
# Runs every libFuzzer harness for SECONDS (default 60) each, with the dictionary and
# a copy of the seed corpus in a temporary folder (never in the clone).
#   tests/fuzz/run.sh BUILD_DIR [SECONDS]
# BUILD_DIR is configured with CC=clang CXX=clang++ -DSELOSTE_SANITIZE=ON -DSELOSTE_FUZZ=ON.
# A crash, a hang (-timeout=10), a leak or an out-of-memory fails the run; the input is
# kept in BUILD_DIR/fuzz-crashes/HARNESS/ and its path printed. To keep it as a
# regression test, copy it to tests/fuzz/regressions/HARNESS/ (README.md).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(cd "${1:?usage: tests/fuzz/run.sh BUILD_DIR [SECONDS]}" && pwd)
seconds=${2:-60}
harnesses=(read check render verify)

work=$(mktemp -d "${TMPDIR:-/tmp}/seloste-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
export TMPDIR=$work  # the verify harness's bundles too

failed=()
for h in "${harnesses[@]}"; do
  bin=$build/tests/fuzz/seloste_fuzz_$h
  [ -x "$bin" ] || { echo "error: $bin is missing; expected a build with -DSELOSTE_FUZZ=ON"; exit 2; }
  corpus=$work/corpus-$h
  mkdir -p "$corpus"
  if [ "$h" = verify ]; then
    cp "$here"/seeds/verify/* "$corpus"/
  else
    i=0
    while IFS= read -r f; do cp "$f" "$corpus/seed-$((i++))-$(basename "$f")"; done \
      < <(find "$root/examples" "$root/tests/fixtures" -type f -name '*.xml' | sort)
  fi
  find "$here/regressions/$h" -type f ! -name '.*' ! -name README.md -exec cp {} "$corpus"/ \;
  crashes=$build/fuzz-crashes/$h
  rm -rf "$crashes"; mkdir -p "$crashes"
  log=$work/$h.log
  echo "== fuzz $h for ${seconds}s ($(ls "$corpus" | wc -l) seeds)"
  if (cd "$work" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
        "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2560 -dict="$here/seloste.dict" \
        -artifact_prefix="$crashes/" -print_final_stats=1 "$corpus" >"$log" 2>&1); then
    grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)' "$log" || tail -n 3 "$log"
  else
    tail -n 60 "$log"
    for c in "$crashes"/*; do
      [ -e "$c" ] || continue
      echo "fuzz $h: the failing input is $c ($(stat -c %s "$c") bytes); base64:"
      head -c 4096 "$c" | base64
    done
    failed+=("$h")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "error: the fuzzers found problems in: ${failed[*]}; expected none (inputs in $build/fuzz-crashes/)"
  exit 1
fi
echo "fuzzing: no crash, hang or leak in ${harnesses[*]} (${seconds}s each)"
