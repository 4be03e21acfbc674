import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanGender } from './gender';

describe('cleanGender', () => {
  it.each([
    ['Nam', 'male'], ['NAM', 'male'], ['nam', 'male'], [' Nam ', 'male'], ['Male', 'male'], ['MALE', 'male'], ['M', 'male'], ['m', 'male'],
    ['Nữ', 'female'], ['NỮ', 'female'], ['nữ', 'female'], ['Nu', 'female'], ['nu', 'female'], ['Female', 'female'], ['F', 'female'], ['f', 'female'],
    ['Nữ giới', 'female'], ['nam giới', 'male'],
    ['Khác', 'other'], ['khac', 'other'], ['KHÁC', 'other'], ['Other', 'other'], ['other', 'other'],
    ['male', 'male'], ['female', 'female'],
  ])('%j → %s', (cell, want) => {
    const r = cleanGender(cell);
    expect(r.value).toBe(want);
    expect(r.issues).toEqual([]);
    expect(r.changes.length).toBe(['nam', 'nu', 'khac', 'male', 'female', 'other'].includes(cell.trim().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')) ? 0 : 1);
  });

  it.each(['Anh', 'Chị', 'Ông', 'Bà', '1', '2', 'Mr', 'Ms', 'nam/nữ', 'không rõ', 'LGBT', 'x', '?'])('%j is flagged and left empty, not guessed', (cell) => {
    const r = cleanGender(cell);
    expect(r.value).toBeUndefined();
    expect(r.issues).toEqual([expect.objectContaining({ severity: 'warning', code: 'gender.unknown' })]);
    expect(r.issues[0].message.vi).toContain(cell);
  });

  it.each(['', '  ', 'N/A', '-'])('%j is empty, no issue', (cell) => {
    expect(cleanGender(cell)).toMatchObject({ value: undefined, issues: [] });
  });

  it('never throws and is idempotent', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.constantFrom('Nam', 'nữ', 'F', 'khác', 'x')), (s) => {
      const once = cleanGender(s).value;
      if (once) expect(cleanGender(once)).toEqual({ value: once, changes: [], issues: [] });
    }), { numRuns: 1000 });
  });
});
