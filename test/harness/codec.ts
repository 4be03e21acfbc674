/**
 * JSON over the harness bridge cannot carry ArrayBuffers (file bytes, saved reports): they travel as
 * `{ "__bytes": "<base64>" }`. Done in JSON.stringify's replacer / JSON.parse's reviver so big arguments (an
 * import plan of 100,000 rows) are not copied an extra time. Shared by the Node server and the in-page bridge;
 * base64 is injected because Node (Buffer) and the browser (atob/btoa) do it differently.
 */
export interface Base64 {
  encode(bytes: Uint8Array): string;
  decode(text: string): Uint8Array;
}

/** JSON text of `value`, ArrayBuffers (and typed arrays) as base64 markers. */
export function stringifyWithBytes(value: unknown, b64: Base64): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof ArrayBuffer) return { __bytes: b64.encode(new Uint8Array(v)) };
    if (ArrayBuffer.isView(v)) return { __bytes: b64.encode(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) };
    return v;
  });
}

/** The reverse of stringifyWithBytes: markers become ArrayBuffers again. */
export function parseWithBytes(text: string, b64: Base64): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const rec = v as Record<string, unknown>;
      if (typeof rec.__bytes === 'string' && Object.keys(rec).length === 1) {
        const u8 = b64.decode(rec.__bytes);
        return u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength);
      }
    }
    return v;
  });
}
