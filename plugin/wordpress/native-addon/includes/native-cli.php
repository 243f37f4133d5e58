<?php
/**
 * WP-CLI: `wp seloste build`, added to the Seloste plugin's `wp seloste` command.
 *
 * @package Seloste
 * @license GPL-2.0-or-later
 */

defined( 'ABSPATH' ) || exit;

/**
 * Builds the sources with the engine (FFI or the seloste binary) and imports the bundle.
 *
 * ## OPTIONS
 *
 * [<source>...]
 * : Source XML files. Default: the ones in the settings.
 *
 * [--method=<method>]
 * : ffi or binary. Default: the first that works.
 *
 * [--sign=<keyfile>]
 * : Secret key to sign with. Default: the one in the settings.
 *
 * ## EXAMPLES
 *
 *     wp seloste build /srv/seloste/group.xml --method=ffi
 *
 * @param array $args       Positional arguments.
 * @param array $assoc_args Options.
 */
function seloste_native_cli_build( $args, $assoc_args ) {
	$result = seloste_native_build_and_import(
		array(
			'sources' => $args ? $args : null,
			'method'  => $assoc_args['method'] ?? null,
			'sign'    => $assoc_args['sign'] ?? null,
			'web'     => false,
		)
	);
	if ( is_wp_error( $result ) ) {
		WP_CLI::error( $result->get_error_message() );
	}
	WP_CLI::success( sprintf( 'Bundle #%d is live.', (int) $result ) );
}

WP_CLI::add_command( 'seloste build', 'seloste_native_cli_build' );
