/**
 * The worker's side of the duplicate group preview: finds every row of the contact a group belongs to, prepares
 * those rows afresh and hands them to the shared previewDuplicates (the same applyDuplicates/mergeInto as the
 * plan), adds the reason the report gives each skipped row, and says when the plan holds an older answer.
 */
import type { Table } from '../../../shared/ingest/types';
import { previewDuplicates } from '../../../shared/prepare/duplicate-preview';
import { toContactInput } from '../../../shared/prepare/payload';
import type { DuplicateGroup, DuplicatePolicy, PreparedRow, PreparedTable } from '../../../shared/prepare/types';
import { rowReports } from '../../../shared/report/row-status';
import type { DuplicatePreview } from './protocol';

/** Above this many rows in one contact, the preview is not worked out (a phone shared by a whole company). */
const MAX_GROUP_ROWS = 5000;

/** What the pipeline hands over: its state, read-only, and how to prepare one row afresh. */
export interface PreviewInput {
  key: string;
  maxRows: number;
  table: Table;
  prepared: PreparedTable;
  policy: DuplicatePolicy;
  indexOf(rowNumber: number): number | undefined;
  preparedOf(rowIndex: number): PreparedRow | undefined;
  fresh(rowIndex: number): PreparedRow;
}

/** The preview of the group with `key`, or null when there is no such group now. */
export function duplicatePreview(input: PreviewInput): DuplicatePreview | null {
  const { prepared, policy } = input;
  if (!prepared.duplicates.some((g) => g.key === input.key)) return null;
  const numbers = contactRows(prepared, input.key);
  const indexes = numbers.map((n) => input.indexOf(n)).filter((t): t is number => t !== undefined).slice(0, MAX_GROUP_ROWS);
  const preview = previewDuplicates(indexes.map((t) => input.fresh(t)), policy);
  const now = indexes.map((t) => input.preparedOf(t));
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const stale = preview.members.some((m, k) => {
    const p = now[k];
    if (!p) return true;
    if ((m.outcome === 'skipped') !== (p.status === 'duplicate') || m.duplicateOf !== p.duplicateOf) return true;
    if (m.outcome === 'merged') return !same(preview.merged?.contact, toContactInput(p));
    return m.outcome === 'sent' && !same(m.contact, toContactInput(p));
  });
  const members = preview.members.slice(0, input.maxRows).map((m) => {
    if (m.outcome !== 'skipped') return m;
    const row: PreparedRow = { rowNumber: m.rowNumber, contact: m.contact, dynamic: m.dynamic, issues: [], changes: [], status: 'duplicate', duplicateOf: m.duplicateOf };
    return { ...m, reason: rowReports([row], input.table.columns, null)[0].reasons[0] };
  });
  const out: DuplicatePreview = { key: input.key, policy, rowNumbers: numbers, truncated: members.length < preview.members.length, members, stale };
  if (preview.merged) out.merged = preview.merged;
  return out;
}

/** The sheet rows of the contact that group `key` is part of: its rows and those linked to them by other groups. */
function contactRows(prepared: PreparedTable, key: string): number[] {
  const start = prepared.duplicates.find((g) => g.key === key);
  return start ? linkedRows(prepared.duplicates, start.rowNumbers, MAX_GROUP_ROWS) : [];
}

/**
 * The rows linked to `rowNumbers` through the groups (any chain of shared values), them included, in file order:
 * the rows that make one contact, which the duplicate policy handles together. Stops growing past `cap` rows.
 */
function linkedRows(groups: readonly DuplicateGroup[], rowNumbers: readonly number[], cap: number): number[] {
  const groupsOf = new Map<number, number[]>();
  groups.forEach((g, i) => {
    for (const n of g.rowNumbers) {
      const list = groupsOf.get(n);
      if (list) list.push(i);
      else groupsOf.set(n, [i]);
    }
  });
  const rows = new Set<number>();
  const seenGroups = new Set<number>();
  const queue = [...rowNumbers];
  while (queue.length && rows.size < cap) {
    const n = queue.pop()!;
    if (rows.has(n)) continue;
    rows.add(n);
    for (const g of groupsOf.get(n) ?? []) {
      if (seenGroups.has(g)) continue;
      seenGroups.add(g);
      for (const m of groups[g].rowNumbers) if (!rows.has(m)) queue.push(m);
    }
  }
  return [...rows].sort((a, b) => a - b);
}
