<?php
/**
 * The native path: run the engine on this server and import what it built.
 *
 * Two ways to reach the engine, both producing the same bundle as
 * `seloste build`, which then goes through the same verification and import:
 * - PHP FFI to libseloste_c.so (bindings/c/seloste_c.h), and
 * - an admin-installed `seloste` binary started with proc_open.
 *
 * On the command line (bin/seloste-build.php, `wp seloste build`) both are
 * allowed. In a web request only FFI is ever used, and only when the admin
 * enabled it in the settings and PHP's ffi.enable is on for web requests
 * (the default, "preload", allows FFI on the command line only).
 *
 * @package Seloste
 * @license GPL-2.0-or-later
 */

defined( 'ABSPATH' ) || exit;

/** The declarations of bindings/c/seloste_c.h that FFI needs (no preprocessor lines). */
const SELOSTE_C_DECLARATIONS = '
const char* seloste_version(void);
int seloste_build(const char* request_json, char** answer_json);
void seloste_free(char* answer_json);
';

/**
 * Whether this PHP process may use FFI at all.
 *
 * @return array{ok: bool, why: string}
 */
function seloste_ffi_status() {
	if ( ! extension_loaded( 'ffi' ) || ! class_exists( 'FFI' ) ) {
		return array(
			'ok'  => false,
			'why' => __( 'PHP\'s FFI extension is not loaded.', 'seloste-native' ),
		);
	}
	$mode = strtolower( (string) ini_get( 'ffi.enable' ) );
	if ( in_array( $mode, array( '1', 'on', 'true', 'yes' ), true ) ) {
		return array(
			'ok'  => true,
			'why' => __( 'ffi.enable is on.', 'seloste-native' ),
		);
	}
	if ( 'preload' === $mode && 'cli' === PHP_SAPI ) {
		return array(
			'ok'  => true,
			'why' => __( 'ffi.enable=preload allows FFI on the command line.', 'seloste-native' ),
		);
	}
	return array(
		'ok'  => false,
		/* translators: %s: the ffi.enable value */
		'why' => sprintf( __( 'ffi.enable is "%s" here, which does not allow FFI in this kind of request.', 'seloste-native' ), $mode ),
	);
}

/**
 * Whether this PHP process may start programs with proc_open.
 *
 * @return bool
 */
function seloste_proc_open_available() {
	if ( ! function_exists( 'proc_open' ) ) {
		return false;
	}
	$disabled = array_map( 'trim', explode( ',', (string) ini_get( 'disable_functions' ) ) );
	return ! in_array( 'proc_open', $disabled, true );
}

/**
 * Picks how to run the engine in this process.
 *
 * @param bool $web Whether this is a web request (only FFI, only if allowed in the settings).
 * @return array{method: string|null, why: string}
 */
function seloste_native_method( $web ) {
	$settings = seloste_settings();
	$want     = (string) $settings['native_method'];
	$ffi      = seloste_ffi_status();
	$lib      = (string) $settings['library_path'];
	$bin      = (string) $settings['binary_path'];
	$why      = array();

	if ( $web && empty( $settings['web_native'] ) ) {
		return array(
			'method' => null,
			'why'    => __( 'Native builds from web requests are off in the settings.', 'seloste-native' ),
		);
	}
	if ( 'binary' !== $want ) {
		if ( '' === $lib ) {
			$why[] = __( 'No library path (libseloste_c.so) is configured.', 'seloste-native' );
		} elseif ( ! is_readable( $lib ) ) {
			/* translators: %s: a file path */
			$why[] = sprintf( __( 'The library %s is not readable.', 'seloste-native' ), $lib );
		} elseif ( ! $ffi['ok'] ) {
			$why[] = $ffi['why'];
		} else {
			return array(
				'method' => 'ffi',
				'why'    => $ffi['why'],
			);
		}
	}
	if ( $web ) {
		$why[] = __( 'Web requests never start programs; only FFI can build here.', 'seloste-native' );
	} elseif ( 'ffi' !== $want ) {
		if ( '' === $bin ) {
			$why[] = __( 'No seloste binary is configured.', 'seloste-native' );
		} elseif ( ! is_file( $bin ) || ! is_executable( $bin ) ) {
			/* translators: %s: a file path */
			$why[] = sprintf( __( 'The binary %s is not an executable file.', 'seloste-native' ), $bin );
		} elseif ( ! seloste_proc_open_available() ) {
			$why[] = __( 'proc_open is disabled in this PHP.', 'seloste-native' );
		} else {
			return array(
				'method' => 'binary',
				'why'    => __( 'The configured seloste binary runs with proc_open.', 'seloste-native' ),
			);
		}
	}
	return array(
		'method' => null,
		'why'    => implode( ' ', $why ),
	);
}

/**
 * Loads libseloste_c.so through FFI.
 *
 * @param string $lib Library path.
 * @return FFI|WP_Error
 */
function seloste_ffi( $lib ) {
	try {
		return FFI::cdef( SELOSTE_C_DECLARATIONS, $lib );
	} catch ( Throwable $e ) {
		/* translators: %s: the error */
		return new WP_Error( 'seloste_ffi', sprintf( __( 'Cannot load the Seloste library through FFI: %s', 'seloste-native' ), $e->getMessage() ) );
	}
}

/**
 * The engine version reachable with a method.
 *
 * @param string $method ffi or binary.
 * @return string|WP_Error
 */
function seloste_native_version( $method ) {
	$settings = seloste_settings();
	if ( 'ffi' === $method ) {
		$ffi = seloste_ffi( (string) $settings['library_path'] );
		return is_wp_error( $ffi ) ? $ffi : (string) $ffi->seloste_version();
	}
	$run = seloste_run_binary( array( (string) $settings['binary_path'], '--version' ) );
	if ( is_wp_error( $run ) ) {
		return $run;
	}
	return trim( $run['stdout'] );
}

/**
 * Runs a program without a shell.
 *
 * @param string[] $argv Program and arguments.
 * @return array{code: int, stdout: string, stderr: string}|WP_Error
 */
function seloste_run_binary( array $argv ) {
	if ( ! seloste_proc_open_available() ) {
		return new WP_Error( 'seloste_proc_open', __( 'proc_open is disabled in this PHP.', 'seloste-native' ) );
	}
	$pipes = array();
	$proc  = proc_open( $argv, array( 1 => array( 'pipe', 'w' ), 2 => array( 'pipe', 'w' ) ), $pipes ); // phpcs:ignore Generic.PHP.ForbiddenFunctions
	if ( ! is_resource( $proc ) ) {
		return new WP_Error( 'seloste_proc_open', __( 'Could not start the seloste binary.', 'seloste-native' ) );
	}
	$stdout = (string) stream_get_contents( $pipes[1] );
	$stderr = (string) stream_get_contents( $pipes[2] );
	fclose( $pipes[1] ); // phpcs:ignore WordPress.WP.AlternativeFunctions
	fclose( $pipes[2] ); // phpcs:ignore WordPress.WP.AlternativeFunctions
	return array(
		'code'   => proc_close( $proc ),
		'stdout' => $stdout,
		'stderr' => $stderr,
	);
}

/**
 * The source files to build, from an explicit list or the settings.
 *
 * @param string[]|null $sources Explicit list, or null for the settings.
 * @return string[]
 */
function seloste_native_sources( $sources = null ) {
	if ( null === $sources ) {
		$sources = preg_split( '/\R/', (string) seloste_settings()['sources'] );
	}
	return array_values( array_filter( array_map( 'trim', (array) $sources ), 'strlen' ) );
}

/**
 * Runs the engine into a new folder.
 *
 * @param string[] $sources Source XML files.
 * @param string   $out     Output folder (must not exist yet).
 * @param string   $method  ffi or binary.
 * @param string   $sign    Secret key file to sign with, or ''.
 * @param string   $history Folder of the notices' version snapshots (docs/history.md), or ''.
 * @return array{engine: string, findings: array}|WP_Error
 */
function seloste_native_run( array $sources, $out, $method, $sign, $history = '' ) {
	$settings = seloste_settings();
	foreach ( $sources as $source ) {
		if ( ! is_readable( $source ) ) {
			/* translators: %s: a file path */
			return new WP_Error( 'seloste_source', sprintf( __( 'Cannot read the source %s.', 'seloste-native' ), $source ) );
		}
	}
	if ( 'ffi' === $method ) {
		$ffi = seloste_ffi( (string) $settings['library_path'] );
		if ( is_wp_error( $ffi ) ) {
			return $ffi;
		}
		$request = array(
			'sources' => $sources,
			'out'     => $out,
		);
		if ( '' !== $history ) {
			$request['history'] = $history;
		}
		if ( '' !== $sign ) {
			$request['sign_key'] = $sign;
		}
		$answer_ptr = $ffi->new( 'char*' );
		$code       = $ffi->seloste_build( wp_json_encode( $request ), FFI::addr( $answer_ptr ) );
		$answer     = FFI::isNull( $answer_ptr ) ? '' : FFI::string( $answer_ptr );
		$ffi->seloste_free( $answer_ptr );
		$decoded = json_decode( $answer, true );
		if ( 0 !== $code || ! is_array( $decoded ) || empty( $decoded['ok'] ) ) {
			return new WP_Error( 'seloste_build', seloste_engine_errors( $code, $decoded, $answer ) );
		}
		return array(
			'engine'   => (string) $ffi->seloste_version(),
			'findings' => (array) ( $decoded['findings'] ?? array() ),
		);
	}
	$bin  = (string) $settings['binary_path'];
	$argv = array_merge(
		array( $bin, 'build' ),
		'' !== $sign ? array( '--sign', $sign ) : array(),
		'' !== $history ? array( '--history', $history ) : array(),
		$sources,
		array( '-o', $out )
	);
	$run  = seloste_run_binary( $argv );
	if ( is_wp_error( $run ) ) {
		return $run;
	}
	if ( 0 !== $run['code'] ) {
		/* translators: 1: exit code, 2: the engine's messages */
		return new WP_Error( 'seloste_build', sprintf( __( 'seloste build failed (exit code %1$d): %2$s', 'seloste-native' ), $run['code'], trim( $run['stderr'] . "\n" . $run['stdout'] ) ) );
	}
	$version = seloste_native_version( 'binary' );
	return array(
		'engine'   => is_wp_error( $version ) ? '' : $version,
		'findings' => array(),
	);
}

/**
 * Formats the engine's error answer.
 *
 * @param int        $code    Status code.
 * @param array|null $decoded Decoded answer.
 * @param string     $raw     Raw answer.
 * @return string
 */
function seloste_engine_errors( $code, $decoded, $raw ) {
	$lines = array();
	foreach ( (array) ( $decoded['errors'] ?? array() ) as $e ) {
		$lines[] = trim( sprintf( '%s:%s:%s: %s', $e['file'] ?? '', $e['line'] ?? '', $e['column'] ?? '', $e['message'] ?? '' ), ': ' );
	}
	/* translators: 1: status code, 2: the engine's messages */
	return sprintf( __( 'The engine refused to build (status %1$d): %2$s', 'seloste-native' ), $code, $lines ? implode( '; ', $lines ) : substr( $raw, 0, 500 ) );
}

/**
 * Builds the configured sources with the engine and imports the result
 * through the same verification and atomic publish as an upload.
 *
 * @param array $args sources (string[]|null), method (ffi|binary|null = pick), sign (key file|null = settings), web (bool).
 * @return int|WP_Error The live bundle post ID.
 */
function seloste_native_build_and_import( array $args = array() ) {
	$args     = wp_parse_args(
		$args,
		array(
			'sources' => null,
			'method'  => null,
			'sign'    => null,
			'web'     => ! ( defined( 'WP_CLI' ) || 'cli' === PHP_SAPI ),
		)
	);
	$settings = seloste_settings();
	$sources  = seloste_native_sources( $args['sources'] );
	if ( ! $sources ) {
		return seloste_record_import( new WP_Error( 'seloste_source', __( 'No source files are configured for the native build.', 'seloste-native' ) ), 'native' );
	}
	$pick   = seloste_native_method( (bool) $args['web'] );
	$method = $args['method'] ? (string) $args['method'] : $pick['method'];
	if ( null === $method || ( $args['method'] && $args['method'] !== $pick['method'] && ! seloste_native_method_usable( $method, (bool) $args['web'] ) ) ) {
		/* translators: %s: why */
		return seloste_record_import( new WP_Error( 'seloste_native', sprintf( __( 'The engine cannot run here: %s', 'seloste-native' ), $pick['why'] ) ), 'native' );
	}
	$sign    = null === $args['sign'] ? (string) $settings['sign_key_path'] : (string) $args['sign'];
	$staging = seloste_new_staging_dir();
	if ( is_wp_error( $staging ) ) {
		return seloste_record_import( $staging, 'native' );
	}
	$out = $staging . '/bundle';
	// Every build adds the notices' versions to a folder of snapshots that stays between
	// builds, so the bundle carries the earlier versions and what each one changed.
	$history = seloste_storage_dir( 'history' );
	if ( is_wp_error( $history ) ) {
		seloste_rmtree( $staging );
		return seloste_record_import( $history, 'native' );
	}
	$run = seloste_native_run( $sources, $out, $method, $sign, $history );
	if ( is_wp_error( $run ) ) {
		seloste_rmtree( $staging );
		return seloste_record_import( $run, 'native' );
	}
	update_option(
		SELOSTE_OPTION_NATIVE_INFO,
		array(
			'time'   => time(),
			'method' => $method,
			'engine' => $run['engine'],
		),
		false
	);
	$result = seloste_import_dir(
		$out,
		'native',
		array(
			'method'  => $method,
			'engine'  => $run['engine'],
			'context' => $args['web'] ? 'web' : 'cli',
		)
	);
	seloste_rmtree( $staging );
	return $result;
}

/**
 * Whether an explicitly requested method can run in this process.
 *
 * @param string $method ffi or binary.
 * @param bool   $web    Web request.
 * @return bool
 */
function seloste_native_method_usable( $method, $web ) {
	$settings = seloste_settings();
	if ( 'ffi' === $method ) {
		return seloste_ffi_status()['ok'] && is_readable( (string) $settings['library_path'] ) && ( ! $web || ! empty( $settings['web_native'] ) );
	}
	return 'binary' === $method && ! $web && is_executable( (string) $settings['binary_path'] ) && seloste_proc_open_available();
}
