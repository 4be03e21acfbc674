import { describe, expect, it } from 'vitest';
import { cleanDate, excelSerialToIso } from '../../shared/clean/date';
import { formatSerialDate } from '../../shared/ingest/sheet/cell';
import { dayFirst } from './dayFirst';

describe('dayFirst', () => {
  it('shows a date the pipeline sends the way the grid shows the same date cell', () => {
    // Every 7th day from 1900 to 2100: the sent value turned back equals the cell's own text (serial 60 is Excel's
    // 29 Feb 1900, a day that never was: the cell shows it, the pipeline cannot send it).
    for (let serial = 1; serial < 73_415; serial += 7) {
      if (serial === 60) continue;
      const sent = excelSerialToIso(serial)!;
      expect(dayFirst(sent)).toBe(formatSerialDate(serial, false));
    }
  });

  it('reads back what a user typed day first', () => {
    for (const typed of ['12/04/1985', '01/01/2000', '29/02/2024', '31/12/1999']) {
      const sent = cleanDate(typed).value!;
      expect(sent).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(dayFirst(sent)).toBe(typed);
    }
  });

  it('leaves anything that is not a bare YYYY-MM-DD day alone', () => {
    for (const v of ['', 'hôm qua', '1985-04-12T10:00', '1985-4-12', '12/04/1985', ' 1985-04-12', '19850412']) expect(dayFirst(v)).toBe(v);
  });
});
