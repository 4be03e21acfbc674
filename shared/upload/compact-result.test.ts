import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allOutcomes, compactResult } from './compact-result';
import type { ImportResult, RowOutcome } from './types';

const outcome: fc.Arbitrary<Omit<RowOutcome, 'rowNumber'>> = fc.record({
  refId: fc.string({ minLength: 1, maxLength: 8 }),
  outcome: fc.constantFrom('created', 'updated', 'skipped', 'failed'),
  omiId: fc.option(fc.string({ minLength: 1, maxLength: 6 }), { nil: undefined }),
  reason: fc.option(fc.record({ vi: fc.string(), en: fc.string() }), { nil: undefined }),
}, { requiredKeys: ['refId', 'outcome'] });

const resultOf = (outcomes: RowOutcome[]): ImportResult => ({
  importId: 'imp-1', outcomes, cancelled: false, durationMs: 1,
  counts: { total: outcomes.length, created: 0, updated: 0, skipped: 0, failed: 0 },
});

describe('compactResult', () => {
  it('keeps every row that did not land in full, and each row\'s outcome kind, for any result', () => {
    fc.assert(fc.property(fc.array(outcome, { maxLength: 60 }), (list) => {
      const full = resultOf(list.map((o, i) => ({ ...o, rowNumber: i + 2 })));
      const compact = compactResult(full);
      // Nothing lost: the same rows, each with the same kind; failed and skipped ones exactly as they were.
      const kinds = (r: ImportResult) => new Map(allOutcomes(r).map((o) => [o.rowNumber, o.outcome]));
      expect(kinds(compact)).toEqual(kinds(full));
      expect(allOutcomes(compact)).toHaveLength(full.outcomes.length);
      const notLanded = (os: RowOutcome[]) => os.filter((o) => o.outcome === 'failed' || o.outcome === 'skipped');
      expect(notLanded(compact.outcomes)).toEqual(notLanded(full.outcomes));
      // What was reduced to a row number carried nothing but "it landed".
      for (const o of full.outcomes.filter((x) => compact.landed!.created.includes(x.rowNumber) || compact.landed!.updated.includes(x.rowNumber))) {
        expect(o.omiId).toBeUndefined();
        expect(o.reason).toBeUndefined();
      }
      expect(compactResult(compact)).toBe(compact);
      expect(allOutcomes(full)).toBe(full.outcomes);
    }));
  });

  it('sends 100,000 created rows as row numbers', () => {
    const full = resultOf(Array.from({ length: 100_000 }, (_, i) => ({ rowNumber: i + 2, refId: `r${i}`, outcome: 'created' as const })));
    const compact = compactResult(full);
    expect(compact.outcomes).toEqual([]);
    expect(compact.landed?.created).toHaveLength(100_000);
    // The structured clone the window receives is a fraction of the full one.
    expect(JSON.stringify(compact).length * 4).toBeLessThan(JSON.stringify(full).length);
  });
});
