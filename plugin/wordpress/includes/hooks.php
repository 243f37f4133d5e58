<?php
/**
 * Every hook the plugin adds, in one place.
 *
 * @package Seloste
 * @license GPL-2.0-or-later
 */

defined( 'ABSPATH' ) || exit;

add_action( 'init', 'seloste_load_textdomain', 1 );
add_action( 'init', 'seloste_register_post_types' );
add_action( 'init', 'seloste_register_block' );
add_action(
	'init',
	static function () {
		add_shortcode( 'seloste', 'seloste_shortcode' );
	}
);
add_action( 'enqueue_block_editor_assets', 'seloste_block_editor_data' );
add_action( 'rest_api_init', 'seloste_register_rest_routes' );

// Admin: the settings page and its actions (each checks a capability and a nonce).
add_action( 'admin_menu', 'seloste_admin_menu' );
add_action( 'admin_init', 'seloste_register_settings' );
add_action( 'admin_post_seloste_upload', 'seloste_handle_upload' );
add_action( 'admin_post_seloste_rollback', 'seloste_handle_rollback' );
add_action( 'admin_post_seloste_fetch', 'seloste_handle_fetch' );
add_action( 'admin_post_seloste_privacy_page', 'seloste_handle_privacy_page' );
add_filter( 'plugin_action_links_' . plugin_basename( SELOSTE_PLUGIN_FILE ), 'seloste_action_links' );

// The opt-in scheduled fetch.
add_action( SELOSTE_CRON_HOOK, 'seloste_fetch_now' );
add_action( 'add_option_' . SELOSTE_OPTION_SETTINGS, 'seloste_sync_schedule' );
add_action( 'update_option_' . SELOSTE_OPTION_SETTINGS, 'seloste_sync_schedule' );

// Site Health.
add_filter( 'site_status_tests', 'seloste_site_status_tests' );

register_activation_hook(
	SELOSTE_PLUGIN_FILE,
	static function () {
		seloste_storage_dir();
		seloste_sync_schedule();
	}
);
register_deactivation_hook(
	SELOSTE_PLUGIN_FILE,
	static function () {
		wp_clear_scheduled_hook( SELOSTE_CRON_HOOK );
	}
);
