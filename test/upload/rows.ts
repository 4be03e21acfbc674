/**
 * Prepared rows for upload tests, deterministic from a seed: Vietnamese names, unique phones and e-mails, and,
 * where asked, rows the sandbox refuses (a phone that is not a phone) mixed in. Also the checks every upload
 * test makes against the sandbox's own store: each valid row exactly once, with its content, and nothing else.
 */
import { expect } from 'vitest';
import { flattenContact } from '../../shared/omi/flatten';
import type { ContactItem } from '../../shared/omi/types';
import type { PreparedRow } from '../../shared/prepare/types';
import type { ImportPlan, ImportResult } from '../../shared/upload/types';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thu', 'Đức', 'Ngọc'];
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hà', 'Khánh', 'Linh', 'Phúc', 'Quân'];

export interface RowsOptions {
  /** Every n-th row carries a phone the sandbox refuses (0 = none). */
  invalidEvery?: number;
  /** Rows carry dynamic attributes (written by update after create). */
  dynamic?: boolean;
  /** Rows carry their own refId (the file had a refId column). */
  ownRefId?: boolean;
  /** Offset of the phone numbers, so two sets do not share phones. */
  phoneBase?: number;
  firstRow?: number;
}

/** `n` prepared rows, all status valid (the engine is what finds the server-side refusals). */
export function makeRows(n: number, o: RowsOptions = {}): PreparedRow[] {
  const rows: PreparedRow[] = [];
  const first = o.firstRow ?? 2;
  for (let i = 0; i < n; i++) {
    const rowNumber = first + i;
    const bad = o.invalidEvery ? (i + 1) % o.invalidEvery === 0 : false;
    const phone = bad ? `số-sai-${i}` : `09${String((o.phoneBase ?? 10_000_000) + i * 7).padStart(8, '0')}`;
    const fullName = `${FAMILY[i % FAMILY.length]} ${MIDDLE[(i >> 3) % MIDDLE.length]} ${GIVEN[(i * 7) % GIVEN.length]} ${i}`;
    rows.push({
      rowNumber,
      contact: {
        fullName,
        phones: [{ data: phone, type: 'personal', valueType: 'Cá nhân' }],
        emails: [{ data: `khach${(o.phoneBase ?? 0) + i}@vi-du.vn`, type: 'office', valueType: 'Công ty' }],
        tags: ['Lead'],
        ...(i % 3 === 0 ? { filterContacts: [{ id: 'f1', index: 1, secondLevelIndex: 1 }] } : {}),
        ...(o.ownRefId ? { refId: `KH-${rowNumber}` } : {}),
      },
      dynamic: o.dynamic ? [{ fieldCode: 'nguon_khach', values: [{ data: i % 2 ? 'facebook' : 'su_kien', type: '', valueType: '' }] }] : [],
      issues: [],
      changes: [],
      status: 'valid',
    });
  }
  return rows;
}

/** Whether the sandbox refuses this row (its phone is not a phone). */
export function isServerInvalid(r: { contact: { phones?: { data: string }[] } }): boolean {
  return (r.contact.phones ?? []).some((p) => p.data.startsWith('số-sai'));
}

/**
 * The exactly-once check: every row of the plan that the server accepts is stored exactly once (by refId) with
 * its name, phone, e-mail, tags and dynamic values; refused rows are not stored and failed with a reason naming
 * the phone; the store holds nothing else (beyond `others` contacts that were there before).
 */
export function expectExactlyOnce(plan: ImportPlan, result: ImportResult, contacts: ContactItem[], others = 0): void {
  const byRef = new Map<string, ContactItem[]>();
  for (const c of contacts) {
    const ref = typeof c.ref_id === 'string' ? c.ref_id : '';
    byRef.set(ref, [...(byRef.get(ref) ?? []), c]);
  }
  const outcome = new Map(result.outcomes.map((o) => [o.rowNumber, o]));
  let valid = 0;
  for (const row of plan.rows) {
    const stored = byRef.get(row.refId) ?? [];
    const o = outcome.get(row.rowNumber);
    if (isServerInvalid(row)) {
      expect(stored, `row ${row.rowNumber} was refused yet stored`).toHaveLength(0);
      expect(o?.outcome, `row ${row.rowNumber}`).toBe('failed');
      // Whose fault and what to do: the field is named as the Mapping screen names it, and the user corrects it.
      expect(o?.reason?.en, `row ${row.rowNumber} reason`).toMatch(/the "Phone" field of this row\. Correct that value in the file/);
      expect(o?.reason?.vi, `row ${row.rowNumber} reason (vi)`).toMatch(/trường "Số điện thoại" của dòng này\. Hãy sửa giá trị đó trong tệp/);
      expect(o?.reason?.detail, `row ${row.rowNumber} detail`).toContain(row.contact.phones![0].data);
      continue;
    }
    valid++;
    expect(stored.length, `row ${row.rowNumber} (${row.refId}) stored ${stored.length} times`).toBe(1);
    expect(['created', 'skipped']).toContain(o?.outcome);
    const flat = flattenContact(stored[0]);
    expect(flat.fullName).toBe(row.contact.fullName);
    expect(flat.phones).toEqual(row.contact.phones!.map((p) => p.data));
    expect(flat.emails).toEqual(row.contact.emails!.map((e) => e.data));
    expect(flat.tags).toEqual(row.contact.tags);
    expect(flat.filterContacts).toEqual(row.contact.filterContacts ?? []);
    for (const d of row.dynamic) expect(flat.dynamic[d.fieldCode]).toEqual(d.values.map((v) => v.data));
  }
  expect(contacts.length, 'contacts in the sandbox').toBe(valid + others);
}
