/**
 * Ingest: file bytes → Table (see ../../DESIGN flow). Runs in plain Node and in a browser Web Worker.
 * `openWorkbook` lists the sheets; `readTable` reads one; `ingest` does both with the suggested sheet.
 */
import { openWorkbook } from './open';
import type { ReadTableOptions, Table, Workbook } from './types';

export { openWorkbook, type OpenedWorkbook, type OpenOptions } from './open';
export { DEFAULT_LIMITS } from './limits';
export type { IngestErrorCode } from './errors';
export { parseDayFirstDate } from './text-date';
export * from './types';

/** Opens the file and reads the chosen (or suggested) sheet in one go. Throws UserError (`ingest.*`). */
export function ingest(bytes: Uint8Array, fileName: string, options: ReadTableOptions = {}): { workbook: Workbook; table: Table } {
  const opened = openWorkbook(bytes, fileName, options.limits);
  return { workbook: opened.info, table: opened.readTable(options) };
}
