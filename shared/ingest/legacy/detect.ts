import type { ColumnConversion } from '../types';
import { decodeMojibake1252 } from './mojibake';
import { decodeTcvn3 } from './tcvn3';
import { decodeTcvn3Cell } from './tcvn3-capitals';
import { decodeVni } from './vni';
import { vietnameseReading } from './syllable';

export type LegacyEncoding = ColumnConversion['encoding'];

/** Characters that only show up in legacy-encoded or mis-read text: Latin-1 signs and the Windows-1252 extras. */
const HIGH = /[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]/;

/**
 * Reads one cell's text as legacy Vietnamese: returns the encoding and the Unicode text (NFC) when the cell does not
 * read as Vietnamese as it is but does after decoding it as mis-read UTF-8, TCVN3 or VNI, or as TCVN3 typed with a
 * capital font (.VnTimeH, reported as `tcvn3`: same code table); otherwise undefined.
 * `prefer` breaks a tie when both TCVN3 and VNI give Vietnamese (the column's usual encoding).
 */
export function decodeLegacyCell(text: string, prefer?: LegacyEncoding): { encoding: LegacyEncoding; text: string } | undefined {
  if (!HIGH.test(text)) return undefined;
  // Columns repeat values (cities, job titles, groups): remember the answers for recent texts.
  const key = prefer ? prefer + '\u0000' + text : text;
  const known = memo.get(key);
  if (known !== undefined) return known === null ? undefined : known;
  const found = decodeUncached(text, prefer);
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(key, found ?? null);
  return found;
}

const MEMO_MAX = 20_000;
const memo = new Map<string, { encoding: LegacyEncoding; text: string } | null>();

function decodeUncached(text: string, prefer?: LegacyEncoding): { encoding: LegacyEncoding; text: string } | undefined {
  if (vietnameseReading(text.normalize('NFC')).valid) return undefined;
  const moji = decodeMojibake1252(text);
  if (moji !== undefined) {
    const m = moji.normalize('NFC');
    if (vietnameseReading(m).valid) return { encoding: 'mojibake-1252', text: m };
  }
  // TCVN3 typed for a capital font (.VnTimeH) comes out in capitals: see tcvn3-capitals.
  const tcvn = readsAsVietnamese(fitsLegacy(text) ? decodeTcvn3Cell(text) : decodeTcvn3(text));
  const vni = readsAsVietnamese(decodeVni(text));
  if (tcvn !== undefined && vni !== undefined) {
    return prefer === 'vni' ? { encoding: 'vni', text: vni } : { encoding: 'tcvn3', text: tcvn };
  }
  if (tcvn !== undefined) return { encoding: 'tcvn3', text: tcvn };
  if (vni !== undefined) return { encoding: 'vni', text: vni };
  return undefined;
}

/**
 * Decodes with a known encoding (the column's): for cells that read as Vietnamese both as they are and decoded
 * (`Nhãm` is a word, and TCVN3 for "Nhóm"), which only the rest of the column can settle.
 */
export function decodeAs(encoding: LegacyEncoding, text: string): string | undefined {
  if (encoding === 'mojibake-1252') {
    const m = decodeMojibake1252(text);
    return m === undefined ? undefined : readsAsVietnamese(m);
  }
  const decoded = readsAsVietnamese(encoding === 'vni' ? decodeVni(text) : fitsLegacy(text) ? decodeTcvn3Cell(text) : decodeTcvn3(text));
  return decoded !== undefined && decoded !== text.normalize('NFC') ? decoded : undefined;
}

/** Only Latin-1 and Windows-1252 characters beyond ASCII: text that a legacy font could have produced. */
// eslint-disable-next-line no-control-regex
const LEGACY_ONLY = /^[\x00-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]*$/;
/** Could this text be legacy-font text (no character outside what Windows-1252 can show)? */
export function fitsLegacy(text: string): boolean {
  return LEGACY_ONLY.test(text);
}

function readsAsVietnamese(decoded: string): string | undefined {
  const nfc = decoded.normalize('NFC');
  const r = vietnameseReading(nfc);
  return r.valid && r.nonAsciiWords > 0 ? nfc : undefined;
}

/** Cheap test: could this cell be legacy text at all? (Most cells are plain ASCII or proper Unicode.) */
export function mayBeLegacy(text: string): boolean {
  return HIGH.test(text);
}
