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

/** Replaces every occurrence of `find` in `text`; returns null when there is none. */
export function replaceAll(text: string, find: string, replacement: string, matchCase: boolean): string | null {
  if (!find) return null;
  if (matchCase) return text.includes(find) ? text.split(find).join(replacement) : null;
  const lower = text.toLocaleLowerCase('vi');
  const needle = find.toLocaleLowerCase('vi');
  if (!lower.includes(needle)) return null;
  let out = '';
  let at = 0;
  for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, at)) {
    out += text.slice(at, i) + replacement;
    at = i + needle.length;
  }
  return out + text.slice(at);
}
