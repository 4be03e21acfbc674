/**
 * What the duplicate policy does to one group of rows that are the same contact, worked out by the same code as the
 * whole table (applyDuplicates → mergeInto), so the review screen shows exactly what the plan will send.
 */
import type { ContactInput, DynamicUpdate } from '../omi/types';
import { applyDuplicates } from './duplicates';
import { toContactInput } from './payload';
import type { DuplicatePolicy, Issue, PreparedRow } from './types';

/** What happens to one row of the group. */
export type MemberOutcome = 'sent' | 'merged' | 'skipped' | 'invalid';

/** One row of the group, side by side with the others. */
export interface GroupMember {
  rowNumber: number;
  /** The row's own contact as it would be sent on its own (before any merge). */
  contact: ContactInput;
  dynamic: DynamicUpdate[];
  /** sent: goes as it is · merged: goes as the merged contact · skipped: a duplicate, not sent · invalid: has errors. */
  outcome: MemberOutcome;
  /** For a skipped row, the row it duplicates (the one sent). */
  duplicateOf?: number;
  /** The duplicate finding on the row (duplicate.of / duplicate.possible / duplicate.merged), if any. */
  note?: Issue;
}

/** A value of the merged contact that the kept row did not have: where it came from. */
export interface MergedValue {
  /** ContactInput field (`phones`, `tags`, `fullName`, …) or `dynamic:<fieldCode>`. */
  field: string;
  /** The value as shown (a phone, a tag, a name…). */
  value: string;
  rowNumber: number;
}

/** The group under one policy. */
export interface GroupPreview {
  policy: DuplicatePolicy;
  members: GroupMember[];
  /** merge: the one contact sent for the group (the first row's, completed from the others). */
  merged?: { rowNumber: number; contact: ContactInput; dynamic: DynamicUpdate[]; from: MergedValue[] };
}

/**
 * Previews `policy` on the rows of one group of duplicates: `fresh` are the group's rows as prepareRow gives them
 * (no earlier duplicate findings), in file order, and must hold the whole group (every row linked to it), or the
 * answer is the one for that subset.
 */
export function previewDuplicates(fresh: PreparedRow[], policy: DuplicatePolicy): GroupPreview {
  const own = new Map(fresh.map((r) => [r.rowNumber, r]));
  const { rows } = applyDuplicates(fresh, policy);
  const members: GroupMember[] = rows.map((r) => {
    const mine = own.get(r.rowNumber) ?? r;
    const note = r.issues.find((i) => i.code.startsWith('duplicate.'));
    const outcome: MemberOutcome = r.status === 'invalid' ? 'invalid' : r.status === 'duplicate' ? 'skipped' : note?.code === 'duplicate.merged' ? 'merged' : 'sent';
    const m: GroupMember = { rowNumber: r.rowNumber, contact: toContactInput(mine), dynamic: mine.dynamic, outcome };
    if (r.duplicateOf !== undefined) m.duplicateOf = r.duplicateOf;
    if (note) m.note = note;
    return m;
  });
  const preview: GroupPreview = { policy, members };
  const keeper = rows.find((r) => r.issues.some((i) => i.code === 'duplicate.merged'));
  if (policy === 'merge' && keeper) {
    const others = rows.filter((r) => r.duplicateOf === keeper.rowNumber).map((r) => own.get(r.rowNumber) ?? r);
    preview.merged = {
      rowNumber: keeper.rowNumber,
      contact: toContactInput(keeper),
      dynamic: keeper.dynamic,
      from: origins(own.get(keeper.rowNumber) ?? keeper, keeper, others),
    };
  }
  return preview;
}

/** The values of `merged` that `kept` (the row as it was) lacks, each tied to the first other row that holds it. */
function origins(kept: PreparedRow, merged: PreparedRow, others: PreparedRow[]): MergedValue[] {
  const out: MergedValue[] = [];
  const c = merged.contact;
  const add = (field: string, value: string, has: (r: PreparedRow) => boolean) => {
    if (has(kept)) return;
    const from = others.find(has);
    if (from) out.push({ field, value, rowNumber: from.rowNumber });
  };
  for (const key of ['phones', 'emails'] as const) {
    for (const v of c[key] ?? []) add(key, v.data, (r) => (r.contact[key] ?? []).some((x) => x.data === v.data));
  }
  for (const key of ['tags', 'business', 'categories'] as const) {
    for (const n of c[key] ?? []) add(key, n, (r) => (r.contact[key] ?? []).some((x) => x.toLowerCase() === n.toLowerCase()));
  }
  for (const p of c.filterContacts ?? []) add('filterContacts', p.id, (r) => (r.contact.filterContacts ?? []).some((x) => x.id === p.id));
  for (const [k, v] of Object.entries(c)) {
    if (typeof v === 'string') add(k, v, (r) => (r.contact as Record<string, unknown>)[k] === v);
  }
  for (const d of merged.dynamic) {
    add(`dynamic:${d.fieldCode}`, d.values.map((x) => x.data).join(', '), (r) => r.dynamic.some((x) => x.fieldCode === d.fieldCode));
  }
  return out;
}
