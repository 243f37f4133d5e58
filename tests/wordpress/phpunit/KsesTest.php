<?php
/**
 * The allow-list: every fragment the engine wrote passes it unchanged; anything
 * that could run script does not.
 */
class KsesTest extends SelosteTestCase {
	/** Every fragment of the suite's bundles: the default build and the one with every built-in theme. */
	public function engine_fragments() {
		$data = array();
		foreach ( array( 'bundle', 'themes' ) as $name ) {
			$dir = getenv( 'SELOSTE_TEST_TMP' ) . '/' . $name;
			$m   = json_decode( (string) file_get_contents( $dir . '/manifest.json' ), true );
			foreach ( $m['pages'] ?? array() as $p ) {
				if ( 'fragment' === $p['kind'] ) {
					$data[ $name . ':' . $p['path'] ] = array( $dir . '/' . $p['path'] );
				}
			}
		}
		return $data;
	}

	public function test_every_theme_is_covered() {
		$m = json_decode( (string) file_get_contents( getenv( 'SELOSTE_TEST_TMP' ) . '/themes/manifest.json' ), true );
		$this->assertGreaterThanOrEqual( 2, count( $m['themes'] ), 'the suite builds a bundle with every built-in theme' );
		$this->assertIsArray( seloste_verify_bundle_dir( getenv( 'SELOSTE_TEST_TMP' ) . '/themes', trim( file_get_contents( getenv( 'SELOSTE_TEST_TMP' ) . '/key.pub' ) ) ) );
	}

	/** @dataProvider engine_fragments */
	public function test_engine_fragment_passes_the_allow_list_unchanged( $file ) {
		$html = file_get_contents( $file );
		$this->assertNull( seloste_markup_problem( $html ) );
		$this->assertSame( wp_kses_normalize_entities( $html ), seloste_kses( $html ), "only the entity spelling may differ" );
	}

	public function hostile() {
		return array(
			'script'          => array( '<p>x</p><script>alert(1)</script>' ),
			'json-ld breakout' => array( '<script type="application/ld+json">{"a":"</script><script>alert(1)</script>"}</script>' ),
			'json-ld js type' => array( '<script type="text/javascript">alert(1)</script>' ),
			'event handler'   => array( '<p onclick="alert(1)">x</p>' ),
			'javascript link' => array( '<a href="javascript:alert(1)">x</a>' ),
			'data link'       => array( '<a href="data:text/html,<script>alert(1)</script>">x</a>' ),
			'style attribute' => array( '<p style="background:url(x)">x</p>' ),
			'iframe'          => array( '<iframe src="https://example.com"></iframe>' ),
			'form'            => array( '<form action="/"><input name="a"></form>' ),
			'img onerror'     => array( '<img src=x onerror=alert(1)>' ),
			'svg'             => array( '<svg onload="alert(1)"></svg>' ),
			'style element'   => array( '<style>body{display:none}</style>' ),
			'object'          => array( '<object data="x.swf"></object>' ),
			'base'            => array( '<base href="https://evil.example/">' ),
			'meta refresh'    => array( '<meta http-equiv="refresh" content="0;url=https://evil.example/">' ),
			'link'            => array( '<link rel="stylesheet" href="https://evil.example/x.css">' ),
		);
	}

	/** @dataProvider hostile */
	public function test_hostile_markup_is_reported_and_removed( $html ) {
		$this->assertNotNull( seloste_markup_problem( $html ) );
		$clean = seloste_kses( $html );
		$this->assertStringNotContainsStringIgnoringCase( '<script', $clean );
		$this->assertStringNotContainsStringIgnoringCase( 'javascript:', $clean );
		$this->assertStringNotContainsStringIgnoringCase( 'onerror', $clean );
		$this->assertStringNotContainsStringIgnoringCase( 'onclick', $clean );
		$this->assertStringNotContainsStringIgnoringCase( '<iframe', $clean );
	}

	public function test_theme_markup_shapes_pass() {
		$html = '<div class="seloste" lang="fi" id="r"><nav class="seloste-languages" aria-label="Muut kielet"><ul><li><a href="../sv/r.html" hreflang="sv" lang="sv">Svenska</a></li></ul></nav>'
			. '<article class="seloste-notice" aria-labelledby="r-title"><h2 id="r-title" class="seloste-title"><span class="seloste-kicker">Tietosuojaseloste</span> X</h2>'
			. '<p class="seloste-meta"><time datetime="2025-02-24">24.2.2025</time></p><section aria-labelledby="s1"><h3 id="s1">A</h3><dl><dt>B</dt><dd><a href="mailto:a@b.fi">a@b.fi</a> <a href="tel:+35861234">+358 6 1234</a></dd></dl>'
			. '<table><caption>C</caption><thead><tr><th scope="col">D</th></tr></thead><tbody><tr><td>E</td></tr></tbody></table></section></article></div>';
		$this->assertNull( seloste_markup_problem( $html ) );
	}

	public function test_not_utf8_is_reported() {
		$this->assertNotNull( seloste_markup_problem( "<p>\xff</p>" ) );
	}
}
