/**
 * `--keep-original COLUMN[,COLUMN...] | all`: whole columns keep their values as typed instead of the automatic
 * fixes the user may turn off (capitalising names, the 2018 mobile prefixes, the lost leading 0, mistyped email
 * domains: shared/prepare/keep.ts SWITCHABLE_CHANGES). The changes needed for a value to be sent at all (spaces in
 * a phone, +84 → 0) still happen. It is the app's "keep the whole column as typed", through the same shared code.
 */
import type { Table } from '../../shared/ingest/types';
import type { ColumnMapping, TargetCatalog } from '../../shared/mapping/types';
import { columnKeeps } from '../../shared/prepare/keep';
import { prepareTable } from '../../shared/prepare/prepare';
import type { CellKeep, PreparedTable, PrepareOptions } from '../../shared/prepare/types';
import { usageError } from './cli-error';

/** Headers compared as a person reads them: Unicode-normalised, spaces trimmed, case ignored. */
const loose = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('vi');

/**
 * The columns named by the option's values (indexes in the Table), in the file's order. Each value is one header
 * (a header that itself holds a comma is matched whole first), a comma-separated list of headers, or `all`.
 * A header is the column name as the file has it, or as the summary shows it when it was blank or repeated.
 * Throws `CliError` (exit 2) naming what was not found and listing the file's columns.
 */
export function resolveKeepColumns(values: readonly string[], table: Table): number[] {
  const byName = (name: string) =>
    table.columns.find((c) => c.header === name || c.originalHeader === name)
    ?? table.columns.find((c) => loose(c.header) === loose(name) || loose(c.originalHeader) === loose(name));
  const chosen = new Set<number>();
  const unknown: string[] = [];
  for (const value of values) {
    if (value.trim().toLowerCase() === 'all') {
      for (const c of table.columns) chosen.add(c.index);
      continue;
    }
    const whole = byName(value);
    if (whole) {
      chosen.add(whole.index);
      continue;
    }
    for (const part of value.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
      if (part.toLowerCase() === 'all') {
        for (const c of table.columns) chosen.add(c.index);
        continue;
      }
      const col = byName(part);
      if (col) chosen.add(col.index);
      else unknown.push(part);
    }
  }
  if (unknown.length > 0) {
    const list = table.columns.map((c) => `"${c.header}"`).join(', ');
    const names = unknown.map((u) => `"${u}"`).join(', ');
    throw usageError('usage.keep-original-column',
      `--keep-original: trang "${table.sheet}" của file "${table.fileName}" không có cột ${names}. Các cột có: ${list}.`,
      `--keep-original: sheet "${table.sheet}" of "${table.fileName}" has no column ${names}. Its columns are: ${list}.`);
  }
  return [...chosen].sort((a, b) => a - b);
}

/** The prepared table with the chosen columns kept as typed, and how many cells that kept. */
export interface KeptPrepare {
  prepared: PreparedTable;
  keeps: CellKeep[];
}

/** Rounds of preparing again: a kept change can reveal another (e.g. no 2018 conversion, then no leading 0). */
const MAX_ROUNDS = 3;

/**
 * Prepares the table with every switchable change in `columns` turned off for each cell it would touch, exactly as
 * the app's "keep the whole column" builds its keeps: prepare, note the cells' switchable changes, prepare again.
 */
export function prepareKeeping(
  table: Table, mapping: ColumnMapping[], catalog: TargetCatalog, options: PrepareOptions, columns: readonly number[],
): KeptPrepare {
  let prepared = prepareTable(table, mapping, catalog, options);
  const merged = new Map<string, CellKeep>();
  for (let round = 0; round < MAX_ROUNDS && columns.length > 0; round++) {
    const found = columnKeeps(prepared.rows, columns);
    if (found.length === 0) break;
    for (const k of found) {
      const key = `${k.rowNumber}:${k.column}`;
      const had = merged.get(key);
      merged.set(key, had ? { ...had, codes: [...new Set([...had.codes, ...k.codes])] } : k);
    }
    prepared = prepareTable(table, mapping, catalog, { ...options, keepOriginal: [...(options.keepOriginal ?? []), ...merged.values()] });
  }
  return { prepared, keeps: [...merged.values()] };
}
