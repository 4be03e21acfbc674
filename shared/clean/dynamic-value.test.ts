import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LayoutAttribute } from '../omi/types';
import { cleanDate, excelSerialToIso } from './date';
import { cleanDynamicValue, dynamicKind } from './dynamic-value';
import { cleanNumber } from './number';

const attr = (fieldType: string, options: { value: string; label: string }[] = [], fieldCode = 'f'): LayoutAttribute =>
  ({ fieldCode, name: 'Trường', fieldType, options, raw: null });
const source = attr('select', [{ value: 'facebook', label: 'Facebook' }, { value: 'su_kien', label: 'Sự kiện' }, { value: 'gt', label: 'Giới thiệu' }]);

describe('cleanDate', () => {
  it.each([
    ['15/03/1990', '1990-03-15'], ['15-03-1990', '1990-03-15'], ['15.03.1990', '1990-03-15'], ['5/3/1990', '1990-03-05'],
    ['15/3/90', '1990-03-15'], ['01/01/05', '2005-01-01'], ['1990-03-15', '1990-03-15'], ['1990/3/15', '1990-03-15'],
    ['29/02/2000', '2000-02-29'], ['15 / 03 / 1990', '1990-03-15'], ['15/03/1990 00:00', '1990-03-15'],
  ])('%j → %s (day first)', (cell, want) => {
    expect(cleanDate(cell).value).toBe(want);
  });
  it('takes an Excel date cell from its raw serial, whatever the display', () => {
    expect(cleanDate('4/12/85', 'date', 31149).value).toBe('1985-04-12');
    expect(cleanDate('12/04/1985', 'date', 31149).value).toBe('1985-04-12');
  });
  it('reads a bare Excel serial typed as text', () => expect(cleanDate('31149').value).toBe('1985-04-12'));
  it.each([[1, '1900-01-01'], [59, '1900-02-28'], [61, '1900-03-01'], [36526, '2000-01-01'], [45292, '2024-01-01']])(
    'serial %d → %s', (n, want) => expect(excelSerialToIso(n)).toBe(want));
  it('a month-first date is an error suggesting that reading', () => {
    const r = cleanDate('03/25/1990');
    expect(r.value).toBeUndefined();
    expect(r.issues[0]).toMatchObject({ code: 'date.invalid', suggestion: '1990-03-25' });
  });
  it.each(['31/02/2000', 'hôm qua', '1990', '32/01/2000'])('%j is not a date', (cell) => {
    expect(cleanDate(cell).value).toBeUndefined();
    expect(cleanDate(cell).issues[0].code).toBe('date.invalid');
  });
  it('never throws and is idempotent', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.date({ min: new Date('1900-03-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`)), (s) => {
      const once = cleanDate(s).value;
      if (once) expect(cleanDate(once)).toEqual({ value: once, changes: [], issues: [] });
    }), { numRuns: 2000 });
  });
});

describe('cleanNumber', () => {
  it.each([
    ['1500000', '1500000'], ['1.500.000', '1500000'], ['1,500,000', '1500000'], ['1.500.000 đ', '1500000'], ['2,5', '2.5'],
    ['1.234,5', '1234.5'], ['1,234.5', '1234.5'], ['0.75', '0.75'], ['-3', '-3'], ['1 500 000 VNĐ', '1500000'], ['$120', '120'],
  ])('%j → %s', (cell, want) => expect(cleanNumber(cell).value).toBe(want));
  it('takes raw Excel numbers as they are', () => expect(cleanNumber('1.5E+06', 'number', 1500000).value).toBe('1500000'));
  it.each([['0012.500', '12.5'], ['007', '7'], ['0,50', '0.5'], ['-0012', '-12'], ['12345678901234567890', '12345678901234567890']])(
    '%j → %s, digits as typed (never through a float)',
    (cell, want) => expect(cleanNumber(cell).value).toBe(want),
  );
  it('warns when a number has more digits than OMI keeps exactly, and says to map a code to a text field', () => {
    const long = cleanNumber('12345678901234567890');
    expect(long.issues.map((i) => [i.code, i.severity])).toEqual([['number.precision', 'warning']]);
    expect(long.issues[0].message.vi).toContain('trường dạng chữ');
    expect(cleanNumber('123456789012345').issues).toEqual([]);
    expect(cleanNumber('0.000000000000001').issues).toEqual([]);
  });
  it.each(['abc', '1.2.3,4,5', '12a'])('%j is not a number', (cell) => expect(cleanNumber(cell).issues[0].code).toBe('number.invalid'));
  it('never throws and is idempotent', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }).map(String), fc.integer().map((n) => n.toLocaleString('vi-VN'))), (s) => {
      const once = cleanNumber(s).value;
      if (once) expect(cleanNumber(once).value).toBe(once);
    }), { numRuns: 2000 });
  });
});

describe('cleanDynamicValue', () => {
  it.each([['select', 'choice'], ['radio', 'choice'], ['multi_select', 'text'], ['number', 'number'], ['date', 'date'], ['datetime', 'date'], ['single_text', 'text'], ['email', 'email'], ['phone', 'phone']])(
    'field type %s reads as %s', (t, k) => expect(dynamicKind(attr(t))).toBe(k));

  it.each([['Facebook', 'facebook'], ['facebook', 'facebook'], ['FACEBOOK', 'facebook'], ['Sự kiện', 'su_kien'], ['su kien', 'su_kien'], ['SU KIEN', 'su_kien'], ['  Sự  kiện ', 'su_kien'], ['su_kien', 'su_kien'], ['Giới thiệu', 'gt']])(
    'option %j → %s', (cell, want) => {
      const r = cleanDynamicValue(source, cell);
      expect(r.value).toEqual([want]);
      expect(r.issues).toEqual([]);
      expect(r.changes.length).toBe(cell === want || cell === 'Facebook' || cell === 'Sự kiện' || cell === 'Giới thiệu' ? 0 : 1);
    });

  it('an unknown option is a warning naming the options, and is left out', () => {
    const r = cleanDynamicValue(source, 'Zalo');
    expect(r.value).toEqual([]);
    expect(r.issues[0]).toMatchObject({ severity: 'warning', code: 'dynamic.unknown-option' });
    expect(r.issues[0].message.vi).toContain('Sự kiện');
  });

  it('multi-choice attributes split lists', () => {
    const multi = attr('multi_select', [{ value: 'a', label: 'Áo' }, { value: 'q', label: 'Quần' }]);
    expect(cleanDynamicValue(multi, 'áo, Quần; ao').value).toEqual(['a', 'q']);
  });

  it('dates and numbers by type; a bad one never blocks the row', () => {
    expect(cleanDynamicValue(attr('date'), '15/03/1990').value).toEqual(['1990-03-15']);
    expect(cleanDynamicValue(attr('date'), '12/04/1985', 'date', 31149).value).toEqual(['1985-04-12']);
    expect(cleanDynamicValue(attr('number'), '1.500.000').value).toEqual(['1500000']);
    const bad = cleanDynamicValue(attr('date'), 'không nhớ');
    expect(bad.value).toEqual([]);
    expect(bad.issues[0]).toMatchObject({ severity: 'warning', code: 'date.invalid' });
    expect(bad.issues[0].message.en).toContain('will not be written');
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string(), fc.constantFrom('select', 'number', 'date', 'text', 'multi_select', 'email', 'phone'), (s, t) => {
      cleanDynamicValue(t === 'select' || t === 'multi_select' ? attr(t, source.options) : attr(t), s);
    }), { numRuns: 2000 });
  });
});
