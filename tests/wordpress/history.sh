# Sourced by run.sh (its helpers and variables): the version history of #15 in
# the real WordPress. Two bundles built into the same folder, the second from
# a copy of the source with one retention period changed and a later notice
# date: the import screen shows the engine's change sentence (en, then fi),
# the History view lists it, and the notice links its earlier version, whose
# URL shows the old retention period.

section "version history: the changes on import, earlier versions on the page"
REG_SRC=$(php -r '$m=json_decode(file_get_contents($argv[1]),true); foreach($m["registers"] as $r) if($r["id"]===$argv[2]) { echo basename($r["source"]??""); break; }' "$T/bundle/manifest.json" "$REG")
[ -n "$REG_SRC" ] && [ -f "$SRC/examples/$REG_SRC" ] || die "cannot find the source file of register $REG"
OTHER_SRC=()
for f in "${EXAMPLES[@]}"; do [ "$(basename "$f")" = "$REG_SRC" ] || OTHER_SRC+=("$f"); done
mkdir -p "$T/hsrc"
CHANGE=$(php "$HERE/php/retention.php" "$SRC/examples/$REG_SRC" "$REG" "$T/hsrc/$REG_SRC") || die "cannot change a retention period of $REG"
eval "$CHANGE"
echo "changed in $REG_SRC: $CAT_EN $OLD_N -> $NEW_N, notice date $OLD_DATE -> $NEW_DATE"
"$SELOSTE_BIN" build --sign "$T/key" "${OTHER_SRC[@]}" "$SRC/examples/$REG_SRC" -o "$T/hist" >"$T/hist1.log" 2>&1 || die "first history build failed: $(cat "$T/hist1.log")"
(cd "$T/hist" && zip -qr "$T/hist1.zip" .)
"$SELOSTE_BIN" build --sign "$T/key" "${OTHER_SRC[@]}" "$T/hsrc/$REG_SRC" -o "$T/hist" >"$T/hist2.log" 2>&1 || die "second history build failed: $(cat "$T/hist2.log")"
(cd "$T/hist" && zip -qr "$T/hist2.zip" .)
# What the bundle says changed (the engine's sentences), per language.
bundle_sentences() { # lang -> the sentences of $REG's version $NEW_DATE, one a line
	php -r '$m=json_decode(file_get_contents($argv[1]),true); foreach($m["registers"] as $r) if($r["id"]===$argv[2]) foreach($r["versions"]??[] as $v) if($v["date"]===$argv[3]) foreach($v["changes"][$argv[4]]??[] as $s) echo $s, "\n";' "$T/hist/manifest.json" "$REG" "$NEW_DATE" "$1"
}
# The sentence on an admin page (stdin) that names the category and both periods.
# Args: section id, category name. Prints the sentence.
screen_sentence() {
	php -r '
$h = stream_get_contents(STDIN);
if (!preg_match("#<[a-z]+ [^>]*id=\"" . $argv[1] . "\".*?</(section|table)>#s", $h, $s)) exit;
preg_match_all("#<li><time datetime=\"" . $argv[5] . "\">[^<]*</time>: ([^<]*)</li>#", $s[0], $m);
foreach ($m[1] as $t) {
	$t = html_entity_decode($t, ENT_QUOTES | ENT_HTML5, "UTF-8");
	if (false !== mb_strpos($t, $argv[2]) && preg_match("/(?<!\\d)" . $argv[3] . "(?!\\d)/", $t) && preg_match("/(?<!\\d)" . $argv[4] . "(?!\\d)/", $t)) { echo $t; break; }
}' "$1" "$2" "$OLD_N" "$NEW_N" "$NEW_DATE"
}

R=$(upload "$ADMIN" "$T/hist1.zip" "$(nonce_of seloste-upload-form)")
check "a bundle built with history (kinds version, version-fragment) is accepted ($R: $(last_message))" has "$R" "seloste_result=ok"
HIST1=$(active)
R=$(upload "$ADMIN" "$T/hist2.zip" "$(nonce_of seloste-upload-form)")
check "the next bundle built with history from a changed source is accepted ($R: $(last_message))" has "$R" "seloste_result=ok"
HIST2=$(active)
check "the second history bundle is live" test "$HIST2" != "$HIST1" -a "$HIST2" -gt 0

SP=$(admin_page "&seloste_result=ok")
S_EN=$(screen_sentence seloste-import-changes "$CAT_EN" <<<"$SP")
check "import screen (en): the retention sentence names \"$CAT_EN\", $OLD_N and $NEW_N ($S_EN)" test -n "$S_EN"
check "import screen (en): the sentence is the bundle's own" grep -qxF -- "$S_EN" <(bundle_sentences en)
check "import screen: the change says from which version to which" has "$SP" "changed from the version of $OLD_DATE to the version of $NEW_DATE"
check "import screen: the page diff is gone" bash -c '! grep -q "diff-deletedline\|diff-addedline\|class=\"diff" <<<"$0"' "$SP"
wpphp 'update_user_meta( 1, "locale", "fi" );'
SP_FI=$(admin_page "&seloste_result=ok")
S_FI=$(screen_sentence seloste-import-changes "$CAT_FI" <<<"$SP_FI")
check "import screen (admin in fi): the Finnish sentence names \"$CAT_FI\", $OLD_N and $NEW_N ($S_FI)" test -n "$S_FI"
check "import screen (fi): the sentence is the bundle's own Finnish one" grep -qxF -- "$S_FI" <(bundle_sentences fi)
check "import screen (fi): not the English sentence" test "$S_FI" != "$S_EN"
wpphp 'delete_user_meta( 1, "locale" );'

H=$(admin_page)
S_HIST=$(screen_sentence seloste-history "$CAT_EN" <<<"$H")
check "History view: the import of #$HIST2 lists the retention sentence ($S_HIST)" test -n "$S_HIST" -a "$S_HIST" = "$S_EN"
D=$(admin_page "&view=diff&bundle=$HIST2")
check "What changed (#$HIST2 since #$HIST1) lists the sentence under changed notices" bash -c 'grep -q "since #$1" <<<"$0" && grep -q "Changed notices ([1-9]" <<<"$0" && grep -qF -- "$2" <<<"$0"' "$D" "$HIST1" "$(php -r 'echo htmlspecialchars($argv[1], ENT_QUOTES | ENT_HTML5);' "$S_EN")"

# The front end: the notice lists its earlier version; that URL shows it.
H=$(view "$P_SHORT")
check "the notice lists its earlier versions" has "$H" 'class="seloste-versions"'
OLD_URL=$(php -r 'if (preg_match("#<nav class=\"seloste-versions\".*?<a href=\"([^\"]+)\"><time datetime=\"" . $argv[1] . "\"#s", stream_get_contents(STDIN), $m)) echo html_entity_decode($m[1], ENT_QUOTES | ENT_HTML5);' "$OLD_DATE" <<<"$H")
check "the notice links the version of $OLD_DATE ($OLD_URL)" has "$OLD_URL" "seloste_version=$OLD_DATE"
OLD_FRAG=$(php -r '$m=json_decode(file_get_contents($argv[1]),true); foreach($m["pages"] as $p) if($p["kind"]==="version-fragment" && $p["register"]===$argv[2] && $p["lang"]==="fi" && ($p["theme"]??"default")==="default" && $p["version"]===$argv[3]) { echo $p["path"]; break; }' "$T/hist/manifest.json" "$REG" "$OLD_DATE")
CUR_FRAG=$(php -r '$m=json_decode(file_get_contents($argv[1]),true); foreach($m["pages"] as $p) if($p["kind"]==="fragment" && $p["register"]===$argv[2] && $p["lang"]==="fi" && ($p["theme"]??"default")==="default") { echo $p["path"]; break; }' "$T/hist/manifest.json" "$REG")
check "the history bundle has the fi fragments of $REG (version $OLD_DATE: ${OLD_FRAG:-none}, current: ${CUR_FRAG:-none})" test -n "$OLD_FRAG" -a -n "$CUR_FRAG"
[ -n "$OLD_FRAG" ] || OLD_FRAG=missing
[ -n "$CUR_FRAG" ] || CUR_FRAG=missing
curl -s "$OLD_URL" >"$T/old-version.html"
check "the earlier version's URL says it is an earlier version" grep -q 'class="seloste-version-note' "$T/old-version.html"
check "the earlier version's URL links back to the current version" grep -qF "href=\"$URL/?page_id=$P_SHORT\"" "$T/old-version.html"
in_page() { [ -s "$2" ] && php -r 'exit(false !== strpos(file_get_contents($argv[1]), file_get_contents($argv[2])) ? 0 : 1);' "$1" "$2"; }
check "the earlier version's URL serves the fragment of $OLD_DATE byte for byte" in_page "$T/old-version.html" "$T/hist/$OLD_FRAG"
check "the earlier version's URL does not serve the current notice" bash -c '[ -s "$1" ] && ! php -r "exit(false !== strpos(file_get_contents(\$argv[1]), file_get_contents(\$argv[2])) ? 0 : 1);" "$0" "$1"' "$T/old-version.html" "$T/hist/$CUR_FRAG"
# The old retention period: the retention table of the page gives the category's period ("Sopimustiedot 3 vuotta").
period_of() { # html file, category name -> the number of the category's retention period on that page
	php -r '$t = html_entity_decode(strip_tags(file_get_contents($argv[1])), ENT_QUOTES | ENT_HTML5, "UTF-8"); if (preg_match("/" . preg_quote($argv[2], "/") . "\\s+(\\d+)\\s/u", preg_replace("/\\s+/u", " ", $t), $m)) echo $m[1];' "$1" "$2"
}
curl -s "$URL/?page_id=$P_SHORT" >"$T/current-version.html"
OLD_P=$(period_of "$T/old-version.html" "$CAT_FI")
CUR_P=$(period_of "$T/current-version.html" "$CAT_FI")
check "the earlier version's URL shows the old retention period of $CAT_FI ($OLD_P, expected $OLD_N)" test "$OLD_P" = "$OLD_N"
check "the current notice shows the new retention period of $CAT_FI ($CUR_P, expected $NEW_N)" test "$CUR_P" = "$NEW_N"
H=$(view "$P_BLOCK")
check "the block (sv) lists the earlier version too" bash -c 'grep -q "class=\"seloste-versions\" lang=\"sv\"" <<<"$0" && grep -q "seloste_version=$1" <<<"$0"' "$H" "$OLD_DATE"
H=$(curl -s "$URL/?page_id=$P_SHORT&seloste_register=$REG&seloste_version=1999-01-01")
check "an unknown version date shows the current notice" bash -c '! grep -q "class=\"seloste-version-\(note\|back\)" <<<"$0" && grep -q "class=\"seloste-versions\"" <<<"$0"' "$H"
H=$(curl -s "$URL/?page_id=$P_SHORT&seloste_register=$REG&seloste_version=%3Cscript%3Ealert(1)%3C/script%3E")
check "a version parameter with markup is ignored, never printed" bash -c '! grep -q "<script>alert(1)" <<<"$0" && grep -q "class=\"seloste-versions\"" <<<"$0"' "$H"

# The readme's screenshots (readme.txt == Screenshots ==), taken here where every view has something to show.
# SELOSTE_WP_ASSETS=DIR also copies them there (plugin/wordpress/assets holds the committed ones).
if [ -f "$T/node/node_modules/playwright-core/package.json" ]; then
	mkdir -p "$T/shots" && cp "$HERE/shots.mjs" "$T/node/"
	SHOTS=$(cd "$T/node" && node shots.mjs "$ADMIN" "$T/shots" \
		"screenshot-1.png=$URL/wp-admin/options-general.php?page=seloste&seloste_result=ok|#seloste-import-changes" \
		"screenshot-2.png=$URL/wp-admin/options-general.php?page=seloste&tab=history|#seloste-history" \
		"screenshot-3.png=$URL/?page_id=$P_SHORT|.seloste-embed" \
		"screenshot-4.png=$OLD_URL|.seloste-embed" \
		"screenshot-5.png=$URL/wp-admin/post.php?post=$P_BLOCK&action=edit|.wp-block-seloste-notice .seloste" 2>"$T/shots.err")
	echo "screenshots: $SHOTS"
	N_SHOTS=$(sed -n '/^== Screenshots ==/,/^== /p' "$PLUGIN/readme.txt" | grep -cE '^[0-9]+\. ')
	check "the suite took the readme's $N_SHOTS screenshots" bash -c 'for i in $(seq 1 "$1"); do [ -s "$0/screenshot-$i.png" ] || exit 1; done; [ "$1" -ge 1 ]' "$T/shots" "$N_SHOTS"
	if [ -n "${SELOSTE_WP_ASSETS:-}" ]; then mkdir -p "$SELOSTE_WP_ASSETS" && cp "$T"/shots/screenshot-*.png "$SELOSTE_WP_ASSETS/"; fi
	check "plugin/wordpress/assets has the readme's $N_SHOTS screenshots" bash -c 'for i in $(seq 1 "$1"); do [ -s "$0/screenshot-$i.png" ] || exit 1; done; [ "$1" -ge 1 ]' "$PLUGIN/assets" "$N_SHOTS"
	# axe on the notice with its list of earlier versions, and on the earlier version with the link back.
	cp "$HERE/axe.mjs" "$T/node/"
	AXE_V=$(cd "$T/node" && node axe.mjs "$URL/?page_id=$P_SHORT" "$OLD_URL" 2>"$T/axe-versions.err")
	for u in "$URL/?page_id=$P_SHORT" "$OLD_URL"; do
		LINE=$(php -r 'foreach (explode("\n", $argv[1]) as $l) { $j = json_decode($l, true); if ($j && $j["url"] === $argv[2]) { echo $l; break; } }' "$AXE_V" "$u")
		read -r EMB NV < <(php -r '$j=json_decode($argv[1],true); echo ($j["embeds"]??0)," ",count($j["notice"]??[1]);' "$LINE")
		check "axe: no violations inside the notice with its version links ($u): $NV" test "${EMB:-0}" -ge 1 -a "${NV:-1}" = 0
		[ "${NV:-1}" = 0 ] || php -r 'foreach (json_decode($argv[1],true)["notice"] ?? [] as $v) echo "  notice: {$v["id"]} {$v["target"]}\n";' "$LINE"
	done
else
	fail "screenshots: no playwright-core from the axe section"
fi

# A bundle built without history after one with it: the changed notice says
# "no change recorded", the others "unchanged".
R=$(upload "$ADMIN" "$T/bundle.zip" "$(nonce_of seloste-upload-form)")
check "the bundle without history is imported again ($R)" has "$R" "seloste_result=ok"
SP=$(admin_page "&seloste_result=ok")
check "import screen: the changed notice without a recorded version says so" bash -c 'grep -qE "data-register=\"$1\"><strong>[^<]*</strong>: no change recorded" <<<"$0"' "$SP" "$REG"
check "import screen: the other notices are unchanged" grep -q 'class="seloste-change seloste-change-unchanged"' <<<"$SP"
H=$(view "$P_SHORT")
check "after it, the notice lists no earlier version" bash -c '! grep -q "seloste-versions" <<<"$0"' "$H"
