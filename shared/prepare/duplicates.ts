import type { ContactInput, Value } from '../omi/types';
import type { Bilingual } from '../text';
import { sharedInWords } from './duplicate-words';
import type { DuplicateGroup, DuplicatePolicy, Issue, PreparedRow } from './types';

/** Rows of a group looked at to say which one a chained row shares a value with. */
const LINK_SCAN = 100;

/** The keys a row can share with another: normalised phones, emails and its refId. */
export function duplicateKeys(contact: ContactInput): string[] {
  const keys: string[] = [];
  for (const p of contact.phones ?? []) keys.push(`phone:${p.data}`);
  for (const e of contact.emails ?? []) keys.push(`email:${e.data.toLowerCase()}`);
  if (contact.refId) keys.push(`refId:${contact.refId}`);
  return keys;
}

/**
 * Finds rows of the file that are the same contact (a shared phone, email or refId; rows linked through
 * any chain of shared keys count as one contact) and applies the policy:
 * - `keep-first`: the first valid row stays, the others become `duplicate` with `duplicateOf`;
 * - `merge`: as keep-first, and the first row takes the union of their phones, emails, tags, business,
 *   categories, funnel positions and dynamic values, plus any single field it lacked;
 * - `keep-all`: every row stays; each gets a warning naming the rows it resembles.
 * Invalid rows take no part (they are not sent). Input rows are not modified; pass rows fresh from
 * `prepareRow` (previous duplicate findings are dropped and worked out again).
 */
export function applyDuplicates(input: PreparedRow[], policy: DuplicatePolicy): { rows: PreparedRow[]; duplicates: DuplicateGroup[] } {
  return applyDuplicatesInPlace(input.map(reset), policy);
}

/** As `applyDuplicates`, on rows fresh from prepareRow that the caller owns (no copies: the 100k-row path). */
export function applyDuplicatesInPlace(rows: PreparedRow[], policy: DuplicatePolicy): { rows: PreparedRow[]; duplicates: DuplicateGroup[] } {
  const parent = rows.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const byKey = new Map<string, number[]>();
  rows.forEach((r, i) => {
    if (r.status === 'invalid') return;
    for (const k of duplicateKeys(r.contact)) {
      const list = byKey.get(k);
      if (list) {
        if (list[list.length - 1] !== i) list.push(i);
        const a = find(list[0]);
        const b = find(i);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      } else byKey.set(k, [i]);
    }
  });
  // One group per contact (the rows one union-find root holds), carrying every key its rows share.
  const keysOf = new Map<number, string[]>();
  for (const [key, idx] of byKey) {
    if (idx.length < 2) continue;
    const root = find(idx[0]);
    const keys = keysOf.get(root);
    if (keys) keys.push(key);
    else keysOf.set(root, [key]);
  }
  if (keysOf.size === 0) return { rows, duplicates: [] };

  const members = new Map<number, number[]>();
  rows.forEach((r, i) => {
    if (r.status === 'invalid') return;
    const root = find(i);
    if (!keysOf.has(root)) return;
    const list = members.get(root);
    if (list) list.push(i);
    else members.set(root, [i]);
  });
  // Listed in the order of their first row, as the file reads.
  const duplicates: DuplicateGroup[] = [];
  for (const [root, idx] of members) {
    const keys = keysOf.get(root)!;
    duplicates.push({ key: keys[0], keys, rowNumbers: idx.map((i) => rows[i].rowNumber) });
  }
  for (const [root, idx] of members) {
    if (idx.length < 2) continue;
    const keeper = rows[root];
    const others = idx.filter((i) => i !== root).map((i) => rows[i]);
    const why = (r: PreparedRow): Bilingual => {
      const keys = sharedKeys(keeper.contact, r.contact);
      if (keys.length) {
        const words = sharedInWords(keys);
        return { vi: `cùng ${words.vi}`, en: `same ${words.en}` };
      }
      // Linked through a chain: name a row it does share with (looking at a bounded number of them).
      for (const j of idx.slice(0, LINK_SCAN)) {
        const via = rows[j];
        if (via === r || via === keeper) continue;
        const through = sharedKeys(via.contact, r.contact);
        if (!through.length) continue;
        const words = sharedInWords(through);
        return { vi: `qua dòng ${via.rowNumber}: cùng ${words.vi}`, en: `through row ${via.rowNumber}: same ${words.en}` };
      }
      return { vi: 'liên kết qua dòng khác', en: 'linked through another row' };
    };
    if (policy === 'keep-all') {
      for (const i of idx) {
        const r = rows[i];
        const peers = idx.filter((j) => j !== i).map((j) => rows[j].rowNumber);
        r.issues.push(dupIssue('duplicate.possible',
          `Có thể trùng với dòng ${peers.join(', ')}; vẫn nhập cả hai theo lựa chọn "giữ tất cả".`,
          `May be the same contact as row ${peers.join(', ')}; both kept ("keep all").`));
      }
      continue;
    }
    for (const r of others) {
      r.status = 'duplicate';
      r.duplicateOf = keeper.rowNumber;
      r.issues.push(dupIssue('duplicate.of',
        `Trùng với dòng ${keeper.rowNumber} (${why(r).vi}); ${policy === 'merge' ? 'đã gộp vào dòng đó' : 'chỉ giữ dòng đầu tiên'}.`,
        `Same contact as row ${keeper.rowNumber} (${why(r).en}); ${policy === 'merge' ? 'merged into it' : 'only the first row is kept'}.`));
    }
    if (policy === 'merge') {
      const merged = mergeInto(keeper, others);
      rows[root] = merged;
      merged.issues.push(dupIssue('duplicate.merged',
        `Đã gộp dòng ${others.map((r) => r.rowNumber).join(', ')} vào dòng này (số điện thoại, email, thẻ…).`,
        `Rows ${others.map((r) => r.rowNumber).join(', ')} were merged into this one (phones, emails, tags…).`));
    }
  }
  return { rows, duplicates };
}

function dupIssue(code: string, vi: string, en: string): Issue {
  return { column: null, severity: 'warning', code, message: { vi, en } };
}

function sharedKeys(a: ContactInput, b: ContactInput): string[] {
  const ka = new Set(duplicateKeys(a));
  return duplicateKeys(b).filter((k) => ka.has(k));
}

/** A copy without earlier duplicate findings, its status worked out from its own issues. */
function reset(r: PreparedRow): PreparedRow {
  const issues = r.issues.filter((i) => !i.code.startsWith('duplicate.'));
  const { duplicateOf: _dropped, ...rest } = r;
  return { ...rest, issues, status: issues.some((i) => i.severity === 'error') ? 'invalid' : 'valid' };
}

function unionValues(a: Value[] | undefined, b: Value[] | undefined): Value[] | undefined {
  if (!b?.length) return a;
  const out = [...(a ?? [])];
  for (const v of b) if (!out.some((x) => x.data === v.data)) out.push(v);
  return out;
}

function unionNames(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  if (!b?.length) return a;
  const out = [...(a ?? [])];
  for (const n of b) if (!out.some((x) => x.toLowerCase() === n.toLowerCase())) out.push(n);
  return out;
}

const SINGLE = ['refId', 'refCode', 'refType', 'fullName', 'gender', 'passport', 'jobTitle', 'address', 'note', 'userOwnerEmail', 'avatarUrl'] as const;

function mergeInto(keeper: PreparedRow, others: PreparedRow[]): PreparedRow {
  const c: ContactInput = { ...keeper.contact };
  const dynamic = [...keeper.dynamic];
  for (const o of others) {
    const oc = o.contact;
    c.phones = unionValues(c.phones, oc.phones);
    c.emails = unionValues(c.emails, oc.emails);
    c.tags = unionNames(c.tags, oc.tags);
    c.business = unionNames(c.business, oc.business);
    c.categories = unionNames(c.categories, oc.categories);
    for (const p of oc.filterContacts ?? []) {
      if (!(c.filterContacts ?? []).some((x) => x.id === p.id)) c.filterContacts = [...(c.filterContacts ?? []), p];
    }
    for (const f of SINGLE) if (c[f] === undefined && oc[f] !== undefined) (c as Record<string, unknown>)[f] = oc[f];
    for (const d of o.dynamic) if (!dynamic.some((x) => x.fieldCode === d.fieldCode)) dynamic.push(d);
  }
  for (const k of Object.keys(c) as (keyof ContactInput)[]) if (c[k] === undefined) delete c[k];
  return { ...keeper, contact: c, dynamic, issues: [...keeper.issues] };
}
