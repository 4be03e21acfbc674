import { describe, expect, it } from 'vitest';
import type { Table } from '../../../shared/ingest/types';
import type { PreparedRow } from '../../../shared/prepare/types';
import { buildCleanSheet } from './cleanSheet';

describe('the "clean only" sheet', () => {
  const table: Table = {
    fileName: 'a.csv', sheet: 'a', headerRow: 1, notes: [],
    columns: [
      { index: 0, header: 'Tên', originalHeader: 'Tên', letter: 'A' },
      { index: 1, header: 'SĐT', originalHeader: 'SĐT', letter: 'B' },
    ],
    rows: [
      { rowNumber: 2, cells: ['an', '0912.345.678'] },
      { rowNumber: 3, cells: ['', ''] },
    ],
  };
  const prepared: PreparedRow[] = [
    {
      rowNumber: 2, contact: {}, dynamic: [], issues: [], status: 'valid',
      changes: [
        { column: 1, before: '0912.345.678', after: '0912 345 678', code: 'phone.format', reason: { vi: 'a', en: 'a' } },
        { column: 1, before: '0912 345 678', after: '0912345678', code: 'phone.format', reason: { vi: 'b', en: 'b' } },
        { column: 0, before: 'an', after: 'An', code: 'name.title-case', reason: { vi: 'c', en: 'c' } },
      ],
    },
    {
      rowNumber: 3, contact: {}, dynamic: [], changes: [], status: 'invalid',
      issues: [{ column: null, severity: 'error', code: 'row.no-identity', message: { vi: 'Không có tên, SĐT hay email.', en: 'x' } }],
    },
  ];

  it('applies the last change of each cell and says why a row is not valid', () => {
    const sheet = buildCleanSheet(table, prepared);
    expect(sheet.header).toEqual(['Tên', 'SĐT', 'Trạng thái / Status', 'Vấn đề / Problems']);
    expect(sheet.rows[0]).toEqual(['An', '0912345678', 'Hợp lệ / Valid', '']);
    expect(sheet.rows[1]).toEqual(['', '', 'Có lỗi / Invalid', 'Không có tên, SĐT hay email.']);
  });
});
