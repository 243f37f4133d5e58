<?php
/**
 * Signatures on the wire: a fetch needs an https URL and a public key;
 * otherwise it is refused, never scheduled, and the settings page says why.
 */
class FetchTest extends SelosteTestCase {
	/** @var array */
	private $saved;

	protected function setUp(): void {
		parent::setUp();
		require_once ABSPATH . 'wp-admin/includes/template.php';
		require_once ABSPATH . 'wp-admin/includes/plugin.php';
		$this->saved = get_option( SELOSTE_OPTION_SETTINGS );
		wp_set_current_user( 1 );
	}

	protected function tearDown(): void {
		update_option( SELOSTE_OPTION_SETTINGS, $this->saved );
		wp_set_current_user( 0 );
		parent::tearDown();
	}

	private function configure( $url, $key ) {
		update_option( SELOSTE_OPTION_SETTINGS, array( 'fetch_enabled' => true, 'fetch_url' => $url, 'fetch_interval' => 'hourly', 'public_key' => $key ) + $this->saved );
	}

	public function refused() {
		return array(
			'http URL, key set'   => array( 'http://127.0.0.1/bundle.zip', true, 'seloste_fetch_insecure', 'not https://' ),
			'https URL, no key'   => array( 'https://127.0.0.1/bundle.zip', false, 'seloste_fetch_unsigned', 'No signing public key is configured' ),
			'http URL, no key'    => array( 'http://127.0.0.1/bundle.zip', false, 'seloste_fetch_insecure', 'not https://' ),
		);
	}

	/** @dataProvider refused */
	public function test_an_insecure_fetch_is_refused_and_never_scheduled( $url, $with_key, $code, $words ) {
		$this->configure( $url, $with_key ? self::public_key() : '' );
		$this->assertFalse( wp_next_scheduled( SELOSTE_CRON_HOOK ), 'not scheduled' );
		$before = (int) get_option( SELOSTE_OPTION_ACTIVE );
		$this->assertWPError( seloste_fetch_now(), $code );
		$last = get_option( SELOSTE_OPTION_LAST_IMPORT );
		$this->assertSame( array( 'fetch', $code ), array( $last['source'], $last['code'] ) );
		$this->assertSame( $before, (int) get_option( SELOSTE_OPTION_ACTIVE ) );

		ob_start();
		seloste_render_import_forms();
		$html = ob_get_clean();
		$this->assertStringContainsString( 'id="seloste-fetch-refused"', $html );
		$this->assertStringContainsString( esc_html( $words ), $html );
		$this->assertStringNotContainsString( 'value="seloste_fetch"', $html, 'no "Fetch now" button' );
		$this->assertStringContainsString( $words, seloste_active_path()['why'] );

		// Saving such settings through the form says so too.
		global $wp_settings_errors;
		$wp_settings_errors = array();
		seloste_sanitize_settings( array( 'fetch_enabled' => '1', 'fetch_url' => $url, 'public_key' => $with_key ? self::public_key() : '' ) );
		$this->assertContains( 'seloste_fetch_refused', wp_list_pluck( get_settings_errors( SELOSTE_OPTION_SETTINGS ), 'code' ) );
	}

	public function test_https_with_a_key_is_scheduled() {
		$this->configure( 'https://127.0.0.1/bundle.zip', self::public_key() );
		$this->assertNotFalse( wp_next_scheduled( SELOSTE_CRON_HOOK ) );
		$this->assertNull( seloste_fetch_refusal( seloste_settings() ) );
	}
}
