import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allOutcomes, compactResult, expandGroups, groupAlike } from './compact-result';
import type { ImportResult, RowOutcome } from './types';

const REFUSED = { vi: 'OMI không nhận giá trị ở trường "Số điện thoại" của dòng này.', en: 'OMI did not accept the value in the "Phone" field of this row.' };
// The same sentence with each row's own detail: grouping must keep the details apart.
const REASONS = [
  undefined, { vi: 'Đã huỷ trước khi gửi.', en: 'Cancelled before it was sent.' }, REFUSED,
  { ...REFUSED, detail: 'phones[0].data is not a valid phone number: "abc"' }, { ...REFUSED, detail: 'phones[0].data is not a valid phone number: "xyz"' },
];
const outcome: fc.Arbitrary<Omit<RowOutcome, 'rowNumber'>> = fc.record({
  refId: fc.string({ minLength: 1, maxLength: 8 }),
  outcome: fc.constantFrom('created', 'updated', 'skipped', 'failed'),
  code: fc.constantFrom(undefined, 'cancelled', 'refused'),
  omiId: fc.option(fc.string({ minLength: 1, maxLength: 6 }), { nil: undefined, freq: 4 }),
  reason: fc.constantFrom(...REASONS),
}, { requiredKeys: ['refId', 'outcome'] });

const resultOf = (outcomes: RowOutcome[]): ImportResult => ({
  importId: 'imp-1', outcomes, cancelled: false, durationMs: 1,
  counts: { total: outcomes.length, created: 0, updated: 0, skipped: 0, failed: 0 },
});

/** An outcome as the window can know it after grouping: everything but the refId of a grouped row. */
const seen = (o: RowOutcome, keepRef: boolean) => {
  const { refId, ...rest } = o;
  const clean = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  return keepRef ? { ...clean, refId } : clean;
};

describe('compactResult', () => {
  it('gives back every row with its outcome, code, reason and OMI id, for any result', () => {
    fc.assert(fc.property(fc.array(outcome, { maxLength: 80 }), (list) => {
      const full = resultOf(list.map((o, i) => ({ ...o, rowNumber: i + 2 })));
      const compact = compactResult(full);
      const byRow = (r: ImportResult) => new Map(allOutcomes(r).map((o) => [o.rowNumber, seen(o, false)]));
      expect(byRow(compact)).toEqual(byRow(full));
      expect(allOutcomes(compact)).toHaveLength(full.outcomes.length);
      // Outcomes kept whole are exactly as they were (refId and all); grouped ones share everything.
      const original = new Map(full.outcomes.map((o) => [o.rowNumber, o]));
      for (const o of compact.outcomes) expect(o).toBe(original.get(o.rowNumber));
      for (const g of compact.grouped!) {
        expect(g.rowNumbers.length).toBeGreaterThan(1);
        for (const n of g.rowNumbers) expect(original.get(n)!.omiId).toBeUndefined();
      }
      expect(compactResult(compact)).toBe(compact);
      expect(allOutcomes(full)).toBe(full.outcomes);
    }));
  });

  it('sends 100,000 created rows, or 90,000 left unsent by a cancel, as row numbers', () => {
    const cancelled = REASONS[1];
    const full = resultOf(Array.from({ length: 100_000 }, (_, i): RowOutcome => (i < 10_000
      ? { rowNumber: i + 2, refId: `r${i}`, outcome: 'created' }
      : { rowNumber: i + 2, refId: `r${i}`, outcome: 'skipped', code: 'cancelled', reason: cancelled })));
    const compact = compactResult(full);
    expect(compact.outcomes).toEqual([]);
    expect(compact.grouped?.map((g) => [g.outcome, g.rowNumbers.length])).toEqual([['created', 10_000], ['skipped', 90_000]]);
    // What the window receives is a fraction of the full result.
    expect(JSON.stringify(compact).length * 4).toBeLessThan(JSON.stringify(full).length);
  });
});

describe('groupAlike (the row outcomes of one import:rows event)', () => {
  it('puts every row in exactly one place, and expandGroups gives each back as it was but for a grouped refId', () => {
    fc.assert(fc.property(fc.array(outcome, { maxLength: 80 }), (list) => {
      const full = list.map((o, i) => ({ ...o, rowNumber: i + 2 }));
      const { outcomes, grouped } = groupAlike(full);
      const rows = [...outcomes.map((o) => o.rowNumber), ...grouped.flatMap((g) => g.rowNumbers)];
      expect(rows.sort((a, b) => a - b)).toEqual(full.map((o) => o.rowNumber));
      const byRow = (l: RowOutcome[]) => new Map(l.map((o) => [o.rowNumber, seen(o, false)]));
      expect(byRow(expandGroups(outcomes, grouped))).toEqual(byRow(full));
      expect(expandGroups(full, undefined)).toBe(full);
    }));
  });

  it('withoutIds: every row once, as it was but for its OMI id (and a grouped refId); no id left anywhere', () => {
    fc.assert(fc.property(fc.array(outcome, { maxLength: 80 }), (list) => {
      const full = list.map((o, i) => ({ ...o, rowNumber: i + 2 }));
      const { outcomes, grouped } = groupAlike(full, { withoutIds: true });
      const back = expandGroups(outcomes, grouped);
      expect(back.map((o) => o.rowNumber).sort((a, b) => a - b)).toEqual(full.map((o) => o.rowNumber));
      const noId = ({ omiId: _, ...o }: RowOutcome) => seen(o, false);
      expect(new Map(back.map((o) => [o.rowNumber, noId(o)]))).toEqual(new Map(full.map((o) => [o.rowNumber, noId(o)])));
      expect(back.some((o) => o.omiId !== undefined)).toBe(false);
    }));
  });

  it('withoutIds: a chunk of 500 created rows, each with its own OMI id, travels as one group of row numbers', () => {
    const list = Array.from({ length: 500 }, (_, i): RowOutcome => ({ rowNumber: 2 + i, refId: `r${i}`, outcome: 'created', omiId: `omi-${i}` }));
    const live = groupAlike(list, { withoutIds: true });
    expect(live.outcomes).toEqual([]);
    expect(live.grouped).toEqual([{ outcome: 'created', rowNumbers: list.map((o) => o.rowNumber) }]);
    expect(JSON.stringify(live).length * 10).toBeLessThan(JSON.stringify(list).length);
    // Without the option the ids are kept: every row whole.
    expect(groupAlike(list).outcomes).toHaveLength(500);
  });

  it('turns 2,000 rows left unsent by a cancel into two groups (sent / not yet sent) a fraction of the size', () => {
    const inFlight = { vi: 'Đã huỷ khi đang gửi.', en: 'Cancelled while it was being sent.' };
    const list = Array.from({ length: 2000 }, (_, i): RowOutcome => ({
      rowNumber: 1000 + i, refId: `r${i}`, outcome: 'skipped', code: 'cancelled', reason: i < 500 ? inFlight : REASONS[1],
    }));
    const compact = groupAlike(list);
    expect(compact.outcomes).toEqual([]);
    expect(compact.grouped.map((g) => [g.reason, g.rowNumbers.length])).toEqual([[inFlight, 500], [REASONS[1], 1500]]);
    expect(JSON.stringify(compact).length * 10).toBeLessThan(JSON.stringify(list).length);
  });
});
