<?php
/**
 * Which way the engine may run: never a program from a web request, FFI in a
 * web request only when the admin allowed it.
 */
class NativeTest extends SelosteTestCase {
	/** @var callable|null */
	private $filter;

	private function with_settings( array $over ) {
		$this->filter = static function ( $s ) use ( $over ) {
			return array_merge( $s, $over );
		};
		add_filter( 'seloste_settings', $this->filter );
	}

	protected function tearDown(): void {
		if ( $this->filter ) {
			remove_filter( 'seloste_settings', $this->filter );
			$this->filter = null;
		}
		parent::tearDown();
	}

	private static function bin() {
		$bin = (string) getenv( 'SELOSTE_BIN' );
		if ( '' === $bin || ! is_executable( $bin ) ) {
			self::fail( 'SELOSTE_BIN must be the seloste CLI (run.sh passes it on)' );
		}
		return $bin;
	}

	public function test_binary_is_used_on_the_command_line() {
		$this->with_settings( array( 'native_method' => 'binary', 'binary_path' => self::bin(), 'library_path' => '' ) );
		$this->assertSame( 'binary', seloste_native_method( false )['method'] );
	}

	public function test_binary_is_never_used_in_a_web_request() {
		$this->with_settings( array( 'native_method' => 'binary', 'binary_path' => self::bin(), 'library_path' => '', 'web_native' => true ) );
		$pick = seloste_native_method( true );
		$this->assertNull( $pick['method'] );
		$this->assertStringContainsString( 'never start programs', $pick['why'] );
		$this->assertFalse( seloste_native_method_usable( 'binary', true ) );
	}

	public function test_web_builds_are_off_by_default() {
		$this->with_settings( array( 'native_method' => 'auto', 'binary_path' => self::bin(), 'web_native' => false ) );
		$this->assertNull( seloste_native_method( true )['method'] );
	}

	public function test_missing_library_is_explained() {
		$this->with_settings( array( 'native_method' => 'ffi', 'library_path' => '/nonexistent/libseloste_c.so' ) );
		$pick = seloste_native_method( false );
		$this->assertNull( $pick['method'] );
		$this->assertStringContainsString( '/nonexistent/libseloste_c.so', $pick['why'] );
	}

	public function test_ffi_follows_ffi_enable() {
		// PHPUnit runs on the command line, where Debian's default ffi.enable=preload allows FFI.
		$mode = strtolower( (string) ini_get( 'ffi.enable' ) );
		$this->assertSame( in_array( $mode, array( '1', 'on', 'true', 'yes', 'preload' ), true ) && extension_loaded( 'ffi' ), seloste_ffi_status()['ok'] );
	}

	public function test_binary_version() {
		$this->with_settings( array( 'binary_path' => self::bin() ) );
		$this->assertMatchesRegularExpression( '/\d+\.\d+\.\d+/', (string) seloste_native_version( 'binary' ) );
	}

	public function test_no_sources_is_refused_cleanly() {
		$this->with_settings( array( 'sources' => '' ) );
		$live = (int) get_option( SELOSTE_OPTION_ACTIVE );
		$this->assertWPError( seloste_native_build_and_import( array( 'web' => false ) ), 'seloste_source' );
		$this->assertSame( $live, (int) get_option( SELOSTE_OPTION_ACTIVE ) );
	}
}
