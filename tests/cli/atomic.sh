#!/usr/bin/env bash
# A run's output appears together or not at all (`seloste render -o`, `seloste build`):
#  - a register whose page name is too long, among good ones: OUTDIR untouched;
#  - SIGKILL at random moments of `render -o`: the folder holds all old pages or all
#    new ones; some of each only while the run's rename journal is there (the
#    documented window), and the next run completes it and removes every leftover;
#  - leftovers of killed runs (render temporaries and journals, build folders) are
#    removed by the next run when their process is gone, and kept while it lives.
# KILLS=N sets the number of kills (default 30).
set -u
BIN=${SELOSTE_BIN:?}
SRC=${SELOSTE_SOURCE_DIR:?}
KILLS=${KILLS:-30}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
bad() { fail=$((fail + 1)); echo "not ok - $1"; }
expect() { # expect NAME COMMAND...: the command must succeed
    local name=$1; shift
    if "$@"; then ok "$name"; else bad "$name"; fi
}
# "name sha256" of every file in a folder, hidden ones too.
listing() { (cd "$1" && find . -maxdepth 1 -type f -printf '%f\n' | sort | while read -r f; do
    printf '%s %s\n' "$f" "$(sha256sum <"$f" | cut -c1-64)"; done); }
leftovers() { find "$1" -maxdepth 1 \( -name '.*.tmp-*' -o -name '.seloste-render-*' \) | wc -l; }

sources=("$SRC"/examples/*.xml)

# --- validation before writing ------------------------------------------------------------
long=$(printf 'r%.0s' $(seq 300))
sed "s/<register id=\"iss-asiakasrekisteri\"/<register id=\"$long\"/" \
    "$SRC/examples/imatran-seudun-sahko.xml" >"$work/zz-long-id.xml"
"$BIN" render "${sources[@]}" --lang all -o "$work/v" >/dev/null 2>&1
expect "render of the examples exits 0" test $? -eq 0
listing "$work/v" >"$work/v.before"
"$BIN" render "${sources[@]}" "$work/zz-long-id.xml" --lang all --heading-base 2 -o "$work/v" >/dev/null 2>"$work/v.err"
rc=$?
expect "a register id too long for a file name fails the run (exit $rc)" test $rc -ne 0
grep -q "zz-long-id.xml:[0-9]*:[0-9]*: error:" "$work/v.err"
expect "the error names the register's place in its source" test $? -eq 0
listing "$work/v" | cmp -s - "$work/v.before"
expect "OUTDIR is untouched: no page rewritten, no temporary left" test $? -eq 0

# --- kills at random moments ----------------------------------------------------------------
# Old pages: --heading-base 1; new pages: --heading-base 3. Every page differs between them.
"$BIN" render "${sources[@]}" --lang all --heading-base 1 -o "$work/old" >/dev/null 2>&1
"$BIN" render "${sources[@]}" --lang all --heading-base 3 -o "$work/new" >/dev/null 2>&1
listing "$work/old" >"$work/old.list"
listing "$work/new" >"$work/new.list"
expect "old and new pages differ" test "$(comm -12 "$work/old.list" "$work/new.list" | grep -vc '\.css ')" -eq 0
# How long a run takes, to spread the kills over it.
start=$(date +%s%N)
"$BIN" render "${sources[@]}" --lang all --heading-base 3 -o "$work/timing" >/dev/null 2>&1
run_us=$((($(date +%s%N) - start) / 1000))
[ "$run_us" -gt 0 ] || run_us=1000
all_old=0 all_new=0 window=0 mixed=0 unclean=0
for i in $(seq "$KILLS"); do
    rm -rf "$work/k"
    cp -r "$work/old" "$work/k"
    "$BIN" render "${sources[@]}" --lang all --heading-base 3 -o "$work/k" >/dev/null 2>&1 &
    pid=$!
    delay=$((RANDOM * 32768 + RANDOM))
    delay=$((delay % (run_us + run_us / 4)))
    sleep "$(awk "BEGIN { print $delay / 1000000 }")"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    # The pages, without the leftovers.
    state=$(listing "$work/k" | grep -v '^\.')
    journal=$(find "$work/k" -maxdepth 1 -name '.seloste-render-*' | wc -l)
    if [ "$state" = "$(grep -v '^\.' "$work/old.list")" ]; then
        all_old=$((all_old + 1))
    elif [ "$state" = "$(grep -v '^\.' "$work/new.list")" ]; then
        all_new=$((all_new + 1))
    elif [ "$journal" -gt 0 ]; then
        window=$((window + 1))
    else
        mixed=$((mixed + 1))
        echo "# kill $i after ${delay} µs: old and new pages and no journal:"
        diff <(grep -v '^\.' "$work/old.list") <(echo "$state") | head -5
    fi
    # The next run (of the old pages) completes an interrupted rename phase, then removes
    # every leftover and writes its own pages: all old again.
    "$BIN" render "${sources[@]}" --lang all --heading-base 1 -o "$work/k" >/dev/null 2>&1
    if [ "$(leftovers "$work/k")" -ne 0 ] || [ "$(listing "$work/k")" != "$(cat "$work/old.list")" ]; then
        unclean=$((unclean + 1))
        echo "# kill $i: after the next run:"; ls -A "$work/k" | head -5
    fi
done
echo "# $KILLS kills over ${run_us} µs runs: $all_old all old, $all_new all new, $window in the rename window, $mixed mixed"
expect "after every kill the pages are all old or all new (or the rename phase's journal is there)" test $mixed -eq 0
expect "the next run leaves no temporary, no journal, and only its own pages" test $unclean -eq 0

# --- leftovers of killed runs: removed when their process is gone, kept while it lives --------
dead=4194305  # above any pid_max: no process has it
mkdir -p "$work/l"
echo half >"$work/l/.x.fi.html.tmp-$dead-abcdef"
echo live >"$work/l/.y.fi.html.tmp-$$-abcdef"
echo older >"$work/l/.z.fi.html.tmp-AbCdEf"
"$BIN" render "${sources[0]}" -o "$work/l" >/dev/null 2>&1
expect "render removes a dead run's temporary" test ! -e "$work/l/.x.fi.html.tmp-$dead-abcdef"
expect "render keeps a live run's temporary" test -e "$work/l/.y.fi.html.tmp-$$-abcdef"
expect "render keeps a name not of its kind" test -e "$work/l/.z.fi.html.tmp-AbCdEf"
mkdir -p "$work/b/.site.seloste-$dead-abcdef/fi" "$work/b/.site.seloste-$$-abcdef" "$work/b/.other.seloste-$dead-abcdef"
"$BIN" build "${sources[0]}" -o "$work/b/site" >/dev/null 2>&1
expect "build exits 0" test -s "$work/b/site/manifest.json"
expect "build removes a dead build's folder" test ! -e "$work/b/.site.seloste-$dead-abcdef"
expect "build keeps a live build's folder" test -d "$work/b/.site.seloste-$$-abcdef"
expect "build keeps another site's folder" test -d "$work/b/.other.seloste-$dead-abcdef"
# A killed build: its folder is removed by the next build.
for lang in all fi all fi all; do
    "$BIN" build "${sources[@]}" -o "$work/b/site" --lang "$lang" >/dev/null 2>&1 &
    pid=$!
    sleep "0.0$((RANDOM % 9))"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
done
"$BIN" build "${sources[0]}" -o "$work/b/site" >/dev/null 2>&1
expect "after killed builds, the next build leaves only the live run's folder" \
    test "$(find "$work/b" -maxdepth 1 -name '.site.seloste-*' | wc -l)" -eq 1

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
