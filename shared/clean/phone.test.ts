import fc from 'fast-check';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { convertLandline2017 } from './landline-2017';
import { cleanPhones } from './phone';
import { convertMobile2018 } from './phone-2018';

const codes = (r: ReturnType<typeof cleanPhones>) => r.changes.map((c) => c.code);
// Problems with a number are warnings: the number is left out, the rest of the contact still goes in.
const errors = (r: ReturnType<typeof cleanPhones>) => r.issues.map((i) => {
  expect(i.severity).toBe('warning');
  return i.code;
});

describe('cleanPhones: formats people type', () => {
  it.each([
    ['0912345678', ['0912345678']],
    ['0912 345 678', ['0912345678']],
    ['0912.345.678', ['0912345678']],
    ['0912-345-678', ['0912345678']],
    ['(0912) 345 678', ['0912345678']],
    ['  0912345678  ', ['0912345678']],
    ['+84912345678', ['0912345678']],
    ['+84 912 345 678', ['0912345678']],
    ['+84 (0) 912 345 678', ['0912345678']],
    ['84912345678', ['0912345678']],
    ['0084912345678', ['0912345678']],
    ['0084 91 234 5678', ['0912345678']],
    ['0912 345 678 / 0987.654.321', ['0912345678', '0987654321']],
    ['0912345678; 0987654321', ['0912345678', '0987654321']],
    ['0912345678, 0987654321', ['0912345678', '0987654321']],
    ['0912345678 - 0987654321', ['0912345678', '0987654321']],
    ['0912345678\n0987654321', ['0912345678', '0987654321']],
    ['0912345678 hoặc 0987654321', ['0912345678', '0987654321']],
    ['0912 345 678 0987 654 321', ['0912345678', '0987654321']],
    ['0912345678 / 0912.345.678', ['0912345678']],
    ['0912345678 (Zalo)', ['0912345678']],
    ['Anh Nam: 0912345678', ['0912345678']],
    ['024 3826 1234', ['02438261234']],
    ['028.7300.1234', ['02873001234']],
    ['024 3826 1234 ext 12', ['02438261234']],
    ['024 3826 1234 máy lẻ 105', ['02438261234']],
    ['0321234567', ['0321234567']],
    ['0561234567', ['0561234567']],
    ['0591234567', ['0591234567']],
  ])('%j → %j', (cell, want) => {
    const r = cleanPhones(cell);
    expect(r.value).toEqual(want);
    expect(errors(r)).toEqual([]);
  });

  it('records every rewrite with its reason', () => {
    const r = cleanPhones('+84 912 345 678');
    expect(codes(r)).toEqual(['phone.format', 'phone.country-code']);
    expect(r.changes[1]).toMatchObject({ before: '+84912345678', after: '0912345678' });
    expect(r.changes[1].reason.vi).toContain('+84');
    expect(cleanPhones('0912345678').changes).toEqual([]);
    expect(codes(cleanPhones('0912 345 678 / 0987.654.321'))).toContain('phone.split');
  });
});

describe('cleanPhones: the lost leading zero', () => {
  it('adds the 0 back to a 9-digit mobile Excel stored as a number, saying so', () => {
    const r = cleanPhones('912345678', { kind: 'number', raw: 912345678 });
    expect(r.value).toEqual(['0912345678']);
    expect(r.changes.map((c) => c.code)).toEqual(['phone.leading-zero']);
    expect(r.changes[0].reason.en).toContain('Excel');
  });
  it('uses the raw number when Excel displays it in scientific form', () => {
    expect(cleanPhones('9.12E+08', { kind: 'number', raw: 912345678 }).value).toEqual(['0912345678']);
    expect(cleanPhones('8.49E+10', { kind: 'number', raw: 84912345678 }).value).toEqual(['0912345678']);
  });
  it('fixes a 9-digit mobile typed as text too', () => {
    expect(cleanPhones('987654321').value).toEqual(['0987654321']);
  });
  it('an old 11-digit number without its 0 is fixed and then converted', () => {
    const r = cleanPhones('1689123456', { kind: 'number', raw: 1689123456 });
    expect(r.value).toEqual(['0389123456']);
    expect(codes(r)).toEqual(['phone.leading-zero', 'phone.2018-conversion']);
  });
  it('can be turned off, and the number is then an error', () => {
    const r = cleanPhones('912345678', { kind: 'number', raw: 912345678, disabled: new Set(['phone.leading-zero']) });
    expect(r.value).toEqual([]);
    expect(errors(r)).toEqual(['phone.invalid']);
  });
});

describe('cleanPhones: the 2018 change of 11-digit mobiles', () => {
  // Exactly the list in the issue: old prefix → new prefix, the last 7 digits kept.
  const TABLE: [string, string][] = [
    ['0162', '032'], ['0163', '033'], ['0164', '034'], ['0165', '035'], ['0166', '036'], ['0167', '037'], ['0168', '038'], ['0169', '039'],
    ['0120', '070'], ['0121', '079'], ['0122', '077'], ['0126', '076'], ['0128', '078'],
    ['0123', '083'], ['0124', '084'], ['0125', '085'], ['0127', '081'], ['0129', '082'],
    ['0186', '056'], ['0188', '058'], ['0199', '059'],
  ];
  it.each(TABLE)('%s xxx xxxx → %s xxx xxxx', (oldPrefix, newPrefix) => {
    const r = cleanPhones(`${oldPrefix} 765 4321`);
    expect(r.value).toEqual([`${newPrefix}7654321`]);
    expect(errors(r)).toEqual([]);
    const conv = r.changes.find((c) => c.code === 'phone.2018-conversion')!;
    expect(conv).toMatchObject({ before: `${oldPrefix}7654321`, after: `${newPrefix}7654321` });
    expect(conv.reason.vi).toContain(oldPrefix);
  });
  it('converts +84 forms of old numbers as well', () => {
    expect(cleanPhones('+84 168 912 3456').value).toEqual(['0389123456']);
    expect(cleanPhones('841689123456').value).toEqual(['0389123456']);
  });
  it('leaves an 11-digit number with an unknown 01xx prefix as an error', () => {
    const r = cleanPhones('01301234567');
    expect(r.value).toEqual([]);
    expect(errors(r)).toEqual(['phone.invalid']);
  });
});

describe('cleanPhones: 2017 landline area codes need context', () => {
  it('converts an old Hà Nội number in a landline column', () => {
    const r = cleanPhones('04 3826 1234', { landline: true });
    expect(r.value).toEqual(['02438261234']);
    expect(r.changes.find((c) => c.code === 'phone.2017-area-code')?.reason.vi).toContain('024');
  });
  it('without context an old number that is no mobile is an error suggesting the new number', () => {
    const r = cleanPhones('04 3826 1234');
    expect(r.value).toEqual([]);
    expect(r.issues[0]).toMatchObject({ code: 'phone.invalid', severity: 'warning', suggestion: '02438261234' });
  });
  it('without context an old code that is now a mobile prefix is left alone', () => {
    // 083 8123 456 was a TP.HCM landline (08) and is now a VinaPhone mobile: do not guess.
    expect(cleanPhones('0838123456').value).toEqual(['0838123456']);
    expect(cleanPhones('0838123456', { landline: true }).value).toEqual(['02838123456']);
  });
  it('converts three-digit old codes (Đà Nẵng 0511 → 0236)', () => {
    expect(cleanPhones('0511 3 821 234', { landline: true }).value).toEqual(['02363821234']);
  });
});

describe('cleanPhones: foreign numbers and junk', () => {
  it.each([
    ['+65 9123 4567', '+6591234567'],
    ['+1 (415) 555-2671', '+14155552671'],
    ['0065 9123 4567', '+6591234567'],
    ['+44 20 7946 0018', '+442079460018'],
  ])('%j stays international: %j', (cell, want) => {
    const r = cleanPhones(cell);
    expect(r.value).toEqual([want]);
    expect(errors(r)).toEqual([]);
  });
  it('reads numbers without a country code in another default country', () => {
    expect(cleanPhones('9123 4567', { defaultCountry: 'SG' }).value).toEqual(['+6591234567']);
  });
  it.each(['12345', '0123456', '0912', '+65 123', '0100000000'])('%j is flagged and left out, not guessed', (cell) => {
    const r = cleanPhones(cell);
    expect(r.value).toEqual([]);
    expect(errors(r)).toEqual(['phone.invalid']);
    expect(r.issues[0].message.vi).toContain(cell.trim().slice(0, 4));
  });
  it.each(['', '   ', 'N/A', '-', 'không có', 'chưa có', '#N/A', 'x'])('%j is empty', (cell) => {
    const r = cleanPhones(cell);
    expect(r.value).toEqual([]);
    expect(r.issues).toEqual([]);
  });
  it('keeps the good number and flags the bad one in the same cell', () => {
    const r = cleanPhones('0912345678 / 12345');
    expect(r.value).toEqual(['0912345678']);
    expect(errors(r)).toEqual(['phone.invalid']);
  });
});

describe('cleanPhones: properties', () => {
  const phoneish = fc.stringMatching(/^[+0-9 ()./,;-]{0,30}$/);
  it('never throws, on any text', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), phoneish), (s) => {
      cleanPhones(s);
      cleanPhones(s, { landline: true });
    }), { numRuns: 2000 });
  });
  it('is idempotent: cleaning the result changes nothing more', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), phoneish), (s) => {
      const once = cleanPhones(s).value;
      const twice = cleanPhones(once.join(', '));
      expect(twice.value).toEqual(once);
      if (once.length === 1) expect(twice.changes).toEqual([]);
    }), { numRuns: 2000 });
  });
  it('is idempotent in a landline column too', () => {
    fc.assert(fc.property(fc.oneof(phoneish, fc.stringMatching(/^0[2-9]\d{8,9}$/)), (s) => {
      const once = cleanPhones(s, { landline: true }).value;
      expect(cleanPhones(once.join(', '), { landline: true }).value).toEqual(once);
    }), { numRuns: 2000 });
  });

  it('the conversion tables never apply twice', () => {
    fc.assert(fc.property(fc.stringMatching(/^0\d{9,10}$/), (n) => {
      const m = convertMobile2018(n);
      if (m) expect(convertMobile2018(m)).toBeNull();
      const l = convertLandline2017(n);
      if (l) expect(l.number).toHaveLength(11);
    }), { numRuns: 2000 });
  });

  it('agrees with libphonenumber on every 10-digit national number (the validity cache is exact)', () => {
    fc.assert(fc.property(fc.stringMatching(/^0[2-9]\d{8}$/), (n) => {
      const ours = cleanPhones(n).issues.length === 0;
      expect(ours).toBe(isValidPhoneNumber(n, 'VN'));
    }), { numRuns: 3000 });
  });
});
