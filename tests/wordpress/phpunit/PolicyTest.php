<?php
/**
 * The markup policy (data/markup-policy.json) in PHP: the plugin's copy is the
 * core's, every case of the shared corpus (tests/fixtures/markup) gives its
 * expected answer, and the import refuses the issue's stored XSS, signed or not.
 */
require_once dirname( __DIR__ ) . '/php/rebundle.php';

class PolicyTest extends SelosteTestCase {
	private static function source_dir() {
		return (string) getenv( 'SELOSTE_SOURCE_DIR' );
	}

	public function test_the_plugin_ships_the_core_policy_unchanged() {
		$core = self::source_dir() . '/core/data/markup-policy.json';
		$this->assertFileExists( $core );
		$this->assertFileEquals( $core, self::source_dir() . '/plugin/wordpress/data/markup-policy.json', 'plugin/wordpress/data/markup-policy.json differs from core/data/markup-policy.json: copy it' );
		$this->assertFileEquals( $core, WP_PLUGIN_DIR . '/seloste/data/markup-policy.json', 'the installed plugin (from the zip) lacks the policy or has another one' );
		$this->assertIsArray( seloste_markup_policy() );
	}

	/** Every case of the shared corpus, and a few of this suite's own. */
	public function cases() {
		$data = array();
		$dir  = self::source_dir() . '/tests/fixtures/markup';
		$list = json_decode( (string) file_get_contents( $dir . '/cases.json' ), true );
		foreach ( is_array( $list ) ? $list : array() as $c ) {
			$data[ $c['name'] ] = array( $c['kind'], file_get_contents( $dir . '/' . $c['file'] ), $c['expect'], $c['why'] );
		}
		$own = array(
			'named colon'            => '<p><a href="javascript&colon;alert(1)">x</a></p>',
			'decimal, no semicolon'  => '<p><a href="javascript&#58alert(1)">x</a></p>',
			'hex, no semicolon'      => '<p><a href="javascript&#x3Aalert(1)">x</a></p>',
			'encoded letter'         => '<p><a href="&#106;avascript:alert(1)">x</a></p>',
			'tab reference'          => '<p><a href="java&Tab;script:alert(1)">x</a></p>',
			'raw tab in the scheme'  => "<p><a href=\"java\tscript:alert(1)\">x</a></p>",
			'raw LF in the scheme'   => "<p><a href=\"java\nscript:alert(1)\">x</a></p>",
			'upper case'             => '<p><a href="JAVASCRIPT:alert(1)">x</a></p>',
			'leading space'          => '<p><a href="  javascript:alert(1)">x</a></p>',
			'single quotes'          => "<p><a href='javascript:alert(1)'>x</a></p>",
			'unquoted'               => '<p><a href=javascript:alert(1)>x</a></p>',
			'vbscript'               => '<p><a href="vbscript:msgbox(1)">x</a></p>',
			'nbsp reference'         => '<p>a&nbsp;b</p>',
			'comment'                => '<p><!-- x --></p>',
			'unclosed'               => '<p>x',
			'misnested'              => '<p><strong>x</p></strong>',
			'self-closing non-void'  => '<p/>',
			'form feed'              => "<p>a\x0Cb</p>",
			'invalid UTF-8'          => "<p>\xC3\x28</p>",
			'C1 control'             => "<p>\xC2\x9B</p>",
		);
		foreach ( $own as $name => $html ) {
			$data[ 'own: ' . $name ] = array( 'fragment', $html, 'refuse', $name );
		}
		$data['own: theme-like links'] = array( 'fragment', '<nav aria-label="x"><ul><li><a href="../sv/r.html" hreflang="sv" lang="sv">Svenska</a></li><li><a href="mailto:a@b.fi">a@b.fi</a> <a href="tel:+3586">6</a> <a href="https://x.fi/?a=1&amp;b=2#c">x</a> <a href="#top">^</a></li></ul></nav><p>&lt;javascript:&gt; &amp;colon; &quot;&#39;</p>', 'accept', 'links the themes write' );
		$data['own: css @\\69mport'] = array( 'css', "@\\69mport url(https://evil.example/x.css);\n", 'refuse', 'an escaped @import (the issue)' );
		$data['own: css u\\72l'] = array( 'css', "a{background:u\\72l(https://evil.example/x.png)}\n", 'refuse', 'an escaped url(' );
		$data['own: css comment hides nothing'] = array( 'css', "a{content:\"/*\"}@import \"x.css\";/*\"*/\n", 'refuse', 'a comment opener inside a string' );
		$data['own: css scroll-behavior'] = array( 'css', ".seloste{scroll-behavior:auto}\n", 'accept', 'not the behavior property' );
		return $data;
	}

	/** @dataProvider cases */
	public function test_case( $kind, $bytes, $expect, $why ) {
		$problem = 'css' === $kind ? seloste_css_problem( $bytes ) : seloste_markup_problem( $bytes, $kind );
		if ( 'accept' === $expect ) {
			$this->assertNull( $problem, "$why: accepted by the policy" );
		} else {
			$this->assertNotNull( $problem, "$why: refused by the policy" );
			$this->assertMatchesRegularExpression( '/^\d+:\d+: error: /', $problem );
		}
	}

	public function test_the_corpus_is_there() {
		$this->assertFileExists( self::source_dir() . '/tests/fixtures/markup/cases.json' );
		$this->assertGreaterThan( 100, count( json_decode( file_get_contents( self::source_dir() . '/tests/fixtures/markup/cases.json' ), true ) ) );
	}

	public function test_every_reference_is_decoded_as_a_browser_does() {
		$this->assertSame( 'javascript:', seloste_decode_references( 'javascript&colon;' ) );
		$this->assertSame( 'javascript:', seloste_decode_references( 'javascript&#58' ) );
		$this->assertSame( 'javascript:', seloste_decode_references( 'javascript&#x3a' ) );
		$this->assertSame( 'javascript:', seloste_decode_references( 'javascript&#X00003A;' ) );
		$this->assertSame( 'j', seloste_decode_references( '&#106' ) );
		$this->assertSame( "\t", seloste_decode_references( '&Tab;' ) );
		$this->assertSame( "\u{FFFD}\u{20AC}", seloste_decode_references( '&#0;&#128;' ) );
		$this->assertSame( "&\u{A9}", seloste_decode_references( '&amp;&copy' ) );
		$this->assertSame( '&ampx=1 &amp=1', seloste_decode_references( '&ampx=1 &amp=1' ), 'a legacy name without ";" before a letter or "=" stays in an attribute' );
		$this->assertSame( '&x=1', seloste_decode_references( '&ampx=1', false ), 'but not in text' );
		$this->assertSame( "\u{2209} \u{AC}it;", seloste_decode_references( '&notin; &notit;', false ) );
		foreach ( array( 'javascript&colon;x', 'javascript&#58x', 'java&Tab;script:x', "java\nscript:x", "\x01 JavaScript:x", '&#x6A;avascript:x', 'data:text/html,x' ) as $url ) {
			$this->assertNotNull( seloste_url_problem( $url, array( 'http', 'https', 'mailto', 'tel' ) ), $url );
		}
		foreach ( array( '#a', '../sv/x.html', 'https://x.fi/a:b', 'mailto:a@b.fi', 'tel:+358', '?q=a:b' ) as $url ) {
			$this->assertNull( seloste_url_problem( $url, array( 'http', 'https', 'mailto', 'tel' ) ), $url );
		}
	}

	public function test_a_problem_names_line_and_column() {
		$this->assertSame( '3:5: error: a control character U+000C; expected text with no control characters other than tab, line feed and carriage return', seloste_markup_problem( "<p>\n</p>\r<p>x\x0C</p>" ) );
		$this->assertStringStartsWith( '2:3: error: invalid UTF-8', seloste_markup_problem( "<p>ä</p>\n<p\xFF" ) );
		$this->assertStringStartsWith( '1:5: error: the file ends inside <p> opened at 1:1', seloste_markup_problem( '<p>x' ) );
	}

	/** A copy of the suite's bundle whose first fragment links to $href; signed with the suite's key, or not. */
	private function bundle_with_link( $href, $signed ) {
		$dir  = $this->bundle_copy();
		$frag = self::first_fragment( self::manifest( $dir ) )['path'];
		$html = file_get_contents( $dir . '/' . $frag );
		$at   = strpos( $html, '</p>' );
		$this->assertNotFalse( $at );
		seloste_test_rebundle( $dir, array( $frag => substr_replace( $html, '<a href="' . $href . '">click</a>', $at, 0 ) ), $signed ? self::suite_tmp() . '/key' : null );
		return array( $dir, $frag );
	}

	public function stored_xss() {
		return array(
			'javascript&colon;, unsigned'    => array( 'javascript&colon;alert(document.domain)', false ),
			'javascript&colon;, signed'      => array( 'javascript&colon;alert(document.domain)', true ),
			'javascript&#58 (no ;), unsigned' => array( 'javascript&#58alert(document.domain)', false ),
			'javascript&#58 (no ;), signed'   => array( 'javascript&#58alert(document.domain)', true ),
		);
	}

	/** @dataProvider stored_xss */
	public function test_the_issues_stored_xss_is_refused_at_import( $href, $signed ) {
		list( $dir, $frag ) = $this->bundle_with_link( $href, $signed );
		$result             = seloste_verify_bundle_dir( $dir, $signed ? self::public_key() : '' );
		$this->assertWPError( $result, 'seloste_markup' );
		$this->assertMatchesRegularExpression( '#^' . preg_quote( $frag, '#' ) . ':\d+:\d+: error: #', $result->get_error_message() );
	}

	public function test_a_refused_unsigned_import_leaves_the_previous_notices_live() {
		$before   = (int) get_option( SELOSTE_OPTION_ACTIVE );
		$settings = get_option( SELOSTE_OPTION_SETTINGS );
		update_option( SELOSTE_OPTION_SETTINGS, array( 'public_key' => '' ) + $settings );
		try {
			list( $dir ) = $this->bundle_with_link( 'javascript&colon;alert(1)', false );
			$this->assertWPError( seloste_import_dir( $dir, 'phpunit' ), 'seloste_markup' );
			$this->assertSame( 'seloste_markup', get_option( SELOSTE_OPTION_LAST_IMPORT )['code'] );
		} finally {
			update_option( SELOSTE_OPTION_SETTINGS, $settings );
		}
		$this->assertSame( $before, (int) get_option( SELOSTE_OPTION_ACTIVE ) );
	}

	public function test_a_signed_bundle_with_a_form_feed_in_a_page_is_refused_with_its_place() {
		$dir  = $this->bundle_copy();
		$page = null;
		foreach ( self::manifest( $dir )['pages'] as $p ) {
			if ( 'page' === $p['kind'] ) {
				$page = $p['path'];
				break;
			}
		}
		$html = file_get_contents( $dir . '/' . $page );
		$at   = strpos( $html, '</h1>' );
		seloste_test_rebundle( $dir, array( $page => substr_replace( $html, "\x0C", $at, 0 ) ), self::suite_tmp() . '/key' );
		list( $line, $col ) = seloste_line_col( $html, $at );
		$result             = seloste_verify_bundle_dir( $dir, self::public_key() );
		$this->assertWPError( $result, 'seloste_markup' );
		$this->assertStringStartsWith( "$page:$line:$col: error: a control character U+000C", $result->get_error_message() );
	}

	public function test_a_bundle_with_an_escaped_import_in_its_stylesheet_is_refused() {
		$dir = $this->bundle_copy();
		$css = 'assets/seloste-default.css';
		seloste_test_rebundle( $dir, array( $css => "@\\69mport url(https://evil.example/x.css);\n" . file_get_contents( $dir . '/' . $css ) ), self::suite_tmp() . '/key' );
		$result = seloste_verify_bundle_dir( $dir, self::public_key() );
		$this->assertWPError( $result, 'seloste_markup' );
		$this->assertStringStartsWith( "$css:1:1: error: the at-rule @import", $result->get_error_message() );
	}

	public function test_a_re_signed_bundle_with_harmless_changes_is_accepted() {
		list( $dir ) = $this->bundle_with_link( 'https://example.com/?a=1&amp;b=2', true );
		$this->assertIsArray( seloste_verify_bundle_dir( $dir, self::public_key() ) );
	}

	public function test_a_bundle_stored_under_an_older_policy_is_checked_before_it_is_served_or_rolled_back() {
		list( $dir ) = $this->bundle_with_link( 'javascript&colon;alert(1)', false );
		$raw         = file_get_contents( $dir . '/manifest.json' );
		$verified    = array(
			'manifest'          => json_decode( $raw, true ),
			'manifest_raw'      => $raw,
			'manifest_sha256'   => hash( 'sha256', $raw ),
			'signed'            => false,
			'signature_checked' => false,
		);
		// Stored as a plugin without the policy would have stored it (its old allow-list let it through).
		$old = seloste_store_bundle( $dir, $verified, 'phpunit', array() );
		$this->assertIsInt( $old );
		foreach ( get_post_meta( $old, '_seloste_index', true ) as $file_id ) {
			delete_post_meta( $file_id, '_seloste_policy' );
		}
		$live = (int) get_option( SELOSTE_OPTION_ACTIVE );
		$frag = self::first_fragment( $verified['manifest'] );
		$args = array(
			'register' => $frag['register'],
			'lang'     => $frag['lang'],
			'theme'    => $frag['theme'] ?? 'default',
		);
		try {
			$this->assertWPError( seloste_rollback( $old ), 'seloste_markup' );
			$this->assertSame( $live, (int) get_option( SELOSTE_OPTION_ACTIVE ), 'a refused rollback changes nothing' );
			update_option( SELOSTE_OPTION_ACTIVE, $old ); // Live, as after updating the plugin.
			wp_set_current_user( 0 );
			$this->assertSame( '', seloste_notice_html( $args ), 'visitors get nothing' );
			wp_set_current_user( 1 );
			$this->assertStringContainsString( 'This notice is not served: ' . $frag['path'] . ':', seloste_notice_html( $args ) );
			$this->assertStringNotContainsString( 'javascript&colon;', seloste_notice_html( $args ) );
		} finally {
			wp_set_current_user( 0 );
			update_option( SELOSTE_OPTION_ACTIVE, $live );
			seloste_delete_bundle( $old );
		}
	}
}
