<?php
/**
 * Earlier versions of a notice on the front end. A bundle built with history
 * carries a fragment of every version (kind "version-fragment"); the import
 * keeps them, and the notice ends with a list of its earlier versions. Each
 * links to the same page with ?seloste_register=ID&seloste_version=DATE,
 * which shows that version's fragment with a note that it is an earlier
 * version and a link back to the current one.
 *
 * Only stored bytes that passed the verification and still match their hash
 * are served (seloste_stored_file_problem()); everything else is escaped.
 *
 * @package Seloste
 * @license GPL-2.0-or-later
 */

defined( 'ABSPATH' ) || exit;

/**
 * The index key of a stored version fragment.
 *
 * @param string $register Register ID.
 * @param string $lang     Language.
 * @param string $theme    Theme.
 * @param string $date     Version date.
 * @return string
 */
function seloste_version_key( $register, $lang, $theme, $date ) {
	return 'version|' . $register . '|' . $lang . '|' . $theme . '|' . $date;
}

/**
 * The few words the version list and note need, in the notice's language
 * (the notice's language, not the site's: a Swedish notice on a Finnish site).
 *
 * @param string $lang The notice's language.
 * @return array<string,string>
 */
function seloste_version_words( $lang ) {
	$words = array(
		'fi' => array(
			'list'    => 'Tämän selosteen aiemmat versiot',
			'note'    => 'Tämä on tämän selosteen aiempi versio, päivätty %s.',
			'current' => 'Katso voimassa oleva versio',
		),
		'sv' => array(
			'list'    => 'Tidigare versioner av denna beskrivning',
			'note'    => 'Detta är en tidigare version av denna beskrivning, daterad %s.',
			'current' => 'Se den gällande versionen',
		),
		'en' => array(
			'list'    => 'Earlier versions of this notice',
			'note'    => 'This is an earlier version of this notice, dated %s.',
			'current' => 'See the current version',
		),
	);
	return $words[ $lang ] ?? $words['en'];
}

/**
 * A version date as the notice's language writes it.
 *
 * @param string $date YYYY-MM-DD.
 * @param string $lang Language.
 * @return string
 */
function seloste_version_date_text( $date, $lang ) {
	list( $y, $m, $d ) = array_map( 'intval', explode( '-', $date ) );
	if ( 'fi' === $lang ) {
		return $d . '.' . $m . '.' . $y;
	}
	if ( 'en' === $lang ) {
		$months = array( 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December' );
		return $d . ' ' . $months[ $m - 1 ] . ' ' . $y;
	}
	return $date;
}

/**
 * The register, language and theme a notice request resolves to.
 *
 * @param array $args     register, lang, theme (as the shortcode takes them).
 * @param array $manifest The live manifest.
 * @return array{0: string, 1: string, 2: string} Register ('' when none could be chosen), language, theme.
 */
function seloste_resolve_notice( array $args, array $manifest ) {
	$register = seloste_clean_id( $args['register'] ?? '' );
	if ( '' === $register && 1 === count( $manifest['registers'] ) ) {
		$register = (string) $manifest['registers'][0]['id'];
	}
	$lang  = seloste_choose_lang( (string) ( $args['lang'] ?? '' ), $manifest['languages'], seloste_page_locale() );
	$theme = seloste_clean_id( $args['theme'] ?? '' );
	if ( '' === $theme ) {
		$theme = in_array( 'default', $manifest['themes'], true ) ? 'default' : (string) ( $manifest['themes'][0] ?? 'default' );
	}
	return array( $register, $lang, $theme );
}

/**
 * The version the visitor asked for with ?seloste_register=ID&seloste_version=DATE.
 *
 * @return array{0: string, 1: string}|null Register and date, or null.
 */
function seloste_requested_version() {
	// A read-only view of published content: no nonce.
	$register = isset( $_GET['seloste_register'] ) ? seloste_clean_id( wp_unslash( $_GET['seloste_register'] ) ) : ''; // phpcs:ignore WordPress.Security.NonceVerification.Recommended, WordPress.Security.ValidatedSanitizedInput.InputNotSanitized
	$date     = isset( $_GET['seloste_version'] ) ? (string) wp_unslash( $_GET['seloste_version'] ) : ''; // phpcs:ignore WordPress.Security.NonceVerification.Recommended, WordPress.Security.ValidatedSanitizedInput.InputNotSanitized
	return ( '' !== $register && seloste_is_valid_date( $date ) ) ? array( $register, $date ) : null;
}

/**
 * A stored version fragment that may be served, or ''.
 *
 * @param int    $bundle_id Bundle post ID.
 * @param string $key       seloste_version_key().
 * @return string
 */
function seloste_stored_version_fragment( $bundle_id, $key ) {
	$index = get_post_meta( $bundle_id, '_seloste_index', true );
	$id    = is_array( $index ) ? (int) ( $index[ $key ] ?? 0 ) : 0;
	$html  = $id ? (string) get_post_meta( $id, '_seloste_content', true ) : '';
	return ( '' !== $html && null === seloste_stored_file_problem( $id, $html ) ) ? $html : '';
}

/**
 * The earlier versions of a register that the live bundle can show in a
 * language and theme, newest first.
 *
 * @param WP_Post $bundle   The live bundle.
 * @param array   $manifest Its manifest.
 * @param string  $register Register ID.
 * @param string  $lang     Language.
 * @param string  $theme    Theme.
 * @return string[] Dates.
 */
function seloste_earlier_versions( $bundle, array $manifest, $register, $lang, $theme ) {
	$index = get_post_meta( $bundle->ID, '_seloste_index', true );
	$dates = array();
	foreach ( $manifest['registers'] as $r ) {
		if ( ( $r['id'] ?? '' ) !== $register ) {
			continue;
		}
		$current = seloste_register_current_date( $r );
		foreach ( seloste_register_versions( $r ) as $v ) {
			if ( $v['date'] !== $current && empty( $v['current'] ) && is_array( $index ) && isset( $index[ seloste_version_key( $register, $lang, $theme, $v['date'] ) ] ) ) {
				$dates[] = $v['date'];
			}
		}
	}
	return array_reverse( $dates );
}

/**
 * What the shortcode and the block print: the live notice followed by the
 * list of its earlier versions, or, when the visitor asked for one of them,
 * that version with a note and a link back.
 *
 * @param array $args register, lang, theme.
 * @return string
 */
function seloste_notice_with_versions( array $args ) {
	$bundle   = seloste_active_bundle();
	$manifest = $bundle ? seloste_bundle_manifest( $bundle ) : null;
	$html     = seloste_notice_html( $args );
	if ( ! $manifest || '' === $html ) {
		return $html;
	}
	list( $register, $lang, $theme ) = seloste_resolve_notice( $args, $manifest );
	$base                            = get_permalink();
	if ( '' === $register || ! $base ) {
		return $html;
	}
	$words     = seloste_version_words( $lang );
	$requested = seloste_requested_version();
	if ( null !== $requested && $requested[0] === $register ) {
		$old = seloste_stored_version_fragment( $bundle->ID, seloste_version_key( $register, $lang, $theme, $requested[1] ) );
		if ( '' !== $old && in_array( $requested[1], seloste_earlier_versions( $bundle, $manifest, $register, $lang, $theme ), true ) ) {
			seloste_enqueue_theme_style( $bundle->ID, $theme );
			// The engine's version fragment says itself that it is an earlier version (and
			// when it was in force); the plugin adds the link back, and the note when missing.
			$says = false !== strpos( $old, 'class="seloste-version-note' );
			$note = '<p class="' . ( $says ? 'seloste-version-back' : 'seloste-version-note' ) . '" role="note" lang="' . esc_attr( $lang ) . '" data-version="' . esc_attr( $requested[1] ) . '">'
				. ( $says ? '' : esc_html( sprintf( $words['note'], seloste_version_date_text( $requested[1], $lang ) ) ) . ' ' )
				. '<a href="' . esc_url( $base ) . '">' . esc_html( $words['current'] ) . '</a></p>';
			// The stored bytes of the version fragment: verified at the import, hash checked just now.
			return $note . $old;
		}
	}
	$dates = seloste_earlier_versions( $bundle, $manifest, $register, $lang, $theme );
	if ( ! $dates ) {
		return $html;
	}
	$list = '<nav class="seloste-versions" lang="' . esc_attr( $lang ) . '" aria-label="' . esc_attr( $words['list'] ) . '"><p>' . esc_html( $words['list'] ) . ':</p><ul>';
	foreach ( $dates as $date ) {
		$url   = add_query_arg(
			array(
				'seloste_register' => $register,
				'seloste_version'  => $date,
			),
			$base
		);
		$list .= '<li><a href="' . esc_url( $url ) . '"><time datetime="' . esc_attr( $date ) . '">' . esc_html( seloste_version_date_text( $date, $lang ) ) . '</time></a></li>';
	}
	return $html . $list . '</ul></nav>';
}
