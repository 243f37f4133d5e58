// Runs axe-core on the plugin's admin pages in Debian's Chromium, as a
// logged-in admin (cookies from a curl cookie jar); reports the violations
// inside the plugin's own page (.seloste-admin) apart from WordPress's admin
// around it. Usage: node axe-admin.mjs JAR URL... ; one JSON object per URL.
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const axePath = require.resolve('axe-core/axe.min.js');

const [jar, ...urls] = process.argv.slice(2);
const cookies = readFileSync(jar, 'utf8').split('\n')
  .filter((l) => l && (!l.startsWith('#') || l.startsWith('#HttpOnly_')))
  .map((l) => l.replace('#HttpOnly_', '').split('\t'))
  .filter((p) => p.length >= 7)
  .map((p) => ({ name: p[5], value: p[6], domain: p[0], path: p[2] }));
const profile = mkdtempSync(join(tmpdir(), 'seloste-wp-axe-admin-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  await context.addCookies(cookies);
  const page = await context.newPage();
  for (const url of urls) {
    await page.goto(url, { waitUntil: 'load' });
    await page.addScriptTag({ path: axePath });
    const out = await page.evaluate(async () => {
      const r = await window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      });
      const plugin = [], wordpress = [];
      for (const v of r.violations) {
        for (const n of v.nodes) {
          let el = null;
          try { el = document.querySelector(n.target.join(' ')); } catch (e) { el = null; }
          (el && el.closest('.seloste-admin') ? plugin : wordpress).push({ id: v.id, impact: v.impact, target: n.target.join(' '), html: n.html.slice(0, 160) });
        }
      }
      return { found: !!document.querySelector('.seloste-admin'), passes: r.passes.length, plugin, wordpress };
    });
    console.log(JSON.stringify({ url, ...out }));
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
