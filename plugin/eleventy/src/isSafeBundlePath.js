/**
 * True when `path` is a path the bundle format allows (docs/bundle-format.md),
 * by the same rule as `seloste verify` and the WordPress import: at most 512
 * bytes of UTF-8, `/`-separated segments, none empty or starting with `.`
 * (no `..`, no `.htaccess`), each only Unicode letters and digits, `.`, `_`
 * and `-`. Any other path in a manifest is refused.
 *
 *   isSafeBundlePath("fragments/fi/sen-uutiskirjerekisteri.html") // true
 *   isSafeBundlePath("../etc/passwd")                    // false
 *   isSafeBundlePath("assets/.htaccess")                 // false
 */
export function isSafeBundlePath(path) {
  if (typeof path !== "string" || path.length === 0 || Buffer.byteLength(path, "utf8") > 512) return false;
  // With the u flag a lone surrogate (not UTF-8) matches no \p{L}: refused too.
  return path.split("/").every((segment) => segment !== "" && segment[0] !== "." && /^[\p{L}\p{N}._-]+$/u.test(segment));
}
