#!/usr/bin/env bash
# Installs the built library into a temporary prefix and builds a consumer
# project against it with find_package(seloste).
set -u
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0
step() { local name=$1; shift; if "$@" >"$work/log" 2>&1; then pass=$((pass+1)); echo "ok - $name"; else fail=$((fail+1)); echo "not ok - $name"; tail -20 "$work/log"; fi; }
step "install into a prefix" cmake --install "$SELOSTE_BUILD_DIR" --prefix "$work/prefix"
step "configure the consumer with find_package(seloste)" cmake -S "$SELOSTE_SOURCE_DIR/tests/consumer" -B "$work/build" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix"
step "build the consumer" cmake --build "$work/build"
step "the consumer renders an example in Swedish" bash -c "'$work/build/consumer' '$SELOSTE_SOURCE_DIR/examples/seinajoki.xml' | grep -q '<html lang=\"sv\">'"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
