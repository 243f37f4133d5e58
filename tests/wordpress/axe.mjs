// Runs axe-core on WordPress pages in Debian's Chromium; reports violations
// inside the notice's own markup (.seloste-embed) apart from the WordPress theme's.
// Usage: node axe.mjs URL... ; prints one JSON object per URL; exit 0.
// node axe.mjs --click URL... : instead clicks (activates) every link inside the
// notice, each on a fresh load, and reports every dialog a script opened; then,
// as a control, one injected javascript: link, which must open one.
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const axePath = require.resolve('axe-core/axe.min.js');

const profile = mkdtempSync(join(tmpdir(), 'seloste-wp-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const clickMode = process.argv[2] === '--click';
try {
  const page = await context.newPage();
  // Only the test site is reachable: a link elsewhere goes nowhere.
  if (clickMode) await page.route('**/*', (r) => (new URL(r.request().url()).hostname === '127.0.0.1' ? r.continue() : r.abort()));
  const dialogs = [];
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss().catch(() => {}); });
  // The previous click may still be navigating (a mailto: link ends on an error page): retry a load.
  const load = async (url) => {
    for (let k = 0; ; k++) {
      try { await page.goto(url, { waitUntil: 'load' }); return; } catch (e) { if (k === 2) throw e; await page.waitForTimeout(300); }
    }
  };
  for (const url of clickMode ? process.argv.slice(3) : []) {
    await load(url);
    const hrefs = await page.$$eval('.seloste-embed a[href]', (as) => as.map((a) => a.getAttribute('href')));
    const errors = [];
    let clicked = 0;
    for (let i = 0; i < hrefs.length; i++) {
      try {
        await load(url);
        // element.click() follows the link as a user's click does, hidden (closed <details>) or not.
        await page.evaluate((n) => document.querySelectorAll('.seloste-embed a[href]')[n].click(), i);
        await page.waitForTimeout(100);
        clicked++;
      } catch (e) {
        errors.push(`${hrefs[i]}: ${String(e).slice(0, 160)}`);
      }
    }
    const seen = dialogs.splice(0);
    await load(url);
    await page.evaluate(() => {
      const a = document.createElement('a');
      a.href = 'javascript:alert("control")';
      document.querySelector('.seloste-embed').append(a);
      a.click();
    });
    await page.waitForTimeout(300);
    const control = dialogs.splice(0).includes('control');
    console.log(JSON.stringify({ url, links: hrefs.length, clicked, dialogs: seen, control, errors }));
  }
  for (const url of clickMode ? [] : process.argv.slice(2)) {
    await page.goto(url, { waitUntil: 'load' });
    await page.addScriptTag({ path: axePath });
    const out = await page.evaluate(async () => {
      const r = await window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      });
      const notice = [], theme = [];
      for (const v of r.violations) {
        for (const n of v.nodes) {
          let el = null;
          try { el = document.querySelector(n.target.join(' ')); } catch (e) { el = null; }
          const inNotice = !!(el && el.closest('.seloste-embed'));
          (inNotice ? notice : theme).push({ id: v.id, impact: v.impact, target: n.target.join(' '), html: n.html.slice(0, 200) });
        }
      }
      return {
        embeds: document.querySelectorAll('.seloste-embed').length,
        passes: r.passes.length,
        notice,
        theme,
      };
    });
    console.log(JSON.stringify({ url, ...out }));
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
