import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { cutSharedStringsXml, cutWorksheetXml, sharedStringsUsed } from './preview-cut';

/** A 300-row contact sheet written by SheetJS with shared strings (as Excel does) and a merged title, unzipped. */
function parts() {
  const aoa: string[][] = [['DANH SÁCH KHÁCH HÀNG'], ['Họ tên', 'SĐT', 'Ghi chú']];
  for (let i = 0; i < 300; i++) aoa.push([`Khách ${i}`, `09${String(10_000_000 + i)}`, i % 7 === 0 ? 'VIP' : '']);
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 2 } }];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Khách hàng');
  const bytes = XLSX.write(wb, { type: 'array', bookType: 'xlsx', bookSST: true }) as ArrayBuffer;
  const zip = XLSX.CFB.read(new Uint8Array(bytes), { type: 'buffer' }) as unknown as { FullPaths: string[]; FileIndex: { content: Uint8Array }[] };
  const part = (name: string) => zip.FileIndex[zip.FullPaths.findIndex((p) => p.endsWith(name))].content;
  return { sheet: part('xl/worksheets/sheet1.xml'), sst: part('xl/sharedStrings.xml') };
}
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('preview cut of xlsx parts', () => {
  it('keeps the first rows, the dimension and the merged ranges, and gives null when there is nothing to cut', () => {
    const { sheet } = parts();
    const xml = text(cutWorksheetXml(sheet, 20)!);
    expect(xml.match(/<row[ >]/g)).toHaveLength(20);
    expect(xml).toContain('<dimension ref="A1:C302"');
    expect(xml).toContain('<mergeCell ref="A1:C1"');
    expect(xml.endsWith('</worksheet>')).toBe(true);
    expect(cutWorksheetXml(sheet, 302)).toBeNull();
  });

  it('keeps the shared strings the kept rows use, and parses to the same first rows', () => {
    const { sheet, sst } = parts();
    const cut = cutWorksheetXml(sheet, 20)!;
    const used = sharedStringsUsed(cut);
    expect(used).toBeGreaterThan(20);
    expect(used).toBeLessThan(sharedStringsUsed(sheet));
    const smaller = text(cutSharedStringsXml(sst, used)!);
    expect(smaller.match(/<\/si>/g)).toHaveLength(used);
    expect(smaller.endsWith('</sst>')).toBe(true);
    expect(text(sst).startsWith(smaller.slice(0, -'</sst>'.length))).toBe(true);
    expect(cutSharedStringsXml(sst, 1_000_000)).toBeNull();
  });
});
