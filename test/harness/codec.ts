/**
 * JSON over the harness bridge cannot carry ArrayBuffers (file bytes, saved reports): they travel as
 * `{ "__bytes": "<base64>" }`. Shared by the Node server and the in-page bridge; base64 is injected because
 * Node (Buffer) and the browser (atob/btoa) do it differently.
 */
export interface Base64 {
  encode(bytes: Uint8Array): string;
  decode(text: string): Uint8Array;
}

/** Replaces every ArrayBuffer (or typed array) inside `value` with its base64 marker. */
export function encodeBytes(value: unknown, b64: Base64): unknown {
  if (value instanceof ArrayBuffer) return { __bytes: b64.encode(new Uint8Array(value)) };
  if (ArrayBuffer.isView(value)) return { __bytes: b64.encode(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) };
  if (Array.isArray(value)) return value.map((v) => encodeBytes(v, b64));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = encodeBytes(v, b64);
    return out;
  }
  return value;
}

/** The reverse of encodeBytes: markers become ArrayBuffers again. */
export function decodeBytes(value: unknown, b64: Base64): unknown {
  if (Array.isArray(value)) return value.map((v) => decodeBytes(v, b64));
  if (value && typeof value === 'object') {
    const rec = value as Record<string, unknown>;
    if (typeof rec.__bytes === 'string' && Object.keys(rec).length === 1) {
      const u8 = b64.decode(rec.__bytes);
      return u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength);
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rec)) out[k] = decodeBytes(v, b64);
    return out;
  }
  return value;
}
