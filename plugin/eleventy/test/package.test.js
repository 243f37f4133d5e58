// The npm package as it would be published: its metadata, the files `npm pack` puts in it,
// and its TypeScript types, checked with the real `tsc` (typescript, a pinned devDependency)
// over a consumer that imports the packed package by name.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";

import seloste, { ELEVENTY_VERSIONS, SelosteError } from "../seloste.js";
import { cleanup, sourceDir, tempDir } from "./helpers.js";

after(cleanup);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const npm = (args, cwd = root) =>
  execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 16 * 1024 * 1024 });

/** The files that the package needs, and nothing else. */
function expectedFiles() {
  const src = readdirSync(path.join(root, "src")).filter((f) => f.endsWith(".js")).map((f) => `src/${f}`);
  return ["LICENSE", "README.md", "index.d.ts", "markup-policy.json", "package.json", "seloste.js", ...src].sort();
}

describe("package.json", () => {
  test("declares the licence, the repository, the Node versions and the types", () => {
    assert.equal(pkg.license, "MIT");
    assert.deepEqual(pkg.repository, {
      type: "git",
      url: "https://github.com/seloste/seloste.git",
      directory: "plugin/eleventy",
    });
    // Debian 12's nodejs (18.20.4) and newer.
    assert.equal(pkg.engines.node, ">=18.20.4");
    assert.equal(pkg.types, "./index.d.ts");
    assert.deepEqual(pkg.exports["."], { types: "./index.d.ts", default: "./seloste.js" });
    assert.equal(pkg.devDependencies.typescript, readLockedVersion("typescript"), "typescript is pinned exactly");
  });
  test("its LICENSE is the project's MIT licence", () => {
    const own = readFileSync(path.join(root, "LICENSE"), "utf8");
    assert.match(own, /^MIT License\n\nCopyright \(c\) 2026 The Seloste authors\n/);
    const project = path.join(sourceDir, "LICENSE");
    if (existsSync(project)) assert.equal(own, readFileSync(project, "utf8"));
  });
});

function readLockedVersion(name) {
  const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8"));
  return lock.packages[`node_modules/${name}`]?.version;
}

describe("npm pack", () => {
  test("packs exactly what the package needs: no tests, no sample, no node_modules", () => {
    const [report] = JSON.parse(npm(["pack", "--dry-run", "--json", "--ignore-scripts"]));
    const files = report.files.map((f) => f.path).sort();
    for (const bad of files.filter((f) => /^(test|sample|node_modules)\//.test(f) || f.startsWith("."))) {
      assert.fail(`npm pack includes ${bad}`);
    }
    assert.deepEqual(files, expectedFiles());
    assert.equal(report.name, "eleventy-plugin-seloste");
    assert.equal(report.version, pkg.version);
  });
});

describe("TypeScript types", () => {
  test("the public API matches what index.d.ts declares", () => {
    assert.equal(typeof seloste, "function");
    assert.equal(typeof ELEVENTY_VERSIONS, "string");
    const error = new SelosteError("x", { cause: 1 });
    assert.equal(error.name, "SelosteError");
    assert.equal(error.cause, 1);
    assert.ok(error instanceof Error);
  });
  test("tsc --noEmit checks consumers of the packed package (nodenext and bundler resolution, Eleventy's UserConfig)", () => {
    const tsc = path.join(root, "node_modules", ".bin", "tsc");
    assert.ok(existsSync(tsc), "typescript is not installed: run npm ci in plugin/eleventy");
    const dir = tempDir("seloste-11ty-types-");
    // The package as npm would publish it, unpacked where a consumer's resolver finds it.
    const [report] = JSON.parse(npm(["pack", "--json", "--ignore-scripts", "--pack-destination", dir]));
    const unpacked = path.join(dir, "node_modules", "eleventy-plugin-seloste");
    mkdirSync(unpacked, { recursive: true });
    execFileSync("tar", ["-xzf", path.join(dir, report.filename), "-C", unpacked, "--strip-components=1"]);
    cpSync(path.join(root, "test", "types"), dir, { recursive: true });
    writeFileSync(path.join(dir, "package.json"), '{ "private": true, "type": "module" }\n');
    const run = (extra) => {
      try {
        execFileSync(tsc, extra.includes("-p") ? extra : ["-p", dir, ...extra], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      } catch (error) {
        assert.fail(`tsc ${extra.join(" ")} failed:\n${error.stdout}${error.stderr}`);
      }
    };
    run([]);
    run(["--module", "esnext", "--moduleResolution", "bundler"]);
    // With Eleventy's own UserConfig type (Eleventy 3 types it in JSDoc).
    symlinkSync(path.join(root, "node_modules", "@11ty"), path.join(dir, "node_modules", "@11ty"), "dir");
    run(["-p", path.join(dir, "tsconfig.eleventy.json")]);
    // The checker really looks: a wrong use of the API fails.
    writeFileSync(path.join(dir, "consumer.ts"), 'import seloste from "eleventy-plugin-seloste";\nseloste({}, { bundle: 1 });\n');
    assert.throws(
      () => execFileSync(tsc, ["-p", dir], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }),
      (error) => /consumer\.ts\(2,/.test(`${error.stdout}${error.stderr}`),
    );
  });
});
