import { cp1252Char } from '../legacy/cp1252';

/**
 * Reading a file one character per byte ("byte text": U+0000–U+00FF, each char a byte). Delimiters, quotes and line
 * breaks are ASCII, and neither UTF-8 nor a single-byte code page uses ASCII bytes inside a letter, so papaparse
 * splits byte text exactly as it would the decoded text; only the cells with bytes beyond ASCII are then decoded.
 * Plain ASCII cells stay compact one-byte strings (decoded UTF-8 text with one Vietnamese letter is two bytes a
 * character throughout), which is what keeps a million-row file under its memory target.
 */

/** Widened bytes for byteText (reused: one chunk at a time). */
let wide = new Uint16Array(0);
const utf16 = new TextDecoder('utf-16le');

/**
 * Bytes → byte text. Through UTF-16: V8 stores a string whose characters all fit in a byte as one byte a character,
 * and TextDecoder's Latin-1 ("windows-1252" in Node) is several times slower. Chunks must stay under ~1M bytes:
 * Node hands longer UTF-16 results out as external two-byte strings.
 */
export function byteText(bytes: Uint8Array): string {
  if (wide.length < bytes.length) wide = new Uint16Array(bytes.length);
  const w = wide.subarray(0, bytes.length);
  w.set(bytes);
  return utf16.decode(w);
}

/** Thrown by a strict UTF-8 cell decoder on bytes UTF-8 forbids; nothing else may be taken for it. */
export class NotUtf8 extends Error {}

let units = new Uint16Array(256);
/** Cells longer than this are decoded another way (String.fromCharCode.apply takes only so many arguments). */
const LONG = 4096;

/**
 * Byte text of one cell → its UTF-8 text. Valid UTF-8 is decoded here (one call a cell is far cheaper than a
 * TextDecoder call); anything else goes to TextDecoder, which throws NotUtf8 (`strict`) or puts U+FFFD where the
 * encoding standard says, exactly as a decoder of the whole file would (a byte sequence never spans a delimiter).
 */
export function utf8Cell(s: string, strict: boolean): string {
  const n = s.length;
  if (n > LONG) return byWholeDecoder(s, strict);
  if (units.length < n) units = new Uint16Array(n * 2);
  const u = units;
  let k = 0;
  for (let i = 0; i < n; ) {
    const b = s.charCodeAt(i);
    if (b < 0x80) {
      u[k++] = b;
      i++;
      continue;
    }
    const b1 = i + 1 < n ? s.charCodeAt(i + 1) : 0;
    if (b >= 0xc2 && b <= 0xdf && (b1 & 0xc0) === 0x80) {
      u[k++] = ((b & 0x1f) << 6) | (b1 & 0x3f);
      i += 2;
      continue;
    }
    const b2 = i + 2 < n ? s.charCodeAt(i + 2) : 0;
    if (b >= 0xe0 && b <= 0xef && (b1 & 0xc0) === 0x80 && (b2 & 0xc0) === 0x80 && !(b === 0xe0 && b1 < 0xa0) && !(b === 0xed && b1 > 0x9f)) {
      u[k++] = ((b & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
      i += 3;
      continue;
    }
    const b3 = i + 3 < n ? s.charCodeAt(i + 3) : 0;
    if (b >= 0xf0 && b <= 0xf4 && (b1 & 0xc0) === 0x80 && (b2 & 0xc0) === 0x80 && (b3 & 0xc0) === 0x80 && !(b === 0xf0 && b1 < 0x90) && !(b === 0xf4 && b1 > 0x8f)) {
      const cp = (((b & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f)) - 0x10000;
      u[k++] = 0xd800 + (cp >> 10);
      u[k++] = 0xdc00 + (cp & 0x3ff);
      i += 4;
      continue;
    }
    return byWholeDecoder(s, strict);
  }
  return String.fromCharCode.apply(null, u.subarray(0, k) as unknown as number[]);
}

const lenient = new TextDecoder('utf-8', { ignoreBOM: true });
const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function byWholeDecoder(s: string, strict: boolean): string {
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  if (!strict) return lenient.decode(bytes);
  try {
    return fatal.decode(bytes);
  } catch {
    throw new NotUtf8();
  }
}

/** The characters a single-byte code page gives bytes 0–255, as TextDecoder (or decodeCp1252) reads them. */
export function codePageTable(page: 'windows-1258' | 'windows-1252'): string {
  if (page === 'windows-1252') return Array.from({ length: 256 }, (_, b) => cp1252Char(b)).join('');
  const dec = new TextDecoder('windows-1258');
  return Array.from({ length: 256 }, (_, b) => dec.decode(new Uint8Array([b]))).join('');
}

/** Byte text of one cell → its text in a single-byte code page (`table` from codePageTable). */
export function codePageCell(s: string, table: string): string {
  const n = s.length;
  if (n > LONG) return codePageCell(s.slice(0, LONG), table) + codePageCell(s.slice(LONG), table);
  if (units.length < n) units = new Uint16Array(n * 2);
  const u = units;
  for (let i = 0; i < n; i++) u[i] = table.charCodeAt(s.charCodeAt(i));
  return String.fromCharCode.apply(null, u.subarray(0, n) as unknown as number[]);
}
