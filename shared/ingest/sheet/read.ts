import * as XLSX from '@e965/xlsx';
import type { CellObject, ParsingOptions, WorkBook } from '@e965/xlsx';
import { inflateEntry, type ZipEntry } from '../zip-guard';
import { crc32 } from '../crc32';
import { ingestErrors } from '../errors';
import { UserError } from '../../text';
import type { SourceSheet } from '../source';
import { sheetRow } from './cell';
import { cutSharedStringsXml, cutWorksheetXml, sharedStringsUsed } from './preview-cut';

/** Rows read beyond the row limit, for title rows above the header and blank rows. */
export const ROW_SLACK = 50;

/** A workbook read by SheetJS into our sheet shape. */
export interface SpreadsheetRead {
  sheets: SourceSheet[];
  date1904: boolean;
  /** Only a preview was read (`previewRows`) and some sheet has more rows than it. */
  partial: boolean;
}

/**
 * Parses an xlsx/xlsm/xlsb/xls/ods file with SheetJS in dense mode, reading at most `maxRows` + slack rows per sheet
 * (so a million-row sheet costs bounded memory) and without the HTML/style work the UI never uses.
 * With `previewRows`, reads only that many rows per sheet (xlsx/xlsm sheets are cut before parsing, see preview-cut).
 * `zipEntries` (from inspectZip) for the zip formats; `maxUnzipped` is the unpacked size limit the errors name.
 */
export function readSpreadsheet(bytes: Uint8Array, file: string, maxRows: number, zipEntries?: ZipEntry[], previewRows?: number, maxUnzipped = Infinity): SpreadsheetRead {
  const sheetRows = previewRows ?? maxRows + ROW_SLACK + 1;
  const opts: ParsingOptions = { type: 'array', dense: true, cellNF: true, cellHTML: false, cellStyles: false, sheetRows, WTF: false };
  let wb: WorkBook;
  let cut = false;
  try {
    if (zipEntries) ({ wb, cut } = readZipWorkbook(file, zipEntries, maxUnzipped, opts, previewRows));
    else wb = XLSX.read(bytes, opts);
  } catch (e) {
    if (e instanceof UserError) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(msg)) throw ingestErrors.passwordProtected(file);
    throw ingestErrors.corrupt(file, { vi: `lỗi khi đọc nội dung (${msg.slice(0, 120)})`, en: `its contents could not be parsed (${msg.slice(0, 120)})` });
  }
  return sourceSheets(wb, sheetRows, previewRows, cut);
}

/**
 * The sheets of a workbook SheetJS parsed (dense, at most `sheetRows` rows a sheet) in our sheet shape.
 * `cut`: parts were already cut for a preview, so the read is partial whatever the row counts say.
 */
export function sourceSheets(wb: WorkBook, sheetRows: number, previewRows: number | undefined, cut = false): SpreadsheetRead {
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  let partial = cut;
  const sheets = wb.SheetNames.map((name, i): SourceSheet => {
    const ws = wb.Sheets[name];
    const data = ((ws?.['!data'] as (CellObject | undefined)[][] | undefined) ?? []);
    const full = ws?.['!fullref'] ?? ws?.['!ref'];
    const fullRows = full ? XLSX.utils.decode_range(full).e.r + 1 : 0;
    const hiddenFlag = wb.Workbook?.Sheets?.[i]?.Hidden;
    if (previewRows !== undefined && data.length >= sheetRows) partial = true;
    return {
      name,
      hidden: hiddenFlag === 1 || hiddenFlag === 2,
      height: data.length,
      row: (r) => sheetRow(data[r], date1904),
      merges: (ws?.['!merges'] ?? []).map((m) => ({ s: { r: m.s.r, c: m.s.c }, e: { r: m.e.r, c: m.e.c } })),
      truncated: previewRows === undefined && data.length >= sheetRows && fullRows > sheetRows,
      ...(previewRows !== undefined ? { fullHeight: Math.max(fullRows, data.length) } : {}),
      notes: [],
    };
  });
  return { sheets, date1904, partial };
}

/** SheetJS's zip reader and workbook parser, exported by the library but not in its type declarations. */
interface ZipFile {
  FullPaths: string[];
  FileIndex: { name: string; type: number; content: Uint8Array | number[] }[];
}
const sheetjs = XLSX as unknown as { parse_zip(zip: ZipFile, opts: ParsingOptions): WorkBook };

/**
 * Unzips with the guard's bounded inflater (inflateEntry: no entry may pass its declared size, so the limit holds
 * whatever the sizes claim), checks each part's CRC-32 against the zip directory (so damaged data is not parsed as
 * whatever it inflates to, rows silently lost), and hands SheetJS the parts as its own zip reader would.
 * For a preview, worksheets are cut to their first `previewRows` rows and the shared strings to those they use;
 * a part that is cut is not checked here (the full read that follows checks it).
 */
function readZipWorkbook(file: string, entries: ZipEntry[], maxUnzipped: number, opts: ParsingOptions, previewRows?: number): { wb: WorkBook; cut: boolean } {
  const zip = XLSX.CFB.utils.cfb_new() as ZipFile;
  for (const e of entries) XLSX.CFB.utils.cfb_add(zip, e.name, inflateEntry(e, file, maxUnzipped), { unsafe: true });
  const declared = new Map(entries.map((e) => [e.name.replace(/^\//, ''), e]));
  const cutParts = previewRows === undefined ? new Set<number>() : cutForPreview(zip, previewRows);
  zip.FullPaths.forEach((path, i) => {
    const entry = zip.FileIndex[i];
    if (entry.type !== 2 || cutParts.has(i)) return;
    const name = path.replace(/^Root Entry\//, '').replace(/^\//, '');
    const want = declared.get(name);
    if (want && crc32(entry.content) !== want.crc) {
      throw ingestErrors.corrupt(file, {
        vi: `phần "${name}" bên trong tệp bị hỏng (sai mã kiểm tra)`,
        en: `its part "${name}" is damaged (checksum mismatch)`,
      });
    }
  });
  return { wb: sheetjs.parse_zip(zip, opts), cut: cutParts.size > 0 };
}

/** Above this size a part is not scanned for the shared strings it uses (it would cost what the preview saves). */
const BIG_PART = 4_000_000;

/** Cuts the worksheets (and then the shared strings) of an unzipped xlsx in place; returns the indexes of the cut parts. */
function cutForPreview(zip: ZipFile, previewRows: number): Set<number> {
  const cutParts = new Set<number>();
  let sst = -1;
  let used = 0;
  let bigUncut = false;
  zip.FullPaths.forEach((path, i) => {
    const entry = zip.FileIndex[i];
    if (entry.type !== 2 || !(entry.content instanceof Uint8Array)) return;
    const name = path.replace(/^Root Entry\//, '').replace(/^\//, '').toLowerCase();
    if (name === 'xl/sharedstrings.xml') sst = i;
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) return;
    const cut = cutWorksheetXml(entry.content, previewRows);
    if (cut) {
      entry.content = cut;
      cutParts.add(i);
    } else if (entry.content.length > BIG_PART) {
      // A big sheet this cannot cut may use any string: the shared strings are then read whole.
      bigUncut = true;
      return;
    }
    used = Math.max(used, sharedStringsUsed(entry.content));
  });
  if (sst >= 0 && cutParts.size > 0 && !bigUncut) {
    const cut = cutSharedStringsXml(zip.FileIndex[sst].content as Uint8Array, used);
    if (cut) {
      zip.FileIndex[sst].content = cut;
      cutParts.add(sst);
    }
  }
  return cutParts;
}
