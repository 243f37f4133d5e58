/**
 * True when `path` is a path the bundle format allows (docs/bundle-format.md):
 * relative, `/`-separated, no `..`, `.` or empty segment, no backslash, no
 * leading `/`, no drive letter or NUL. Any other path in a manifest is refused.
 *
 *   isSafeBundlePath("fragments/fi/sen-uutiskirjerekisteri.html") // true
 *   isSafeBundlePath("../etc/passwd")                    // false
 */
export function isSafeBundlePath(path) {
  if (typeof path !== "string" || path.length === 0 || path.length > 1024) return false;
  if (path.startsWith("/") || path.includes("\\") || path.includes("\0") || /^[A-Za-z]:/.test(path)) return false;
  return path.split("/").every((segment) => segment !== "" && segment !== "." && segment !== "..");
}
