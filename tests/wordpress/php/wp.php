<?php
// Runs PHP code inside the test site (the suite's stand-in for wp eval, as WP-CLI is not installable here).
// Usage: php wp.php SITE_DIR 'code'
$_SERVER['HTTP_HOST']   = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
require $argv[1] . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
wp_set_current_user( 1 );
eval( $argv[2] ); // phpcs:ignore Squiz.PHP.Eval -- test harness only.
