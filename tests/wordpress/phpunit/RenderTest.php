<?php
/**
 * The one function behind the shortcode and the block serves the imported fragment.
 */
class RenderTest extends SelosteTestCase {
	private static function live_fragment() {
		$m = seloste_bundle_manifest();
		self::assertIsArray( $m, 'a bundle is live (run.sh imported one)' );
		return self::first_fragment( $m );
	}

	private static function fragment_bytes( array $frag ) {
		$bundle = seloste_active_bundle();
		$index  = get_post_meta( $bundle->ID, '_seloste_index', true );
		return (string) get_post_meta( $index[ 'fragment|' . $frag['register'] . '|' . $frag['lang'] . '|' . $frag['theme'] ], '_seloste_content', true );
	}

	public function test_serves_the_stored_fragment_byte_for_byte() {
		$frag = self::live_fragment();
		$html = seloste_notice_html( array( 'register' => $frag['register'], 'lang' => $frag['lang'], 'theme' => $frag['theme'] ) );
		$this->assertSame( self::fragment_bytes( $frag ), $html );
		$this->assertSame( $frag['sha256'], hash( 'sha256', $html ) );
	}

	public function test_shortcode_and_block_use_the_same_function() {
		$frag      = self::live_fragment();
		$expected  = seloste_notice_html( array( 'register' => $frag['register'], 'lang' => $frag['lang'] ) );
		$shortcode = do_shortcode( sprintf( '[seloste register="%s" lang="%s"]', $frag['register'], $frag['lang'] ) );
		$block     = do_blocks( sprintf( '<!-- wp:seloste/notice {"register":"%s","lang":"%s"} /-->', $frag['register'], $frag['lang'] ) );
		$this->assertStringContainsString( $expected, $shortcode );
		$this->assertStringContainsString( $expected, $block );
	}

	public function test_missing_register_placeholder_for_editors_nothing_for_visitors() {
		wp_set_current_user( 1 );
		$this->assertStringContainsString( 'seloste-placeholder', seloste_notice_html( array( 'register' => 'no-such-register' ) ) );
		wp_set_current_user( 0 );
		$this->assertSame( '', seloste_notice_html( array( 'register' => 'no-such-register' ) ) );
		$this->assertSame( '', do_shortcode( '[seloste register="no-such-register" lang="fi"]' ) );
	}

	public function test_missing_language_placeholder() {
		$frag = self::live_fragment();
		wp_set_current_user( 1 );
		$this->assertStringContainsString( '&quot;de&quot;', seloste_notice_html( array( 'register' => $frag['register'], 'lang' => 'de' ) ) );
		wp_set_current_user( 0 );
		$this->assertSame( '', seloste_notice_html( array( 'register' => $frag['register'], 'lang' => 'de' ) ) );
	}

	public function test_attribute_values_cannot_inject_markup() {
		wp_set_current_user( 1 );
		$html = do_shortcode( '[seloste register="<script>alert(1)</script>" lang="fi"]' );
		$this->assertStringNotContainsString( '<script', $html );
		wp_set_current_user( 0 );
	}

	public function test_tampered_stored_fragment_is_not_served() {
		$frag   = self::live_fragment();
		$bundle = seloste_active_bundle();
		$index  = get_post_meta( $bundle->ID, '_seloste_index', true );
		$id     = $index[ 'fragment|' . $frag['register'] . '|' . $frag['lang'] . '|' . $frag['theme'] ];
		$orig   = get_post_meta( $id, '_seloste_content', true );
		update_post_meta( $id, '_seloste_content', wp_slash( $orig . '<p>changed in the database</p>' ) );
		try {
			wp_set_current_user( 0 );
			$this->assertSame( '', seloste_notice_html( array( 'register' => $frag['register'], 'lang' => $frag['lang'] ) ) );
		} finally {
			update_post_meta( $id, '_seloste_content', wp_slash( $orig ) );
		}
	}
}
