/**
 * The success report: every row that is in OMI after the import (created, updated, or skipped because it was
 * already there), in the file's own columns, with OMI's id where the API gave one and the refId — including the
 * ones the tool generated, so a later update can find each contact.
 */
import type { Table, TableRow } from '../ingest/types';
import type { PreparedRow } from '../prepare/types';
import type { ImportResult } from '../upload/types';
import { SUCCESS_REPORT_COLUMNS } from './columns';
import { reasonText, rowReports, STATUS_LABEL } from './row-status';
import type { ReportSheet } from './types';

/** Builds the success report from the import's result. */
export function buildSuccessReport(table: Table, prepared: PreparedRow[], result: ImportResult): ReportSheet {
  const byRow = new Map<number, TableRow>(table.rows.map((r) => [r.rowNumber, r]));
  const header = [...table.columns.map((c) => c.header), ...Object.values(SUCCESS_REPORT_COLUMNS)];
  const rows: string[][] = [];
  const landed = rowReports(prepared, table.columns, result)
    .filter((r) => r.kind === 'created' || r.kind === 'updated' || r.kind === 'skipped')
    .sort((a, b) => a.row.rowNumber - b.row.rowNumber);
  for (const r of landed) {
    const o = r.outcome!;
    const own = (r.row.contact.refId ?? '').trim();
    const generated = own === '' || own !== o.refId;
    const label = STATUS_LABEL[r.kind];
    rows.push([
      ...table.columns.map((c) => byRow.get(r.row.rowNumber)?.cells[c.index] ?? ''),
      `${label.vi} / ${label.en}`,
      o.omiId ?? '',
      o.refId,
      generated ? 'Có / Yes' : 'Không / No',
      reasonText(r.reasons, 'vi'),
    ]);
  }
  return { name: 'Đã nhập', header, rows };
}
