#!/usr/bin/env bash
# Every `seloste ...` command of the docs meant to run works as written with the
# installed CLI, called by name: the build is installed into a temporary prefix (as
# scripts/build installs it into /usr/local), its bin/ put first on PATH, and the
# commands of each file run in order (a later one may use what an earlier one wrote) in
# a scratch folder holding a copy of examples/. tests/package/doc_commands.py extracts
# them; a block after <!-- not run --> is skipped (docs/install.md).
# A command succeeds with exit 0; `seloste diff` also with 1 ("something changed").
set -u
SRC=${SELOSTE_SOURCE_DIR:?}
BUILD=${SELOSTE_BUILD_DIR:?}
# The Markdown files whose commands are meant to run as written, from the repository root.
DOCS=(README.md examples/README.md docs/install.md)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
bad() { fail=$((fail + 1)); echo "not ok - $1"; }

# The extractor itself: prompts, continuations, the marker, other languages, inline code.
cat >"$work/sample.md" <<'MD'
Inline `seloste themes` is prose.
```sh
seloste one a   # comment
$ seloste two \
  b
echo seloste not-first
```
<!-- not run -->

```sh
seloste skipped
```
```python
seloste in-python
```
~~~console
seloste three
~~~
    seloste indented
MD
printf '%s\n' "sample.md:3	seloste one a   # comment" "sample.md:4	seloste two b" "sample.md:17	seloste three" >"$work/expected"
if (cd "$work" && python3 "$SRC/tests/package/doc_commands.py" sample.md) | diff "$work/expected" - >"$work/diff"; then
    ok "doc_commands.py extracts the runnable commands only"
else
    bad "doc_commands.py extracts the runnable commands only"; cat "$work/diff"
fi

if cmake --install "$BUILD" --prefix "$work/prefix" >"$work/install.log" 2>&1; then
    ok "cmake --install into a prefix"
else
    bad "cmake --install into a prefix"; cat "$work/install.log"; exit 1
fi
export PATH="$work/prefix/bin:$PATH"
if [ "$(command -v seloste)" = "$work/prefix/bin/seloste" ]; then ok "seloste on PATH is the installed one"
else bad "seloste on PATH is the installed one (got $(command -v seloste))"; fi
lib=$(ldd "$work/prefix/bin/seloste" | awk '$1 == "libseloste.so.0" { print $3 }')
if [ "$lib" -ef "$work/prefix/lib/libseloste.so.0" ]; then ok "the installed CLI loads the installed libseloste.so.0"
else bad "the installed CLI loads the installed libseloste.so.0 (got '$lib')"; fi

for doc in "${DOCS[@]}"; do
    [ -f "$SRC/$doc" ] || { bad "$doc exists"; continue; }
    scratch="$work/scratch/${doc//\//_}"
    mkdir -p "$scratch" && cp -r "$SRC/examples" "$scratch/examples"
    n=0
    while IFS=$'\t' read -r where cmd; do
        n=$((n + 1))
        (cd "$scratch" && timeout 300 bash -c "$cmd") >"$work/cmd.log" 2>&1
        rc=$?
        if [ $rc -eq 0 ] || { [ $rc -eq 1 ] && [[ $cmd == "seloste diff "* ]]; }; then
            ok "$where: $cmd"
        else
            bad "$where: $cmd (exit $rc)"; tail -15 "$work/cmd.log" | sed 's/^/    /'
        fi
    done < <(cd "$SRC" && python3 "$SRC/tests/package/doc_commands.py" "$doc")
    [ $n -gt 0 ] && ok "$doc: $n command(s) found" || bad "$doc: no seloste command found"
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
