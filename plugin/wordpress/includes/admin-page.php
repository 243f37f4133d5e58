<?php
/**
 * What Settings → Seloste prints: status, import forms, history with the
 * recorded changes and rollback, the settings form and the privacy policy page chooser. Read-only:
 * every change goes through an action in settings.php.
 *
 * @package Seloste
 * @license GPL-2.0-or-later
 */

defined( 'ABSPATH' ) || exit;

/**
 * Prints the settings page (or the diff view).
 */
function seloste_render_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to manage Seloste notices.', 'seloste' ), '', array( 'response' => 403 ) );
	}
	// Read-only views below take their parameters from the URL; no state changes without a nonce.
	$view = isset( $_GET['view'] ) ? sanitize_key( wp_unslash( $_GET['view'] ) ) : ''; // phpcs:ignore WordPress.Security.NonceVerification.Recommended
	echo '<div class="wrap seloste-admin"><h1>' . esc_html__( 'Seloste privacy notices', 'seloste' ) . '</h1>';
	if ( 'diff' === $view ) {
		seloste_render_diff_view( isset( $_GET['bundle'] ) ? absint( $_GET['bundle'] ) : 0 ); // phpcs:ignore WordPress.Security.NonceVerification.Recommended
		echo '</div>';
		return;
	}
	$tabs = seloste_admin_tabs();
	$tab  = isset( $_GET['tab'] ) ? sanitize_key( wp_unslash( $_GET['tab'] ) ) : 'status'; // phpcs:ignore WordPress.Security.NonceVerification.Recommended
	$tab  = isset( $tabs[ $tab ] ) ? $tab : 'status';
	echo '<nav class="nav-tab-wrapper" aria-label="' . esc_attr__( 'Seloste sections', 'seloste' ) . '">';
	foreach ( $tabs as $key => $label ) {
		printf(
			'<a href="%1$s" class="nav-tab%2$s" id="seloste-tab-%3$s"%4$s>%5$s</a>',
			esc_url( seloste_admin_url( array( 'tab' => $key ) ) ),
			$key === $tab ? ' nav-tab-active' : '',
			esc_attr( $key ),
			$key === $tab ? ' aria-current="page"' : '',
			esc_html( $label )
		);
	}
	echo '</nav>';
	seloste_render_result_notice();
	switch ( $tab ) {
		case 'import':
			seloste_render_import_forms();
			break;
		case 'history':
			seloste_render_history();
			break;
		case 'settings':
			seloste_render_settings_form();
			seloste_render_privacy_form();
			break;
		default:
			seloste_render_status();
	}
	echo '</div>';
}

/**
 * The tabs of the settings page.
 *
 * @return array<string,string> Key => label.
 */
function seloste_admin_tabs() {
	return array(
		'status'   => __( 'Status', 'seloste' ),
		'import'   => __( 'Import', 'seloste' ),
		'history'  => __( 'History', 'seloste' ),
		'settings' => __( 'Settings', 'seloste' ),
	);
}

/**
 * The outcome of the last action, after a redirect.
 */
function seloste_render_result_notice() {
	$result = isset( $_GET['seloste_result'] ) ? sanitize_key( wp_unslash( $_GET['seloste_result'] ) ) : ''; // phpcs:ignore WordPress.Security.NonceVerification.Recommended
	if ( '' === $result ) {
		return;
	}
	if ( 'privacy' === $result ) {
		echo '<div class="notice notice-success"><p>' . esc_html__( 'Privacy policy page saved.', 'seloste' ) . '</p></div>';
		return;
	}
	$last = get_option( SELOSTE_OPTION_LAST_IMPORT, array() );
	$ok   = 'ok' === $result;
	printf(
		'<div class="notice %1$s" id="seloste-result" data-result="%2$s"><p><strong>%3$s</strong> %4$s</p></div>',
		esc_attr( $ok ? 'notice-success' : 'notice-error' ),
		esc_attr( $ok ? 'ok' : 'refused' ),
		esc_html( $ok ? __( 'Done:', 'seloste' ) : __( 'Refused:', 'seloste' ) ),
		esc_html( seloste_record_message( is_array( $last ) ? $last : array() ) . ( $ok ? '' : ' ' . __( 'The notices that were live stay live.', 'seloste' ) ) )
	);
	if ( $ok && ! empty( $last['bundle'] ) && 'rollback' !== ( $last['source'] ?? '' ) ) {
		seloste_render_import_changes( (int) $last['bundle'] );
	}
}

/**
 * What an import changed, per register, in the admin user's language: the
 * change sentences the engine recorded in the bundle.
 *
 * @param int $bundle_id Bundle post ID.
 */
function seloste_render_import_changes( $bundle_id ) {
	$changes = seloste_bundle_changes( $bundle_id );
	$html    = seloste_changes_html( $changes['registers'], seloste_admin_lang() );
	echo '<section id="seloste-import-changes" aria-labelledby="seloste-import-changes-title"><h2 id="seloste-import-changes-title">'
		. esc_html(
			$changes['previous']
				/* translators: 1: bundle number, 2: previous bundle number */
				? sprintf( __( 'What changed with this import (#%1$d, since #%2$d)', 'seloste' ), $bundle_id, $changes['previous'] )
				/* translators: %d: bundle number */
				: sprintf( __( 'What this import (#%d) published', 'seloste' ), $bundle_id )
		)
		. '</h2>';
	echo '' !== $html ? seloste_kses_changes( $html ) : '<p>' . esc_html__( 'No notices.', 'seloste' ) . '</p>'; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- seloste_kses_changes() filters it.
	echo '</section>';
}

/**
 * Where an import came from, in the reader's language.
 *
 * @param string $source upload, fetch, native, cli or rollback.
 * @return string
 */
function seloste_source_label( $source ) {
	$labels = array(
		'upload'   => __( 'upload', 'seloste' ),
		'fetch'    => __( 'scheduled fetch', 'seloste' ),
		'native'   => __( 'native build', 'seloste' ),
		'cli'      => __( 'WP-CLI', 'seloste' ),
		'rollback' => __( 'roll back', 'seloste' ),
	);
	return $labels[ $source ] ?? $source;
}

/**
 * The markup seloste_changes_html() writes, and nothing else (its text is escaped already).
 *
 * @param string $html HTML.
 * @return string
 */
function seloste_kses_changes( $html ) {
	return wp_kses(
		$html,
		array(
			'ul'     => array( 'class' => true ),
			'li'     => array(
				'class'         => true,
				'data-register' => true,
			),
			'strong' => array(),
			'time'   => array( 'datetime' => true ),
		)
	);
}

/**
 * The status table: active path, engine, live bundle, last import, findings.
 */
function seloste_render_status() {
	$path   = seloste_active_path();
	$bundle = seloste_active_bundle();
	$m      = $bundle ? seloste_bundle_manifest( $bundle ) : null;
	$last   = get_option( SELOSTE_OPTION_LAST_IMPORT, array() );
	$rows   = array();

	$rows[ __( 'Active path', 'seloste' ) ] = '<strong>' . esc_html( $path['path'] ) . '</strong><br>' . esc_html( $path['why'] );
	$engine                                 = $m ? esc_html( (string) ( $m['generator'] ?? '?' ) ) . ' ' . esc_html__( '(built the live bundle)', 'seloste' ) : esc_html__( 'No bundle imported yet.', 'seloste' );
	/**
	 * More about the engine on the status table (the seloste-native add-on's last run), escaped HTML.
	 *
	 * @param string $extra '' or HTML starting with <br>.
	 */
	$engine .= (string) apply_filters( 'seloste_status_engine', '' );
	$rows[ __( 'Engine version', 'seloste' ) ] = $engine;
	if ( $bundle ) {
		$signed = get_post_meta( $bundle->ID, '_seloste_sig_checked', true ) ? __( 'signature verified', 'seloste' ) : ( get_post_meta( $bundle->ID, '_seloste_signed', true ) ? __( 'signed, but no public key is configured to check it', 'seloste' ) : __( 'not signed', 'seloste' ) );
		$rows[ __( 'Live bundle', 'seloste' ) ] = esc_html(
			sprintf(
				/* translators: 1: number, 2: date, 3: source, 4: register count, 5: signature state, 6: hash */
				__( '#%1$d, imported %2$s by %3$s; %4$d registers; %5$s; manifest SHA-256 %6$s', 'seloste' ),
				$bundle->ID,
				wp_date( 'Y-m-d H:i', (int) get_post_meta( $bundle->ID, '_seloste_imported_at', true ) ),
				seloste_source_label( (string) get_post_meta( $bundle->ID, '_seloste_source', true ) ),
				count( $m['registers'] ?? array() ),
				$signed,
				substr( (string) get_post_meta( $bundle->ID, '_seloste_manifest_sha256', true ), 0, 16 ) . '…'
			)
		);
	}
	if ( is_array( $last ) && isset( $last['time'], $last['source'], $last['ok'] ) ) {
		$rows[ __( 'Last import', 'seloste' ) ] = '<span id="seloste-last-import" data-ok="' . esc_attr( $last['ok'] ? '1' : '0' ) . '">'
			. esc_html( sprintf( '%s, %s: %s %s', wp_date( 'Y-m-d H:i:s', (int) $last['time'] ), seloste_source_label( (string) $last['source'] ), $last['ok'] ? __( 'OK.', 'seloste' ) : __( 'Refused.', 'seloste' ), seloste_record_message( $last ) ) ) . '</span>';
	}
	echo '<h2>' . esc_html__( 'Status', 'seloste' ) . '</h2><table class="widefat striped" id="seloste-status"><tbody>';
	foreach ( $rows as $label => $value ) {
		echo '<tr><th scope="row" style="width:12em">' . esc_html( $label ) . '</th><td>' . wp_kses( $value, array( 'strong' => array(), 'br' => array(), 'span' => array( 'id' => true, 'data-ok' => true ) ) ) . '</td></tr>';
	}
	echo '</tbody></table>';

	if ( $m ) {
		$findings = (array) ( $m['findings'] ?? array() );
		/* translators: %d: number of findings */
		echo '<h3>' . esc_html( sprintf( _n( 'Findings of seloste check carried in the bundle (%d)', 'Findings of seloste check carried in the bundle (%d)', count( $findings ), 'seloste' ), count( $findings ) ) ) . '</h3>';
		if ( ! $findings ) {
			echo '<p>' . esc_html__( 'None.', 'seloste' ) . '</p>';
		} else {
			echo '<table class="widefat striped" id="seloste-findings"><thead><tr><th scope="col">' . esc_html__( 'Severity', 'seloste' ) . '</th><th scope="col">' . esc_html__( 'Rule', 'seloste' ) . '</th><th scope="col">' . esc_html__( 'Message', 'seloste' ) . '</th><th scope="col">' . esc_html__( 'Where', 'seloste' ) . '</th></tr></thead><tbody>';
			$lang = seloste_locale_to_lang( get_user_locale(), array( 'fi', 'sv', 'en' ) ) ?? 'en';
			foreach ( $findings as $f ) {
				$f       = is_array( $f ) ? $f : array();
				$loc     = is_array( $f['location'] ?? null ) ? $f['location'] : $f;
				$file    = is_scalar( $loc['file'] ?? null ) ? wp_basename( (string) $loc['file'] ) : '';
				$where   = implode( ':', array_filter( array( $file, (string) ( $loc['line'] ?? '' ), (string) ( $loc['column'] ?? '' ) ), 'strlen' ) );
				$message = $f['message'] ?? '';
				if ( is_array( $message ) ) { // One text per language.
					$message = $message[ $lang ] ?? $message['en'] ?? reset( $message );
				}
				$article = is_scalar( $f['article'] ?? null ) && '' !== (string) $f['article'] ? ' (' . sprintf( /* translators: %s: GDPR article */ __( 'Art. %s', 'seloste' ), $f['article'] ) . ')' : '';
				printf(
					'<tr><td>%s</td><td><code>%s</code></td><td>%s</td><td>%s</td></tr>',
					esc_html( is_scalar( $f['severity'] ?? null ) ? (string) $f['severity'] : '' ),
					esc_html( is_scalar( $f['rule'] ?? null ) ? (string) $f['rule'] : '' ),
					esc_html( ( is_scalar( $message ) ? (string) $message : '' ) . $article ),
					esc_html( $where . ( isset( $f['register'] ) && is_scalar( $f['register'] ) ? ' (' . $f['register'] . ')' : '' ) )
				);
			}
			echo '</tbody></table>';
		}
	}
}

/**
 * The upload form, and the fetch and build buttons when they apply.
 */
function seloste_render_import_forms() {
	$s = seloste_settings();
	echo '<h2>' . esc_html__( 'Import a bundle', 'seloste' ) . '</h2>';
	echo '<form method="post" enctype="multipart/form-data" action="' . esc_url( admin_url( 'admin-post.php' ) ) . '" id="seloste-upload-form">';
	echo '<input type="hidden" name="action" value="seloste_upload">';
	wp_nonce_field( 'seloste_upload' );
	echo '<p><label for="seloste-bundle">' . esc_html__( 'Bundle zip (the folder written by seloste build, zipped)', 'seloste' ) . '</label><br>';
	echo '<input type="file" id="seloste-bundle" name="seloste_bundle" accept=".zip,application/zip" required></p>';
	echo '<p class="description">' . esc_html( '' !== $s['public_key'] ? __( 'A public key is configured: only bundles signed with its secret key are accepted.', 'seloste' ) : __( 'No public key is configured: unsigned bundles are accepted. Configure one below to require signed bundles.', 'seloste' ) ) . '</p>';
	submit_button( __( 'Verify and publish', 'seloste' ), 'primary', 'submit', false );
	echo '</form>';

	$refusal = seloste_fetch_refusal( $s );
	if ( '' !== $s['fetch_url'] && null !== $refusal ) {
		echo '<div class="notice notice-error inline" id="seloste-fetch-refused"><p><strong>' . esc_html__( 'Fetch refused:', 'seloste' ) . '</strong> ' . esc_html( $refusal->get_error_message() ) . '</p></div>';
	} elseif ( '' !== $s['fetch_url'] ) {
		echo '<form method="post" action="' . esc_url( admin_url( 'admin-post.php' ) ) . '" style="margin-top:1em"><input type="hidden" name="action" value="seloste_fetch">';
		wp_nonce_field( 'seloste_fetch' );
		$next = wp_next_scheduled( SELOSTE_CRON_HOOK );
		/* translators: %s: date */
		echo '<p>' . esc_html( $next ? sprintf( __( 'Next scheduled fetch: %s.', 'seloste' ), wp_date( 'Y-m-d H:i', $next ) ) : __( 'The scheduled fetch is off.', 'seloste' ) ) . ' ';
		submit_button( __( 'Fetch now', 'seloste' ), 'secondary', 'submit', false );
		echo '</p></form>';
	}
	/**
	 * More ways to import, after the upload and fetch forms (the seloste-native add-on's build button).
	 */
	do_action( 'seloste_import_forms' );
}

/**
 * The history: each import with its changes and a rollback button.
 */
function seloste_render_history() {
	$history = seloste_history();
	$active  = (int) get_option( SELOSTE_OPTION_ACTIVE, 0 );
	$lang    = seloste_admin_lang();
	echo '<h2>' . esc_html__( 'History', 'seloste' ) . '</h2>';
	if ( ! $history ) {
		echo '<p>' . esc_html__( 'Nothing imported yet.', 'seloste' ) . '</p>';
		return;
	}
	echo '<table class="widefat striped" id="seloste-history"><thead><tr><th scope="col">#</th><th scope="col">' . esc_html__( 'Imported', 'seloste' ) . '</th><th scope="col">' . esc_html__( 'From', 'seloste' ) . '</th><th scope="col">' . esc_html__( 'Engine', 'seloste' ) . '</th><th scope="col">' . esc_html__( 'Signature', 'seloste' ) . '</th><th scope="col">' . esc_html__( 'Changes', 'seloste' ) . '</th><th scope="col">' . esc_html__( 'Actions', 'seloste' ) . '</th></tr></thead><tbody>';
	foreach ( $history as $bundle ) {
		$is_live = $bundle->ID === $active;
		echo '<tr data-bundle="' . esc_attr( (string) $bundle->ID ) . '"' . ( $is_live ? ' class="seloste-live"' : '' ) . '>';
		echo '<td>' . esc_html( (string) $bundle->ID ) . ( $is_live ? ' <strong>' . esc_html__( '(live)', 'seloste' ) . '</strong>' : '' ) . '</td>';
		echo '<td>' . esc_html( wp_date( 'Y-m-d H:i:s', (int) get_post_meta( $bundle->ID, '_seloste_imported_at', true ) ) ) . '</td>';
		echo '<td>' . esc_html( seloste_source_label( (string) get_post_meta( $bundle->ID, '_seloste_source', true ) ) ) . '</td>';
		echo '<td>' . esc_html( (string) get_post_meta( $bundle->ID, '_seloste_generator', true ) ) . '</td>';
		echo '<td>' . esc_html( get_post_meta( $bundle->ID, '_seloste_sig_checked', true ) ? __( 'verified', 'seloste' ) : __( 'not checked', 'seloste' ) ) . '</td>';
		// Only what changed: unchanged notices are left out of the history.
		$changes = seloste_changes_html( seloste_bundle_changes( $bundle->ID )['registers'], $lang, array( 'first', 'added', 'removed', 'no-record', 'changed' ) );
		echo '<td class="seloste-history-changes">' . ( '' !== $changes ? seloste_kses_changes( $changes ) : esc_html__( 'unchanged', 'seloste' ) ) . '</td><td>'; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- seloste_kses_changes() filters it.
		echo '<a class="button button-small" href="' . esc_url( seloste_admin_url( array( 'view' => 'diff', 'bundle' => $bundle->ID ) ) ) . '">' . esc_html__( 'What changed', 'seloste' ) . '</a>';
		if ( ! $is_live ) {
			echo ' <form method="post" action="' . esc_url( admin_url( 'admin-post.php' ) ) . '" style="display:inline"><input type="hidden" name="action" value="seloste_rollback"><input type="hidden" name="bundle" value="' . esc_attr( (string) $bundle->ID ) . '">';
			wp_nonce_field( 'seloste_rollback' );
			/* translators: %d: bundle number */
			echo '<button type="submit" class="button button-small">' . esc_html( sprintf( __( 'Roll back to #%d', 'seloste' ), $bundle->ID ) ) . '</button></form>';
		}
		echo '</td></tr>';
	}
	echo '</tbody></table>';
}

/**
 * What changed from the previous import to a given one: the change sentences
 * the engine recorded in the bundle, per register (no page diff).
 *
 * @param int $bundle_id Bundle post ID.
 */
function seloste_render_diff_view( $bundle_id ) {
	$post = get_post( $bundle_id );
	echo '<p><a href="' . esc_url( seloste_admin_url() ) . '">&larr; ' . esc_html__( 'Back', 'seloste' ) . '</a></p>';
	if ( ! $post || SELOSTE_PT_BUNDLE !== $post->post_type ) {
		echo '<p>' . esc_html__( 'No such bundle.', 'seloste' ) . '</p>';
		return;
	}
	$changes  = seloste_bundle_changes( $post->ID );
	$previous = (int) $changes['previous'];
	$lang     = seloste_admin_lang();
	$old      = $previous ? seloste_bundle_manifest( $previous ) : null;
	$new      = seloste_bundle_manifest( $post->ID );
	/* translators: 1: bundle number, 2: previous bundle number */
	echo '<h2 id="seloste-diff">' . esc_html( $previous ? sprintf( __( 'Changes in #%1$d since #%2$d', 'seloste' ), $post->ID, $previous ) : sprintf( __( 'Contents of #%1$d (the first import)', 'seloste' ), $post->ID ) ) . '</h2>';
	if ( $previous && ! $old ) {
		echo '<p>' . esc_html__( 'The previous import is no longer stored; the changes were kept when this bundle was imported.', 'seloste' ) . '</p>';
	}
	/* translators: 1: findings before, 2: findings after */
	echo '<p>' . esc_html( sprintf( __( 'Findings: %1$d before, %2$d now.', 'seloste' ), count( $old['findings'] ?? array() ), count( $new['findings'] ?? array() ) ) ) . '</p>';
	foreach ( array(
		'added'   => array( __( 'New notices', 'seloste' ), array( 'added', 'first' ) ),
		'removed' => array( __( 'Removed notices', 'seloste' ), array( 'removed' ) ),
		'changed' => array( __( 'Changed notices', 'seloste' ), array( 'changed', 'no-record' ) ),
	) as $key => $group ) {
		$count = count(
			array_filter(
				$changes['registers'],
				static function ( $r ) use ( $group ) {
					return in_array( $r['status'] ?? '', $group[1], true );
				}
			)
		);
		echo '<h3 class="seloste-diff-' . esc_attr( $key ) . '">' . esc_html( $group[0] ) . ' (' . (int) $count . ')</h3>';
		if ( $count ) {
			echo seloste_kses_changes( seloste_changes_html( $changes['registers'], $lang, $group[1] ) ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- seloste_kses_changes() filters it.
		}
	}
	$unchanged = seloste_changes_html( $changes['registers'], $lang, array( 'unchanged' ) );
	if ( '' !== $unchanged ) {
		echo '<h3>' . esc_html__( 'Unchanged notices', 'seloste' ) . '</h3>' . seloste_kses_changes( $unchanged ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- seloste_kses_changes() filters it.
	}
}

/**
 * The settings form.
 */
function seloste_render_settings_form() {
	$s    = seloste_settings();
	$name = SELOSTE_OPTION_SETTINGS;
	// WordPress prints the settings errors and "Settings saved." itself on Settings pages.
	echo '<h2>' . esc_html__( 'Settings', 'seloste' ) . '</h2>';
	echo '<form method="post" action="' . esc_url( admin_url( 'options.php' ) ) . '" id="seloste-settings-form">';
	settings_fields( 'seloste' );
	echo '<table class="form-table" role="presentation"><tbody>';

	$text  = static function ( $field, $label, $help, $type = 'text' ) use ( $s, $name ) {
		seloste_settings_text_row( $s, $name, $field, $label, $help, $type );
	};
	$check = static function ( $field, $label, $help ) use ( $s, $name ) {
		seloste_settings_checkbox_row( $s, $name, $field, $label, $help );
	};

	$text( 'public_key', __( 'Signing public key', 'seloste' ), __( 'The base64 line of KEYFILE.pub from seloste keygen. When set, unsigned or wrongly signed bundles are refused.', 'seloste' ) );
	$check( 'fetch_enabled', __( 'Scheduled fetch', 'seloste' ), __( 'Fetch the bundle zip from the URL below on a schedule (wp-cron) and import it when it changed.', 'seloste' ) );
	$text( 'fetch_url', __( 'Fetch URL', 'seloste' ), __( 'https:// URL of a bundle zip, e.g. your own build\'s output. A fetch needs an https URL and the public key above: the bundle comes over the network, so only its signature says who made it.', 'seloste' ), 'url' );
	echo '<tr><th scope="row"><label for="seloste-fetch_interval">' . esc_html__( 'Fetch interval', 'seloste' ) . '</label></th><td><select id="seloste-fetch_interval" name="' . esc_attr( $name ) . '[fetch_interval]">';
	foreach ( wp_get_schedules() as $key => $schedule ) {
		echo '<option value="' . esc_attr( $key ) . '"' . selected( $s['fetch_interval'], $key, false ) . '>' . esc_html( $schedule['display'] ) . '</option>';
	}
	echo '</select></td></tr>';
	/**
	 * More rows of the settings form (the seloste-native add-on's fields).
	 *
	 * @param array  $s    Settings.
	 * @param string $name The option name the fields post to.
	 */
	do_action( 'seloste_settings_fields', $s, $name );
	$text( 'keep_versions', __( 'Versions to keep', 'seloste' ), __( 'How many imports the history keeps (2 to 100).', 'seloste' ), 'number' );
	echo '</tbody></table>';
	submit_button( __( 'Save settings', 'seloste' ) );
	echo '</form>';
}

/**
 * The privacy policy page chooser.
 */
function seloste_render_privacy_form() {
	if ( ! current_user_can( 'manage_privacy_options' ) ) {
		return;
	}
	echo '<h2>' . esc_html__( 'Privacy policy page', 'seloste' ) . '</h2>';
	echo '<form method="post" action="' . esc_url( admin_url( 'admin-post.php' ) ) . '"><input type="hidden" name="action" value="seloste_privacy_page">';
	wp_nonce_field( 'seloste_privacy_page' );
	echo '<p><label for="seloste-privacy-page">' . esc_html__( 'The page WordPress treats as its privacy policy (put the notice there with the shortcode or the block):', 'seloste' ) . '</label> ';
	wp_dropdown_pages(
		array(
			'name'              => 'seloste_privacy_page',
			'id'                => 'seloste-privacy-page',
			'selected'          => (int) get_option( 'wp_page_for_privacy_policy' ),
			'show_option_none'  => esc_html__( '— none —', 'seloste' ),
			'option_none_value' => '0',
			'post_status'       => array( 'publish', 'draft' ),
		)
	);
	echo ' ';
	submit_button( __( 'Save', 'seloste' ), 'secondary', 'submit', false );
	echo '</p></form>';
}

/**
 * Prints a settings row with a text field (also used by the seloste-native add-on).
 *
 * @param array  $s     Settings.
 * @param string $name  The option name.
 * @param string $field The setting.
 * @param string $label Its label.
 * @param string $help  Its description.
 * @param string $type  The input type.
 */
function seloste_settings_text_row( $s, $name, $field, $label, $help, $type = 'text' ) {
	printf(
		'<tr><th scope="row"><label for="seloste-%1$s">%2$s</label></th><td><input type="%6$s" class="regular-text code" id="seloste-%1$s" name="%3$s[%1$s]" value="%4$s"><p class="description">%5$s</p></td></tr>',
		esc_attr( $field ),
		esc_html( $label ),
		esc_attr( $name ),
		esc_attr( (string) $s[ $field ] ),
		esc_html( $help ),
		esc_attr( $type )
	);
}

/**
 * Prints a settings row with a checkbox (also used by the seloste-native add-on).
 *
 * @param array  $s     Settings.
 * @param string $name  The option name.
 * @param string $field The setting.
 * @param string $label Its label.
 * @param string $help  The checkbox's text.
 */
function seloste_settings_checkbox_row( $s, $name, $field, $label, $help ) {
	printf(
		'<tr><th scope="row">%2$s</th><td><label><input type="checkbox" id="seloste-%1$s" name="%3$s[%1$s]" value="1"%4$s> %5$s</label></td></tr>',
		esc_attr( $field ),
		esc_html( $label ),
		esc_attr( $name ),
		checked( ! empty( $s[ $field ] ), true, false ),
		esc_html( $help )
	);
}
