<?php
/**
 * seloste_verify_bundle_dir() on the suite's real signed bundle and on broken copies of it.
 */
class VerifyTest extends SelosteTestCase {
	public function test_real_signed_bundle_verifies_with_its_key() {
		$result = seloste_verify_bundle_dir( $this->bundle_copy(), self::public_key() );
		$this->assertIsArray( $result, is_wp_error( $result ) ? $result->get_error_message() : '' );
		$this->assertTrue( $result['signed'] );
		$this->assertTrue( $result['signature_checked'] );
		$this->assertSame( 'seloste-bundle', $result['manifest']['format'] );
	}

	public function test_signed_bundle_without_configured_key_is_accepted_but_not_checked() {
		$result = seloste_verify_bundle_dir( $this->bundle_copy(), '' );
		$this->assertIsArray( $result );
		$this->assertTrue( $result['signed'] );
		$this->assertFalse( $result['signature_checked'] );
	}

	public function test_other_key_is_refused() {
		$other = trim( file_get_contents( self::suite_tmp() . '/other-key.pub' ) );
		$this->assertWPError( seloste_verify_bundle_dir( $this->bundle_copy(), $other ), 'seloste_bad_signature' );
	}

	public function test_missing_signature_is_refused_when_a_key_is_set() {
		$dir = $this->bundle_copy();
		unlink( $dir . '/manifest.json.sig' );
		$this->assertWPError( seloste_verify_bundle_dir( $dir, self::public_key() ), 'seloste_unsigned' );
	}

	public function test_garbage_signature_is_refused() {
		$dir = $this->bundle_copy();
		file_put_contents( $dir . '/manifest.json.sig', "bm90IGEgc2lnbmF0dXJl\n" );
		$this->assertWPError( seloste_verify_bundle_dir( $dir, self::public_key() ), 'seloste_bad_signature' );
	}

	public function test_changed_manifest_breaks_the_signature() {
		$dir = $this->bundle_copy();
		file_put_contents( $dir . '/manifest.json', file_get_contents( $dir . '/manifest.json' ) . ' ' );
		$this->assertWPError( seloste_verify_bundle_dir( $dir, self::public_key() ), 'seloste_bad_signature' );
	}

	public function test_invalid_configured_key_is_refused() {
		$this->assertWPError( seloste_verify_bundle_dir( $this->bundle_copy(), 'c2hvcnQ=' ), 'seloste_bad_key' );
		$this->assertFalse( seloste_is_valid_public_key( 'c2hvcnQ=' ) );
		$this->assertTrue( seloste_is_valid_public_key( self::public_key() ) );
		$this->assertTrue( seloste_is_valid_public_key( '' ) );
	}

	public function test_every_listed_file_is_hashed() {
		$m = self::manifest( $this->bundle_copy() );
		foreach ( array_merge( $m['pages'], $m['files'] ) as $entry ) {
			$dir = $this->bundle_copy();
			$f   = $dir . '/' . $entry['path'];
			$s   = file_get_contents( $f );
			file_put_contents( $f, strlen( $s ) ? substr_replace( $s, chr( ord( $s[0] ) ^ 1 ), 0, 1 ) : 'x' );
			$this->assertWPError( seloste_verify_bundle_dir( $dir, self::public_key() ), 'seloste_hash_mismatch' );
		}
	}

	public function test_missing_file_is_refused() {
		$dir = $this->bundle_copy();
		unlink( $dir . '/' . self::first_fragment( self::manifest( $dir ) )['path'] );
		$this->assertWPError( seloste_verify_bundle_dir( $dir, self::public_key() ), 'seloste_missing_file' );
	}

	public function test_unlisted_file_is_refused() {
		$dir = $this->bundle_copy();
		file_put_contents( $dir . '/fi/extra.html', '<p>extra</p>' );
		$this->assertWPError( seloste_verify_bundle_dir( $dir, self::public_key() ), 'seloste_unlisted' );
	}

	public function test_unlisted_hidden_file_is_refused() {
		$dir = $this->bundle_copy();
		file_put_contents( $dir . '/.htaccess', 'Allow from all' );
		$this->assertWPError( seloste_verify_bundle_dir( $dir, '' ), 'seloste_unlisted' );
	}

	public function test_unsafe_path_in_manifest_is_refused_even_unsigned() {
		$dir                     = $this->bundle_copy();
		$m                       = self::manifest( $dir );
		$m['files'][0]['path'] = '../outside.css';
		self::write_manifest( $dir, $m );
		unlink( $dir . '/manifest.json.sig' );
		$this->assertWPError( seloste_verify_bundle_dir( $dir, '' ), 'seloste_unsafe_path' );
	}

	public function test_wrong_format_version_is_refused() {
		$dir                  = $this->bundle_copy();
		$m                    = self::manifest( $dir );
		$m['format_version'] = 2;
		self::write_manifest( $dir, $m );
		$this->assertWPError( seloste_verify_bundle_dir( $dir, '' ), 'seloste_bad_manifest' );
	}

	public function test_page_of_unknown_register_is_refused() {
		$dir = $this->bundle_copy();
		$m   = self::manifest( $dir );
		foreach ( $m['pages'] as &$p ) {
			if ( 'fragment' === $p['kind'] ) {
				$p['register'] = 'not-in-registers';
				break;
			}
		}
		unset( $p );
		self::write_manifest( $dir, $m );
		$this->assertWPError( seloste_verify_bundle_dir( $dir, '' ), 'seloste_bad_manifest' );
	}

	public function test_fragment_with_script_is_refused_even_when_hashes_match() {
		$dir  = $this->bundle_copy();
		$m    = self::manifest( $dir );
		$frag = self::first_fragment( $m );
		$html = file_get_contents( $dir . '/' . $frag['path'] ) . '<script>alert(1)</script>';
		file_put_contents( $dir . '/' . $frag['path'], $html );
		foreach ( $m['pages'] as &$p ) {
			if ( $p['path'] === $frag['path'] ) {
				$p['sha256'] = hash( 'sha256', $html );
				$p['bytes']  = strlen( $html );
			}
		}
		unset( $p );
		self::write_manifest( $dir, $m );
		unlink( $dir . '/manifest.json.sig' );
		$this->assertWPError( seloste_verify_bundle_dir( $dir, '' ), 'seloste_markup' );
	}

	public function test_stylesheet_that_closes_style_is_refused() {
		$this->assertFalse( seloste_is_safe_css( "a{}</style><script>alert(1)</script>" ) );
		$this->assertFalse( seloste_is_safe_css( 'a{background:url(javascript:alert(1))}' ) );
		$this->assertTrue( seloste_is_safe_css( ".seloste{color:#222}\n" ) );
		$this->assertTrue( seloste_is_safe_css( "/* a theme may not @import */\n.seloste{scroll-behavior:auto}" ) );
		$this->assertFalse( seloste_is_safe_css( "/* </style><script>alert(1)</script> */" ) );
		$this->assertFalse( seloste_is_safe_css( "@import url(https://evil.example/x.css);" ) );
	}

	public function test_refused_import_leaves_the_live_bundle() {
		$live = (int) get_option( SELOSTE_OPTION_ACTIVE );
		$dir  = $this->bundle_copy();
		file_put_contents( $dir . '/' . self::first_fragment( self::manifest( $dir ) )['path'], 'changed' );
		$count = count( seloste_history() );
		$this->assertWPError( seloste_import_dir( $dir, 'phpunit' ), 'seloste_hash_mismatch' );
		$this->assertSame( $live, (int) get_option( SELOSTE_OPTION_ACTIVE ) );
		$this->assertCount( $count, seloste_history(), 'a refused import stores nothing' );
	}
}
