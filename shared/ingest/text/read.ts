import Papa from 'papaparse';
import { GUESS_CHARS, guessDelimiter } from './delimiter';
import { ROW_SLACK } from '../sheet/read';
import { rowWidth, type SourceRow, type SourceSheet } from '../source';
import type { Workbook } from '../types';

/** Combining marks, Hangul jamo and the few singletons that NFC rewrites; text without them is NFC already. */
// eslint-disable-next-line no-misleading-character-class -- the class lists combining marks on purpose
export const NFC_SENSITIVE = /[\u0300-\u036f\u0340\u0341\u0343\u0344\u0374\u037e\u0387\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0900-\u0dff\u0e31-\u0e4e\u1100-\u11ff\u1ab0-\u1aff\u1dc0-\u1dff\u1f00-\u1fff\u2000\u2001\u20d0-\u20ff\u2126\u212a\u212b\u2329\u232a\u3099\u309a\uac00-\ud7a3\uf900-\ufaff\ufb1d-\ufb4e\ufe20-\ufe2f]/;

/**
 * Parses decoded text (csv, tsv, "Unicode text") with papaparse into one sheet. The delimiter is guessed among
 * `,` `;` tab `|` unless the format fixes it (tsv). Quoted fields may hold delimiters, quotes and line breaks.
 * Parsing stops after the row limit + slack so an enormous file costs bounded memory.
 */
export function readDelimitedText(text: string, sheetName: string, format: Workbook['format'], maxRows: number): SourceSheet {
  const preview = maxRows + ROW_SLACK + 1;
  // One scan of the whole text for characters NFC could change (Windows-1258's separate tone marks, mostly);
  // only then is it normalised, once, instead of cell by cell.
  const nfc = NFC_SENSITIVE.test(text) ? text.normalize('NFC') : text;
  const result = Papa.parse<string[]>(nfc, {
    delimiter: format === 'tsv' ? '\t' : guessDelimiter(nfc.slice(0, GUESS_CHARS)),
    preview,
    skipEmptyLines: false,
  });
  const quoteErrors = result.errors.filter((e) => e.type === 'Quotes');
  const truncated = result.data.length >= preview && result.meta.truncated !== false;
  return delimitedSheet(result.data, sheetName, quoteErrors.length > 0 ? quoteErrors[0].row ?? 0 : -1, truncated);
}

/** Columns below this index have a bit in `TextSourceRow.unsettled`. */
export const MASKED_COLUMNS = 30;

/** Cells up to this length in a column with few distinct values share one string per value (see buildTable). */
export const POOL_CELL_CHARS = 24;
/** Distinct values beyond which a column stops sharing strings (it is not a category column). */
export const POOL_MAX = 256;

/** A row of a text file with what the reader already knows about its cells (all fields present or all absent). */
export interface TextSourceRow extends SourceRow {
  /**
   * Bit c (c < MASKED_COLUMNS) clear: cell c is settled — NFC, no blank at its edges, no Latin-1 sign that could
   * make it legacy-font text (so plain ASCII, or Unicode Vietnamese, or other Unicode text), and already shared
   * with equal short cells of its column: cleaning would not change it. Set: the table builder must look at it.
   * Columns from MASKED_COLUMNS on are always looked at.
   */
  unsettled?: number;
  /** Bit c set: settled cell c holds Vietnamese letters no legacy font produces (its column is real Unicode). */
  unicode?: number;
  /**
   * Bit c set: settled cell c reads as Vietnamese as it is but could also be legacy-font text (`Nhãm`): kept for
   * the column's verdict while the column shows no real Unicode.
   */
  ambiguous?: number;
  /** Length of the longest cell of the row (the per-cell limit is checked cell by cell only when this exceeds it). */
  longest?: number;
}

/** What the reader measured per row (see TextSourceRow), for delimitedSheet. */
export interface RowFacts {
  unsettled: Int32Array;
  unicode: Int32Array;
  ambiguous: Int32Array;
  longest: Int32Array;
  /** rowWidth of each row. */
  widths: Int32Array;
}

/**
 * Parsed rows of a text file as a sheet; `quoteRow` is the 0-based row where an unclosed quote opened (-1: none).
 * `facts` (see TextSourceRow) let the table builder skip the cells the reader has settled.
 */
export function delimitedSheet(data: string[][], sheetName: string, quoteRow: number, truncated: boolean, facts?: RowFacts): SourceSheet {
  const notes: SourceSheet['notes'] = [];
  if (quoteRow >= 0) {
    const row = quoteRow + 1;
    notes.push({
      vi: `Có dấu ngoặc kép (") chưa đóng từ dòng ${row}; phần còn lại của dòng đó được đọc như một ô. Hãy kiểm tra dòng này trong tệp.`,
      en: `A quote (") opened at row ${row} is never closed; the rest of that row was read as one cell. Check that row in the file.`,
    });
  }
  let widths = facts?.widths;
  if (!widths) {
    widths = new Int32Array(data.length);
    for (let r = 0; r < data.length; r++) widths[r] = rowWidth({ texts: data[r] });
  }
  return {
    nfc: true,
    widths,
    name: sheetName,
    hidden: false,
    height: data.length,
    row: (r): TextSourceRow | undefined =>
      data[r] ? (facts ? { texts: data[r], unsettled: facts.unsettled[r], unicode: facts.unicode[r], ambiguous: facts.ambiguous[r], longest: facts.longest[r] } : { texts: data[r] }) : undefined,
    merges: [],
    truncated,
    notes,
  };
}
