import path from "node:path";

import { fragmentHtml } from "./src/fragmentHtml.js";
import { globalData } from "./src/globalData.js";
import { normalizeOptions } from "./src/normalizeOptions.js";
import { readBundle } from "./src/readBundle.js";
import { runSelosteBuild } from "./src/runSelosteBuild.js";
import { stylesheetLinks } from "./src/stylesheetLinks.js";
import { writeStylesheets } from "./src/writeStylesheets.js";

export { SelosteError } from "./src/SelosteError.js";

/** The Eleventy versions this plugin is tested with (also in package.json peerDependencies). */
export const ELEVENTY_VERSIONS = ">=3.0.0";

/**
 * eleventy-plugin-seloste: Seloste privacy notices in an Eleventy site.
 *
 *   import seloste from "eleventy-plugin-seloste";
 *   export default function (eleventyConfig) {
 *     // either read a bundle that `seloste build SOURCE... -o DIR` wrote ...
 *     eleventyConfig.addPlugin(seloste, { bundle: "privacy-bundle" });
 *     // ... or let the plugin run the CLI before every build:
 *     // eleventyConfig.addPlugin(seloste, { sources: ["org.xml"], seloste: "/usr/bin/seloste", out: ".seloste" });
 *   }
 *
 * Gives templates
 *   {% seloste "REGISTER", "fi" %}   the notice as an HTML fragment (language
 *                                    defaults to page.lang); Nunjucks, Liquid, 11ty.js
 *   {% selosteStyles %}              <link> elements for the theme stylesheets
 *   seloste                          global data: registers, pages, notices, ... (see src/globalData.js)
 * and writes the theme stylesheets into OUTPUT/seloste/assets/ (option assetsDir).
 *
 * The plugin never renders a notice itself: the HTML is the Seloste core's,
 * checked against the SHA-256 in the bundle's manifest.
 */
export default function selostePlugin(eleventyConfig, options = {}) {
  if (typeof eleventyConfig.versionCheck === "function") {
    eleventyConfig.versionCheck(ELEVENTY_VERSIONS);
  }
  const opts = normalizeOptions(options);

  // Eleventy must not take the bundle's own HTML files for templates.
  const relativeBundle = path.relative(process.cwd(), opts.bundle);
  if (relativeBundle !== "" && !relativeBundle.startsWith("..") && !path.isAbsolute(relativeBundle)) {
    const glob = `./${relativeBundle.split(path.sep).join("/")}/**`;
    eleventyConfig.ignores?.add(glob);
    eleventyConfig.watchIgnores?.add(glob);
  }
  if (opts.mode === "sources") {
    for (const source of opts.sources) eleventyConfig.addWatchTarget(source);
  }

  let bundle = null;
  const load = () => {
    bundle ??= readBundle(opts.bundle, { publicKey: opts.publicKey });
    return bundle;
  };

  eleventyConfig.on("eleventy.before", async () => {
    bundle = null; // read afresh for every build (and re-build under --watch)
    if (opts.mode === "sources") await runSelosteBuild(opts);
    load(); // a broken or missing bundle stops the build here, with its reason
  });

  eleventyConfig.on("eleventy.after", async ({ directories, dir, outputMode }) => {
    if (opts.assetsDir === false || (outputMode !== undefined && outputMode !== "fs")) return;
    await writeStylesheets(load(), directories?.output ?? dir.output, opts.assetsDir);
  });

  eleventyConfig.addGlobalData("seloste", () => globalData(load(), opts.assetsDir));

  eleventyConfig.addShortcode("seloste", function seloste(register, lang) {
    return fragmentHtml(load(), register, lang ?? this?.page?.lang);
  });

  eleventyConfig.addShortcode("selosteStyles", function selosteStyles() {
    return stylesheetLinks(load(), opts.assetsDir);
  });
}
