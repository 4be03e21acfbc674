/**
 * Windows-1252 for bytes 0x80–0x9F (the rest of 0x00–0xFF is Latin-1). Kept here rather than asking
 * TextDecoder because Node 20 decodes the label "windows-1252" as plain Latin-1, unlike browsers.
 * Undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of the same number, as Windows does.
 */
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** The character Windows-1252 shows for byte `b`. */
export function cp1252Char(b: number): string {
  return b >= 0x80 && b < 0xa0 ? HIGH[b - 0x80] : String.fromCharCode(b);
}

const BYTE_OF = new Map<string, number>();
for (let b = 0; b < 256; b++) BYTE_OF.set(String.fromCharCode(b), b);
for (let b = 0x80; b < 0xa0; b++) BYTE_OF.set(cp1252Char(b), b);

/** The Windows-1252 byte of one character, or -1 when the character is not in Windows-1252. */
export function cp1252Byte(ch: string): number {
  return BYTE_OF.get(ch) ?? -1;
}

/** Decodes bytes as Windows-1252 (every byte maps to one character). */
export function decodeCp1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const end = Math.min(bytes.length, i + CHUNK);
    let s = '';
    for (let j = i; j < end; j++) s += cp1252Char(bytes[j]);
    parts.push(s);
  }
  return parts.join('');
}
