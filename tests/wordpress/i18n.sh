# Sourced by run.sh (its helpers and variables): the admin in Finnish and
# Swedish. The translations are complete (scripts/wordpress-i18n --check), and
# with the admin user's language switched to fi and then sv_SE no English
# string of the plugin is left on its pages.

section "i18n: the plugin's pages in fi and sv"
check "translations: the .pot is current and the fi and sv .po files are complete (scripts/wordpress-i18n --check)" python3 "$SRC/scripts/wordpress-i18n" --check
# The English source strings of a translation, cut at their placeholders into pieces of 8 characters
# or more, without the pieces its translation keeps (paths, file and command names).
english_of() { # .po file -> pieces, one a line
	php -r '
$po = preg_replace("/\"\n\"/", "", file_get_contents($argv[1])); // Continuation lines joined.
preg_match_all("/^msgid \"(.+)\"\n(?:msgid_plural \".*\"\n)?msgstr(?:\\[0\\])? \"(.*)\"$/m", $po, $m, PREG_SET_ORDER);
foreach ($m as $e) {
	$id = stripcslashes($e[1]);
	$tr = stripcslashes($e[2]);
	foreach (preg_split("/%(\\d+\\$)?[sd]/", $id) as $piece) {
		$piece = trim($piece, " .:;,()#");
		if (mb_strlen($piece) >= 8 && false === mb_strpos($tr, $piece)) echo $piece, "\n";
	}
}' "$1" | sort -u
}
plugin_text() { # HTML on stdin -> the text of the plugin's own page (div.seloste-admin), one line
	php -r '
preg_match_all("#<div class=\"wrap seloste-admin\".*?(?=<div class=\"clear\"></div>)#s", stream_get_contents(STDIN), $m);
$h = implode(" ", $m[0]);
$h = preg_replace("#<(script|style)\\b.*?</\\1>#s", " ", $h);
$h = preg_replace("#<[^>]*\\b(value|aria-label|title|placeholder)=\"([^\"]*)\"[^>]*>#", " $2 ", $h);
echo preg_replace("/\\s+/u", " ", html_entity_decode(strip_tags($h), ENT_QUOTES | ENT_HTML5, "UTF-8"));'
}
for loc in fi sv_SE; do
	wpphp "update_user_meta( 1, 'locale', '$loc' );"
	: >"$T/left-$loc.txt"
	# The plugin's and the active seloste-native add-on's strings (its fields are on the Settings tab).
	{ english_of "$PLUGIN/languages/seloste-$loc.po"; english_of "$PLUGIN/native-addon/languages/seloste-native-$loc.po"; } | sort -u >"$T/english.txt"
	check "admin in $loc: $(wc -l <"$T/english.txt") English pieces to look for" test -s "$T/english.txt"
	for q in "" "&seloste_result=ok" "&view=diff&bundle=$(active)"; do
		admin_page "$q" | plugin_text >"$T/page-$loc.txt"
		[ -s "$T/page-$loc.txt" ] || echo "(no plugin page for $q)" >>"$T/left-$loc.txt"
		grep -oFf "$T/english.txt" "$T/page-$loc.txt" | sed "s#^#$q: #" >>"$T/left-$loc.txt"
	done
	check "admin in $loc: the plugin's pages have no English string of the plugin left ($(sort -u "$T/left-$loc.txt" | head -5 | tr '\n' '|'))" test ! -s "$T/left-$loc.txt"
	WANT=$(grep -A1 '^msgid "Import a bundle"$' "$PLUGIN/languages/seloste-$loc.po" | sed -n 's/^msgstr "\(.*\)"$/\1/p')
	check "admin in $loc: the settings page is in that language (\"$WANT\")" has "$(admin_page)" "$WANT"
	WANT=$(grep -A1 '^msgid "— choose a register —"$' "$PLUGIN/languages/seloste-$loc.po" | sed -n 's/^msgstr "\(.*\)"$/\1/p')
	check "admin in $loc: the block editor gets the block's translations (\"$WANT\")" has "$(curl -s -b "$ADMIN" "$URL/wp-admin/post.php?post=$P_BLOCK&action=edit")" "$WANT"
done
wpphp 'delete_user_meta( 1, "locale" );'
