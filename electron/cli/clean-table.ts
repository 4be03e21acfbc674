/**
 * The cleaned table for --clean-out: the file's own columns and rows, with every automatic change applied to
 * its cell (phones converted, names capitalised, email typos fixed …). Every row is kept, valid or not, so the
 * file can be checked, fixed and imported again; the report (--report) says what is wrong with which row.
 */
import type { Table } from '../../shared/ingest/types';
import type { PreparedTable } from '../../shared/prepare/types';
import type { ReportSheet } from '../../shared/report/types';

/** Builds the cleaned sheet. */
export function cleanedSheet(table: Table, prepared: PreparedTable): ReportSheet {
  const byRow = new Map(prepared.rows.map((r) => [r.rowNumber, r]));
  const rows = table.rows.map((row) => {
    const cells = table.columns.map((c) => row.cells[c.index] ?? '');
    for (const ch of byRow.get(row.rowNumber)?.changes ?? []) {
      const cell = cells[ch.column];
      if (cell === undefined) continue;
      // A change may be one value of a cell that holds several ("0903… / 0283…"): replace just that value.
      cells[ch.column] = cell === ch.before ? ch.after : cell.includes(ch.before) && ch.before !== '' ? cell.replace(ch.before, ch.after) : cell;
    }
    return cells;
  });
  return { name: table.sheet, header: table.columns.map((c) => c.header), rows };
}
