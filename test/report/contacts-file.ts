/**
 * Generates a contact spreadsheet like the ones users bring (xlsx, a title row above the header, an STT column,
 * Vietnamese headers, "+84" phones, a cell that looks like a formula, rows with no way to identify the person),
 * for the report tests. Deterministic: the same call gives the same bytes' content.
 */
import { utils, write } from '@e965/xlsx';

/** Rows (1-based, in the generated sheet) that cannot be imported: no name, phone or email. */
export const NO_IDENTITY_EVERY = 7;

/** The file's bytes and what the test needs to know about it. */
export function contactsWorkbook(n: number): { bytes: Uint8Array; headerRow: number; invalid: number } {
  const aoa: string[][] = [['DANH SÁCH KHÁCH HÀNG HỘI THẢO 2026'], ['STT', 'Họ và tên', 'Số điện thoại', 'Email', 'Ghi chú']];
  let invalid = 0;
  for (let i = 1; i <= n; i++) {
    if (i % NO_IDENTITY_EVERY === 0) {
      invalid++;
      aoa.push([String(i), '', '', '', i % 2 ? '@ghi chú không tên' : '-- khách vãng lai --']);
      continue;
    }
    const name = i === 3 ? '=HYPERLINK("http://evil.example","Bấm vào")' : `Khách Hàng Số ${i}`;
    const phone = i % 2 ? `+84 912 ${String(300_000 + i).slice(0, 3)} ${String(i).padStart(3, '0')}` : `0987${String(100_000 + i).slice(0, 6)}`;
    aoa.push([String(i), name, phone, `khach.${i}@example.vn`, i % 5 === 0 ? '+ khách quan trọng' : '']);
  }
  const ws = utils.aoa_to_sheet(aoa);
  const wb = utils.book_new();
  utils.book_append_sheet(wb, ws, 'Khách hàng');
  return { bytes: new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer), headerRow: 2, invalid };
}
