import * as XLSX from '@e965/xlsx';
import type { CellObject, ParsingOptions, WorkBook } from '@e965/xlsx';
import type { ZipEntry } from '../zip-guard';
import { crc32 } from '../crc32';
import { ingestErrors } from '../errors';
import { UserError } from '../../text';
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
export function readSpreadsheet(bytes: Uint8Array, file: string, maxRows: number, zipEntries?: ZipEntry[]): SpreadsheetRead {
  const sheetRows = maxRows + ROW_SLACK + 1;
  const opts: ParsingOptions = { type: 'array', dense: true, cellNF: true, cellHTML: false, cellStyles: false, sheetRows, WTF: false };
  let wb: WorkBook;
  try {
    wb = zipEntries ? readZipWorkbook(bytes, file, zipEntries, opts) : XLSX.read(bytes, opts);
  } catch (e) {
    if (e instanceof UserError) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(msg)) throw ingestErrors.passwordProtected(file);
    throw ingestErrors.corrupt(file, { vi: `lỗi khi đọc nội dung (${msg.slice(0, 120)})`, en: `its contents could not be parsed (${msg.slice(0, 120)})` });
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const sheets = wb.SheetNames.map((name, i): SourceSheet => {
    const ws = wb.Sheets[name];
    const data = ((ws?.['!data'] as (CellObject | undefined)[][] | undefined) ?? []);
    const full = ws?.['!fullref'] ?? ws?.['!ref'];
    const fullRows = full ? XLSX.utils.decode_range(full).e.r + 1 : 0;
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

/** SheetJS's zip reader and workbook parser, exported by the library but not in its type declarations. */
interface ZipFile {
  FullPaths: string[];
  FileIndex: { name: string; type: number; content: Uint8Array | number[] }[];
}
const sheetjs = XLSX as unknown as { parse_zip(zip: ZipFile, opts: ParsingOptions): WorkBook };

/**
 * Unzips with SheetJS, checks each entry's size and CRC-32 against the zip directory (SheetJS checks neither, so
 * damaged data would otherwise be parsed as whatever it inflates to and rows silently lost), then parses it.
 */
function readZipWorkbook(bytes: Uint8Array, file: string, entries: ZipEntry[], opts: ParsingOptions): WorkBook {
  const zip = XLSX.CFB.read(bytes, { type: 'buffer' }) as unknown as ZipFile;
  const declared = new Map(entries.map((e) => [e.name.replace(/^\//, ''), e]));
  zip.FullPaths.forEach((path, i) => {
    const entry = zip.FileIndex[i];
    if (entry.type !== 2) return;
    const name = path.replace(/^Root Entry\//, '').replace(/^\//, '');
    const want = declared.get(name);
    if (want && (entry.content.length !== want.uncompressedSize || crc32(entry.content) !== want.crc)) {
      throw ingestErrors.corrupt(file, {
        vi: `phần "${name}" bên trong tệp bị hỏng (sai mã kiểm tra)`,
        en: `its part "${name}" is damaged (checksum mismatch)`,
      });
    }
  });
  return sheetjs.parse_zip(zip, opts);
}
