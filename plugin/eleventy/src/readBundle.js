import { readFileSync } from "node:fs";
import path from "node:path";

import { SelosteError } from "./SelosteError.js";
import { isSafeBundlePath } from "./isSafeBundlePath.js";
import { sha256 } from "./sha256.js";

/**
 * Reads a Seloste bundle (the folder `seloste build` writes) and checks it as
 * docs/bundle-format.md asks of a consumer: the format and its version, that
 * every listed path is safe, and that every listed file has the SHA-256 and
 * size the manifest gives. Returns { dir, manifest, files } where `files` maps
 * each listed path to its verified bytes (a Buffer).
 *
 *   const bundle = readBundle(".seloste");
 *   bundle.manifest.registers.map((r) => r.id);
 *
 * Throws a SelosteError that names the bundle and the problem.
 */
export function readBundle(dir) {
  const root = path.resolve(dir);
  const manifestPath = path.join(root, "manifest.json");
  let text;
  try {
    text = readFileSync(manifestPath, "utf8");
  } catch (error) {
    throw new SelosteError(
      `no bundle at ${root}: cannot read manifest.json (${error.code ?? error.message}). ` +
        "Build one with `seloste build SOURCE... -o DIR`, or give the plugin { sources: [...] }.",
      { cause: error },
    );
  }
  let manifest;
  try {
    manifest = JSON.parse(text);
  } catch (error) {
    throw new SelosteError(`${manifestPath} is not valid JSON: ${error.message}`, { cause: error });
  }
  if (manifest === null || typeof manifest !== "object" || manifest.format !== "seloste-bundle") {
    throw new SelosteError(`${manifestPath} is not a Seloste bundle manifest (format must be "seloste-bundle")`);
  }
  if (manifest.format_version !== 1) {
    throw new SelosteError(
      `${manifestPath} has format_version ${JSON.stringify(manifest.format_version)}; this plugin reads version 1`,
    );
  }
  for (const key of ["languages", "themes", "registers", "pages", "files"]) {
    if (!Array.isArray(manifest[key])) throw new SelosteError(`${manifestPath}: "${key}" must be a list`);
  }

  const files = new Map();
  for (const entry of [...manifest.pages, ...manifest.files]) {
    if (!isSafeBundlePath(entry?.path)) {
      throw new SelosteError(`${manifestPath} lists an unsafe path ${JSON.stringify(entry?.path)}: refusing the bundle`);
    }
    if (files.has(entry.path)) throw new SelosteError(`${manifestPath} lists ${entry.path} twice`);
    let bytes;
    try {
      bytes = readFileSync(path.join(root, ...entry.path.split("/")));
    } catch (error) {
      throw new SelosteError(`${entry.path} is listed in ${manifestPath} but cannot be read (${error.code})`, {
        cause: error,
      });
    }
    if (sha256(bytes) !== entry.sha256 || (entry.bytes !== undefined && bytes.length !== entry.bytes)) {
      throw new SelosteError(
        `${path.join(root, entry.path)} does not match its SHA-256 in manifest.json: the bundle was changed after it was built; build it again`,
      );
    }
    files.set(entry.path, bytes);
  }
  return { dir: root, manifest, files };
}
