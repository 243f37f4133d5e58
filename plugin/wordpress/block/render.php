<?php
/**
 * Server rendering of the seloste/notice block: the same function as the shortcode.
 *
 * @package Seloste
 *
 * @var array $attributes Block attributes.
 */

defined( 'ABSPATH' ) || exit;

$seloste_html = seloste_notice_html(
	array(
		'register' => (string) ( $attributes['register'] ?? '' ),
		'lang'     => (string) ( $attributes['lang'] ?? '' ),
		'theme'    => (string) ( $attributes['theme'] ?? '' ),
	)
);
if ( '' !== $seloste_html ) {
	// $seloste_html went through the allow-list in seloste_notice_html().
	echo '<div ' . get_block_wrapper_attributes( array( 'class' => 'seloste-embed' ) ) . '>' . $seloste_html . '</div>'; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped
}
