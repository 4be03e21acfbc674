import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContactInput } from '../omi/types';
import { applyDuplicates, duplicateKeys } from './duplicates';
import type { PreparedRow } from './types';

const value = (data: string) => ({ data, type: 'home', valueType: 'Nhà' });

/** A row as prepareRow gives it: sheet row `n`, the contact's phones, emails and refId. */
function row(n: number, c: { phones?: string[]; emails?: string[]; refId?: string; invalid?: boolean }): PreparedRow {
  const contact: ContactInput = { fullName: `Khách ${n}` };
  if (c.phones?.length) contact.phones = c.phones.map(value);
  if (c.emails?.length) contact.emails = c.emails.map(value);
  if (c.refId) contact.refId = c.refId;
  const issues = c.invalid ? [{ column: 0, severity: 'error' as const, code: 'x.bad', message: { vi: 'x', en: 'x' } }] : [];
  return { rowNumber: n, contact, dynamic: [], issues, changes: [], status: c.invalid ? 'invalid' : 'valid' };
}

describe('duplicate groups: one per contact', () => {
  it('a chain (A-B share a phone, B-C an email) is one group of three carrying both values', () => {
    const rows = [
      row(2, { phones: ['0912345678'], emails: ['a@x.vn'] }),
      row(3, { phones: ['0912345678'], emails: ['b@x.vn'] }),
      row(4, { phones: ['0987654321'], emails: ['b@x.vn'] }),
      row(5, { phones: ['0903000111'] }),
    ];
    const out = applyDuplicates(rows, 'keep-first');
    expect(out.duplicates).toEqual([{ key: 'phone:0912345678', keys: ['phone:0912345678', 'email:b@x.vn'], rowNumbers: [2, 3, 4] }]);
    expect(out.rows.map((r) => [r.status, r.duplicateOf])).toEqual([['valid', undefined], ['duplicate', 2], ['duplicate', 2], ['valid', undefined]]);
    expect(out.rows[2].issues[0].message.en).toBe('Same contact as row 2 (through row 3: same email b@x.vn); only the first row is kept.');
  });

  it('two rows sharing a phone and an email are one group, titled with both in words', () => {
    const out = applyDuplicates([row(4, { phones: ['0912345678'], emails: ['an@gmail.com'] }), row(15, { phones: ['0912345678'], emails: ['an@gmail.com'] })], 'merge');
    expect(out.duplicates).toHaveLength(1);
    expect(out.duplicates[0].keys).toEqual(['phone:0912345678', 'email:an@gmail.com']);
    expect(out.rows[1].issues[0].message).toEqual({
      vi: 'Trùng với dòng 4 (cùng số điện thoại 0912 345 678 và email an@gmail.com); đã gộp vào dòng đó.',
      en: 'Same contact as row 4 (same phone 0912 345 678 and email an@gmail.com); merged into it.',
    });
    expect(JSON.stringify(out.rows.map((r) => r.issues))).not.toMatch(/phone:|email:/);
  });

  it('an invalid row links nothing: two rows joined only through it are not a group', () => {
    const rows = [
      row(2, { phones: ['0912345678'] }),
      row(3, { phones: ['0912345678'], emails: ['b@x.vn'], invalid: true }),
      row(4, { emails: ['b@x.vn'] }),
    ];
    expect(applyDuplicates(rows, 'keep-first').duplicates).toEqual([]);
  });

  // Contacts drawn from a small pool of values, so that rows collide and chain.
  const contact = fc.record({
    phones: fc.subarray(['0912345678', '0987654321', '0903111222', '+6591234567'], { maxLength: 2 }),
    emails: fc.subarray(['a@x.vn', 'b@x.vn', 'c@x.vn'], { maxLength: 2 }),
    refId: fc.option(fc.constantFrom('KH1', 'KH2'), { nil: undefined }),
    invalid: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
  });

  it('property: groups are disjoint, each row shares a key with another row of its group, and each group is one connected contact', () => {
    fc.assert(fc.property(fc.array(contact, { maxLength: 25 }), fc.constantFrom('keep-first', 'merge', 'keep-all' as const), (cs, policy) => {
      const rows = cs.map((c, i) => row(i + 2, c));
      const { duplicates, rows: out } = applyDuplicates(rows, policy);
      const keysOf = new Map(rows.map((r) => [r.rowNumber, r.status === 'invalid' ? [] : duplicateKeys(r.contact)]));
      const seen = new Set<number>();
      for (const g of duplicates) {
        expect(g.rowNumbers.length).toBeGreaterThan(1);
        expect(g.keys?.[0]).toBe(g.key);
        for (const n of g.rowNumbers) {
          expect(seen.has(n)).toBe(false);
          seen.add(n);
          const mine = new Set(keysOf.get(n));
          expect(g.rowNumbers.some((m) => m !== n && keysOf.get(m)!.some((k) => mine.has(k)))).toBe(true);
        }
        // Every listed key is held by two rows of this group, and by no row outside it.
        for (const k of g.keys!) {
          expect(g.rowNumbers.filter((n) => keysOf.get(n)!.includes(k)).length).toBeGreaterThan(1);
          expect([...keysOf].some(([n, ks]) => !g.rowNumbers.includes(n) && ks.includes(k))).toBe(false);
        }
        // Connected: a walk over shared keys from its first row reaches every row.
        const reached = new Set([g.rowNumbers[0]]);
        for (let grew = true; grew;) {
          grew = false;
          for (const n of g.rowNumbers) {
            if (reached.has(n)) continue;
            if ([...reached].some((m) => keysOf.get(m)!.some((k) => keysOf.get(n)!.includes(k)))) {
              reached.add(n);
              grew = true;
            }
          }
        }
        expect(reached.size).toBe(g.rowNumbers.length);
      }
      // Rows in no group share no key with any other valid row; every skipped row is in a group.
      for (const r of out) {
        if (r.status === 'duplicate') expect(seen.has(r.rowNumber)).toBe(true);
        if (seen.has(r.rowNumber)) continue;
        const mine = keysOf.get(r.rowNumber)!;
        expect([...keysOf].some(([n, ks]) => n !== r.rowNumber && ks.some((k) => mine.includes(k)))).toBe(false);
      }
    }), { numRuns: 300 });
  });
});
