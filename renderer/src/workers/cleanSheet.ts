/**
 * "Clean only": the user's table with every automatic change applied (the last change of a cell is its final
 * value), in the file's own columns, plus each row's status and problems so the file can be fixed and used as is.
 */
import type { Table } from '../../../shared/ingest/types';
import type { PreparedRow } from '../../../shared/prepare/types';
import type { ReportSheet } from '../../../shared/report';

const STATUS: Record<PreparedRow['status'], string> = {
  valid: 'Hợp lệ / Valid',
  invalid: 'Có lỗi / Invalid',
  duplicate: 'Trùng / Duplicate',
};

/** Builds the cleaned sheet; `prepared` is matched to table rows by row number. */
export function buildCleanSheet(table: Table, prepared: PreparedRow[]): ReportSheet {
  const byRow = new Map(prepared.map((p) => [p.rowNumber, p]));
  const header = [...table.columns.map((c) => c.header), 'Trạng thái / Status', 'Vấn đề / Problems'];
  const rows = table.rows.map((row) => {
    const p = byRow.get(row.rowNumber);
    const cells = table.columns.map((c) => row.cells[c.index] ?? '');
    for (const ch of p?.changes ?? []) {
      const i = table.columns.findIndex((c) => c.index === ch.column);
      if (i >= 0) cells[i] = ch.after;
    }
    const problems = (p?.issues ?? []).map((i) => `${i.column === null ? '' : `${table.columns.find((c) => c.index === i.column)?.header ?? ''}: `}${i.message.vi}`);
    return [...cells, p ? STATUS[p.status] : '', problems.join(' | ')];
  });
  return { name: 'Đã làm sạch', header, rows };
}
