import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../shared/ingest';
import { FORMAT_HEADERS, writeFormatFixtures } from '../fixtures/formats';

const dir = mkdtempSync(join(tmpdir(), 'ingest-formats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixtures = writeFormatFixtures(dir);

describe('every format and encoding gives the same table', () => {
  it('covers xlsx, xlsm, xlsb, xls (BIFF8 and BIFF5), ods, csv, tsv and Unicode text', () => {
    expect(new Set(fixtures.map((f) => f.format))).toEqual(new Set(['xlsx', 'xlsm', 'xlsb', 'xls', 'ods', 'csv', 'tsv', 'txt']));
  });

  for (const f of fixtures) {
    it(f.file, () => {
      const { workbook, table } = ingest(new Uint8Array(readFileSync(join(dir, f.file))), f.file);
      expect(workbook.format).toBe(f.format);
      expect(workbook.encoding).toBe(f.encoding);
      expect(table.headerRow).toBe(f.headerRow);
      expect(table.columns.map((c) => c.header)).toEqual(FORMAT_HEADERS);
      expect(table.rows.map((r) => r.rowNumber)).toEqual(f.rowNumbers);
      expect(table.rows.map((r) => r.cells)).toEqual(f.rows);
      if (f.typed) {
        // The phone typed as a number stays digits with its raw number; the Excel date is a date.
        expect(table.rows[0].kinds?.[2]).toBe('number');
        expect(table.rows[0].raw?.[2]).toBe(912345678);
        expect(table.rows[0].kinds?.[4]).toBe('date');
        expect(table.rows[1].kinds?.[4]).toBe('text');
      } else {
        expect(table.rows[0].kinds).toBeUndefined();
      }
      if (f.conversion) {
        expect(table.columns[f.conversion.column].conversion).toMatchObject({ encoding: f.conversion.encoding, enabled: true });
      } else {
        expect(table.columns.every((c) => c.conversion === undefined)).toBe(true);
      }
    });
  }

  it('reads 1904-system dates as the same calendar dates', () => {
    const f = fixtures.find((x) => x.file === 'contacts-1904.xlsx')!;
    const { workbook, table } = ingest(new Uint8Array(readFileSync(join(dir, f.file))), f.file);
    expect(workbook.date1904).toBe(true);
    expect(table.rows[0].cells[4]).toBe('15/03/1990');
    expect(table.rows[0].raw?.[4]).toBe(32947 - 1462); // 32947 is 15/03/1990 in the 1900 system
  });
});
