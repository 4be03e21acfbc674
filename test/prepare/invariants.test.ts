/**
 * Whatever is in the file, preparing it keeps the product's promises: every input row comes out (valid, invalid with
 * an error saying why, or a duplicate naming the row it repeats), and nothing a valid row would send is a value the
 * API refuses. Checked on a real .xlsx of 400 rows of random, messy-looking cells.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { autoMap } from '../../shared/mapping/auto';
import { buildTargetCatalog } from '../../shared/mapping/catalog';
import { toContactInput, toUpdateBody } from '../../shared/prepare/payload';
import { prepareTable } from '../../shared/prepare/prepare';
import type { DuplicatePolicy } from '../../shared/prepare/types';
import { validateContact } from '../../shared/validate/contact';
import { SANDBOX_FUNNELS, SANDBOX_LAYOUT } from '../mapping/account';
import { sheetTable, type Cell } from './sheet';

const dir = mkdtempSync(join(tmpdir(), 'invariants-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const catalog = buildTargetCatalog(SANDBOX_LAYOUT, SANDBOX_FUNNELS);

const HEADERS = ['Mã KH', 'Họ tên', 'SĐT', 'SĐT công ty', 'Email', 'Giới tính', 'Thẻ', 'NV phụ trách', 'Ảnh đại diện', 'Nguồn khách hàng', 'Ngày sinh', 'Trạng thái', 'Ghi chú'];

const piece = fc.constantFrom(
  '0912345678', '0912 345 678', '+84 912 345 678', '01662345678', '12345', 'N/A', '', ' ', '-', 'an@gmail.com', 'AN@GMIAL.COM',
  'x@', 'Nam', 'nữ', 'F', 'khác', 'Bà', 'VIP, vip; Lead', 'Facebook', 'su kien', 'Zalo', '15/03/1990', '31/02/2000', 'Mới > Chưa gọi',
  'Khách VIP', 'https://cdn.example.vn/a.png', 'ftp://x', 'NGUYỄN thị ánh', '0283823456', '04 3826 1234', 'KH1', 'KH2', '#N/A', 'a'.repeat(300),
);
const cell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 6, arbitrary: piece },
  { weight: 2, arbitrary: fc.tuple(piece, piece).map(([a, b]) => `${a} / ${b}`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom<Cell>(912345678, 84912345678, 1689123456, 31149, null) },
);
const rows = fc.sample(fc.array(cell, { minLength: HEADERS.length, maxLength: HEADERS.length }), { numRuns: 400, seed: 20241129 });

describe('prepare keeps its promises on any sheet', () => {
  const table = sheetTable(dir, 'random.xlsx', [HEADERS, ...rows]);
  const mapping = autoMap(table, catalog);

  it('maps the header as expected (the rest of the test relies on it)', () => {
    expect(mapping.map((m) => m.target)).toEqual(['refId', 'fullName', 'phones', 'phones', 'emails', 'gender', 'tags', 'userOwnerEmail', 'avatarUrl', 'dynamic:nguon_khach', 'dynamic:ngay_sinh', 'funnel:f1', 'note']);
  });

  it.each<DuplicatePolicy>(['keep-first', 'merge', 'keep-all'])('with %s, every row is accounted for and valid rows are sendable', (policy) => {
    const t = prepareTable(table, mapping, catalog, { duplicatePolicy: policy });
    expect(t.rows.map((r) => r.rowNumber)).toEqual(table.rows.map((r) => r.rowNumber));
    const byNumber = new Map(t.rows.map((r) => [r.rowNumber, r]));
    for (const r of t.rows) {
      if (r.status === 'invalid') expect(r.issues.some((i) => i.severity === 'error'), `row ${r.rowNumber}`).toBe(true);
      if (r.status === 'duplicate') {
        expect(byNumber.get(r.duplicateOf!)?.status, `row ${r.rowNumber}`).toBe('valid');
        expect(r.issues.some((i) => i.code === 'duplicate.of')).toBe(true);
      }
      if (r.status === 'valid') {
        const c = toContactInput(r);
        expect(validateContact(c, r.dynamic), `row ${r.rowNumber}`).toEqual([]);
        expect(Boolean(c.fullName || c.phones?.length || c.emails?.length)).toBe(true);
        expect(() => toUpdateBody(r, { refId: c.refId ?? 'generated' })).not.toThrow();
      }
      for (const i of r.issues) expect(i.message.vi.length * i.message.en.length).toBeGreaterThan(0);
      for (const ch of r.changes) expect(ch.column).toBeGreaterThanOrEqual(0);
    }
    expect(t.counts.total).toBe(t.counts.valid + t.counts.invalid + t.counts.duplicates);
    if (policy === 'keep-all') expect(t.counts.duplicates).toBe(0);
  });
});
