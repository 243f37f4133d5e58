<?php
/**
 * Test helper: replaces files of an unpacked bundle, puts their new sizes and
 * SHA-256 into manifest.json, and signs the manifest again with a secret key
 * (as seloste build --sign does) or removes the signature.
 *
 * Command line: php rebundle.php DIR KEYFILE|- PATH=@FILE|PATH=TEXT ...
 * (KEYFILE: the secret key written by seloste keygen; '-': leave the bundle unsigned.)
 */

/**
 * @param string      $dir             Bundle folder.
 * @param array       $files           path => new bytes.
 * @param string|null $secret_key_file Secret key file, or null for an unsigned bundle.
 */
function seloste_test_rebundle( $dir, array $files, $secret_key_file ) {
	$m = json_decode( file_get_contents( $dir . '/manifest.json' ), true );
	foreach ( $files as $path => $bytes ) {
		file_put_contents( $dir . '/' . $path, $bytes );
		foreach ( array( 'pages', 'files' ) as $list ) {
			foreach ( $m[ $list ] as $k => $entry ) {
				if ( $entry['path'] === $path ) {
					$m[ $list ][ $k ]['sha256'] = hash( 'sha256', $bytes );
					if ( isset( $entry['bytes'] ) ) {
						$m[ $list ][ $k ]['bytes'] = strlen( $bytes );
					}
				}
			}
		}
	}
	$raw = json_encode( $m, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) . "\n";
	file_put_contents( $dir . '/manifest.json', $raw );
	if ( null === $secret_key_file ) {
		if ( is_file( $dir . '/manifest.json.sig' ) ) {
			unlink( $dir . '/manifest.json.sig' );
		}
		return;
	}
	$sk = base64_decode( trim( file_get_contents( $secret_key_file ) ), true );
	file_put_contents( $dir . '/manifest.json.sig', base64_encode( sodium_crypto_sign_detached( $raw, $sk ) ) . "\n" );
}

if ( PHP_SAPI === 'cli' && isset( $argv[0] ) && realpath( $argv[0] ) === __FILE__ ) {
	if ( $argc < 3 ) {
		fwrite( STDERR, "usage: php rebundle.php DIR KEYFILE|- PATH=@FILE|PATH=TEXT ...\n" );
		exit( 2 );
	}
	$files = array();
	foreach ( array_slice( $argv, 3 ) as $arg ) {
		list( $path, $value ) = explode( '=', $arg, 2 );
		$files[ $path ]       = '@' === substr( $value, 0, 1 ) ? file_get_contents( substr( $value, 1 ) ) : $value;
	}
	seloste_test_rebundle( $argv[1], $files, '-' === $argv[2] ? null : $argv[2] );
}
