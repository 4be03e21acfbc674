import { decodeCp1252 } from '../legacy/cp1252';
import { decodeLegacyCell } from '../legacy/detect';
import { vietnameseReading } from '../legacy/syllable';
import { utf16WithoutBom } from '../sniff';

/** Text of a file and the encoding it was read with (as shown to the user). */
export interface DecodedText {
  text: string;
  encoding: string;
}

/**
 * Bytes of a csv/tsv/txt file → text. Order: a BOM decides (UTF-8, UTF-16LE/BE); UTF-16 without BOM by its NUL
 * pattern; then strict UTF-8; otherwise the file came from a Vietnamese Windows "CSV" save, which is Windows-1258
 * (decomposed tone marks, hence NFC later), unless its words read as Vietnamese only through TCVN3/VNI fonts, in
 * which case it is kept as Windows-1252 characters so the per-column legacy conversion can decode it.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: utf8(bytes.subarray(3), false), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const u16 = utf16WithoutBom(bytes);
  if (u16) return { text: new TextDecoder(u16).decode(bytes), encoding: u16 };
  try {
    return { text: utf8(bytes, true), encoding: 'utf-8' };
  } catch {
    // not UTF-8: one of the Windows code pages
  }
  if (codePageOf(bytes) === 'windows-1252') return { text: decodeCp1252(bytes), encoding: 'windows-1252' };
  return { text: new TextDecoder('windows-1258').decode(bytes), encoding: 'windows-1258' };
}

/**
 * The Windows code page of a text file that is not UTF-8 or UTF-16, judged on its first 256 KB: Windows-1258 (what
 * a Vietnamese Windows "CSV" save writes), unless more of its fields read as Vietnamese only through TCVN3/VNI
 * fonts, in which case Windows-1252 (its characters are then what the per-column legacy conversion decodes).
 */
export function codePageOf(bytes: Uint8Array): 'windows-1258' | 'windows-1252' {
  const sample = bytes.subarray(0, 256 * 1024);
  const as1258 = new TextDecoder('windows-1258').decode(sample).normalize('NFC');
  const as1252 = decodeCp1252(sample);
  return legacyWords(as1252) > vietnameseWords(as1258) ? 'windows-1252' : 'windows-1258';
}

function utf8(bytes: Uint8Array, fatal: boolean): string {
  return new TextDecoder('utf-8', { fatal, ignoreBOM: true }).decode(bytes);
}

const FIELD = /[^\n\r,;\t|"]+/g;

/** Fields of the sample that read as Vietnamese once decoded from TCVN3/VNI. */
function legacyWords(text: string): number {
  let n = 0;
  for (const m of text.matchAll(FIELD)) if (decodeLegacyCell(m[0]) && decodeLegacyCell(m[0])?.encoding !== 'mojibake-1252') n++;
  return n;
}

/** Fields of the sample that read as Vietnamese as they are and have non-ASCII letters. */
function vietnameseWords(text: string): number {
  let n = 0;
  for (const m of text.matchAll(FIELD)) {
    const r = vietnameseReading(m[0]);
    if (r.valid && r.nonAsciiWords > 0) n++;
  }
  return n;
}
