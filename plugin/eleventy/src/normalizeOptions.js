import { readFileSync } from "node:fs";
import path from "node:path";

import { SelosteError } from "./SelosteError.js";
import { decodePublicKey } from "./decodePublicKey.js";
import { isSafeBundlePath } from "./isSafeBundlePath.js";

/**
 * Checks the plugin options and fills in the defaults. Exactly one of
 *
 *   { bundle: "path/to/built/bundle" }                        read a bundle as it is
 *   { sources: ["org.xml"], seloste: "seloste", out: ".seloste" }
 *                                                             run `seloste build` first
 *
 * plus, for both, `assetsDir` (default "seloste/assets"): the folder of the
 * output where the theme stylesheets are written, or false to write none.
 * In sources mode, `allowIncomplete: true` passes --allow-incomplete to the CLI.
 * `publicKey` (the base64 line of KEYFILE.pub) or `publicKeyFile` (its path)
 * makes the plugin refuse a bundle whose manifest.json.sig is missing or does
 * not verify (build it with `seloste build --sign KEYFILE`).
 * Relative paths are relative to the working directory (the project root).
 */
export function normalizeOptions(options = {}) {
  if (options === null || typeof options !== "object") throw new SelosteError("the plugin options must be an object");
  const known = new Set(["bundle", "sources", "seloste", "out", "allowIncomplete", "assetsDir", "publicKey", "publicKeyFile"]);
  for (const key of Object.keys(options)) {
    if (!known.has(key)) throw new SelosteError(`unknown option "${key}" (known: ${[...known].join(", ")})`);
  }
  const hasBundle = options.bundle !== undefined;
  const hasSources = options.sources !== undefined;
  if (hasBundle === hasSources) {
    throw new SelosteError('give exactly one of { bundle: "DIR" } or { sources: ["FILE.xml", ...] }');
  }
  let assetsDir = options.assetsDir ?? "seloste/assets";
  if (assetsDir !== false) {
    const trimmed = typeof assetsDir === "string" ? assetsDir.replace(/\/+$/, "") : "";
    if (!isSafeBundlePath(trimmed)) {
      throw new SelosteError(`assetsDir must be a relative folder inside the output, or false; got ${JSON.stringify(assetsDir)}`);
    }
    assetsDir = trimmed;
  }
  let publicKey;
  if (options.publicKey !== undefined && options.publicKeyFile !== undefined) {
    throw new SelosteError("give publicKey or publicKeyFile, not both");
  }
  if (options.publicKey !== undefined) publicKey = decodePublicKey(options.publicKey);
  if (options.publicKeyFile !== undefined) {
    let text;
    try {
      text = readFileSync(path.resolve(String(options.publicKeyFile)), "utf8");
    } catch (error) {
      throw new SelosteError(`cannot read publicKeyFile ${options.publicKeyFile} (${error.code ?? error.message})`, { cause: error });
    }
    publicKey = decodePublicKey(text, `publicKeyFile ${options.publicKeyFile}`);
  }
  if (hasBundle) {
    if (typeof options.bundle !== "string" || options.bundle === "") throw new SelosteError("bundle must be a folder path");
    for (const key of ["seloste", "out", "allowIncomplete"]) {
      if (options[key] !== undefined) throw new SelosteError(`option "${key}" only applies with { sources: [...] }`);
    }
    return { mode: "bundle", bundle: path.resolve(options.bundle), assetsDir, publicKey };
  }
  const { sources } = options;
  if (!Array.isArray(sources) || sources.length === 0 || !sources.every((s) => typeof s === "string" && s !== "")) {
    throw new SelosteError("sources must be a non-empty list of source file paths");
  }
  const seloste = options.seloste ?? "seloste";
  if (typeof seloste !== "string" || seloste === "") throw new SelosteError("seloste must be the path of the seloste CLI");
  const out = options.out ?? ".seloste";
  if (typeof out !== "string" || out === "") throw new SelosteError("out must be a folder path");
  return {
    mode: "sources",
    // Absolute paths: a source can never be taken for a command-line option.
    sources: sources.map((s) => path.resolve(s)),
    // A bare name ("seloste") is looked up on PATH; a path is made absolute.
    seloste: seloste.includes("/") ? path.resolve(seloste) : seloste,
    bundle: path.resolve(out),
    allowIncomplete: options.allowIncomplete === true,
    assetsDir,
    publicKey,
  };
}
