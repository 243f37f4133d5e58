import { stylesheets } from "./stylesheets.js";

/**
 * The `seloste` entry of the data cascade, from the bundle's manifest:
 *
 *   seloste.generator    "seloste 0.1.0"
 *   seloste.languages    ["fi", "sv", "en"]
 *   seloste.themes       ["default"]
 *   seloste.registers    the manifest's registers ({ id, source, name: {fi, sv, en}, controllers, notice_date })
 *   seloste.pages        the manifest's pages ({ path, kind, register, lang, theme, title, sha256, bytes })
 *   seloste.notices      one { register, lang, title, name, controllers, notice_date } per fragment,
 *                        handy for pagination: one Eleventy page per notice
 *   seloste.stylesheets  [{ path, url, integrity }]
 *   seloste.findings     the findings of the checks
 */
export function globalData(bundle, assetsDir) {
  const { manifest } = bundle;
  const registers = new Map(manifest.registers.map((r) => [r.id, r]));
  const notices = manifest.pages
    .filter((p) => p.kind === "fragment")
    .map((p) => {
      const r = registers.get(p.register) ?? {};
      return {
        register: p.register,
        lang: p.lang,
        title: p.title,
        name: r.name?.[p.lang] ?? p.title,
        controllers: r.controllers ?? [],
        notice_date: r.notice_date,
      };
    });
  return structuredClone({
    generator: manifest.generator,
    languages: manifest.languages,
    themes: manifest.themes,
    registers: manifest.registers,
    pages: manifest.pages,
    notices,
    stylesheets: stylesheets(bundle, assetsDir),
    findings: manifest.findings ?? [],
  });
}
