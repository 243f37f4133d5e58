<?php
/**
 * Language choice: explicit lang, then Polylang, WPML, get_locale(), with fallbacks.
 */

// Polylang is not packaged for Debian: a stand-in for its public function, answering
// only while a test sets $GLOBALS['seloste_test_pll'] (so other tests see "no language").
if ( ! function_exists( 'pll_current_language' ) ) {
	function pll_current_language( $field = 'slug' ) {
		return $GLOBALS['seloste_test_pll'] ?? false;
	}
}

class LanguageTest extends SelosteTestCase {
	const ALL = array( 'fi', 'sv', 'en' );

	public function locales() {
		return array(
			array( 'fi', 'fi' ),
			array( 'fi_FI', 'fi' ),
			array( 'sv_SE', 'sv' ),
			array( 'sv_FI', 'sv' ),
			array( 'en_US', 'en' ),
			array( 'en-GB', 'en' ),
			array( 'EN_gb', 'en' ),
			array( 'de_DE', null ),
			array( '', null ),
		);
	}

	/** @dataProvider locales */
	public function test_locale_to_lang( $locale, $expected ) {
		$this->assertSame( $expected, seloste_locale_to_lang( $locale, self::ALL ) );
	}

	public function test_explicit_lang_wins() {
		$this->assertSame( 'sv', seloste_choose_lang( 'sv', self::ALL, 'fi_FI' ) );
		$this->assertSame( 'de', seloste_choose_lang( 'de', self::ALL, 'fi_FI' ), 'an explicit missing language is kept, so the placeholder can say so' );
	}

	public function test_page_language_is_followed() {
		$this->assertSame( 'fi', seloste_choose_lang( '', self::ALL, 'fi_FI' ) );
		$this->assertSame( 'sv', seloste_choose_lang( 'auto', self::ALL, 'sv_SE' ) );
	}

	public function test_unknown_page_language_falls_back_to_english_then_first() {
		$this->assertSame( 'en', seloste_choose_lang( '', self::ALL, 'de_DE' ) );
		$this->assertSame( 'fi', seloste_choose_lang( '', array( 'fi', 'sv' ), 'de_DE' ) );
	}

	public function test_get_locale_is_the_default() {
		$filter = static function () {
			return 'sv_FI';
		};
		add_filter( 'locale', $filter );
		try {
			$this->assertSame( 'sv_FI', seloste_page_locale() );
		} finally {
			remove_filter( 'locale', $filter );
		}
	}

	public function test_wpml_current_language_is_used() {
		$filter = static function () {
			return 'fi';
		};
		add_filter( 'wpml_current_language', $filter );
		try {
			$this->assertSame( 'fi', seloste_page_locale() );
		} finally {
			remove_filter( 'wpml_current_language', $filter );
		}
	}

	public function test_polylang_wins_over_wpml_and_locale() {
		$GLOBALS['seloste_test_pll'] = 'sv';
		$filter                      = static function () {
			return 'fi';
		};
		add_filter( 'wpml_current_language', $filter );
		try {
			$this->assertSame( 'sv', seloste_page_locale() );
		} finally {
			unset( $GLOBALS['seloste_test_pll'] );
			remove_filter( 'wpml_current_language', $filter );
		}
	}
}
