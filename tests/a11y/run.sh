#!/usr/bin/env bash
# Seloste accessibility suite (issue 5): every example x language x theme, full
# page and fragment, checked in Debian's Chromium with axe-core, the Nu HTML
# Checker, keyboard, reflow, print and reduced-motion checks; plus a proof that
# a deliberately broken theme fails. See docs/accessibility.md.
#
# Environment: SELOSTE_BIN (the seloste CLI, required), SELOSTE_SOURCE_DIR (repo
# root, default: two levels up), SELOSTE_BUILD_DIR (npm packages and screenshots
# are kept under it; default: a temp folder). Never writes into the repo.
# Last line: "N passed, N failed". Argument: the script to run (default suite; markup-proof).
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
die() { echo "a11y: $*" >&2; echo "0 passed, 1 failed"; exit 1; }

export SELOSTE_SOURCE_DIR="${SELOSTE_SOURCE_DIR:-$(cd "$here/../.." && pwd)}"
[ -n "${SELOSTE_BIN:-}" ] || die "SELOSTE_BIN is not set (the built seloste CLI)"
[ -x "$SELOSTE_BIN" ] || die "SELOSTE_BIN=$SELOSTE_BIN is not an executable"
command -v node >/dev/null || die "node is not installed (scripts/install-deps)"
command -v npm >/dev/null || die "npm is not installed (scripts/install-deps)"
command -v java >/dev/null || die "java is not installed (default-jre-headless, for vnu.jar)"
[ -x "${SELOSTE_CHROMIUM:-/usr/bin/chromium}" ] || die "Debian's chromium is not installed (scripts/install-deps)"

tmp_made=""
if [ -n "${SELOSTE_BUILD_DIR:-}" ]; then
  work="$SELOSTE_BUILD_DIR/a11y-suite"
else
  work="$(mktemp -d -t seloste-a11y-suite.XXXXXX)"; tmp_made="$work"
fi
mkdir -p "$work" || die "cannot create $work"

child=""
cleanup() {
  [ -n "$child" ] && kill "$child" 2>/dev/null && wait "$child" 2>/dev/null
  [ -n "$tmp_made" ] && rm -rf "$tmp_made"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The suite's code and its pinned npm packages live in $work, never in the repo.
cp "$here/package.json" "$here/package-lock.json" "$here"/*.mjs "$work/" || die "cannot copy the suite to $work"
rm -rf "$work/lib" "$work/tools" && cp -r "$here/lib" "$here/tools" "$work/" || die "cannot copy lib/ and tools/ to $work"
if ! cmp -s "$here/package-lock.json" "$work/node_modules/.seloste-a11y-lock"; then
  echo "a11y: npm ci in $work"
  # --ignore-scripts: vnu-jar's postinstall would try to download a Java; Debian's java is used.
  (cd "$work" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) || die "npm ci failed"
  cp "$here/package-lock.json" "$work/node_modules/.seloste-a11y-lock"
fi

# "run.sh markup-proof" runs the Chromium proof of the markup policy instead of the suite.
script="${1:-suite}"
[[ $script =~ ^[a-z-]+$ && -f "$work/$script.mjs" ]] || die "no such script: $script"
node "$work/$script.mjs" &
child=$!
wait "$child"
status=$?
child=""
exit "$status"
