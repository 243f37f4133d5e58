/**
 * The theme stylesheets of a bundle: one { path, url, integrity } per listed
 * file under assets/ that ends in .css. `url` is root-relative, under
 * `assetsDir` of the output (use Eleventy's HTML base plugin for a pathPrefix).
 *
 *   stylesheets(bundle, "seloste/assets")
 *   // [{ path: "assets/seloste-default.css", url: "/seloste/assets/seloste-default.css", integrity: "sha256-…" }]
 */
export function stylesheets(bundle, assetsDir) {
  if (assetsDir === false) return [];
  return bundle.manifest.files
    .filter((f) => f.path.startsWith("assets/") && f.path.endsWith(".css"))
    .map((f) => ({
      path: f.path,
      url: `/${assetsDir}/${f.path.slice("assets/".length)}`,
      integrity: `sha256-${Buffer.from(f.sha256, "hex").toString("base64")}`,
    }));
}
