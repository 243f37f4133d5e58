import { escapeAttribute } from "./escapeAttribute.js";
import { stylesheets } from "./stylesheets.js";

/**
 * The <link rel="stylesheet"> elements for the bundle's theme stylesheets,
 * for <head>: {% selosteStyles %}.
 */
export function stylesheetLinks(bundle, assetsDir) {
  return stylesheets(bundle, assetsDir)
    .map((s) => `<link rel="stylesheet" href="${escapeAttribute(s.url)}" integrity="${escapeAttribute(s.integrity)}">`)
    .join("\n");
}
