// The markup policy in the plugin: the shared corpus (tests/fixtures/markup), the copy of the
// policy it ships, and bundles refused whole for markup, symlinks and unsafe paths.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync, renameSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";

import { checkMarkup } from "../src/markupPolicy.js";
import { isSafeBundlePath } from "../src/isSafeBundlePath.js";
import { build, cleanup, freshBundle, needsCli, sourceDir, tempDir } from "./helpers.js";

after(cleanup);

const here = path.dirname(fileURLToPath(import.meta.url));
const corpus = path.join(sourceDir, "tests", "fixtures", "markup");
const manifestOf = (bundle) => JSON.parse(readFileSync(path.join(bundle, "manifest.json"), "utf8"));
const collect = (e) => [e?.message, ...(e?.originalError ? [collect(e.originalError)] : []), ...(e?.cause ? [collect(e.cause)] : [])].join("\n");

/** Replaces a file of a bundle and fixes its hash in the manifest, as an attacker with write access would. */
function tamper(bundle, rel, bytes) {
  writeFileSync(path.join(bundle, ...rel.split("/")), bytes);
  const m = manifestOf(bundle);
  for (const e of [...m.pages, ...m.files]) {
    if (e.path === rel) Object.assign(e, { sha256: createHash("sha256").update(bytes).digest("hex"), bytes: Buffer.byteLength(bytes) });
  }
  writeFileSync(path.join(bundle, "manifest.json"), JSON.stringify(m, null, 2));
}

describe("markup policy", () => {
  test("the plugin ships exactly core/data/markup-policy.json", () => {
    const shipped = readFileSync(path.join(here, "..", "markup-policy.json"));
    const core = readFileSync(path.join(sourceDir, "core", "data", "markup-policy.json"));
    assert.ok(shipped.equals(core), "plugin/eleventy/markup-policy.json differs from core/data/markup-policy.json: copy it");
    const pkg = JSON.parse(readFileSync(path.join(here, "..", "package.json"), "utf8"));
    assert.ok(pkg.files.includes("markup-policy.json"), "package.json files must ship markup-policy.json");
  });

  test("every case of the shared corpus gets its expected answer", () => {
    const cases = JSON.parse(readFileSync(path.join(corpus, "cases.json"), "utf8"));
    assert.ok(cases.length > 100);
    const wrong = [];
    for (const c of cases) {
      const problems = checkMarkup(readFileSync(path.join(corpus, c.file)), c.kind);
      const got = problems.length === 0 ? "accept" : "refuse";
      if (got !== c.expect) wrong.push(`${c.name}: ${got}, expected ${c.expect} (${c.why}) ${JSON.stringify(problems)}`);
    }
    assert.deepEqual(wrong, []);
  });

  test("a problem says where it is", () => {
    const p = checkMarkup('<div>\n<p>ok</p>\n  <a href="javascript&#58alert(1)">x</a></div>', "fragment");
    assert.equal(p.length, 2);
    assert.deepEqual([p[0].line, p[0].column, p[1].line, p[1].column], [3, 6, 3, 22]);
    assert.match(p[0].message, /javascript/);
    const css = checkMarkup(".a {}\n.b { x: 1 }\n@\\69mport 'x';", "css");
    assert.equal(css.length, 1);
    assert.deepEqual([css[0].line, css[0].column], [3, 1]);
    assert.match(css[0].message, /@import/);
  });

  test("hostile nesting and a flood of problems are refused without exhausting the stack", () => {
    const deep = checkMarkup("<div>".repeat(200000), "fragment");
    assert.equal(deep.length, 1);
    assert.match(deep[0].message, /nesting deeper than 100/);
    let reopen = "";
    for (let r = 0; r < 400; r++) reopen += `<div>${Array.from({ length: 90 }, (_, k) => `<b id="${k}">`).join("")}</div>y`;
    assert.ok(checkMarkup(reopen, "page").length >= 1);
    const amps = checkMarkup("&".repeat(2000000), "fragment");
    assert.equal(amps.length, 1000);
    assert.equal(amps.at(-1).column, 1000);
  });

  test("a bundle path is safe exactly as the WordPress import says", () => {
    for (const ok of ["fi/a.html", "assets/seloste-default.css", "fragments/sv/x_y-1.html", "fi/säännöt.html"]) assert.ok(isSafeBundlePath(ok), ok);
    for (const bad of ["", ".htaccess", "fi/.htaccess", "../x", "fi//a.html", "/etc/passwd", "fi/a b.html", "a\\b", "fi/./a.html", "fi/a.html/", "x:y", "a\x01", "a\uD800", "a".repeat(513)]) {
      assert.equal(isSafeBundlePath(bad), false, JSON.stringify(bad));
    }
  });
});

describe("bundles refused by the markup policy", { skip: needsCli }, () => {
  test("a javascript: link in a fragment, with its hash fixed, stops the build and says where", async () => {
    const bundle = freshBundle();
    const id = manifestOf(bundle).registers[0].id;
    const rel = `fragments/fi/${id}.html`;
    const html = readFileSync(path.join(bundle, ...rel.split("/")), "utf8");
    tamper(bundle, rel, html.replace("</article>", '<p><a href="javascript&colon;alert(1)">x</a></p>\n</article>'));
    await assert.rejects(build({ "index.njk": `{% seloste "${id}", "fi" %}` }, { bundle }), (error) => {
      const msg = collect(error);
      assert.match(msg, /is refused by the markup policy/);
      assert.match(msg, new RegExp(`${rel.replaceAll("/", "\\/")}:\\d+:\\d+: the character reference '&colon;`));
      return true;
    });
  });

  test("an escaped @import in the stylesheet is refused", async () => {
    const bundle = freshBundle();
    const rel = "assets/seloste-default.css";
    tamper(bundle, rel, `@\\69mport "https://example.invalid/x.css";\n${readFileSync(path.join(bundle, ...rel.split("/")), "utf8")}`);
    await assert.rejects(build({ "index.njk": "x" }, { bundle }), /seloste-default\.css:1:1: the at-rule @import/);
  });

  test("a form feed in a page is refused", async () => {
    const bundle = freshBundle();
    const rel = manifestOf(bundle).pages.find((p) => p.kind === "page").path;
    tamper(bundle, rel, readFileSync(path.join(bundle, ...rel.split("/")), "utf8").replace("</h1>", "\f</h1>"));
    await assert.rejects(build({ "index.njk": "x" }, { bundle }), /a control character \(U\+000C\)/);
  });

  test("a listed .htaccess is refused", async () => {
    const bundle = freshBundle();
    writeFileSync(path.join(bundle, ".htaccess"), "Options +ExecCGI\n");
    const m = manifestOf(bundle);
    m.files.push({ path: ".htaccess", sha256: createHash("sha256").update("Options +ExecCGI\n").digest("hex"), bytes: 17 });
    writeFileSync(path.join(bundle, "manifest.json"), JSON.stringify(m, null, 2));
    await assert.rejects(build({ "index.njk": "x" }, { bundle }), /lists an unsafe path "\.htaccess"/);
  });

  test("a symlinked bundle folder is refused", async () => {
    const bundle = freshBundle();
    const link = path.join(tempDir(), "link");
    symlinkSync(bundle, link);
    await assert.rejects(build({ "index.njk": "x" }, { bundle: link }), /is a symbolic link; a bundle must be a real folder/);
  });

  test("a symlinked folder inside the bundle is refused", async () => {
    const bundle = freshBundle();
    const real = path.join(tempDir(), "assets");
    renameSync(path.join(bundle, "assets"), real);
    symlinkSync(real, path.join(bundle, "assets"));
    await assert.rejects(build({ "index.njk": "x" }, { bundle }), /assets is not a plain file/);
  });

  test("a bundle of every example in both themes is accepted", async () => {
    for (const theme of ["default", "layered"]) {
      const bundle = freshBundle(theme);
      const id = manifestOf(bundle).registers[0].id;
      const { results } = await build({ "index.njk": `{% seloste "${id}", "sv" %}` }, { bundle });
      assert.equal(results[0].content, readFileSync(path.join(bundle, "fragments", "sv", `${id}.html`), "utf8"));
    }
  });
});
