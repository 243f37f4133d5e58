<?php
/**
 * Server rendering of the seloste/notice block: the same function as the shortcode.
 *
 * @package Seloste
 * @license GPL-2.0-or-later
 *
 * @var array $attributes Block attributes.
 */

defined( 'ABSPATH' ) || exit;

$seloste_html = seloste_notice_with_versions(
	array(
		'register' => (string) ( $attributes['register'] ?? '' ),
		'lang'     => (string) ( $attributes['lang'] ?? '' ),
		'theme'    => (string) ( $attributes['theme'] ?? '' ),
	)
);
if ( '' !== $seloste_html ) {
	// $seloste_html: stored bundle bytes whose hash and markup policy were checked, and escaped text (versions.php).
	echo '<div ' . get_block_wrapper_attributes( array( 'class' => 'seloste-embed' ) ) . '>' . $seloste_html . '</div>'; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped
}
