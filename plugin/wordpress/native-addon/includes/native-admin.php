<?php
/**
 * The add-on's part of Settings → Seloste: its settings fields, the build
 * button, the active path, the engine on the status table, the Site Health
 * test and the build action. Everything hooks into the Seloste plugin.
 *
 * @package Seloste
 * @license GPL-2.0-or-later
 */

defined( 'ABSPATH' ) || exit;

add_filter( 'seloste_default_settings', 'seloste_native_default_settings' );
add_filter( 'seloste_settings', 'seloste_native_constants', 5 );
add_filter( 'seloste_sanitize_settings', 'seloste_native_sanitize_settings', 10, 2 );
add_action( 'seloste_settings_fields', 'seloste_native_settings_fields', 10, 2 );
add_action( 'seloste_import_forms', 'seloste_native_import_form' );
add_filter( 'seloste_active_path', 'seloste_native_active_path', 10, 2 );
add_filter( 'seloste_status_engine', 'seloste_native_status_engine' );
add_filter( 'site_status_tests', 'seloste_native_site_status_tests' );
add_action( 'admin_post_seloste_native_build', 'seloste_handle_native_build' );

/**
 * The add-on's settings and their defaults (kept in the Seloste settings option).
 *
 * @param array $defaults The plugin's defaults.
 * @return array
 */
function seloste_native_default_settings( $defaults ) {
	return array_merge(
		$defaults,
		array(
			'native_method' => 'auto',    // auto, ffi or binary.
			'library_path'  => '',        // Absolute path of libseloste_c.so (FFI).
			'binary_path'   => '',        // Absolute path of the seloste CLI.
			'sources'       => '',        // Source XML files on this server, one absolute path a line.
			'sign_key_path' => '',        // Secret key file used to sign native builds (needed when a public key is set).
			'web_native'    => false,     // Allow a native build from a web request (only where FFI is enabled there).
		)
	);
}

/**
 * The constants SELOSTE_LIBRARY and SELOSTE_BINARY in wp-config.php win over the settings.
 *
 * @param array $settings Settings.
 * @return array
 */
function seloste_native_constants( $settings ) {
	if ( defined( 'SELOSTE_LIBRARY' ) ) {
		$settings['library_path'] = (string) SELOSTE_LIBRARY;
	}
	if ( defined( 'SELOSTE_BINARY' ) ) {
		$settings['binary_path'] = (string) SELOSTE_BINARY;
	}
	return $settings;
}

/**
 * Sanitizes the add-on's fields of the settings form.
 *
 * @param array $out   The sanitized settings.
 * @param array $input Submitted values.
 * @return array
 */
function seloste_native_sanitize_settings( $out, $input ) {
	$method               = (string) ( $input['native_method'] ?? 'auto' );
	$out['native_method'] = in_array( $method, array( 'auto', 'ffi', 'binary' ), true ) ? $method : 'auto';
	foreach ( array( 'library_path', 'binary_path', 'sign_key_path' ) as $field ) {
		$out[ $field ] = sanitize_text_field( (string) ( $input[ $field ] ?? '' ) );
	}
	$out['sources']    = sanitize_textarea_field( (string) ( $input['sources'] ?? '' ) );
	$out['web_native'] = ! empty( $input['web_native'] );
	return $out;
}

/**
 * The add-on's rows of the settings form.
 *
 * @param array  $s    Settings.
 * @param string $name The option name.
 */
function seloste_native_settings_fields( $s, $name ) {
	$text  = static function ( $field, $label, $help ) use ( $s, $name ) {
		seloste_settings_text_row( $s, $name, $field, $label, $help );
	};
	$check = static function ( $field, $label, $help ) use ( $s, $name ) {
		seloste_settings_checkbox_row( $s, $name, $field, $label, $help );
	};
	echo '<tr><th scope="row"><label for="seloste-native_method">' . esc_html__( 'Native engine', 'seloste-native' ) . '</label></th><td><select id="seloste-native_method" name="' . esc_attr( $name ) . '[native_method]">';
	foreach ( array(
		'auto'   => __( 'FFI if possible, else the binary', 'seloste-native' ),
		'ffi'    => __( 'FFI only', 'seloste-native' ),
		'binary' => __( 'Binary only', 'seloste-native' ),
	) as $key => $label ) {
		echo '<option value="' . esc_attr( $key ) . '"' . selected( $s['native_method'], $key, false ) . '>' . esc_html( $label ) . '</option>';
	}
	echo '</select><p class="description">' . esc_html__( 'Used by bin/seloste-build.php and wp seloste build on the command line.', 'seloste-native' ) . '</p></td></tr>';
	$text( 'library_path', __( 'Library (FFI)', 'seloste-native' ), __( 'Absolute path of libseloste_c.so. The constant SELOSTE_LIBRARY in wp-config.php overrides this.', 'seloste-native' ) );
	$text( 'binary_path', __( 'seloste binary', 'seloste-native' ), __( 'Absolute path of the seloste command-line program. The constant SELOSTE_BINARY overrides this.', 'seloste-native' ) );
	printf(
		'<tr><th scope="row"><label for="seloste-sources">%1$s</label></th><td><textarea class="large-text code" rows="3" id="seloste-sources" name="%2$s[sources]">%3$s</textarea><p class="description">%4$s</p></td></tr>',
		esc_html__( 'Source files', 'seloste-native' ),
		esc_attr( $name ),
		esc_textarea( (string) $s['sources'] ),
		esc_html__( 'Absolute paths of the XML sources on this server, one a line, for the native build.', 'seloste-native' )
	);
	$text( 'sign_key_path', __( 'Signing key file', 'seloste-native' ), __( 'Secret key file for signing native builds (needed when a public key is set). Keep it outside the web root.', 'seloste-native' ) );
	$check( 'web_native', __( 'Build from this page', 'seloste-native' ), __( 'Allow a native build from a web request. It only runs where PHP\'s ffi.enable is on for web requests; programs are never started from web requests.', 'seloste-native' ) );
}

/**
 * The "Build now" button, where a web request may run the engine.
 */
function seloste_native_import_form() {
	if ( 'ffi' === seloste_native_method( true )['method'] && seloste_native_sources() ) {
		echo '<form method="post" action="' . esc_url( admin_url( 'admin-post.php' ) ) . '"><input type="hidden" name="action" value="seloste_native_build">';
		wp_nonce_field( 'seloste_native_build' );
		echo '<p>';
		submit_button( __( 'Build now with the engine (FFI)', 'seloste-native' ), 'secondary', 'submit', false );
		echo '</p></form>';
	}
}

/**
 * "Build now" handler (FFI in a web request, only where the admin allowed it).
 */
function seloste_handle_native_build() {
	seloste_guard( 'seloste_native_build' );
	seloste_redirect_result( seloste_native_build_and_import( array( 'web' => true ) ) );
}

/**
 * The native build as the active path, when it is configured (a working
 * scheduled fetch comes first: the plugin asks only when there is none).
 *
 * @param array|null $path     Null.
 * @param array      $settings Settings.
 * @return array|null
 */
function seloste_native_active_path( $path, $settings ) {
	unset( $settings );
	$web = seloste_native_method( true );
	if ( 'ffi' === $web['method'] ) {
		return array(
			'path' => __( 'Native build (FFI, also from this page)', 'seloste-native' ),
			'why'  => __( 'Native builds from web requests are on and FFI is enabled for web requests here.', 'seloste-native' ),
		);
	}
	if ( seloste_native_sources() ) {
		return array(
			'path' => __( 'Native build on the command line', 'seloste-native' ),
			/* translators: %s: why the engine cannot run in web requests */
			'why'  => sprintf( __( 'Sources are configured for bin/seloste-build.php or wp seloste build. The engine does not run in web requests: %s', 'seloste-native' ), $web['why'] ),
		);
	}
	return $path;
}

/**
 * The native engine's last run, for the status table.
 *
 * @param string $extra HTML so far.
 * @return string
 */
function seloste_native_status_engine( $extra ) {
	$native = get_option( SELOSTE_OPTION_NATIVE_INFO, array() );
	if ( empty( $native['engine'] ) ) {
		return $extra;
	}
	/* translators: 1: version, 2: ffi or binary, 3: date */
	return $extra . '<br>' . esc_html( sprintf( __( 'Native engine %1$s via %2$s, last run %3$s', 'seloste-native' ), $native['engine'], $native['method'], wp_date( 'Y-m-d H:i', (int) $native['time'] ) ) );
}

/**
 * Adds the add-on's Site Health test.
 *
 * @param array $tests Tests.
 * @return array
 */
function seloste_native_site_status_tests( $tests ) {
	$tests['direct']['seloste_native'] = array(
		'label' => __( 'Seloste: FFI and proc_open', 'seloste-native' ),
		'test'  => 'seloste_health_native',
	);
	return $tests;
}

/**
 * FFI and proc_open availability (only the native path needs them).
 *
 * @return array
 */
function seloste_health_native() {
	$ffi  = seloste_ffi_status();
	$proc = seloste_proc_open_available();
	$mode = (string) ini_get( 'ffi.enable' );
	$desc = sprintf(
		/* translators: 1: yes/no, 2: ffi.enable value, 3: yes/no */
		__( 'FFI in web requests: %1$s (ffi.enable=%2$s). proc_open: %3$s. Neither is needed to import bundles; the native build on the command line uses FFI (allowed there by the default ffi.enable=preload) or the seloste binary (proc_open).', 'seloste-native' ),
		$ffi['ok'] ? __( 'yes', 'seloste-native' ) : __( 'no', 'seloste-native' ),
		'' === $mode ? '-' : $mode,
		$proc ? __( 'yes', 'seloste-native' ) : __( 'no', 'seloste-native' )
	);
	return seloste_health_result( 'seloste_native', 'good', __( 'Seloste native engine access', 'seloste-native' ), $desc );
}

