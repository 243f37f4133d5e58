#!/usr/bin/env bash
# End-to-end suite of the Seloste WordPress plugin on a real WordPress:
# Debian's wordpress + MariaDB on a private socket + `php -S` on 127.0.0.1.
#
# Environment: SELOSTE_BIN (the seloste CLI), SELOSTE_SOURCE_DIR (repo root),
# SELOSTE_BUILD_DIR (CMake build dir; for bindings/c/libseloste_c.so), optionally
# SELOSTE_C_LIB (the library itself; wins over the build dir).
# KEEP=1 keeps the temp folder (and prints it) for debugging.
# Last line: "N passed, N failed".
set -uo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
: "${SELOSTE_BIN:?SELOSTE_BIN must point to the seloste CLI}"
SRC=${SELOSTE_SOURCE_DIR:-$(cd "$HERE/../.." && pwd)}
BUILD=${SELOSTE_BUILD_DIR:-}
PLUGIN="$SRC/plugin/wordpress"

PASS=0
FAIL=0
pass() { PASS=$((PASS + 1)); echo "PASS: $*"; }
fail() { FAIL=$((FAIL + 1)); echo "FAIL: $*"; }
check() { local d=$1; shift; if "$@"; then pass "$d"; else fail "$d"; fi; }
summary() { echo "$PASS passed, $FAIL failed"; }
section() { echo "== $* (${SECONDS}s)"; }
die() { fail "$*"; summary; exit 1; }

T=$(mktemp -d /tmp/selwp.XXXXXX)
SITE="$T/site"
DB="$T/db"
SOCK="$T/db.sock"
SERVER_PID=""
DB_PID=""
TLS_PID=""
cleanup() {
	[ -n "$SERVER_PID" ] && kill -- "-$SERVER_PID" 2>/dev/null
	[ -n "$TLS_PID" ] && kill -- "-$TLS_PID" 2>/dev/null
	if [ -n "$DB_PID" ]; then
		mariadb-admin --no-defaults --socket="$SOCK" -uroot shutdown 2>/dev/null || kill -- "-$DB_PID" 2>/dev/null
	fi
	if [ "${KEEP:-0}" = 1 ]; then echo "kept $T" >&2; else rm -rf "$T"; fi
}
trap cleanup EXIT

for tool in php mariadbd mariadb-install-db mariadb-admin mariadb curl openssl zip unzip node npm phpunit python3 xgettext msgfmt; do
	command -v "$tool" >/dev/null || die "missing tool: $tool (scripts/install-deps installs it)"
done
[ -d /usr/share/wordpress ] || die "missing Debian package: wordpress"
[ -x "$SELOSTE_BIN" ] || die "SELOSTE_BIN is not executable: $SELOSTE_BIN"

free_port() { php -r '$s=stream_socket_server("tcp://127.0.0.1:0"); $n=stream_socket_get_name($s,false); echo substr($n, strrpos($n, ":")+1);'; }
PORT=$(free_port)
URL="http://127.0.0.1:$PORT"
ADMIN_PW="admin-$RANDOM-$RANDOM"
EDITOR_PW="editor-$RANDOM-$RANDOM"

# ---------------------------------------------------------------- lint (includes cli.php, which needs WP-CLI to run)
section "lint (includes cli.php, which needs WP-CLI to run)"
LINT_BAD=""
while IFS= read -r -d '' f; do php -l "$f" >/dev/null 2>&1 || LINT_BAD="$LINT_BAD $f"; done < <(find "$PLUGIN" -name '*.php' -print0)
check "every plugin PHP file parses (php -l)${LINT_BAD:+:$LINT_BAD}" test -z "$LINT_BAD"

# ---------------------------------------------------------------- database
section "database"
mariadb-install-db --no-defaults --user=root --datadir="$DB" --auth-root-authentication-method=socket --skip-test-db >"$T/db-install.log" 2>&1 || die "mariadb-install-db failed (see $T/db-install.log)"
setsid mariadbd --no-defaults --user=root --datadir="$DB" --socket="$SOCK" --skip-networking --pid-file="$T/db.pid" --skip-log-bin >"$T/db.log" 2>&1 &
DB_PID=$!
for _ in $(seq 1 100); do mariadb-admin --no-defaults --socket="$SOCK" -uroot ping >/dev/null 2>&1 && break; sleep 0.1; done
mariadb-admin --no-defaults --socket="$SOCK" -uroot ping >/dev/null 2>&1 || die "mariadbd did not start"
mariadb --no-defaults --socket="$SOCK" -uroot -e "CREATE DATABASE wp; CREATE USER 'wp'@'localhost' IDENTIFIED BY 'wp'; GRANT ALL ON wp.* TO 'wp'@'localhost';" || die "cannot create the database"

# ---------------------------------------------------------------- WordPress
section "WordPress"
cp -rL /usr/share/wordpress "$SITE"
rm -f "$SITE/wp-config.php"
mkdir -p "$SITE/wp-content/plugins" "$SITE/wp-content/mu-plugins" "$SITE/wp-content/uploads"
salt() { php -r 'echo bin2hex(random_bytes(32));'; }
cat >"$SITE/wp-config.php" <<EOF
<?php
define( 'DB_NAME', 'wp' );
define( 'DB_USER', 'wp' );
define( 'DB_PASSWORD', 'wp' );
define( 'DB_HOST', 'localhost:$SOCK' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
\$table_prefix = 'wp_';
define( 'AUTH_KEY', '$(salt)' );
define( 'SECURE_AUTH_KEY', '$(salt)' );
define( 'LOGGED_IN_KEY', '$(salt)' );
define( 'NONCE_KEY', '$(salt)' );
define( 'AUTH_SALT', '$(salt)' );
define( 'SECURE_AUTH_SALT', '$(salt)' );
define( 'LOGGED_IN_SALT', '$(salt)' );
define( 'NONCE_SALT', '$(salt)' );
define( 'WP_HOME', '$URL' );
define( 'WP_SITEURL', '$URL' );
define( 'DISABLE_WP_CRON', true );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'FS_METHOD', 'direct' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_LOG', '$T/debug.log' );
define( 'WP_DEBUG_DISPLAY', false );
if ( ! defined( 'ABSPATH' ) ) { define( 'ABSPATH', __DIR__ . '/' ); }
require_once ABSPATH . 'wp-settings.php';
EOF
# Offline: no update checks.
cat >"$SITE/wp-content/mu-plugins/offline.php" <<'EOF'
<?php
remove_action( 'admin_init', '_maybe_update_core' );
remove_action( 'admin_init', '_maybe_update_plugins' );
remove_action( 'admin_init', '_maybe_update_themes' );
remove_action( 'load-plugins.php', 'wp_update_plugins' );
remove_action( 'load-update.php', 'wp_update_plugins' );
remove_action( 'load-update-core.php', 'wp_update_plugins' );
remove_action( 'load-themes.php', 'wp_update_themes' );
remove_action( 'load-update.php', 'wp_update_themes' );
remove_action( 'load-update-core.php', 'wp_update_themes' );
remove_action( 'wp_version_check', 'wp_version_check' );
add_filter( 'pre_http_request', function ( $pre, $args, $url ) {
	$host = wp_parse_url( $url, PHP_URL_HOST );
	return in_array( $host, array( '127.0.0.1', 'localhost' ), true ) ? $pre : new WP_Error( 'offline', 'offline test site' );
}, 10, 3 );
EOF
cat >"$T/router.php" <<'EOF'
<?php
// php -S router: real files as they are, every other path to WordPress's index.php.
$root = $_SERVER['DOCUMENT_ROOT'];
$path = (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH );
if ( '/' !== $path && is_file( $root . $path ) ) {
	return false;
}
$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $root . '/index.php';
$_SERVER['PHP_SELF']        = '/index.php';
require $root . '/index.php';
EOF
php "$HERE/php/install.php" "$SITE" "$ADMIN_PW" >/dev/null 2>"$T/install.err" || die "wp_install failed: $(cat "$T/install.err")"
# A file-backed opcache keeps the many short WordPress boots below fast.
mkdir -p "$T/opcache"
PHPFAST=(-d opcache.enable_cli=1 -d "opcache.file_cache=$T/opcache")
wpphp() { php "${PHPFAST[@]}" "$HERE/php/wp.php" "$SITE" "$1"; }

# Keys and bundles ---------------------------------------------------------
shopt -s nullglob
EXAMPLES=("$SRC"/examples/*.xml)
shopt -u nullglob
[ ${#EXAMPLES[@]} -gt 0 ] || die "no examples/*.xml in $SRC"
"$SELOSTE_BIN" keygen "$T/key" >/dev/null || die "seloste keygen failed"
"$SELOSTE_BIN" keygen "$T/other-key" >/dev/null || die "seloste keygen (second key) failed"
PUBKEY=$(tr -d '\n' <"$T/key.pub")
"$SELOSTE_BIN" build --sign "$T/key" "${EXAMPLES[@]}" -o "$T/bundle" >"$T/build.log" 2>&1 || die "seloste build --sign failed: $(cat "$T/build.log")"
[ -f "$T/bundle/manifest.json.sig" ] || die "seloste build --sign wrote no manifest.json.sig"
(cd "$T/bundle" && zip -qr "$T/bundle.zip" .) || die "zip failed"

# Every built-in theme, for the allow-list test (PHPUnit) and a shortcode with theme="...".
mapfile -t THEMES < <("$SELOSTE_BIN" themes | cut -f1)
THEME_ARGS=()
for th in "${THEMES[@]}"; do THEME_ARGS+=(--theme "$th"); done
"$SELOSTE_BIN" build --sign "$T/key" "${THEME_ARGS[@]}" "${EXAMPLES[@]}" -o "$T/themes" >/dev/null 2>&1 || die "build with every theme (${THEMES[*]}) failed"

# Tampered: one byte of a fragment changed after signing (hash mismatch).
cp -r "$T/bundle" "$T/tampered"
FRAG=$(cd "$T/tampered" && find fragments -name '*.html' | sort | head -1)
php -r '$f=$argv[1]; $s=file_get_contents($f); $p=strpos($s,"</p>"); if($p===false){$s.=" ";}else{$s=substr_replace($s,"!",$p,0);} file_put_contents($f,$s);' "$T/tampered/$FRAG"
(cd "$T/tampered" && zip -qr "$T/tampered.zip" .)
# Wrong signature: the same sources signed with another key.
"$SELOSTE_BIN" build --sign "$T/other-key" "${EXAMPLES[@]}" -o "$T/wrongsig" >/dev/null 2>&1 || die "build with the second key failed"
(cd "$T/wrongsig" && zip -qr "$T/wrongsig.zip" .)
# Unsigned.
"$SELOSTE_BIN" build "${EXAMPLES[@]}" -o "$T/unsigned" >/dev/null 2>&1 || die "unsigned build failed"
(cd "$T/unsigned" && zip -qr "$T/unsigned.zip" .)
# An extra file the manifest does not list.
cp -r "$T/bundle" "$T/extra"
echo '<?php echo "owned";' >"$T/extra/fi/evil.php"
(cd "$T/extra" && zip -qr "$T/extra.zip" .)

# What the pages must show: from the manifest and the examples' sources.
eval "$(php -r '
$m = json_decode(file_get_contents($argv[1]), true);
$r = $m["registers"][0];
$bid = "";
foreach ($m["registers"] as $reg) {
  $xml = @simplexml_load_file($argv[2] . "/examples/" . basename($reg["source"] ?? ""));
  if (!$xml) continue;
  foreach ($xml->register as $x) {
    if ((string)$x["id"] !== $reg["id"]) continue;
    $ref = (string)$x->controller["ref"];
    foreach ($xml->organisation as $o) if ((string)$o["id"] === $ref && (string)$o->{"business-id"} !== "") { $bid = (string)$o->{"business-id"}; }
  }
  if ($bid !== "") { $r = $reg; break; }
}
printf("REG=%s\nNAME_FI=%s\nNAME_SV=%s\nNAME_EN=%s\nBID=%s\nNREG=%d\n", escapeshellarg($r["id"]), escapeshellarg($r["name"]["fi"] ?? ""), escapeshellarg($r["name"]["sv"] ?? ""), escapeshellarg($r["name"]["en"] ?? ""), escapeshellarg($bid), count($m["registers"]));
' "$T/bundle/manifest.json" "$SRC")"
[ -n "$REG" ] && [ -n "$NAME_FI" ] && [ -n "$BID" ] || die "cannot find a register with a business ID in the examples' bundle"
echo "register $REG ($NAME_FI), business ID $BID, $NREG registers"

# Install the plugin as a site owner would: the zips of scripts/package-wordpress through WordPress's own installer.
. "$HERE/package.sh"
install_zip() { # zip -> installed|failed
	wpphp "
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/misc.php';
require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';
\$u = new Plugin_Upgrader( new Automatic_Upgrader_Skin() );
\$r = \$u->install( '$1' );
echo true === \$r ? 'installed' : 'failed';" 2>&1
}
R=$(install_zip "$T/pkg/seloste.zip")
check "the plugin zip installs through Plugin_Upgrader ($R)" test "$R" = installed
[ -f "$SITE/wp-content/plugins/seloste/seloste.php" ] || die "plugin not installed"
R=$(install_zip "$T/pkg/seloste-native.zip")
check "the seloste-native add-on zip installs through Plugin_Upgrader ($R)" test "$R" = installed
[ -f "$SITE/wp-content/plugins/seloste-native/seloste-native.php" ] || die "add-on not installed"

# Activate, configure, create users and pages (a second PHP process: WP_INSTALLING is over).
wpphp "
\$r = activate_plugin( 'seloste/seloste.php' );
if ( is_wp_error( \$r ) ) { fwrite( STDERR, \$r->get_error_message() ); exit( 1 ); }
\$r = activate_plugin( 'seloste-native/seloste-native.php' );
if ( is_wp_error( \$r ) ) { fwrite( STDERR, \$r->get_error_message() ); exit( 1 ); }
\$u = wp_insert_user( array( 'user_login' => 'editor', 'user_pass' => '$EDITOR_PW', 'user_email' => 'editor@example.invalid', 'role' => 'editor' ) );
if ( is_wp_error( \$u ) ) { exit( 1 ); }
update_option( 'permalink_structure', '' );
" 2>"$T/activate.err" || die "plugin activation failed: $(cat "$T/activate.err")"

page() { # title content -> ID
	wpphp "echo wp_insert_post( array( 'post_type' => 'page', 'post_status' => 'publish', 'post_title' => '$1', 'post_content' => base64_decode( '$(printf '%s' "$2" | base64 -w0)' ) ) );"
}
P_SHORT=$(page 'Shortcode fi' "[seloste register=\"$REG\" lang=\"fi\" theme=\"default\"]")
P_BLOCK=$(page 'Block sv' "<!-- wp:seloste/notice {\"register\":\"$REG\",\"lang\":\"sv\"} /-->")
P_AUTO=$(page 'Shortcode page language' "[seloste register=\"$REG\"]")
P_LAYERED=$(page 'Layered theme' "[seloste register=\"$REG\" lang=\"fi\" theme=\"layered\"]")
P_MISSING=$(page 'Missing register' "<p>Before.</p>[seloste register=\"no-such-register\" lang=\"fi\"]<p>After.</p>")
[ -n "$P_SHORT" ] && [ -n "$P_BLOCK" ] || die "cannot create pages"

# ---------------------------------------------------------------- serve
section "serve"
PHP_CLI_SERVER_WORKERS=4 setsid php -d opcache.enable_cli=1 -d ffi.enable=1 -d upload_max_filesize=64M -d post_max_size=64M -S "127.0.0.1:$PORT" -t "$SITE" "$T/router.php" >"$T/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do curl -s -o /dev/null "$URL/wp-login.php" && break; sleep 0.1; done
curl -s -o /dev/null "$URL/wp-login.php" || die "php -S did not start"

login() { # user password jar
	curl -s -o /dev/null -c "$3" -b "$3" "$URL/wp-login.php"
	local code
	code=$(curl -s -o /dev/null -w '%{http_code}' -c "$3" -b "$3" --data-urlencode "log=$1" --data-urlencode "pwd=$2" -d testcookie=1 -d rememberme=forever "$URL/wp-login.php")
	[ "$code" = 302 ]
}
ADMIN="$T/admin.jar"
EDITOR="$T/editor.jar"
check "admin logs in" login admin "$ADMIN_PW" "$ADMIN"
check "editor logs in" login editor "$EDITOR_PW" "$EDITOR"

admin_tab() { curl -s -b "$ADMIN" -c "$ADMIN" "$URL/wp-admin/options-general.php?page=seloste${1:-}"; }
# The settings page has tabs (Status, Import, History, Settings): without a tab= or view=, all four, one after the other.
admin_page() {
	case "${1:-}" in
	*tab=* | *view=*) admin_tab "${1:-}" ;;
	*) for tab in status import history settings; do admin_tab "${1:-}&tab=$tab"; done ;;
	esac
}
nonce_of() { # form id -> _wpnonce in that form
	admin_page | php -r '$h=stream_get_contents(STDIN); if (preg_match("#<form[^>]*id=\"".$argv[1]."\".*?name=\"_wpnonce\" value=\"([0-9a-f]+)\"#s",$h,$m)) echo $m[1];' "$1"
}
upload() { # jar zip [nonce] -> prints "HTTPCODE LOCATION"
	local args=(-s -o "$T/upload.out" -w '%{http_code} %{redirect_url}' -b "$1" -c "$1" -F action=seloste_upload -F "seloste_bundle=@$2;type=application/zip")
	[ -n "${3:-}" ] && args+=(-F "_wpnonce=$3" -F "_wp_http_referer=/wp-admin/options-general.php?page=seloste")
	curl "${args[@]}" "$URL/wp-admin/admin-post.php"
}
active() { wpphp 'echo (int) get_option( "seloste_active_bundle" );'; }
view() { curl -s "$URL/?page_id=$1"; }
notice_sha() { view "$1" | php -r '$h=stream_get_contents(STDIN); echo preg_match("#<div[^>]*class=\"[^\"]*seloste-embed.*?</article>#s",$h,$m) ? hash("sha256",$m[0]) : "none";'; }
has() { grep -qF -- "$2" <<<"$1"; }

# ---------------------------------------------------------------- before any import
section "before any import"
H=$(view "$P_SHORT")
check "visitor sees no placeholder before any import" bash -c '! grep -q seloste-placeholder <<<"$0"' "$H"
H=$(curl -s -b "$ADMIN" "$URL/?page_id=$P_SHORT")
check "admin sees the placeholder before any import" has "$H" "seloste-placeholder"

# ---------------------------------------------------------------- configure the public key through the settings form
section "configure the public key through the settings form"
SETTINGS_NONCE=$(nonce_of seloste-settings-form)
check "settings form has a nonce" test -n "$SETTINGS_NONCE"
CODE=$(curl -s -o /dev/null -w '%{http_code}' -b "$ADMIN" -c "$ADMIN" \
	--data-urlencode "option_page=seloste" --data-urlencode "action=update" --data-urlencode "_wpnonce=$SETTINGS_NONCE" \
	--data-urlencode "_wp_http_referer=/wp-admin/options-general.php?page=seloste" \
	--data-urlencode "seloste_settings[public_key]=$PUBKEY" --data-urlencode "seloste_settings[keep_versions]=10" \
	--data-urlencode "seloste_settings[fetch_interval]=daily" --data-urlencode "seloste_settings[native_method]=auto" \
	"$URL/wp-admin/options.php")
check "settings form saves (302)" test "$CODE" = 302
check "public key stored" test "$(wpphp 'echo seloste_settings()["public_key"];')" = "$PUBKEY"

# ---------------------------------------------------------------- import through the admin upload form
section "import through the admin upload form"
NONCE=$(nonce_of seloste-upload-form)
check "upload form has a nonce" test -n "$NONCE"
R=$(upload "$ADMIN" "$T/bundle.zip" "$NONCE")
check "signed bundle upload redirects with ok ($R)" has "$R" "seloste_result=ok"
LIVE=$(active)
check "a bundle is live after the upload" test "$LIVE" -gt 0
check "the live bundle's signature was verified" test "$(wpphp "echo get_post_meta( $LIVE, '_seloste_sig_checked', true );")" = 1
check "the uploaded zip is kept in the protected folder" test -f "$SITE/wp-content/uploads/seloste/bundles/bundle-$LIVE.zip"
check "uploads/seloste has a deny-all .htaccess" grep -q "Require all denied" "$SITE/wp-content/uploads/seloste/.htaccess"
check "uploads/seloste has an index.php" test -f "$SITE/wp-content/uploads/seloste/index.php"
check "no staging leftovers" test -z "$(find "$SITE/wp-content/uploads/seloste/staging" -mindepth 1 -type d 2>/dev/null)"
SP=$(admin_page "&seloste_result=ok")
check "settings page reports the import" has "$SP" 'data-result="ok"'
check "settings page shows the engine version" has "$SP" "$(php -r 'echo htmlspecialchars(json_decode(file_get_contents($argv[1]),true)["generator"]);' "$T/bundle/manifest.json")"
check "settings page shows the active path" has "$SP" "Active path"
NF=$(php -r 'echo count(json_decode(file_get_contents($argv[1]),true)["findings"] ?? []);' "$T/bundle/manifest.json")
check "settings page shows the bundle's $NF findings" has "$SP" "carried in the bundle ($NF)"
if [ "$NF" -gt 0 ]; then
	FMSG=$(php -r '$f=json_decode(file_get_contents($argv[1]),true)["findings"][0]; $m=$f["message"]; if (is_array($m)) $m=$m["en"] ?? reset($m); echo htmlspecialchars(mb_substr($m, 0, 40), ENT_QUOTES);' "$T/bundle/manifest.json")
	check "settings page shows a finding's message" has "$SP" "$FMSG"
fi

# ---------------------------------------------------------------- pages over HTTP
section "pages over HTTP"
H=$(view "$P_SHORT")
check "shortcode page (fi) shows the register name" has "$H" "$NAME_FI"
check "shortcode page (fi) shows the business ID" has "$H" "$BID"
check "shortcode page carries lang=fi on the notice" has "$H" 'lang="fi"'
check "shortcode page has the theme stylesheet inline" has "$H" "seloste-default-inline-css"
H=$(view "$P_BLOCK")
check "block page (sv) shows the Swedish register name" has "$H" "$NAME_SV"
check "block page (sv) shows the business ID" has "$H" "$BID"
check "block page has the block wrapper class" has "$H" "wp-block-seloste-notice"
H=$(view "$P_AUTO")
check "page-language shortcode follows get_locale() (en_US -> en)" has "$H" "$NAME_EN"
H=$(view "$P_MISSING")
check "missing register: visitors get the page" has "$H" "After."
check "missing register: visitors see no placeholder" bash -c '! grep -q seloste-placeholder <<<"$0"' "$H"
H=$(curl -s -b "$EDITOR" "$URL/?page_id=$P_MISSING")
check "missing register: editors see a placeholder" has "$H" "seloste-placeholder"
SHA_SHORT=$(notice_sha "$P_SHORT")
SHA_BLOCK=$(notice_sha "$P_BLOCK")
check "notice markup found on the pages" test "$SHA_SHORT" != none -a "$SHA_BLOCK" != none

# Block editor data and REST route.
R=$(curl -s -b "$ADMIN" "$URL/wp-admin/post.php?post=$P_BLOCK&action=edit")
check "block editor gets the picker data" has "$R" "window.selosteEditorData"
check "block editor data lists the register" has "$R" "\"$REG\""
REST_NONCE=$(php -r 'if (preg_match("#wpApiSettings = (\{.*?\});#", stream_get_contents(STDIN), $m)) echo json_decode($m[1], true)["nonce"] ?? "";' <<<"$R")
[ -z "$REST_NONCE" ] && REST_NONCE=$(curl -s -b "$ADMIN" "$URL/wp-admin/admin-ajax.php?action=rest-nonce")
R=$(curl -s -b "$ADMIN" -H "X-WP-Nonce: $REST_NONCE" "$URL/?rest_route=/seloste/v1/manifest")
check "REST manifest route answers editors" has "$R" "\"$REG\""
CODE=$(curl -s -o /dev/null -w '%{http_code}' "$URL/?rest_route=/seloste/v1/manifest")
check "REST manifest route refuses visitors (401)" test "$CODE" = 401
R=$(curl -s -b "$ADMIN" -H "X-WP-Nonce: $REST_NONCE" "$URL/?rest_route=/wp/v2/block-renderer/seloste/notice&context=edit&attributes%5Bregister%5D=$REG&attributes%5Blang%5D=fi")
check "editor preview (ServerSideRender endpoint) renders the notice" has "$R" "$BID"

# ---------------------------------------------------------------- axe on a WordPress page
section "axe on a WordPress page"
rm -rf "$T/node" && mkdir "$T/node" && cp "$HERE/package.json" "$HERE/package-lock.json" "$HERE/axe.mjs" "$T/node/"
if (cd "$T/node" && npm ci --no-audit --no-fund --loglevel=error >"$T/npm.log" 2>&1); then
	AXE=$(cd "$T/node" && node axe.mjs "$URL/?page_id=$P_SHORT" "$URL/?page_id=$P_BLOCK" 2>"$T/axe.err")
	echo "$AXE" >"$T/axe.json"
	for id in "$P_SHORT" "$P_BLOCK"; do
		LINE=$(grep -F "\"url\":\"$URL/?page_id=$id\"" <<<"$AXE")
		read -r EMB NV TV < <(php -r '$j=json_decode($argv[1],true); echo ($j["embeds"]??0)," ",count($j["notice"]??[1])," ",count($j["theme"]??[]);' "$LINE")
		check "axe ran on page $id with the notice on it" test "${EMB:-0}" -ge 1
		check "axe: no violations inside the notice's markup on page $id ($NV)" test "${NV:-1}" = 0
		[ "${NV:-1}" = 0 ] || php -r 'foreach (json_decode($argv[1],true)["notice"] as $v) echo "  notice: {$v["id"]} {$v["target"]}\n";' "$LINE"
		if [ "${TV:-0}" != 0 ]; then
			echo "note: the WordPress theme itself has $TV axe violation node(s) on page $id (outside the notice; not counted):"
			php -r 'foreach (json_decode($argv[1],true)["theme"] as $v) echo "  theme: {$v["id"]} {$v["target"]}\n";' "$LINE"
		fi
	done
	# The block in the real block editor: editor.js registers it, the picker lists the
	# manifest's registers, and the preview is the server's own output.
	cp "$HERE/editor.mjs" "$T/node/"
	ED=$(cd "$T/node" && node editor.mjs "$ADMIN" "$URL/wp-admin/post.php?post=$P_BLOCK&action=edit" "$BID" 2>"$T/editor.err")
	echo "editor: $ED"
	check "block editor: editor.js registers seloste/notice" has "$ED" '"registered":true'
	check "block editor: ServerSideRender preview shows the notice" has "$ED" '"preview":true'
	check "block editor: the register picker lists the manifest's registers" has "$ED" "\"$REG\""
	check "block editor: no script errors" has "$ED" '"errors":[]'
	check "block editor: the language picker says suomi / svenska / English" has "$ED" '"suomi","svenska","English"'
	check "block editor: the preview has the notice stylesheet" has "$ED" '"styled":true'
else
	fail "npm ci for axe-core/playwright-core failed: $(tail -5 "$T/npm.log")"
fi

# ---------------------------------------------------------------- refusals leave the live notices untouched
section "refusals leave the live notices untouched"
unchanged() { # description
	check "$1: the same bundle stays live" test "$(active)" = "$LIVE"
	check "$1: the shortcode page is unchanged" test "$(notice_sha "$P_SHORT")" = "$SHA_SHORT"
	check "$1: the block page is unchanged" test "$(notice_sha "$P_BLOCK")" = "$SHA_BLOCK"
}
last_code() { wpphp 'echo get_option( "seloste_last_import" )["code"] ?? "";'; }
last_message() { wpphp 'echo get_option( "seloste_last_import" )["message"] ?? "";'; }

R=$(upload "$ADMIN" "$T/tampered.zip" "$(nonce_of seloste-upload-form)")
check "tampered page is refused ($R)" has "$R" "seloste_result=refused"
check "tampered page is refused as a hash mismatch" test "$(last_code)" = seloste_hash_mismatch
unchanged "tampered page"
H=$(admin_page "&seloste_result=refused")
check "the settings page says why" has "$H" "does not match the manifest"

R=$(upload "$ADMIN" "$T/wrongsig.zip" "$(nonce_of seloste-upload-form)")
check "wrong signature is refused ($R)" has "$R" "seloste_result=refused"
check "wrong signature is refused as such" test "$(last_code)" = seloste_bad_signature
unchanged "wrong signature"

R=$(upload "$ADMIN" "$T/unsigned.zip" "$(nonce_of seloste-upload-form)")
check "unsigned bundle is refused while a key is set" test "$(last_code)" = seloste_unsigned
unchanged "unsigned bundle"

R=$(upload "$ADMIN" "$T/extra.zip" "$(nonce_of seloste-upload-form)")
check "bundle with an unlisted file is refused" test "$(last_code)" = seloste_unlisted
unchanged "unlisted file"
check "the unlisted .php file was not left in uploads" test -z "$(find "$SITE/wp-content/uploads" -name evil.php)"

wpphp 'update_option( "seloste_last_import", array( "marker" => 1 ) );'
R=$(upload "$ADMIN" "$T/bundle.zip" "")
check "upload without a nonce is refused (403): $R" test "${R%% *}" = 403
check "upload without a nonce never reached the import" test "$(wpphp 'echo get_option( "seloste_last_import" )["marker"] ?? 0;')" = 1
unchanged "upload without a nonce"

# The editor lacks manage_options; even with a nonce of their own, the capability check refuses first.
EDITOR_NONCE=$(curl -s -b "$EDITOR" "$URL/wp-admin/profile.php" | php -r 'if (preg_match("#name=\"_wpnonce\" value=\"([0-9a-f]+)\"#", stream_get_contents(STDIN), $m)) echo $m[1];')
R=$(upload "$EDITOR" "$T/bundle.zip" "$EDITOR_NONCE")
check "upload by an editor is refused (403): $R" test "${R%% *}" = 403
check "upload by an editor is refused by the capability check" grep -q "not allowed to manage Seloste" "$T/upload.out"
check "upload by an editor never reached the import" test "$(wpphp 'echo get_option( "seloste_last_import" )["marker"] ?? 0;')" = 1
unchanged "upload by an editor"
CODE=$(curl -s -o /dev/null -w '%{http_code}' -b "$EDITOR" "$URL/wp-admin/options-general.php?page=seloste")
check "editor cannot open the settings page ($CODE)" test "$CODE" = 403

# ---------------------------------------------------------------- native path: the plain PHP script
section "native path: the plain PHP script"
NATIVE_FIELDS='id="seloste-(native_method|library_path|binary_path|sources|sign_key_path|web_native)"'
check "with the seloste-native add-on active the settings page has the native fields" test "$(admin_page | grep -oE "$NATIVE_FIELDS" | sort -u | wc -l)" = 6
wpphp 'deactivate_plugins( "seloste-native/seloste-native.php" );'
check "without the add-on the settings page has no native field" bash -c '! grep -qE "$1" <<<"$0"' "$(admin_page)" "$NATIVE_FIELDS"
check "without the add-on Site Health has no native test" bash -c '! grep -q seloste_native <<<"$0"' "$(wpphp 'echo implode( ",", array_keys( apply_filters( "site_status_tests", array( "direct" => array(), "async" => array() ) )["direct"] ) );')"
wpphp 'activate_plugin( "seloste-native/seloste-native.php" );'
LIB=""
[ -n "$BUILD" ] && [ -f "$BUILD/bindings/c/libseloste_c.so" ] && LIB="$BUILD/bindings/c/libseloste_c.so"
[ -n "${SELOSTE_C_LIB:-}" ] && [ -f "$SELOSTE_C_LIB" ] && LIB="$SELOSTE_C_LIB"
NATIVE_SRC=("${EXAMPLES[0]}")
if [ -n "$LIB" ]; then
	NATIVE_ARGS=(--method=ffi "--library=$LIB")
	METHOD=ffi
else
	NATIVE_ARGS=(--method=binary "--binary=$SELOSTE_BIN")
	METHOD=binary
	echo "note: no libseloste_c.so (SELOSTE_C_LIB or \$SELOSTE_BUILD_DIR/bindings/c); the native path runs through the binary"
fi
OUT=$(php -d ffi.enable=preload "$SITE/wp-content/plugins/seloste-native/bin/seloste-build.php" "--wp=$SITE" "${NATIVE_ARGS[@]}" "--sign=$T/key" "${NATIVE_SRC[@]}" 2>&1)
RC=$?
echo "$OUT"
check "native build ($METHOD) through bin/seloste-build.php succeeds" test "$RC" = 0
NATIVE=$(active)
if [ "$NREG" -gt 1 ] && [ ${#EXAMPLES[@]} -gt 1 ]; then
	check "native build published a new bundle" test "$NATIVE" != "$LIVE"
fi
check "native build recorded as the last import, via $METHOD" test "$(wpphp 'echo get_option( "seloste_last_import" )["source"] ?? "", "/", (int) ( get_option( "seloste_last_import" )["ok"] ?? 0 ), "/", get_option( "seloste_native_info" )["method"] ?? "";')" = "native/1/$METHOD"
if [ "$NATIVE" != "$LIVE" ]; then
	check "the new native bundle is stored as native via $METHOD" test "$(wpphp "echo get_post_meta( $NATIVE, '_seloste_source', true ), '/', get_post_meta( $NATIVE, '_seloste_extra', true )['method'] ?? '';")" = "native/$METHOD"
fi
check "native bundle's signature was verified" test "$(wpphp "echo get_post_meta( $NATIVE, '_seloste_sig_checked', true );")" = 1
check "native engine version recorded" test -n "$(wpphp 'echo get_option( "seloste_native_info" )["engine"] ?? "";')"
# The native path keeps the notices' versions between builds (docs/history.md).
check "native build keeps the version snapshots in uploads/seloste/history" test -n "$(find "$SITE/wp-content/uploads/seloste/history" -name '????-??-??.xml' 2>/dev/null | head -1)"
# The same bundle as `seloste build` of that source: same manifest bytes.
"$SELOSTE_BIN" build --sign "$T/key" "${NATIVE_SRC[@]}" -o "$T/native-ref" >/dev/null 2>&1
check "native path produced the same bundle as seloste build" test "$(wpphp "echo get_post_meta( $NATIVE, '_seloste_manifest_sha256', true );")" = "$(sha256sum <"$T/native-ref/manifest.json" | cut -d' ' -f1)"
OUT=$(php "$SITE/wp-content/plugins/seloste-native/bin/seloste-build.php" "--wp=$SITE" --method=binary --binary=/nonexistent/seloste "${NATIVE_SRC[@]}" 2>&1)
RC=$?
check "native build with a missing binary fails cleanly (exit 1)" test "$RC" = 1
check "a failed native build leaves the bundle live" test "$(active)" = "$NATIVE"
CODE=$(curl -s -o /dev/null -w '%{http_code}' "$URL/wp-content/plugins/seloste-native/bin/seloste-build.php")
check "bin/seloste-build.php refuses web requests ($CODE)" test "$CODE" = 403

# ---------------------------------------------------------------- history, diff and rollback
section "history, diff and rollback"
if [ "$NATIVE" != "$LIVE" ]; then
	H=$(admin_page "&view=diff&bundle=$NATIVE")
	check "diff view compares with the previous import" has "$H" "since #$LIVE"
	check "diff view lists the notices the smaller native build removed" bash -c '! grep -q "Removed notices (0)" <<<"$0" && grep -q "Removed notices (" <<<"$0"' "$H"
	ROLL_NONCE=$(admin_page | php -r 'if (preg_match("#name=\"action\" value=\"seloste_rollback\".*?name=\"_wpnonce\" value=\"([0-9a-f]+)\"#s", stream_get_contents(STDIN), $m)) echo $m[1];')
	R=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$ADMIN" -d action=seloste_rollback -d "bundle=$LIVE" -d "_wpnonce=$ROLL_NONCE" "$URL/wp-admin/admin-post.php")
	check "rollback through the history form ($R)" has "$R" "seloste_result=ok"
	check "rollback made the first import live again" test "$(active)" = "$LIVE"
	check "after rollback the pages show the first import" test "$(notice_sha "$P_SHORT")" = "$SHA_SHORT"
	R=$(curl -s -o /dev/null -w '%{http_code}' -b "$ADMIN" -d action=seloste_rollback -d "bundle=$NATIVE" "$URL/wp-admin/admin-post.php")
	check "rollback without a nonce is refused ($R)" test "$R" = 403
	check "rollback without a nonce changed nothing" test "$(active)" = "$LIVE"
else
	H=$(admin_page "&view=diff&bundle=$LIVE")
	check "diff view of the first import" has "$H" "the first import"
fi

# ---------------------------------------------------------------- version history (#15)
. "$HERE/history.sh"
. "$HERE/i18n.sh"
. "$HERE/admin.sh"

# ---------------------------------------------------------------- native build from a web request (FFI only, only when enabled)
section "native build from a web request (FFI only, only when enabled)"
if [ -n "$LIB" ] && [ ${#EXAMPLES[@]} -gt 1 ]; then
	WEB_SRC="${EXAMPLES[1]}"
	wpphp "
\$s = get_option( 'seloste_settings' );
\$s['library_path'] = '$LIB'; \$s['sources'] = '$WEB_SRC'; \$s['sign_key_path'] = '$T/key'; \$s['native_method'] = 'ffi'; \$s['web_native'] = false;
update_option( 'seloste_settings', \$s );"
	check "native settings saved for the web build" test "$(wpphp 'echo seloste_settings()["sources"];')" = "$WEB_SRC"
	check "no web build button while web builds are off" bash -c '! grep -q "value=\"seloste_native_build\"" <<<"$0"' "$(admin_page)"
	wpphp "\$s = get_option( 'seloste_settings' ); \$s['web_native'] = true; update_option( 'seloste_settings', \$s );"
	H=$(admin_page)
	check "web build button once enabled (php -S runs with ffi.enable=1)" has "$H" 'value="seloste_native_build"'
	BUILD_NONCE=$(php -r 'if (preg_match("#name=\"action\" value=\"seloste_native_build\".*?name=\"_wpnonce\" value=\"([0-9a-f]+)\"#s", stream_get_contents(STDIN), $m)) echo $m[1];' <<<"$H")
	BEFORE_WEB=$(active)
	R=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "$ADMIN" -d action=seloste_native_build -d "_wpnonce=$BUILD_NONCE" "$URL/wp-admin/admin-post.php")
	echo "web build: $(last_message)"
	check "native build from the settings page via FFI ($R)" has "$R" "seloste_result=ok"
	WEB_LIVE=$(active)
	check "the web build published a new bundle" test "$WEB_LIVE" != "$BEFORE_WEB"
	check "the web build ran through FFI in the web request" test "$(wpphp "\$e = get_post_meta( $WEB_LIVE, '_seloste_extra', true ); echo get_post_meta( $WEB_LIVE, '_seloste_source', true ), '/', \$e['method'] ?? '', '/', \$e['context'] ?? '';")" = "native/ffi/web"
	wpphp "\$s = get_option( 'seloste_settings' ); \$s['web_native'] = false; \$s['sources'] = ''; update_option( 'seloste_settings', \$s );"
else
	echo "note: web FFI build not tested (needs libseloste_c.so and two examples)"
fi

# ---------------------------------------------------------------- scheduled fetch (wp-cron + wp_remote_get)
section "scheduled fetch (wp-cron + wp_remote_get): only over https and only signed"
"$SELOSTE_BIN" build --sign "$T/key" "${NATIVE_SRC[@]}" -o "$T/fetchme" >/dev/null 2>&1
(cd "$T/fetchme" && zip -qr "$SITE/fetch-bundle.zip" .)
BEFORE=$(active)
fetch_settings() { # url key enabled
	wpphp "\$s = get_option( 'seloste_settings' ); \$s['fetch_enabled'] = (bool) $3; \$s['fetch_url'] = '$1'; \$s['fetch_interval'] = 'hourly'; \$s['public_key'] = '$2'; update_option( 'seloste_settings', \$s );"
}
scheduled() { wpphp 'echo wp_next_scheduled( "seloste_scheduled_fetch" );'; }
# An http:// URL, with the key set: refused, never scheduled, and the settings page says why.
fetch_settings "$URL/fetch-bundle.zip" "$PUBKEY" 1
check "an http:// fetch URL is never scheduled" test -z "$(scheduled)"
wpphp 'do_action( "seloste_scheduled_fetch" );'
check "an http:// fetch is refused ($(last_message))" test "$(last_code)" = seloste_fetch_insecure
check "a refused http:// fetch leaves the live bundle" test "$(active)" = "$BEFORE"
H=$(admin_page)
check "the settings page says the http:// fetch is refused" bash -c 'grep -q "id=\"seloste-fetch-refused\"" <<<"$0" && grep -q "is not https://" <<<"$0"' "$H"
check "the settings page offers no Fetch now for an http:// URL" bash -c '! grep -q "value=\"seloste_fetch\"" <<<"$0"' "$H"
# An https server on 127.0.0.1 (openssl s_server, a throw-away certificate that WordPress is told to trust).
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/tls.key" -out "$T/tls.crt" -days 2 -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" >"$T/tls-req.log" 2>&1 || die "openssl req failed: $(cat "$T/tls-req.log")"
TLS_PORT=$(free_port)
mkdir -p "$T/www"
(cd "$T/www" && exec setsid openssl s_server -quiet -WWW -accept "127.0.0.1:$TLS_PORT" -cert "$T/tls.crt" -key "$T/tls.key") >"$T/tls.log" 2>&1 &
TLS_PID=$!
TLS="https://127.0.0.1:$TLS_PORT"
cat >"$SITE/wp-content/mu-plugins/test-https.php" <<EOF
<?php
add_filter( 'http_request_args', function ( \$args, \$url ) {
	if ( 0 === strpos( \$url, '$TLS/' ) ) { \$args['sslcertificates'] = '$T/tls.crt'; }
	return \$args;
}, 10, 2 );
add_filter( 'http_allowed_safe_ports', function ( \$ports ) { \$ports[] = $TLS_PORT; return \$ports; } );
EOF
cp "$SITE/fetch-bundle.zip" "$T/www/fetch-bundle.zip"
for _ in $(seq 1 50); do curl -s -o /dev/null --cacert "$T/tls.crt" "$TLS/fetch-bundle.zip" && break; sleep 0.1; done
# An https URL without a public key: refused, never scheduled.
fetch_settings "$TLS/fetch-bundle.zip" "" 1
check "an https:// fetch without a public key is never scheduled" test -z "$(scheduled)"
wpphp 'do_action( "seloste_scheduled_fetch" );'
check "an https:// fetch without a public key is refused ($(last_message))" test "$(last_code)" = seloste_fetch_unsigned
check "a refused unsigned fetch leaves the live bundle" test "$(active)" = "$BEFORE"
check "the settings page says a fetch needs the public key" has "$(admin_page)" "No signing public key is configured"
# https and the key: scheduled, fetched, verified.
fetch_settings "$TLS/fetch-bundle.zip" "$PUBKEY" 1
check "enabling fetch (https, public key) schedules the wp-cron event" test -n "$(scheduled)"
wpphp 'do_action( "seloste_scheduled_fetch" );'
echo "fetch: $(last_message)"
check "the scheduled fetch imported the bundle" test "$(wpphp 'echo get_option( "seloste_last_import" )["source"] ?? "", "/", (int) ( get_option( "seloste_last_import" )["ok"] ?? 0 );')" = "fetch/1"
check "the fetched bundle is live" test "$(wpphp "echo get_post_meta( (int) get_option( 'seloste_active_bundle' ), '_seloste_manifest_sha256', true );")" = "$(sha256sum <"$T/fetchme/manifest.json" | cut -d' ' -f1)"
(cd "$T/tampered" && rm -f "$T/www/fetch-bundle.zip" && zip -qr "$T/www/fetch-bundle.zip" .)
AFTER=$(active)
wpphp 'do_action( "seloste_scheduled_fetch" );'
check "a tampered fetched bundle is refused" test "$(last_code)" = seloste_hash_mismatch
check "a tampered fetched bundle leaves the live one" test "$(active)" = "$AFTER"
wpphp "\$s = get_option( 'seloste_settings' ); \$s['fetch_enabled'] = false; update_option( 'seloste_settings', \$s );"
check "disabling fetch unschedules it" test -z "$(scheduled)"
kill -- "-$TLS_PID" 2>/dev/null
TLS_PID=""

# ---------------------------------------------------------------- Site Health, privacy page
section "Site Health, privacy page"
R=$(wpphp '
$t = apply_filters( "site_status_tests", array( "direct" => array(), "async" => array() ) );
foreach ( $t["direct"] as $id => $test ) { if ( 0 === strpos( $id, "seloste_" ) ) { $r = call_user_func( $test["test"] ); echo $id, "=", $r["status"], "\n"; } }')
echo "$R"
for t in seloste_uploads_writable=good seloste_zip=good seloste_sodium=good seloste_native=good seloste_object_cache=recommended; do
	check "Site Health: $t" has "$R" "$t"
done
PRIV_NONCE=$(admin_page | php -r 'if (preg_match("#name=\"action\" value=\"seloste_privacy_page\".*?name=\"_wpnonce\" value=\"([0-9a-f]+)\"#s", stream_get_contents(STDIN), $m)) echo $m[1];')
R=$(curl -s -o /dev/null -w '%{http_code}' -b "$ADMIN" -d action=seloste_privacy_page -d "seloste_privacy_page=$P_SHORT" -d "_wpnonce=$PRIV_NONCE" "$URL/wp-admin/admin-post.php")
check "privacy policy page can be chosen on the settings page" test "$(wpphp 'echo (int) get_option( "wp_page_for_privacy_policy" );')" = "$P_SHORT"

# ---------------------------------------------------------------- a bundle with every built-in theme
H=$(view "$P_LAYERED")
check "theme missing from the live bundle: visitors see nothing broken" bash -c '! grep -q "seloste-placeholder" <<<"$0" && grep -q "Layered theme" <<<"$0"' "$H"
(cd "$T/themes" && zip -qr "$T/themes.zip" .)
R=$(upload "$ADMIN" "$T/themes.zip" "$(nonce_of seloste-upload-form)")
check "bundle with every theme (${THEMES[*]}) is accepted ($R)" has "$R" "seloste_result=ok"
H=$(view "$P_LAYERED")
check "theme=\"layered\" serves the layered fragment" has "$H" "<details"
check "theme=\"layered\" adds the layered stylesheet" has "$H" "seloste-layered-inline-css"
check "theme=\"layered\" page shows the business ID" has "$H" "$BID"
H=$(view "$P_SHORT")
check "the default-theme page still shows the default theme" has "$H" "seloste-default-inline-css"
if [ -f "$T/node/axe.mjs" ] && [ -d "$T/node/node_modules" ]; then
	LINE=$(cd "$T/node" && node axe.mjs "$URL/?page_id=$P_LAYERED" 2>>"$T/axe.err")
	read -r EMB NV TV < <(php -r '$j=json_decode($argv[1],true); echo ($j["embeds"]??0)," ",count($j["notice"]??[1])," ",count($j["theme"]??[]);' "$LINE")
	check "axe: no violations inside the layered notice's markup ($NV, on a page with $EMB notice)" test "${EMB:-0}" -ge 1 -a "${NV:-1}" = 0
	[ "${NV:-1}" = 0 ] || php -r 'foreach (json_decode($argv[1],true)["notice"] ?? [] as $v) echo "  notice: {$v["id"]} {$v["target"]}\n";' "$LINE"
	[ "${TV:-0}" = 0 ] || echo "note: the WordPress theme itself has $TV axe violation node(s) on the layered page (outside the notice; not counted)"
fi

# ---------------------------------------------------------------- markup policy: the issue's stored XSS; accepted variants in Chromium
section "markup policy: the issue's stored XSS; accepted variants in Chromium"
check "the installed plugin ships core/data/markup-policy.json unchanged" cmp -s "$SRC/core/data/markup-policy.json" "$SITE/wp-content/plugins/seloste/data/markup-policy.json"
BASE=$(active)
BASE_SHORT=$(notice_sha "$P_SHORT")
BASE_BLOCK=$(notice_sha "$P_BLOCK")
still_live() { # description
	check "$1: the same bundle stays live" test "$(active)" = "$BASE"
	check "$1: the shortcode page is unchanged" test "$(notice_sha "$P_SHORT")" = "$BASE_SHORT"
	check "$1: the block page is unchanged" test "$(notice_sha "$P_BLOCK")" = "$BASE_BLOCK"
}
FRAG_FI=$(php -r '$m=json_decode(file_get_contents($argv[1]),true); foreach($m["pages"] as $p) if($p["kind"]==="fragment" && $p["register"]===$argv[2] && $p["lang"]==="fi" && ($p["theme"]??"default")==="default") { echo $p["path"]; break; }' "$T/themes/manifest.json" "$REG")
variant() { # name keyfile|- fragment-file -> $T/name.zip: the every-theme bundle with the fi default fragment replaced
	rm -rf "$T/$1" "$T/$1.zip" && cp -r "$T/themes" "$T/$1"
	php "$HERE/php/rebundle.php" "$T/$1" "$2" "$FRAG_FI=@$3"
	(cd "$T/$1" && zip -qr "$T/$1.zip" .)
}
with_link() { # href -> the fi fragment with one more link
	php -r '$s=file_get_contents($argv[1]); $p=strpos($s,"</p>"); echo substr_replace($s, "<a href=\"".$argv[2]."\">click</a>", $p, 0);' "$T/themes/$FRAG_FI" "$1"
}
set_key() { wpphp "\$s = get_option( 'seloste_settings' ); \$s['public_key'] = '$1'; update_option( 'seloste_settings', \$s );"; }
# The issue's reproduction: no public key, an unsigned upload (the same holds for any unsigned path).
set_key ""
for href in 'javascript&colon;alert(document.domain)' 'javascript&#58alert(document.domain)'; do
	with_link "$href" >"$T/xss.frag"
	variant xss - "$T/xss.frag"
	R=$(upload "$ADMIN" "$T/xss.zip" "$(nonce_of seloste-upload-form)")
	check "no key, unsigned upload with href=\"$href\" is refused ($R)" has "$R" "seloste_result=refused"
	MSG=$(last_message)
	check "  ... by the markup policy, naming file, line and column ($MSG)" test "$(last_code)" = seloste_markup -a "${MSG#"$FRAG_FI":*:*: error: }" != "$MSG"
	still_live "unsigned $href"
done
check "the settings page shows where the markup is refused" has "$(admin_page "&seloste_result=refused")" "$FRAG_FI:"
set_key "$PUBKEY"
with_link 'javascript&colon;alert(document.domain)' >"$T/xss.frag"
variant xss-signed "$T/key" "$T/xss.frag"
R=$(upload "$ADMIN" "$T/xss-signed.zip" "$(nonce_of seloste-upload-form)")
check "a correctly signed bundle with href=\"javascript&colon;...\" is refused too ($R)" test "$(last_code)" = seloste_markup
still_live "signed javascript&colon;"
# The accepted corpus fragments, served through the shortcode: clicking every link runs no script.
# One JSON-LD script per fragment (markup-policy.json: json_ld): the real fragment's; the appended cases lose theirs.
php -r '$d=$argv[1]; $out=file_get_contents($argv[2]); foreach (json_decode(file_get_contents("$d/cases.json"),true) as $c) { if ($c["kind"]==="fragment" && $c["expect"]==="accept") { $out .= preg_replace("#<script type=\"application/ld\\+json\">[^<]*</script>\n?#", "", file_get_contents("$d/".$c["file"])); } } echo $out;' "$SRC/tests/fixtures/markup" "$T/themes/$FRAG_FI" >"$T/accepted.frag"
variant accepted "$T/key" "$T/accepted.frag"
R=$(upload "$ADMIN" "$T/accepted.zip" "$(nonce_of seloste-upload-form)")
check "a bundle with every accepted corpus fragment is accepted ($R: $(last_message))" has "$R" "seloste_result=ok"
VARIANT=$(active)
wpphp "echo seloste_notice_html( array( 'register' => '$REG', 'lang' => 'fi', 'theme' => 'default' ) );" >"$T/accepted.served"
check "the plugin serves the accepted fragment byte for byte" cmp -s "$T/accepted.served" "$T/accepted.frag"
php -r '$p=file_get_contents($argv[1]); $f=file_get_contents($argv[2]); if (false === strpos($p, $f)) { $a=strpos($p, substr($f, 0, 200)); $d=$a===false?-1:strspn(substr($p,$a) ^ $f, "\0"); echo "note: WordPress content filters changed the notice on the page after the shortcode, at byte $d: ", json_encode(substr($f, max(0,$d-40), 80)), " became ", json_encode($a===false?"":substr($p, $a+max(0,$d-40), 80)), "\n"; }' "$URL/?page_id=$P_SHORT" "$T/accepted.frag"
if [ -f "$T/node/axe.mjs" ] && [ -d "$T/node/node_modules" ]; then
	cp "$HERE/axe.mjs" "$T/node/axe.mjs"
	LINE=$(cd "$T/node" && node axe.mjs --click "$URL/?page_id=$P_SHORT" 2>>"$T/click.err")
	echo "click: $LINE"
	read -r NL NC ND CTL < <(php -r '$j=json_decode($argv[1],true); echo (int)($j["links"]??0)," ",(int)($j["clicked"]??0)," ",count($j["dialogs"]??[1])," ",!empty($j["control"])?1:0;' "$LINE")
	check "Chromium: clicked every link of the served notice ($NC of $NL)" test "${NL:-0}" -ge 5 -a "${NC:-0}" = "${NL:-x}"
	check "Chromium: no link of an accepted variant ran script ($ND dialogs)" test "${ND:-1}" = 0
	check "Chromium: the same click on an injected javascript: link does run (the probe works)" test "${CTL:-0}" = 1
else
	fail "Chromium click test: no node_modules from the axe section"
fi
wpphp "seloste_publish( $BASE ); seloste_delete_bundle( $VARIANT );"
check "the earlier bundle is live again" test "$(active)" = "$BASE"

# ---------------------------------------------------------------- PHPUnit against the same WordPress
section "PHPUnit against the same WordPress"
if SELOSTE_WP_DIR="$SITE" SELOSTE_TEST_TMP="$T" SELOSTE_SOURCE_DIR="$SRC" phpunit --do-not-cache-result -c "$HERE/phpunit/phpunit.xml" >"$T/phpunit.log" 2>&1; then
	pass "PHPUnit: $(grep -E '^OK' "$T/phpunit.log")"
else
	fail "PHPUnit"
	tail -40 "$T/phpunit.log"
fi

# ---------------------------------------------------------------- uninstall
section "uninstall"
wpphp '
deactivate_plugins( "seloste/seloste.php" );
uninstall_plugin( "seloste/seloste.php" );'
R=$(wpphp '
global $wpdb;
echo (int) $wpdb->get_var( "SELECT COUNT(*) FROM $wpdb->options WHERE option_name LIKE \"seloste\\_%\"" ), " ",
	(int) $wpdb->get_var( "SELECT COUNT(*) FROM $wpdb->posts WHERE post_type IN (\"seloste_bundle\",\"seloste_file\")" ), " ",
	(int) $wpdb->get_var( "SELECT COUNT(*) FROM $wpdb->postmeta WHERE meta_key LIKE \"\\_seloste\\_%\"" );')
check "uninstall removes options, stored notices and their meta ($R)" test "$R" = "0 0 0"
check "uninstall removes the uploaded bundles" test ! -e "$SITE/wp-content/uploads/seloste"

# ---------------------------------------------------------------- PHP errors from the plugin's own files
section "PHP errors from the plugin's own files"
LOGS=$(cat "$T/debug.log" "$T/server.log" 2>/dev/null | grep -E 'PHP (Fatal|Parse|Warning|Notice|Deprecated|Recoverable)|Uncaught' | grep -E 'plugins/seloste/|plugins/seloste-native/|seloste_' || true)
if [ -z "$LOGS" ]; then pass "no PHP errors, warnings or notices from the plugin's files"; else fail "PHP messages from the plugin:"; echo "$LOGS" | head -20; fi
OTHER=$(grep -cE 'PHP (Fatal|Parse|Warning)' "$T/debug.log" 2>/dev/null || true)
[ "${OTHER:-0}" != 0 ] && echo "note: $OTHER warning/error line(s) from WordPress itself in debug.log (not the plugin's)"

summary
[ "$FAIL" = 0 ]
