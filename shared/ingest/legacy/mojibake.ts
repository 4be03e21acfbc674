import { cp1252Byte } from './cp1252';

const UTF8 = new TextDecoder('utf-8', { fatal: true });
/** A UTF-8 lead byte (Ã Â Ä Å Æ á as Windows-1252) followed by a continuation byte: the mark of mis-read UTF-8. */
const MARK = /[\u00c2-\u00c6\u00e1][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/;

/**
 * Undoes UTF-8 that was read as Windows-1252 (`Nguyá»…n` → "Nguyễn"): the characters go back to their bytes and
 * those bytes are read as UTF-8. Returns undefined when the text is not such mojibake.
 */
export function decodeMojibake1252(s: string): string | undefined {
  if (!MARK.test(s)) return undefined;
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const b = cp1252Byte(s[i]);
    if (b < 0) return undefined;
    bytes[i] = b;
  }
  try {
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}
