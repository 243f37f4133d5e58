// Runs axe-core on WordPress pages in Debian's Chromium; reports violations
// inside the notice's own markup (.seloste-embed) apart from the WordPress theme's.
// Usage: node axe.mjs URL... ; prints one JSON object per URL; exit 0.
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
try {
  const page = await context.newPage();
  for (const url of process.argv.slice(2)) {
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
