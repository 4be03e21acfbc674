/**
 * Invisible characters people paste in from web pages and chat apps: zero-width space/joiners, word joiner, BOM,
 * no-break and other Unicode spaces, soft hyphen. Together with ordinary whitespace they are cut from the edges
 * of every cell (never from the middle, where they may be meant).
 */
const EDGES = /^[\s\u00a0\u00ad\u180e\u2000-\u200f\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]+|[\s\u00a0\u00ad\u180e\u2000-\u200f\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]+$/g;
const PLAIN = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

/** NFC + invisible/blank characters trimmed at both ends. Fast path for plain ASCII, which is most cells. */
export function cleanCellText(s: string): string {
  if (s === '' || PLAIN.test(s)) return s;
  const n = s.normalize('NFC');
  // Only run the trimming expression when an end really is blank (it is slow on long cells otherwise).
  return isEdgeBlank(n.charCodeAt(0)) || isEdgeBlank(n.charCodeAt(n.length - 1)) ? n.replace(EDGES, '') : n;
}

function isEdgeBlank(c: number): boolean {
  return c <= 0x20 || c === 0x85 || c === 0xa0 || c === 0xad || c === 0x180e || (c >= 0x2000 && c <= 0x200f) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x2060 || c === 0x3000 || c === 0xfeff || c === 0x1680;
}

/** A header as one readable line: cleaned, inner line breaks and runs of spaces folded to one space. */
export function cleanHeaderText(s: string): string {
  return cleanCellText(s).replace(/[\s\u00a0]+/g, ' ');
}
