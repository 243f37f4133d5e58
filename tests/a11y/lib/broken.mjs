// Proof that the suite can fail. A temporary theme folder extends "default"
// and overrides two of its partials: one gains an <img> without alt (plus a
// link, an over-wide element and an animated one), the other a skipped heading
// level (plus a table without caption or header cells, and a nav landmark).
// Its stylesheet is the default one plus rules that remove the focus ring and
// link underlines, break print output and ignore prefers-reduced-motion. The
// same checks that pass on the real themes must report each of these.
import fs from 'node:fs';
import path from 'node:path';
import { renderSource, themeDir, stylesheetOf } from './render.mjs';
import { hostPage } from './render.mjs';
import { validateFiles } from './vnu.mjs';

const IMG = '<img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" data-broken="img">'
  + '<a href="https://example.org/broken-theme-link" data-broken="link">broken theme link</a>'
  + '<span class="broken-wide" data-broken="wide">wide</span>';
const SKIP = '<h6 data-broken="heading">Skipped heading level</h6>'
  + '<table data-broken="table"><tr><td>no caption, no header cells</td></tr></table>'
  + '<nav data-broken="nav"><a href="#top" data-broken="nav-link">nav in a fragment</a></nav>';
const BAD_CSS = `
/* deliberately broken rules (tests/a11y broken-theme proof) */
.seloste :focus-visible, .seloste :focus { outline: none !important; box-shadow: none !important; }
.seloste a { text-decoration: none !important; }
.seloste .broken-wide { display: block; width: 60rem; transition: opacity 2s !important; }
@media print { .seloste a::after { content: none !important; } }
`;

function listPartials(dir) {
  const p = path.join(dir, 'partials');
  return fs.existsSync(p) ? fs.readdirSync(p).filter((f) => f.endsWith('.mustache')).sort() : [];
}

function writeTheme(dir, name, partials, css) {
  fs.mkdirSync(path.join(dir, 'partials'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'theme.json'), JSON.stringify({
    name,
    description: { fi: 'Tarkoituksella rikki', sv: 'Avsiktligt trasig', en: 'Deliberately broken' },
    stylesheet: 'seloste.css',
    extends: 'default',
  }, null, 2));
  fs.writeFileSync(path.join(dir, 'seloste.css'), css);
  for (const [file, text] of Object.entries(partials)) fs.writeFileSync(path.join(dir, 'partials', file), text);
}

/** Which of default's partials show up in a rendered page (probe with comments). */
function usedPartials(work, source) {
  const def = themeDir('default');
  const probe = path.join(work, 'probe-theme');
  const partials = {};
  for (const f of listPartials(def)) {
    partials[f] = fs.readFileSync(path.join(def, 'partials', f), 'utf8') + `<!--seloste-probe:${f}-->`;
  }
  writeTheme(probe, 'probe', partials, fs.readFileSync(stylesheetOf(def), 'utf8'));
  const out = path.join(work, 'probe-out');
  const files = renderSource(source, probe, out);
  const html = fs.readFileSync(files.find((f) => f.lang === 'fi').file, 'utf8');
  return Object.keys(partials).filter((f) => html.includes(`<!--seloste-probe:${f}-->`))
    .map((f) => ({ f, n: html.split(`<!--seloste-probe:${f}-->`).length - 1, at: html.indexOf(`<!--seloste-probe:${f}-->`) }));
}

export async function brokenThemeProof({ work, browser, server, siteRoot, source, checkPage }) {
  const results = [];
  const ok = (name) => results.push({ name, ok: true });
  const bad = (name, message, target) => results.push({ name, ok: false, message, target });

  const def = themeDir('default');
  let used;
  try {
    used = usedPartials(work, source);
  } catch (e) {
    bad('render-probe', e.message);
    return results;
  }
  // Prefer partials used once, inside the body of the notice; img first, heading later in the page.
  const once = used.filter((u) => u.n === 1).sort((a, b) => a.at - b.at);
  const pool = (once.length >= 2 ? once : used.sort((a, b) => a.at - b.at));
  if (pool.length < 2) {
    bad('choose-partials', `the default theme needs at least two partials used in a page; found ${used.map((u) => u.f).join(', ') || 'none'}`);
    return results;
  }
  const imgPartial = pool[Math.floor(pool.length / 3)].f;
  const skipPartial = pool.filter((u) => u.f !== imgPartial).at(-1).f;
  const dir = path.join(work, 'broken-theme');
  writeTheme(dir, 'broken', {
    [imgPartial]: fs.readFileSync(path.join(def, 'partials', imgPartial), 'utf8') + IMG,
    [skipPartial]: fs.readFileSync(path.join(def, 'partials', skipPartial), 'utf8') + SKIP,
  }, fs.readFileSync(stylesheetOf(def), 'utf8') + BAD_CSS);
  console.log(`broken theme: ${imgPartial} gets an <img> without alt, ${skipPartial} a skipped heading level`);

  // render it as a page and as a fragment inside a host page, under the served root
  const base = path.join(siteRoot, 'broken');
  let pageFile;
  let hostFile;
  try {
    const pageFiles = renderSource(source, dir, path.join(base, 'page'));
    pageFile = pageFiles.find((f) => f.lang === 'fi').file;
    const fragFiles = renderSource(source, dir, path.join(base, 'fragment-raw'), { fragment: true });
    const frag = fs.readFileSync(fragFiles.find((f) => f.lang === 'fi').file, 'utf8');
    fs.mkdirSync(path.join(base, 'fragment'), { recursive: true });
    const fragCss = fs.readdirSync(path.join(base, 'fragment-raw')).find((n) => n.endsWith('.css'));
    fs.copyFileSync(fragCss ? path.join(base, 'fragment-raw', fragCss) : path.join(dir, 'seloste.css'), path.join(base, 'fragment', 'theme-seloste.css'));
    hostFile = path.join(base, 'fragment', path.basename(pageFile));
    fs.writeFileSync(hostFile, hostPage(frag, { lang: 'fi', cssHref: 'theme-seloste.css' }));
  } catch (e) {
    bad('render-broken-theme', e.message);
    return results;
  }
  for (const [file, what] of [[pageFile, 'page'], [hostFile, 'fragment']]) {
    const html = fs.readFileSync(file, 'utf8');
    if (!html.includes('data-broken="img"') || !html.includes('data-broken="heading"')) {
      bad(`overrides-rendered-${what}`, `the overridden partials did not reach the ${what} output: user theme partial overrides are not applied`, file);
      return results;
    }
  }

  // vnu must reject the img without alt
  const vnu = validateFiles([pageFile, hostFile]);
  for (const [file, what] of [[pageFile, 'page'], [hostFile, 'fragment']]) {
    const errs = vnu.get(file);
    if (errs.some((e) => /img/.test(e.message) && /alt/.test(e.message))) ok(`vnu reports the img without alt (${what})`);
    else bad(`vnu-img-alt-${what}`, `vnu did not report the img without alt; it said: ${errs.map((e) => e.message).join(' / ') || 'nothing'}`, file);
  }

  const tab = await browser.context.newPage();
  try {
    for (const [file, mode] of [[pageFile, 'page'], [hostFile, 'fragment']]) {
      const url = `${server.origin}/${path.relative(siteRoot, file).split(path.sep).map(encodeURIComponent).join('/')}`;
      const { results: r } = await checkPage(tab, url, mode);
      const expect = (name, cond, got) => (cond ? ok(`${name} (${mode})`) : bad(`${name}-${mode}`, `not detected; the check reported: ${JSON.stringify(got).slice(0, 400)}`, url));
      expect('axe reports image-alt', r.axe.some((f) => f.rule === 'axe:image-alt'), r.axe);
      expect('axe reports heading-order', r.axe.some((f) => f.rule === 'axe:heading-order'), r.axe);
      expect('heading check reports the skipped level', r.headings.some((f) => f.rule === 'headings:skipped-level'), r.headings);
      expect('focus check reports the missing focus ring', r['focus-visible'].some((f) => f.rule === 'focus:indicator'), r['focus-visible']);
      expect('link check reports links told apart by colour alone', r['links-not-colour-alone'].length > 0, r['links-not-colour-alone']);
      expect('reflow check reports horizontal scrolling at 320 px', r['reflow-320'].length > 0, r['reflow-320']);
      expect('motion check reports a transition under prefers-reduced-motion', r['reduced-motion'].length > 0, r['reduced-motion']);
      expect('print check reports a link printed without its address', r.print.some((f) => f.rule === 'print:url-after-link'), r.print);
      expect('table check reports a table without caption and header cells', r.tables.length >= 2, r.tables);
      if (mode === 'fragment') expect('landmark check reports a landmark added by a fragment', r.landmarks.some((f) => f.rule === 'landmarks:fragment-adds-landmark'), r.landmarks);
    }
  } finally {
    await tab.close();
  }
  return results;
}
