<?php
/**
 * Verification of a bundle before anything is published (docs/bundle-format.md):
 * the signature, the format, safe paths, every SHA-256, no unlisted file,
 * and every page, fragment and stylesheet against the markup policy (policy.php).
 *
 * These functions only read: they never publish.
 *
 * @package Seloste
 * @license GPL-2.0-or-later
 */

defined( 'ABSPATH' ) || exit;

/** Limits for an uploaded or fetched zip. */
const SELOSTE_MAX_ENTRIES = 5000;
const SELOSTE_MAX_BYTES   = 67108864; // 64 MiB uncompressed.

/**
 * Whether a path from a manifest or a zip is safe: relative, '/' separated,
 * no empty, '.' or '..' segment, no segment starting with a dot (no .htaccess),
 * no backslash, colon or control character.
 *
 * @param mixed $path Path to test.
 * @return bool
 */
function seloste_is_safe_path( $path ) {
	if ( ! is_string( $path ) || '' === $path || strlen( $path ) > 512 ) {
		return false;
	}
	if ( ! preg_match( '//u', $path ) ) { // Not valid UTF-8.
		return false;
	}
	foreach ( explode( '/', $path ) as $segment ) {
		if ( '' === $segment || '.' === $segment[0] ) {
			return false;
		}
		if ( ! preg_match( '/^[\p{L}\p{N}._-]+$/u', $segment ) ) {
			return false;
		}
	}
	return true;
}

/**
 * Whether a value is a real calendar date written YYYY-MM-DD (a version's date).
 *
 * @param mixed $date Value to test.
 * @return bool
 */
function seloste_is_valid_date( $date ) {
	return is_string( $date ) && preg_match( '/^(\d{4})-(\d{2})-(\d{2})$/D', $date, $m ) && checkdate( (int) $m[2], (int) $m[3], (int) $m[1] );
}

/**
 * Whether pages of a manifest kind are embeddable fragments (checked with the
 * fragment markup policy and stored for the shortcode and block).
 *
 * @param mixed $kind The page's kind.
 * @return bool
 */
function seloste_is_fragment_kind( $kind ) {
	return 'fragment' === $kind || 'version-fragment' === $kind;
}

/**
 * Decodes a base64 key or signature of an exact length.
 *
 * @param string $b64    Base64 text (whitespace around it is ignored).
 * @param int    $length Expected length in bytes.
 * @return string|null Raw bytes, or null when it is not valid.
 */
function seloste_decode_b64( $b64, $length ) {
	$raw = base64_decode( trim( (string) $b64 ), true ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions
	return ( false !== $raw && strlen( $raw ) === $length ) ? $raw : null;
}

/**
 * Whether a public key setting is valid (empty is valid: no signature required).
 *
 * @param string $b64 Base64 public key.
 * @return bool
 */
function seloste_is_valid_public_key( $b64 ) {
	return '' === trim( (string) $b64 ) || null !== seloste_decode_b64( $b64, 32 );
}

/**
 * Extracts a bundle zip into an empty folder, entry by entry, refusing unsafe
 * names, symbolic links and oversized archives. A zip whose files all sit in
 * one top folder (zip -r bundle.zip bundle/) is accepted too.
 *
 * @param string $zip_file The zip.
 * @param string $dest     An empty folder.
 * @return true|WP_Error
 */
function seloste_extract_zip( $zip_file, $dest ) {
	if ( ! class_exists( 'ZipArchive' ) ) {
		return new WP_Error( 'seloste_no_zip', __( 'PHP\'s zip extension (ZipArchive) is missing, so a bundle zip cannot be read.', 'seloste' ) );
	}
	$zip = new ZipArchive();
	if ( true !== $zip->open( $zip_file, ZipArchive::RDONLY ) ) {
		return new WP_Error( 'seloste_bad_zip', __( 'The file is not a readable zip archive.', 'seloste' ) );
	}
	$count = $zip->numFiles;
	if ( $count < 1 || $count > SELOSTE_MAX_ENTRIES ) {
		$zip->close();
		return new WP_Error( 'seloste_bad_zip', __( 'The zip is empty or has too many entries.', 'seloste' ) );
	}
	$names = array();
	$total = 0;
	for ( $i = 0; $i < $count; $i++ ) {
		$stat = $zip->statIndex( $i );
		if ( false === $stat ) {
			$zip->close();
			return new WP_Error( 'seloste_bad_zip', __( 'The zip has an unreadable entry.', 'seloste' ) );
		}
		$opsys = 0;
		$attr  = 0;
		if ( $zip->getExternalAttributesIndex( $i, $opsys, $attr ) && ZipArchive::OPSYS_UNIX === $opsys && 0120000 === ( ( $attr >> 16 ) & 0170000 ) ) {
			$zip->close();
			/* translators: %s: a file name inside the zip */
			return new WP_Error( 'seloste_unsafe_path', sprintf( __( 'The zip contains a symbolic link (%s); bundles never do.', 'seloste' ), $stat['name'] ) );
		}
		$total += (int) $stat['size'];
		$names[ $i ] = (string) $stat['name'];
	}
	if ( $total > SELOSTE_MAX_BYTES ) {
		$zip->close();
		return new WP_Error( 'seloste_bad_zip', __( 'The zip is too large once unpacked.', 'seloste' ) );
	}
	// Accept one top folder around the bundle.
	$prefix = '';
	if ( ! in_array( 'manifest.json', $names, true ) ) {
		foreach ( $names as $name ) {
			if ( preg_match( '#^([^/]+/)manifest\.json$#', $name, $m ) ) {
				$prefix = $m[1];
				break;
			}
		}
	}
	foreach ( $names as $i => $name ) {
		// macOS Finder adds these to zips; they are never part of a bundle, so they are not unpacked.
		if ( 0 === strpos( $name, '__MACOSX/' ) || '.DS_Store' === basename( $name ) ) {
			continue;
		}
		if ( '' !== $prefix ) {
			if ( $name === $prefix ) {
				continue;
			}
			if ( 0 !== strpos( $name, $prefix ) ) {
				$zip->close();
				/* translators: %s: a file name inside the zip */
				return new WP_Error( 'seloste_unlisted', sprintf( __( 'The zip has a file outside the bundle folder: %s', 'seloste' ), $name ) );
			}
			$name = substr( $name, strlen( $prefix ) );
		}
		$is_dir = '/' === substr( $name, -1 );
		$rel    = $is_dir ? substr( $name, 0, -1 ) : $name;
		if ( ! seloste_is_safe_path( $rel ) ) {
			$zip->close();
			/* translators: %s: a file name inside the zip */
			return new WP_Error( 'seloste_unsafe_path', sprintf( __( 'The zip contains an unsafe path: %s', 'seloste' ), $name ) );
		}
		$target = $dest . '/' . $rel;
		if ( $is_dir ) {
			wp_mkdir_p( $target );
			continue;
		}
		wp_mkdir_p( dirname( $target ) );
		$bytes = $zip->getFromIndex( $i );
		if ( false === $bytes || false === file_put_contents( $target, $bytes ) ) { // phpcs:ignore WordPress.WP.AlternativeFunctions
			$zip->close();
			/* translators: %s: a file name inside the zip */
			return new WP_Error( 'seloste_bad_zip', sprintf( __( 'Cannot unpack %s.', 'seloste' ), $name ) );
		}
	}
	$zip->close();
	return true;
}

/**
 * Verifies an unpacked bundle, in the order docs/bundle-format.md gives:
 * 1. the signature (required when a public key is configured),
 * 2. format and format_version,
 * 3. safe paths and every listed file's size and SHA-256,
 * 4. no file that the manifest does not list,
 * then the manifest's structure and every page, fragment and stylesheet
 * against the markup policy.
 *
 * @param string $dir        The unpacked bundle.
 * @param string $public_key Base64 Ed25519 public key, or '' when none is configured.
 * @return array|WP_Error On success: manifest (array), manifest_raw (string),
 *                        manifest_sha256, signed (bool), signature_checked (bool).
 */
function seloste_verify_bundle_dir( $dir, $public_key ) {
	$dir           = untrailingslashit( $dir );
	$manifest_file = $dir . '/manifest.json';
	if ( ! is_file( $manifest_file ) || is_link( $manifest_file ) ) {
		return new WP_Error( 'seloste_no_manifest', __( 'The bundle has no manifest.json.', 'seloste' ) );
	}
	$raw       = (string) file_get_contents( $manifest_file ); // phpcs:ignore WordPress.WP.AlternativeFunctions
	$sig_file  = $dir . '/manifest.json.sig';
	$has_sig   = is_file( $sig_file );
	$checked   = false;
	$key_given = '' !== trim( (string) $public_key );

	// 1. Signature.
	if ( $key_given ) {
		if ( ! function_exists( 'sodium_crypto_sign_verify_detached' ) ) {
			return new WP_Error( 'seloste_no_sodium', __( 'A public key is configured but PHP\'s sodium functions are missing, so the signature cannot be checked.', 'seloste' ) );
		}
		$pk = seloste_decode_b64( $public_key, SODIUM_CRYPTO_SIGN_PUBLICKEYBYTES );
		if ( null === $pk ) {
			return new WP_Error( 'seloste_bad_key', __( 'The configured public key is not a base64 Ed25519 public key (32 bytes).', 'seloste' ) );
		}
		if ( ! $has_sig ) {
			return new WP_Error( 'seloste_unsigned', __( 'The bundle is not signed, and a public key is configured: only signed bundles are accepted.', 'seloste' ) );
		}
		$sig = seloste_decode_b64( (string) file_get_contents( $sig_file ), SODIUM_CRYPTO_SIGN_BYTES ); // phpcs:ignore WordPress.WP.AlternativeFunctions
		if ( null === $sig || ! sodium_crypto_sign_verify_detached( $sig, $raw, $pk ) ) {
			return new WP_Error( 'seloste_bad_signature', __( 'The signature of manifest.json does not match the configured public key.', 'seloste' ) );
		}
		$checked = true;
	}

	// 2. Format.
	$manifest = json_decode( $raw, true );
	if ( ! is_array( $manifest ) ) {
		return new WP_Error( 'seloste_bad_manifest', __( 'manifest.json is not valid JSON.', 'seloste' ) );
	}
	if ( ( $manifest['format'] ?? null ) !== 'seloste-bundle' ) {
		return new WP_Error( 'seloste_bad_manifest', __( 'manifest.json is not a Seloste bundle manifest.', 'seloste' ) );
	}
	if ( ( $manifest['format_version'] ?? null ) !== SELOSTE_BUNDLE_FORMAT_VERSION ) {
		/* translators: %s: a version number */
		return new WP_Error( 'seloste_bad_manifest', sprintf( __( 'Unsupported bundle format version %s.', 'seloste' ), wp_json_encode( $manifest['format_version'] ?? null ) ) );
	}
	$structure = seloste_check_manifest_structure( $manifest );
	if ( is_wp_error( $structure ) ) {
		return $structure;
	}

	// 3. Paths and hashes.
	$listed = array();
	foreach ( array_merge( $manifest['pages'], $manifest['files'] ) as $entry ) {
		$path = $entry['path'];
		if ( ! seloste_is_safe_path( $path ) ) {
			/* translators: %s: a path */
			return new WP_Error( 'seloste_unsafe_path', sprintf( __( 'The manifest lists an unsafe path: %s', 'seloste' ), $path ) );
		}
		if ( isset( $listed[ $path ] ) || in_array( $path, array( 'manifest.json', 'manifest.json.sig' ), true ) ) {
			/* translators: %s: a path */
			return new WP_Error( 'seloste_bad_manifest', sprintf( __( 'The manifest lists %s twice.', 'seloste' ), $path ) );
		}
		$listed[ $path ] = true;
		$file            = $dir . '/' . $path;
		if ( ! is_file( $file ) || is_link( $file ) ) {
			/* translators: %s: a path */
			return new WP_Error( 'seloste_missing_file', sprintf( __( 'The bundle lacks a file its manifest lists: %s', 'seloste' ), $path ) );
		}
		if ( isset( $entry['bytes'] ) && filesize( $file ) !== (int) $entry['bytes'] ) {
			/* translators: %s: a path */
			return new WP_Error( 'seloste_hash_mismatch', sprintf( __( 'The size of %s does not match the manifest.', 'seloste' ), $path ) );
		}
		if ( ! hash_equals( strtolower( $entry['sha256'] ), hash_file( 'sha256', $file ) ) ) {
			/* translators: %s: a path */
			return new WP_Error( 'seloste_hash_mismatch', sprintf( __( 'The SHA-256 of %s does not match the manifest: the file was changed after the build.', 'seloste' ), $path ) );
		}
	}

	// 4. No unlisted file.
	$it = new RecursiveIteratorIterator( new RecursiveDirectoryIterator( $dir, FilesystemIterator::SKIP_DOTS ) );
	foreach ( $it as $item ) {
		$rel = str_replace( '\\', '/', substr( $item->getPathname(), strlen( $dir ) + 1 ) );
		if ( $item->isLink() ) {
			/* translators: %s: a path */
			return new WP_Error( 'seloste_unsafe_path', sprintf( __( 'The bundle contains a symbolic link: %s', 'seloste' ), $rel ) );
		}
		if ( 'manifest.json' === $rel || 'manifest.json.sig' === $rel ) {
			continue;
		}
		if ( ! isset( $listed[ $rel ] ) ) {
			/* translators: %s: a path */
			return new WP_Error( 'seloste_unlisted', sprintf( __( 'The bundle contains a file its manifest does not list: %s', 'seloste' ), $rel ) );
		}
	}

	// Markup: every page, fragment and stylesheet against the policy (data/markup-policy.json).
	// Fragments and stylesheets go into the site's pages as they are, byte for byte.
	foreach ( array_merge( $manifest['pages'], $manifest['files'] ) as $entry ) {
		$path = $entry['path'];
		$ext  = strtolower( (string) pathinfo( $path, PATHINFO_EXTENSION ) );
		if ( 'html' !== $ext && 'css' !== $ext ) {
			continue;
		}
		$text    = (string) file_get_contents( $dir . '/' . $path ); // phpcs:ignore WordPress.WP.AlternativeFunctions
		$problem = 'css' === $ext ? seloste_css_problem( $text ) : seloste_markup_problem( $text, seloste_is_fragment_kind( $entry['kind'] ?? 'page' ) ? 'fragment' : 'page' );
		if ( null !== $problem ) {
			/* translators: 1: a path, 2: "line:column: error: what is wrong" */
			return new WP_Error( 'seloste_markup', sprintf( __( '%1$s:%2$s (the markup policy allows only what Seloste themes produce)', 'seloste' ), $path, $problem ) );
		}
	}

	return array(
		'manifest'          => $manifest,
		'manifest_raw'      => $raw,
		'manifest_sha256'   => hash( 'sha256', $raw ),
		'signed'            => $has_sig,
		'signature_checked' => $checked,
	);
}

/**
 * Checks the manifest's shape: the lists, each page's kind, register,
 * language and theme, and the hashes' form.
 *
 * @param array $m Decoded manifest.
 * @return true|WP_Error
 */
function seloste_check_manifest_structure( array $m ) {
	$bad = static function ( $what ) {
		/* translators: %s: what is wrong */
		return new WP_Error( 'seloste_bad_manifest', sprintf( __( 'manifest.json is malformed: %s', 'seloste' ), $what ) );
	};
	foreach ( array( 'languages', 'themes', 'registers', 'pages', 'files' ) as $key ) {
		if ( ! isset( $m[ $key ] ) || ! is_array( $m[ $key ] ) || ! array_is_list( $m[ $key ] ) ) {
			return $bad( $key . ' is missing or not a list' );
		}
	}
	if ( isset( $m['findings'] ) && ! is_array( $m['findings'] ) ) {
		return $bad( 'findings is not a list' );
	}
	$id_re = '/^[\p{L}\p{N}_-]+$/u';
	foreach ( array( 'languages', 'themes' ) as $key ) {
		foreach ( $m[ $key ] as $v ) {
			if ( ! is_string( $v ) || ! preg_match( $id_re, $v ) ) {
				return $bad( $key );
			}
		}
	}
	$registers = array();
	foreach ( $m['registers'] as $r ) {
		if ( ! is_array( $r ) || ! is_string( $r['id'] ?? null ) || ! preg_match( $id_re, $r['id'] ) ) {
			return $bad( 'a register without a valid id' );
		}
		$registers[ $r['id'] ] = true;
		if ( isset( $r['versions'] ) ) {
			if ( ! is_array( $r['versions'] ) || ! array_is_list( $r['versions'] ) ) {
				return $bad( 'versions of ' . $r['id'] . ' is not a list' );
			}
			foreach ( $r['versions'] as $v ) {
				if ( ! is_array( $v ) || ! seloste_is_valid_date( $v['date'] ?? null ) ) {
					return $bad( 'a version of ' . $r['id'] . ' without a valid date (YYYY-MM-DD)' );
				}
				if ( isset( $v['changes'] ) && ! is_array( $v['changes'] ) ) {
					return $bad( 'changes of a version of ' . $r['id'] . ' is not an object' );
				}
			}
		}
	}
	foreach ( $m['pages'] as $p ) {
		if ( ! is_array( $p ) || ! is_string( $p['path'] ?? null ) || ! is_string( $p['sha256'] ?? null ) || ! preg_match( '/^[0-9a-f]{64}$/', $p['sha256'] ) ) {
			return $bad( 'a page without path or sha256' );
		}
		if ( ! in_array( $p['kind'] ?? null, array( 'page', 'fragment', 'index', 'version', 'version-fragment' ), true ) ) {
			return $bad( 'unknown kind for ' . $p['path'] );
		}
		if ( in_array( $p['kind'], array( 'version', 'version-fragment' ), true ) && ! seloste_is_valid_date( $p['version'] ?? null ) ) {
			return $bad( 'a version without a valid date (YYYY-MM-DD) for ' . $p['path'] );
		}
		if ( ! in_array( $p['lang'] ?? null, $m['languages'], true ) ) {
			return $bad( 'unknown language for ' . $p['path'] );
		}
		if ( 'index' !== $p['kind'] && ( ! is_string( $p['register'] ?? null ) || ! isset( $registers[ $p['register'] ] ) ) ) {
			return $bad( 'unknown register for ' . $p['path'] );
		}
		if ( isset( $p['theme'] ) && ! in_array( $p['theme'], $m['themes'], true ) ) {
			return $bad( 'unknown theme for ' . $p['path'] );
		}
	}
	foreach ( $m['files'] as $f ) {
		if ( ! is_array( $f ) || ! is_string( $f['path'] ?? null ) || ! is_string( $f['sha256'] ?? null ) || ! preg_match( '/^[0-9a-f]{64}$/', $f['sha256'] ) ) {
			return $bad( 'a file without path or sha256' );
		}
	}
	return true;
}
