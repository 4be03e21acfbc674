import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../shared/ingest';
import { isUserError, type UserError } from '../../shared/text';
import { writeBadFixtures, xlsxEntries } from '../fixtures/bad';
import { buildZip } from '../fixtures/zip';

const dir = mkdtempSync(join(tmpdir(), 'ingest-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixtures = writeBadFixtures(dir, { big: true });

function failure(file: string, run: () => unknown): UserError {
  try {
    run();
  } catch (e) {
    if (isUserError(e)) return e;
    throw new Error(`${file}: expected a UserError, got ${String(e)}`);
  }
  throw new Error(`${file}: was accepted`);
}

/** Words in each language that say which limit was hit. */
const LIMIT_WORDS: Record<string, [string, string]> = {
  'ingest.too-many-rows': ['giới hạn số dòng', 'row limit'],
  'ingest.too-many-columns': ['giới hạn', 'column limit'],
  'ingest.cell-too-long': ['giới hạn độ dài ô', 'cell length limit'],
  'ingest.too-large': ['giới hạn dung lượng', 'file size limit'],
  'ingest.zip-bomb': ['giới hạn giải nén', 'unpacked size limit'],
  'ingest.timeout': ['giới hạn thời gian', 'time limit'],
};

describe('bad input is refused with a specific, bilingual error', () => {
  for (const f of fixtures) {
    it(`${f.file}: ${f.why} → ${f.code}`, () => {
      const bytes = new Uint8Array(readFileSync(join(dir, f.file)));
      const e = failure(f.file, () => ingest(bytes, f.file, { limits: f.limits, sheet: f.sheet, headerRow: f.headerRow }));
      expect(e.code).toBe(f.code);
      expect(e.text.vi).toContain(f.file);
      expect(e.text.en).toContain(f.file);
      expect(e.text.vi).not.toBe(e.text.en);
      expect(e.text.en).not.toMatch(/\bat \w+ \(|\.ts:\d+/); // no stack traces
      const words = LIMIT_WORDS[f.code];
      if (words) {
        expect(e.text.vi).toContain(words[0]);
        expect(e.text.en).toContain(words[1]);
      }
    });
  }

  it('names the part whose declared size is a lie, and says it stopped unpacking', () => {
    const e = failure('bomb-lying.xlsx', () => ingest(new Uint8Array(readFileSync(join(dir, 'bomb-lying.xlsx'))), 'bomb-lying.xlsx'));
    expect(e.text.vi).toContain('"xl/media/pad0.bin" khai báo 1,000 byte');
    expect(e.text.en).toContain('"xl/media/pad0.bin" that declares 1,000 bytes but unpacks to more');
    const over = failure('size-lie-over.xlsx', () => ingest(new Uint8Array(readFileSync(join(dir, 'size-lie-over.xlsx'))), 'size-lie-over.xlsx'));
    expect(over.text.en).toContain('"xl/worksheets/sheet1.xml" declares a size that does not match its real contents');
  });

  it('names the place of a too-long cell', () => {
    const e = failure('long-cell.csv', () => ingest(new Uint8Array(readFileSync(join(dir, 'long-cell.csv'))), 'long-cell.csv'));
    expect(e.place).toMatchObject({ file: 'long-cell.csv', row: 2, column: 'B' });
  });
});

describe('hard but valid input is read', () => {
  it('keeps a 32,767-character cell (Excel\'s maximum) whole', () => {
    const XLSX_MAX = 32_767;
    const big = `${'Ghi chú dài '.repeat(3000)}`.slice(0, XLSX_MAX);
    const { table } = ingest(xlsx([['Họ và tên', 'Ghi chú'], ['An', big]]), 'long.xlsx');
    expect(table.rows[0].cells[1]).toHaveLength(XLSX_MAX);
    expect(table.rows[0].cells[1]).toBe(big.trim());
  });
});

describe('valid zips come through the bounded inflater whole', () => {
  const aoa = [['DANH SÁCH KHÁCH HÀNG'], ['Họ và tên', 'SĐT'], ...Array.from({ length: 300 }, (_, i) => [`Nguyễn Văn ${i + 1}`, `09${String(i).padStart(8, '0')}`])];
  const plain = xlsx(aoa, true);
  const expected = ingest(plain, 'k.xlsx').table.rows.map((r) => r.cells);
  // A limit just above what the file really unpacks to (its compressed size × 1032 is far over it).
  const counted = { limits: { maxUnzippedBytes: 1024 * 1024 } };

  it('a deflated xlsx under a lowered unpacked-size limit', () => {
    expect(expected).toHaveLength(300);
    expect(expected[299]).toEqual(['Nguyễn Văn 300', '0900000299']);
    expect(ingest(plain, 'k.xlsx', counted).table.rows.map((r) => r.cells)).toEqual(expected);
  });

  it('the same xlsx rewritten with ZIP64 size fields (as streaming writers do), which SheetJS reads', () => {
    const zip64 = buildZip(xlsxEntries(plain), { zip64: true });
    expect(ingest(zip64, 'k64.xlsx', counted).table.rows.map((r) => r.cells)).toEqual(expected);
  });

  it('the same xlsx with its parts stored uncompressed', () => {
    const stored = buildZip(xlsxEntries(plain).map((e) => ({ ...e, stored: true })));
    expect(ingest(stored, 'stored.xlsx', counted).table.rows.map((r) => r.cells)).toEqual(expected);
  });
});

import * as XLSX from '@e965/xlsx';
function xlsx(aoa: unknown[][], compression = false): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), 'S');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression }) as ArrayBuffer);
}
