import { execFile } from "node:child_process";

import { SelosteError } from "./SelosteError.js";

/**
 * Runs `seloste build SOURCE... -o OUT` (no shell: arguments go to the CLI as
 * they are) and resolves when the bundle is written. A failed build (a register
 * that fails the checks, a broken source) rejects with a SelosteError carrying
 * the CLI's own messages; the CLI leaves the previous bundle untouched then.
 *
 *   await runSelosteBuild({ seloste: "seloste", sources: ["/abs/org.xml"], bundle: "/abs/.seloste" });
 */
export function runSelosteBuild({ seloste, sources, bundle, allowIncomplete = false }) {
  const args = ["build", ...sources, "-o", bundle];
  if (allowIncomplete) args.push("--allow-incomplete");
  return new Promise((resolve, reject) => {
    execFile(seloste, args, { maxBuffer: 64 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      if (error) {
        const how = error.code === "ENOENT" ? `cannot run ${seloste}: not found (set the plugin's "seloste" option to the CLI's path)`
          : `\`${seloste} build\` failed (${error.code ?? error.signal})`;
        const output = `${stderr}${stdout}`.trim();
        reject(new SelosteError(output ? `${how}:\n${output}` : how, { cause: error }));
        return;
      }
      resolve({ stdout, stderr });
    });
  });
}
