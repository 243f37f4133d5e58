<?php
/**
 * The native path without WP-CLI: boots WordPress, runs the engine, imports
 * the bundle it built through the same verification and atomic publish as an
 * upload. Command line only.
 *
 *   php bin/seloste-build.php [--wp=/path/to/wordpress] [--method=ffi|binary]
 *       [--library=/path/libseloste_c.so] [--binary=/path/seloste]
 *       [--sign=KEYFILE] [SOURCE.xml ...]
 *
 * Without SOURCE files it builds the ones in Settings → Seloste. --library,
 * --binary and --sign override the settings for this run only. FFI needs
 * ffi.enable=preload (PHP's default, allows the command line) or 1.
 *
 * Exit codes: 0 published (or unchanged), 1 refused or failed, 2 bad usage.
 *
 * @package Seloste
 * @license GPL-2.0-or-later
 */

if ( 'cli' !== PHP_SAPI ) {
	http_response_code( 403 );
	exit( 'Command line only.' );
}

$seloste_opts    = array();
$seloste_sources = array();
foreach ( array_slice( $argv, 1 ) as $seloste_arg ) {
	if ( preg_match( '/^--(wp|method|library|binary|sign)=(.*)$/', $seloste_arg, $seloste_m ) ) {
		$seloste_opts[ $seloste_m[1] ] = $seloste_m[2];
	} elseif ( '--help' === $seloste_arg || '-h' === $seloste_arg ) {
		fwrite( STDOUT, "usage: php seloste-build.php [--wp=DIR] [--method=ffi|binary] [--library=SO] [--binary=PATH] [--sign=KEYFILE] [SOURCE.xml ...]\n" );
		exit( 0 );
	} elseif ( '' !== $seloste_arg && '-' === $seloste_arg[0] ) {
		fwrite( STDERR, "seloste-build: unknown option $seloste_arg\n" );
		exit( 2 );
	} else {
		$seloste_sources[] = realpath( $seloste_arg ) ? realpath( $seloste_arg ) : $seloste_arg;
	}
}
if ( isset( $seloste_opts['method'] ) && ! in_array( $seloste_opts['method'], array( 'ffi', 'binary' ), true ) ) {
	fwrite( STDERR, "seloste-build: --method must be ffi or binary\n" );
	exit( 2 );
}

// Find wp-load.php: --wp, else the folders above the plugin (wp-content/plugins/seloste-native/bin).
$seloste_wp = $seloste_opts['wp'] ?? '';
if ( '' === $seloste_wp ) {
	for ( $seloste_dir = dirname( __DIR__ ); dirname( $seloste_dir ) !== $seloste_dir; $seloste_dir = dirname( $seloste_dir ) ) {
		if ( is_file( $seloste_dir . '/wp-load.php' ) ) {
			$seloste_wp = $seloste_dir;
			break;
		}
	}
}
if ( '' === $seloste_wp || ! is_file( $seloste_wp . '/wp-load.php' ) ) {
	fwrite( STDERR, "seloste-build: cannot find wp-load.php; pass --wp=/path/to/wordpress\n" );
	exit( 2 );
}
if ( ! isset( $_SERVER['HTTP_HOST'] ) ) {
	$_SERVER['HTTP_HOST'] = 'localhost';
}
define( 'SELOSTE_CLI_BUILD', true );
require $seloste_wp . '/wp-load.php';

if ( ! function_exists( 'seloste_native_build_and_import' ) ) {
	fwrite( STDERR, "seloste-build: the Seloste plugin and its seloste-native add-on are not both active on this site\n" );
	exit( 1 );
}

$seloste_overrides = array_filter(
	array(
		'library_path' => $seloste_opts['library'] ?? null,
		'binary_path'  => $seloste_opts['binary'] ?? null,
	),
	'is_string'
);
if ( isset( $seloste_opts['method'] ) ) {
	$seloste_overrides['native_method'] = $seloste_opts['method'];
}
add_filter(
	'seloste_settings',
	static function ( $settings ) use ( $seloste_overrides ) {
		return array_merge( $settings, $seloste_overrides );
	}
);

$seloste_result = seloste_native_build_and_import(
	array(
		'sources' => $seloste_sources ? $seloste_sources : null,
		'method'  => $seloste_opts['method'] ?? null,
		'sign'    => $seloste_opts['sign'] ?? null,
		'web'     => false,
	)
);
if ( is_wp_error( $seloste_result ) ) {
	fwrite( STDERR, 'seloste-build: ' . $seloste_result->get_error_message() . "\n" );
	exit( 1 );
}
$seloste_info = get_option( SELOSTE_OPTION_NATIVE_INFO, array() );
fwrite( STDOUT, sprintf( "seloste-build: bundle #%d is live (engine %s via %s)\n", (int) $seloste_result, $seloste_info['engine'] ?? '?', $seloste_info['method'] ?? '?' ) );
exit( 0 );
