import { decodeTcvn3 } from './tcvn3';

/**
 * TCVN3 text typed with a capital ("H", hoa) font — .VnTimeH, .VnArialH …: one byte per letter left no room in
 * TCVN3 for most toned capitals, so titles and names in capitals were typed with the lowercase codes and a font that
 * draws every letter as a capital. Through Windows-1252 such a cell shows `NGUYÔN V¨N NAM` for "NGUYỄN VĂN NAM":
 * ASCII capitals (Shift / Caps Lock) around lowercase TCVN3 codes. As the .VnTimeH family draws English letters as
 * capitals too, the Unicode text is the TCVN3 decoding in capitals. NFC.
 */
export function decodeTcvn3Capitals(s: string): string {
  return decodeTcvn3(s).normalize('NFC').toUpperCase();
}

const LETTERS = /\p{L}+/gu;

/**
 * Was this TCVN3 cell typed for a capital font? Its ASCII letters are all capitals while some TCVN3 code decodes to a
 * lowercase letter, and the decoded text shows capitals that a regular .VnTime font would have mixed with lowercase:
 * a word of two or more capitals ("Hå THU AN" → "Hồ THU AN") or a lowercase letter inside capitals ("NGUYÔN" →
 * "NGUYễN"). A cell such as "Hå" alone ("Hồ" or "HỒ") stays with the regular font: its column would have to say.
 */
export function typedForCapitals(s: string): boolean {
  if (/[a-z]/.test(s) || !/[A-Z]/.test(s)) return false;
  const decoded = decodeTcvn3(s).normalize('NFC');
  if (decoded === decoded.toUpperCase()) return false;
  for (const m of decoded.matchAll(LETTERS)) {
    const w = m[0];
    if (w.length >= 2 && w === w.toUpperCase()) return true;
    if (/\p{Ll}\p{Lu}|\p{Lu}{2}\p{Ll}/u.test(w)) return true;
  }
  return false;
}

/** A TCVN3 cell in Unicode (NFC): in capitals when it was typed for a capital font, otherwise as the regular font shows it. */
export function decodeTcvn3Cell(s: string): string {
  return typedForCapitals(s) ? decodeTcvn3Capitals(s) : decodeTcvn3(s).normalize('NFC');
}
