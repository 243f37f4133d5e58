// Chromium proof of the markup policy (core/data/markup-policy.json, issue 14).
// Every case of the shared corpus (tests/fixtures/markup) that the policy ACCEPTS
// is served on 127.0.0.1 (a fragment inside a neutral host page, a stylesheet
// linked from one) and loaded in Debian's Chromium; every link is clicked. No
// script may run (a dialog: every payload of the corpus calls alert) and no
// request may leave 127.0.0.1, except a navigation to an http(s) link of the
// page itself. As a control, refused variants that a browser does run are
// loaded the same way: each must be caught, or the proof could not fail.
//
// Environment: SELOSTE_SOURCE_DIR (repo root). Last line: "N passed, N failed".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser } from './lib/browser.mjs';
import { startServer } from './lib/server.mjs';

// Refused cases that really run in Chromium: the proof must catch each one.
const CONTROLS = {
  'page-js-plain': 'dialog',
  'fragment-js-dec-nosemi': 'dialog',
  'fragment-js-named-colon': 'dialog',
  'page-js-hex-upper-nosemi': 'dialog',
  'fragment-js-literal-tab': 'dialog',
  'page-js-named-newline': 'dialog',
  'fragment-el-img-onerror': 'dialog',
  'css-import-escaped': 'external',
  'css-url-escaped': 'external',
};
// How long a click or a load has to show its effect; the controls prove it is enough.
const SETTLE_MS = 250;

let passed = 0;
let failed = 0;
function record(name, problems) {
  if (problems.length === 0) {
    passed++;
    return;
  }
  failed++;
  console.log(`FAIL ${name}`);
  for (const p of problems.slice(0, 10)) console.log(`  ${p}`);
}

function hostPage(body, stylesheet = '../assets/seloste-default.css') {
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Host page</title>\n`
    + `<link rel="stylesheet" href="${stylesheet}">\n</head>\n<body>\n<main>\n<h1>Host page</h1>\n${body}\n</main>\n</body>\n</html>\n`;
}
const CSS_PROBE = '<div class="seloste"><p><a href="#x">a link</a> <span class="a b">text</span></p></div>';

// Serves every case: /cases/NAME.html; stylesheets of the theme cases in /assets/.
function prepare(corpus, root, cases) {
  fs.mkdirSync(path.join(root, 'cases'), { recursive: true });
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  for (const theme of ['default', 'layered']) {
    fs.copyFileSync(path.join(corpus, `css/theme-${theme}-stylesheet.css`), path.join(root, 'assets', `seloste-${theme}.css`));
  }
  for (const c of cases) {
    const bytes = fs.readFileSync(path.join(corpus, c.file));
    const out = path.join(root, 'cases', `${c.name}.html`);
    if (c.kind === 'page') fs.writeFileSync(out, bytes);
    else if (c.kind === 'fragment') {
      const theme = c.name.includes('layered') ? 'layered' : 'default';
      fs.writeFileSync(out, Buffer.concat([Buffer.from(hostPage('', `../assets/seloste-${theme}.css`).split('\n</main>')[0] + '\n'), bytes, Buffer.from('</main>\n</body>\n</html>\n')]));
    } else {
      fs.writeFileSync(path.join(root, 'cases', `${c.name}.css`), bytes);
      fs.writeFileSync(out, hostPage(CSS_PROBE, `${c.name}.css`));
    }
  }
}

// Loads one case and clicks every link; returns what it saw.
async function exercise(context, origin, c) {
  const url = `${origin}/cases/${encodeURIComponent(c.name)}.html`;
  const seen = { dialogs: [], external: [], errors: [] };
  const page = await context.newPage();
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  page.on('pageerror', (e) => seen.errors.push(e.message));
  let allowedNav = new Set();
  await page.route('**/*', (route) => {
    const req = route.request();
    const u = req.url();
    if (u.startsWith(`${origin}/`)) return route.continue();
    const isNav = req.isNavigationRequest() && req.frame() === page.mainFrame();
    if (!(isNav && allowedNav.has(u))) seen.external.push(`${req.resourceType()} ${u}`);
    return route.abort();
  });
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(SETTLE_MS);
    const links = await page.$$eval('a[href]', (as) => as.map((a) => a.href));
    // An http(s) link of the page may be followed (a click navigates); it is aborted, never fetched.
    allowedNav = new Set(links.filter((h) => /^https?:/i.test(h)));
    let fresh = true;
    for (let i = 0; i < links.length; i++) {
      // A link within the page leaves it usable; after any other one the case is loaded again.
      if (!fresh) await page.goto(url, { waitUntil: 'load' });
      fresh = links[i].startsWith(`${url}#`) && page.url().split('#')[0] === url;
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      const link = page.locator('a[href]').nth(i);
      try {
        await link.click({ timeout: 2000, noWaitAfter: true });
      } catch {
        await link.evaluate((a) => a.click()).catch((e) => seen.errors.push(`cannot click link ${i} (${links[i]}): ${e.message}`));
      }
      await page.waitForTimeout(SETTLE_MS);
      fresh = fresh && page.url().split('#')[0] === url;
    }
    seen.links = links.length;
  } catch (e) {
    seen.errors.push(e.message);
  } finally {
    await page.close().catch(() => {});
  }
  return seen;
}

async function main() {
  const t0 = Date.now();
  const sourceDir = process.env.SELOSTE_SOURCE_DIR || path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
  const corpus = path.join(sourceDir, 'tests', 'fixtures', 'markup');
  const cases = JSON.parse(fs.readFileSync(path.join(corpus, 'cases.json'), 'utf8'));
  const accepted = cases.filter((c) => c.expect === 'accept');
  const controls = cases.filter((c) => CONTROLS[c.name]);
  record('controls are in the corpus and refused', Object.keys(CONTROLS)
    .filter((n) => !controls.some((c) => c.name === n && c.expect === 'refuse')).map((n) => `${n}: not a refused case`));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'seloste-markup-proof-'));
  let server;
  let browser;
  try {
    prepare(corpus, work, [...accepted, ...controls]);
    server = await startServer(work);
    browser = await launchBrowser();
    let clicks = 0;
    for (const c of accepted) {
      const t = Date.now();
      const seen = await exercise(browser.context, server.origin, c);
      clicks += seen.links ?? 0;
      if (process.env.SELOSTE_PROOF_VERBOSE) console.log(`${c.name}: ${seen.links} links, ${Date.now() - t} ms`);
      record(`accepted ${c.name}: nothing runs, nothing is fetched from elsewhere`, [
        ...seen.dialogs.map((d) => `a script ran (dialog "${d}")`),
        ...seen.external.map((r) => `a request left 127.0.0.1: ${r}`),
        ...seen.errors.map((e) => `error: ${e}`),
      ]);
    }
    for (const c of controls) {
      const seen = await exercise(browser.context, server.origin, c);
      const caught = CONTROLS[c.name] === 'dialog' ? seen.dialogs.length > 0 : seen.external.length > 0;
      record(`control ${c.name} (refused by the policy) runs in Chromium and is caught`, caught ? []
        : [`expected a ${CONTROLS[c.name] === 'dialog' ? 'script dialog' : 'request to another host'}; saw none, so this proof could not fail`]);
    }
    console.log(`${accepted.length} accepted cases (${clicks} links clicked), ${controls.length} controls, in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } catch (e) {
    record('markup proof', [e.stack || String(e)]);
  } finally {
    if (browser) await browser.close();
    if (server) await server.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main();
