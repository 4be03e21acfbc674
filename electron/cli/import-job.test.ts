import { describe, expect, it } from 'vitest';
import { sentRows } from './import-job';

describe('sentRows', () => {
  it('counts each row that went out once, across runs, and not rows that were only settled', () => {
    expect(sentRows([
      { t: 'start', importId: 'i', mode: 'create', total: 5, at: 1 },
      { t: 'send', id: 'r1-1', op: 'addMany', rows: [2, 3], at: 2 },
      { t: 'start', importId: 'i', mode: 'create', total: 5, at: 3 },
      { t: 'send', id: 'r2-1', op: 'addMany', rows: [3, 4], at: 4 },
      { t: 'send', id: 'r2-2', op: 'update', rows: [4], at: 5 },
      { t: 'result', id: 'r2-1', rows: [{ row: 5, result: 'skipped' }], at: 6 },
      { t: 'end', cancelled: true, at: 7 },
    ])).toBe(3);
  });
});
