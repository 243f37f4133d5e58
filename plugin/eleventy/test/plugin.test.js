// Builds real Eleventy sites in code with the plugin and a bundle from the
// real seloste CLI, and asserts on the built pages.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, describe, test } from "node:test";

import Eleventy, { I18nPlugin } from "@11ty/eleventy";

import seloste, { SelosteError } from "../seloste.js";
import { build, cleanup, exampleSources, freshBundle, needsCli, page, selosteBin, site, tempDir } from "./helpers.js";

after(cleanup);

const manifestOf = (bundle) => JSON.parse(readFileSync(path.join(bundle, "manifest.json"), "utf8"));
const fragmentOf = (bundle, register, lang) => readFileSync(path.join(bundle, "fragments", lang, `${register}.html`), "utf8");

describe("bundle mode", { skip: needsCli }, () => {
  test("the shortcode embeds the core's fragment in Nunjucks, Liquid and 11ty.js", async () => {
    const bundle = freshBundle();
    const { registers } = manifestOf(bundle);
    assert.ok(registers.length >= 2, "the examples give at least two registers");
    const [a, b] = registers;
    const { results } = await build(
      {
        "nunjucks.njk": `---\npermalink: /nunjucks/\n---\n<h1>N</h1>{% seloste "${a.id}", "fi" %}`,
        "liquid.liquid": `---\npermalink: /liquid/\n---\n<h1>L</h1>{% seloste "${b.id}", "sv" %}`,
        "js.11ty.js": `export const data = { permalink: "/js/" };\nexport function render() { return "<h1>J</h1>" + this.seloste(${JSON.stringify(a.id)}, "en"); }\n`,
      },
      { bundle },
    );
    assert.equal(page(results, "/nunjucks/").content, `<h1>N</h1>${fragmentOf(bundle, a.id, "fi")}`);
    assert.equal(page(results, "/liquid/").content, `<h1>L</h1>${fragmentOf(bundle, b.id, "sv")}`);
    assert.equal(page(results, "/js/").content, `<h1>J</h1>${fragmentOf(bundle, a.id, "en")}`);
    // The notice is real content: its name in the language, markup not escaped twice.
    assert.match(page(results, "/nunjucks/").content, new RegExp(a.name.fi.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    assert.match(page(results, "/liquid/").content, /<h2[ >]/);
    assert.doesNotMatch(page(results, "/liquid/").content, /&lt;h2/);
  });

  test("without a language argument the shortcode takes page.lang (I18n plugin)", async () => {
    const bundle = freshBundle();
    const id = manifestOf(bundle).registers[0].id;
    const { results } = await build(
      { "sv/index.njk": `{% seloste "${id}" %}`, "en/index.njk": `{% seloste "${id}" %}` },
      { bundle },
      { configure: (c) => c.addPlugin(I18nPlugin, { defaultLanguage: "fi" }) },
    );
    assert.equal(page(results, "/sv/").content, fragmentOf(bundle, id, "sv"));
    assert.equal(page(results, "/en/").content, fragmentOf(bundle, id, "en"));
  });

  test("the data cascade has the manifest's registers and pages, and one notice per fragment", async () => {
    const bundle = freshBundle();
    const manifest = manifestOf(bundle);
    const { results } = await build(
      {
        "data.njk": "---\npermalink: /data.json\n---\n{{ seloste | dump | safe }}",
        "notice.njk":
          "---\npagination:\n  data: seloste.notices\n  size: 1\n  alias: notice\npermalink: /{{ notice.lang }}/{{ notice.register }}/\n---\n" +
          '<h1>{{ notice.name }}</h1>{% seloste notice.register, notice.lang %}',
      },
      { bundle },
    );
    const data = JSON.parse(page(results, "/data.json").content);
    assert.deepEqual(data.registers, manifest.registers);
    assert.deepEqual(data.pages, manifest.pages);
    assert.deepEqual(data.languages, manifest.languages);
    const fragments = manifest.pages.filter((p) => p.kind === "fragment");
    assert.equal(data.notices.length, fragments.length);
    assert.equal(data.stylesheets.length, manifest.files.filter((f) => /^assets\/.*\.css$/.test(f.path)).length);
    for (const f of fragments) {
      const built = page(results, `/${f.lang}/${f.register}/`);
      const name = manifest.registers.find((r) => r.id === f.register).name[f.lang];
      assert.ok(built.content.endsWith(fragmentOf(bundle, f.register, f.lang)));
      assert.ok(built.content.startsWith("<h1>"), "the page has its heading");
      assert.ok(built.content.includes(name.replace(/&/g, "&amp;").replace(/</g, "&lt;")), `the name ${name} is on the page`);
    }
  });

  test("selosteStyles links the theme stylesheets, which are written verified into the output", async () => {
    const bundle = freshBundle();
    const manifest = manifestOf(bundle);
    const css = manifest.files.filter((f) => /^assets\/.*\.css$/.test(f.path));
    assert.ok(css.length >= 1);
    const { results, output } = await build({ "index.njk": "{% selosteStyles %}" }, { bundle }, { mode: "fs" });
    const html = readFileSync(path.join(output, "index.html"), "utf8");
    assert.equal(results.length, 1);
    for (const f of css) {
      const name = f.path.slice("assets/".length);
      const integrity = `sha256-${Buffer.from(f.sha256, "hex").toString("base64")}`;
      assert.ok(html.includes(`<link rel="stylesheet" href="/seloste/assets/${name}" integrity="${integrity}">`), html);
      assert.deepEqual(readFileSync(path.join(output, "seloste", "assets", name)), readFileSync(path.join(bundle, f.path)));
    }
  });

  test("assetsDir moves the stylesheets; false writes none", async () => {
    const bundle = freshBundle();
    const moved = await build({ "index.njk": "{% selosteStyles %}" }, { bundle, assetsDir: "css/privacy" }, { mode: "fs" });
    assert.match(readFileSync(path.join(moved.output, "index.html"), "utf8"), /href="\/css\/privacy\/seloste-[a-z0-9-]+\.css"/);
    const none = await build({ "index.njk": "[{% selosteStyles %}]" }, { bundle, assetsDir: false }, { mode: "fs" });
    assert.equal(readFileSync(path.join(none.output, "index.html"), "utf8"), "[]");
    assert.throws(() => readFileSync(path.join(none.output, "seloste", "assets", "seloste-default.css")), { code: "ENOENT" });
  });

  test("a register the bundle lacks stops the build with a clear error", async () => {
    const bundle = freshBundle();
    const ids = manifestOf(bundle).registers.map((r) => r.id);
    await assert.rejects(build({ "index.njk": '{% seloste "no-such-register", "fi" %}' }, { bundle }), (error) => {
      assert.match(collectMessages(error), /seloste: no register "no-such-register" in the bundle at .* \(registers: /);
      assert.ok(collectMessages(error).includes(ids.join(", ")), "the error lists the registers the bundle has");
      return true;
    });
  });

  test("a language the bundle lacks stops the build with a clear error", async () => {
    const bundle = freshBundle();
    const id = manifestOf(bundle).registers[0].id;
    await assert.rejects(build({ "index.liquid": `{% seloste "${id}", "de" %}` }, { bundle }), (error) => {
      assert.match(collectMessages(error), new RegExp(`register "${id}" has no notice in language "de" .*\\(languages: fi, sv, en\\)`));
      return true;
    });
    await assert.rejects(build({ "index.njk": `{% seloste "${id}" %}` }, { bundle }), (error) => {
      assert.match(collectMessages(error), /no language for register/);
      return true;
    });
  });

  test("a fragment changed after the build is refused", async () => {
    const bundle = freshBundle();
    const id = manifestOf(bundle).registers[0].id;
    const file = path.join(bundle, "fragments", "fi", `${id}.html`);
    writeFileSync(file, readFileSync(file, "utf8").replace("<h2", '<script>alert("x")</script><h2'));
    await assert.rejects(build({ "index.njk": `{% seloste "${id}", "sv" %}` }, { bundle }), (error) => {
      assert.match(collectMessages(error), /does not match its SHA-256 in manifest\.json/);
      return true;
    });
  });

  test("a manifest with an unsafe path is refused whole", async () => {
    for (const bad of ["../outside.html", "/etc/passwd", "fragments/../../x.html", "fragments\\fi\\x.html"]) {
      const bundle = freshBundle();
      const manifest = manifestOf(bundle);
      manifest.pages[0].path = bad;
      writeFileSync(path.join(bundle, "manifest.json"), JSON.stringify(manifest, null, 2));
      await assert.rejects(build({ "index.njk": "x" }, { bundle }), (error) => {
        assert.match(collectMessages(error), /lists an unsafe path/);
        return true;
      });
    }
  });

  test("a folder that is not a version-1 bundle is refused", async () => {
    const bundle = freshBundle();
    const manifest = manifestOf(bundle);
    writeFileSync(path.join(bundle, "manifest.json"), JSON.stringify({ ...manifest, format_version: 2 }));
    await assert.rejects(build({ "index.njk": "x" }, { bundle }), /format_version 2; this plugin reads version 1/);
    rmSync(path.join(bundle, "manifest.json"));
    await assert.rejects(build({ "index.njk": "x" }, { bundle }), /no bundle at .*cannot read manifest\.json/);
  });
});

describe("bundle contents", { skip: needsCli }, () => {
  test("a file the manifest does not list is refused", async () => {
    const bundle = freshBundle();
    writeFileSync(path.join(bundle, "fragments", "fi", "extra.html"), "<p>not listed</p>");
    await assert.rejects(build({ "index.njk": "x" }, { bundle }), /extra\.html is in the bundle but not in its manifest\.json/);
  });

  test("a listed file that is a symbolic link is refused", async () => {
    const bundle = freshBundle();
    const id = manifestOf(bundle).registers[0].id;
    const file = path.join(bundle, "fragments", "fi", `${id}.html`);
    const outside = path.join(tempDir(), "outside.html");
    writeFileSync(outside, readFileSync(file));
    rmSync(file);
    symlinkSync(outside, file);
    await assert.rejects(build({ "index.njk": "x" }, { bundle }), /is not a plain file .*refusing the bundle/);
  });
});

describe("signed bundles", { skip: needsCli }, () => {
  // A key pair and a bundle signed with it, by the real CLI.
  const signed = () => {
    const dir = tempDir("seloste-signed-");
    const key = path.join(dir, "key");
    execFileSync(selosteBin, ["keygen", key], { stdio: "pipe" });
    const bundle = path.join(dir, "bundle");
    execFileSync(selosteBin, ["build", ...exampleSources(), "-o", bundle, "--sign", key], { stdio: "pipe" });
    return { key, pub: `${key}.pub`, bundle };
  };

  test("a bundle signed with the configured key is read, by key or key file", async () => {
    const { pub, bundle } = signed();
    const id = manifestOf(bundle).registers[0].id;
    const byFile = await build({ "index.njk": `{% seloste "${id}", "fi" %}` }, { bundle, publicKeyFile: pub });
    assert.equal(page(byFile.results, "/").content, fragmentOf(bundle, id, "fi"));
    const publicKey = readFileSync(pub, "utf8").trim();
    const byKey = await build({ "index.njk": `{% seloste "${id}", "sv" %}` }, { bundle, publicKey });
    assert.equal(page(byKey.results, "/").content, fragmentOf(bundle, id, "sv"));
  });

  test("another key, a changed manifest or a missing signature is refused", async () => {
    const { bundle } = signed();
    const other = signed();
    await assert.rejects(
      build({ "index.njk": "x" }, { bundle, publicKeyFile: other.pub }),
      /the signature of manifest\.json does not match the public key/,
    );
    const { pub, bundle: b2 } = signed();
    const manifestPath = path.join(b2, "manifest.json");
    writeFileSync(manifestPath, readFileSync(manifestPath, "utf8").replace('"generator": "', '"generator": "x'));
    await assert.rejects(build({ "index.njk": "x" }, { bundle: b2, publicKeyFile: pub }), /does not match the public key/);
    rmSync(`${manifestPath}.sig`);
    await assert.rejects(build({ "index.njk": "x" }, { bundle: b2, publicKeyFile: pub }), /manifest\.json\.sig is missing/);
  });

  test("a malformed key is refused when the plugin is added", () => {
    const config = { addShortcode() {}, addGlobalData() {}, on() {}, addWatchTarget() {} };
    assert.throws(() => seloste(config, { bundle: "b", publicKey: "not a key" }), /not an Ed25519 public key/);
    assert.throws(() => seloste(config, { bundle: "b", publicKey: Buffer.alloc(31).toString("base64") }), /not an Ed25519 public key/);
  });
});

describe("sources mode", { skip: needsCli }, () => {
  test("runs seloste build before the build and embeds the result", async () => {
    const s = site({});
    const out = path.join(s.root, "bundle");
    const sources = exampleSources();
    const { results } = await build(
      { "index.njk": "{% for r in seloste.registers %}{% seloste r.id, \"fi\" %}{% endfor %}" },
      { sources, seloste: selosteBin, out },
    );
    const manifest = manifestOf(out);
    assert.ok(manifest.registers.length >= 1);
    assert.equal(
      page(results, "/").content,
      manifest.registers.map((r) => fragmentOf(out, r.id, "fi")).join(""),
    );
  });

  test("the default out folder .seloste in the project is not taken for templates", async () => {
    const project = tempDir("seloste-project-");
    writeFileSync(path.join(project, "index.njk"), "{{ seloste.registers | length }}");
    const cwd = process.cwd();
    process.chdir(project);
    try {
      const elev = new Eleventy(".", "_site", {
        quietMode: true,
        config: (c) => c.addPlugin(seloste, { sources: exampleSources(), seloste: selosteBin }),
      });
      const results = await elev.toJSON();
      const manifest = manifestOf(path.join(project, ".seloste"));
      assert.deepEqual(results.map((r) => r.url), ["/"]);
      assert.equal(results[0].content, String(manifest.registers.length));
    } finally {
      process.chdir(cwd);
    }
  });

  test("a failing seloste build stops the Eleventy build with the CLI's message", async () => {
    const s = site({});
    await assert.rejects(
      build({ "index.njk": "x" }, { sources: [path.join(s.root, "missing.xml")], seloste: selosteBin, out: path.join(s.root, "b") }),
      (error) => {
        assert.match(collectMessages(error), /seloste: `.*seloste build` failed \(\d+\):\n.*missing\.xml/s);
        return true;
      },
    );
  });

  test("a missing CLI gives a clear error", async () => {
    const s = site({});
    await assert.rejects(
      build({ "index.njk": "x" }, { sources: exampleSources(), seloste: path.join(s.root, "no-seloste"), out: path.join(s.root, "b") }),
      /cannot run .*no-seloste: not found/,
    );
  });
});

describe("options", () => {
  const config = () => ({ addShortcode() {}, addGlobalData() {}, on() {}, addWatchTarget() {}, versionCheck() {} });
  test("exactly one of bundle or sources", () => {
    assert.throws(() => seloste(config(), {}), SelosteError);
    assert.throws(() => seloste(config(), { bundle: "b", sources: ["a.xml"] }), /exactly one of/);
    assert.throws(() => seloste(config(), { bundle: "b", seloste: "x" }), /only applies with \{ sources/);
    assert.throws(() => seloste(config(), { sources: [] }), /non-empty list/);
    for (const assetsDir of ["../x", "/abs", "", "a//b", "a\\b", 7]) {
      assert.throws(() => seloste(config(), { bundle: "b", assetsDir }), /assetsDir must be/);
    }
    assert.throws(() => seloste(config(), { bundle: "b", colour: "red" }), /unknown option "colour"/);
  });
  test("declares the Eleventy versions it supports", () => {
    const asked = [];
    seloste({ ...config(), versionCheck: (range) => asked.push(range) }, { bundle: "b" });
    assert.deepEqual(asked, [">=3.0.0"]);
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    assert.equal(pkg.peerDependencies["@11ty/eleventy"], "^3.0.0");
  });
});

/** Eleventy wraps errors from templates; the plugin's message is in the chain. */
function collectMessages(error) {
  const parts = [];
  for (let e = error; e; e = e.cause ?? e.originalError) parts.push(String(e.message));
  return parts.join("\n");
}
