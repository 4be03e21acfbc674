import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../shared/ingest';
import { FONT_HEADERS, FONT_ROWS, buildTwoFontRows } from '../fixtures/legacy-fonts';

/** A real xlsx (deflated, as Excel writes it) of the two-font list, phones stored as text. */
function twoFontXlsx(): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(buildTwoFontRows()), 'Khách hàng');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

describe('.VnTime and .VnTimeH columns in one workbook', () => {
  const rows = buildTwoFontRows();
  const { table } = ingest(twoFontXlsx(), 'khach-hang-cu.xlsx');

  it('stores the legacy bytes the fonts produce (the fixture is what users have)', () => {
    expect(rows[2][0]).toBe('NguyÔn V¨n Nam');
    expect(rows[2][1]).toBe('NGUYÔN V¨N NAM');
    expect(rows[5][1]).toBe('®ÆNG V¨N NG÷');
  });

  it('converts each column by its own font: regular names as typed, capital-font names in capitals', () => {
    expect(table.columns.map((c) => c.header)).toEqual(FONT_HEADERS);
    expect(table.rows.map((r) => r.cells)).toEqual(FONT_ROWS);
    expect(table.columns[0].conversion).toMatchObject({ encoding: 'tcvn3', cells: FONT_ROWS.length, enabled: true });
    expect(table.columns[1].conversion).toMatchObject({ encoding: 'tcvn3', cells: FONT_ROWS.length, enabled: true });
    expect(table.columns[1].conversion?.samples[0]).toEqual({ before: 'NGUYÔN V¨N NAM', after: 'NGUYỄN VĂN NAM' });
    // The Unicode cities and the phones are left alone.
    expect(table.columns[2].conversion).toBeUndefined();
    expect(table.columns[3].conversion).toBeUndefined();
    for (const r of table.rows) for (const c of r.cells) expect(c).toBe(c.normalize('NFC'));
  });

  it('keeps the file\'s bytes when the conversion is turned off for the capital-font column', () => {
    const off = ingest(twoFontXlsx(), 'khach-hang-cu.xlsx', { conversionsOff: [1] }).table;
    expect(off.rows.map((r) => r.cells[1])).toEqual(rows.slice(2).map((r) => r[1]));
    expect(off.rows.map((r) => r.cells[0])).toEqual(FONT_ROWS.map((r) => r[0]));
  });
});

describe('a Unicode header above a legacy-font column', () => {
  it('keeps the header as typed when it already reads as Vietnamese (only the column\'s cells are converted)', () => {
    // Headers added later in Unicode over a list typed years ago with .VnTime: "Tên in hoa (phong bì)" holds only
    // Latin-1 letters, so it could be TCVN3 too ("Tờn in hoa (phong bỡ)"), but as typed it is Vietnamese already.
    const aoa = [['Tên in hoa (phong bì)', 'Ghi chú'], ...buildTwoFontRows().slice(2).map((r) => [r[0], 'khách cũ'])];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), 'Khách hàng');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
    const { table } = ingest(bytes, 'khach-hang-cu.xlsx');
    expect(table.columns.map((c) => c.header)).toEqual(['Tên in hoa (phong bì)', 'Ghi chú']);
    expect(table.columns[0].conversion).toMatchObject({ encoding: 'tcvn3', cells: FONT_ROWS.length });
    expect(table.rows.map((r) => r.cells[0])).toEqual(FONT_ROWS.map((r) => r[0]));
  });
});
