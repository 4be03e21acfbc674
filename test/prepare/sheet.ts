import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { ingest } from '../../shared/ingest';
import type { Table } from '../../shared/ingest/types';

/** A cell as written into the test workbook: text, a number cell, or an Excel date. */
export type Cell = string | number | { date: string } | null;

/** Writes `rows` (header first) as a real .xlsx in `dir` and reads it back through ingest. */
export function sheetTable(dir: string, name: string, rows: Cell[][]): Table {
  const aoa = rows.map((r) => r.map((v) => (v !== null && typeof v === 'object' ? new Date(`${v.date}T00:00:00Z`) : v)));
  const ws = XLSX.utils.aoa_to_sheet(aoa, { cellDates: true, dateNF: 'dd/mm/yyyy' });
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Khách hàng');
  const path = join(dir, name);
  writeFileSync(path, new Uint8Array(XLSX.write(wb, { bookType: 'xlsx', type: 'array' }) as ArrayBuffer));
  return ingest(new Uint8Array(readFileSync(path)), name, { headerRow: 1 }).table;
}
