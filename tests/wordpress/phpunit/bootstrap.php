<?php
/**
 * Boots the real WordPress that tests/wordpress/run.sh set up (SELOSTE_WP_DIR),
 * with the plugin active. SELOSTE_TEST_TMP holds the suite's bundles and keys.
 */
// PHPUnit includes this file inside a function: declare WordPress's globals first.
global $wpdb, $current_site, $current_blog, $wp_rewrite, $shortcode_tags, $wp, $phpmailer, $wp_theme_directories;

$seloste_wp = getenv( 'SELOSTE_WP_DIR' );
if ( ! $seloste_wp || ! is_file( $seloste_wp . '/wp-load.php' ) ) {
	fwrite( STDERR, "SELOSTE_WP_DIR must point to a WordPress with the Seloste plugin active (tests/wordpress/run.sh sets it).\n" );
	exit( 1 );
}
$_SERVER['HTTP_HOST']   = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
require $seloste_wp . '/wp-load.php';
if ( ! function_exists( 'seloste_notice_html' ) ) {
	fwrite( STDERR, "The Seloste plugin is not active on that site.\n" );
	exit( 1 );
}
require __DIR__ . '/SelosteTestCase.php';
