// The plugin with Eleventy's own configuration type (its JSDoc types, read with allowJs):
// what a TypeScript eleventy.config.ts of a real site writes. Checked, never run.
import type UserConfig from "@11ty/eleventy/UserConfig";
import seloste from "eleventy-plugin-seloste";

export default function (eleventyConfig: UserConfig): void {
  eleventyConfig.addPlugin(seloste, { sources: ["privacy/group.xml"] });
  seloste(eleventyConfig, { bundle: "privacy-bundle", publicKeyFile: "privacy.pub" });
}
