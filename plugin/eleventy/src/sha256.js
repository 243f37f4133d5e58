import { createHash } from "node:crypto";

/**
 * The SHA-256 of `bytes` (a Buffer or string) as 64 lowercase hex digits, the
 * form the bundle manifest uses.
 */
export function sha256(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}
