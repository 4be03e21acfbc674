/**
 * After an edit, the duplicate groups the edited rows are (or now become) part of, worked out again by the shared
 * applyDuplicates on just those rows — so a merge sends what the rows now hold, a row typed into an existing group
 * joins it and one typed out of it leaves, without checking the whole file again. Needs an index from each shared
 * value (phone, email, refId) to the rows holding it, built on the first edit after a whole check.
 */
import { applyDuplicates, duplicateKeys } from '../../../shared/prepare/duplicates';
import type { DuplicatePolicy, PreparedRow, PreparedTable } from '../../../shared/prepare/types';

/** Shared value → the sheet rows holding it, and each row's values (only rows that can take part: not invalid). */
export class DuplicateIndex {
  // Plain arrays, not Sets: most values belong to one row, and 100,000 small Sets cost more than the rows do.
  private rowsOf = new Map<string, number[]>();
  private keysOf = new Map<number, string[]>();

  /** Indexes every row of a prepared table (a merged row's values include its group's: harmless, same group). */
  constructor(rows: readonly PreparedRow[]) {
    for (const r of rows) this.set(r);
  }

  /** Replaces what the index holds for this row. */
  set(row: PreparedRow): void {
    const n = row.rowNumber;
    for (const k of this.keysOf.get(n) ?? []) {
      const list = this.rowsOf.get(k);
      const at = list ? list.indexOf(n) : -1;
      if (at >= 0) list!.splice(at, 1);
    }
    const keys = row.status === 'invalid' ? [] : duplicateKeys(row.contact);
    this.keysOf.set(n, keys);
    for (const k of keys) {
      const list = this.rowsOf.get(k);
      if (!list) this.rowsOf.set(k, [n]);
      else if (!list.includes(n)) list.push(n);
    }
  }

  /** The rows linked to `seed` through shared values (chains included), them included; null past `cap` rows. */
  linked(seed: Iterable<number>, cap: number): Set<number> | null {
    const out = new Set<number>();
    const queue = [...seed];
    while (queue.length) {
      const n = queue.pop()!;
      if (out.has(n)) continue;
      out.add(n);
      if (out.size > cap) return null;
      for (const k of this.keysOf.get(n) ?? []) for (const m of this.rowsOf.get(k) ?? []) if (!out.has(m)) queue.push(m);
    }
    return out;
  }
}

/** How regroup reaches the pipeline's rows. */
export interface RegroupInput {
  prepared: PreparedTable;
  index: DuplicateIndex;
  policy: DuplicatePolicy;
  /** The edited rows, freshly prepared, by sheet row number (already written into prepared.rows). */
  fresh: Map<number, PreparedRow>;
  /** Position in prepared.rows of a sheet row. */
  positionOf(rowNumber: number): number | undefined;
  /** The row prepared afresh (no duplicate findings). */
  prepare(rowNumber: number): PreparedRow;
  /** Above this many linked rows, give up (false): the caller checks the whole file instead. */
  cap: number;
}

/**
 * Works out again the groups of the edited rows: the rows they were linked to (their old values) and are linked to
 * now (their new ones). Returns false when that is more than `cap` rows.
 */
export function regroup(input: RegroupInput): boolean {
  const { prepared, index, fresh } = input;
  const before = index.linked(fresh.keys(), input.cap);
  for (const r of fresh.values()) index.set(r);
  const after = index.linked(fresh.keys(), input.cap);
  if (!before || !after) return false;
  const numbers = [...new Set([...before, ...after])].sort((a, b) => a - b);
  const rows = numbers.map((n) => fresh.get(n) ?? input.prepare(n));
  for (const r of rows) if (!fresh.has(r.rowNumber)) index.set(r);
  const out = applyDuplicates(rows, input.policy);
  out.rows.forEach((r) => {
    const at = input.positionOf(r.rowNumber);
    if (at !== undefined) prepared.rows[at] = r;
  });
  const members = new Set(numbers);
  prepared.duplicates = [...prepared.duplicates.filter((g) => !g.rowNumbers.some((m) => members.has(m))), ...out.duplicates];
  return true;
}
