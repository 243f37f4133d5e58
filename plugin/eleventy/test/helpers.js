// Shared helpers of the plugin tests: real Eleventy, real seloste CLI.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import Eleventy from "@11ty/eleventy";

import seloste from "../seloste.js";

const here = path.dirname(fileURLToPath(import.meta.url));

/** The repository root: SELOSTE_SOURCE_DIR, or the folder three levels up. */
export const sourceDir = process.env.SELOSTE_SOURCE_DIR ?? path.resolve(here, "..", "..", "..");

/** The seloste CLI (SELOSTE_BIN), or undefined: the tests that need it are skipped with this reason. */
export const selosteBin = process.env.SELOSTE_BIN;
export const needsCli = selosteBin ? false : "set SELOSTE_BIN to the built seloste CLI";

/** The example sources of the repository: examples/*.xml. */
export function exampleSources() {
  const dir = path.join(sourceDir, "examples");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".xml"))
    .sort()
    .map((f) => path.join(dir, f));
}

const temps = [];
/** A fresh temporary folder, removed by cleanup(). */
export function tempDir(prefix = "seloste-11ty-") {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}
export function cleanup() {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
}

const builtBundles = new Map();
/** A bundle built once per theme by the real CLI from the examples; each caller gets its own copy. */
export function freshBundle(theme = "default") {
  if (!builtBundles.has(theme)) {
    const dir = path.join(tempDir("seloste-bundle-"), "bundle");
    execFileSync(selosteBin, ["build", ...exampleSources(), "--theme", theme, "-o", dir], { stdio: "pipe" });
    builtBundles.set(theme, dir);
  }
  const copy = path.join(tempDir(), "bundle");
  cpSync(builtBundles.get(theme), copy, { recursive: true });
  return copy;
}

/** Writes `files` ({ "index.njk": "..." }) into a new input folder. */
export function site(files) {
  const root = tempDir("seloste-site-");
  const input = path.join(root, "src");
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(input, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return { root, input, output: path.join(root, "_site") };
}

/**
 * Builds a site in code with the plugin. mode "json" returns Eleventy's
 * results ([{ url, inputPath, outputPath, content }]); mode "fs" writes the
 * output folder too.
 */
export async function build(files, pluginOptions, { mode = "json", configure } = {}) {
  const s = site(files);
  const elev = new Eleventy(s.input, s.output, {
    quietMode: true,
    config(eleventyConfig) {
      eleventyConfig.addPlugin(seloste, pluginOptions);
      configure?.(eleventyConfig);
    },
  });
  const results = mode === "fs" ? await elev.write() : await elev.toJSON();
  return { ...s, results: mode === "fs" ? results.flat().filter(Boolean) : results };
}

/** The one result whose url is `url`. */
export function page(results, url) {
  const found = results.filter((r) => r.url === url);
  if (found.length !== 1) throw new Error(`expected one page at ${url}, got ${found.length}`);
  return found[0];
}
