<?php
/**
 * Dependencies of editor.js (plain JavaScript, no build step).
 *
 * @package Seloste
 * @license GPL-2.0-or-later
 */

return array(
	'dependencies' => array( 'wp-blocks', 'wp-element', 'wp-components', 'wp-block-editor', 'wp-server-side-render', 'wp-i18n' ),
	'version'      => '0.1.0',
);
