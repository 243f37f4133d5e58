# Sourced by run.sh (its helpers and variables): the two zips of
# scripts/package-wordpress. The directory zip holds no process, exec or FFI
# call, no binary and no shared library; the add-on holds the native path.

section "package: the directory zip and the seloste-native add-on"
bash "$SRC/scripts/package-wordpress" "$T/pkg" >"$T/package.log" 2>&1 || die "scripts/package-wordpress failed: $(cat "$T/package.log")"
[ -f "$T/pkg/seloste.zip" ] && [ -f "$T/pkg/seloste-native.zip" ] || die "scripts/package-wordpress made no seloste.zip and seloste-native.zip"
rm -rf "$T/unzip" && mkdir -p "$T/unzip/dir" "$T/unzip/native"
unzip -q "$T/pkg/seloste.zip" -d "$T/unzip/dir" && unzip -q "$T/pkg/seloste-native.zip" -d "$T/unzip/native" || die "cannot unzip the packages"
# What the directory's checks look for: process and exec calls, FFI, binaries, shared libraries.
NATIVE_RE='proc_open|shell_exec|\bexec[[:space:]]*\(|\bFFI\b|\bpopen[[:space:]]*\(|passthru|\bsystem[[:space:]]*\(|pcntl_exec'
forbidden() { # folder -> the offending lines and files
	grep -rnE "$NATIVE_RE" "$1" || true
	find "$1" -type f \( -name '*.so' -o -name '*.so.*' -o -name '*.dll' -o -name '*.dylib' -o -name '*.exe' -o -name 'native.php' \) -print
	find "$1" -type d -name bin -print
	find "$1" -type f -print0 | while IFS= read -r -d '' f; do
		case "$(head -c 4 "$f" | od -An -tx1 | tr -d ' ')" in 7f454c46 | 4d5a*) echo "binary: $f" ;; esac
	done
}
BAD=$(forbidden "$T/unzip/dir")
check "the directory zip has no proc_open, exec, shell_exec, FFI, binary or .so${BAD:+: $(head -5 <<<"$BAD" | tr '\n' ' ')}" test -z "$BAD"
check "the same check finds the native path in the add-on (the probe works)" test -n "$(forbidden "$T/unzip/native")"
check "the directory zip is one folder named seloste" test "$(ls "$T/unzip/dir")" = seloste
check "the directory zip carries the GPL-2.0 licence" grep -q "GNU GENERAL PUBLIC LICENSE" "$T/unzip/dir/seloste/LICENSE"
check "the add-on zip carries the GPL-2.0 licence" grep -q "GNU GENERAL PUBLIC LICENSE" "$T/unzip/native/seloste-native/LICENSE"
check "the add-on is one folder seloste-native with its bin/seloste-build.php" test -f "$T/unzip/native/seloste-native/bin/seloste-build.php"

# readme.txt by the directory's readme rules.
README="$T/unzip/dir/seloste/readme.txt"
SHORT=$(awk 'f && NF { print; exit } /^License URI:/ { f = 1 }' "$README")
check "readme.txt: the short description has at most 150 characters (${#SHORT})" test "${#SHORT}" -gt 0 -a "${#SHORT}" -le 150
WP_MINOR=$(php -r 'include $argv[1]; echo implode(".", array_slice(explode(".", $wp_version), 0, 2));' "$SITE/wp-includes/version.php")
check "readme.txt: Tested up to is the suite's WordPress ($WP_MINOR)" grep -qx "Tested up to: $WP_MINOR" "$README"
check "readme.txt: Stable tag is the plugin's Version" test "$(sed -n 's/^Stable tag: //p' "$README")" = "$(sed -n 's/^ \* Version: *//p' "$T/unzip/dir/seloste/seloste.php")"
for sec in Description Installation 'Frequently Asked Questions' Screenshots Changelog 'Upgrade Notice'; do
	check "readme.txt has the section == $sec ==" grep -qx "== $sec ==" "$README"
done
