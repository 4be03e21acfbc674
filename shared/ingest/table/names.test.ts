import { describe, expect, it } from 'vitest';
import { columnLetter, uniqueHeaders } from './names';

describe('column names', () => {
  it('letters like Excel', () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16383].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });
  it('blank and repeated headers become unique and readable', () => {
    expect(uniqueHeaders(['SĐT', '', 'SĐT', 'sđt', 'Email', ''])).toEqual(['SĐT', 'Cột B', 'SĐT (2)', 'sđt (3)', 'Email', 'Cột F']);
  });
});
