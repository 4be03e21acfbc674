import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { ingest, openWorkbook } from '../../shared/ingest';

/** A real xlsx file (bytes as Excel would hand them over) from rows of cells. */
function xlsx(sheets: { name: string; aoa: unknown[][]; merges?: string[]; hidden?: boolean }[]): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(s.aoa);
    if (s.merges) ws['!merges'] = s.merges.map((m) => XLSX.utils.decode_range(m));
    XLSX.utils.book_append_sheet(wb, ws, s.name);
  }
  wb.Workbook = { Sheets: sheets.map((s) => ({ Hidden: s.hidden ? 1 : 0 })) };
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

describe('table structure', () => {
  it('skips title and subtitle rows and the column-numbering row; names blank and repeated headers', () => {
    const bytes = xlsx([{
      name: 'DS',
      aoa: [
        ['CÔNG TY TNHH ABC'],
        ['DANH SÁCH KHÁCH HÀNG 2024'],
        ['Ngày xuất:', '01/01/2024'],
        [],
        ['STT', 'Họ và tên', 'SĐT', '', 'SĐT', 'Số\nđiện thoại'],
        [1, 2, 3, 4, 5, 6],
        [1, 'An', '0912345678', '', '0987654321', ''],
        [2, 'Bình', '0912345679', 'x', '', '0281234567'],
        [null, null, null, null, null, null, '', ' '],
      ],
      merges: ['A1:F1', 'A2:F2'],
    }]);
    const { table } = ingest(bytes, 'ds.xlsx');
    expect(table.headerRow).toBe(5);
    expect(table.columns.map((c) => c.header)).toEqual(['STT', 'Họ và tên', 'SĐT', 'Cột D', 'SĐT (2)', 'Số điện thoại']);
    expect(table.columns.map((c) => c.originalHeader)).toEqual(['STT', 'Họ và tên', 'SĐT', '', 'SĐT', 'Số\nđiện thoại']);
    expect(table.rows.map((r) => r.rowNumber)).toEqual([7, 8]);
    expect(table.rows[0].cells).toEqual(['1', 'An', '0912345678', '', '0987654321', '']);
    expect(table.notes.map((n) => n.en).join(' ')).toMatch(/Skipped 3 rows above the header row \(row 5\).*Row 6 only numbers the columns/);
  });

  it('lets the user choose the header row', () => {
    const bytes = xlsx([{ name: 'S', aoa: [['a', 'b'], ['Họ tên', 'SĐT'], ['An', '0912345678']] }]);
    const opened = openWorkbook(bytes, 's.xlsx');
    expect(opened.readTable().headerRow).toBe(2);
    const t = opened.readTable({ headerRow: 1 });
    expect(t.columns.map((c) => c.header)).toEqual(['a', 'b']);
    expect(t.rows.map((r) => r.cells)).toEqual([['Họ tên', 'SĐT'], ['An', '0912345678']]);
  });

  it('fills a merged data cell down and across, and says so', () => {
    const bytes = xlsx([{
      name: 'S',
      aoa: [['Họ tên', 'Nhóm', 'Nguồn'], ['An', 'Đại lý', 'Facebook'], ['Bình', null, null], ['Chi', null, null], ['Dũng', 'VIP', 'Sự kiện']],
      merges: ['B2:B4', 'C2:C3'],
    }]);
    const { table } = ingest(bytes, 's.xlsx');
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['An', 'Đại lý', 'Facebook'], ['Bình', 'Đại lý', 'Facebook'], ['Chi', 'Đại lý', ''], ['Dũng', 'VIP', 'Sự kiện'],
    ]);
    expect(table.notes.some((n) => n.en.includes('B2:B4') && n.vi.includes('ô gộp'))).toBe(true);
  });

  it('suggests the visible sheet that holds the contact table, not blindly the first', () => {
    const bytes = xlsx([
      { name: 'Hướng dẫn', aoa: [['Điền danh sách vào trang "Data"'], ['Không sửa tiêu đề']] },
      { name: 'Cũ', aoa: [['Họ tên', 'SĐT', 'Email'], ['An', '0912345678', 'a@b.vn']], hidden: true },
      { name: 'Data', aoa: [['Họ tên', 'SĐT', 'Email'], ['Bình', '0912345679', 'b@b.vn'], ['Chi', '0912345670', 'c@b.vn']] },
    ]);
    const opened = openWorkbook(bytes, 'book.xlsx');
    expect(opened.info.suggestedSheet).toBe('Data');
    expect(opened.info.sheets.map((s) => [s.name, s.rowCount, s.hidden])).toEqual([['Hướng dẫn', 2, false], ['Cũ', 2, true], ['Data', 3, false]]);
  });

  it('reads quoted CSV fields with delimiters, doubled quotes and line breaks, and picks the delimiter', () => {
    const rows = [['Họ tên', 'Ghi chú', 'SĐT'], ['An', 'a; b, "c"\nd', '0912345678'], ['Bình', '', '0912345679']];
    for (const delimiter of [',', ';', '\t', '|']) {
      const text = Papa.unparse(rows, { delimiter, quotes: true });
      const { table } = ingest(new TextEncoder().encode(text), 'x.csv');
      expect(table.rows.map((r) => r.cells), JSON.stringify(delimiter)).toEqual(rows.slice(1));
    }
  });
});
