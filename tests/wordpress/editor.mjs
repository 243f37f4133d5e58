// Opens a page with the seloste/notice block in WordPress's block editor, as a
// logged-in admin (cookies from a curl cookie jar), and reports whether the
// block type is registered from editor.js, whether the server-side preview shows
// the expected text, and any script errors. Usage: node editor.mjs JAR URL TEXT
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const [jar, url, text] = process.argv.slice(2);
const cookies = readFileSync(jar, 'utf8').split('\n')
  .filter((l) => l && (!l.startsWith('#') || l.startsWith('#HttpOnly_')))
  .map((l) => l.replace('#HttpOnly_', '').split('\t'))
  .filter((p) => p.length >= 7)
  .map((p) => ({ name: p[5], value: p[6], domain: p[0], path: p[2] }));

const profile = mkdtempSync(join(tmpdir(), 'seloste-wp-editor-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const out = { registered: false, inspector: false, preview: false, languages: [], styled: false, errors: [] };
try {
  await context.addCookies(cookies);
  const page = await context.newPage();
  page.on('pageerror', (e) => out.errors.push(String(e.message || e)));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.wp && window.wp.blocks && window.wp.data, null, { timeout: 30000 });
  out.registered = await page.evaluate(() => !!window.wp.blocks.getBlockType('seloste/notice'));
  try {
    await page.waitForFunction((t) => {
      const el = document.querySelector('.wp-block-seloste-notice');
      return !!el && el.textContent.includes(t);
    }, text, { timeout: 30000 });
    out.preview = true;
  } catch (e) {
    out.preview = false;
  }
  // Select the block: its inspector shows the register picker fed from the manifest.
  out.inspector = await page.evaluate(() => {
    const block = window.wp.data.select('core/block-editor').getBlocks().find((b) => b.name === 'seloste/notice');
    if (!block) return false;
    window.wp.data.dispatch('core/block-editor').selectBlock(block.clientId);
    return true;
  });
  if (out.inspector) {
    try {
      await page.waitForSelector('.block-editor-block-inspector select', { timeout: 15000 });
      out.inspector = await page.evaluate(() => [...document.querySelectorAll('.block-editor-block-inspector select option')].map((o) => o.value));
      // The language picker's labels (the second select), and whether the preview has the notice stylesheet.
      out.languages = await page.evaluate(() => [...(document.querySelectorAll('.block-editor-block-inspector select')[1] || { options: [] }).options].map((o) => o.textContent));
      out.styled = await page.evaluate(() => {
        const n = document.querySelector('.wp-block-seloste-notice .seloste');
        return !!n && !!document.getElementById('seloste-editor-default-inline-css') && getComputedStyle(n).overflowWrap === 'anywhere';
      });
    } catch (e) {
      out.inspector = false;
    }
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(JSON.stringify(out));
