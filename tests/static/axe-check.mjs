// Serves a built site from 127.0.0.1 and runs axe-core in Debian's Chromium
// over every HTML page of it.
//
//   node axe-check.mjs SITE_DIR LABEL
//
// Also checks reflow (WCAG 1.4.10): no horizontal scrolling at 320 px.
// Prints one line per page: "ok LABEL URL" or "not ok LABEL URL: N violations"
// with the details, and exits 1 when any page has a violation or a missing
// resource. Redirect stubs (meta refresh) are listed, not checked.
import { createReadStream, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { createRequire } from "node:module";

import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".xml": "application/xml", ".json": "application/json" };

const [root, label = "site"] = process.argv.slice(2);
if (!root) {
  console.error("usage: node axe-check.mjs SITE_DIR [LABEL]");
  process.exit(2);
}
const siteRoot = path.resolve(root);

function htmlPages(dir, prefix = "") {
  const pages = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) pages.push(...htmlPages(full, `${prefix}${name}/`));
    else if (name.endsWith(".html")) {
      // A redirect stub (Hugo writes one for the default language) is not a page.
      if (/<meta\s+http-equiv="?refresh/i.test(readFileSync(full, "utf8"))) {
        console.log(`# ${label} /${prefix}${name}: a redirect stub, not a page: not checked`);
        continue;
      }
      pages.push(`/${prefix}${name === "index.html" ? "" : name}`);
    }
  }
  return pages;
}

const server = createServer((req, res) => {
  let file = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
  if (file.endsWith("/")) file += "index.html";
  const full = path.join(siteRoot, file);
  if (!full.startsWith(siteRoot + path.sep)) {
    res.writeHead(403).end();
    return;
  }
  let st;
  try {
    st = statSync(full);
  } catch {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    return;
  }
  if (st.isDirectory()) {
    res.writeHead(301, { location: `${file}/` }).end();
    return;
  }
  res.writeHead(200, { "content-type": TYPES[path.extname(full)] ?? "application/octet-stream" });
  createReadStream(full).pipe(res);
});

const profile = mkdtempSync(path.join(tmpdir(), "seloste-axe-"));
let context;
let failed = 0;
try {
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  const pages = htmlPages(siteRoot);
  if (pages.length === 0) throw new Error(`no HTML pages under ${siteRoot}`);
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const missing = [];
  page.on("response", (r) => {
    if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`);
  });
  for (const url of pages) {
    missing.length = 0;
    const response = await page.goto(base + url, { waitUntil: "load" });
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate((tags) => globalThis.axe.run(document, { runOnly: { type: "tag", values: tags } }), TAGS);
    const problems = result.violations.map(
      (v) => `  ${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.failureSummary?.split("\n").join(" ")}`).join("\n")}`,
    );
    if (!response?.ok()) problems.push(`  the page itself answered ${response?.status()}`);
    // WCAG 1.4.10 reflow: at 320 CSS pixels wide nothing may need horizontal scrolling.
    await page.setViewportSize({ width: 320, height: 800 });
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll("body *")]
        .filter((e) => (e.getBoundingClientRect().right > width + 1 && getComputedStyle(e).position !== "absolute") || e.scrollWidth > e.clientWidth + 1)
        .reverse()
        .slice(0, 3)
        .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}${e.className && typeof e.className === "string" ? `.${e.className.split(" ")[0]}` : ""}`);
      return { scroll: document.documentElement.scrollWidth, width, wide };
    });
    await page.setViewportSize({ width: 1280, height: 800 });
    if (overflow.scroll > overflow.width) {
      problems.push(`  reflow: at 320 px the page is ${overflow.scroll} px wide (${overflow.wide.join(", ")})`);
    }
    for (const m of missing) problems.push(`  a resource of the page is missing: ${m}`);
    if (problems.length === 0) {
      console.log(`ok ${label} ${url} (${result.passes.length} axe rules passed)`);
    } else {
      failed++;
      console.log(`not ok ${label} ${url}: ${problems.length} problem(s)\n${problems.join("\n")}`);
    }
  }
  console.log(`AXE ${label}: ${pages.length - failed} passed, ${failed} failed`);
} catch (error) {
  console.log(`not ok ${label}: ${error.stack ?? error}`);
  failed++;
} finally {
  await context?.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
