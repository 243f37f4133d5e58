// The Nu HTML Checker (npm vnu-jar) on files: one JVM for all of them.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
export const VNU_JAR = String(require('vnu-jar'));

/**
 * Validates `files` (absolute paths) in one call. Returns a Map from file to
 * its list of errors { line, column, message, extract }. Throws when the
 * checker itself fails (no java, unreadable output).
 */
export function validateFiles(files, { css = false } = {}) {
  const result = new Map(files.map((f) => [f, []]));
  if (files.length === 0) return result;
  const args = ['-jar', VNU_JAR, '--errors-only', '--format', 'json', '--exit-zero-always'];
  if (css) args.push('--css');
  const r = spawnSync('java', [...args, ...files], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new Error(`java -jar vnu.jar: ${r.error.message}`);
  let report;
  try {
    report = JSON.parse(r.stderr || r.stdout);
  } catch {
    throw new Error(`vnu.jar gave no JSON (exit ${r.status}): ${(r.stderr || r.stdout || '').slice(0, 2000)}`);
  }
  const byUrl = new Map(files.map((f) => [pathToFileURL(f).href, f]));
  for (const m of report.messages || []) {
    if (m.type !== 'error' && !(m.type === 'non-document-error')) continue;
    // vnu writes file:/path (one slash); normalise to file:///path
    const url = (m.url || '').replace(/^file:\/(?!\/)/, 'file:///');
    const f = byUrl.get(url) || [...byUrl.entries()].find(([u]) => decodeURIComponent(u) === decodeURIComponent(url))?.[1];
    const entry = { line: m.lastLine, column: m.firstColumn || m.lastColumn, message: m.message, extract: (m.extract || '').replace(/\s+/g, ' ').trim() };
    if (f) result.get(f).push(entry);
    else {
      if (!result.has('(unknown)')) result.set('(unknown)', []);
      result.get('(unknown)').push({ ...entry, message: `${m.url}: ${m.message}` });
    }
  }
  return result;
}
