/**
 * The files the command writes besides the journal: the cleaned table (--clean-out) and the row-by-row report
 * (--report), as .xlsx or .csv by the extension. Built by shared/report (and clean-table.ts), written here.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import type { Table } from '../../shared/ingest/types';
import type { PreparedTable } from '../../shared/prepare/types';
import type { ImportResult } from '../../shared/upload/types';
import { buildErrorReport, writeReport } from '../../shared/report/index';
import { usageError } from './cli-error';
import { cleanedSheet } from './clean-table';

/** xlsx or csv from the file's extension; anything else is a usage error (exit 2). */
export function formatOf(path: string, flag: string): 'xlsx' | 'csv' {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv') return 'csv';
  throw usageError('usage.output-format', `${flag} cần tên file kết thúc bằng .xlsx hoặc .csv: "${path}".`,
    `${flag} needs a file name ending in .xlsx or .csv: "${path}".`);
}

/** Writes bytes, creating the folder; a write failure is a file error (exit 2). */
export async function writeOutput(path: string, bytes: Uint8Array | string): Promise<string> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
    return path;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw usageError('file.write', `Không ghi được file "${path}" (${code}). Có thể file đang mở trong Excel hoặc thư mục không cho ghi.`,
      `Could not write "${path}" (${code}). It may be open in Excel, or the folder is read-only.`);
  }
}

/** --clean-out: the table with every automatic change applied. */
export async function writeCleanTable(path: string, table: Table, prepared: PreparedTable): Promise<string> {
  return writeOutput(path, writeReport(cleanedSheet(table, prepared), formatOf(path, '--clean-out')));
}

/**
 * --report: the rows a person must look at (invalid, duplicate, failed, not sent), in the file's own columns,
 * with status and reason. `result` undefined: a dry run (invalid rows only).
 */
export async function writeRowReport(path: string, table: Table, prepared: PreparedTable, result: ImportResult | undefined): Promise<string> {
  return writeOutput(path, writeReport(buildErrorReport(table, prepared.rows, result ?? null), formatOf(path, '--report')));
}
