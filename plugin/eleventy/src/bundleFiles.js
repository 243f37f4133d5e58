import { lstatSync, readdirSync } from "node:fs";
import path from "node:path";

import { SelosteError } from "./SelosteError.js";

/**
 * Every file under the bundle folder, as bundle paths ("fragments/fi/x.html").
 * A symbolic link or any other special file refuses the bundle: a bundle holds
 * plain files and folders only.
 */
export function bundleFiles(root, prefix = "") {
  const found = [];
  for (const entry of readdirSync(path.join(root, ...prefix.split("/").filter(Boolean)), { withFileTypes: true })) {
    const rel = `${prefix}${entry.name}`;
    const stat = lstatSync(path.join(root, ...rel.split("/")));
    if (stat.isDirectory()) found.push(...bundleFiles(root, `${rel}/`));
    else if (stat.isFile()) found.push(rel);
    else throw new SelosteError(`${path.join(root, rel)} is not a plain file (a bundle holds plain files only): refusing the bundle`);
  }
  return found;
}
