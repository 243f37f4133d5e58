// Seloste accessibility suite: every example x language x theme, as a full
// page and as a fragment in a neutral host page, in Debian's Chromium.
//
// Environment: SELOSTE_BIN (the seloste CLI), SELOSTE_SOURCE_DIR (repo root),
// optional SELOSTE_BUILD_DIR (screenshots go to $SELOSTE_BUILD_DIR/a11y-screenshots),
// SELOSTE_A11Y_THEMES (default "default layered"), SELOSTE_A11Y_JOBS (pages
// checked in parallel, default 4), SELOSTE_A11Y_KEEP=1 (keep the temp folder).
//
// Last line: "N passed, N failed". Exit status non-zero on any failure.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';
import { validateFiles } from './lib/vnu.mjs';
import { env, examples, fixtures, renderAll, buildSite, themeDir, manifest, stylesheetOf, seloste } from './lib/render.mjs';
import { checkPage } from './lib/page.mjs';
import { takeScreenshots } from './screenshots.mjs';
import { brokenThemeProof } from './lib/broken.mjs';
import { checkCurrent as checkLayeredCurrent } from './tools/sync-layered.mjs';

const MAX_LINES_PER_CHECK = 15;
let passed = 0;
let failed = 0;

/** Records one test: passes when `failures` is empty; prints each failure as page + rule + target. */
function record(label, check, failures) {
  if (!failures || failures.length === 0) {
    passed++;
    return true;
  }
  failed++;
  console.log(`FAIL ${label} [${check}]`);
  for (const f of failures.slice(0, MAX_LINES_PER_CHECK)) {
    console.log(`  ${label} | ${f.rule} | ${f.target} | ${f.message}`);
  }
  if (failures.length > MAX_LINES_PER_CHECK) console.log(`  ... and ${failures.length - MAX_LINES_PER_CHECK} more`);
  return false;
}

async function pool(items, jobs, fn) {
  let next = 0;
  const workers = Array.from({ length: Math.min(jobs, items.length) }, async (_, w) => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], w);
    }
  });
  await Promise.all(workers);
}

async function main() {
  const t0 = Date.now();
  const sourceDir = env('SELOSTE_SOURCE_DIR');
  env('SELOSTE_BIN');
  const themes = (process.env.SELOSTE_A11Y_THEMES || 'default layered').split(/\s+/).filter(Boolean);
  const jobs = Math.max(1, Number(process.env.SELOSTE_A11Y_JOBS || 4));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'seloste-a11y-'));
  const siteRoot = path.join(work, 'site');
  fs.mkdirSync(siteRoot);
  const shotDir = process.env.SELOSTE_BUILD_DIR
    ? path.join(process.env.SELOSTE_BUILD_DIR, 'a11y-screenshots')
    : path.join(work, 'screenshots');

  let server;
  let browser;
  const cleanup = async () => {
    if (browser) await browser.close();
    if (server) await server.close();
    if (process.env.SELOSTE_A11Y_KEEP !== '1') fs.rmSync(work, { recursive: true, force: true });
    else console.log(`kept ${work}`);
  };
  process.once('SIGINT', () => cleanup().then(() => process.exit(130)));
  process.once('SIGTERM', () => cleanup().then(() => process.exit(143)));

  try {
    // 1. themes: `seloste themes` lists them; manifests and stylesheets
    let listed = '';
    try {
      listed = seloste(['themes']);
    } catch (e) {
      record('seloste themes', 'runs', [{ rule: 'cli:themes', target: 'seloste themes', message: e.message }]);
    }
    for (const theme of themes.filter((t) => !t.includes('/'))) {
      const ok = listed.split('\n').some((line) => line.split(/\s+/)[0] === theme);
      record(`seloste themes`, `lists ${theme}`, ok ? [] : [{ rule: 'cli:themes', target: theme, message: `not listed by seloste themes:\n${listed}` }]);
    }
    for (const theme of themes) {
      const dir = themeDir(theme);
      const problems = [];
      try {
        const m = manifest(dir);
        if (m.name !== path.basename(dir)) problems.push({ rule: 'theme:name', target: `${theme}/theme.json`, message: `name is "${m.name}"` });
        for (const l of ['fi', 'sv', 'en']) {
          if (!m.description || !m.description[l]) problems.push({ rule: 'theme:description', target: `${theme}/theme.json`, message: `no description.${l}` });
        }
        const css = stylesheetOf(dir);
        const errs = validateFiles([css], { css: true }).get(css);
        for (const e of errs) problems.push({ rule: 'vnu-css', target: `${path.relative(sourceDir, css)}:${e.line}:${e.column}`, message: e.message });
      } catch (e) {
        problems.push({ rule: 'theme:load', target: dir, message: e.message });
      }
      record(`theme ${theme}`, 'manifest-and-css', problems);
    }
    if (themes.includes('layered')) record('themes/layered', 'in-step-with-default (tools/sync-layered.mjs)', checkLayeredCurrent(sourceDir));

    // 2. render everything
    const sources = examples();
    record('examples', 'present', sources.length ? [] : [{ rule: 'examples:none', target: `${sourceDir}/examples/*.xml`, message: 'no examples to render' }]);
    // the examples, then the sources that use every element (tests/fixtures/*/all-elements.xml)
    const fixtureSources = fixtures();
    record('fixtures', 'present', fixtureSources.length ? []
      : [{ rule: 'fixtures:none', target: `${sourceDir}/tests/fixtures/view/all-elements.xml`, message: 'no source with every element to render' }]);
    const { pages, errors } = renderAll(siteRoot, themes, [...sources, ...fixtureSources]);
    for (const e of errors) record(e.label, 'render', [{ rule: 'render', target: e.label, message: e.error }]);
    if (sources.length) {
      // the static site of all examples (`seloste build`): its index pages use the themes too
      try {
        const site = buildSite(siteRoot, themes, sources);
        record('site', 'index pages built', site.length >= 1 + themes.length * 3 ? []
          : [{ rule: 'site', target: 'seloste build', message: `expected the root index and ${themes.length * 3} language indexes, found ${site.map((p) => p.rel).join(', ')}` }]);
        const versions = site.filter((p) => p.register.endsWith('@2025-02-22'));
        record('site', 'earlier version pages built', versions.length === themes.length * 3 ? []
          : [{ rule: 'site', target: 'seloste build', message: `expected the earlier version of seiverkot-asiakasrekisteri in ${themes.length * 3} pages, found ${versions.map((p) => p.rel).join(', ')}` }]);
        pages.push(...site);
      } catch (e) {
        record('site', 'build', [{ rule: 'site', target: 'seloste build', message: e.message }]);
      }
    }
    console.log(`rendered ${pages.length} pages (${sources.length} examples and ${fixtureSources.length} fixtures x ${themes.length} themes x fi/sv/en x page/fragment) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    // every register in every language, in both modes
    const expectedCombos = new Set(pages.filter((p) => p.example !== 'site' && !p.headingBase).map((p) => `${p.theme}/${p.example}/${p.register}`));
    for (const combo of expectedCombos) {
      const missing = [];
      for (const mode of ['page', 'fragment']) {
        for (const lang of ['fi', 'sv', 'en']) {
          if (!pages.some((p) => `${p.theme}/${p.example}/${p.register}` === combo && p.mode === mode && p.lang === lang && !p.headingBase)) {
            missing.push({ rule: 'coverage', target: `${combo}.${lang}`, message: `no ${mode} rendered` });
          }
        }
      }
      record(combo, 'all-languages-and-modes', missing);
    }

    // 3. vnu on every full page and every host page, one JVM
    const t1 = Date.now();
    const vnu = validateFiles(pages.map((p) => p.file));
    for (const p of pages) {
      record(p.label, 'vnu', vnu.get(p.file).map((e) => ({ rule: 'vnu', target: `line ${e.line}:${e.column} ${e.extract}`, message: e.message })));
    }
    if (vnu.has('(unknown)')) record('vnu', 'unmatched-messages', vnu.get('(unknown)').map((e) => ({ rule: 'vnu', target: '?', message: e.message })));
    console.log(`vnu checked ${pages.length} files in ${((Date.now() - t1) / 1000).toFixed(1)} s`);

    // 4. the browser checks, one browser, `jobs` tabs
    server = await startServer(siteRoot);
    browser = await launchBrowser();
    const tabs = await Promise.all(Array.from({ length: jobs }, () => browser.context.newPage()));
    const t2 = Date.now();
    let totalStops = 0;
    await pool(pages, jobs, async (p, w) => {
      const url = `${server.origin}/${p.rel.split(path.sep).map(encodeURIComponent).join('/')}`;
      try {
        const { results, keyboard } = await checkPage(tabs[w], url, p.mode, { headingBase: p.headingBase });
        totalStops += keyboard.stops;
        for (const [check, failures] of Object.entries(results)) record(p.label, check, failures);
      } catch (e) {
        record(p.label, 'browser', [{ rule: 'browser', target: url, message: e.message }]);
      }
    });
    console.log(`browser checks on ${pages.length} pages (${totalStops} keyboard focus stops) in ${((Date.now() - t2) / 1000).toFixed(1)} s`);

    // 5. screenshots: each theme at 1280 and 320 px (first example, Finnish, full page)
    const shots = [];
    for (const theme of themes.map((t) => (t.includes('/') ? path.basename(t) : t))) {
      const p = pages.find((q) => q.theme === theme && q.mode === 'page' && q.lang === 'fi');
      if (p) shots.push({ theme, url: `${server.origin}/${p.rel.split(path.sep).map(encodeURIComponent).join('/')}` });
    }
    try {
      const files = await takeScreenshots(browser.context, shots, shotDir);
      const bad = files.filter((f) => fs.statSync(f).size < 1000 || !fs.readFileSync(f).subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])));
      record('screenshots', 'written', files.length === themes.length * 2 && bad.length === 0 ? []
        : [{ rule: 'screenshots', target: shotDir, message: `expected ${themes.length * 2} PNGs, got ${files.length} (${bad.length} invalid)` }]);
      console.log(`screenshots in ${shotDir}`);
    } catch (e) {
      record('screenshots', 'written', [{ rule: 'screenshots', target: shotDir, message: e.message }]);
    }

    // 6. proof that the suite can fail: a deliberately broken theme must be caught
    if (sources.length) {
      const proof = await brokenThemeProof({ work, browser, server, siteRoot, source: sources[0], checkPage });
      for (const r of proof) {
        if (r.ok) {
          passed++;
          console.log(`ok   broken theme is caught: ${r.name}`);
        } else {
          record('broken-theme-proof', r.name, [{ rule: 'proof', target: r.target || 'broken theme', message: r.message }]);
        }
      }
    }
  } catch (e) {
    record('suite', 'run', [{ rule: 'suite', target: 'suite.mjs', message: e.stack || String(e) }]);
  } finally {
    await cleanup();
  }
  console.log(`time ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
}

main();
