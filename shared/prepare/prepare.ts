import type { Table } from '../ingest/types';
import type { ColumnMapping, TargetCatalog } from '../mapping/types';
import { applyDuplicatesInPlace } from './duplicates';
import { planFor } from './plan';
import { prepareTableRow } from './prepare-row';
import type { PreparedRow, PreparedTable, PrepareOptions } from './types';

export { applyDuplicates } from './duplicates';

/**
 * Table → PreparedTable: every row cleaned and validated under the mapping, then duplicates inside the
 * file grouped and handled by `options.duplicatePolicy`. Every input row comes out (valid, invalid with
 * its errors, or duplicate of a named row).
 */
export function prepareTable(table: Table, mapping: ColumnMapping[], catalog: TargetCatalog, options: PrepareOptions): PreparedTable {
  const plan = planFor(mapping, catalog, options);
  const fresh = table.rows.map((r) => prepareTableRow(r, plan));
  const { rows, duplicates } = applyDuplicatesInPlace(fresh, options.duplicatePolicy);
  return { rows, duplicates, counts: countRows(rows) };
}

/**
 * Re-prepares one row after the user edited it (fast path: the resolved mapping is cached). Duplicate
 * detection needs the whole table: pass the fresh rows to `applyDuplicates` when it matters.
 */
export function prepareRow(table: Table, rowIndex: number, mapping: ColumnMapping[], catalog: TargetCatalog, options: PrepareOptions): PreparedRow {
  const row = table.rows[rowIndex];
  if (!row) throw new RangeError(`row index ${rowIndex} is outside the table (${table.rows.length} rows)`);
  return prepareTableRow(row, planFor(mapping, catalog, options));
}

/** The totals the UI and the CLI show. `warnings` and `changed` count rows. */
export function countRows(rows: PreparedRow[]): PreparedTable['counts'] {
  const counts = { total: rows.length, valid: 0, invalid: 0, duplicates: 0, warnings: 0, changed: 0 };
  for (const r of rows) {
    if (r.status === 'valid') counts.valid++;
    else if (r.status === 'invalid') counts.invalid++;
    else counts.duplicates++;
    if (r.issues.some((i) => i.severity === 'warning')) counts.warnings++;
    if (r.changes.length) counts.changed++;
  }
  return counts;
}
