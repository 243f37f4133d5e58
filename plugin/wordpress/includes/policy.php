<?php
/**
 * The markup policy: what a bundle's pages, fragments and stylesheets may
 * contain. data/markup-policy.json is a copy of core/data/markup-policy.json,
 * the one specification that `seloste verify`, the Eleventy plugin and this
 * plugin enforce (the suite fails when the copy differs).
 *
 * PHP has no HTML5 parser, so this is a strict validator of the small grammar
 * the policy allows: lower-case tags from the list, attributes from the list
 * with quoted values, the listed character references, nothing else. What it
 * checks is exactly what is stored and served, byte for byte.
 *
 * These functions only read: they never publish.
 *
 * @package Seloste
 * @license GPL-2.0-or-later
 */

defined( 'ABSPATH' ) || exit;

/**
 * The policy shipped with the plugin, decoded once.
 *
 * @return array|null Null when data/markup-policy.json is missing or unreadable.
 */
function seloste_markup_policy() {
	static $policy = null;
	if ( null === $policy ) {
		$raw    = @file_get_contents( dirname( __DIR__ ) . '/data/markup-policy.json' ); // phpcs:ignore WordPress.WP.AlternativeFunctions, WordPress.PHP.NoSilencedErrors
		$policy = is_string( $raw ) ? json_decode( $raw, true ) : null;
		if ( ! is_array( $policy ) || 'seloste-markup-policy' !== ( $policy['format'] ?? null ) || ! is_array( $policy['elements'] ?? null ) || ! is_array( $policy['css'] ?? null ) ) {
			$policy = false;
		}
	}
	return $policy ? $policy : null;
}

/**
 * The one JSON-LD script a page or fragment may hold (markup-policy.json: json_ld):
 * exactly <script type="application/ld+json">, valid JSON without the characters
 * that could end the element or open a comment, then </script>.
 *
 * @param string $html   The file.
 * @param int    $at     Offset of its "<script".
 * @param array  $rule   The policy's json_ld.
 * @param int    $number How many such scripts the file has had, this one included.
 * @return int|array The offset after its end tag, or array( offset, problem ).
 */
function seloste_json_ld_problem( $html, $at, array $rule, $number ) {
	if ( $number > (int) $rule['max_per_file'] ) {
		return array( $at, sprintf( 'more than %d <%s> elements; expected one JSON-LD script at most (markup-policy.json: json_ld)', (int) $rule['max_per_file'], $rule['element'] ) );
	}
	$open = '<' . $rule['element'] . ' type="' . $rule['type'] . '">';
	if ( 0 !== substr_compare( $html, $open, $at, strlen( $open ) ) ) {
		return array( $at, sprintf( 'a <%1$s> other than %2$s with no other attribute; expected only the JSON-LD script (markup-policy.json: json_ld)', $rule['element'], $open ) );
	}
	$from  = $at + strlen( $open );
	$close = '</' . $rule['element'] . '>';
	$end   = strpos( $html, $close, $from );
	if ( false === $end ) {
		return array( $at, sprintf( 'the JSON-LD script never ends; expected %s', $close ) );
	}
	$content = substr( $html, $from, $end - $from );
	$bad     = strcspn( $content, implode( '', $rule['forbidden_characters'] ) );
	if ( $bad < strlen( $content ) ) {
		return array( $from + $bad, sprintf( 'a literal "%s" in the JSON-LD script; expected it written as a \\u escape (markup-policy.json: json_ld)', $content[ $bad ] ) );
	}
	json_decode( $content );
	if ( '' === trim( $content ) || JSON_ERROR_NONE !== json_last_error() ) {
		return array( $from, 'the JSON-LD script does not hold valid JSON (markup-policy.json: json_ld)' );
	}
	return $end + strlen( $close );
}

/**
 * Line and column (1-based; columns count characters) of a byte offset.
 * CR LF, LF and a lone CR each end a line.
 *
 * @param string $text   Text.
 * @param int    $offset Byte offset.
 * @return int[] array( line, column ).
 */
function seloste_line_col( $text, $offset ) {
	$before = str_replace( array( "\r\n", "\r" ), "\n", substr( $text, 0, $offset ) );
	$start  = strrpos( $before, "\n" );
	$last   = false === $start ? $before : substr( $before, $start + 1 );
	return array( substr_count( $before, "\n" ) + 1, preg_match_all( '/[^\x80-\xBF]/', $last ) + 1 );
}

/**
 * Formats a problem found at a byte offset as "line:col: error: what".
 *
 * @param string     $text    The checked text.
 * @param array|null $problem array( offset, message ) or null.
 * @return string|null
 */
function seloste_format_problem( $text, $problem ) {
	if ( null === $problem ) {
		return null;
	}
	list( $line, $col ) = seloste_line_col( $text, $problem[0] );
	return sprintf( '%d:%d: error: %s', $line, $col, $problem[1] );
}

/**
 * The encoding rule: valid UTF-8 without control characters other than tab,
 * line feed and carriage return (no C0 controls, no DEL, no C1 controls).
 *
 * @param string $text Text.
 * @return array|null array( byte offset, message ) of the first problem.
 */
function seloste_text_problem( $text ) {
	if ( ! preg_match( '//u', $text ) ) {
		preg_match( '/^(?:[\x00-\x7F]|[\xC2-\xDF][\x80-\xBF]|\xE0[\xA0-\xBF][\x80-\xBF]|[\xE1-\xEC\xEE\xEF][\x80-\xBF]{2}|\xED[\x80-\x9F][\x80-\xBF]|\xF0[\x90-\xBF][\x80-\xBF]{2}|[\xF1-\xF3][\x80-\xBF]{3}|\xF4[\x80-\x8F][\x80-\xBF]{2})*+/', $text, $m );
		$at = strlen( $m[0] ?? '' );
		return array( $at, sprintf( 'invalid UTF-8 (byte 0x%02X); expected UTF-8 text', ord( $text[ $at ] ?? "\0" ) ) );
	}
	if ( preg_match( '/[\x00-\x08\x0B-\x0C\x0E-\x1F\x7F]|\xC2[\x80-\x9F]/', $text, $m, PREG_OFFSET_CAPTURE ) ) {
		$cp = 1 === strlen( $m[0][0] ) ? ord( $m[0][0] ) : ord( $m[0][0][1] );
		return array( $m[0][1], sprintf( 'a control character U+%04X; expected text with no control characters other than tab, line feed and carriage return', $cp ) );
	}
	return null;
}

/**
 * UTF-8 of a code point.
 *
 * @param int $cp Code point (0 to 0x10FFFF, not a surrogate).
 * @return string
 */
function seloste_utf8_chr( $cp ) {
	if ( $cp < 0x80 ) {
		return chr( $cp );
	}
	if ( $cp < 0x800 ) {
		return chr( 0xC0 | ( $cp >> 6 ) ) . chr( 0x80 | ( $cp & 0x3F ) );
	}
	if ( $cp < 0x10000 ) {
		return chr( 0xE0 | ( $cp >> 12 ) ) . chr( 0x80 | ( ( $cp >> 6 ) & 0x3F ) ) . chr( 0x80 | ( $cp & 0x3F ) );
	}
	return chr( 0xF0 | ( $cp >> 18 ) ) . chr( 0x80 | ( ( $cp >> 12 ) & 0x3F ) ) . chr( 0x80 | ( ( $cp >> 6 ) & 0x3F ) ) . chr( 0x80 | ( $cp & 0x3F ) );
}

/**
 * The named references HTML5 also recognises without a ';' (the HTML 4
 * Latin-1 names, and AMP, LT, GT, QUOT, COPY, REG), with their text.
 *
 * @return array<string,string>
 */
function seloste_legacy_references() {
	static $legacy = null;
	if ( null === $legacy ) {
		$legacy = array();
		foreach ( get_html_translation_table( HTML_ENTITIES, ENT_QUOTES | ENT_HTML401, 'UTF-8' ) as $char => $ref ) {
			$cp = 2 === strlen( $char ) ? ( ( ord( $char[0] ) & 0x1F ) << 6 ) | ( ord( $char[1] ) & 0x3F ) : 0;
			if ( $cp >= 0xA0 && $cp <= 0xFF ) {
				$legacy[ substr( $ref, 1, -1 ) ] = $char;
			}
		}
		foreach ( array( 'amp' => '&', 'lt' => '<', 'gt' => '>', 'quot' => '"', 'AMP' => '&', 'LT' => '<', 'GT' => '>', 'QUOT' => '"', 'COPY' => "\u{A9}", 'REG' => "\u{AE}" ) as $name => $char ) {
			$legacy[ $name ] = $char;
		}
	}
	return $legacy;
}

/**
 * Decodes every character reference as an HTML5 browser does: named (with
 * ';', and the legacy names without), decimal and hex with or without ';',
 * 0, surrogates and out-of-range numbers as U+FFFD, 0x80-0x9F as windows-1252.
 *
 * @param string $text         Raw text or attribute value.
 * @param bool   $in_attribute In an attribute value, a legacy name without ';' followed by '=' or a letter or digit stays as it is.
 * @return string
 */
function seloste_decode_references( $text, $in_attribute = true ) {
	static $cp1252 = array(
		0x80 => 0x20AC,
		0x82 => 0x201A,
		0x83 => 0x0192,
		0x84 => 0x201E,
		0x85 => 0x2026,
		0x86 => 0x2020,
		0x87 => 0x2021,
		0x88 => 0x02C6,
		0x89 => 0x2030,
		0x8A => 0x0160,
		0x8B => 0x2039,
		0x8C => 0x0152,
		0x8E => 0x017D,
		0x91 => 0x2018,
		0x92 => 0x2019,
		0x93 => 0x201C,
		0x94 => 0x201D,
		0x95 => 0x2022,
		0x96 => 0x2013,
		0x97 => 0x2014,
		0x98 => 0x02DC,
		0x99 => 0x2122,
		0x9A => 0x0161,
		0x9B => 0x203A,
		0x9C => 0x0153,
		0x9E => 0x017E,
		0x9F => 0x0178,
	);
	return (string) preg_replace_callback(
		'/&(?:#[xX]([0-9a-fA-F]+);?|#([0-9]+);?|([A-Za-z][A-Za-z0-9]*)(;?))/',
		static function ( $m ) use ( $cp1252, $in_attribute, $text ) {
			$after = $text[ $m[0][1] + strlen( $m[0][0] ) ] ?? '';
			$m     = array_map(
				static function ( $group ) {
					return $group[0];
				},
				$m
			) + array_fill( 0, 5, '' );
			if ( '' !== $m[3] ) {
				if ( ';' === $m[4] ) {
					$full = html_entity_decode( '&' . $m[3] . ';', ENT_QUOTES | ENT_HTML5, 'UTF-8' );
					if ( '&' . $m[3] . ';' !== $full ) {
						return $full;
					}
				}
				$legacy = seloste_legacy_references();
				for ( $n = strlen( $m[3] ); $n > 0; $n-- ) {
					$name = substr( $m[3], 0, $n );
					if ( isset( $legacy[ $name ] ) ) {
						$rest = substr( $m[3], $n ) . $m[4];
						$next = '' !== $rest ? $rest[0] : $after;
						if ( $in_attribute && '' !== $next && ( ctype_alnum( $next ) || '=' === $next ) ) {
							return $m[0];
						}
						return $legacy[ $name ] . $rest;
					}
				}
				return $m[0];
			}
			$digits = ltrim( '' !== $m[1] ? $m[1] : $m[2], '0' );
			$base   = '' !== $m[1] ? 16 : 10;
			$cp     = strlen( $digits ) > 8 ? 0x110000 : (int) base_convert( '' === $digits ? '0' : $digits, $base, 10 );
			if ( 0 === $cp || $cp > 0x10FFFF || ( $cp >= 0xD800 && $cp <= 0xDFFF ) ) {
				$cp = 0xFFFD;
			}
			return seloste_utf8_chr( $cp1252[ $cp ] ?? $cp );
		},
		$text,
		-1,
		$count,
		PREG_OFFSET_CAPTURE
	);
}

/**
 * A URL attribute's value as a browser reads it: every reference decoded,
 * ASCII tab, LF and CR removed, C0 controls and spaces trimmed at both ends.
 *
 * @param string $raw The attribute value as written.
 * @return string
 */
function seloste_normalised_url( $raw ) {
	return trim( str_replace( array( "\t", "\n", "\r" ), '', seloste_decode_references( $raw, true ) ), "\x00..\x20" );
}

/**
 * The scheme of a normalised URL, lower-case, or null when it has none. Any
 * ':' before the first '/', '?' or '#' counts as ending a scheme (stricter
 * than a browser, never looser).
 *
 * @param string $url Normalised URL.
 * @return string|null
 */
function seloste_url_scheme( $url ) {
	$head  = substr( $url, 0, strcspn( $url, '/?#' ) );
	$colon = strpos( $head, ':' );
	return false === $colon ? null : strtolower( substr( $head, 0, $colon ) );
}

/**
 * Checks a URL attribute's value: a scheme (case-insensitive, after
 * seloste_normalised_url()) must be one of the policy's; a URL without a
 * scheme (relative, '#id') is fine.
 *
 * @param string   $raw     The attribute value as written (references not decoded).
 * @param string[] $schemes Allowed schemes.
 * @return string|null What is wrong, or null.
 */
function seloste_url_problem( $raw, array $schemes ) {
	$scheme = seloste_url_scheme( seloste_normalised_url( $raw ) );
	if ( null === $scheme || in_array( $scheme, $schemes, true ) ) {
		return null;
	}
	return sprintf( 'the URL scheme %s is not allowed; expected %s: or a relative URL', wp_json_encode( $scheme ), implode( ':, ', $schemes ) );
}

/**
 * Checks a fragment or page against the policy.
 *
 * @param string $html HTML as stored and served.
 * @param string $kind fragment, or page (a whole document: page, index).
 * @return array|null array( byte offset, message ) of the first problem, or null.
 */
function seloste_markup_check( $html, $kind = 'fragment' ) {
	$policy = seloste_markup_policy();
	if ( null === $policy ) {
		return array( 0, 'the markup policy (data/markup-policy.json in the plugin) is missing or unreadable' );
	}
	$bad = seloste_text_problem( $html );
	if ( null !== $bad ) {
		return $bad;
	}
	$is_page   = 'fragment' !== $kind;
	$elements  = $policy['elements'];
	$page_only = array_flip( $policy['page_only_elements'] );
	$void      = array_flip( $policy['void_elements'] );
	$global    = array_flip( $policy['global_attributes'] );
	$url_attrs = array_flip( $policy['url_attributes'] );
	$refs      = $policy['character_references'];
	$json_ld   = $policy['json_ld'];
	$len       = strlen( $html );
	$stack     = array(); // array( name, offset ) of each open element.
	$json_ld_seen = 0;
	$i         = 0;
	if ( $is_page ) {
		$doctype = (string) $policy['doctype'];
		if ( 0 !== strncmp( $html, $doctype, strlen( $doctype ) ) ) {
			return array( 0, sprintf( 'expected a page to start with %s', $doctype ) );
		}
		$i = strlen( $doctype );
	}
	$ref_ok = static function ( $at ) use ( $html, $refs ) {
		foreach ( $refs as $ref ) {
			if ( 0 === substr_compare( $html, $ref, $at, strlen( $ref ) ) ) {
				return strlen( $ref );
			}
		}
		return 0;
	};
	$bad_ref = sprintf( 'a character reference or "&" that the policy does not allow; expected one of %s', implode( ' ', $refs ) );

	while ( true ) {
		$i += strcspn( $html, '<&', $i );
		if ( $i >= $len ) {
			break;
		}
		if ( '&' === $html[ $i ] ) {
			$n = $ref_ok( $i );
			if ( 0 === $n ) {
				return array( $i, $bad_ref );
			}
			$i += $n;
			continue;
		}
		$top = $stack ? $stack[ count( $stack ) - 1 ][0] : null;
		if ( preg_match( '/\G<\/([a-z][a-z0-9]*)[\t\n\r ]*>/', $html, $m, 0, $i ) ) {
			if ( $m[1] !== $top ) {
				return array( $i, null === $top ? sprintf( 'an end tag </%s> with no open element', $m[1] ) : sprintf( 'an end tag </%1$s> where </%2$s> was expected', $m[1], $top ) );
			}
			array_pop( $stack );
			$i += strlen( $m[0] );
			continue;
		}
		if ( 'title' === $top ) {
			return array( $i, 'a "<" inside <title>; expected only text and </title>' );
		}
		if ( ! preg_match( '/\G<([a-z][a-z0-9]*)/', $html, $m, 0, $i ) ) {
			return array( $i, 'a "<" that starts no allowed tag (comments, declarations, processing instructions and upper-case names are refused); expected a lower-case start or end tag, or &lt;' );
		}
		$name  = $m[1];
		$start = $i;
		if ( $name === $json_ld['element'] ) {
			$problem = seloste_json_ld_problem( $html, $i, $json_ld, ++$json_ld_seen );
			if ( is_array( $problem ) ) {
				return $problem;
			}
			$i = $problem;
			continue;
		}
		if ( ! isset( $elements[ $name ] ) || ( ! $is_page && isset( $page_only[ $name ] ) ) ) {
			return array( $i, sprintf( 'the element <%1$s> is not allowed in a %2$s', $name, $is_page ? 'page' : 'fragment' ) );
		}
		$allowed = array_flip( $elements[ $name ] ) + $global;
		$seen    = array();
		$hrefs   = array(); // Attribute => array( offset, raw value ).
		$i      += strlen( $m[0] );
		while ( true ) {
			if ( preg_match( '/\G[\t\n\r ]*(\/?)>/', $html, $m, 0, $i ) ) {
				if ( '/' === $m[1] && ! isset( $void[ $name ] ) ) {
					return array( $i, sprintf( 'a self-closing <%s/>; only void elements may end with "/>"', $name ) );
				}
				$i += strlen( $m[0] );
				break;
			}
			if ( ! preg_match( '/\G([\t\n\r ]+)([a-z][a-z0-9-]*)/', $html, $m, 0, $i ) ) {
				return array( $i, sprintf( 'expected an attribute (lower-case name, quoted value) or the end of the <%s> tag', $name ) );
			}
			$at    = $i + strlen( $m[1] );
			$attr  = $m[2];
			$i    += strlen( $m[0] );
			$value = '';
			if ( isset( $seen[ $attr ] ) ) {
				return array( $at, sprintf( 'the attribute %1$s appears twice on <%2$s>', $attr, $name ) );
			}
			if ( ! isset( $allowed[ $attr ] ) ) {
				return array( $at, sprintf( 'the attribute %1$s is not allowed on <%2$s>', $attr, $name ) );
			}
			$seen[ $attr ] = true;
			if ( '=' === ( $html[ $i ] ?? '' ) ) {
				if ( ! preg_match( '/\G=(?:"([^"]*)"|\'([^\']*)\')/', $html, $m, 0, $i ) ) {
					return array( $i + 1, sprintf( 'the value of %s is not quoted; expected "..."', $attr ) );
				}
				$value = isset( $m[2] ) ? $m[2] : $m[1];
				$vpos  = $i + 2;
				$i    += strlen( $m[0] );
				for ( $a = strpos( $value, '&' ); false !== $a; $a = strpos( $value, '&', $a + 1 ) ) {
					if ( 0 === $ref_ok( $vpos + $a ) ) {
						return array( $vpos + $a, $bad_ref );
					}
				}
			}
			if ( isset( $url_attrs[ $attr ] ) ) {
				$problem = seloste_url_problem( $value, $policy['url_schemes'] );
				if ( null !== $problem ) {
					return array( $at, $problem );
				}
			}
			if ( 'tabindex' === $attr && '-1' !== $value ) {
				return array( $at, 'tabindex must be -1' );
			}
			if ( 'link' === $name && 'rel' === $attr && ! in_array( $value, $policy['link_rel'], true ) ) {
				return array( $at, sprintf( '<link rel> must be one of %s', implode( ', ', $policy['link_rel'] ) ) );
			}
			$hrefs[ $attr ] = array( $at, $value );
		}
		if ( 'link' === $name && 'relative' === ( $policy['stylesheet_href'] ?? null ) && 'stylesheet' === ( $hrefs['rel'][1] ?? null ) ) {
			$url = seloste_normalised_url( $hrefs['href'][1] ?? '' );
			if ( null !== seloste_url_scheme( $url ) || preg_match( '#^[/\\\\]{2}#', $url ) ) {
				return array( $hrefs['href'][0] ?? $start, 'a stylesheet from another host; expected a relative href (no scheme, not starting with //)' );
			}
		}
		if ( ! isset( $void[ $name ] ) ) {
			$stack[] = array( $name, $start );
			if ( count( $stack ) > (int) $policy['max_depth'] ) {
				return array( $start, sprintf( 'nesting deeper than %d elements; expected at most that (markup-policy.json: max_depth)', (int) $policy['max_depth'] ) );
			}
		}
	}
	if ( $stack ) {
		list( $name, $at ) = $stack[ count( $stack ) - 1 ];
		list( $line, $col ) = seloste_line_col( $html, $at );
		return array( $len, sprintf( 'the file ends inside <%1$s> opened at %2$d:%3$d', $name, $line, $col ) );
	}
	return null;
}

/**
 * Checks a stylesheet against the policy: encoding and forbidden sequences on
 * the raw text (the HTML parser sees it raw inside <style>), then at-rules,
 * functions and properties after removing comments and decoding CSS escapes,
 * case-insensitively. Strings are skipped (what they say is not code).
 *
 * @param string $css Stylesheet.
 * @return array|null array( byte offset, message ) of the first problem, or null.
 */
function seloste_css_check( $css ) {
	$policy = seloste_markup_policy();
	if ( null === $policy ) {
		return array( 0, 'the markup policy (data/markup-policy.json in the plugin) is missing or unreadable' );
	}
	$bad = seloste_text_problem( $css );
	if ( null !== $bad ) {
		return $bad;
	}
	$rules = $policy['css'];
	foreach ( $rules['forbidden_sequences'] as $seq ) {
		$at = stripos( $css, $seq );
		if ( false !== $at ) {
			return array( $at, sprintf( '%s in a stylesheet (even in a comment it would end or open markup)', wp_json_encode( $seq ) ) );
		}
	}
	$scan = seloste_css_code( $css );
	if ( isset( $scan['error'] ) ) {
		return $scan['error'];
	}
	$code = $scan['code'];
	$code  = strtolower( $code );
	$ident = '[a-z0-9_\x80-\xff-]';
	$map   = static function ( $at ) use ( $css ) {
		return seloste_css_code( $css, $at );
	};
	if ( preg_match_all( '/@(' . $ident . '*)/', $code, $all, PREG_OFFSET_CAPTURE | PREG_SET_ORDER ) ) {
		foreach ( $all as $m ) {
			if ( ! in_array( $m[1][0], $rules['allowed_at_rules'], true ) ) {
				return array( $map( $m[0][1] ), sprintf( 'the at-rule @%1$s; expected only @%2$s', $m[1][0], implode( ', @', $rules['allowed_at_rules'] ) ) );
			}
		}
	}
	if ( preg_match_all( '/(?<!' . $ident . ')(' . $ident . '+)\s*:/', $code, $all, PREG_OFFSET_CAPTURE | PREG_SET_ORDER ) ) {
		foreach ( $all as $m ) {
			if ( in_array( $m[1][0], $rules['forbidden_properties'], true ) ) {
				return array( $map( $m[1][1] ), sprintf( 'the property %s, which runs code', $m[1][0] ) );
			}
		}
	}
	if ( preg_match_all( '/(' . $ident . '+)\s*\(/', $code, $all, PREG_OFFSET_CAPTURE | PREG_SET_ORDER ) ) {
		foreach ( $all as $m ) {
			$fn = (string) preg_replace( '/^-[a-z]+-/', '', $m[1][0] );
			if ( in_array( $m[1][0], $rules['forbidden_functions'], true ) || in_array( $fn, $rules['forbidden_functions'], true ) ) {
				return array( $map( $m[1][1] ), sprintf( 'the function %s(), which loads or runs something; a stylesheet must be self-contained', $m[1][0] ) );
			}
		}
	}
	return null;
}

/**
 * A stylesheet's code as the CSS checks read it: comments removed, each string
 * replaced by "", escapes decoded (\\hex with one optional white space, \\char).
 * With $stop, only where the code byte at that offset came from in $css.
 *
 * @param string $css  Stylesheet (valid UTF-8).
 * @param int    $stop A byte offset in the code, or -1.
 * @return array|int array( 'code' => string ) or array( 'error' => array( offset, message ) );
 *                   with $stop, a byte offset in $css.
 */
function seloste_css_code( $css, $stop = -1 ) {
	$code = '';
	$n    = strlen( $css );
	$i    = 0;
	// Appends a piece of code that starts at $from in $css; with $stop, returns where the stop byte came from.
	$emit = static function ( $piece, $from, $plain ) use ( &$code, $stop ) {
		if ( $stop >= 0 && strlen( $code ) + strlen( $piece ) > $stop ) {
			return $plain ? $from + ( $stop - strlen( $code ) ) : $from;
		}
		$code .= $piece;
		return null;
	};
	while ( $i < $n ) {
		$run  = strcspn( $css, '/"\'\\', $i );
		$from = $i;
		if ( $run > 0 ) {
			$piece = substr( $css, $i, $run );
			$plain = true;
			$i    += $run;
		} elseif ( '/' === $css[ $i ] && '*' === ( $css[ $i + 1 ] ?? '' ) ) {
			$end = strpos( $css, '*/', $i + 2 );
			if ( false === $end ) {
				return $stop >= 0 ? $i : array( 'error' => array( $i, 'a comment that never ends; expected */' ) );
			}
			$i = $end + 2;
			continue;
		} elseif ( '"' === $css[ $i ] || "'" === $css[ $i ] ) {
			$quote = $css[ $i ];
			for ( $j = $i + 1; $j < $n && $css[ $j ] !== $quote; $j++ ) {
				if ( '\\' === $css[ $j ] ) {
					++$j;
				} elseif ( "\n" === $css[ $j ] || "\r" === $css[ $j ] ) {
					return $stop >= 0 ? $j : array( 'error' => array( $j, 'a line break inside a string; expected the closing quote' ) );
				}
			}
			if ( $j >= $n ) {
				return $stop >= 0 ? $i : array( 'error' => array( $i, 'a string that never ends; expected the closing quote' ) );
			}
			$piece = '""';
			$plain = false;
			$i     = $j + 1;
		} elseif ( '\\' === $css[ $i ] && preg_match( '/\G\\\\([0-9a-fA-F]{1,6})(?:\r\n|[ \t\n\r])?/', $css, $m, 0, $i ) ) {
			$cp    = (int) hexdec( $m[1] );
			$piece = seloste_utf8_chr( ( 0 === $cp || $cp > 0x10FFFF || ( $cp >= 0xD800 && $cp <= 0xDFFF ) ) ? 0xFFFD : $cp );
			$plain = false;
			$i    += strlen( $m[0] );
		} elseif ( '\\' === $css[ $i ] && preg_match( '/\G\\\\([^\r\n])/su', $css, $m, 0, $i ) ) {
			$piece = $m[1];
			$plain = false;
			$i    += strlen( $m[0] );
		} else {
			$piece = $css[ $i ]; // A lone '/', or '\\' before a line break or at the end.
			$plain = true;
			++$i;
		}
		$at = $emit( $piece, $from, $plain );
		if ( null !== $at ) {
			return $at;
		}
	}
	return $stop >= 0 ? $n : array( 'code' => $code );
}

/**
 * Whether a stylesheet passes the policy (and so can be printed inside a
 * <style> element as is).
 *
 * @param string $css Stylesheet.
 * @return bool
 */
function seloste_is_safe_css( $css ) {
	return null === seloste_css_check( (string) $css );
}

/**
 * What is wrong with a stylesheet, as "line:col: error: what", or null.
 *
 * @param string $css Stylesheet.
 * @return string|null
 */
function seloste_css_problem( $css ) {
	return seloste_format_problem( (string) $css, seloste_css_check( (string) $css ) );
}

/**
 * What is wrong with a fragment or page, as "line:col: error: what", or null.
 *
 * @param string $html HTML as stored and served.
 * @param string $kind fragment, or page (page, index: a whole document).
 * @return string|null
 */
function seloste_markup_problem( $html, $kind = 'fragment' ) {
	return seloste_format_problem( (string) $html, seloste_markup_check( (string) $html, $kind ) );
}
