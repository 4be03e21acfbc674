import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanName, titleCaseVi } from './name';

describe('cleanName', () => {
  it.each([
    ['NGUYỄN thị ánh', 'Nguyễn Thị Ánh'],
    ['nguyễn văn an', 'Nguyễn Văn An'],
    ['TRẦN   THỊ    BÍCH  NGỌC', 'Trần Thị Bích Ngọc'],
    ['  lê đức   thọ ', 'Lê Đức Thọ'],
    ['đặng ĐÌNH ĐẠT', 'Đặng Đình Đạt'],
    ['ÔNG ÍCH KHIÊM', 'Ông Ích Khiêm'],
    ['ưng hoàng phúc', 'Ưng Hoàng Phúc'],
    ['Phạm Thị Hoà', 'Phạm Thị Hoà'],
    ['John McDonald', 'John McDonald'],
    ['nguyen van a', 'Nguyen Van A'],
    ['mary-jane watson', 'Mary-Jane Watson'],
    ['Na', 'Na'],
  ])('%j → %j', (cell, want) => {
    expect(cleanName(cell).value).toBe(want);
  });

  it('decomposed (NFD) input comes out NFC', () => {
    const nfd = 'nguyễn thị ánh'.normalize('NFD');
    const r = cleanName(nfd);
    expect(r.value).toBe('Nguyễn Thị Ánh');
    expect(r.value).toBe(r.value.normalize('NFC'));
  });

  it('records title case and whitespace as separate changes', () => {
    const r = cleanName('NGUYỄN  thị ánh');
    expect(r.changes.map((c) => c.code)).toEqual(['name.whitespace', 'name.title-case']);
    expect(r.changes[1]).toMatchObject({ before: 'NGUYỄN thị ánh', after: 'Nguyễn Thị Ánh' });
  });

  it('title case can be turned off', () => {
    expect(cleanName('NGUYỄN thị ánh', { disabled: new Set(['name.title-case']) }).value).toBe('NGUYỄN thị ánh');
  });

  it('a phone or email in the name column is a warning, left as it is', () => {
    for (const cell of ['0912345678', 'lan@gmail.com', 'nguyen van a 0912']) {
      const r = cleanName(cell);
      expect(r.value).toBe(cell);
      expect(r.issues).toEqual([expect.objectContaining({ severity: 'warning', code: 'name.suspicious' })]);
    }
  });

  it('placeholders are empty', () => {
    expect(cleanName('N/A').value).toBe('');
    expect(cleanName('-').value).toBe('');
  });

  it('never throws and is idempotent', () => {
    const vi = fc.array(fc.constantFrom('NGUYỄN', 'thị', 'ánh', 'đức', 'HOÀ', 'Thuỷ', 'mc', 'McDonald', 'o\'neil', '  ', 'ư', 'Ỷ'), { maxLength: 6 }).map((a) => a.join(' '));
    fc.assert(fc.property(fc.oneof(fc.string(), vi, fc.string({ unit: 'binary' })), (s) => {
      const once = cleanName(s).value;
      const twice = cleanName(once);
      expect(twice.value).toBe(once);
      expect(twice.changes).toEqual([]);
    }), { numRuns: 3000 });
  });

  it('titleCaseVi keeps every diacritic', () => {
    const s = 'ỳ ỵ ỷ ỹ ế ề ể ễ ệ ố ồ ổ ỗ ộ ớ ờ ở ỡ ợ ứ ừ ử ữ ự';
    expect(titleCaseVi(s).toLowerCase()).toBe(s);
  });
});
