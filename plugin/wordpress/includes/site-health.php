<?php
/**
 * Site Health tests (Tools → Site Health).
 *
 * @package Seloste
 * @license GPL-2.0-or-later
 */

defined( 'ABSPATH' ) || exit;

/**
 * Adds the Seloste tests.
 *
 * @param array $tests Tests.
 * @return array
 */
function seloste_site_status_tests( $tests ) {
	$list = array(
		'seloste_uploads_writable' => __( 'Seloste: uploads folder writable', 'seloste' ),
		'seloste_zip'              => __( 'Seloste: ZipArchive', 'seloste' ),
		'seloste_sodium'           => __( 'Seloste: sodium signatures', 'seloste' ),
		'seloste_object_cache'     => __( 'Seloste: persistent object cache', 'seloste' ),
	);
	foreach ( $list as $id => $label ) {
		$tests['direct'][ $id ] = array(
			'label' => $label,
			'test'  => 'seloste_health_' . substr( $id, strlen( 'seloste_' ) ),
		);
	}
	return $tests;
}

/**
 * One Site Health result.
 *
 * @param string $test        Test ID.
 * @param string $status      good, recommended or critical.
 * @param string $label       Headline.
 * @param string $description Explanation (plain text).
 * @return array
 */
function seloste_health_result( $test, $status, $label, $description ) {
	return array(
		'label'       => $label,
		'status'      => $status,
		'badge'       => array(
			'label' => __( 'Privacy notices', 'seloste' ),
			'color' => 'good' === $status ? 'blue' : ( 'critical' === $status ? 'red' : 'orange' ),
		),
		'description' => '<p>' . esc_html( $description ) . '</p>',
		'actions'     => '',
		'test'        => $test,
	);
}

/**
 * Uploads writable (bundles are unpacked under uploads/seloste).
 *
 * @return array
 */
function seloste_health_uploads_writable() {
	$dir = seloste_storage_dir();
	$ok  = ! is_wp_error( $dir ) && wp_is_writable( $dir );
	return seloste_health_result(
		'seloste_uploads_writable',
		$ok ? 'good' : 'critical',
		$ok ? __( 'Seloste can store bundles under uploads', 'seloste' ) : __( 'Seloste cannot write to its uploads folder', 'seloste' ),
		$ok ? __( 'Bundles are unpacked and verified in a protected folder under uploads (uploads/seloste).', 'seloste' ) : __( 'Uploads or uploads/seloste is not writable: bundles cannot be imported.', 'seloste' )
	);
}

/**
 * ZipArchive present.
 *
 * @return array
 */
function seloste_health_zip() {
	$ok = class_exists( 'ZipArchive' );
	return seloste_health_result(
		'seloste_zip',
		$ok ? 'good' : 'critical',
		$ok ? __( 'PHP can read bundle zips', 'seloste' ) : __( 'PHP\'s zip extension is missing', 'seloste' ),
		$ok ? __( 'ZipArchive is available.', 'seloste' ) : __( 'Without ZipArchive no bundle zip can be uploaded or fetched. Ask your host to enable the zip extension.', 'seloste' )
	);
}

/**
 * Sodium present (needed to check signatures).
 *
 * @return array
 */
function seloste_health_sodium() {
	$ok  = function_exists( 'sodium_crypto_sign_verify_detached' );
	$key = '' !== seloste_settings()['public_key'];
	if ( $ok ) {
		return seloste_health_result(
			'seloste_sodium',
			$key ? 'good' : 'recommended',
			$key ? __( 'Seloste checks the signature of every bundle', 'seloste' ) : __( 'Seloste accepts unsigned bundles', 'seloste' ),
			$key ? __( 'sodium is available and a public key is configured: unsigned or wrongly signed bundles are refused.', 'seloste' ) : __( 'sodium is available, but no public key is configured. Sign bundles with seloste build --sign and set the public key in Settings → Seloste.', 'seloste' )
		);
	}
	return seloste_health_result(
		'seloste_sodium',
		$key ? 'critical' : 'recommended',
		__( 'PHP\'s sodium functions are missing', 'seloste' ),
		__( 'Signed bundles cannot be verified without sodium (PHP 7.2+ has it built in unless the host removed it).', 'seloste' )
	);
}

/**
 * Whether a persistent object cache holds the notices between requests.
 *
 * @return array
 */
function seloste_health_object_cache() {
	$ok = wp_using_ext_object_cache();
	return seloste_health_result(
		'seloste_object_cache',
		$ok ? 'good' : 'recommended',
		$ok ? __( 'A persistent object cache is in use', 'seloste' ) : __( 'No persistent object cache', 'seloste' ),
		$ok ? __( 'Imported notices are served from the object cache.', 'seloste' ) : __( 'Notices are read from the database on each page view. That works; a persistent object cache (Redis, Memcached) makes it cheaper.', 'seloste' )
	);
}
