<?php
/**
 * The dynamic block "seloste/notice" (block/block.json) and the data its
 * editor script needs: the registers, languages and themes of the live bundle.
 *
 * @package Seloste
 * @license GPL-2.0-or-later
 */

defined( 'ABSPATH' ) || exit;

/**
 * Registers the block from its block.json (rendered on the server by block/render.php).
 */
function seloste_register_block() {
	register_block_type( SELOSTE_PLUGIN_DIR . '/block' );
	// The editor script's strings: languages/seloste-LOCALE-MD5.json (scripts/wordpress-i18n).
	wp_set_script_translations( generate_block_asset_handle( 'seloste/notice', 'editorScript' ), 'seloste', SELOSTE_PLUGIN_DIR . '/languages' );
}

/**
 * What the editor's register/language picker offers, from the live bundle.
 *
 * @return array{registers: array<int,array{id: string, name: array}>, languages: string[], themes: string[], imported: bool}
 */
function seloste_editor_data() {
	$manifest = seloste_bundle_manifest();
	$out      = array(
		'imported'  => (bool) $manifest,
		'registers' => array(),
		'languages' => $manifest['languages'] ?? array(),
		'themes'    => $manifest['themes'] ?? array(),
	);
	foreach ( $manifest['registers'] ?? array() as $r ) {
		$out['registers'][] = array(
			'id'   => (string) $r['id'],
			'name' => is_array( $r['name'] ?? null ) ? array_map( 'strval', $r['name'] ) : array(),
		);
	}
	return $out;
}

/**
 * Hands the picker data to the block's editor script.
 */
function seloste_block_editor_data() {
	$handle = generate_block_asset_handle( 'seloste/notice', 'editorScript' );
	wp_add_inline_script( $handle, 'window.selosteEditorData = ' . wp_json_encode( seloste_editor_data() ) . ';', 'before' );
	seloste_block_editor_style();
}

/**
 * The notice stylesheet of the live bundle in the block editor, so that the
 * preview looks as the notice does on the page: the default theme's (or the
 * bundle's first theme's), the same stored bytes as on the front end. Every
 * rule of a Seloste stylesheet sits under the notice's root class, so the
 * editor around the preview is not restyled.
 */
function seloste_block_editor_style() {
	$bundle   = seloste_active_bundle();
	$manifest = $bundle ? seloste_bundle_manifest( $bundle ) : null;
	if ( ! $manifest ) {
		return;
	}
	$theme = in_array( 'default', $manifest['themes'], true ) ? 'default' : (string) ( $manifest['themes'][0] ?? 'default' );
	$index = get_post_meta( $bundle->ID, '_seloste_index', true );
	$id    = is_array( $index ) ? (int) ( $index[ 'file|assets/seloste-' . $theme . '.css' ] ?? 0 ) : 0;
	$css   = $id ? (string) get_post_meta( $id, '_seloste_content', true ) : '';
	if ( '' === $css || null !== seloste_stored_file_problem( $id, $css ) ) {
		return;
	}
	wp_register_style( 'seloste-editor-' . $theme, false, array(), SELOSTE_PLUGIN_VERSION );
	wp_add_inline_style( 'seloste-editor-' . $theme, $css );
	wp_enqueue_style( 'seloste-editor-' . $theme );
}

/**
 * The same data over REST, for editors only: GET /wp-json/seloste/v1/manifest.
 */
function seloste_register_rest_routes() {
	register_rest_route(
		'seloste/v1',
		'/manifest',
		array(
			'methods'             => 'GET',
			'callback'            => static function () {
				return rest_ensure_response( seloste_editor_data() );
			},
			'permission_callback' => static function () {
				return current_user_can( 'edit_posts' );
			},
		)
	);
}
