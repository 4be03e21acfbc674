/**
 * File bytes → Table for the command, as it runs inside the read worker (read-worker.ts): open the workbook, pick
 * the sheet (by name, by position, or the one the ingest suggests), read the table with the given or detected
 * header row. Ingest failures keep their own sentences.
 */
import { openWorkbook } from '../../shared/ingest/index';
import type { Table, Workbook } from '../../shared/ingest/types';
import { restoreReportTable } from '../../shared/report';
import { usageError } from './cli-error';

/** The workbook as opened and the table read from the chosen sheet. */
export interface LoadedTable {
  info: Workbook;
  table: Table;
}

/** What the worker is asked to read. */
export interface ReadRequest {
  bytes: Uint8Array;
  fileName: string;
  /** `--sheet`: a name, or a 1-based position as text. */
  sheet?: string;
  /** `--header-row`, 1-based. */
  headerRow?: number;
  /** The ingest's own time limit (checked between its steps); the caller also stops the worker at this limit. */
  maxMillis: number;
}

/** Reads the table. Throws `UserError` (ingest) or `CliError` (unknown sheet) for anything wrong with the file. */
export function readTable(req: ReadRequest): LoadedTable {
  const limits = { maxMillis: req.maxMillis };
  const wb = openWorkbook(req.bytes, req.fileName, limits);
  const name = req.sheet === undefined ? wb.info.suggestedSheet : resolveSheet(wb.info, req.sheet);
  // A fixed error report of ours gets back the values its formula escape (a leading ') hid.
  const { table } = restoreReportTable(wb.readTable({ sheet: name, headerRow: req.headerRow, limits }));
  return { info: wb.info, table };
}

/**
 * A sheet named exactly so wins (a sheet may be called "2024"); otherwise a number is a position from 1,
 * as the tabs are shown in Excel.
 */
export function resolveSheet(info: Workbook, wanted: string): string {
  const exact = info.sheets.find((s) => s.name === wanted) ?? info.sheets.find((s) => s.name.trim().toLowerCase() === wanted.trim().toLowerCase());
  if (exact) return exact.name;
  if (/^\d+$/.test(wanted.trim())) {
    const n = Number(wanted.trim());
    if (n >= 1 && n <= info.sheets.length) return info.sheets[n - 1].name;
  }
  const list = info.sheets.map((s, i) => `${i + 1}. ${s.name}`).join(', ');
  throw usageError('file.unknown-sheet',
    `File "${info.fileName}" không có trang tính "${wanted}". Các trang có: ${list}.`,
    `"${info.fileName}" has no sheet "${wanted}". Its sheets are: ${list}.`);
}
