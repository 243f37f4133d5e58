import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import { stylesheets } from "./stylesheets.js";

/**
 * Writes the bundle's theme stylesheets (the verified bytes) into
 * OUTPUT/assetsDir/. Only files the manifest lists are written.
 */
export async function writeStylesheets(bundle, outputDir, assetsDir) {
  const written = [];
  for (const sheet of stylesheets(bundle, assetsDir)) {
    const target = path.join(path.resolve(outputDir), ...assetsDir.split("/"), ...sheet.path.slice("assets/".length).split("/"));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, bundle.files.get(sheet.path));
    written.push(target);
  }
  return written;
}
