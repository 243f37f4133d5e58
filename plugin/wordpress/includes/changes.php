<?php
/**
 * What changed between two imports, in words: the semantic changes that the
 * engine wrote into the bundle (manifest registers[].versions[].changes,
 * docs/bundle-format.md). PHP computes no diff: it only reads the bundles.
 *
 * For each register of the new bundle, the versions newer than the one that
 * was published before are listed with their change sentences. A bundle built
 * without history has no such versions: then the notice's bytes tell
 * "unchanged" from "changed, but no change recorded".
 *
 * @package Seloste
 * @license GPL-2.0-or-later
 */

defined( 'ABSPATH' ) || exit;

/**
 * The language of the admin user's messages: fi, sv or en from the user's
 * locale, else en.
 *
 * @return string
 */
function seloste_admin_lang() {
	return seloste_locale_to_lang( get_user_locale(), array( 'fi', 'sv', 'en' ) ) ?? 'en';
}

/**
 * A register's versions from a manifest, oldest first, each with a valid date.
 *
 * @param array $register A manifest register.
 * @return array[]
 */
function seloste_register_versions( array $register ) {
	$out = array();
	foreach ( is_array( $register['versions'] ?? null ) ? $register['versions'] : array() as $v ) {
		if ( is_array( $v ) && seloste_is_valid_date( $v['date'] ?? null ) ) {
			$out[] = $v;
		}
	}
	usort(
		$out,
		static function ( $a, $b ) {
			return strcmp( $a['date'], $b['date'] );
		}
	);
	return $out;
}

/**
 * The date of a register's current version: the version marked current, else
 * the newest, else the register's own date; null when the bundle does not say.
 *
 * @param array $register A manifest register.
 * @return string|null
 */
function seloste_register_current_date( array $register ) {
	$versions = seloste_register_versions( $register );
	foreach ( $versions as $v ) {
		if ( ! empty( $v['current'] ) ) {
			return $v['date'];
		}
	}
	if ( $versions ) {
		return end( $versions )['date'];
	}
	foreach ( array( 'date', 'notice_date' ) as $key ) {
		if ( seloste_is_valid_date( $register[ $key ] ?? null ) ) {
			return $register[ $key ];
		}
	}
	return null;
}

/**
 * The SHA-256 of every fragment of one register, by language and theme.
 *
 * @param array  $manifest A manifest.
 * @param string $register Register ID.
 * @return array<string,string>
 */
function seloste_register_fragment_hashes( array $manifest, $register ) {
	$out = array();
	foreach ( $manifest['pages'] ?? array() as $p ) {
		if ( 'fragment' === ( $p['kind'] ?? '' ) && ( $p['register'] ?? '' ) === $register ) {
			$out[ $p['lang'] . '|' . ( $p['theme'] ?? 'default' ) ] = (string) $p['sha256'];
		}
	}
	ksort( $out );
	return $out;
}

/**
 * Keeps only what may be shown of a version's changes: lists of strings per
 * language code.
 *
 * @param mixed $changes "changes" of a manifest version.
 * @return array<string,string[]>
 */
function seloste_clean_changes( $changes ) {
	$out = array();
	foreach ( is_array( $changes ) ? $changes : array() as $lang => $sentences ) {
		if ( ! is_string( $lang ) || ! preg_match( '/^[a-z]{2,8}$/', $lang ) || ! is_array( $sentences ) ) {
			continue;
		}
		$out[ $lang ] = array_values( array_map( 'strval', array_filter( $sentences, 'is_scalar' ) ) );
	}
	return $out;
}

/**
 * What changed from one bundle's manifest to the next, per register.
 *
 * Each register gets a status: first (nothing was imported before), added,
 * removed, changed (versions newer than the published one, with their
 * sentences), no-record (the notice changed, but the bundle records no newer
 * version: built without history) or unchanged (the same bytes).
 *
 * @param array|null $old The previously published manifest, or null.
 * @param array      $new The imported manifest.
 * @return array<string,array{status: string, name: array, from: ?string, to: ?string, versions: array}>
 */
function seloste_manifest_changes( $old, array $new ) {
	$by_id = static function ( $m ) {
		$out = array();
		foreach ( is_array( $m ) ? ( $m['registers'] ?? array() ) : array() as $r ) {
			if ( is_array( $r ) && is_string( $r['id'] ?? null ) ) {
				$out[ $r['id'] ] = $r;
			}
		}
		return $out;
	};
	$before = $by_id( $old );
	$after  = $by_id( $new );
	$out    = array();
	foreach ( $after as $id => $r ) {
		$entry = array(
			'status'   => 'unchanged',
			'name'     => is_array( $r['name'] ?? null ) ? array_map( 'strval', array_filter( $r['name'], 'is_scalar' ) ) : array(),
			'from'     => null,
			'to'       => seloste_register_current_date( $r ),
			'versions' => array(),
		);
		if ( null === $old ) {
			$entry['status'] = 'first';
		} elseif ( ! isset( $before[ $id ] ) ) {
			$entry['status'] = 'added';
		} else {
			$entry['from'] = seloste_register_current_date( $before[ $id ] );
			foreach ( seloste_register_versions( $r ) as $v ) {
				if ( null !== $entry['from'] && strcmp( $v['date'], $entry['from'] ) > 0 ) {
					$entry['versions'][] = array(
						'date'    => $v['date'],
						'changes' => seloste_clean_changes( $v['changes'] ?? array() ),
					);
				}
			}
			if ( $entry['versions'] ) {
				$entry['status'] = 'changed';
			} elseif ( seloste_register_fragment_hashes( $old, $id ) !== seloste_register_fragment_hashes( $new, $id ) ) {
				$entry['status'] = 'no-record';
			}
		}
		$out[ $id ] = $entry;
	}
	foreach ( $before as $id => $r ) {
		if ( ! isset( $after[ $id ] ) ) {
			$out[ $id ] = array(
				'status'   => 'removed',
				'name'     => is_array( $r['name'] ?? null ) ? array_map( 'strval', array_filter( $r['name'], 'is_scalar' ) ) : array(),
				'from'     => seloste_register_current_date( $r ),
				'to'       => null,
				'versions' => array(),
			);
		}
	}
	return $out;
}

/**
 * The changes an import brought, kept with the bundle when it was stored;
 * for bundles stored before, worked out from the previous stored bundle.
 *
 * @param int $bundle_id Bundle post ID.
 * @return array{previous: int, registers: array}
 */
function seloste_bundle_changes( $bundle_id ) {
	$kept = get_post_meta( (int) $bundle_id, '_seloste_changes', true );
	if ( is_array( $kept ) && isset( $kept['registers'] ) ) {
		return $kept;
	}
	$previous = 0;
	foreach ( seloste_history() as $b ) {
		if ( $b->ID < (int) $bundle_id ) {
			$previous = $b->ID;
			break;
		}
	}
	$new = seloste_bundle_manifest( (int) $bundle_id );
	return array(
		'previous'  => $previous,
		'registers' => is_array( $new ) ? seloste_manifest_changes( $previous ? seloste_bundle_manifest( $previous ) : null, $new ) : array(),
	);
}

/**
 * The sentences of one version in a language: that language's, else English,
 * else the first language that has any.
 *
 * @param array  $changes Language => sentences.
 * @param string $lang    Wanted language.
 * @return string[]
 */
function seloste_changes_in( array $changes, $lang ) {
	if ( isset( $changes[ $lang ] ) ) {
		return $changes[ $lang ];
	}
	if ( isset( $changes['en'] ) ) {
		return $changes['en'];
	}
	return $changes ? (array) reset( $changes ) : array();
}

/**
 * A register's name in a language, else its ID.
 *
 * @param string $id   Register ID.
 * @param array  $name Language => name.
 * @param string $lang Wanted language.
 * @return string
 */
function seloste_register_label( $id, array $name, $lang ) {
	$n = $name[ $lang ] ?? $name['en'] ?? ( $name ? reset( $name ) : '' );
	return '' !== (string) $n ? sprintf( '%s (%s)', $n, $id ) : (string) $id;
}

/**
 * The changes of an import as an HTML list, in the admin user's language.
 * Everything from the bundle is escaped.
 *
 * @param array    $registers seloste_manifest_changes() output.
 * @param string   $lang      Language of the sentences.
 * @param string[] $only      Statuses to list (empty: all).
 * @return string
 */
function seloste_changes_html( array $registers, $lang, array $only = array() ) {
	$items = '';
	foreach ( $registers as $id => $r ) {
		$status = (string) ( $r['status'] ?? '' );
		if ( $only && ! in_array( $status, $only, true ) ) {
			continue;
		}
		$label = '<strong>' . esc_html( seloste_register_label( (string) $id, (array) ( $r['name'] ?? array() ), $lang ) ) . '</strong>';
		switch ( $status ) {
			case 'first':
				/* translators: %s: date */
				$text = null !== ( $r['to'] ?? null ) ? sprintf( __( 'first import (the version of %s)', 'seloste' ), $r['to'] ) : __( 'first import', 'seloste' );
				break;
			case 'added':
				$text = __( 'new notice', 'seloste' );
				break;
			case 'removed':
				$text = __( 'removed: the bundle no longer has this notice', 'seloste' );
				break;
			case 'no-record':
				$text = __( 'no change recorded: the notice changed, but the bundle was built without version history', 'seloste' );
				break;
			case 'changed':
				/* translators: 1: date of the version that was published, 2: date of the imported version */
				$text = sprintf( __( 'changed from the version of %1$s to the version of %2$s:', 'seloste' ), (string) $r['from'], (string) $r['to'] );
				break;
			default:
				$text = __( 'unchanged', 'seloste' );
		}
		$items .= '<li class="seloste-change seloste-change-' . esc_attr( $status ) . '" data-register="' . esc_attr( (string) $id ) . '">' . $label . ': ' . esc_html( $text );
		if ( 'changed' === $status ) {
			$items .= '<ul>';
			foreach ( (array) $r['versions'] as $v ) {
				$sentences = seloste_changes_in( (array) ( $v['changes'] ?? array() ), $lang );
				if ( ! $sentences ) {
					$sentences = array( __( 'no change recorded for this version', 'seloste' ) );
				}
				foreach ( $sentences as $sentence ) {
					$items .= '<li><time datetime="' . esc_attr( (string) $v['date'] ) . '">' . esc_html( (string) $v['date'] ) . '</time>: ' . esc_html( (string) $sentence ) . '</li>';
				}
			}
			$items .= '</ul>';
		}
		$items .= '</li>';
	}
	return '' === $items ? '' : '<ul class="seloste-changes">' . $items . '</ul>';
}
