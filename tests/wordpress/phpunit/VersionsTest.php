<?php
/**
 * The version kinds of a bundle built with history (verify.php), and what an
 * import changed as the plugin reads it from two manifests (changes.php).
 */
class VersionsTest extends SelosteTestCase {
	/** The suite's bundle with its first fragment relabelled (unsigned: the manifest changed). */
	private function relabelled( array $changes ) {
		$dir = $this->bundle_copy();
		$m   = self::manifest( $dir );
		foreach ( $m['pages'] as $i => $p ) {
			if ( 'fragment' === $p['kind'] ) {
				$m['pages'][ $i ] = array_merge( $p, $changes );
				break;
			}
		}
		self::write_manifest( $dir, $m );
		unlink( $dir . '/manifest.json.sig' );
		return $dir;
	}

	public function test_version_fragment_with_a_date_is_accepted() {
		$result = seloste_verify_bundle_dir( $this->relabelled( array( 'kind' => 'version-fragment', 'version' => '2024-05-01' ) ), '' );
		$this->assertIsArray( $result, is_wp_error( $result ) ? $result->get_error_message() : '' );
	}

	public function test_version_kinds_need_a_valid_date() {
		foreach ( array( 'version', 'version-fragment' ) as $kind ) {
			foreach ( array( null, '', '2024-02-30', '2024-5-01', "2024-05-01\n", '01.05.2024', 20240501 ) as $date ) {
				$changes = array( 'kind' => $kind );
				if ( null !== $date ) {
					$changes['version'] = $date;
				}
				$this->assertWPError( seloste_verify_bundle_dir( $this->relabelled( $changes ), '' ), 'seloste_bad_manifest' );
			}
		}
	}

	public function test_version_kinds_need_a_known_register() {
		foreach ( array( 'version', 'version-fragment' ) as $kind ) {
			$this->assertWPError( seloste_verify_bundle_dir( $this->relabelled( array( 'kind' => $kind, 'version' => '2024-05-01', 'register' => 'no-such-register' ) ), '' ), 'seloste_bad_manifest' );
		}
	}

	public function test_unknown_kinds_are_still_refused() {
		$this->assertWPError( seloste_verify_bundle_dir( $this->relabelled( array( 'kind' => 'version-page' ) ), '' ), 'seloste_bad_manifest' );
	}

	public function test_a_version_fragment_is_held_to_the_fragment_policy() {
		$dir = $this->bundle_copy();
		$m   = self::manifest( $dir );
		foreach ( $m['pages'] as $i => $p ) {
			if ( 'page' === $p['kind'] ) {
				// A whole page is fine as a page, never as a fragment that goes into a WordPress page.
				$m['pages'][ $i ]['kind']    = 'version-fragment';
				$m['pages'][ $i ]['version'] = '2024-05-01';
				break;
			}
		}
		self::write_manifest( $dir, $m );
		unlink( $dir . '/manifest.json.sig' );
		$this->assertWPError( seloste_verify_bundle_dir( $dir, '' ), 'seloste_markup' );
	}

	public function test_versions_of_a_register_need_valid_dates() {
		$dir                             = $this->bundle_copy();
		$m                               = self::manifest( $dir );
		$m['registers'][0]['versions'] = array( array( 'date' => 'yesterday', 'current' => true ) );
		self::write_manifest( $dir, $m );
		unlink( $dir . '/manifest.json.sig' );
		$this->assertWPError( seloste_verify_bundle_dir( $dir, '' ), 'seloste_bad_manifest' );
	}

	/** A small manifest: registers with versions and one fragment hash each. */
	private static function m( array $registers ) {
		$m = array(
			'registers' => array(),
			'pages'     => array(),
		);
		foreach ( $registers as $id => $r ) {
			$m['registers'][] = array(
				'id'       => $id,
				'name'     => array( 'en' => 'Register ' . $id ),
				'versions' => $r['versions'],
			);
			$m['pages'][]     = array(
				'kind'     => 'fragment',
				'register' => $id,
				'lang'     => 'en',
				'sha256'   => $r['sha'],
			);
		}
		return $m;
	}

	public function test_changes_read_from_the_manifests() {
		$v1  = array(
			'date'     => '2024-05-01',
			'current'  => true,
			'previous' => null,
			'changes'  => array( 'en' => array() ),
		);
		$old = self::m(
			array(
				'a' => array( 'versions' => array( $v1 ), 'sha' => str_repeat( 'a', 64 ) ),
				'b' => array( 'versions' => array( $v1 ), 'sha' => str_repeat( 'b', 64 ) ),
				'c' => array( 'versions' => array( $v1 ), 'sha' => str_repeat( 'c', 64 ) ),
				'd' => array( 'versions' => array( $v1 ), 'sha' => str_repeat( 'd', 64 ) ),
			)
		);
		$v2  = array(
			'date'     => '2025-02-22',
			'current'  => true,
			'previous' => '2024-05-01',
			'changes'  => array(
				'en' => array( 'The retention of “Billing data” changed from 6 years to 10 years.' ),
				'fi' => array( 'Tietoryhmän ”Laskutustiedot” säilytysaika muuttui.' ),
			),
		);
		$new = self::m(
			array(
				'a' => array( 'versions' => array( array_merge( $v1, array( 'current' => false ) ), $v2 ), 'sha' => str_repeat( 'e', 64 ) ),
				'b' => array( 'versions' => array( $v1 ), 'sha' => str_repeat( 'b', 64 ) ),
				'c' => array( 'versions' => array( $v1 ), 'sha' => str_repeat( 'f', 64 ) ),
				'n' => array( 'versions' => array( $v1 ), 'sha' => str_repeat( '1', 64 ) ),
			)
		);
		$c   = seloste_manifest_changes( $old, $new );
		$this->assertSame( 'changed', $c['a']['status'] );
		$this->assertSame( '2024-05-01', $c['a']['from'] );
		$this->assertSame( '2025-02-22', $c['a']['to'] );
		$this->assertSame( array( array( 'date' => '2025-02-22', 'changes' => $v2['changes'] ) ), $c['a']['versions'] );
		$this->assertSame( 'unchanged', $c['b']['status'] );
		$this->assertSame( 'no-record', $c['c']['status'] );
		$this->assertSame( 'removed', $c['d']['status'] );
		$this->assertSame( 'added', $c['n']['status'] );
		$this->assertSame( 'first', seloste_manifest_changes( null, $new )['a']['status'] );

		// The admin's language, else English; every byte from the bundle escaped.
		$this->assertStringContainsString( 'säilytysaika muuttui', seloste_changes_html( $c, 'fi' ) );
		$this->assertStringContainsString( 'from 6 years to 10 years', seloste_changes_html( $c, 'sv' ) );
		$evil                                  = $c;
		$evil['a']['versions'][0]['changes']['en'] = array( '<img src=x onerror=alert(1)>' );
		$evil['a']['name']['en']                   = '<script>alert(1)</script>';
		$html                                  = seloste_changes_html( $evil, 'en' );
		$this->assertStringNotContainsString( '<img', $html );
		$this->assertStringNotContainsString( '<script', $html );
		$this->assertStringContainsString( '&lt;img src=x onerror=alert(1)&gt;', $html );
	}
}
