/**
 * The preview of one group of duplicates (previewDuplicates) says exactly what the whole-table prepare does with
 * those rows under each policy: which row is sent, which are skipped and why, and the merged contact with the values
 * that came from the other rows. Checked on a real .xlsx, by hand on a small group and against prepareTable on a
 * random sheet full of shared phones and emails.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { autoMap } from '../../shared/mapping/auto';
import { buildTargetCatalog } from '../../shared/mapping/catalog';
import { previewDuplicates } from '../../shared/prepare/duplicate-preview';
import { toContactInput } from '../../shared/prepare/payload';
import { prepareRow, prepareTable } from '../../shared/prepare/prepare';
import type { DuplicatePolicy, PreparedTable } from '../../shared/prepare/types';
import { SANDBOX_FUNNELS, SANDBOX_LAYOUT } from '../mapping/account';
import { sheetTable } from './sheet';

const dir = mkdtempSync(join(tmpdir(), 'dup-preview-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const catalog = buildTargetCatalog(SANDBOX_LAYOUT, SANDBOX_FUNNELS);
const P = (data: string) => ({ data, type: 'personal', valueType: 'Cá nhân' });

describe('one group of duplicates, under each policy', () => {
  // Rows 3, 4 and 5 are one contact (row 3 and 4 share a phone, 4 and 5 an email); row 2 is invalid.
  const table = sheetTable(dir, 'group.xlsx', [
    ['Mã KH', 'Họ tên', 'SĐT', 'Email', 'Thẻ', 'Địa chỉ'],
    ['KH0', 'A'.repeat(300), '0912 345 678', '', '', ''],
    ['KH1', 'Nguyễn Văn An', '0912345678', 'an@gmail.com', 'VIP', ''],
    ['KH2', 'Nguyen Van An', '+84 912 345 678', 'an.work@company.vn', 'Lead', 'Hà Nội'],
    ['KH3', 'An Nguyễn', '0987654321', 'an.work@company.vn', 'VIP, Sự kiện', ''],
  ]);
  const mapping = autoMap(table, catalog);
  const fresh = () => [1, 2, 3].map((i) => prepareRow(table, i, mapping, catalog, { duplicatePolicy: 'keep-first' }));

  it('keep-first: row 3 is sent, rows 4 and 5 are skipped as its duplicates, each row shown as it is', () => {
    const p = previewDuplicates(fresh(), 'keep-first');
    expect(p.members.map((m) => [m.rowNumber, m.outcome, m.duplicateOf])).toEqual([[3, 'sent', undefined], [4, 'skipped', 3], [5, 'skipped', 3]]);
    expect(p.members[1].contact).toMatchObject({ refId: 'KH2', fullName: 'Nguyen Van An', address: 'Hà Nội', tags: ['Lead'] });
    expect(p.members[2].note?.message.en).toMatch(/Same contact as row 3/);
    expect(p.merged).toBeUndefined();
  });

  it('merge: the merged contact is the one prepareTable sends, and each added value names its row', () => {
    const p = previewDuplicates(fresh(), 'merge');
    const whole = prepareTable(table, mapping, catalog, { duplicatePolicy: 'merge' });
    expect(p.merged?.contact).toEqual(toContactInput(whole.rows[1]));
    expect(p.merged?.contact).toMatchObject({ refId: 'KH1', fullName: 'Nguyễn Văn An', address: 'Hà Nội', phones: [P('0912345678'), P('0987654321')] });
    expect(p.members.map((m) => m.outcome)).toEqual(['merged', 'skipped', 'skipped']);
    expect(p.merged?.from).toEqual([
      { field: 'phones', value: '0987654321', rowNumber: 5 },
      { field: 'emails', value: 'an.work@company.vn', rowNumber: 4 },
      { field: 'tags', value: 'Lead', rowNumber: 4 },
      { field: 'tags', value: 'Sự kiện', rowNumber: 5 },
      { field: 'address', value: 'Hà Nội', rowNumber: 4 },
    ]);
    // The rows themselves are shown unmerged.
    expect(p.members[0].contact.phones).toEqual([P('0912345678')]);
  });

  it('keep-all: every row is sent', () => {
    const p = previewDuplicates(fresh(), 'keep-all');
    expect(p.members.map((m) => m.outcome)).toEqual(['sent', 'sent', 'sent']);
    expect(p.members.every((m) => m.note?.code === 'duplicate.possible')).toBe(true);
  });
});

describe('the preview agrees with the whole table on any sheet', () => {
  // Phones and emails from pools about as big as the rows, written several ways: many small groups, some chained.
  const phone = fc.integer({ min: 10, max: 50 }).chain((n) => fc.constantFrom(`09123456${n}`, `0912 3456 ${n}`, `+84 912 3456${n}`, '', '12345'));
  const email = fc.integer({ min: 10, max: 50 }).chain((n) => fc.constantFrom(`an${n}@gmail.com`, `AN${n}@GMAIL.COM`, '', 'x@'));
  const rows = fc.sample(fc.tuple(fc.constantFrom('An', 'BÌNH', '', 'Chi'), phone, email, fc.constantFrom('VIP', 'Lead', '', 'VIP, Lead'), fc.constantFrom('', 'Huế')), { numRuns: 60, seed: 7 });
  const table = sheetTable(dir, 'random.xlsx', [['Họ tên', 'SĐT', 'Email', 'Thẻ', 'Địa chỉ'], ...rows]);
  const mapping = autoMap(table, catalog);

  /** Row indexes of each contact that more than one row stands for (the union of groups sharing a row). */
  function components(t: PreparedTable): number[][] {
    const index = new Map(t.rows.map((r, i) => [r.rowNumber, i]));
    const parent = t.rows.map((_r, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
    for (const g of t.duplicates) for (const n of g.rowNumbers) parent[find(index.get(n)!)] = find(index.get(g.rowNumbers[0])!);
    const by = new Map<number, number[]>();
    for (const g of t.duplicates) for (const n of g.rowNumbers) {
      const root = find(index.get(n)!);
      const list = by.get(root) ?? [];
      if (!list.includes(index.get(n)!)) list.push(index.get(n)!);
      by.set(root, list);
    }
    return [...by.values()].map((l) => l.sort((a, b) => a - b));
  }

  it.each<DuplicatePolicy>(['keep-first', 'merge', 'keep-all'])('%s', (policy) => {
    const t = prepareTable(table, mapping, catalog, { duplicatePolicy: policy });
    const groups = components(t);
    expect(groups.length).toBeGreaterThan(2);
    for (const idx of groups) {
      const p = previewDuplicates(idx.map((i) => prepareRow(table, i, mapping, catalog, { duplicatePolicy: policy })), policy);
      for (const [k, i] of idx.entries()) {
        const r = t.rows[i];
        const m = p.members[k];
        expect(m.rowNumber).toBe(r.rowNumber);
        expect(m.outcome === 'skipped' ? 'duplicate' : 'valid').toBe(r.status);
        expect(m.duplicateOf).toBe(r.duplicateOf);
        if (m.outcome === 'merged') expect(p.merged?.contact).toEqual(toContactInput(r));
        if (m.outcome === 'sent') expect(m.contact).toEqual(toContactInput(r));
      }
      expect(p.merged !== undefined).toBe(policy === 'merge');
    }
  });
});
