<?php
/**
 * Test helper: writes a copy of a Seloste source with one retention period of
 * one register (or of the shared retention it refers to) lengthened by 4 (years, months or days, as written) and the
 * register's notice date set to today: a new version of that notice.
 *
 * Command line: php retention.php SOURCE REGISTER OUT
 * Prints shell assignments: CAT_FI, CAT_SV, CAT_EN (the category's names),
 * OLD_N, NEW_N (the period's numbers), OLD_DATE, NEW_DATE.
 */

list( , $source, $register, $out ) = $argv;
$doc = new DOMDocument();
$doc->preserveWhiteSpace = true;
if ( ! $doc->load( $source ) ) {
	fwrite( STDERR, "cannot read $source\n" );
	exit( 1 );
}
$xp  = new DOMXPath( $doc );
$reg = $xp->query( '//register[@id="' . $register . '"]' )->item( 0 );
if ( ! $reg ) {
	fwrite( STDERR, "no register $register in $source\n" );
	exit( 1 );
}
// A register's retention may be a reference to a shared one (<retention ref="ID"/>).
$ret   = $xp->query( 'retention', $reg )->item( 0 );
$rules = ( $ret && $ret->hasAttribute( 'ref' ) )
	? $xp->query( '//retention[@id="' . $ret->getAttribute( 'ref' ) . '"]/rule[@category][period]' )
	: $xp->query( './/retention/rule[@category][period]', $reg );
foreach ( $rules as $rule ) {
	$cat = $xp->query( './/category[@id="' . $rule->getAttribute( 'category' ) . '"]/name', $reg )->item( 0 ) ?? $xp->query( '//category[@id="' . $rule->getAttribute( 'category' ) . '"]/name' )->item( 0 );
	if ( ! $cat ) {
		continue;
	}
	$period = $xp->query( 'period', $rule )->item( 0 );
	foreach ( array( 'years', 'months', 'days' ) as $unit ) {
		if ( $period->hasAttribute( $unit ) ) {
			$old = (int) $period->getAttribute( $unit );
			$new = $old + 4;
			$period->setAttribute( $unit, (string) $new );
			break 2;
		}
	}
}
if ( ! isset( $old ) ) {
	fwrite( STDERR, "no retention rule with a category and a period in $register\n" );
	exit( 1 );
}
$date = $xp->query( 'notice-date', $reg )->item( 0 );
if ( ! $date ) {
	fwrite( STDERR, "register $register has no notice-date\n" );
	exit( 1 );
}
$old_date          = trim( $date->textContent );
// The new version is dated today (a notice date may not lie in the future).
$new_date = gmdate( 'Y-m-d' );
if ( strcmp( $new_date, $old_date ) <= 0 ) {
	fwrite( STDERR, "the notice date $old_date of $register is not before today\n" );
	exit( 1 );
}
$date->textContent = $new_date;
$doc->save( $out );
$name = static function ( $lang ) use ( $xp, $cat ) {
	$n = $xp->query( $lang, $cat )->item( 0 );
	return $n ? trim( $n->textContent ) : '';
};
foreach ( array(
	'CAT_FI'   => $name( 'fi' ),
	'CAT_SV'   => $name( 'sv' ),
	'CAT_EN'   => $name( 'en' ),
	'OLD_N'    => $old,
	'NEW_N'    => $new,
	'OLD_DATE' => $old_date,
	'NEW_DATE' => $new_date,
) as $k => $v ) {
	echo $k, '=', escapeshellarg( (string) $v ), "\n";
}
