/**
 * Is a word a possible Vietnamese syllable? Used to tell legacy-encoded text from real Unicode Vietnamese:
 * `NguyÔn` read literally is "nguyôn" (no such syllable), decoded as TCVN3 it is "Nguyễn" (a syllable).
 * Deliberately a little loose (it does not check which finals go with which vowels): it only has to reject
 * the letter soup that a wrong encoding produces.
 */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const NUCLEI = [
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iu', 'oa', 'oă', 'oe', 'oi', 'oo', 'ôi', 'ơi',
  'ua', 'uâ', 'uê', 'ui', 'uô', 'uơ', 'uy', 'ưa', 'ưi', 'ưu', 'ươ', 'iê', 'yê',
  'iêu', 'yêu', 'oai', 'oay', 'oao', 'oeo', 'uây', 'uôi', 'ươi', 'ươu', 'uya', 'uyê', 'uyu',
];
const SYLLABLE = new RegExp(
  `^(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?(?:${NUCLEI.sort((a, b) => b.length - a.length).join('|')})(?:ch|ng|nh|[cmnpt])?$`,
);
/** "gi" + final with no other vowel (gì, gìn) is a syllable too. */
const GI_ONLY = /^gi(?:ch|ng|nh|[cmnpt])?$/;

/** True when `word` (letters only) can be a Vietnamese syllable, tone mark included. */
export function isVietnameseSyllable(word: string): boolean {
  const nfd = word.toLowerCase().normalize('NFD');
  const tones = nfd.match(TONE_MARKS);
  if (tones && tones.length > 1) return false;
  const bare = nfd.replace(TONE_MARKS, '').normalize('NFC');
  return SYLLABLE.test(bare) || GI_ONLY.test(bare);
}

/** Latin-1 letters that Vietnamese uses; any other character in U+0080–U+00FF is foreign to Vietnamese text. */
const VIETNAMESE_LATIN1 = new Set('ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý');

const WORD = /[\p{L}\p{M}]+/gu;
// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

/** How a piece of text reads as Vietnamese: `valid` = every non-ASCII word is a syllable and no foreign Latin-1 sign. */
export function vietnameseReading(s: string): { valid: boolean; nonAsciiWords: number } {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80 && c <= 0xff && !VIETNAMESE_LATIN1.has(s[i])) return { valid: false, nonAsciiWords: 0 };
    if (c >= 0x2000 && c <= 0x2122) return { valid: false, nonAsciiWords: 0 };
  }
  let nonAsciiWords = 0;
  for (const m of s.matchAll(WORD)) {
    if (ASCII.test(m[0])) continue;
    nonAsciiWords++;
    if (!isVietnameseSyllable(m[0]) || !caseConsistent(m[0])) return { valid: false, nonAsciiWords };
  }
  return { valid: true, nonAsciiWords };
}

/** lower, UPPER or Capitalised: a wrong decoding tends to put a capital inside a word ("NhÃm"). */
function caseConsistent(w: string): boolean {
  const rest = w.slice(1);
  return rest === rest.toLowerCase() || w === w.toUpperCase();
}
