<?php
/**
 * seloste_is_safe_path(): what a manifest or zip may name.
 */
class PathSafetyTest extends SelosteTestCase {
	public function safe_paths() {
		return array(
			array( 'manifest.json' ),
			array( 'fi/seiverkot-asiakasrekisteri.html' ),
			array( 'fragments/sv/sen-uutiskirje.html' ),
			array( 'assets/seloste-default.css' ),
			array( 'fi/sähkö-rekisteri.html' ),
		);
	}

	public function unsafe_paths() {
		return array(
			'empty'              => array( '' ),
			'parent'             => array( '../wp-config.php' ),
			'parent inside'      => array( 'fi/../../x.html' ),
			'absolute'           => array( '/etc/passwd' ),
			'backslash'          => array( 'fi\\x.html' ),
			'dot segment'        => array( 'fi/./x.html' ),
			'empty segment'      => array( 'fi//x.html' ),
			'trailing slash'     => array( 'fi/' ),
			'hidden .htaccess'   => array( '.htaccess' ),
			'hidden in folder'   => array( 'fi/.user.ini' ),
			'drive letter'       => array( 'C:/x.html' ),
			'NUL byte'           => array( "fi/x.html\0.png" ),
			'newline'            => array( "fi/x\n.html" ),
			'space'              => array( 'fi/x y.html' ),
			'not a string'       => array( array( 'fi' ) ),
			'invalid UTF-8'      => array( "fi/\xff.html" ),
			'query-like'         => array( 'fi/x.html?y' ),
		);
	}

	/** @dataProvider safe_paths */
	public function test_safe( $path ) {
		$this->assertTrue( seloste_is_safe_path( $path ) );
	}

	/** @dataProvider unsafe_paths */
	public function test_unsafe( $path ) {
		$this->assertFalse( seloste_is_safe_path( $path ) );
	}

	public function test_zip_slip_entry_is_refused() {
		$zip_file = $this->temp_dir() . '/slip.zip';
		$zip      = new ZipArchive();
		$zip->open( $zip_file, ZipArchive::CREATE );
		$zip->addFromString( 'manifest.json', '{}' );
		$zip->addFromString( '../evil.php', '<?php echo 1;' );
		$zip->close();
		$dest   = $this->temp_dir();
		$result = seloste_extract_zip( $zip_file, $dest );
		$this->assertWPError( $result, 'seloste_unsafe_path' );
		$this->assertFileDoesNotExist( dirname( $dest ) . '/evil.php' );
	}

	public function test_symlink_entry_is_refused() {
		$zip_file = $this->temp_dir() . '/link.zip';
		$zip      = new ZipArchive();
		$zip->open( $zip_file, ZipArchive::CREATE );
		$zip->addFromString( 'manifest.json', '{}' );
		$zip->addFromString( 'fi/x.html', '/etc/passwd' );
		$zip->setExternalAttributesName( 'fi/x.html', ZipArchive::OPSYS_UNIX, ( 0120777 << 16 ) );
		$zip->close();
		$this->assertWPError( seloste_extract_zip( $zip_file, $this->temp_dir() ), 'seloste_unsafe_path' );
	}

	public function test_zip_with_one_top_folder_is_unpacked_to_the_root() {
		$zip_file = $this->temp_dir() . '/top.zip';
		$zip      = new ZipArchive();
		$zip->open( $zip_file, ZipArchive::CREATE );
		$zip->addEmptyDir( 'bundle' );
		$zip->addFromString( 'bundle/manifest.json', '{}' );
		$zip->addFromString( 'bundle/fi/x.html', 'x' );
		$zip->close();
		$dest = $this->temp_dir();
		$this->assertTrue( seloste_extract_zip( $zip_file, $dest ) );
		$this->assertFileExists( $dest . '/manifest.json' );
		$this->assertFileExists( $dest . '/fi/x.html' );
	}

	public function test_finder_metadata_is_skipped_not_unpacked() {
		$zip_file = $this->temp_dir() . '/finder.zip';
		$zip      = new ZipArchive();
		$zip->open( $zip_file, ZipArchive::CREATE );
		$zip->addFromString( 'bundle/manifest.json', '{}' );
		$zip->addFromString( 'bundle/.DS_Store', 'x' );
		$zip->addFromString( '__MACOSX/bundle/._manifest.json', 'x' );
		$zip->close();
		$dest = $this->temp_dir();
		$this->assertTrue( seloste_extract_zip( $zip_file, $dest ) );
		$this->assertSame( array( 'manifest.json' ), array_values( array_diff( scandir( $dest ), array( '.', '..' ) ) ) );
	}

	public function test_not_a_zip_is_refused() {
		$file = $this->temp_dir() . '/not.zip';
		file_put_contents( $file, 'plain text' );
		$this->assertWPError( seloste_extract_zip( $file, $this->temp_dir() ), 'seloste_bad_zip' );
	}
}
