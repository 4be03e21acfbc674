import { inspectCfb } from './cfb-guard';
import { Deadline, ingestErrors } from './errors';
import { resolveLimits } from './limits';
import { readHtmlTables } from './sheet/html';
import { ROW_SLACK, readSpreadsheet } from './sheet/read';
import { extensionOf, sniffContainer, textFormatOf } from './sniff';
import { detectHeaderRow } from './table/header';
import { buildTable } from './table/build';
import { rowWidth, type SourceSheet } from './source';
import { UnclosedQuote } from './text/open-quote';
import { readDelimitedBytes, type DelimitedRead } from './text/stream';
import type { IngestLimits, ReadTableOptions, SheetInfo, Table, Workbook } from './types';
import { inspectZip } from './zip-guard';

/** A file that has been opened: what is in it, and a way to read one sheet as a Table. */
export interface OpenedWorkbook {
  info: Workbook;
  /** Reads the chosen (or suggested) sheet as a Table. Can be called again with other options (sheet, header row). */
  readTable(options?: ReadTableOptions): Table;
  /**
   * Opened with `previewRows` and some sheet has more rows than were read: tables and row counts cover only the
   * first rows, and the file must be opened again without `previewRows` for the whole of it.
   */
  partial: boolean;
}

/** How to open a file. */
export interface OpenOptions {
  /**
   * Read only about this many rows at the top of each sheet (at least 100): enough to list the sheets, find the
   * header row (the same one the whole file gives, as it is searched among the first 40 filled rows) and show
   * sample values, in a fraction of the time a big file takes. Row limits are then not checked.
   */
  previewRows?: number;
}

/** Rows a preview reads at the least, so the header search (40 filled rows) sees what the whole file shows it. */
const MIN_PREVIEW_ROWS = 100;

/**
 * Opens spreadsheet bytes: checks size, what the file really is (not its name), refuses encrypted files, zip bombs,
 * PDFs/web pages and binary garbage, parses it (SheetJS for workbooks, papaparse for text) and lists its sheets.
 * Throws UserError (`ingest.*`) for every bad input.
 */
export function openWorkbook(bytes: Uint8Array, fileName: string, limits?: Partial<IngestLimits>, open: OpenOptions = {}): OpenedWorkbook {
  const lim = resolveLimits(limits);
  const previewRows = open.previewRows === undefined ? undefined : Math.max(MIN_PREVIEW_ROWS, Math.floor(open.previewRows));
  let partial = false;
  const deadline = new Deadline(fileName, lim.maxMillis);
  if (bytes.length === 0) throw ingestErrors.empty(fileName);
  if (bytes.length > lim.maxBytes) throw ingestErrors.tooLarge(fileName, bytes.length, lim.maxBytes);

  let format: Workbook['format'];
  let encoding: string | undefined;
  let sheets: SourceSheet[];
  let date1904 = false;
  const container = sniffContainer(bytes);
  switch (container) {
    case 'zip': {
      const zipEntries = inspectZip(bytes, fileName, lim.maxUnzippedBytes);
      const entries = new Set(zipEntries.map((e) => e.name.toLowerCase()));
      if (entries.has('xl/workbook.bin')) format = 'xlsb';
      else if (entries.has('xl/workbook.xml')) format = entries.has('xl/vbaproject.bin') || extensionOf(fileName) === 'xlsm' ? 'xlsm' : 'xlsx';
      else if (entries.has('content.xml')) format = 'ods';
      else {
        throw ingestErrors.notASpreadsheet(fileName, {
          vi: 'đây là tệp nén hoặc tài liệu Word/PowerPoint, không có bảng tính bên trong',
          en: 'it is a zip archive or a Word/PowerPoint document with no workbook inside',
        });
      }
      ({ sheets, date1904, partial } = readSpreadsheet(bytes, fileName, lim.maxRows, zipEntries, previewRows, lim.maxUnzippedBytes));
      break;
    }
    case 'cfb':
      inspectCfb(bytes, fileName);
      format = 'xls';
      ({ sheets, date1904, partial } = readSpreadsheet(bytes, fileName, lim.maxRows, undefined, previewRows));
      break;
    case 'pdf':
      throw ingestErrors.notASpreadsheet(fileName, { vi: 'đây là tệp PDF bị đổi đuôi', en: 'it is a PDF document with a spreadsheet name' });
    case 'html': {
      // Many systems export "Excel" files that are an HTML table: read the tables; a page without one is refused.
      const read = readHtmlTables(bytes, fileName, lim.maxRows, previewRows);
      if (!read) {
        throw ingestErrors.notASpreadsheet(fileName, {
          vi: 'đây là trang web (HTML) bị đổi đuôi, không có bảng dữ liệu nào; hãy mở bằng Excel rồi lưu lại thành .xlsx',
          en: 'it is a web page (HTML) with a spreadsheet name and no data table in it; open it in Excel and save it as .xlsx',
        });
      }
      format = 'xls';
      ({ sheets, date1904, partial, encoding } = read);
      break;
    }
    case 'binary':
      throw ingestErrors.notASpreadsheet(fileName, { vi: 'nội dung là dữ liệu nhị phân không đọc được', en: 'its contents are unreadable binary data' });
    case 'xml':
      format = 'xls';
      try {
        ({ sheets, date1904, partial } = readSpreadsheet(bytes, fileName, lim.maxRows, undefined, previewRows));
      } catch {
        throw ingestErrors.notASpreadsheet(fileName, { vi: 'đây là tệp XML, không phải bảng tính', en: 'it is an XML file, not a spreadsheet' });
      }
      break;
    default: {
      format = textFormatOf(fileName);
      const sheetName = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') || 'Sheet1';
      // The readers stop at their row limit + slack: a preview asks for previewRows - slack to read previewRows.
      const rowLimit = previewRows === undefined ? lim.maxRows : previewRows - ROW_SLACK - 1;
      // Every encoding is read chunk by chunk: a big Windows-1258 or UTF-16 file is never decoded whole.
      const read = readTextFile(bytes, fileName, sheetName, format, rowLimit);
      let sheet = read.sheet;
      encoding = read.encoding;
      if (previewRows !== undefined) {
        partial = sheet.height >= previewRows;
        sheet = { ...sheet, truncated: false };
      }
      sheets = [sheet];
    }
  }
  deadline.check();

  const infos = sheets.map(sheetInfo);
  if (infos.every((s) => s.empty)) throw ingestErrors.empty(fileName);
  const info: Workbook = { fileName, format, sheets: infos, suggestedSheet: suggestSheet(sheets, infos), date1904 };
  if (encoding) info.encoding = encoding;

  return {
    info,
    partial,
    readTable(options: ReadTableOptions = {}): Table {
      const l = resolveLimits({ ...limits, ...options.limits });
      const src = pickSheet(sheets, options.sheet ?? info.suggestedSheet, fileName);
      return buildTable(src, {
        fileName,
        headerRow: options.headerRow,
        conversionsOff: options.conversionsOff,
        limits: l,
        deadline: new Deadline(fileName, l.maxMillis),
      });
    },
  };
}

/** readDelimitedBytes, its reader-level failures told as UserErrors naming the file. */
function readTextFile(bytes: Uint8Array, fileName: string, sheetName: string, format: Workbook['format'], rowLimit: number): DelimitedRead {
  try {
    return readDelimitedBytes(bytes, sheetName, format, rowLimit);
  } catch (e) {
    if (e instanceof UnclosedQuote) throw ingestErrors.unclosedQuote(fileName, e.line, e.limitChars);
    throw e;
  }
}

/** Sheet by name, or by 1-based position as the user counts them (`--sheet 2`). */
function pickSheet(sheets: SourceSheet[], which: string | number, fileName: string): SourceSheet {
  const names = sheets.map((s) => s.name);
  if (typeof which === 'number') {
    const s = sheets[which - 1];
    if (!s) throw ingestErrors.unknownSheet(fileName, which, names);
    return s;
  }
  const exact = sheets.find((s) => s.name === which) ?? sheets.find((s) => s.name.normalize('NFC').toLowerCase() === which.normalize('NFC').toLowerCase());
  if (exact) return exact;
  if (/^\d+$/.test(which) && sheets[Number(which) - 1]) return sheets[Number(which) - 1];
  throw ingestErrors.unknownSheet(fileName, which, names);
}

function sheetInfo(s: SourceSheet): SheetInfo {
  let rowCount = 0;
  let columnCount = 0;
  for (let r = 0; r < s.height; r++) {
    const w = s.widths ? s.widths[r] : rowWidth(s.row(r));
    if (w > 0) {
      rowCount++;
      if (w > columnCount) columnCount = w;
    }
  }
  return { name: s.name, rowCount, columnCount, hidden: s.hidden, empty: rowCount === 0 };
}

/** The sheet that most likely holds the contact table: visible, with a header that reads like contact columns, then the most rows. */
function suggestSheet(sheets: SourceSheet[], infos: SheetInfo[]): string {
  if (sheets.length === 1) return sheets[0].name;
  let best = 0;
  let bestScore = -Infinity;
  sheets.forEach((s, i) => {
    const inf = infos[i];
    if (inf.empty) return;
    const header = detectHeaderRow((r) => s.row(r), Math.min(s.height, 200)).score;
    // A preview's row count is cut short: the size the file declares stands in for it, so the choice is the same.
    const rows = s.fullHeight !== undefined && s.fullHeight > s.height ? s.fullHeight : inf.rowCount;
    const score = (inf.hidden ? -1000 : 0) + Math.max(header, 0) * 10 + Math.min(rows, 10_000) / 1000;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return sheets[best].name;
}
