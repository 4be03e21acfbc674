/**
 * The worker's side of the duplicate groups: lists them with their titles; for the preview, takes the rows of the
 * contact a group is (one group per contact), prepares
 * those rows afresh and hands them to the shared previewDuplicates (the same applyDuplicates/mergeInto as the
 * plan), adds the reason the report gives each skipped row, and says when the plan holds an older answer.
 */
import type { Table } from '../../../shared/ingest/types';
import { previewDuplicates } from '../../../shared/prepare/duplicate-preview';
import { withTitles } from '../../../shared/prepare/duplicate-words';
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

/** The preview of the group named by `key` (see groupOf), or null when there is no such group now. */
export function duplicatePreview(input: PreviewInput): DuplicatePreview | null {
  const { prepared, policy } = input;
  const group = groupOf(prepared, input.key);
  if (!group) return null;
  // A group is one contact: every row the policy handles together (applyDuplicates' union of shared values).
  const numbers = group.rowNumbers;
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

/**
 * The group that `key` names: its own key, or any value its rows share (a key the drawer opened before an edit made
 * another value the group's first).
 */
function groupOf(prepared: PreparedTable, key: string): DuplicateGroup | undefined {
  return prepared.duplicates.find((g) => g.key === key) ?? prepared.duplicates.find((g) => g.keys?.includes(key));
}

/** The first `limit` groups as a person reads them: each with its title in words. */
export function listedGroups(prepared: PreparedTable, limit: number): DuplicateGroup[] {
  return withTitles(prepared.duplicates.slice(0, limit));
}
