import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingest, openWorkbook } from '../../shared/ingest';
import {
  MESSY_EMPTY_ROW, MESSY_EMPTY_SHEET, MESSY_HEADERS, MESSY_HEADER_ROW, MESSY_HIDDEN_SHEET, MESSY_ROWS, MESSY_SHEET,
  generateCleanRows, messyCsvCells, writeMessyCsv, writeMessyWorkbook,
} from '../fixtures/messy';

const dir = mkdtempSync(join(tmpdir(), 'ingest-messy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bytesOf = (p: string) => new Uint8Array(readFileSync(p));

describe('the messy workbook (xlsx written by SheetJS)', () => {
  const path = join(dir, 'messy.xlsx');
  writeMessyWorkbook(path);
  const opened = openWorkbook(bytesOf(path), 'messy.xlsx');
  const table = opened.readTable();

  it('lists the three sheets with row counts, marks the hidden and the empty one, and suggests the contact sheet', () => {
    expect(opened.info.format).toBe('xlsx');
    expect(opened.info.sheets).toEqual([
      { name: MESSY_SHEET, rowCount: 2 + MESSY_ROWS.length, columnCount: MESSY_HEADERS.length, hidden: false, empty: false },
      { name: MESSY_HIDDEN_SHEET, rowCount: 2, columnCount: 2, hidden: true, empty: false },
      { name: MESSY_EMPTY_SHEET, rowCount: 0, columnCount: 0, hidden: false, empty: true },
    ]);
    expect(opened.info.suggestedSheet).toBe(MESSY_SHEET);
  });

  it('skips the merged title and the blank row and finds the header on row 3', () => {
    expect(table.headerRow).toBe(MESSY_HEADER_ROW);
    expect(table.columns.map((c) => c.header)).toEqual([...MESSY_HEADERS]);
    expect(table.columns.map((c) => c.letter)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K']);
  });

  it('shows every cell as documented in MESSY_ROWS, row numbers as in Excel, the empty row dropped', () => {
    expect(table.rows.map((r) => r.rowNumber)).toEqual(MESSY_ROWS.map((r) => r.sheetRow));
    expect(table.rows.map((r) => r.rowNumber)).not.toContain(MESSY_EMPTY_ROW);
    for (const [i, row] of MESSY_ROWS.entries()) expect(table.rows[i].cells, row.why).toEqual(row.table);
    expect(table.notes.some((n) => /1 empty row/.test(n.en) && /1 dòng trống/.test(n.vi))).toBe(true);
    expect(table.notes.some((n) => n.en.includes('H20:H21'))).toBe(true);
  });

  it('names every legacy encoding found in a column that mixes them', () => {
    const names = table.columns.find((c) => c.header === 'Họ và tên')!;
    const found = names.conversion?.byEncoding ?? {};
    expect(Object.keys(found).sort()).toEqual(['mojibake-1252', 'tcvn3', 'vni']);
    const note = table.notes.find((n) => n.en.startsWith('Column "Họ và tên"'))!;
    expect(note.en).toContain(`TCVN3 (.VnTime fonts) (${found.tcvn3})`);
    expect(note.en).toContain(`VNI (VNI-Times fonts) (${found.vni})`);
    expect(note.en).toContain(`UTF-8 text mis-read as Windows-1252 (${found['mojibake-1252']})`);
    expect(note.vi).toContain(`mã VNI (phông VNI-Times) (${found.vni} ô)`);
  });

  it('keeps the raw number of a phone that lost its leading zero, and the serial of a date', () => {
    const nam = table.rows.find((r) => r.rowNumber === 5)!;
    expect(nam.kinds?.[2]).toBe('number');
    expect(nam.raw?.[2]).toBe(912345679);
    expect(nam.kinds?.[10]).toBe('text'); // "15/03/1990" typed as text stays text
    const an = table.rows[0];
    expect(an.kinds?.[10]).toBe('date');
    expect(an.raw?.[10]).toBe(31149);
    const huy = table.rows.find((r) => r.rowNumber === 18)!;
    expect(huy.cells[2]).toBe('84912345681');
    expect(huy.raw?.[2]).toBe(84912345681);
  });

  it('records the legacy conversions of the name column, raw keeping the original text', () => {
    const name = table.columns[1].conversion!;
    expect(name).toMatchObject({ cells: 4, enabled: true, encoding: 'vni', byEncoding: { tcvn3: 1, vni: 2, 'mojibake-1252': 1 } });
    expect(name.samples[0]).toEqual({ before: 'NguyÔn V¨n Nam', after: 'Nguyễn Văn Nam' });
    expect(table.rows[1].raw?.[1]).toBe('NguyÔn V¨n Nam');
    expect(table.columns[5].conversion?.cells).toBe(2);
    expect(table.columns[0].conversion).toBeUndefined();
  });

  it('leaves a column as in the file when its conversion is turned off, still reporting it', () => {
    const off = opened.readTable({ conversionsOff: [1] });
    expect(off.rows[1].cells[1]).toBe('NguyÔn V¨n Nam');
    expect(off.rows[1].cells[5]).toBe('Hà Nội');
    expect(off.columns[1].conversion).toMatchObject({ enabled: false, cells: 4 });
  });

  it('reads the hidden sheet when asked by name or by 1-based number', () => {
    const hidden = opened.readTable({ sheet: MESSY_HIDDEN_SHEET });
    expect(hidden.columns.map((c) => c.header)).toEqual(['Ghi chú', 'Người ghi']);
    expect(opened.readTable({ sheet: 2 }).rows[0].cells).toEqual(['Không gọi sau 20h', 'Lan']);
  });
});

describe('the messy CSV', () => {
  for (const encoding of ['utf8-bom', 'windows-1258'] as const) {
    it(`(${encoding}) gives the same text as the workbook, header on line 1`, () => {
      const path = join(dir, `messy-${encoding}.csv`);
      writeMessyCsv(path, { encoding });
      const { workbook, table } = ingest(bytesOf(path), `messy-${encoding}.csv`);
      expect(workbook.format).toBe('csv');
      expect(workbook.encoding).toBe(encoding === 'utf8-bom' ? 'utf-8' : 'windows-1258');
      expect(table.headerRow).toBe(1);
      expect(table.columns.map((c) => c.header)).toEqual([...MESSY_HEADERS]);
      expect(table.rows.map((r) => r.rowNumber)).toEqual(MESSY_ROWS.map((r) => r.sheetRow - 2));
      for (const [i, row] of MESSY_ROWS.entries()) expect(table.rows[i].cells, row.why).toEqual(messyCsvCells(row));
      expect(table.rows[0].kinds).toBeUndefined();
    });
  }
});

describe('generated clean rows', () => {
  it('are deterministic and come back as written', () => {
    expect(generateCleanRows(50)).toEqual(generateCleanRows(50));
    const path = join(dir, 'clean.xlsx');
    writeMessyWorkbook(path, { rows: 300 });
    const { table } = ingest(bytesOf(path), 'clean.xlsx');
    const rows = generateCleanRows(300);
    expect(table.rows.length).toBe(300);
    expect(table.rows.map((r) => r.cells)).toEqual(rows.map((r) => r.table));
    expect(new Set(rows.map((r) => r.expect.phones![0])).size).toBe(300);
  });
});
