<?php
/**
 * Plugin Name:       Seloste native engine
 * Description:       Add-on for the Seloste plugin on self-hosted sites: builds the notices on this server with the Seloste engine (through PHP FFI to libseloste_c.so, or the seloste program) and imports them through the same verification as an upload.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      8.1
 * Requires Plugins:  seloste
 * Author:            Seloste contributors
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       seloste-native
 *
 * Not for the WordPress.org directory: it runs native code (FFI, proc_open),
 * which only the site's own administrator can allow. The Seloste plugin works
 * without it (upload or scheduled fetch).
 *
 * Copyright (C) Seloste contributors
 *
 * This program is free software; you can redistribute it and/or modify it
 * under the terms of the GNU General Public License as published by the Free
 * Software Foundation; either version 2 of the License, or (at your option)
 * any later version. It is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE. See the GNU General
 * Public License (the file LICENSE) for more details.
 *
 * @package Seloste
 * @license GPL-2.0-or-later
 */

defined( 'ABSPATH' ) || exit;

define( 'SELOSTE_NATIVE_VERSION', '0.1.0' );

// Plugins load in the order of their folder names ("seloste-native" before
// "seloste"), so everything waits until all plugins are loaded.
add_action(
	'plugins_loaded',
	static function () {
		if ( ! defined( 'SELOSTE_PLUGIN_VERSION' ) ) {
			add_action(
				'admin_notices',
				static function () {
					echo '<div class="notice notice-error"><p>' . esc_html__( 'Seloste native engine is an add-on: activate the Seloste plugin too.', 'seloste-native' ) . '</p></div>';
				}
			);
			return;
		}
		add_action(
			'init',
			static function () {
				load_plugin_textdomain( 'seloste-native', false, 'seloste-native/languages' );
			},
			1
		);
		require_once __DIR__ . '/includes/native.php';
		require_once __DIR__ . '/includes/native-admin.php';
		if ( defined( 'WP_CLI' ) && WP_CLI ) {
			require_once __DIR__ . '/includes/native-cli.php';
		}
	},
	5
);
