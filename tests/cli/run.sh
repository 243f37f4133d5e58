#!/usr/bin/env bash
# The seloste CLI end to end: golden pages of every example, the facts of every
# seed on its page, exit codes, file:line:col errors, untouched output after a
# failure, and the static-site build (bundle, re-runs, signing, refusal).
#
# UPDATE_GOLDEN=1 rewrites tests/golden/ from the current output.
set -u
BIN=${SELOSTE_BIN:?}
SRC=${SELOSTE_SOURCE_DIR:?}
GOLDEN="$SRC/tests/golden"
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

# --- render every example in every language -----------------------------------------
"$BIN" render "$SRC"/examples/*.xml --lang all -o "$work/out" >"$work/render.log" 2>"$work/render.err"
rc=$?
expect "render of the examples exits 0" test $rc -eq 0
pages=$(ls "$work/out"/*.html 2>/dev/null | wc -l)
expect "render writes 21 pages (7 registers x 3 languages), got $pages" test "$pages" -eq 21
expect "render prints every file it wrote" test "$(grep -c '\.html$' "$work/render.log")" -eq 21

if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
    mkdir -p "$GOLDEN"
    rm -f "$GOLDEN"/*.html
    cp "$work/out"/*.html "$GOLDEN/"
    echo "golden files updated in $GOLDEN"
fi
for g in "$GOLDEN"/*.html; do
    name=$(basename "$g")
    if cmp -s "$g" "$work/out/$name"; then ok "golden $name"; else
        bad "golden $name differs"; diff -u "$g" "$work/out/$name" | head -20
    fi
done
expect "there is a golden file for every page" test "$(ls "$GOLDEN"/*.html | wc -l)" -eq 21

# --- the schema: every example, and the fixture that uses every element, is valid --------
xsd="$SRC/docs/seloste.xsd"
valid() { # valid FILE: xmllint accepts FILE against docs/seloste.xsd (its complaint is shown)
    xmllint --noout --schema "$xsd" "$1" 2>"$work/xsd.err" && return 0
    grep -v 'fails to validate$' "$work/xsd.err" | head -5
    return 1
}
all_elements="$SRC/tests/fixtures/format/all-elements.xml"
for f in "$SRC"/examples/*.xml "$all_elements"; do
    expect "$(basename "$f") is valid against docs/seloste.xsd" valid "$f"
done
# Nothing in the schema goes untried: every element and attribute it declares is used by
# all-elements.xml or an example (<representative>, Art. 27, is for controllers outside
# the EU, which no source here has).
python3 - "$xsd" "$all_elements" "$SRC"/examples/*.xml <<'PY' && ok "every element and attribute of the schema is used by a source" || bad "the schema declares names that no source uses"
import sys, xml.etree.ElementTree as ET
XS = "{http://www.w3.org/2001/XMLSchema}"
import os
declared, files = set(), [sys.argv[1]]
for path in files:  # the schema and the files it includes
    schema = ET.parse(path).getroot()
    files += [os.path.join(os.path.dirname(path), i.get("schemaLocation")) for i in schema.iter(XS + "include")]
    declared |= {("element", e.get("name")) for e in schema.iter(XS + "element") if e.get("name")}
    declared |= {("attribute", a.get("name")) for a in schema.iter(XS + "attribute") if a.get("name")}
used = set()
for f in sys.argv[2:]:
    for e in ET.parse(f).getroot().iter():
        used.add(("element", e.tag)); used |= {("attribute", a) for a in e.attrib}
missing = sorted(declared - used - {("element", "representative")})
for kind, name in missing: print(f"no source uses the {kind} {name}")
sys.exit(1 if missing else 0)
PY
# The check can fail: a copy with an unknown controllers= value is refused.
sed 's/controllers="joint"/controllers="shared"/' "$all_elements" >"$work/xsd-mutated.xml"
! valid "$work/xsd-mutated.xml" >/dev/null; expect "the schema refuses controllers=\"shared\"" test $? -eq 0
# The reader reads what the schema accepts: the fixture renders (its check findings aside).
"$BIN" render "$all_elements" --lang all --allow-incomplete -o "$work/all-elements" >/dev/null 2>"$work/all-elements.err"
rc=$?
expect "the reader accepts all-elements.xml (render --allow-incomplete exits 0)" test $rc -eq 0
[ $rc -eq 0 ] || grep -v ': warning: ' "$work/all-elements.err" | head -5
expect "all-elements.xml gives 9 pages (3 registers x 3 languages)" test "$(ls "$work/all-elements"/*.html 2>/dev/null | wc -l)" -eq 9

# Every page is well-formed HTML: balanced elements, one html/head/body, lang set.
python3 - "$work/out" <<'PY' && ok "every page is well-formed HTML" || bad "a page is not well-formed HTML"
import sys, pathlib
from html.parser import HTMLParser
VOID = {"meta", "link", "br", "hr", "img", "input", "source", "wbr", "area", "base", "col", "embed", "track"}
class P(HTMLParser):
    def __init__(s):
        super().__init__(); s.stack = []; s.errors = []; s.counts = {}
    def handle_starttag(s, t, a):
        s.counts[t] = s.counts.get(t, 0) + 1
        if t not in VOID: s.stack.append((t, s.getpos()))
    def handle_endtag(s, t):
        if not s.stack or s.stack[-1][0] != t:
            s.errors.append(f"unexpected </{t}> at {s.getpos()}, open: {s.stack[-1] if s.stack else None}")
        else: s.stack.pop()
bad = 0
for f in sorted(pathlib.Path(sys.argv[1]).glob("*.html")):
    p = P(); text = f.read_text(encoding="utf-8"); p.feed(text); p.close()
    errs = p.errors + ([f"unclosed {p.stack}"] if p.stack else [])
    for t in ("html", "head", "body", "title", "main", "h1"):
        if p.counts.get(t) != 1: errs.append(f"<{t}> appears {p.counts.get(t, 0)} times")
    lang = f.name.split(".")[-2]
    if f'<html lang="{lang}">' not in text: errs.append("html lang missing")
    for e in errs: print(f"{f.name}: {e}"); bad += 1
sys.exit(1 if bad else 0)
PY

# No page repeats itself: in every example x language x theme x page/fragment, no <dl>
# holds the same term/value pair twice, no two elements share an id, and no section
# (its heading) appears twice.
matrix_ok=1
for theme in default layered; do
    for kind in page fragment; do
        flag=(); [ "$kind" = fragment ] && flag=(--fragment)
        "$BIN" render "$SRC"/examples/*.xml --lang all --theme "$theme" "${flag[@]}" -o "$work/matrix/$theme-$kind" >/dev/null 2>&1 || matrix_ok=0
    done
done
expect "every example renders in every language, theme and kind" test $matrix_ok -eq 1
expect "the matrix has 84 files (21 pages x 2 themes x page/fragment)" test "$(ls "$work"/matrix/*/*.html | wc -l)" -eq 84
# The same for the sources that use every issue-12 element (the view's own fixture, and the
# format's when it is there); --allow-incomplete: they exist to render every part, not to pass the checks.
fixtures_ok=1
for fx in "$SRC"/tests/fixtures/view/all-elements.xml "$SRC"/tests/fixtures/format/all-elements.xml; do
    [ -f "$fx" ] || continue
    name=$(basename "$(dirname "$fx")")
    for theme in default layered; do
        for kind in page fragment; do
            flag=(); [ "$kind" = fragment ] && flag=(--fragment)
            "$BIN" render "$fx" --lang all --allow-incomplete --theme "$theme" "${flag[@]}" \
                -o "$work/matrix-fixtures/$name-$theme-$kind" >/dev/null 2>&1 || fixtures_ok=0
        done
    done
done
expect "the issue-12 fixtures render in every language, theme and kind" test $fixtures_ok -eq 1
expect "the view's fixture gives 36 files (3 registers x 3 languages x 2 themes x page/fragment)" \
    test "$(ls "$work"/matrix-fixtures/view-*/*.html 2>/dev/null | wc -l)" -eq 36
python3 - "$work/matrix" "$work/matrix-fixtures" <<'PY' && ok "no page repeats a term/value pair in a <dl>, an id or a section" || bad "a page repeats a term/value pair, an id or a section"
import re, sys, pathlib
from html.parser import HTMLParser
class P(HTMLParser):
    # Collects each <dl>'s (term, value) pairs, every id, and the section headings
    # (the headings whose id is the section's: seloste-REGISTER-LANG-KEY-h).
    def __init__(s):
        super().__init__(); s.dls = []; s.ids = []; s.heads = []; s.cap = None; s.text = ""
    def handle_starttag(s, t, a):
        a = dict(a)
        if "id" in a: s.ids.append(a["id"])
        if t == "dl": s.dls.append({"term": None, "pairs": [], "open": True})
        elif t in ("dt", "dd") and s.dls: s.cap, s.text = t, ""
        elif re.fullmatch(r"h[1-6]", t) and re.fullmatch(r"seloste-.+-(fi|sv|en)-[a-z_]+-h", a.get("id", "")):
            s.cap, s.text = "head", ""
    def handle_endtag(s, t):
        if t == "dl" and s.dls:
            d = s.dls.pop(); s.done = getattr(s, "done", []) + [d["pairs"]]
        elif t == "dt" and s.cap == "dt": s.dls[-1]["term"] = " ".join(s.text.split()); s.cap = None
        elif t == "dd" and s.cap == "dd": s.dls[-1]["pairs"].append((s.dls[-1]["term"], " ".join(s.text.split()))); s.cap = None
        elif re.fullmatch(r"h[1-6]", t) and s.cap == "head": s.heads.append(" ".join(s.text.split())); s.cap = None
    def handle_data(s, d):
        if s.cap: s.text += d
bad = 0
files = sorted(f for d in sys.argv[1:] for f in pathlib.Path(d).glob("*/*.html"))
for f in files:
    p = P(); p.feed(f.read_text(encoding="utf-8")); p.close()
    where = f"{f.parent.name}/{f.name}"
    for pairs in getattr(p, "done", []):
        seen = set()
        for pair in pairs:
            if pair in seen: print(f"{where}: a <dl> repeats {pair[0]!r}: {pair[1]!r}"); bad += 1
            seen.add(pair)
    for i in sorted({i for i in p.ids if p.ids.count(i) > 1}): print(f"{where}: id {i!r} appears twice"); bad += 1
    if not p.heads: print(f"{where}: no section heading found"); bad += 1
    for h in sorted({h for h in p.heads if p.heads.count(h) > 1}): print(f"{where}: section {h!r} appears twice"); bad += 1
print(f"{len(files)} files checked")
sys.exit(1 if bad or not files else 0)
PY

# Every concrete fact of each seed shows on its Finnish page (tests/golden/facts.tsv).
while IFS=$'\t' read -r reg fact; do
    [ -z "$reg" ] || [ "${reg:0:1}" = "#" ] && continue
    if grep -qF -- "$fact" "$work/out/$reg.fi.html"; then ok "fact on $reg.fi.html: $fact"; else bad "fact missing on $reg.fi.html: $fact"; fi
done <"$GOLDEN/facts.tsv"

# --- usage and exit codes ----------------------------------------------------------
"$BIN" --version | grep -qE '^seloste [0-9]+\.[0-9]+\.[0-9]+$'; expect "--version prints the version" test $? -eq 0
"$BIN" --help | grep -q 'Exit codes'; expect "--help documents the exit codes" test $? -eq 0
"$BIN" render --bogus >/dev/null 2>&1; expect "an unknown option exits 2" test $? -eq 2
# Every command answers --help and -h with its own usage, its options each explained, exit 0.
declare -A cmd_options=(
    [render]="-o --lang --theme --fragment --heading-base --allow-incomplete --help"
    [check]="--lang --format --strict --no-spelling --help"
    [build]="-o --lang --theme --sign --base-url --history --for --allow-incomplete --help"
    [keygen]="--help" [verify]="--public-key --help" [themes]="--help")
for cmd in render check build keygen verify themes; do
    for flag in --help -h; do
        "$BIN" "$cmd" $flag >"$work/help.out" 2>"$work/help.err"
        expect "$cmd $flag exits 0" test $? -eq 0
        head -1 "$work/help.out" | grep -q "^Usage: seloste $cmd\b"; expect "$cmd $flag prints the usage of $cmd" test $? -eq 0
        expect "$cmd $flag writes nothing to stderr" test ! -s "$work/help.err"
    done
    for opt in ${cmd_options[$cmd]}; do
        grep -qE "^  (-[a-z], )?$opt\b.*   +[^ ].{10,}" "$work/help.out"; expect "$cmd --help explains $opt on its line" test $? -eq 0
    done
    "$BIN" help "$cmd" | cmp -s - "$work/help.out"; expect "seloste help $cmd is $cmd --help" test $? -eq 0
done
"$BIN" render examples.xml --help >/dev/null 2>&1; expect "--help after arguments still shows help (exit 0)" test $? -eq 0
"$BIN" help frobnicate >/dev/null 2>&1; expect "help for an unknown command exits 2" test $? -eq 2
"$BIN" frobnicate >/dev/null 2>&1; expect "an unknown command exits 2" test $? -eq 2
"$BIN" themes | grep -q '^default'; expect "themes lists default" test $? -eq 0

# --- a broken source: file:line:col, exit 1, earlier output untouched -----------------
(cd "$work/out" && sha256sum ./* >"$work/before.sha")
cp "$SRC/examples/vaasan-sahko.xml" "$work/broken.xml"
sed -i '0,/<notice-date>[^<]*</s//<notice-date>202-06-03</' "$work/broken.xml"
line=$(grep -n '<notice-date>202-06-03' "$work/broken.xml" | cut -d: -f1)
"$BIN" render "$work/broken.xml" --lang all -o "$work/out" >/dev/null 2>"$work/err.txt"
rc=$?
expect "a bad date exits 1" test $rc -eq 1
grep -qE "^$work/broken.xml:$line:[0-9]+: error: bad date \"202-06-03\"" "$work/err.txt"
expect "a bad date is reported as file:line:col: error:" test $? -eq 0
(cd "$work/out" && sha256sum -c --quiet "$work/before.sha") && [ "$(ls -A "$work/out" | wc -l)" -eq "$(wc -l <"$work/before.sha")" ]
expect "earlier output is untouched after a failed render" test $? -eq 0
printf '<seloste version="1">\n  <register id="x">\n</seloste>\n' >"$work/malformed.xml"
"$BIN" render "$work/malformed.xml" -o "$work/out" >/dev/null 2>"$work/err2.txt"
expect "malformed XML exits 1" test $? -eq 1
grep -qE "malformed.xml:[0-9]+:[0-9]+: error: malformed XML" "$work/err2.txt"; expect "malformed XML says where" test $? -eq 0
"$BIN" render "$work/missing.xml" -o "$work/out" >/dev/null 2>&1; expect "an unreadable file exits 3" test $? -eq 3

# --- the gate: a register with check errors is refused unless --allow-incomplete -------
cp "$SRC/examples/imatran-seudun-sahko.xml" "$work/gate.xml"
sed -i 's|<business-id>0159029-2</business-id>|<business-id>0159029-3</business-id>|' "$work/gate.xml"
"$BIN" render "$work/gate.xml" -o "$work/gate" >/dev/null 2>"$work/gate.err"
expect "render refuses a register with check errors (exit 1)" test $? -eq 1
expect "the refusal writes no page" test ! -e "$work/gate/iss-asiakasrekisteri.fi.html"
grep -q "fact.business-id" "$work/gate.err"; expect "the refusal names the finding" test $? -eq 0
"$BIN" render "$work/gate.xml" -o "$work/gate" --allow-incomplete >/dev/null 2>"$work/gate2.err"
expect "--allow-incomplete renders anyway" test $? -eq 0
grep -q "warning" "$work/gate2.err"; expect "--allow-incomplete warns" test $? -eq 0

# --- check ------------------------------------------------------------------------------
"$BIN" check "$SRC"/examples/*.xml --lang all >/dev/null 2>&1; expect "check of the examples exits 0" test $? -eq 0
"$BIN" check "$SRC"/tests/fixtures/seed-originals/*.xml >/dev/null 2>&1; expect "check of the seed originals exits 1" test $? -eq 1
"$BIN" check "$SRC"/examples/seinajoki.xml --format json | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["format"]=="seloste-findings"' 2>/dev/null
expect "check --format json gives the documented document" test $? -eq 0

# --- build: the static site ---------------------------------------------------------------
site="$work/site"
"$BIN" keygen "$work/key" >/dev/null; expect "keygen writes a key pair" test -s "$work/key.pub"
"$BIN" build "$SRC"/examples/*.xml -o "$site" --sign "$work/key" --base-url https://example.fi/tietosuoja >"$work/build.log" 2>&1
expect "build exits 0" test $? -eq 0
expect "build gives 21 pages" test "$(ls "$site"/{fi,sv,en}/*.html | grep -vc index.html)" -eq 21
expect "build gives 21 fragments" test "$(ls "$site"/fragments/{fi,sv,en}/*.html | wc -l)" -eq 21
for f in index.html fi/index.html sv/index.html en/index.html sitemap.xml manifest.json manifest.json.sig; do
    expect "build writes $f" test -s "$site/$f"
done
xmllint --noout "$site/sitemap.xml"; expect "sitemap.xml is well-formed" test $? -eq 0
expect "sitemap lists 21 pages" test "$(grep -c '<loc>' "$site/sitemap.xml")" -eq 21
"$BIN" verify "$site" --public-key "$work/key.pub" >/dev/null; expect "the signed bundle verifies" test $? -eq 0
stamp=$(stat -c %Y.%i "$site/manifest.json")
"$BIN" build "$SRC"/examples/*.xml -o "$site" --sign "$work/key" --base-url https://example.fi/tietosuoja >"$work/build2.log" 2>&1
grep -q '^unchanged' "$work/build2.log"; expect "a re-run with unchanged sources rewrites nothing" test $? -eq 0
expect "the manifest is the same file after a re-run" test "$stamp" = "$(stat -c %Y.%i "$site/manifest.json")"
(cd "$site" && find . -type f -exec sha256sum {} + | sort -k2) >"$work/site.sha"
"$BIN" build "$work/gate.xml" -o "$site" >/dev/null 2>&1; expect "a build with check errors exits 1" test $? -eq 1
"$BIN" build "$SRC"/examples/*.xml "$work/broken.xml" -o "$site" >/dev/null 2>&1; expect "a build with a broken source exits 1" test $? -eq 1
(cd "$site" && find . -type f -exec sha256sum {} + | sort -k2) | cmp -s - "$work/site.sha"
expect "failed builds leave the previous site exactly as it was" test $? -eq 0
expect "no temporary folder is left beside the site" test "$(ls -A "$work" | grep -c seloste-)" -eq 0
echo "tampered" >>"$site/fi/index.html"
"$BIN" verify "$site" --public-key "$work/key.pub" >/dev/null 2>&1; expect "a tampered page fails verification" test $? -eq 1
"$BIN" keygen "$work/other" >/dev/null
"$BIN" verify "$site" --public-key "$work/other.pub" >/dev/null 2>&1; expect "another key fails verification" test $? -eq 1
# A script link smuggled into a page whose hash is then "repaired": the markup policy, at DIR/PATH:LINE:COL.
cp -r "$site" "$work/smuggled" && rm -f "$work/smuggled/manifest.json.sig"
page=$(cd "$work/smuggled" && ls fi/*.html | grep -v index.html | head -1)
sed -i 's#</main>#<a href="javascript\&colon;alert(1)">x</a></main>#' "$work/smuggled/$page"
python3 - "$work/smuggled" <<'PY'
import hashlib, json, os, sys
d = sys.argv[1]; m = json.load(open(os.path.join(d, "manifest.json")))
for k in ("pages", "files"):
    for e in m.get(k, []):
        e["sha256"] = hashlib.sha256(open(os.path.join(d, e["path"]), "rb").read()).hexdigest()
json.dump(m, open(os.path.join(d, "manifest.json"), "w"))
PY
"$BIN" verify "$work/smuggled" >/dev/null 2>"$work/smuggled.err"; expect "verify refuses a javascript&colon; link with a matching hash" test $? -eq 1
grep -Eq "^$work/smuggled/$page:[0-9]+:[0-9]+: error: refused by the markup policy: the URL scheme 'javascript:'" "$work/smuggled.err"
expect "...naming DIR/PATH:LINE:COL and the scheme" test $? -eq 0
mkdir -p "$work/mine" && echo keep >"$work/mine/notes.txt"
"$BIN" build "$SRC"/examples/*.xml -o "$work/mine" >/dev/null 2>&1; expect "build refuses to replace a folder that is not a bundle" test $? -eq 3
expect "...and leaves it alone" test -s "$work/mine/notes.txt"
"$BIN" build "$SRC"/examples/*.xml -o "$work/slash/" >/dev/null 2>&1 && "$BIN" build "$SRC"/examples/*.xml -o "$work/slash/" >/dev/null 2>&1
expect "an output folder written with a trailing slash builds and re-builds" test -s "$work/slash/manifest.json"
"$BIN" build "$SRC"/examples/*.xml -o "$work/hugo" --for hugo >/dev/null 2>&1
expect "build --for hugo writes into assets/seloste" test -s "$work/hugo/assets/seloste/manifest.json"

# --- diff: the semantic diff of two versions of a source (docs/diff.md) -------------------
vaasa="$SRC/examples/vaasan-sahko.xml"
python3 - "$vaasa" "$work/vaasa-10.xml" <<'PY'
import sys
old = '<rule category="asiakastiedot">\n        <period years="6"/>'
s = open(sys.argv[1], encoding="utf-8").read()
assert old in s
open(sys.argv[2], "w", encoding="utf-8").write(s.replace(old, old.replace('"6"', '"10"'), 1))
PY
"$BIN" diff "$vaasa" "$vaasa" >"$work/diff-same.out" 2>&1
expect "diff of an example against itself exits 0" test $? -eq 0
expect "...and prints nothing" test ! -s "$work/diff-same.out"
for l in fi sv en; do
    "$BIN" diff --lang $l "$vaasa" "$work/vaasa-10.xml" >"$work/diff-$l.out" 2>&1
    expect "diff with one retention period changed exits 1 ($l)" test $? -eq 1
done
grep -qF "Tietoryhmän ”Yleiset asiakastiedot” säilytysaika muuttui: 6 vuotta → 10 vuotta." "$work/diff-fi.out"
expect "...names the category and both durations in Finnish" test $? -eq 0
grep -qF "Lagringstiden för ”Allmänna kunduppgifter” ändrades: 6 år → 10 år." "$work/diff-sv.out"
expect "...in Swedish" test $? -eq 0
grep -qF "The retention of “General customer data” changed from 6 years to 10 years." "$work/diff-en.out"
expect "...in English" test $? -eq 0
"$BIN" diff --format json "$vaasa" "$work/vaasa-10.xml" >"$work/diff.json"
python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); c=j["changes"]; assert len(c)==1 and c[0]["section"]=="retention" and c[0]["before"]["fi"]=="6 vuotta" and c[0]["after"]["en"]=="10 years"' "$work/diff.json"
expect "diff --format json gives the change with both durations" test $? -eq 0
"$BIN" diff "$vaasa" >/dev/null 2>&1; expect "diff with one source is a usage error (2)" test $? -eq 2
"$BIN" diff "$vaasa" "$work/broken.xml" >/dev/null 2>"$work/diff-broken.err"; expect "diff with a broken source exits 3" test $? -eq 3
grep -Eq "broken.xml:[0-9]+:[0-9]+: error:" "$work/diff-broken.err"; expect "...naming file:line:col" test $? -eq 0

# export --format jsonld (docs/json-ld.md): the graph each page embeds, as files.
"$BIN" export --format jsonld "$SRC/examples/seinajoki.xml" -o "$work/jsonld" >"$work/jsonld.out" 2>&1
expect "export --format jsonld writes REGISTER.LANG.jsonld for every language" test "$(ls "$work/jsonld" | grep -c '\.jsonld$')" -eq 6
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["@graph"][0]["@type"] == "dpv:PrivacyNotice"' \
  "$work/jsonld/sen-uutiskirjerekisteri.sv.jsonld" 2>/dev/null
expect "...each a DPV PrivacyNotice" test $? -eq 0
"$BIN" export "$SRC/examples/seinajoki.xml" -o "$work/jsonld2" >/dev/null 2>&1; expect "export without --format is a usage error" test $? -eq 2
"$BIN" export --format rdf "$SRC/examples/seinajoki.xml" >/dev/null 2>&1; expect "export --format rdf is a usage error" test $? -eq 2
expect "...and writes nothing" test ! -e "$work/jsonld2"
"$BIN" export --format jsonld "$SRC/tests/fixtures/checks/gdpr.13.1.c.purpose/bad.xml" -o "$work/jsonld3" >/dev/null 2>&1
expect "export refuses a register with check errors (exit 1), writing nothing" test $? -eq 1 -a ! -e "$work/jsonld3"
test -s "$site/jsonld/fi/sen-uutiskirjerekisteri.jsonld"; expect "build puts jsonld/LANG/REGISTER.jsonld in the bundle" test $? -eq 0
grep -q '"path": "jsonld/sv/sen-uutiskirjerekisteri.jsonld"' "$site/manifest.json"; expect "...and lists it in the manifest" test $? -eq 0

# --- build keeps every version (docs/history.md) -------------------------------------------
hist="$work/hist"
mkdir -p "$hist"
cp "$SRC/examples/seinajoki.xml" "$hist/s.xml"
"$BIN" build "$hist/s.xml" -o "$hist/site" >/dev/null 2>&1
python3 - "$hist/s.xml" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
old = '<rule category="laskutus">\n        <period years="6"/>'
assert old in s and "<notice-date>2025-02-22</notice-date>" in s
s = s.replace(old, old.replace('"6"', '"10"'), 1).replace("<notice-date>2025-02-22</notice-date>", "<notice-date>2026-01-15</notice-date>", 1)
open(p, "w", encoding="utf-8").write(s)
PY
"$BIN" build "$hist/s.xml" -o "$hist/site" >"$hist/build.out" 2>"$hist/build.err"
expect "a second build with a changed source exits 0" test $? -eq 0
grep -q "1 earlier version(s)" "$hist/build.out"; expect "...and counts the earlier version" test $? -eq 0
grep -q ">6 vuotta<" "$hist/site/fi/seiverkot-asiakasrekisteri/2025-02-22/index.html"
expect "...which stays at its dated address" test $? -eq 0
grep -qF "<li>The retention of “Billing data” changed from 6 years to 10 years.</li>" "$hist/site/en/seiverkot-asiakasrekisteri.html"
expect "...while the current page tells the change in words" test $? -eq 0
"$BIN" verify "$hist/site" >/dev/null 2>&1; expect "...in a bundle that verifies" test $? -eq 0
"$BIN" build "$hist/s.xml" -o "$hist/next" --history "$hist/site" >/dev/null 2>&1
test -s "$hist/next/sv/seiverkot-asiakasrekisteri/2025-02-22/index.html"; expect "build --history SITE takes the earlier versions from a previous site" test $? -eq 0
sed -i 's|<notice-date>2026-01-15</notice-date>|<notice-date>2025-01-01</notice-date>|' "$hist/s.xml"
cp "$hist/site/manifest.json" "$hist/manifest.before"
"$BIN" build "$hist/s.xml" -o "$hist/site" >/dev/null 2>"$hist/early.err"
expect "a notice dated before its published version is refused" test $? -ne 0
grep -Eq "s.xml:[0-9]+:[0-9]+: error: the notice date 2025-01-01 .* earlier than its published version of 2026-01-15" "$hist/early.err"
expect "...with file:line:col and both dates" test $? -eq 0
cmp -s "$hist/site/manifest.json" "$hist/manifest.before"; expect "...and the site stays as it was" test $? -eq 0
sed -i -e 's|<notice-date>2025-01-01</notice-date>|<notice-date>2026-01-15</notice-date>|' -e 's|<period years="10"/>|<period years="11"/>|' "$hist/s.xml"
"$BIN" build "$hist/s.xml" -o "$hist/site" >/dev/null 2>"$hist/same.err"
expect "a changed notice under the same date still builds" test $? -eq 0
grep -Eq "s.xml:[0-9]+:[0-9]+: warning: register \"seiverkot-asiakasrekisteri\" changed but keeps the date 2026-01-15" "$hist/same.err"
expect "...with a warning at its notice date" test $? -eq 0

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
