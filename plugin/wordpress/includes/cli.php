<?php
/**
 * WP-CLI commands: `wp seloste import|fetch|status|rollback` (the seloste-native
 * add-on adds `wp seloste build`).
 * Loaded only when WP-CLI runs. The same functions as the admin page.
 *
 * @package Seloste
 * @license GPL-2.0-or-later
 */

defined( 'ABSPATH' ) || exit;

/**
 * Manages Seloste privacy notices.
 */
class Seloste_CLI_Command {

	/**
	 * Imports a bundle zip or folder.
	 *
	 * ## OPTIONS
	 *
	 * <bundle>
	 * : A bundle zip or the folder seloste build wrote.
	 *
	 * @param array $args Positional arguments.
	 */
	public function import( $args ) {
		$path   = (string) $args[0];
		$result = is_dir( $path ) ? seloste_import_dir( $path, 'cli' ) : seloste_import_zip( $path, 'cli' );
		$this->finish( $result );
	}

	/**
	 * Fetches the bundle from the configured URL now.
	 */
	public function fetch() {
		$this->finish( seloste_fetch_now() );
	}

	/**
	 * Makes an earlier import live again.
	 *
	 * ## OPTIONS
	 *
	 * <id>
	 * : The bundle number from `wp seloste status`.
	 *
	 * @param array $args Positional arguments.
	 */
	public function rollback( $args ) {
		$this->finish( seloste_rollback( (int) $args[0] ) );
	}

	/**
	 * Shows the live bundle, the active path and the history.
	 */
	public function status() {
		$path = seloste_active_path();
		WP_CLI::line( sprintf( 'Active path: %s (%s)', $path['path'], $path['why'] ) );
		$active = (int) get_option( SELOSTE_OPTION_ACTIVE, 0 );
		foreach ( seloste_history() as $bundle ) {
			WP_CLI::line(
				sprintf(
					'%s #%d %s %s %s',
					$bundle->ID === $active ? '*' : ' ',
					$bundle->ID,
					gmdate( 'Y-m-d H:i:s', (int) get_post_meta( $bundle->ID, '_seloste_imported_at', true ) ),
					get_post_meta( $bundle->ID, '_seloste_source', true ),
					get_post_meta( $bundle->ID, '_seloste_generator', true )
				)
			);
		}
	}

	/**
	 * Reports a result and sets the exit code.
	 *
	 * @param int|WP_Error $result Result.
	 */
	private function finish( $result ) {
		if ( is_wp_error( $result ) ) {
			WP_CLI::error( $result->get_error_message() );
		}
		WP_CLI::success( sprintf( 'Bundle #%d is live.', (int) $result ) );
	}
}

WP_CLI::add_command( 'seloste', 'Seloste_CLI_Command' );
