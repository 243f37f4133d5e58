// Rendering the examples with the seloste CLI, and the neutral host pages
// that embed fragments.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const LANGS = ['fi', 'sv', 'en'];

export function env(name, { required = true } = {}) {
  const v = process.env[name];
  if (required && !v) throw new Error(`environment variable ${name} is not set`);
  return v;
}

/** Runs the CLI; throws with its stderr when it fails. */
export function seloste(args) {
  const bin = env('SELOSTE_BIN');
  const r = spawnSync(bin, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${bin}: ${r.error.message}`);
  if (r.status !== 0) {
    throw new Error(`seloste ${args.join(' ')} exited ${r.status}:\n${(r.stderr || '').trim()}\n${(r.stdout || '').trim()}`.trim());
  }
  return r.stdout;
}

/** The theme folder for a name or a folder path. */
export function themeDir(theme) {
  if (theme.includes('/')) return path.resolve(theme);
  return path.join(env('SELOSTE_SOURCE_DIR'), 'themes', theme);
}

/** theme.json of a theme folder. */
export function manifest(dir) {
  return JSON.parse(fs.readFileSync(path.join(dir, 'theme.json'), 'utf8'));
}

/** The stylesheet file a theme uses: its own, or the one of the theme it extends. */
export function stylesheetOf(dir) {
  const seen = new Set();
  for (let d = dir; d && !seen.has(d); ) {
    seen.add(d);
    const m = manifest(d);
    if (m.stylesheet) {
      const f = path.join(d, m.stylesheet);
      if (fs.existsSync(f)) return f;
    }
    d = m.extends ? themeDir(m.extends) : null;
  }
  throw new Error(`theme ${dir}: no stylesheet found along its "extends" chain`);
}

/**
 * Renders `source` in all languages with `theme` (name or folder) into
 * `outDir`; returns [{ register, lang, file }] for the HTML files written.
 */
export function renderSource(source, theme, outDir, { fragment = false, headingBase = null, allowIncomplete = false } = {}) {
  fs.mkdirSync(outDir, { recursive: true });
  const args = ['render', source, '--lang', 'all', '--theme', theme, '-o', outDir];
  if (fragment) args.splice(args.length - 2, 0, '--fragment');
  if (allowIncomplete) args.splice(args.length - 2, 0, '--allow-incomplete');
  if (headingBase) args.splice(args.length - 2, 0, '--heading-base', String(headingBase));
  seloste(args);
  const files = [];
  for (const name of fs.readdirSync(outDir).sort()) {
    const m = name.match(/^(.+)\.(fi|sv|en)\.html$/);
    if (m) files.push({ register: m[1], lang: m[2], file: path.join(outDir, name) });
  }
  // the stylesheet the CLI wrote next to the pages
  files.css = fs.readdirSync(outDir).filter((n) => n.endsWith('.css')).map((n) => path.join(outDir, n));
  if (files.length === 0) throw new Error(`seloste render ${source} wrote no REGISTER.LANG.html into ${outDir}`);
  return files;
}

const HOST_TEXT = {
  fi: { title: 'Isäntäsivu', h1: 'Esimerkkiyhtiön verkkosivu', before: 'Tämä sivu upottaa tietosuojaselosteen katkelmana.', top: 'Sivun alkuun', home: 'Etusivu', footer: 'Esimerkkiyhtiö', section: 'Asiakkaille' },
  sv: { title: 'Värdsida', h1: 'Exempelbolagets webbsida', before: 'Den här sidan bäddar in dataskyddsbeskrivningen som ett fragment.', top: 'Till början av sidan', home: 'Startsida', footer: 'Exempelbolaget', section: 'För kunder' },
  en: { title: 'Host page', h1: 'Example company web page', before: 'This page embeds the privacy notice as a fragment.', top: 'Back to top', home: 'Home', footer: 'Example company', section: 'For customers' },
};

/**
 * A neutral host page around a fragment: its own landmarks, h1 and lang,
 * linking the theme stylesheet. The fragment sits inside <div id="seloste-fragment">.
 */
export function hostPage(fragmentHtml, { lang, cssHref, headingBase = 2 }) {
  const t = HOST_TEXT[lang] || HOST_TEXT.en;
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title}</title>
<link rel="stylesheet" href="${cssHref}" id="seloste-theme-css">
<style>
body { margin: 0; font-family: Georgia, serif; color: #222; background: #fff; }
.host-bar { padding: 0.75rem 1rem; background: #eee; }
.host-bar a, .host-main a { color: #1a3d6d; }
a:focus-visible { outline: 3px solid #1a3d6d; outline-offset: 2px; }
.host-main { padding: 0 1rem; }
/* The host's own long words (Swedish "Exempelbolagets" at 2em in a 320 px
   viewport) wrap as on any responsive site, so reflow measures the notice. */
.host-main h1, .host-main h2, .host-main > p { overflow-wrap: break-word; }
</style>
</head>
<body>
<header class="host-bar" id="host-top"><a href="#host-main">${t.home}</a></header>
<main class="host-main" id="host-main">
<h1>${t.h1}</h1>
<p>${t.before}</p>
${headingBase >= 3 ? `<h2>${t.section}</h2>\n` : ''}<div id="seloste-fragment">
${fragmentHtml}
</div>
<p><a href="#host-top">${t.top}</a></p>
</main>
<footer class="host-bar"><p>${t.footer}</p></footer>
</body>
</html>
`;
}

/** The examples to render: $SELOSTE_SOURCE_DIR/examples/*.xml */
export function examples() {
  const dir = path.join(env('SELOSTE_SOURCE_DIR'), 'examples');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => f.endsWith('.xml')).sort().map((f) => path.join(dir, f));
}

/**
 * The sources that use every element of the format, rendered beside the examples:
 * the view's own fixture and the format's (when present). They exist to show every
 * part of a page, not to pass the checks, so they render with --allow-incomplete.
 */
export function fixtures() {
  const root = env('SELOSTE_SOURCE_DIR');
  return ['tests/fixtures/view/all-elements.xml', 'tests/fixtures/format/all-elements.xml']
    .map((f) => path.join(root, f)).filter((f) => fs.existsSync(f));
}

/** A fixture's name in labels and folders: "fixture-view", "fixture-format". */
function sourceName(src) {
  const rel = path.relative(path.join(env('SELOSTE_SOURCE_DIR'), 'tests', 'fixtures'), src);
  if (!rel.startsWith('..') && !path.isAbsolute(rel)) return `fixture-${path.dirname(rel).split(path.sep).join('-')}`;
  return path.basename(src, '.xml');
}

/**
 * Renders every example x theme, full pages and fragments (wrapped in host
 * pages), below `root` (the folder the server serves). Returns the page list.
 */
export function renderAll(root, themes, sources, log = () => {}) {
  const pages = [];
  const errors = [];
  for (const theme of themes) {
    // A name is rendered as the CLI's built-in theme (what ships); a path as a folder theme.
    const tname = theme.includes('/') ? path.basename(path.resolve(theme)) : theme;
    const targ = theme.includes('/') ? path.resolve(theme) : theme;
    for (const src of sources) {
      const ex = sourceName(src);
      const allowIncomplete = ex.startsWith('fixture-');
      try {
        const pageDir = path.join(root, tname, ex, 'page');
        for (const f of renderSource(src, targ, pageDir, { allowIncomplete })) {
          pages.push({ theme: tname, example: ex, mode: 'page', register: f.register, lang: f.lang, file: f.file,
            rel: path.relative(root, f.file), label: `${tname}/page/${ex}/${f.register}.${f.lang}` });
        }
        const rawDir = path.join(root, tname, ex, 'fragment-raw');
        const hostDir = path.join(root, tname, ex, 'fragment');
        fs.mkdirSync(hostDir, { recursive: true });
        const frags = renderSource(src, targ, rawDir, { fragment: true, allowIncomplete });
        // the host links the stylesheet the CLI wrote with the fragments (else the theme folder's)
        const css = frags.css[0] || stylesheetOf(themeDir(theme));
        const cssName = `theme-${path.basename(css)}`;
        fs.copyFileSync(css, path.join(hostDir, cssName));
        for (const f of frags) {
          const html = fs.readFileSync(f.file, 'utf8');
          const hostFile = path.join(hostDir, path.basename(f.file));
          fs.writeFileSync(hostFile, hostPage(html, { lang: f.lang, cssHref: cssName }));
          pages.push({ theme: tname, example: ex, mode: 'fragment', register: f.register, lang: f.lang, file: hostFile,
            rel: path.relative(root, hostFile), label: `${tname}/fragment/${ex}/${f.register}.${f.lang}` });
        }
        if (src === sources[0]) {
          // the configured base level: the first example as a fragment under the host's h2 (--heading-base 3)
          const b3raw = path.join(root, tname, ex, 'fragment-base3-raw');
          const b3host = path.join(root, tname, ex, 'fragment-base3');
          fs.mkdirSync(b3host, { recursive: true });
          fs.copyFileSync(css, path.join(b3host, cssName));
          for (const f of renderSource(src, targ, b3raw, { fragment: true, headingBase: 3 })) {
            const hostFile = path.join(b3host, path.basename(f.file));
            fs.writeFileSync(hostFile, hostPage(fs.readFileSync(f.file, 'utf8'), { lang: f.lang, cssHref: cssName, headingBase: 3 }));
            pages.push({ theme: tname, example: ex, mode: 'fragment', headingBase: 3, register: f.register, lang: f.lang, file: hostFile,
              rel: path.relative(root, hostFile), label: `${tname}/fragment-base3/${ex}/${f.register}.${f.lang}` });
          }
        }
        log(`rendered ${ex} with ${tname}`);
      } catch (e) {
        errors.push({ label: `${tname}/${ex}`, error: e.message });
      }
    }
  }
  return { pages, errors };
}

/**
 * Builds the static site of all sources with every theme (`seloste build`) and
 * returns its index pages: the language index of each theme (full pages of the
 * theme) and the root language chooser (mode "site-root": no theme root).
 */
export function buildSite(root, themes, sources) {
  const dir = path.join(root, 'site');
  const args = ['build', ...sources, '-o', dir, '--lang', 'all'];
  for (const t of themes) args.push('--theme', t.includes('/') ? path.resolve(t) : t);
  seloste(args);
  // Built again with one notice changed (docs/history.md): its earlier version stays at its
  // dated address with a note, and its page lists the change; both are checked like any page.
  const changed = historyChange(root, sources);
  if (changed) seloste(args.map((a) => (a === changed.from ? changed.to : a)));
  const pages = [];
  const primary = themes[0].includes('/') ? path.basename(themes[0]) : themes[0];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) walk(f);
      else if (e.name.endsWith('.html')) {
        const rel = path.relative(root, f);
        const parts = path.relative(dir, f).split(path.sep);
        if (parts[0] === 'fragments') continue;
        const themed = !LANGS.includes(parts[0]) && parts.length > 1;
        const theme = parts.length === 1 ? '-' : themed ? parts[0] : primary;
        const inLang = themed ? parts.slice(1) : parts;
        const lang = parts.length === 1 ? 'root' : inLang[0];
        if (e.name === 'index.html' && inLang.length <= 2) {  // the root and the language indexes
          pages.push({ theme, example: 'site', mode: parts.length === 1 ? 'site-root' : 'page', register: 'index', lang,
            file: f, rel, label: `site/${parts.length === 1 ? 'index' : `${theme}/${lang}/index`}` });
        } else if (changed && inLang[1] && inLang[1].startsWith(changed.register)) {
          // the changed notice: its current page and its dated versions
          const version = inLang.length === 4 ? inLang[2] : 'current';
          pages.push({ theme, example: 'site', mode: 'page', register: `${changed.register}@${version}`, lang,
            file: f, rel, label: `site/${theme}/${lang}/${changed.register}/${version}` });
        }
      }
    }
  };
  walk(dir);
  return pages;
}

/** A copy of the first example with one retention period changed and a new notice date. */
function historyChange(root, sources) {
  const from = sources.find((s) => path.basename(s) === 'seinajoki.xml');
  if (!from) return null;
  const text = fs.readFileSync(from, 'utf8');
  const to = path.join(root, 'seinajoki-changed.xml');
  const changed = text.replace('<rule category="laskutus">\n        <period years="6"/>', '<rule category="laskutus">\n        <period years="10"/>')
    .replace('<notice-date>2025-02-22</notice-date>', '<notice-date>2026-01-15</notice-date>');
  if (changed === text) throw new Error(`${from}: the history change of the a11y suite no longer applies`);
  fs.writeFileSync(to, changed);
  return { from, to, register: 'seiverkot-asiakasrekisteri' };
}
