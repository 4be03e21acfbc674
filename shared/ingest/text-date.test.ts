import { describe, expect, it } from 'vitest';
import { parseDayFirstDate } from './text-date';

describe('text dates, day first', () => {
  it('reads dd/mm/yyyy and its variants day-first, never month-first', () => {
    expect(parseDayFirstDate('15/03/1990')).toBe('1990-03-15');
    expect(parseDayFirstDate('03/04/1990')).toBe('1990-04-03');
    expect(parseDayFirstDate('5-3-90')).toBe('1990-03-05');
    expect(parseDayFirstDate('1.1.05')).toBe('2005-01-01');
    expect(parseDayFirstDate('1990-03-15')).toBe('1990-03-15');
  });
  it('refuses impossible dates and non-dates', () => {
    expect(parseDayFirstDate('03/15/1990')).toBeUndefined();
    expect(parseDayFirstDate('29/02/2023')).toBeUndefined();
    expect(parseDayFirstDate('0912345678')).toBeUndefined();
    expect(parseDayFirstDate('')).toBeUndefined();
  });
});
