<?php
/**
 * Import: unpack, verify, then publish atomically; history and rollback;
 * the opt-in scheduled fetch.
 *
 * Publishing stores every fragment and stylesheet of a verified bundle as
 * private posts under one bundle post, and only then switches the one option
 * that points to the live bundle. Until that switch nothing visible changes,
 * so a refused or half-done import leaves the previous notices live.
 *
 * @package Seloste
 * @license GPL-2.0-or-later
 */

defined( 'ABSPATH' ) || exit;

/**
 * Imports a bundle zip.
 *
 * @param string $zip_file The zip.
 * @param string $source   upload, fetch or native (shown in the history).
 * @param array  $extra    Extra facts to keep with the import (url, method ...).
 * @return int|WP_Error The live bundle post ID.
 */
function seloste_import_zip( $zip_file, $source, array $extra = array() ) {
	$staging = seloste_new_staging_dir();
	if ( is_wp_error( $staging ) ) {
		return seloste_record_import( $staging, $source );
	}
	$result = seloste_extract_zip( $zip_file, $staging );
	if ( ! is_wp_error( $result ) ) {
		$extra['zip_sha256'] = hash_file( 'sha256', $zip_file );
		$result              = seloste_import_dir( $staging, $source, $extra );
	} else {
		seloste_record_import( $result, $source );
	}
	seloste_rmtree( $staging );
	return $result;
}

/**
 * A fresh, empty staging folder inside the protected storage folder.
 *
 * @return string|WP_Error
 */
function seloste_new_staging_dir() {
	$base = seloste_storage_dir( 'staging' );
	if ( is_wp_error( $base ) ) {
		return $base;
	}
	$dir = $base . '/' . gmdate( 'Ymd-His' ) . '-' . wp_generate_password( 12, false );
	if ( ! wp_mkdir_p( $dir ) ) {
		return new WP_Error( 'seloste_storage', __( 'Cannot create a staging folder under uploads/seloste.', 'seloste' ) );
	}
	return $dir;
}

/**
 * Verifies and publishes an unpacked bundle.
 *
 * @param string $dir    The bundle folder.
 * @param string $source upload, fetch or native.
 * @param array  $extra  Extra facts to keep with the import.
 * @return int|WP_Error The live bundle post ID.
 */
function seloste_import_dir( $dir, $source, array $extra = array() ) {
	$settings = seloste_settings();
	$verified = seloste_verify_bundle_dir( $dir, (string) $settings['public_key'] );
	if ( is_wp_error( $verified ) ) {
		return seloste_record_import( $verified, $source );
	}
	$active = seloste_active_bundle();
	if ( $active && hash_equals( (string) get_post_meta( $active->ID, '_seloste_manifest_sha256', true ), $verified['manifest_sha256'] ) ) {
		seloste_record_import( $active->ID, $source, 'seloste_identical' );
		return $active->ID;
	}
	$bundle_id = seloste_store_bundle( $dir, $verified, $source, $extra );
	if ( is_wp_error( $bundle_id ) ) {
		return seloste_record_import( $bundle_id, $source );
	}
	seloste_publish( $bundle_id );
	seloste_prune_history();
	return seloste_record_import( $bundle_id, $source );
}

/**
 * Stores a verified bundle as a (not yet live) bundle post with one child post
 * per fragment and stylesheet. On any failure everything stored is removed.
 *
 * @param string $dir      The bundle folder.
 * @param array  $verified What seloste_verify_bundle_dir() returned.
 * @param string $source   upload, fetch or native.
 * @param array  $extra    Extra facts.
 * @return int|WP_Error Bundle post ID.
 */
function seloste_store_bundle( $dir, array $verified, $source, array $extra ) {
	$manifest  = $verified['manifest'];
	$active    = seloste_active_bundle();
	$previous  = $active ? seloste_bundle_manifest( $active ) : null;
	$bundle_id = wp_insert_post(
		array(
			'post_type'   => SELOSTE_PT_BUNDLE,
			'post_status' => 'private',
			'post_title'  => sprintf( '%s %s', $source, gmdate( 'Y-m-d H:i:s' ) ),
			'meta_input'  => wp_slash(
				array(
					'_seloste_manifest'        => $verified['manifest_raw'],
					'_seloste_manifest_sha256' => $verified['manifest_sha256'],
					'_seloste_source'          => $source,
					'_seloste_signed'          => $verified['signed'] ? 1 : 0,
					'_seloste_sig_checked'     => $verified['signature_checked'] ? 1 : 0,
					'_seloste_generator'       => (string) ( $manifest['generator'] ?? '' ),
					'_seloste_imported_at'     => time(),
					'_seloste_imported_by'     => get_current_user_id(),
					'_seloste_extra'           => $extra,
					// What changed since the live bundle, as the engine recorded it (changes.php).
					'_seloste_changes'         => array(
						'previous'  => $active ? $active->ID : 0,
						'registers' => seloste_manifest_changes( $previous, $manifest ),
					),
				)
			),
		),
		true
	);
	if ( is_wp_error( $bundle_id ) ) {
		return $bundle_id;
	}
	$index   = array();
	$entries = array();
	foreach ( $manifest['pages'] as $page ) {
		if ( 'fragment' === $page['kind'] ) {
			$entries[ 'fragment|' . $page['register'] . '|' . $page['lang'] . '|' . ( $page['theme'] ?? 'default' ) ] = $page;
		} elseif ( 'version-fragment' === $page['kind'] ) {
			// Earlier versions stay linkable from the notice (versions.php).
			$entries[ seloste_version_key( $page['register'], $page['lang'], $page['theme'] ?? 'default', $page['version'] ) ] = $page;
		}
	}
	foreach ( $manifest['files'] as $file ) {
		if ( preg_match( '#^assets/seloste-[\p{L}\p{N}_-]+\.css$#u', $file['path'] ) ) {
			$entries[ 'file|' . $file['path'] ] = $file;
		}
	}
	foreach ( $entries as $key => $entry ) {
		$content = (string) file_get_contents( $dir . '/' . $entry['path'] ); // phpcs:ignore WordPress.WP.AlternativeFunctions
		// Re-check the hash of what is stored, not only of what was verified.
		if ( ! hash_equals( $entry['sha256'], hash( 'sha256', $content ) ) ) {
			seloste_delete_bundle( $bundle_id );
			/* translators: %s: a path */
			return new WP_Error( 'seloste_hash_mismatch', sprintf( __( '%s changed during the import.', 'seloste' ), $entry['path'] ) );
		}
		$file_id = wp_insert_post(
			array(
				'post_type'   => SELOSTE_PT_FILE,
				'post_status' => 'private',
				'post_parent' => $bundle_id,
				'post_title'  => $entry['path'],
				'meta_input'  => wp_slash(
					array(
						'_seloste_key'      => $key,
						'_seloste_path'     => $entry['path'],
						'_seloste_sha256'   => $entry['sha256'],
						'_seloste_register' => (string) ( $entry['register'] ?? '' ),
						'_seloste_lang'     => (string) ( $entry['lang'] ?? '' ),
						'_seloste_theme'    => (string) ( $entry['theme'] ?? '' ),
						'_seloste_version'  => (string) ( $entry['version'] ?? '' ),
						'_seloste_content'  => $content,
						'_seloste_policy'   => seloste_markup_policy_sha256(),
					)
				),
			),
			true
		);
		if ( is_wp_error( $file_id ) || hash( 'sha256', (string) get_post_meta( $file_id, '_seloste_content', true ) ) !== $entry['sha256'] ) {
			seloste_delete_bundle( $bundle_id );
			/* translators: %s: a path */
			return new WP_Error( 'seloste_store', sprintf( __( 'Could not store %s in the database; the previous notices stay live.', 'seloste' ), $entry['path'] ) );
		}
		$index[ $key ] = $file_id;
	}
	update_post_meta( $bundle_id, '_seloste_index', $index );
	if ( get_post_meta( $bundle_id, '_seloste_index', true ) !== $index ) {
		seloste_delete_bundle( $bundle_id );
		return new WP_Error( 'seloste_store', __( 'Could not store the bundle index; the previous notices stay live.', 'seloste' ) );
	}
	return $bundle_id;
}

/**
 * Makes a stored bundle the live one: one option update.
 *
 * @param int $bundle_id Bundle post ID.
 */
function seloste_publish( $bundle_id ) {
	update_option( SELOSTE_OPTION_ACTIVE, (int) $bundle_id, true );
	/**
	 * Fires after a bundle went live (import or rollback). Page caches can flush here.
	 *
	 * @param int $bundle_id Bundle post ID.
	 */
	do_action( 'seloste_published', (int) $bundle_id );
}

/**
 * Deletes a bundle post, its files and its kept zip. Never the live one.
 *
 * @param int $bundle_id Bundle post ID.
 * @return bool
 */
function seloste_delete_bundle( $bundle_id ) {
	$bundle_id = (int) $bundle_id;
	if ( (int) get_option( SELOSTE_OPTION_ACTIVE, 0 ) === $bundle_id ) {
		return false;
	}
	$children = get_posts(
		array(
			'post_type'      => SELOSTE_PT_FILE,
			'post_parent'    => $bundle_id,
			'post_status'    => 'any',
			'posts_per_page' => -1,
			'fields'         => 'ids',
		)
	);
	foreach ( $children as $child ) {
		wp_delete_post( $child, true );
	}
	$zip = (string) get_post_meta( $bundle_id, '_seloste_zip', true );
	$dir = seloste_storage_dir( 'bundles' );
	if ( '' !== $zip && ! is_wp_error( $dir ) && dirname( $zip ) === $dir && is_file( $zip ) ) {
		unlink( $zip ); // phpcs:ignore WordPress.WP.AlternativeFunctions
	}
	return (bool) wp_delete_post( $bundle_id, true );
}

/**
 * Keeps the live bundle and the newest keep_versions - 1 others.
 */
function seloste_prune_history() {
	$keep    = max( 2, (int) seloste_settings()['keep_versions'] );
	$bundles = seloste_history();
	$active  = (int) get_option( SELOSTE_OPTION_ACTIVE, 0 );
	$kept    = 0;
	foreach ( $bundles as $bundle ) {
		if ( $bundle->ID === $active || ++$kept < $keep ) {
			continue;
		}
		seloste_delete_bundle( $bundle->ID );
	}
}

/**
 * All stored bundles, newest first.
 *
 * @return WP_Post[]
 */
function seloste_history() {
	return get_posts(
		array(
			'post_type'      => SELOSTE_PT_BUNDLE,
			'post_status'    => 'any',
			'posts_per_page' => -1,
			'orderby'        => 'ID',
			'order'          => 'DESC',
		)
	);
}

/**
 * Makes an earlier bundle live again, after re-checking its stored hashes and,
 * for a version stored under another markup policy, the policy.
 *
 * @param int $bundle_id Bundle post ID.
 * @return int|WP_Error
 */
function seloste_rollback( $bundle_id ) {
	$post = get_post( (int) $bundle_id );
	if ( ! $post || SELOSTE_PT_BUNDLE !== $post->post_type ) {
		return new WP_Error( 'seloste_no_bundle', __( 'No such Seloste bundle.', 'seloste' ) );
	}
	$index = get_post_meta( $post->ID, '_seloste_index', true );
	foreach ( is_array( $index ) ? $index : array() as $file_id ) {
		$content = (string) get_post_meta( (int) $file_id, '_seloste_content', true );
		if ( ! hash_equals( (string) get_post_meta( (int) $file_id, '_seloste_sha256', true ), hash( 'sha256', $content ) ) ) {
			return new WP_Error( 'seloste_hash_mismatch', __( 'A stored file of that version no longer matches its hash; not rolled back.', 'seloste' ) );
		}
		$problem = seloste_stored_file_problem( (int) $file_id, $content );
		if ( null !== $problem ) {
			/* translators: %s: "path:line:col: error: what" */
			return new WP_Error( 'seloste_markup', sprintf( __( 'That version does not pass the markup policy (%s); not rolled back.', 'seloste' ), $problem ) );
		}
	}
	seloste_publish( $post->ID );
	seloste_record_import( $post->ID, 'rollback' );
	return $post->ID;
}

/**
 * The message of a successful import's code, in the current user's language.
 *
 * @param string $code seloste_published, seloste_rolled_back or seloste_identical.
 * @return string
 */
function seloste_success_message( $code ) {
	switch ( $code ) {
		case 'seloste_identical':
			return __( 'The bundle is identical to the live one; nothing changed.', 'seloste' );
		case 'seloste_rolled_back':
			return __( 'Rolled back.', 'seloste' );
		default:
			return __( 'Imported and published.', 'seloste' );
	}
}

/**
 * The message of an import record, for the settings page: a success in the
 * reader's language, a refusal as it was recorded.
 *
 * @param array $record seloste_last_import option.
 * @return string
 */
function seloste_record_message( array $record ) {
	if ( ! empty( $record['ok'] ) && 0 === strpos( (string) ( $record['code'] ?? '' ), 'seloste_' ) ) {
		return seloste_success_message( (string) $record['code'] );
	}
	return (string) ( $record['message'] ?? '' );
}

/**
 * Remembers the outcome of an import for the settings page, and passes it on.
 *
 * @param int|WP_Error $result Bundle ID or error.
 * @param string       $source upload, fetch, native or rollback.
 * @param string       $code   On success: seloste_identical, else by the source.
 * @return int|WP_Error The same $result.
 */
function seloste_record_import( $result, $source, $code = '' ) {
	$record = array(
		'time'   => time(),
		'source' => $source,
		'ok'     => ! is_wp_error( $result ),
	);
	if ( is_wp_error( $result ) ) {
		$record['code']    = $result->get_error_code();
		$record['message'] = $result->get_error_message();
	} else {
		$record['bundle']  = (int) $result;
		$record['code']    = '' !== $code ? $code : ( 'rollback' === $source ? 'seloste_rolled_back' : 'seloste_published' );
		$record['message'] = seloste_success_message( $record['code'] );
	}
	update_option( SELOSTE_OPTION_LAST_IMPORT, $record, false );
	return $result;
}

/**
 * Why a fetch with these settings is refused, or null when it may run. A
 * fetched bundle comes over the network from a machine WordPress does not
 * control, so only a signature says who made it: a fetch needs a public key
 * (signed bundles only) and an https URL.
 *
 * @param array $settings Settings (seloste_settings()).
 * @return WP_Error|null
 */
function seloste_fetch_refusal( array $settings ) {
	$url = (string) ( $settings['fetch_url'] ?? '' );
	if ( '' === $url || ! wp_http_validate_url( $url ) ) {
		return new WP_Error( 'seloste_fetch', __( 'No valid fetch URL is configured.', 'seloste' ) );
	}
	if ( 'https' !== strtolower( (string) wp_parse_url( $url, PHP_URL_SCHEME ) ) ) {
		/* translators: %s: URL */
		return new WP_Error( 'seloste_fetch_insecure', sprintf( __( 'The fetch URL %s is not https://. A fetched bundle travels over the network, so it is fetched only over https and only when signed: nothing is fetched or scheduled.', 'seloste' ), $url ) );
	}
	if ( '' === trim( (string) ( $settings['public_key'] ?? '' ) ) ) {
		return new WP_Error( 'seloste_fetch_unsigned', __( 'No signing public key is configured. A fetched bundle comes from another machine, so it is imported only when its signature matches your public key: set the key (from seloste keygen) first; nothing is fetched or scheduled.', 'seloste' ) );
	}
	return null;
}

/**
 * Schedules or unschedules the fetch to match the settings: scheduled only
 * when it is switched on and seloste_fetch_refusal() has no objection.
 */
function seloste_sync_schedule() {
	$settings  = seloste_settings();
	$scheduled = wp_get_scheduled_event( SELOSTE_CRON_HOOK );
	$want      = ! empty( $settings['fetch_enabled'] ) && null === seloste_fetch_refusal( $settings );
	if ( $scheduled && ( ! $want || $scheduled->schedule !== $settings['fetch_interval'] ) ) {
		wp_clear_scheduled_hook( SELOSTE_CRON_HOOK );
		$scheduled = false;
	}
	if ( $want && ! $scheduled ) {
		wp_schedule_event( time() + 60, $settings['fetch_interval'], SELOSTE_CRON_HOOK );
	}
}

/**
 * Fetches the bundle zip from the configured URL and imports it (the
 * wp-cron job; also the "Fetch now" button and `wp seloste fetch`). Refused
 * without an https URL and a public key (seloste_fetch_refusal()).
 *
 * @return int|WP_Error The live bundle post ID.
 */
function seloste_fetch_now() {
	$settings = seloste_settings();
	$url      = (string) $settings['fetch_url'];
	$refusal  = seloste_fetch_refusal( $settings );
	if ( null !== $refusal ) {
		return seloste_record_import( $refusal, 'fetch' );
	}
	$dir = seloste_storage_dir( 'incoming' );
	if ( is_wp_error( $dir ) ) {
		return seloste_record_import( $dir, 'fetch' );
	}
	$tmp      = $dir . '/fetch-' . wp_generate_password( 12, false ) . '.zip';
	$response = wp_remote_get(
		$url,
		array(
			'timeout'             => 60,
			'redirection'         => 3,
			'stream'              => true,
			'filename'            => $tmp,
			'limit_response_size' => SELOSTE_MAX_BYTES,
			'user-agent'          => 'Seloste-WordPress/' . SELOSTE_PLUGIN_VERSION . '; ' . home_url( '/' ),
		)
	);
	if ( is_wp_error( $response ) || 200 !== (int) wp_remote_retrieve_response_code( $response ) ) {
		if ( is_file( $tmp ) ) {
			unlink( $tmp ); // phpcs:ignore WordPress.WP.AlternativeFunctions
		}
		$why = is_wp_error( $response ) ? $response->get_error_message() : 'HTTP ' . wp_remote_retrieve_response_code( $response );
		/* translators: 1: URL, 2: the error */
		return seloste_record_import( new WP_Error( 'seloste_fetch', sprintf( __( 'Fetching %1$s failed: %2$s', 'seloste' ), $url, $why ) ), 'fetch' );
	}
	$result = seloste_import_zip( $tmp, 'fetch', array( 'url' => $url ) );
	seloste_keep_zip( $result, $tmp );
	return $result;
}

/**
 * Keeps an imported zip next to its bundle (uploads/seloste/bundles), or deletes it
 * when the import was refused or changed nothing.
 *
 * @param int|WP_Error $result Import result.
 * @param string       $zip    The zip.
 */
function seloste_keep_zip( $result, $zip ) {
	$dir = seloste_storage_dir( 'bundles' );
	if ( ! is_wp_error( $result ) && ! is_wp_error( $dir ) && '' === (string) get_post_meta( $result, '_seloste_zip', true ) ) {
		$target = $dir . '/bundle-' . (int) $result . '.zip';
		if ( rename( $zip, $target ) ) { // phpcs:ignore WordPress.WP.AlternativeFunctions
			update_post_meta( $result, '_seloste_zip', $target );
			return;
		}
	}
	if ( is_file( $zip ) ) {
		unlink( $zip ); // phpcs:ignore WordPress.WP.AlternativeFunctions
	}
}
