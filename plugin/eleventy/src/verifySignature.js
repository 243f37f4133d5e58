import { createPublicKey, verify } from "node:crypto";

import { SelosteError } from "./SelosteError.js";

// DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410); the raw 32-byte key follows.
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

/**
 * Checks manifest.json.sig (one line: base64 of the 64-byte detached Ed25519
 * signature) over the exact bytes of manifest.json with the 32-byte public key.
 * Throws a SelosteError unless the signature is there and valid.
 */
export function verifySignature(manifestBytes, signatureText, publicKey, where) {
  if (signatureText === undefined) {
    throw new SelosteError(`${where}: manifest.json.sig is missing, but the plugin was given a public key: build with seloste build --sign KEYFILE`);
  }
  const line = signatureText.trim();
  const signature = /^[A-Za-z0-9+/]+={0,2}$/.test(line) ? Buffer.from(line, "base64") : Buffer.alloc(0);
  if (signature.length !== 64) throw new SelosteError(`${where}: manifest.json.sig is not a base64 Ed25519 signature`);
  const key = createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, publicKey]), format: "der", type: "spki" });
  if (!verify(null, manifestBytes, key, signature)) {
    throw new SelosteError(`${where}: the signature of manifest.json does not match the public key: refusing the bundle`);
  }
}
