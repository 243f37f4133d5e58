// Screenshots of each theme at 1280 px and 320 px (one example, Finnish,
// full page, cropped to the viewport height).
//
//   SELOSTE_BIN=.../seloste SELOSTE_SOURCE_DIR=/path/to/repo node screenshots.mjs OUTDIR [EXAMPLE.xml]
//
// Writes OUTDIR/<theme>-<width>.png. The suite (suite.mjs) calls
// takeScreenshots() with its own browser and server.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';
import { renderSource, examples } from './lib/render.mjs';

export const WIDTHS = [
  { width: 1280, height: 900 },
  { width: 320, height: 800 },
];

/**
 * shots: [{ theme, url }]; writes outDir/<theme>-<width>.png and returns the paths.
 */
export async function takeScreenshots(context, shots, outDir) {
  fs.mkdirSync(outDir, { recursive: true });
  const written = [];
  const page = await context.newPage();
  try {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    for (const { theme, url } of shots) {
      for (const { width, height } of WIDTHS) {
        await page.setViewportSize({ width, height });
        await page.goto(url, { waitUntil: 'load' });
        const file = path.join(outDir, `${theme}-${width}.png`);
        await page.screenshot({ path: file, fullPage: false });
        written.push(file);
      }
    }
  } finally {
    await page.close();
  }
  return written;
}

/** Chooses the example to photograph: the one named, or the first with most registers' content. */
function pickExample(arg) {
  if (arg) return path.resolve(arg);
  const all = examples();
  if (all.length === 0) throw new Error('no examples/*.xml under SELOSTE_SOURCE_DIR');
  return all[0];
}

async function main() {
  const outDir = process.argv[2];
  if (!outDir) {
    console.error('usage: node screenshots.mjs OUTDIR [EXAMPLE.xml]');
    process.exit(2);
  }
  const source = pickExample(process.argv[3]);
  const themes = (process.env.SELOSTE_A11Y_THEMES || 'default layered').split(/\s+/).filter(Boolean);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'seloste-shots-'));
  const server = await startServer(work);
  const browser = await launchBrowser();
  try {
    const shots = [];
    for (const theme of themes) {
      const files = renderSource(source, theme, path.join(work, theme.includes('/') ? path.basename(theme) : theme));
      const fi = files.find((f) => f.lang === 'fi');
      shots.push({ theme: path.basename(theme), url: `${server.origin}/${path.relative(work, fi.file)}` });
    }
    for (const f of await takeScreenshots(browser.context, shots, path.resolve(outDir))) {
      console.log(`${f} (${fs.statSync(f).size} bytes)`);
    }
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((e) => {
    console.error(e.stack || String(e));
    process.exit(1);
  });
}
