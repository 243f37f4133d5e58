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
check "the Settings tab saves back to itself" has "$H" 'name="_wp_http_referer" value="/wp-admin/options-general.php?page=seloste&amp;tab=settings"'
H=$(admin_tab "&tab=nonsense")
check "an unknown tab shows the Status tab" has "$H" 'id="seloste-status"'
