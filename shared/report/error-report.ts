/**
 * The error report: the rows a person has to look at (invalid, failed, not sent), in the file's own columns with
 * the file's own cells, plus the importer's columns — status, reason in Vietnamese and in English, and the
 * automatic changes that were made. Fixed in Excel, it can be imported again as it is: its header row is the
 * table's, and the added columns map to "ignore".
 */
import type { Table, TableRow } from '../ingest/types';
import type { PreparedRow } from '../prepare/types';
import type { ImportResult } from '../upload/types';
import { ERROR_REPORT_COLUMNS } from './columns';
import { needsAttention, reasonText, rowReports, STATUS_LABEL } from './row-status';
import type { ReportSheet } from './types';

/** Builds the error report. `result` null: before importing (invalid rows only). */
export function buildErrorReport(table: Table, prepared: PreparedRow[], result: ImportResult | null): ReportSheet {
  const byRow = new Map<number, TableRow>(table.rows.map((r) => [r.rowNumber, r]));
  const header = [...table.columns.map((c) => c.header), ...Object.values(ERROR_REPORT_COLUMNS)];
  const rows: string[][] = [];
  const reports = rowReports(prepared, table.columns, result).filter(needsAttention).sort((a, b) => a.row.rowNumber - b.row.rowNumber);
  for (const r of reports) {
    const cells = table.columns.map((c) => byRow.get(r.row.rowNumber)?.cells[c.index] ?? '');
    const label = STATUS_LABEL[r.kind];
    const changes = r.row.changes
      .map((ch) => `${table.columns[ch.column]?.header ?? ''}: ${ch.before} → ${ch.after} (${ch.reason.vi})`)
      .join(' | ');
    rows.push([...cells, `${label.vi} / ${label.en}`, reasonText(r.reasons, 'vi'), reasonText(r.reasons, 'en'), changes]);
  }
  return { name: 'Lỗi nhập', header, rows };
}
