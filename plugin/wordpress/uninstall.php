<?php
/**
 * Uninstall: removes the options, the stored notices (both post types) and
 * the uploaded bundles (uploads/seloste), on every site of a network.
 *
 * @package Seloste
 * @license GPL-2.0-or-later
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

/**
 * Cleans one site.
 */
function seloste_uninstall_site() {
	foreach ( array( 'seloste_settings', 'seloste_active_bundle', 'seloste_last_import', 'seloste_native_info' ) as $option ) {
		delete_option( $option );
	}
	wp_clear_scheduled_hook( 'seloste_scheduled_fetch' );
	foreach ( array( 'seloste_file', 'seloste_bundle' ) as $type ) {
		$ids = get_posts(
			array(
				'post_type'      => $type,
				'post_status'    => 'any',
				'posts_per_page' => -1,
				'fields'         => 'ids',
			)
		);
		foreach ( $ids as $id ) {
			wp_delete_post( $id, true );
		}
	}
	$uploads = wp_upload_dir( null, false );
	$dir     = trailingslashit( $uploads['basedir'] ) . 'seloste';
	if ( is_dir( $dir ) && ! is_link( $dir ) ) {
		$items = new RecursiveIteratorIterator( new RecursiveDirectoryIterator( $dir, FilesystemIterator::SKIP_DOTS ), RecursiveIteratorIterator::CHILD_FIRST );
		foreach ( $items as $item ) {
			if ( $item->isDir() && ! $item->isLink() ) {
				rmdir( $item->getPathname() ); // phpcs:ignore WordPress.WP.AlternativeFunctions
			} else {
				unlink( $item->getPathname() ); // phpcs:ignore WordPress.WP.AlternativeFunctions
			}
		}
		rmdir( $dir ); // phpcs:ignore WordPress.WP.AlternativeFunctions
	}
}

if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids' ) ) as $seloste_site ) {
		switch_to_blog( $seloste_site );
		seloste_uninstall_site();
		restore_current_blog();
	}
} else {
	seloste_uninstall_site();
}
