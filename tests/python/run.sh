#!/usr/bin/env bash
# Python package suite: a fresh venv, `pip install` of bindings/python (builds the
# core again with scikit-build-core + pybind11 from PyPI), then the pytest suite,
# which compares the package with the CLI ($SELOSTE_BIN).
# Last line: "N passed, N failed".
set -uo pipefail

: "${SELOSTE_SOURCE_DIR:?SELOSTE_SOURCE_DIR must point at the repository}"
: "${SELOSTE_BIN:?SELOSTE_BIN must point at the built seloste CLI}"
PYTHON="${PYTHON:-python3}"
export CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-2}"

work="$(mktemp -d "${TMPDIR:-/tmp}/seloste-python.XXXXXX")"
trap 'rm -rf "$work"' EXIT

fail() {
  echo "python suite: $*" >&2
  echo "0 passed, 1 failed"
  exit 1
}

"$PYTHON" -m venv "$work/venv" || fail "cannot create a venv with $PYTHON"
py="$work/venv/bin/python"
"$py" -m pip install --quiet --disable-pip-version-check "pytest>=7.0" "tqdm>=4.60" || fail "pip cannot install pytest and tqdm"
"$py" -m pip install --quiet --disable-pip-version-check -r "$SELOSTE_SOURCE_DIR/tests/python/requirements.txt" \
  || fail "pip cannot install tests/python/requirements.txt (pyld)"
echo "python suite: pip install $SELOSTE_SOURCE_DIR/bindings/python (builds the core; a few minutes)" >&2
"$py" -m pip install --quiet --disable-pip-version-check "$SELOSTE_SOURCE_DIR/bindings/python" \
  || fail "pip install of bindings/python failed"

# Run from the temp folder so `import seloste` is the installed package, not the source tree.
cd "$work" || fail "no temp folder"
export SELOSTE_BIN SELOSTE_SOURCE_DIR
"$py" -m pytest -p no:cacheprovider -q -rfE \
  -c "$SELOSTE_SOURCE_DIR/bindings/python/pyproject.toml" \
  --rootdir "$SELOSTE_SOURCE_DIR/bindings/python" \
  --junitxml "$work/junit.xml" \
  "$SELOSTE_SOURCE_DIR/bindings/python/tests" 2>&1 | tee "$work/pytest.log"
status=${PIPESTATUS[0]}

counts="$("$py" - "$work/junit.xml" <<'PY'
import sys
import xml.etree.ElementTree as ET
try:
    root = ET.parse(sys.argv[1]).getroot()
except Exception:
    print("0 0 0")
    sys.exit(0)
suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
tests = sum(int(s.get("tests", 0)) for s in suites)
bad = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
skipped = sum(int(s.get("skipped", 0)) for s in suites)
print(tests - bad - skipped, bad, skipped)
PY
)"
read -r passed failed skipped <<<"$counts"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # pytest failed outside any test (collection, usage)
fi
if [ "$skipped" -ne 0 ]; then
  echo "python suite: $skipped test(s) skipped; a skip is not a pass" >&2
  failed=$((failed + skipped))
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
