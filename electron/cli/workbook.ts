/**
 * File → Table for the command: open the workbook, pick the sheet (by name, by position, or the one the ingest
 * suggests), read the table with the given or detected header row. Ingest failures keep their own sentences
 * and end with exit 2.
 */
import { openWorkbook } from '../../shared/ingest/index';
import type { Table, Workbook } from '../../shared/ingest/types';
import { restoreReportTable } from '../../shared/report';
import { isUserError } from '../../shared/text';
import { CliError, usageError } from './cli-error';
import { ExitCode } from './exit-codes';
import type { SourceFile } from './source-file';

/** The workbook as opened and the table read from the chosen sheet. */
export interface LoadedTable {
  info: Workbook;
  table: Table;
}

/** Opens the file and reads the table. Throws `CliError` (exit 2) for anything wrong with the file or the sheet. */
export async function loadTable(src: SourceFile, sheet: string | undefined, headerRow: number | undefined): Promise<LoadedTable> {
  return asFileError(async () => {
    const wb = await openWorkbook(src.bytes, src.fileName);
    const name = sheet === undefined ? wb.info.suggestedSheet : resolveSheet(wb.info, sheet);
    // A fixed error report of ours gets back the values its formula escape (a leading ') hid.
    const { table } = restoreReportTable(await wb.readTable({ sheet: name, headerRow }));
    return { info: wb.info, table };
  });
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

/** Runs an ingest step and turns its `UserError`s into exit-2 errors with the same text. */
async function asFileError<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    if (e instanceof CliError) throw e;
    if (isUserError(e)) throw new CliError(ExitCode.usage, e.code, e.text, e.place);
    throw e;
  }
}
