/** openWorkbook's preview (previewRows) against the whole read, on the messy workbook and every generated format. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { buildMessyWorkbook, writeMessyCsv, writeMessyWorkbook } from '../fixtures/messy';
import { writeFormatFixtures } from '../fixtures/formats';
import { openWorkbook } from '../../shared/ingest/open';

const dir = mkdtempSync(join(tmpdir(), 'ingest-preview-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Opens the file twice, as a preview and whole, and checks the preview tells the same story about the top of it. */
function comparePreview(file: string, previewRows = 100) {
  const bytes = new Uint8Array(readFileSync(file));
  const whole = openWorkbook(bytes, file);
  const preview = openWorkbook(bytes, file, undefined, { previewRows });
  expect(whole.partial).toBe(false);
  expect(preview.info.suggestedSheet).toBe(whole.info.suggestedSheet);
  expect(preview.info.sheets.map((s) => s.name)).toEqual(whole.info.sheets.map((s) => s.name));
  expect(preview.info.format).toBe(whole.info.format);
  expect(preview.info.encoding).toBe(whole.info.encoding);
  const a = whole.readTable();
  const b = preview.readTable();
  expect(b.headerRow).toBe(a.headerRow);
  expect(b.columns.map((c) => c.header)).toEqual(a.columns.map((c) => c.header));
  const n = b.rows.length;
  expect(n).toBeGreaterThan(0);
  expect(b.rows.map((r) => r.cells)).toEqual(a.rows.slice(0, n).map((r) => r.cells));
  expect(b.rows.map((r) => r.rowNumber)).toEqual(a.rows.slice(0, n).map((r) => r.rowNumber));
  return { whole, preview, a, b };
}

describe('openWorkbook with previewRows', () => {
  it('the messy workbook (title rows, merges, hidden and empty sheets): same sheet, header and first rows, and says it is partial', () => {
    const file = join(dir, 'messy-1000.xlsx');
    writeMessyWorkbook(file, { rows: 1000 });
    const { preview, a, b } = comparePreview(file);
    expect(preview.partial).toBe(true);
    expect(b.rows.length).toBeLessThan(a.rows.length);
    expect(b.rows.length).toBeLessThanOrEqual(100);
  });

  it('the small messy workbook is read whole: not partial, same table', () => {
    const file = join(dir, 'messy.xlsx');
    writeMessyWorkbook(file);
    const { preview, a, b } = comparePreview(file, 200);
    expect(preview.partial).toBe(false);
    expect(b.rows.length).toBe(a.rows.length);
  });

  it('an xlsx with shared strings (as Excel writes it): the cut shared-string table still gives the same cells', () => {
    const file = join(dir, 'messy-sst.xlsx');
    const bytes = XLSX.write(buildMessyWorkbook({ rows: 600 }), { type: 'array', bookType: 'xlsx', bookSST: true }) as ArrayBuffer;
    writeFileSync(file, new Uint8Array(bytes));
    const { preview } = comparePreview(file);
    expect(preview.partial).toBe(true);
  });

  it('xls, xlsb and ods (read with SheetJS sheetRows) and a big CSV', () => {
    for (const bookType of ['xls', 'xlsb', 'ods'] as const) {
      const file = join(dir, `messy-400.${bookType}`);
      writeMessyWorkbook(file, { rows: 400, bookType: bookType === 'xls' ? 'biff8' : bookType });
      expect(comparePreview(file).preview.partial).toBe(true);
    }
    for (const encoding of ['utf8-bom', 'windows-1258'] as const) {
      const file = join(dir, `messy-400-${encoding}.csv`);
      writeMessyCsv(file, { rows: 400, encoding });
      expect(comparePreview(file).preview.partial).toBe(true);
    }
  });

  it('every generated format gives the same header and rows as a preview', () => {
    for (const f of writeFormatFixtures(dir)) comparePreview(join(dir, f.file));
  });
});
