import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { guessDelimiter } from './delimiter';

/** Writes rows the way Excel does: a field is quoted when it holds the delimiter, a quote or a line break. */
function write(rows: string[][], delimiter: string, eol = '\r\n'): string {
  const quote = (s: string) => (s.includes(delimiter) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return rows.map((r) => r.map(quote).join(delimiter)).join(eol) + eol;
}

/** The first rows of an error report as the importer writes it: both reasons hold a ";", the last column is empty. */
const VI = 'Dòng không có tên, số điện thoại hay email hợp lệ nào; cần ít nhất một trong ba để nhập.';
const EN = 'The row has no valid name, phone or email; at least one of them is needed to import it.';
const REPORT = [
  ['Họ và tên', 'Số điện thoại', 'Địa chỉ', 'Ghi chú', 'Kết quả nhập (OMI Importer)', 'Lý do (OMI Importer)', 'Reason in English (OMI Importer)', 'Thay đổi tự động (OMI Importer)'],
  ['', '0912345678', "'@Home Café, 5 Lý Tự Trọng", "'=ưu tiên gọi sáng", 'Dữ liệu sai / Invalid data', VI, EN, ''],
  ['', '0912345679', '12 Lê Lợi, Q.1', 'khách quen', 'Dữ liệu sai / Invalid data', VI, EN, ''],
  ['', '0912345680', "'-", "'@zalo: minhdung", 'Dữ liệu sai / Invalid data', VI, EN, ''],
];

describe('guessDelimiter', () => {
  it('reads an error report with a ";" in every quoted reason as comma-separated (papaparse alone picks ";")', () => {
    const text = write(REPORT, ',');
    // The case that broke re-importing a report: papaparse's own guess.
    expect(Papa.parse(text, { delimiter: '', delimitersToGuess: [',', ';', '\t', '|'], preview: 11 }).meta.delimiter).toBe(';');
    expect(guessDelimiter(text)).toBe(',');
  });

  it('reads a semicolon file whose addresses hold commas, unquoted, as semicolon-separated', () => {
    const text = ['Họ tên;SĐT;Địa chỉ', 'An;0912345678;12 Lê Lợi, Q.1, TP.HCM', 'Bình;0912345679;Hà Nội', 'Chi;0912345680;5 Trần Phú, Hải Châu'].join('\r\n');
    expect(guessDelimiter(text)).toBe(';');
  });

  it('looks past a title row and blank lines', () => {
    const rows = [['DANH SÁCH KHÁCH HÀNG 2024'], [''], ['STT', 'Họ tên', 'SĐT'], ['1', 'An', '0912345678'], ['2', 'Bình', '0912345679']];
    for (const d of [',', ';', '\t', '|']) expect(guessDelimiter(write(rows, d), undefined), JSON.stringify(d)).toBe(d);
  });

  it('keeps quoted delimiters and line breaks inside their field', () => {
    const rows = [['Tên', 'Ghi chú'], ['An', 'gọi lại; sau 5 giờ\nhoặc Zalo'], ['Bình', 'a;b;c'], ['Chi', '']];
    expect(guessDelimiter(write(rows, ','))).toBe(',');
    expect(guessDelimiter(write(rows, '|', '\n'), '\n')).toBe('|');
  });

  it('answers "," for a single column or an empty text', () => {
    expect(guessDelimiter('Số điện thoại\n0912345678\n0912345679\n')).toBe(',');
    expect(guessDelimiter('')).toBe(',');
  });
});
