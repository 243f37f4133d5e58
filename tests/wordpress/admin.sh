# Sourced by run.sh (its helpers and variables): the settings page's tabs.

section "settings page: tabs Status, Import, History, Settings"
H=$(admin_tab "")
check "the settings page has the four tabs" bash -c 'for t in status import history settings; do grep -q "id=\"seloste-tab-$t\"" <<<"$0" || exit 1; done' "$H"
check "without tab= the Status tab is shown (and marked current)" bash -c 'grep -q "id=\"seloste-status\"" <<<"$0" && grep -q "id=\"seloste-tab-status\" aria-current=\"page\"" <<<"$0" && ! grep -q "id=\"seloste-upload-form\"" <<<"$0"' "$H"
H=$(admin_tab "&tab=import")
check "the Import tab has the upload form and no settings form" bash -c 'grep -q "id=\"seloste-upload-form\"" <<<"$0" && ! grep -q "id=\"seloste-settings-form\"" <<<"$0" && ! grep -q "id=\"seloste-status\"" <<<"$0"' "$H"
H=$(admin_tab "&tab=history")
check "the History tab has the history and no form but the roll-back ones" bash -c 'grep -q "id=\"seloste-history\"" <<<"$0" && ! grep -q "id=\"seloste-upload-form\"\|id=\"seloste-settings-form\"" <<<"$0"' "$H"
H=$(admin_tab "&tab=settings")
check "the Settings tab has the settings form and the privacy page chooser" bash -c 'grep -q "id=\"seloste-settings-form\"" <<<"$0" && grep -q "seloste_privacy_page" <<<"$0" && ! grep -q "id=\"seloste-history\"" <<<"$0"' "$H"
check "the Settings tab saves back to itself" bash -c 'grep -qE "name=\"_wp_http_referer\" value=\"[^\"]*tab=settings" <<<"$0"' "$H"
H=$(admin_tab "&tab=nonsense")
check "an unknown tab shows the Status tab" has "$H" 'id="seloste-status"'

section "axe-core over the plugin's admin pages"
if [ -f "$T/node/node_modules/axe-core/axe.min.js" ]; then
	cp "$HERE/axe-admin.mjs" "$T/node/"
	A="$URL/wp-admin/options-general.php?page=seloste"
	AXE_ADMIN=$(cd "$T/node" && node axe-admin.mjs "$ADMIN" "$A&seloste_result=ok" "$A&tab=import" "$A&tab=history" "$A&tab=settings" "$A&view=diff&bundle=$(active)" 2>"$T/axe-admin.err")
	for what in "seloste_result=ok" "tab=import" "tab=history" "tab=settings" "view=diff"; do
		LINE=$(php -r 'foreach (explode("\n", $argv[1]) as $l) { $j = json_decode($l, true); if ($j && str_contains(explode("?", $j["url"], 2)[1] ?? "", $argv[2])) { echo $l; break; } }' "$AXE_ADMIN" "$what")
		read -r FOUND NP NW < <(php -r '$j=json_decode($argv[1],true); echo empty($j["found"])?0:1," ",count($j["plugin"]??[1])," ",count($j["wordpress"]??[]);' "$LINE")
		check "axe: 0 violations on the plugin's admin page ($what): $NP" test "${FOUND:-0}" = 1 -a "${NP:-1}" = 0
		[ "${NP:-1}" = 0 ] || php -r 'foreach (json_decode($argv[1],true)["plugin"] ?? [] as $v) echo "  plugin: {$v["id"]} {$v["target"]} {$v["html"]}\n";' "$LINE"
		[ "${NW:-0}" = 0 ] || echo "note: WordPress's own admin around the page has $NW axe violation node(s) ($what; not the plugin's)"
	done
else
	fail "axe over the admin pages: no node_modules from the axe section"
fi
