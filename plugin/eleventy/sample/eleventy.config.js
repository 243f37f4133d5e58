// The sample site of eleventy-plugin-seloste.
//
//   SELOSTE_BIN=/path/to/seloste npm run build        runs `seloste build` over ../../../examples/*.xml first
//   SELOSTE_BUNDLE=/path/to/bundle npm run build      reads a bundle built before
import { readdirSync } from "node:fs";
import path from "node:path";

import { I18nPlugin } from "@11ty/eleventy";
import seloste from "eleventy-plugin-seloste";

export default function (eleventyConfig) {
  eleventyConfig.addPlugin(I18nPlugin, { defaultLanguage: "fi", errorMode: "allow-fallback" });

  if (process.env.SELOSTE_BUNDLE) {
    eleventyConfig.addPlugin(seloste, { bundle: process.env.SELOSTE_BUNDLE });
  } else {
    const examples = path.join(process.env.SELOSTE_SOURCE_DIR ?? path.join("..", "..", ".."), "examples");
    const sources = readdirSync(examples)
      .filter((f) => f.endsWith(".xml"))
      .sort()
      .map((f) => path.join(examples, f));
    eleventyConfig.addPlugin(seloste, {
      sources,
      seloste: process.env.SELOSTE_BIN ?? "seloste",
      out: ".seloste",
    });
  }

  eleventyConfig.addPassthroughCopy({ "content/css": "css" });
  eleventyConfig.addFilter("notices_in", (notices, lang) => notices.filter((n) => n.lang === lang));
  eleventyConfig.addFilter("versions_of", (notices, register) => notices.filter((n) => n.register === register));

  return {
    dir: { input: "content", includes: "../_includes", output: "_site" },
    markdownTemplateEngine: "njk",
    htmlTemplateEngine: "njk",
  };
}
