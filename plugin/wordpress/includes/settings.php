<?php
/**
 * The settings page (Settings → Seloste): its menu entry, the settings and
 * their sanitising, and the admin actions. Every action checks a capability
 * and a nonce before doing anything. What the page prints is in admin-page.php.
 *
 * @package Seloste
 * @license GPL-2.0-or-later
 */

defined( 'ABSPATH' ) || exit;

/**
 * Adds Settings → Seloste.
 */
function seloste_admin_menu() {
	add_options_page( __( 'Seloste privacy notices', 'seloste' ), __( 'Seloste', 'seloste' ), 'manage_options', 'seloste', 'seloste_render_settings_page' );
}

/**
 * A "Settings" link on the Plugins screen.
 *
 * @param string[] $links Links.
 * @return string[]
 */
function seloste_action_links( $links ) {
	array_unshift( $links, '<a href="' . esc_url( seloste_admin_url() ) . '">' . esc_html__( 'Settings', 'seloste' ) . '</a>' );
	return $links;
}

/**
 * The settings page URL.
 *
 * @param array $args Extra query arguments.
 * @return string
 */
function seloste_admin_url( array $args = array() ) {
	return add_query_arg( $args, admin_url( 'options-general.php?page=seloste' ) );
}

/**
 * Registers the settings option with its sanitize callback and schema.
 */
function seloste_register_settings() {
	register_setting(
		'seloste',
		SELOSTE_OPTION_SETTINGS,
		array(
			'type'              => 'object',
			'sanitize_callback' => 'seloste_sanitize_settings',
			'default'           => seloste_default_settings(),
			'show_in_rest'      => false,
		)
	);
}

/**
 * Sanitizes the settings form.
 *
 * @param mixed $input Submitted values.
 * @return array
 */
function seloste_sanitize_settings( $input ) {
	$old   = get_option( SELOSTE_OPTION_SETTINGS, array() );
	$old   = array_merge( seloste_default_settings(), is_array( $old ) ? $old : array() );
	$input = is_array( $input ) ? $input : array();
	$out   = $old;

	$key = trim( (string) ( $input['public_key'] ?? '' ) );
	if ( seloste_is_valid_public_key( $key ) ) {
		$out['public_key'] = $key;
	} else {
		add_settings_error( SELOSTE_OPTION_SETTINGS, 'seloste_public_key', __( 'The public key must be the base64 text of seloste keygen\'s KEYFILE.pub (32 bytes). The previous key was kept.', 'seloste' ) );
	}
	$url = trim( (string) ( $input['fetch_url'] ?? '' ) );
	if ( '' === $url || in_array( wp_parse_url( $url, PHP_URL_SCHEME ), array( 'http', 'https' ), true ) ) {
		$out['fetch_url'] = esc_url_raw( $url, array( 'http', 'https' ) );
	} else {
		add_settings_error( SELOSTE_OPTION_SETTINGS, 'seloste_fetch_url', __( 'The fetch URL must start with https:// or http://.', 'seloste' ) );
	}
	$out['fetch_enabled']  = ! empty( $input['fetch_enabled'] );
	$interval              = (string) ( $input['fetch_interval'] ?? 'daily' );
	$out['fetch_interval'] = array_key_exists( $interval, wp_get_schedules() ) ? $interval : 'daily';
	$effective             = defined( 'SELOSTE_PUBLIC_KEY' ) ? array( 'public_key' => (string) SELOSTE_PUBLIC_KEY ) + $out : $out;
	$insecure              = $out['fetch_enabled'] ? seloste_fetch_refusal( $effective ) : null;
	if ( null !== $insecure ) {
		add_settings_error( SELOSTE_OPTION_SETTINGS, 'seloste_fetch_refused', $insecure->get_error_message() );
	}
	$out['keep_versions'] = min( 100, max( 2, absint( $input['keep_versions'] ?? 10 ) ) );
	/**
	 * The sanitized settings; the seloste-native add-on sanitizes its own fields here.
	 *
	 * @param array $out   Sanitized settings.
	 * @param array $input Submitted values.
	 */
	return apply_filters( 'seloste_sanitize_settings', $out, $input );
}

/**
 * Refuses the request unless the user has the capability and the nonce is valid.
 *
 * @param string $action Nonce action.
 * @param string $cap    Capability.
 */
function seloste_guard( $action, $cap = 'manage_options' ) {
	if ( ! current_user_can( $cap ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to manage Seloste notices.', 'seloste' ), '', array( 'response' => 403 ) );
	}
	check_admin_referer( $action );
}

/**
 * Back to the settings page with the outcome.
 *
 * @param int|WP_Error $result Outcome.
 */
function seloste_redirect_result( $result ) {
	wp_safe_redirect( seloste_admin_url( array( 'seloste_result' => is_wp_error( $result ) ? 'refused' : 'ok' ) ) );
	exit;
}

/**
 * Upload form handler: wp_handle_upload into uploads/seloste/incoming, then import.
 */
function seloste_handle_upload() {
	seloste_guard( 'seloste_upload' );
	if ( empty( $_FILES['seloste_bundle'] ) || ! is_array( $_FILES['seloste_bundle'] ) ) {
		seloste_redirect_result( seloste_record_import( new WP_Error( 'seloste_no_file', __( 'No file was uploaded.', 'seloste' ) ), 'upload' ) );
	}
	$dir = seloste_storage_dir( 'incoming' );
	if ( is_wp_error( $dir ) ) {
		seloste_redirect_result( seloste_record_import( $dir, 'upload' ) );
	}
	require_once ABSPATH . 'wp-admin/includes/file.php';
	$to_storage = static function ( $uploads ) use ( $dir ) {
		$uploads['path']   = $dir;
		$uploads['subdir'] = '/seloste/incoming';
		$uploads['url']    = $uploads['baseurl'] . '/seloste/incoming';
		return $uploads;
	};
	add_filter( 'upload_dir', $to_storage );
	$file = $_FILES['seloste_bundle']; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- handed to wp_handle_upload, which validates it.
	$file['name'] = 'bundle-' . gmdate( 'Ymd-His' ) . '.zip';
	$upload       = wp_handle_upload(
		$file,
		array(
			'test_form' => false,
			'mimes'     => array( 'zip' => 'application/zip' ),
		)
	);
	remove_filter( 'upload_dir', $to_storage );
	if ( ! empty( $upload['error'] ) || empty( $upload['file'] ) ) {
		seloste_redirect_result( seloste_record_import( new WP_Error( 'seloste_upload', (string) ( $upload['error'] ?? __( 'The upload failed.', 'seloste' ) ) ), 'upload' ) );
	}
	$result = seloste_import_zip( $upload['file'], 'upload' );
	seloste_keep_zip( $result, $upload['file'] );
	seloste_redirect_result( $result );
}

/**
 * Rollback handler.
 */
function seloste_handle_rollback() {
	seloste_guard( 'seloste_rollback' );
	$id = isset( $_POST['bundle'] ) ? absint( $_POST['bundle'] ) : 0;
	seloste_redirect_result( seloste_rollback( $id ) );
}

/**
 * "Fetch now" handler.
 */
function seloste_handle_fetch() {
	seloste_guard( 'seloste_fetch' );
	seloste_redirect_result( seloste_fetch_now() );
}

/**
 * Privacy policy page handler: the same option as Settings → Privacy.
 */
function seloste_handle_privacy_page() {
	seloste_guard( 'seloste_privacy_page', 'manage_privacy_options' );
	$id   = isset( $_POST['seloste_privacy_page'] ) ? absint( $_POST['seloste_privacy_page'] ) : 0;
	$page = $id ? get_post( $id ) : null;
	if ( 0 === $id || ( $page && 'page' === $page->post_type ) ) {
		update_option( 'wp_page_for_privacy_policy', $id );
	}
	wp_safe_redirect( seloste_admin_url( array( 'seloste_result' => 'privacy' ) ) );
	exit;
}

/**
 * Which way of feeding the plugin is in use, and why.
 *
 * @return array{path: string, why: string}
 */
function seloste_active_path() {
	$s       = seloste_settings();
	$refusal = seloste_fetch_refusal( $s );
	if ( ! empty( $s['fetch_enabled'] ) && null === $refusal ) {
		return array(
			'path' => __( 'Scheduled fetch', 'seloste' ),
			/* translators: 1: URL, 2: schedule name */
			'why'  => sprintf( __( 'Fetching is on: WordPress fetches %1$s (%2$s) and imports it when it changed.', 'seloste' ), $s['fetch_url'], $s['fetch_interval'] ),
		);
	}
	/**
	 * Another path that feeds the plugin (the seloste-native add-on's build), or null.
	 *
	 * @param array{path: string, why: string}|null $path     Null.
	 * @param array                                 $settings Settings.
	 */
	$other = apply_filters( 'seloste_active_path', null, $s );
	if ( is_array( $other ) && isset( $other['path'], $other['why'] ) ) {
		return $other;
	}
	return array(
		'path' => __( 'Upload', 'seloste' ),
		'why'  => ! empty( $s['fetch_enabled'] ) && null !== $refusal
			? $refusal->get_error_message()
			: __( 'No fetch URL is configured, so bundles come from the upload form (the path that works on every host).', 'seloste' ),
	);
}
