import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cellReplacer, replaceAll, titleCase, trimCell } from './cellFixes';

describe('bulk cell fixes', () => {
  it('title-cases Vietnamese names keeping diacritics', () => {
    expect(titleCase('  nguyễn  VĂN   an ')).toBe('Nguyễn Văn An');
    expect(titleCase('đỗ thị-ánh')).toBe('Đỗ Thị-Ánh');
  });
  it('trims and collapses spaces, non-breaking ones too', () => {
    expect(trimCell('\u00a0 0912 345\u00a0\u00a0678  ')).toBe('0912 345 678');
  });
  it('replaces without regard to case unless asked, and says when nothing matched', () => {
    expect(replaceAll('Hà Nội, HÀ NỘI', 'hà nội', 'Hanoi', false)).toBe('Hanoi, Hanoi');
    expect(replaceAll('Hà Nội, HÀ NỘI', 'hà nội', 'Hanoi', true)).toBeNull();
    expect(replaceAll('abc', 'x', 'y', false)).toBeNull();
  });
});

describe('find & replace matching (cellReplacer)', () => {
  const whole = (find: string, replacement: string, matchCase = false) => cellReplacer(find, replacement, { matchCase, wholeCell: true })!;
  const inside = (find: string, replacement: string, matchCase = false) => cellReplacer(find, replacement, { matchCase, wholeCell: false })!;

  it('whole cell: "Nam" replaces a gender cell, never a name or an email that contains it', () => {
    const r = whole('Nam', 'Male');
    expect(r('Nam')).toBe('Male');
    expect(r('nam')).toBe('Male');
    expect(r('  NAM\u00a0')).toBe('Male');
    expect(r('Nguyễn Văn Nam')).toBeNull();
    expect(r('nam.nguyen@gmail.com')).toBeNull();
    expect(r('')).toBeNull();
  });

  it('diacritics count: "Nam" never matches "Năm", "Nấm" or "Nâm", inside or whole', () => {
    for (const text of ['Năm', 'Nấm', 'Nâm', 'NĂM', 'Năm 2024']) {
      expect(whole('Nam', 'x')(text)).toBeNull();
      expect(inside('Nam', 'x')(text)).toBeNull();
    }
  });

  it('case is ignored with Vietnamese letters unless asked', () => {
    expect(whole('nữ', 'Female')('NỮ')).toBe('Female');
    expect(whole('đặng', 'D')('ĐẶNG')).toBe('D');
    expect(inside('ưu', 'U')('Trần Hữu ƯU')).toBe('Trần Hữu U');
    expect(whole('nữ', 'Female', true)('NỮ')).toBeNull();
    expect(whole('Nữ', 'Female', true)('Nữ')).toBe('Female');
  });

  it('text typed with combining marks matches text typed precomposed, both ways', () => {
    const nfd = 'Nguyễn Văn Nam'.normalize('NFD');
    expect(inside('Nguyễn', 'Lê')(nfd)).toBe('Lê Văn Nam');
    expect(whole('Nữ'.normalize('NFD'), 'Female')('Nữ')).toBe('Female');
  });

  it('never replaces part of a letter: a match may not end before a combining mark', () => {
    // "Nă" typed as N + a + combining breve: "Na" must not match it even if the text is not composable.
    expect(inside('Na', 'X')('Na\u0306m')).toBeNull();
    expect(inside('a', 'o')('a\u0323\u0306')).toBeNull();
  });

  it('finds the text literally (regex characters are text) and inserts the replacement literally', () => {
    expect(inside('a.b', 'x')('axb a.b')).toBe('axb x');
    expect(inside('(1)', '$&$1')('Nhóm (1)')).toBe('Nhóm $&$1');
    expect(whole('a\\b', 'c')('a\\b')).toBe('c');
    expect(cellReplacer('', 'x', { matchCase: false, wholeCell: true })).toBeNull();
    expect(cellReplacer('  ', 'x', { matchCase: false, wholeCell: false })).toBeNull();
  });

  it('property: a whole-cell match is exactly "the trimmed cell equals find" (case folded, NFC)', () => {
    const letters = fc.constantFrom('a', 'ă', 'â', 'A', 'Ă', 'n', 'N', 'm', 'ữ', 'Ữ', 'đ', 'Đ', ' ', '.', '(', '$');
    const word = fc.array(letters, { maxLength: 6 }).map((a) => a.join(''));
    fc.assert(fc.property(word, word, (find, cell) => {
      const r = cellReplacer(find, 'X', { matchCase: false, wholeCell: true });
      if (!find.trim()) return r === null;
      const same = cell.trim().toLowerCase() === find.trim().toLowerCase();
      return (r!(cell) === 'X') === same && (r!(cell) === null) === !same;
    }), { numRuns: 2000 });
  });

  it('property: ignoring case, an inside match happens exactly when the lower-cased cell contains the lower-cased find', () => {
    const letters = fc.constantFrom('a', 'A', 'ă', 'Ă', 'n', 'N', 'm', 'M', 'ữ', 'Ữ', ' ', '@', '.');
    const text = fc.array(letters, { maxLength: 8 }).map((a) => a.join(''));
    fc.assert(fc.property(text, fc.array(letters, { minLength: 1, maxLength: 3 }).map((a) => a.join('')), (cell, find) => {
      const r = cellReplacer(find, '#', { matchCase: false, wholeCell: false });
      if (!find.trim()) return r === null;
      return (r!(cell) !== null) === cell.toLowerCase().includes(find.toLowerCase());
    }), { numRuns: 3000 });
  });

  it('property: an inside match leaves a cell without `find` untouched and removes every occurrence of it', () => {
    const letters = fc.constantFrom('a', 'ă', 'n', 'N', 'm', 'Nam', 'Năm', ' ', '@', '.');
    const text = fc.array(letters, { maxLength: 8 }).map((a) => a.join(''));
    fc.assert(fc.property(text, (cell) => {
      const after = inside('Nam', '#', true)(cell);
      if (!cell.includes('Nam')) return after === null;
      return after !== null && !after.includes('Nam') && after.replaceAll('#', 'Nam') === cell;
    }), { numRuns: 2000 });
  });
});
