import { lstatSync, readFileSync } from "node:fs";
import path from "node:path";

import { SelosteError } from "./SelosteError.js";
import { bundleFiles } from "./bundleFiles.js";
import { isSafeBundlePath } from "./isSafeBundlePath.js";
import { checkMarkup, kindOf } from "./markupPolicy.js";
import { sha256 } from "./sha256.js";
import { verifySignature } from "./verifySignature.js";

/**
 * Reads a Seloste bundle (the folder `seloste build` writes) and checks it as
 * docs/bundle-format.md asks of a consumer, in its order: the signature of
 * manifest.json (only when a 32-byte Ed25519 `publicKey` is given), the format
 * and its version, that every listed path is safe and every listed file has the
 * SHA-256 and size the manifest gives, and that the folder holds no file the
 * manifest does not list, and that every page, fragment and stylesheet keeps to
 * the markup policy (markup-policy.json, as `seloste verify` and the WordPress
 * import). Returns { dir, manifest, files } where `files` maps each listed path
 * to its verified bytes (a Buffer): exactly the bytes that were checked are
 * the ones passed on.
 *
 *   const bundle = readBundle(".seloste");
 *   const signed = readBundle("bundle", { publicKey });
 *   bundle.manifest.registers.map((r) => r.id);
 *
 * Throws a SelosteError that names the bundle and the problem.
 */
export function readBundle(dir, { publicKey } = {}) {
  const root = path.resolve(dir);
  const manifestPath = path.join(root, "manifest.json");
  let rootStat;
  try {
    rootStat = lstatSync(root);
  } catch {
    rootStat = null; // reported below, as a missing manifest
  }
  if (rootStat?.isSymbolicLink()) {
    throw new SelosteError(`${root} is a symbolic link; a bundle must be a real folder: refusing the bundle`);
  }
  let manifestBytes;
  try {
    manifestBytes = readFileSync(manifestPath);
  } catch (error) {
    throw new SelosteError(
      `no bundle at ${root}: cannot read manifest.json (${error.code ?? error.message}). ` +
        "Build one with `seloste build SOURCE... -o DIR`, or give the plugin { sources: [...] }.",
      { cause: error },
    );
  }
  if (publicKey) {
    let signature;
    try {
      signature = readFileSync(`${manifestPath}.sig`, "utf8");
    } catch (error) {
      if (error.code !== "ENOENT") throw error;
    }
    verifySignature(manifestBytes, signature, publicKey, root);
  }
  let manifest;
  try {
    manifest = JSON.parse(manifestBytes.toString("utf8"));
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

  const entries = [...manifest.pages, ...manifest.files];
  const listed = new Set();
  for (const entry of entries) {
    if (!isSafeBundlePath(entry?.path)) {
      throw new SelosteError(`${manifestPath} lists an unsafe path ${JSON.stringify(entry?.path)}: refusing the bundle`);
    }
    if (listed.has(entry.path)) throw new SelosteError(`${manifestPath} lists ${entry.path} twice`);
    listed.add(entry.path);
  }

  // Plain files only (no symbolic link can lead outside), and every one listed.
  const present = new Set(bundleFiles(root));
  for (const file of present) {
    if (!listed.has(file) && file !== "manifest.json" && file !== "manifest.json.sig") {
      throw new SelosteError(`${path.join(root, file)} is in the bundle but not in its manifest.json: refusing the bundle`);
    }
  }

  const files = new Map();
  for (const entry of entries) {
    if (!present.has(entry.path)) {
      throw new SelosteError(`${entry.path} is listed in ${manifestPath} but is not in the bundle`);
    }
    const bytes = readFileSync(path.join(root, ...entry.path.split("/")));
    if (sha256(bytes) !== entry.sha256 || (entry.bytes !== undefined && bytes.length !== entry.bytes)) {
      throw new SelosteError(
        `${path.join(root, entry.path)} does not match its SHA-256 in manifest.json: the bundle was changed after it was built; build it again`,
      );
    }
    const kind = kindOf(entry);
    const problems = kind ? checkMarkup(bytes, kind) : [];
    if (problems.length > 0) {
      const shown = problems
        .slice(0, 5)
        .map((p) => `  ${path.join(root, entry.path)}:${p.line}:${p.column}: ${p.message}`)
        .join("\n");
      const more = problems.length > 5 ? `\n  ... and ${problems.length - 5} more` : "";
      throw new SelosteError(
        `${path.join(root, entry.path)} is refused by the markup policy (markup-policy.json): refusing the bundle\n${shown}${more}`,
      );
    }
    files.set(entry.path, bytes);
  }
  return { dir: root, manifest, files };
}
