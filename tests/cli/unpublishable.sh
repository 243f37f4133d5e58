#!/usr/bin/env bash
# Every door refuses what cannot be published, at the same place: for each source of
# tests/fixtures/unpublishable/ (expected.tsv: the file:line:col of the first error and
# a part of its message) `seloste check`, `seloste render -o` and `seloste build -o`
# exit 1 with that file:line:col, write nothing and leave an existing output folder
# untouched; no raw control character reaches the terminal. The Python binding is held
# to the same table in bindings/python/tests/test_load.py.
set -u
BIN=${SELOSTE_BIN:?}
SRC=${SELOSTE_SOURCE_DIR:?}
CORPUS="$SRC/tests/fixtures/unpublishable"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
bad() { fail=$((fail + 1)); echo "not ok - $1"; }

# Output folders with earlier results: they must stay exactly as they are.
"$BIN" render "$SRC/examples/seinajoki.xml" -o "$work/pages" >/dev/null 2>&1 || bad "render of an example for the output folder"
"$BIN" build "$SRC/examples/seinajoki.xml" -o "$work/site" >/dev/null 2>&1 || bad "build of an example for the site folder"
snapshot() { (cd "$1" && find . -printf '%p %s %T@\n' | sort && find . -type f -exec sha256sum {} + | sort); }
snapshot "$work/pages" >"$work/pages.before"
snapshot "$work/site" >"$work/site.before"

# A source over the size limit (16 MiB) is generated here, not kept in the repository.
big="$work/big.xml"
cp "$CORPUS/../checks/text.wrong-sector/good.xml" "$big"
head -c $((16 * 1024 * 1024)) /dev/zero | tr '\0' ' ' >>"$big"
# A file name with an escape sequence in it: the name is shown escaped.
esc_name="$work/$(printf 'esc\033[31mape').xml"
cp "$CORPUS/escape.xml" "$esc_name"

no_raw_controls() { # FILE: no byte below 0x20 other than tab and newline
    ! LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$1"
}

check_one() { # PATH LOCATION FRAGMENT
    local f=$1 loc=$2 says=$3 name shown
    name=$(basename "$f")
    shown=$f
    [ "$f" = "$esc_name" ] && shown="$work/esc\\x1b[31mape.xml"
    local want="$shown:$loc: error: "

    "$BIN" check "$f" >"$work/out" 2>"$work/err"
    rc=$?
    [ $rc -eq 1 ] && ok "check $name exits 1" || bad "check $name exits $rc, expected 1"
    first=$(grep -m1 ': error: ' "$work/out")
    if [[ "$first" == "$want"* ]] && [[ "$first" == *"$says"* ]]; then ok "check $name: $loc"; else
        bad "check $name: expected '$want…$says…', got '$first'"; fi
    no_raw_controls "$work/out" && no_raw_controls "$work/err" && ok "check $name: no raw control characters" ||
        bad "check $name prints raw control characters"

    "$BIN" render "$f" -o "$work/pages" >"$work/out" 2>"$work/err"
    rc=$?
    [ $rc -eq 1 ] && ok "render $name exits 1" || bad "render $name exits $rc, expected 1"
    first=$(grep -m1 ': error: ' "$work/err")
    if [[ "$first" == "$want"* ]] && [[ "$first" == *"$says"* ]]; then ok "render $name: $loc"; else
        bad "render $name: expected '$want…$says…', got '$first'"; fi
    [ ! -s "$work/out" ] && ok "render $name lists no written file" || bad "render $name wrote: $(cat "$work/out")"
    no_raw_controls "$work/err" && ok "render $name: no raw control characters" || bad "render $name prints raw control characters"

    "$BIN" build "$f" -o "$work/site" >"$work/out" 2>"$work/err"
    rc=$?
    [ $rc -eq 1 ] && ok "build $name exits 1" || bad "build $name exits $rc, expected 1"
    first=$(grep -m1 ': error: ' "$work/err")
    if [[ "$first" == "$want"* ]] && [[ "$first" == *"$says"* ]]; then ok "build $name: $loc"; else
        bad "build $name: expected '$want…$says…', got '$first'"; fi
    no_raw_controls "$work/err" && ok "build $name: no raw control characters" || bad "build $name prints raw control characters"
}

count=0
while IFS=$'\t' read -r file loc says; do
    [ -z "$file" ] || [ "${file:0:1}" = "#" ] && continue
    [ -f "$CORPUS/$file" ] || { bad "$file listed in expected.tsv is missing"; continue; }
    check_one "$CORPUS/$file" "$loc" "$says"
    count=$((count + 1))
done <"$CORPUS/expected.tsv"
listed=$(grep -vc '^#' "$CORPUS/expected.tsv")
present=$(ls "$CORPUS"/*.xml | wc -l)
[ "$listed" -eq "$present" ] && ok "every source of the corpus is in expected.tsv ($present)" ||
    bad "expected.tsv lists $listed sources, the folder holds $present"
check_one "$big" "1:1" "16 MiB"
check_one "$esc_name" "5:28" "U+001B"

snapshot "$work/pages" >"$work/pages.after"
snapshot "$work/site" >"$work/site.after"
cmp -s "$work/pages.before" "$work/pages.after" && ok "the render output folder is untouched" ||
    { bad "the render output folder changed"; diff "$work/pages.before" "$work/pages.after" | head; }
cmp -s "$work/site.before" "$work/site.after" && ok "the site folder is untouched" ||
    { bad "the site folder changed"; diff "$work/site.before" "$work/site.after" | head; }
leftovers=$(find "$work" -maxdepth 1 -name '.*' | wc -l)
[ "$leftovers" -eq 0 ] && ok "no temporary files are left beside the outputs" || bad "leftovers: $(find "$work" -maxdepth 1 -name '.*')"

echo "$pass passed, $fail failed ($count sources of the corpus, and the size limit)"
[ "$fail" -eq 0 ]
