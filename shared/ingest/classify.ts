/**
 * One pass over a cell's characters telling what cleaning it needs, so the common cells (plain ASCII, proper
 * Unicode Vietnamese) cost a loop instead of several regular expressions and an ICU call.
 */

/** Some character is not printable ASCII. */
export const NON_ASCII = 1;
/** An end of the cell is a space or an invisible character: trim it. */
export const EDGE_BLANK = 2;
/** A character NFC may change (combining marks and others beyond Latin and Vietnamese precomposed letters). */
export const NEEDS_NFC = 4;
/** Latin-1 or Windows-1252 signs: the cell may be legacy-font text or mojibake. */
export const LEGACY_SIGNS = 8;
/** Vietnamese letters that no legacy font produces (ă đ ơ ư ạ … or combining tone marks): real Unicode text. */
export const UNICODE_VIETNAMESE = 16;

/**
 * The flags above for one cell. With `nfcDone` (the whole text was normalised already) NEEDS_NFC is not reported
 * and the scan stops at the first letter that proves the cell is Unicode Vietnamese.
 */
export function classifyCell(s: string, nfcDone = false): number {
  const n = s.length;
  if (n === 0) return 0;
  let flags = 0;
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(n - 1);
  if (first <= 0x20 || last <= 0x20) flags |= EDGE_BLANK;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) continue;
    flags |= NON_ASCII;
    if (c < 0x20 || c === 0x7f) continue;
    if (c <= 0xff) {
      flags |= LEGACY_SIGNS;
    } else if (c >= 0x1ea0 && c <= 0x1ef9) {
      flags |= UNICODE_VIETNAMESE;
      if (nfcDone) break;
    } else if (c < 0x300) {
      if (c === 0x102 || c === 0x103 || c === 0x110 || c === 0x111 || c === 0x128 || c === 0x129 || c === 0x168 || c === 0x169 ||
        c === 0x1a0 || c === 0x1a1 || c === 0x1af || c === 0x1b0) flags |= UNICODE_VIETNAMESE;
      else if (c === 0x152 || c === 0x153 || c === 0x160 || c === 0x161 || c === 0x178 || c === 0x17d || c === 0x17e || c === 0x192 || c === 0x2c6 || c === 0x2dc) flags |= LEGACY_SIGNS;
    } else if (c <= 0x36f) {
      flags |= NEEDS_NFC;
      if (c === 0x300 || c === 0x301 || c === 0x303 || c === 0x309 || c === 0x323) flags |= UNICODE_VIETNAMESE;
    } else if (c >= 0x1e00 && c <= 0x1eff) {
      // precomposed Latin letters: already NFC
    } else {
      flags |= NEEDS_NFC;
      if (c >= 0x2013 && c <= 0x2122) flags |= LEGACY_SIGNS;
    }
  }
  if (flags & NON_ASCII && (invisible(first) || invisible(last))) flags |= EDGE_BLANK;
  return nfcDone ? flags & ~NEEDS_NFC : flags;
}

function invisible(c: number): boolean {
  return c === 0xa0 || c === 0xad || c === 0x85 || c === 0x180e || (c >= 0x2000 && c <= 0x200f) || c === 0x2028 ||
    c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x2060 || c === 0x3000 || c === 0xfeff || c === 0x1680;
}
