<?php
// Installs WordPress into the site given as argv[1] (its wp-config.php is already written).
// Usage: php install.php SITE_DIR ADMIN_PASSWORD
$_SERVER['HTTP_HOST']   = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
define( 'WP_INSTALLING', true );
// Pluggable: no mail on a test machine.
function wp_new_blog_notification( $blog_title, $blog_url, $user_id, $password ) {}
require $argv[1] . '/wp-load.php';
require ABSPATH . 'wp-admin/includes/upgrade.php';
$result = wp_install( 'Seloste test site', 'admin', 'admin@example.invalid', true, '', $argv[2] );
if ( is_wp_error( $result ) || empty( $result['user_id'] ) ) {
	fwrite( STDERR, "install failed\n" );
	exit( 1 );
}
echo "installed\n";
