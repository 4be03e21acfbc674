/**
 * How the sandbox's search compares text: names without case or diacritics, phones by their subscriber digits.
 * Shared by the search itself and by the store's search index, so both fold the same way.
 */

/** Lower case without diacritics, đ → d, runs of spaces collapsed: "  Nguyễn  Đức " → "nguyen duc". */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The subscriber part of a Vietnamese-style phone number: digits only, without a leading 0, 84 or +84, so that
 * "+84 912 345 678", "0912345678" and "84912345678" all become "912345678".
 */
export function phoneCore(s: string): string {
  let d = s.replace(/\D/g, '');
  if (d.startsWith('84') && d.length >= 11) d = d.slice(2);
  else if (d.startsWith('0')) d = d.replace(/^0+/, '');
  return d;
}
