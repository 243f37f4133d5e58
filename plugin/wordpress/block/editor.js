/**
 * Editor side of the seloste/notice block. Plain JavaScript on WordPress's
 * globals, no build step. The preview is the server's own output
 * (ServerSideRender), so the editor shows exactly what visitors get.
 *
 * SPDX-License-Identifier: GPL-2.0-or-later
 */
( function ( wp ) {
	'use strict';
	var el = wp.element.createElement;
	var __ = wp.i18n.__;
	var InspectorControls = wp.blockEditor.InspectorControls;
	var useBlockProps = wp.blockEditor.useBlockProps;
	var PanelBody = wp.components.PanelBody;
	var SelectControl = wp.components.SelectControl;
	var Notice = wp.components.Notice;
	var ServerSideRender = wp.serverSideRender;
	var data = window.selosteEditorData || { imported: false, registers: [], languages: [], themes: [] };

	// Each language by its own name, as a reader of it looks for it.
	var languageNames = { fi: 'suomi', sv: 'svenska', en: 'English' };

	function registerLabel( r ) {
		var n = r.name || {};
		return ( n.fi || n.en || n.sv || r.id ) + ' (' + r.id + ')';
	}

	wp.blocks.registerBlockType( 'seloste/notice', {
		edit: function ( props ) {
			var a = props.attributes;
			var set = props.setAttributes;
			var registerOptions = [ { label: __( '— choose a register —', 'seloste' ), value: '' } ].concat(
				data.registers.map( function ( r ) {
					return { label: registerLabel( r ), value: r.id };
				} )
			);
			var langOptions = [ { label: __( 'Page language', 'seloste' ), value: '' } ].concat(
				data.languages.map( function ( l ) {
					return { label: languageNames[ l ] || l, value: l };
				} )
			);
			var themeOptions = [ { label: __( 'Default', 'seloste' ), value: '' } ].concat(
				data.themes.map( function ( t ) {
					return { label: t, value: t };
				} )
			);
			return el(
				'div',
				useBlockProps(),
				el(
					InspectorControls,
					null,
					el(
						PanelBody,
						{ title: __( 'Notice', 'seloste' ) },
						data.imported
							? null
							: el( Notice, { status: 'warning', isDismissible: false }, __( 'No bundle imported yet: Settings → Seloste.', 'seloste' ) ),
						el( SelectControl, {
							label: __( 'Register', 'seloste' ),
							value: a.register,
							options: registerOptions,
							onChange: function ( v ) { set( { register: v } ); }
						} ),
						el( SelectControl, {
							label: __( 'Language', 'seloste' ),
							value: a.lang,
							options: langOptions,
							onChange: function ( v ) { set( { lang: v } ); }
						} ),
						el( SelectControl, {
							label: __( 'Theme', 'seloste' ),
							value: a.theme,
							options: themeOptions,
							onChange: function ( v ) { set( { theme: v } ); }
						} )
					)
				),
				el( ServerSideRender, { block: 'seloste/notice', attributes: a } )
			);
		},
		save: function () {
			return null;
		}
	} );
} )( window.wp );
