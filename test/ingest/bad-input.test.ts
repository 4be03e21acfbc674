import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest } from '../../shared/ingest';
import { isUserError, type UserError } from '../../shared/text';
import { writeBadFixtures } from '../fixtures/bad';

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

import * as XLSX from '@e965/xlsx';
function xlsx(aoa: unknown[][]): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), 'S');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}
