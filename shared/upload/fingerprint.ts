/**
 * A stable, fast, non-cryptographic fingerprint of a file's bytes. It names an import (so a re-import of the
 * same file finds its journal) and seeds generated refIds. Shared code may not use node:crypto, and a
 * collision only costs a missed "already imported" hint, so two independent 32-bit hashes are enough.
 */

/** Hex fingerprint of `bytes`: two 32-bit multiplicative hashes (cyrb-style) plus the byte length. */
export function fingerprintBytes(bytes: Uint8Array): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    h1 = Math.imul(h1 ^ b, 2654435761);
    h2 = Math.imul(h2 ^ b, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return hex32(h1) + hex32(h2) + '-' + bytes.length.toString(36);
}

/** The same fingerprint for a string (its UTF-8 bytes). */
export function fingerprintText(text: string): string {
  return fingerprintBytes(new TextEncoder().encode(text));
}

function hex32(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}
