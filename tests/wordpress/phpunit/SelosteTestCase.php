<?php
/**
 * Shared helpers: temp copies of the suite's real bundle (built by seloste build --sign).
 */
abstract class SelosteTestCase extends PHPUnit\Framework\TestCase {
	/** @var string[] */
	private $temps = array();

	/** The suite's temp folder with bundle/, key, key.pub, other-key.pub. */
	protected static function suite_tmp() {
		return (string) getenv( 'SELOSTE_TEST_TMP' );
	}

	/** The public key the suite signed the bundle with. */
	protected static function public_key() {
		return trim( (string) file_get_contents( self::suite_tmp() . '/key.pub' ) );
	}

	/** A fresh copy of the suite's signed bundle. */
	protected function bundle_copy() {
		$dir = $this->temp_dir();
		$src = self::suite_tmp() . '/bundle';
		$it  = new RecursiveIteratorIterator( new RecursiveDirectoryIterator( $src, FilesystemIterator::SKIP_DOTS ), RecursiveIteratorIterator::SELF_FIRST );
		foreach ( $it as $item ) {
			$to = $dir . '/' . substr( $item->getPathname(), strlen( $src ) + 1 );
			$item->isDir() ? mkdir( $to ) : copy( $item->getPathname(), $to );
		}
		return $dir;
	}

	/** An empty temp folder, removed after the test. */
	protected function temp_dir() {
		$dir = sys_get_temp_dir() . '/seloste-phpunit-' . bin2hex( random_bytes( 6 ) );
		mkdir( $dir );
		$this->temps[] = $dir;
		return $dir;
	}

	/** The manifest of a bundle folder. */
	protected static function manifest( $dir ) {
		return json_decode( file_get_contents( $dir . '/manifest.json' ), true );
	}

	/** Rewrites a manifest (which breaks its signature). */
	protected static function write_manifest( $dir, array $m ) {
		file_put_contents( $dir . '/manifest.json', json_encode( $m, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) . "\n" );
	}

	/** The first fragment entry of a manifest. */
	protected static function first_fragment( array $m ) {
		foreach ( $m['pages'] as $p ) {
			if ( 'fragment' === $p['kind'] ) {
				return $p;
			}
		}
		self::fail( 'the bundle has no fragment' );
	}

	/** Asserts a WP_Error with a given code. */
	protected function assertWPError( $value, $code ) {
		$this->assertInstanceOf( WP_Error::class, $value );
		$this->assertSame( $code, $value->get_error_code(), $value->get_error_message() );
	}

	protected function tearDown(): void {
		foreach ( $this->temps as $dir ) {
			seloste_rmtree( $dir );
		}
		$this->temps = array();
		parent::tearDown();
	}
}
