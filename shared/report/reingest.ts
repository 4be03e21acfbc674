/**
 * A fixed error report imported again. The report neutralised formula-like cells with a leading apostrophe (see
 * neutralise.ts); imported as it is, "'-- khách vãng lai --" would land in OMI with the apostrophe. A report marks
 * itself with the importer's status column, so in such a table — and only there — the file's own cells get the
 * apostrophe taken off again, and a note says how many.
 */
import type { Table } from '../ingest/types';
import { ERROR_REPORT_COLUMNS } from './columns';
import { restoreNeutralisedCell } from './neutralise';

/** Whether the table is a report this importer wrote (its header holds the importer's status column). */
export function isImporterReport(table: Pick<Table, 'columns'>): boolean {
  return table.columns.some((c) => c.originalHeader === ERROR_REPORT_COLUMNS.status);
}

/**
 * The table with the report's apostrophes removed from the file's own cells (the importer's added columns are
 * left alone: they map to "ignore"); any other table is returned as it is. `restored`: how many cells changed.
 */
export function restoreReportTable(table: Table): { table: Table; restored: number } {
  if (!isImporterReport(table)) return { table, restored: 0 };
  const added = new Set<string>(Object.values(ERROR_REPORT_COLUMNS));
  const own = table.columns.filter((c) => !added.has(c.originalHeader)).map((c) => c.index);
  let restored = 0;
  const rows = table.rows.map((row) => {
    let cells: string[] | undefined;
    for (const i of own) {
      const before = row.cells[i];
      if (before === undefined) continue;
      const after = restoreNeutralisedCell(before);
      if (after === before) continue;
      cells ??= [...row.cells];
      cells[i] = after;
      restored++;
    }
    return cells ? { ...row, cells } : row;
  });
  if (restored === 0) return { table, restored };
  const note = {
    vi: `Tệp này là báo cáo lỗi của OMI Importer: đã bỏ dấu ' mà báo cáo thêm trước ${restored} ô bắt đầu bằng = + - @ (để Excel không chạy chúng như công thức).`,
    en: `This file is an OMI Importer error report: the ' the report put before ${restored} cells starting with = + - @ (so Excel would not run them as formulas) was taken off again.`,
  };
  return { table: { ...table, rows, notes: [...table.notes, note] }, restored };
}
