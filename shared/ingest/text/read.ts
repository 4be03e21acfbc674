import Papa from 'papaparse';
import { ROW_SLACK } from '../sheet/read';
import type { SourceSheet } from '../source';
import type { Workbook } from '../types';

/**
 * Parses decoded text (csv, tsv, "Unicode text") with papaparse into one sheet. The delimiter is guessed among
 * `,` `;` tab `|` unless the format fixes it (tsv). Quoted fields may hold delimiters, quotes and line breaks.
 * Parsing stops after the row limit + slack so an enormous file costs bounded memory.
 */
export function readDelimitedText(text: string, sheetName: string, format: Workbook['format'], maxRows: number): SourceSheet {
  const preview = maxRows + ROW_SLACK + 1;
  const result = Papa.parse<string[]>(text, {
    delimiter: format === 'tsv' ? '\t' : '',
    delimitersToGuess: [',', ';', '\t', '|'],
    preview,
    skipEmptyLines: false,
  });
  const data = result.data;
  const notes: SourceSheet['notes'] = [];
  const quoteErrors = result.errors.filter((e) => e.type === 'Quotes');
  if (quoteErrors.length > 0) {
    const row = (quoteErrors[0].row ?? 0) + 1;
    notes.push({
      vi: `Có dấu ngoặc kép (") chưa đóng từ dòng ${row}; phần còn lại của dòng đó được đọc như một ô. Hãy kiểm tra dòng này trong tệp.`,
      en: `A quote (") opened at row ${row} is never closed; the rest of that row was read as one cell. Check that row in the file.`,
    });
  }
  return {
    name: sheetName,
    hidden: false,
    height: data.length,
    row: (r) => (data[r] ? { texts: data[r] } : undefined),
    merges: [],
    truncated: data.length >= preview && result.meta.truncated !== false,
    notes,
  };
}
