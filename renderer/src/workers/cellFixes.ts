/**
 * The bulk fixes that rewrite cell text directly (the rest come from the cleaners' own suggestions).
 * Written for Vietnamese: title case keeps diacritics and uses the Vietnamese locale rules.
 */

/** Trims both ends and collapses runs of spaces (including non-breaking ones) to one. */
export function trimCell(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** "nguyễn  VĂN an" → "Nguyễn Văn An". */
export function titleCase(text: string): string {
  return trimCell(text)
    .toLocaleLowerCase('vi')
    .replace(/(^|[\s\-'(])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toLocaleUpperCase('vi'));
}

/**
 * Replaces every occurrence of `find` in `text` ("inside any cell"); returns null when there is none. A shorthand
 * of cellReplacer, which the review screen uses (whole cells by default).
 */
export function replaceAll(text: string, find: string, replacement: string, matchCase: boolean): string | null {
  return cellReplacer(find, replacement, { matchCase, wholeCell: false })?.(text) ?? null;
}

/** How find & replace matches a cell. */
export interface MatchOptions {
  /** Letters must have the same case ("Nam" does not match "nam"). */
  matchCase: boolean;
  /** The cell's whole text (spaces at its ends aside) must be `find`; otherwise any part of the cell may match. */
  wholeCell: boolean;
}

/** Only ASCII characters (always NFC). */
const ASCII = /^[\p{ASCII}]*$/u;

/** Regex syntax characters, escaped so the user's text is matched literally (valid under the `u` flag). */
const SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

/**
 * A function that gives a cell's text after replacing `find` by `replacement`, or null when the cell does not match
 * (so an unmatched cell is never rewritten, not even to normalise it). Null when `find` is blank.
 *
 * Written for Vietnamese text typed in many ways: both sides are compared in NFC, so "Nguyễn" typed with combining
 * marks matches "Nguyễn" typed precomposed; case is ignored with Unicode case folding (Ă/ă, Ư/ư, Đ/đ, Ễ/ễ …) unless
 * `matchCase`; diacritics always count ("Nam" never matches "Năm"), and a match never ends just before a
 * combining mark, so part of a letter is never replaced. With `wholeCell`, spaces at the ends of the cell and of `find` are ignored.
 */
export function cellReplacer(find: string, replacement: string, options: MatchOptions): ((text: string) => string | null) | null {
  const needle = find.normalize('NFC');
  if (!needle.trim()) return null;
  // A whole cell is compared without the spaces at its ends, on both sides.
  const literal = (options.wholeCell ? needle.trim() : needle).replace(SYNTAX, '\\$&');
  const flags = options.matchCase ? 'u' : 'iu';
  const pattern = options.wholeCell
    ? new RegExp(`^[\\s\\u00a0]*${literal}[\\s\\u00a0]*$`, flags)
    : new RegExp(`${literal}(?!\\p{M})`, `g${flags}`);
  const value = replacement.normalize('NFC');
  // Cheap rejections before the regex (which, case-insensitive over Unicode, costs most of the time): a whole cell
  // must have the length of `find` once trimmed (simple case folding keeps lengths); and ASCII text cannot contain
  // an ASCII `find` that its lower case does not contain.
  const wholeLength = needle.trim().length;
  const asciiNeedle = ASCII.test(needle) ? (options.matchCase ? needle : needle.toLowerCase()) : null;
  return (text) => {
    if (!text) return null;
    const ascii = ASCII.test(text);
    // ASCII text (phones, emails, numbers: most cells) is NFC already; normalising it would only cost a copy.
    const nfc = ascii ? text : text.normalize('NFC');
    if (options.wholeCell && nfc.trim().length !== wholeLength) return null;
    if (!options.wholeCell && ascii && asciiNeedle !== null && !(options.matchCase ? text : text.toLowerCase()).includes(asciiNeedle)) return null;
    pattern.lastIndex = 0;
    if (!pattern.test(nfc)) return null;
    if (options.wholeCell) return value;
    pattern.lastIndex = 0;
    return nfc.replace(pattern, () => value);
  };
}
