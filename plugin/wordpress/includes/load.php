<?php
/**
 * Shared state: option names, defaults, post types and the protected storage folder.
 *
 * @package Seloste
 * @license GPL-2.0-or-later
 */

defined( 'ABSPATH' ) || exit;

/** The settings (one array option). */
const SELOSTE_OPTION_SETTINGS = 'seloste_settings';
/** The pointer to the live bundle: the ID of a seloste_bundle post. Publishing = updating this one option. */
const SELOSTE_OPTION_ACTIVE = 'seloste_active_bundle';
/** The result of the last import attempt (success or refusal). */
const SELOSTE_OPTION_LAST_IMPORT = 'seloste_last_import';
/** What the last native run learned about the engine (version, method). */
const SELOSTE_OPTION_NATIVE_INFO = 'seloste_native_info';
/** Post type of one imported bundle (one post per import, kept as history). */
const SELOSTE_PT_BUNDLE = 'seloste_bundle';
/** Post type of one file of a bundle (a fragment, a page or a stylesheet), child of a bundle. */
const SELOSTE_PT_FILE = 'seloste_file';
/** The wp-cron hook of the scheduled fetch. */
const SELOSTE_CRON_HOOK = 'seloste_scheduled_fetch';
/** The supported bundle format version. */
const SELOSTE_BUNDLE_FORMAT_VERSION = 1;

/**
 * The default settings.
 *
 * @return array<string,mixed>
 */
function seloste_default_settings() {
	/**
	 * The default settings; the seloste-native add-on adds its own.
	 *
	 * @param array $defaults Defaults.
	 */
	return apply_filters(
		'seloste_default_settings',
		array(
			'public_key'     => '',        // Base64 Ed25519 public key; when set, only bundles signed with it are accepted.
			'fetch_enabled'  => false,     // Opt-in scheduled fetch.
			'fetch_url'      => '',        // URL of a bundle zip (http or https).
			'fetch_interval' => 'daily',   // A wp-cron schedule name.
			'keep_versions'  => 10,        // How many imports to keep in the history.
		)
	);
}

/**
 * Loads the plugin's translations (languages/seloste-LOCALE.mo, in the
 * admin user's language in the admin).
 */
function seloste_load_textdomain() {
	load_plugin_textdomain( 'seloste', false, dirname( plugin_basename( SELOSTE_PLUGIN_FILE ) ) . '/languages' );
}

/**
 * The settings merged with their defaults. The constant SELOSTE_PUBLIC_KEY
 * in wp-config.php wins.
 *
 * @return array<string,mixed>
 */
function seloste_settings() {
	$saved    = get_option( SELOSTE_OPTION_SETTINGS, array() );
	$settings = array_merge( seloste_default_settings(), is_array( $saved ) ? $saved : array() );
	if ( defined( 'SELOSTE_PUBLIC_KEY' ) ) {
		$settings['public_key'] = (string) SELOSTE_PUBLIC_KEY;
	}
	/**
	 * Filters the effective settings (the seloste-native add-on applies its
	 * constants here, and its bin/seloste-build.php its command-line overrides).
	 *
	 * @param array $settings Settings.
	 */
	return apply_filters( 'seloste_settings', $settings );
}

/**
 * Registers the two private post types that hold the imported bundles.
 * Neither is public, queryable, searchable or shown in the admin menus.
 */
function seloste_register_post_types() {
	$private = array(
		'public'              => false,
		'publicly_queryable'  => false,
		'exclude_from_search' => true,
		'show_ui'             => false,
		'show_in_rest'        => false,
		'rewrite'             => false,
		'query_var'           => false,
		'can_export'          => false,
		'supports'            => array( 'title' ),
		'capability_type'     => 'post',
		'capabilities'        => array( 'create_posts' => 'do_not_allow' ),
		'map_meta_cap'        => true,
	);
	register_post_type( SELOSTE_PT_BUNDLE, array_merge( $private, array( 'label' => __( 'Seloste bundles', 'seloste' ) ) ) );
	register_post_type( SELOSTE_PT_FILE, array_merge( $private, array( 'label' => __( 'Seloste files', 'seloste' ) ) ) );
}

/**
 * The protected storage folder under uploads (uploads/seloste), created on
 * demand with a deny-all .htaccess and an empty index.php.
 *
 * @param string $sub Optional sub-folder (incoming, staging).
 * @return string|WP_Error Absolute path without trailing slash.
 */
function seloste_storage_dir( $sub = '' ) {
	$uploads = wp_upload_dir( null, false );
	if ( ! empty( $uploads['error'] ) ) {
		return new WP_Error( 'seloste_uploads', $uploads['error'] );
	}
	$base = trailingslashit( $uploads['basedir'] ) . 'seloste';
	$dir  = '' === $sub ? $base : $base . '/' . $sub;
	if ( ! wp_mkdir_p( $dir ) ) {
		/* translators: %s: a folder path */
		return new WP_Error( 'seloste_storage', sprintf( __( 'Cannot create the folder %s.', 'seloste' ), $dir ) );
	}
	seloste_protect_dir( $base );
	if ( $dir !== $base ) {
		seloste_protect_dir( $dir );
	}
	return $dir;
}

/**
 * Puts a deny-all .htaccess (Apache 2.2 and 2.4) and an empty index.php into a folder.
 *
 * @param string $dir Folder.
 */
function seloste_protect_dir( $dir ) {
	$htaccess = $dir . '/.htaccess';
	if ( ! file_exists( $htaccess ) ) {
		file_put_contents( $htaccess, "# Seloste: bundles are never served directly.\n<IfModule mod_authz_core.c>\n\tRequire all denied\n</IfModule>\n<IfModule !mod_authz_core.c>\n\tOrder allow,deny\n\tDeny from all\n</IfModule>\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions
	}
	$index = $dir . '/index.php';
	if ( ! file_exists( $index ) ) {
		file_put_contents( $index, "<?php\n// Silence is golden.\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions
	}
}

/**
 * Removes a folder tree (used for staging folders and uninstall). Refuses to
 * leave the storage folder.
 *
 * @param string $dir Folder.
 * @return bool
 */
function seloste_rmtree( $dir ) {
	if ( '' === $dir || ! is_dir( $dir ) || is_link( $dir ) ) {
		return false;
	}
	$items = new RecursiveIteratorIterator(
		new RecursiveDirectoryIterator( $dir, FilesystemIterator::SKIP_DOTS ),
		RecursiveIteratorIterator::CHILD_FIRST
	);
	foreach ( $items as $item ) {
		if ( $item->isDir() && ! $item->isLink() ) {
			rmdir( $item->getPathname() ); // phpcs:ignore WordPress.WP.AlternativeFunctions
		} else {
			unlink( $item->getPathname() ); // phpcs:ignore WordPress.WP.AlternativeFunctions
		}
	}
	return rmdir( $dir ); // phpcs:ignore WordPress.WP.AlternativeFunctions
}

/**
 * The live bundle post, or null when nothing was imported yet.
 *
 * @return WP_Post|null
 */
function seloste_active_bundle() {
	$id = (int) get_option( SELOSTE_OPTION_ACTIVE, 0 );
	if ( $id <= 0 ) {
		return null;
	}
	$post = get_post( $id );
	return ( $post && SELOSTE_PT_BUNDLE === $post->post_type ) ? $post : null;
}

/**
 * The manifest of a bundle post, decoded.
 *
 * @param WP_Post|int|null $bundle Bundle post or ID; null = the live one.
 * @return array<string,mixed>|null
 */
function seloste_bundle_manifest( $bundle = null ) {
	$bundle = null === $bundle ? seloste_active_bundle() : get_post( $bundle );
	if ( ! $bundle ) {
		return null;
	}
	$manifest = json_decode( (string) get_post_meta( $bundle->ID, '_seloste_manifest', true ), true );
	return is_array( $manifest ) ? $manifest : null;
}
