/**
 * Comparing Vietnamese text the way people read it. Two levels:
 * - `foldKey`: ignores case, spacing, punctuation and every diacritic (đ → d) — for matching headers,
 *   option labels and status names typed without accents ("Gioi tinh" = "Giới tính").
 * - `toneKey`: ignores case, spacing and only *where* the tone mark sits, so the old and new spelling
 *   rules compare equal (hoà = hòa, thuỷ = thủy, khoẻ = khỏe) while hoa ≠ hòa stays true.
 */

const COMBINING = /[\u0300-\u036f]/g;
// The five Vietnamese tone marks as combining characters: grave, acute, tilde, hook above, dot below.
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
const TONE_ONE = /[\u0300\u0301\u0303\u0309\u0323]/;

const memo = new Map<string, string>();

/** Lowercase, no diacritics, đ → d, punctuation as spaces, single spaces, trimmed. */
export function foldKey(text: string): string {
  // Short values repeat across rows (tags, genders, options, statuses): remember them, within a bound.
  if (text.length <= 40) {
    const hit = memo.get(text);
    if (hit !== undefined) return hit;
    const k = fold(text);
    if (memo.size >= 20_000) memo.clear();
    memo.set(text, k);
    return k;
  }
  return fold(text);
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Lowercase, NFC, single spaces, and each word's tone mark moved to the end of the word. */
export function toneKey(text: string): string {
  const words = text.normalize('NFD').toLowerCase().trim().split(/\s+/);
  return words
    .map((w) => {
      const tone = TONE_ONE.exec(w)?.[0] ?? '';
      return (w.replace(TONES, '') + (tone ? `#${tone.codePointAt(0)!.toString(16)}` : '')).normalize('NFC');
    })
    .join(' ');
}

/** Same Vietnamese words, whatever the tone-placement rule or case (hoà = Hòa). */
export function sameVietnamese(a: string, b: string): boolean {
  return toneKey(a) === toneKey(b);
}

/** Same text once accents, case and punctuation are ignored ("Sự kiện" = "su kien"). */
export function sameLoose(a: string, b: string): boolean {
  return foldKey(a) === foldKey(b);
}
