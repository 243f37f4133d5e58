// Takes the readme's screenshots in the real WordPress, in Chromium, as a
// logged-in admin (cookies from a curl cookie jar).
// Usage: node shots.mjs JAR OUTDIR FILE=URL[|SELECTOR] ...
// Each FILE (screenshot-1.png ...) is the viewport at 1280x800 after the page
// loaded, scrolled to the selector when one is given. Prints one JSON line:
// {"FILE": bytes, ...}.
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const [jar, outdir, ...shots] = process.argv.slice(2);
const cookies = readFileSync(jar, 'utf8').split('\n')
  .filter((l) => l && (!l.startsWith('#') || l.startsWith('#HttpOnly_')))
  .map((l) => l.replace('#HttpOnly_', '').split('\t'))
  .filter((p) => p.length >= 7)
  .map((p) => ({ name: p[5], value: p[6], domain: p[0], path: p[2] }));

const profile = mkdtempSync(join(tmpdir(), 'seloste-wp-shots-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 800 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const out = {};
try {
  await context.addCookies(cookies);
  const page = await context.newPage();
  for (const shot of shots) {
    const eq = shot.indexOf('=');
    const file = shot.slice(0, eq);
    const [url, selector] = shot.slice(eq + 1).split('|');
    try {
      await page.goto(url, { waitUntil: 'load' });
      // The block editor's welcome guide would cover the editor.
      await page.evaluate(() => {
        const ep = window.wp && window.wp.data && window.wp.data.select('core/edit-post');
        if (ep && ep.isFeatureActive && ep.isFeatureActive('welcomeGuide')) window.wp.data.dispatch('core/edit-post').toggleFeature('welcomeGuide');
        // The Seloste block selected: the sidebar shows its register and language picker.
        const be = window.wp && window.wp.data && window.wp.data.select('core/block-editor');
        const block = be && be.getBlocks().find((b) => b.name === 'seloste/notice');
        if (block) {
          window.wp.data.dispatch('core/block-editor').selectBlock(block.clientId);
          if (ep) window.wp.data.dispatch('core/edit-post').openGeneralSidebar('edit-post/block');
        }
      });
      if (selector) {
        const el = await page.waitForSelector(selector, { timeout: 30000 });
        await el.evaluate((e) => e.scrollIntoView({ block: 'start' }));
      }
      await page.waitForTimeout(300);
      const path = join(outdir, file);
      await page.screenshot({ path });
      out[file] = statSync(path).size;
    } catch (e) {
      out[file] = String(e.message || e).slice(0, 200);
    }
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(JSON.stringify(out));
