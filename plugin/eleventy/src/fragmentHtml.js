import { SelosteError } from "./SelosteError.js";

/**
 * The HTML fragment of one notice, exactly as the Seloste core wrote it
 * (verified against the manifest when the bundle was read). It starts at
 * heading level 2 and carries its own lang attribute.
 *
 *   fragmentHtml(bundle, "sen-uutiskirjerekisteri", "fi") // '<div class="seloste" lang="fi" …'
 *
 * A register or language the bundle lacks throws a SelosteError that lists
 * what the bundle has.
 */
export function fragmentHtml(bundle, register, lang) {
  const { manifest, files, dir } = bundle;
  if (typeof register !== "string" || register === "") {
    throw new SelosteError(`the seloste shortcode needs a register id, e.g. {% seloste "${manifest.registers[0]?.id ?? "ID"}", "fi" %}`);
  }
  if (typeof lang !== "string" || lang === "") {
    throw new SelosteError(
      `no language for register "${register}": give one ({% seloste "${register}", "fi" %}) or set the page's lang`,
    );
  }
  if (!manifest.registers.some((r) => r.id === register)) {
    const known = manifest.registers.map((r) => r.id).join(", ") || "none";
    throw new SelosteError(`no register "${register}" in the bundle at ${dir} (registers: ${known})`);
  }
  const entry = manifest.pages.find((p) => p.kind === "fragment" && p.register === register && p.lang === lang);
  if (!entry) {
    const langs = manifest.pages.filter((p) => p.kind === "fragment" && p.register === register).map((p) => p.lang);
    throw new SelosteError(
      `register "${register}" has no notice in language "${lang}" in the bundle at ${dir} (languages: ${langs.join(", ") || "none"})`,
    );
  }
  return files.get(entry.path).toString("utf8");
}
