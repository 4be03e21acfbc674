import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest, openWorkbook } from '../../shared/ingest';
import { isUserError } from '../../shared/text';
import { HTML_HEADERS, HTML_ROWS, HTML_TITLE, writeHtmlFixtures } from '../fixtures/html';

const dir = mkdtempSync(join(tmpdir(), 'ingest-html-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixtures = writeHtmlFixtures(dir);
const read = (file: string) => new Uint8Array(readFileSync(join(dir, file)));

describe('HTML tables saved as .xls are read as workbooks', () => {
  for (const f of fixtures) {
    it(`${f.file}: ${f.why}`, () => {
      const { workbook, table } = ingest(read(f.file), f.file);
      expect(workbook.format).toBe('xls');
      expect(workbook.encoding).toBe(f.encoding);
      // The merged title row is skipped: the header is row 2.
      expect(table.headerRow).toBe(2);
      expect(table.columns.map((c) => c.header)).toEqual(HTML_HEADERS);
      expect(table.rows.map((r) => r.rowNumber)).toEqual([3, 4, 5, 6, 7]);
      expect(table.rows.map((r) => r.cells)).toEqual(HTML_ROWS);
      // Phones keep their leading zeros as text, dates stay as written (never read month-first).
      expect(table.rows[2].cells[2]).toBe('0031234567');
      expect(table.rows[1].cells[4]).toBe('28/11/1985');
      for (const r of table.rows) for (const c of r.cells) expect(c).toBe(c.normalize('NFC'));
      expect(table.columns.every((c) => c.conversion === undefined)).toBe(true);
    });
  }

  it('lists the title as the first row of the sheet', () => {
    const opened = openWorkbook(read('khach-hang-1258.xls'), 'khach-hang-1258.xls');
    expect(opened.info.sheets).toHaveLength(1);
    expect(opened.info.sheets[0]).toMatchObject({ rowCount: 2 + HTML_ROWS.length, columnCount: HTML_HEADERS.length, empty: false });
    const table = opened.readTable({ headerRow: 1 });
    expect(table.columns[0].header).toBe(HTML_TITLE);
  });

  it('refuses a web page without a table, and a PDF, with the reason', () => {
    const page = new TextEncoder().encode('<!DOCTYPE html><html><head><meta charset="utf-8"><title>Báo cáo</title></head><body><p>Phiên làm việc đã hết hạn</p></body></html>');
    const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    for (const [bytes, file, en] of [[page, 'bao-cao.xls', 'web page (HTML)'], [pdf, 'bao-cao-pdf.xls', 'PDF document']] as const) {
      let error: unknown;
      try {
        ingest(bytes, file);
      } catch (e) {
        error = e;
      }
      expect(isUserError(error)).toBe(true);
      if (!isUserError(error)) return;
      expect(error.code).toBe('ingest.not-a-spreadsheet');
      expect(error.text.en).toContain(en);
      expect(error.text.en).toContain(file);
      expect(error.text.vi).toContain(file);
    }
  });
});
