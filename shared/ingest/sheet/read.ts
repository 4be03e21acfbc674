import { read, utils } from '@e965/xlsx';
import type { CellObject, WorkBook } from '@e965/xlsx';
import { ingestErrors } from '../errors';
import type { SourceSheet } from '../source';
import { sheetRow } from './cell';

/** Rows read beyond the row limit, for title rows above the header and blank rows. */
export const ROW_SLACK = 50;

/** A workbook read by SheetJS into our sheet shape. */
export interface SpreadsheetRead {
  sheets: SourceSheet[];
  date1904: boolean;
}

/**
 * Parses an xlsx/xlsm/xlsb/xls/ods file with SheetJS in dense mode, reading at most `maxRows` + slack rows per sheet
 * (so a million-row sheet costs bounded memory) and without the HTML/style work the UI never uses.
 */
export function readSpreadsheet(bytes: Uint8Array, file: string, maxRows: number): SpreadsheetRead {
  const sheetRows = maxRows + ROW_SLACK + 1;
  let wb: WorkBook;
  try {
    wb = read(bytes, { type: 'array', dense: true, cellNF: true, cellHTML: false, cellStyles: false, sheetRows, WTF: false });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(msg)) throw ingestErrors.passwordProtected(file);
    throw ingestErrors.corrupt(file, { vi: `lỗi khi đọc nội dung (${msg.slice(0, 120)})`, en: `its contents could not be parsed (${msg.slice(0, 120)})` });
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const sheets = wb.SheetNames.map((name, i): SourceSheet => {
    const ws = wb.Sheets[name];
    const data = ((ws?.['!data'] as (CellObject | undefined)[][] | undefined) ?? []);
    const full = ws?.['!fullref'] ?? ws?.['!ref'];
    const fullRows = full ? utils.decode_range(full).e.r + 1 : 0;
    const hiddenFlag = wb.Workbook?.Sheets?.[i]?.Hidden;
    return {
      name,
      hidden: hiddenFlag === 1 || hiddenFlag === 2,
      height: data.length,
      row: (r) => sheetRow(data[r], date1904),
      merges: (ws?.['!merges'] ?? []).map((m) => ({ s: { r: m.s.r, c: m.s.c }, e: { r: m.e.r, c: m.e.c } })),
      truncated: data.length >= sheetRows && fullRows > sheetRows,
      notes: [],
    };
  });
  return { sheets, date1904 };
}
