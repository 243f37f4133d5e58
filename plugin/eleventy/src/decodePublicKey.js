import { SelosteError } from "./SelosteError.js";

/**
 * Decodes a Seloste public key: one line of base64 holding the 32-byte Ed25519
 * key, as `seloste keygen KEYFILE` writes to KEYFILE.pub.
 */
export function decodePublicKey(text, where = "publicKey") {
  const line = String(text).trim();
  const raw = /^[A-Za-z0-9+/]+={0,2}$/.test(line) ? Buffer.from(line, "base64") : Buffer.alloc(0);
  if (raw.length !== 32) {
    throw new SelosteError(`${where} is not an Ed25519 public key (one line of base64, 32 bytes, as seloste keygen writes to KEYFILE.pub)`);
  }
  return raw;
}
