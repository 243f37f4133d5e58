#!/usr/bin/env bash
# Static sites suite (issue 8): the Hugo module and the Eleventy plugin, each
# proved with its sample site built by the real generator from a bundle that
# the real `seloste build` wrote, the built pages checked for the notices, with
# axe-core in Debian's Chromium and with the Nu Html Checker; a fresh Hugo site
# that gets the module with `hugo mod get` (needs Go); then the Eleventy
# plugin's own node tests (with its npm pack file list and its types under tsc).
#
# Environment: SELOSTE_BIN (the built CLI), SELOSTE_SOURCE_DIR (the repository).
# Works in a temporary folder only; prints "N passed, N failed" last.
set -uo pipefail

: "${SELOSTE_BIN:?set SELOSTE_BIN to the built seloste CLI}"
: "${SELOSTE_SOURCE_DIR:?set SELOSTE_SOURCE_DIR to the repository root}"
SRC=$(cd "$SELOSTE_SOURCE_DIR" && pwd)
HERE="$SRC/tests/static"
export SELOSTE_BIN SELOSTE_SOURCE_DIR="$SRC"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/seloste-static.XXXXXX")
SERVER_PID=""
cleanup() {
  [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

passed=0
failed=0
pass() { passed=$((passed + 1)); echo "ok - $*"; }
fail() { failed=$((failed + 1)); echo "not ok - $*"; }
# Adds the "LABEL: N passed, N failed" line of a checker to the counts; a
# checker that printed no such line, or failed without failures, counts as one failure.
add_counts() { # LOGFILE EXIT_CODE NAME
  local line p f
  line=$(grep -E '^[A-Z]+ .*: [0-9]+ passed, [0-9]+ failed$' "$1" | tail -n 1)
  if [[ -z $line ]]; then fail "$3: no result line"; return; fi
  p=$(sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed$/\1/' <<<"$line")
  f=$(sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed$/\2/' <<<"$line")
  passed=$((passed + p)); failed=$((failed + f))
  if [[ $2 -ne 0 && $f -eq 0 ]]; then fail "$3: exited $2"; fi
}
# Quietly copies a folder without what a local run may have left in it.
copy_clean() { # FROM TO
  mkdir -p "$2"
  tar -C "$1" --exclude=node_modules --exclude=_site --exclude=.seloste --exclude=public \
    --exclude=resources --exclude=assets/seloste --exclude=.hugo_build.lock -cf - . | tar -C "$2" -xf -
}

shopt -s nullglob
SOURCES=("$SRC"/examples/*.xml)
shopt -u nullglob
if [[ ${#SOURCES[@]} -eq 0 ]]; then
  fail "no example sources in $SRC/examples"
  echo "$passed passed, $failed failed"; exit 1
fi

# --- the browser checker (playwright-core + axe-core, pinned) -----------------
mkdir -p "$TMP/checker"
cp "$HERE/package.json" "$HERE/package-lock.json" "$HERE/axe-check.mjs" "$TMP/checker/"
if (cd "$TMP/checker" && npm ci --ignore-scripts --no-audit --no-fund >"$TMP/npm-checker.log" 2>&1); then
  pass "npm ci: playwright-core, axe-core and vnu-jar"
else
  cat "$TMP/npm-checker.log"; fail "npm ci: playwright-core, axe-core and vnu-jar"
fi
VNU_JAR=$(cd "$TMP/checker" && node -p "String(require('vnu-jar'))" 2>/dev/null)
# The Nu Html Checker over every built page (redirect stubs aside), in one JVM.
vnu() { # SITE_DIR LABEL
  local files=()
  while IFS= read -r f; do
    grep -qiE '<meta[[:space:]]+http-equiv="?refresh' "$f" || files+=("$f")
  done < <(find "$1" -name '*.html' | sort)
  if [[ ${#files[@]} -gt 0 && -f $VNU_JAR ]] && java -jar "$VNU_JAR" --errors-only --format gnu "${files[@]}" >"$TMP/vnu-$2.log" 2>&1; then
    pass "vnu: ${#files[@]} $2 pages are valid HTML"
  else
    cat "$TMP/vnu-$2.log" 2>/dev/null | head -n 40; fail "vnu: $2 pages are valid HTML"
  fi
}
axe() { # SITE_DIR LABEL
  local log="$TMP/axe-$2.log" rc
  node "$TMP/checker/axe-check.mjs" "$1" "$2" >"$log" 2>&1; rc=$?
  grep -E '^(not ok|#|AXE)|^  ' "$log" || true
  add_counts "$log" $rc "axe $2"
}

# ============================ Hugo =============================================
echo "# Hugo: $(hugo version 2>/dev/null | head -n 1)"
HUGO_MOD="$TMP/hugo-module"
copy_clean "$SRC/plugin/hugo" "$HUGO_MOD"
export HUGO_MODULE_REPLACEMENTS="github.com/seloste/seloste/plugin/hugo -> $HUGO_MOD"
SITE="$TMP/hugo-site"
copy_clean "$SRC/examples/hugo-site" "$SITE"

if "$SELOSTE_BIN" build --for hugo "${SOURCES[@]}" -o "$SITE" >"$TMP/build-hugo.log" 2>&1 \
   && [[ -f $SITE/assets/seloste/manifest.json ]]; then
  pass "seloste build --for hugo writes SITE/assets/seloste/"
else
  cat "$TMP/build-hugo.log"; fail "seloste build --for hugo writes SITE/assets/seloste/"
fi
BUNDLE="$SITE/assets/seloste"

# The sample site, strict: any missing register or language would stop the build.
if HUGO_PARAMS_SELOSTE_STRICT=true hugo --source "$SITE" --destination "$TMP/hugo-public" >"$TMP/hugo.log" 2>&1 \
   && ! grep -q 'WARN' "$TMP/hugo.log"; then
  pass "hugo builds the sample site without a warning"
else
  cat "$TMP/hugo.log"; fail "hugo builds the sample site without a warning"
fi

# The pages of the sample and the notice each one embeds (see examples/hugo-site/content).
PUB="$TMP/hugo-public"
hugo_pages=()
for entry in "asiakasrekisteri:seiverkot-asiakasrekisteri" "uutiskirje:sen-uutiskirjerekisteri" \
             "vaasan-sahko:vaasan-sahko-asiakasrekisteri"; do
  slug=${entry%%:*}; reg=${entry#*:}
  hugo_pages+=(--page "$PUB/$slug/index.html" "$reg" fi)
  hugo_pages+=(--page "$PUB/sv/$slug/index.html" "$reg" sv)
  hugo_pages+=(--page "$PUB/en/$slug/index.html" "$reg" en)
done
python3 "$HERE/check_content.py" hugo --bundle "$BUNDLE" --sources "${SOURCES[@]}" "${hugo_pages[@]}" >"$TMP/content-hugo.log" 2>&1
rc=$?; cat "$TMP/content-hugo.log"; add_counts "$TMP/content-hugo.log" $rc "hugo content"

# The theme stylesheet is linked from the notice pages and published unchanged.
css_ok=1
for css in "$BUNDLE"/assets/*.css; do
  name=$(basename "$css" .css)
  published=("$PUB"/seloste/assets/"$name".*.css)
  if [[ ! -f ${published[0]} ]] || ! cmp -s "$css" "${published[0]}" \
     || ! grep -q "href=\"/seloste/assets/$(basename "${published[0]}")\"" "$PUB/asiakasrekisteri/index.html"; then
    css_ok=0; echo "  $name: not published unchanged or not linked"
  fi
done
[[ $css_ok -eq 1 ]] && pass "hugo: theme stylesheet published unchanged and linked" || fail "hugo: theme stylesheet published unchanged and linked"

axe "$PUB" hugo
vnu "$PUB" hugo

# A register the bundle lacks: a warning and an intact page; with strict, an error.
BAD="$TMP/hugo-bad"
copy_clean "$SITE" "$BAD"; cp -r "$BUNDLE" "$BAD/assets/seloste"
printf -- '---\ntitle: "Puuttuva"\n---\nEnnen.\n\n{{< seloste register="no-such-register" lang="fi" >}}\n\nJälkeen.\n' >"$BAD/content/puuttuva.fi.md"
if hugo --source "$BAD" --destination "$TMP/hugo-bad-public" >"$TMP/hugo-bad.log" 2>&1 \
   && grep -q 'WARN.*seloste: .*puuttuva.fi.md:[0-9]*:[0-9]*: the bundle has no notice for register "no-such-register" in language "fi"' "$TMP/hugo-bad.log" \
   && grep -q 'Jälkeen' "$TMP/hugo-bad-public/puuttuva/index.html" \
   && ! grep -q 'seloste-missing' "$TMP/hugo-bad-public/puuttuva/index.html"; then
  pass "hugo: a missing register warns with its place and leaves the page intact"
else
  cat "$TMP/hugo-bad.log"; fail "hugo: a missing register warns with its place and leaves the page intact"
fi
if ! HUGO_PARAMS_SELOSTE_STRICT=true hugo --source "$BAD" --destination "$TMP/hugo-bad-public2" >"$TMP/hugo-strict.log" 2>&1 \
   && grep -q 'no notice for register "no-such-register"' "$TMP/hugo-strict.log"; then
  pass "hugo: params.seloste.strict turns the warning into an error"
else
  cat "$TMP/hugo-strict.log"; fail "hugo: params.seloste.strict turns the warning into an error"
fi
# Under `hugo server` (127.0.0.1 only) the author sees where a notice is missing.
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
hugo server --source "$BAD" --bind 127.0.0.1 --port "$port" --disableLiveReload --renderToDisk=false \
  --destination "$TMP/hugo-server-public" >"$TMP/hugo-server.log" 2>&1 &
SERVER_PID=$!
served=""
for _ in $(seq 1 60); do
  served=$(curl -fsS "http://127.0.0.1:$port/puuttuva/" 2>/dev/null) && break
  sleep 0.5
done
kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null; SERVER_PID=""
if grep -q 'class="seloste-missing" role="note"[^>]*>Seloste: the bundle has no notice for register &#34;no-such-register&#34;' <<<"$served" \
   && grep -q 'Jälkeen' <<<"$served"; then
  pass "hugo server: a missing notice is marked on the page"
else
  echo "$served" | head -n 40; cat "$TMP/hugo-server.log"; fail "hugo server: a missing notice is marked on the page"
fi
rm "$BAD/content/puuttuva.fi.md"
# A fragment changed after the build: the build stops.
frag=$(ls "$BAD"/assets/seloste/fragments/fi/seiverkot-asiakasrekisteri.html 2>/dev/null)
if [[ -n $frag ]]; then
  printf '<script>alert(1)</script>' >>"$frag"
  if ! hugo --source "$BAD" --destination "$TMP/hugo-bad-public3" >"$TMP/hugo-tamper.log" 2>&1 \
     && grep -q 'does not match the SHA-256 in manifest.json' "$TMP/hugo-tamper.log"; then
    pass "hugo: a changed fragment stops the build"
  else
    cat "$TMP/hugo-tamper.log"; fail "hugo: a changed fragment stops the build"
  fi
else
  fail "hugo: a changed fragment stops the build (no fragment to change)"
fi
# No bundle at all: a warning that says what to run, and the site still builds.
rm -rf "$BAD/assets/seloste"
if hugo --source "$BAD" --destination "$TMP/hugo-bad-public4" >"$TMP/hugo-nobundle.log" 2>&1 \
   && grep -q 'manifest.json not found: run `seloste build --for hugo' "$TMP/hugo-nobundle.log" \
   && [[ -f $TMP/hugo-bad-public4/sv/asiakasrekisteri/index.html ]]; then
  pass "hugo: without a bundle the site builds and the warning says what to run"
else
  cat "$TMP/hugo-nobundle.log"; fail "hugo: without a bundle the site builds and the warning says what to run"
fi

# `hugo mod get` in a fresh site (as `hugo new site` makes it) resolves the module by its path
# (plugin/hugo/go.mod) through a go.mod replacement to the local folder: Go does the
# resolving, offline (module proxy off), and the site renders a notice.
MOD_PATH=github.com/seloste/seloste/plugin/hugo
NEW="$TMP/hugo-new"
if ! command -v go >/dev/null; then
  fail "hugo mod get: no go on PATH (hugo mod runs Go; scripts/install-deps installs golang-go)"
elif ! hugo new site "$NEW" >"$TMP/hugo-new.log" 2>&1; then
  cat "$TMP/hugo-new.log"; fail "hugo new site"
else
  new_conf=$(ls "$NEW"/hugo.toml "$NEW"/config.toml 2>/dev/null | head -n 1)  # config.toml up to Hugo 0.111
  printf '\n[module]\n  [[module.imports]]\n    path = "%s"\n' "$MOD_PATH" >>"$new_conf"
  mkdir -p "$NEW/layouts/_default"
  printf '<!DOCTYPE html>\n<html lang="{{ .Language.Lang }}"><head><title>{{ .Title }}</title>{{ partial "seloste/styles.html" . }}</head>\n<body><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>\n' \
    >"$NEW/layouts/_default/single.html"
  cp "$NEW/layouts/_default/single.html" "$NEW/layouts/_default/list.html"
  printf -- '---\ntitle: "Tietosuoja"\n---\n{{< seloste register="sen-uutiskirjerekisteri" lang="fi" >}}\n' >"$NEW/content/tietosuoja.md"
  # Hugo's own replacement (HUGO_MODULE_REPLACEMENTS, above) is not used here: Go must resolve it.
  hugo_go() { (cd "$NEW" && env -u HUGO_MODULE_REPLACEMENTS HUGO_MODULE_PROXY=off HUGO_CACHEDIR="$TMP/hugo-cache" \
    GOFLAGS=-modcacherw GOTOOLCHAIN=local "$@"); }
  if hugo_go hugo mod init example.org/seloste-module-test >"$TMP/hugo-mod.log" 2>&1 \
     && hugo_go go mod edit -replace "$MOD_PATH=$HUGO_MOD" >>"$TMP/hugo-mod.log" 2>&1 \
     && hugo_go hugo mod get "$MOD_PATH" >>"$TMP/hugo-mod.log" 2>&1 \
     && grep -Eq "^(require )?[[:space:]]*$MOD_PATH v" "$NEW/go.mod" \
     && hugo_go hugo mod graph >"$TMP/hugo-graph.log" 2>&1 \
     && grep -Fq "$MOD_PATH@" "$TMP/hugo-graph.log" && grep -Fq "=> $HUGO_MOD" "$TMP/hugo-graph.log"; then
    pass "hugo mod get resolves $MOD_PATH through a go.mod replacement"
  else
    cat "$TMP/hugo-mod.log" "$TMP/hugo-graph.log" "$NEW/go.mod" 2>/dev/null; fail "hugo mod get resolves $MOD_PATH through a go.mod replacement"
  fi
  if "$SELOSTE_BIN" build --for hugo "${SOURCES[@]}" -o "$NEW" >"$TMP/build-hugo-new.log" 2>&1 \
     && hugo_go hugo --destination "$TMP/hugo-new-public" >"$TMP/hugo-new-build.log" 2>&1 \
     && ! grep -q WARN "$TMP/hugo-new-build.log" \
     && python3 - "$NEW/assets/seloste/fragments/fi/sen-uutiskirjerekisteri.html" "$TMP/hugo-new-public/tietosuoja/index.html" <<'EOF'
import sys
fragment, page = (open(p, encoding="utf-8").read() for p in sys.argv[1:3])
sys.exit(0 if fragment.strip() and fragment in page and 'integrity="sha256-' in page else 1)
EOF
  then
    pass "hugo: the fresh site with the module from hugo mod get renders the notice"
  else
    cat "$TMP/build-hugo-new.log" "$TMP/hugo-new-build.log"; fail "hugo: the fresh site with the module from hugo mod get renders the notice"
  fi
fi

# ============================ Eleventy ==========================================
PLUGIN="$TMP/eleventy"
copy_clean "$SRC/plugin/eleventy" "$PLUGIN"
# The plugin's own dependencies (parse5) first: the sample links the plugin folder (file:..),
# and Node resolves the plugin's imports from there.
if (cd "$PLUGIN" && npm ci --no-audit --no-fund >"$TMP/npm-plugin.log" 2>&1); then
  pass "npm ci: eleventy-plugin-seloste"
else
  cat "$TMP/npm-plugin.log"; fail "npm ci: eleventy-plugin-seloste"
fi
if (cd "$PLUGIN/sample" && npm ci --no-audit --no-fund >"$TMP/npm-sample.log" 2>&1) \
   && [[ $(node -p 'require("'"$PLUGIN"'/sample/node_modules/@11ty/eleventy/package.json").version') == 3.* ]]; then
  pass "npm ci: the Eleventy sample site (Eleventy 3)"
else
  cat "$TMP/npm-sample.log"; fail "npm ci: the Eleventy sample site (Eleventy 3)"
fi
# The sample runs `seloste build` itself (the plugin's sources mode).
if (cd "$PLUGIN/sample" && npx --no-install eleventy >"$TMP/eleventy.log" 2>&1) \
   && [[ -f $PLUGIN/sample/.seloste/manifest.json ]]; then
  pass "eleventy builds the sample site, running seloste build first"
else
  cat "$TMP/eleventy.log"; fail "eleventy builds the sample site, running seloste build first"
fi
E_SITE="$PLUGIN/sample/_site"
E_BUNDLE="$PLUGIN/sample/.seloste"
python3 "$HERE/check_content.py" eleventy --bundle "$E_BUNDLE" --sources "${SOURCES[@]}" \
  --each-fragment "$E_SITE/{lang}/{register}/index.html" >"$TMP/content-eleventy.log" 2>&1
rc=$?; cat "$TMP/content-eleventy.log"; add_counts "$TMP/content-eleventy.log" $rc "eleventy content"
# Every language index lists every register, in its language.
idx_ok=1
for lang in fi sv en; do
  for reg in $(node -e 'for (const r of require(process.argv[1]).registers) console.log(r.id)' "$E_BUNDLE/manifest.json"); do
    grep -q "href=\"/$lang/$reg/\"" "$E_SITE/$lang/index.html" || { idx_ok=0; echo "  $lang/index.html lacks $reg"; }
  done
done
[[ $idx_ok -eq 1 ]] && pass "eleventy: the language indexes list every register" || fail "eleventy: the language indexes list every register"
css_ok=1
for css in "$E_BUNDLE"/assets/*.css; do
  cmp -s "$css" "$E_SITE/seloste/assets/$(basename "$css")" || { css_ok=0; echo "  $(basename "$css") not published unchanged"; }
done
[[ $css_ok -eq 1 ]] && pass "eleventy: theme stylesheets published unchanged" || fail "eleventy: theme stylesheets published unchanged"

axe "$E_SITE" eleventy
vnu "$E_SITE" eleventy

# The plugin's own tests: sites built in code with Eleventy, asserting on the result.
(cd "$PLUGIN" && node --test --test-reporter=tap test/*.test.js >"$TMP/node-test.log" 2>&1); rc=$?
grep -E '^(not ok|# (tests|pass|fail|skipped|todo|cancelled))' "$TMP/node-test.log" | sed 's/^/  /'
t_pass=$(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$TMP/node-test.log" | tail -n 1)
t_fail=$(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$TMP/node-test.log" | tail -n 1)
t_skip=0
for n in $(sed -nE 's/^# (skipped|todo|cancelled) ([0-9]+)$/\2/p' "$TMP/node-test.log"); do t_skip=$((t_skip + n)); done
if [[ -z $t_pass || -z $t_fail ]]; then
  tail -n 40 "$TMP/node-test.log"; fail "node --test: no summary"
else
  passed=$((passed + t_pass)); failed=$((failed + t_fail + ${t_skip:-0}))
  [[ ${t_skip:-0} -gt 0 ]] && echo "  ${t_skip} node test(s) skipped or cancelled: counted as failed"
  if [[ $rc -ne 0 && $t_fail -eq 0 ]]; then tail -n 40 "$TMP/node-test.log"; fail "node --test exited $rc"; fi
  [[ $t_fail -gt 0 ]] && grep -B2 -A25 '^ *not ok' "$TMP/node-test.log" | head -n 120
fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
