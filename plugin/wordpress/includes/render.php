<?php
/**
 * Serving a notice: the one function behind the shortcode and the block,
 * the language choice, and the policy's markup as a kses allow-list.
 *
 * Nothing here renders a notice: it looks up the fragment the engine wrote
 * into the live bundle and prints it.
 *
 * @package Seloste
 * @license GPL-2.0-or-later
 */

defined( 'ABSPATH' ) || exit;

/**
 * The elements and attributes a fragment may have, from the markup policy,
 * as a wp_kses() allow-list. The import's decision is the policy's
 * (seloste_markup_check()); this list is for code that filters HTML with kses.
 *
 * @return array<string,array<string,bool>>
 */
function seloste_allowed_html() {
	$policy  = seloste_markup_policy();
	$allowed = array();
	if ( null !== $policy ) {
		$global = array_fill_keys( $policy['global_attributes'], true );
		foreach ( $policy['elements'] as $tag => $attrs ) {
			if ( ! in_array( $tag, $policy['page_only_elements'], true ) ) {
				$allowed[ $tag ] = $global + array_fill_keys( $attrs, true );
			}
		}
	}
	/**
	 * Filters the kses allow-list derived from the markup policy. It does not
	 * change what an import accepts: data/markup-policy.json decides that.
	 *
	 * @param array $allowed wp_kses allow-list.
	 */
	return apply_filters( 'seloste_allowed_html', $allowed );
}

/**
 * The URL schemes a fragment's links may use (the policy's url_schemes).
 *
 * @return string[]
 */
function seloste_allowed_protocols() {
	$policy = seloste_markup_policy();
	return null !== $policy ? $policy['url_schemes'] : array( 'http', 'https', 'mailto', 'tel' );
}

/**
 * Filters a fragment through the kses allow-list. The one JSON-LD script the
 * policy allows (json_ld: exactly so written, valid JSON without '<', '>' or
 * '&') is kept as it is; kses has no rule for a script's content, so it
 * filters only the markup before and after it.
 *
 * @param string $html Fragment.
 * @return string
 */
function seloste_kses( $html ) {
	$html   = (string) $html;
	$policy = seloste_markup_policy();
	if ( null !== $policy && isset( $policy['json_ld'] ) ) {
		$rule = $policy['json_ld'];
		$at   = strpos( $html, '<' . $rule['element'] . ' type="' . $rule['type'] . '">' );
		$end  = false !== $at ? seloste_json_ld_problem( $html, $at, $rule, 1 ) : null;
		if ( is_int( $end ) ) {
			return wp_kses( substr( $html, 0, $at ), seloste_allowed_html(), seloste_allowed_protocols() )
				. substr( $html, $at, $end - $at )
				. wp_kses( substr( $html, $end ), seloste_allowed_html(), seloste_allowed_protocols() );
		}
	}
	return wp_kses( $html, seloste_allowed_html(), seloste_allowed_protocols() );
}

/**
 * SHA-256 of the plugin's markup policy, stored with every file checked against it.
 *
 * @return string
 */
function seloste_markup_policy_sha256() {
	static $sha = null;
	if ( null === $sha ) {
		$file = dirname( __DIR__ ) . '/data/markup-policy.json';
		$sha  = is_file( $file ) ? (string) hash_file( 'sha256', $file ) : '';
	}
	return $sha;
}

/**
 * Whether a stored fragment or stylesheet may be served: its bytes still have
 * the hash of the manifest, and they passed this plugin's markup policy. A
 * file stored under another policy (a bundle imported before an update of the
 * plugin) is checked now, once, and the result remembered.
 *
 * @param int    $file_id A seloste_file post ID.
 * @param string $content Its stored content.
 * @return string|null Null when it may be served, else what is wrong.
 */
function seloste_stored_file_problem( $file_id, $content ) {
	$path = (string) get_post_meta( $file_id, '_seloste_path', true );
	if ( ! hash_equals( (string) get_post_meta( $file_id, '_seloste_sha256', true ), hash( 'sha256', $content ) ) ) {
		/* translators: %s: a path */
		return sprintf( __( '%s no longer matches its hash.', 'seloste' ), $path );
	}
	$policy = seloste_markup_policy_sha256();
	if ( '' !== $policy && get_post_meta( $file_id, '_seloste_policy', true ) === $policy ) {
		return null;
	}
	$is_css  = 'css' === strtolower( (string) pathinfo( $path, PATHINFO_EXTENSION ) );
	$problem = $is_css ? seloste_css_problem( $content ) : seloste_markup_problem( $content, 'fragment' );
	if ( null !== $problem ) {
		return $path . ':' . $problem;
	}
	if ( '' !== $policy ) {
		update_post_meta( $file_id, '_seloste_policy', $policy );
	}
	return null;
}

/**
 * Maps a WordPress locale or language code (fi, fi_FI, sv_SE, en-GB) to one of
 * the bundle's languages.
 *
 * @param string   $locale    Locale or code.
 * @param string[] $available The bundle's languages.
 * @return string|null
 */
function seloste_locale_to_lang( $locale, array $available ) {
	$code = strtolower( substr( (string) preg_replace( '/[-_].*$/', '', (string) $locale ), 0, 8 ) );
	return in_array( $code, $available, true ) ? $code : null;
}

/**
 * The language of the current page: Polylang, then WPML, then get_locale().
 *
 * @return string A locale or language code.
 */
function seloste_page_locale() {
	if ( function_exists( 'pll_current_language' ) ) {
		$lang = pll_current_language( 'slug' );
		if ( is_string( $lang ) && '' !== $lang ) {
			return $lang;
		}
	}
	if ( defined( 'ICL_SITEPRESS_VERSION' ) || has_filter( 'wpml_current_language' ) ) {
		$lang = apply_filters( 'wpml_current_language', null );
		if ( is_string( $lang ) && '' !== $lang && 'all' !== $lang ) {
			return $lang;
		}
	}
	return get_locale();
}

/**
 * Chooses the language to serve. An explicit lang is used as is (and shows a
 * placeholder if missing). Otherwise the page language; when the bundle lacks
 * it, English, then the bundle's first language.
 *
 * @param string   $requested The lang attribute ('' or 'auto' = follow the page).
 * @param string[] $available The bundle's languages.
 * @param string   $locale    The page's locale (seloste_page_locale()).
 * @return string
 */
function seloste_choose_lang( $requested, array $available, $locale ) {
	$requested = strtolower( trim( (string) $requested ) );
	if ( '' !== $requested && 'auto' !== $requested ) {
		return $requested;
	}
	$lang = seloste_locale_to_lang( $locale, $available );
	if ( null !== $lang ) {
		return $lang;
	}
	if ( in_array( 'en', $available, true ) ) {
		return 'en';
	}
	return $available ? (string) reset( $available ) : 'fi';
}

/**
 * Keeps the characters an ID may have (letters, digits, '-' and '_').
 *
 * @param mixed $value Raw value.
 * @return string
 */
function seloste_clean_id( $value ) {
	return is_scalar( $value ) ? (string) preg_replace( '/[^\p{L}\p{N}_-]/u', '', (string) $value ) : '';
}

/**
 * THE function behind the shortcode and the block: the imported fragment of
 * a register in a language and theme, from the live bundle.
 *
 * @param array $args register (ID; may be left out when the bundle has one register),
 *                    lang ('' = follow the page), theme ('' = the bundle's first).
 * @return string HTML. When the notice is missing: a placeholder for those who
 *                can edit posts, an empty string for visitors.
 */
function seloste_notice_html( array $args ) {
	$args = wp_parse_args(
		$args,
		array(
			'register' => '',
			'lang'     => '',
			'theme'    => '',
		)
	);
	$bundle   = seloste_active_bundle();
	$manifest = $bundle ? seloste_bundle_manifest( $bundle ) : null;
	if ( ! $manifest ) {
		return seloste_placeholder( __( 'No Seloste bundle has been imported yet (Settings → Seloste).', 'seloste' ) );
	}
	list( $register, $lang, $theme ) = seloste_resolve_notice( $args, $manifest );
	if ( '' === $register ) {
		return seloste_placeholder( __( 'Choose a register for this Seloste notice.', 'seloste' ) );
	}

	$index = get_post_meta( $bundle->ID, '_seloste_index', true );
	$key   = 'fragment|' . $register . '|' . $lang . '|' . $theme;
	$id    = is_array( $index ) ? (int) ( $index[ $key ] ?? 0 ) : 0;
	$html  = $id ? (string) get_post_meta( $id, '_seloste_content', true ) : '';
	$bad   = '' === $html ? null : seloste_stored_file_problem( $id, $html );
	if ( null !== $bad ) {
		/* translators: %s: what is wrong */
		return seloste_placeholder( sprintf( __( 'This notice is not served: %s', 'seloste' ), $bad ) );
	}
	if ( '' === $html ) {
		return seloste_placeholder(
			sprintf(
				/* translators: 1: register ID, 2: language code, 3: theme name */
				__( 'The imported Seloste bundle has no notice for register "%1$s" in language "%2$s" with theme "%3$s".', 'seloste' ),
				$register,
				$lang,
				$theme
			)
		);
	}
	seloste_enqueue_theme_style( $bundle->ID, $theme );
	// Served byte for byte as the engine wrote it: its hash was just checked, and these
	// very bytes passed the markup policy (at the import, or just now after an update).
	return $html;
}

/**
 * A placeholder for a missing notice: visible to editors only.
 *
 * @param string $message What is missing.
 * @return string
 */
function seloste_placeholder( $message ) {
	if ( ! current_user_can( 'edit_posts' ) ) {
		return '';
	}
	return '<div class="seloste-placeholder" role="note" style="border:2px dashed #8c8f94;padding:1em;">'
		. '<strong>' . esc_html__( 'Seloste notice', 'seloste' ) . '</strong>: ' . esc_html( $message )
		. ' <em>' . esc_html__( '(Only editors see this; visitors see nothing here.)', 'seloste' ) . '</em></div>';
}

/**
 * Adds the theme's stylesheet from the live bundle, inline, once a page.
 *
 * @param int    $bundle_id Bundle post ID.
 * @param string $theme     Theme name.
 */
function seloste_enqueue_theme_style( $bundle_id, $theme ) {
	$handle = 'seloste-' . $theme;
	if ( wp_style_is( $handle, 'enqueued' ) ) {
		return;
	}
	$index = get_post_meta( $bundle_id, '_seloste_index', true );
	$id    = is_array( $index ) ? (int) ( $index[ 'file|assets/seloste-' . $theme . '.css' ] ?? 0 ) : 0;
	$css   = $id ? (string) get_post_meta( $id, '_seloste_content', true ) : '';
	if ( '' === $css || null !== seloste_stored_file_problem( $id, $css ) ) {
		return;
	}
	wp_register_style( $handle, false, array(), SELOSTE_PLUGIN_VERSION );
	wp_add_inline_style( $handle, $css );
	wp_enqueue_style( $handle );
}

/**
 * The [seloste register="ID" lang="fi" theme="default"] shortcode.
 *
 * @param array|string $atts Attributes.
 * @return string
 */
function seloste_shortcode( $atts ) {
	$atts = shortcode_atts(
		array(
			'register' => '',
			'lang'     => '',
			'theme'    => '',
		),
		is_array( $atts ) ? $atts : array(),
		'seloste'
	);
	$html = seloste_notice_with_versions( $atts );
	return '' === $html ? '' : '<div class="seloste-embed">' . $html . '</div>';
}
