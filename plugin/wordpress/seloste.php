<?php
/**
 * Plugin Name:       Seloste
 * Description:       Publishes privacy notices (tietosuojaseloste) built by the Seloste engine: import a verified bundle, then show a notice with the [seloste] shortcode or the Seloste notice block.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      8.1
 * Author:            Seloste contributors
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       seloste
 *
 * The plugin never renders a notice by itself: it publishes the HTML that the
 * engine wrote into a bundle (docs/bundle-format.md), after verifying it.
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

define( 'SELOSTE_PLUGIN_VERSION', '0.1.0' );
define( 'SELOSTE_PLUGIN_FILE', __FILE__ );
define( 'SELOSTE_PLUGIN_DIR', __DIR__ );

require_once __DIR__ . '/includes/load.php';
require_once __DIR__ . '/includes/policy.php';
require_once __DIR__ . '/includes/verify.php';
require_once __DIR__ . '/includes/import.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/changes.php';
require_once __DIR__ . '/includes/versions.php';
require_once __DIR__ . '/includes/block.php';
require_once __DIR__ . '/includes/settings.php';
require_once __DIR__ . '/includes/admin-page.php';
require_once __DIR__ . '/includes/site-health.php';
require_once __DIR__ . '/includes/hooks.php';

if ( defined( 'WP_CLI' ) && WP_CLI ) {
	require_once __DIR__ . '/includes/cli.php';
}
