import { describe, expect, it } from 'vitest';
import { DEFAULT_FAULTS, Faults, mergeFaults, RateWindow, seededRandom } from './faults';

describe('faults', () => {
  it('merges a subset and names a wrong key or value', () => {
    expect(mergeFaults(DEFAULT_FAULTS, { dropRate: 0.5 })).toEqual({ board: { ...DEFAULT_FAULTS, dropRate: 0.5 } });
    expect(mergeFaults(DEFAULT_FAULTS, { maxBatch: 1.5 })).toEqual({ error: expect.stringMatching(/maxBatch/) });
    expect(mergeFaults(DEFAULT_FAULTS, { ratePerSecond: -1 })).toEqual({ error: expect.stringMatching(/ratePerSecond/) });
    expect(mergeFaults(DEFAULT_FAULTS, [1])).toEqual({ error: expect.stringMatching(/JSON object/) });
    expect(mergeFaults(DEFAULT_FAULTS, { tokenExpiresAfter: null, maxBatch: 10 })).toMatchObject({ board: { maxBatch: 10 } });
  });

  it('draws the same sequence from the same seed, and a different one from another', () => {
    const a = seededRandom(5), b = seededRandom(5), c = seededRandom(6);
    const seq = (r: () => number) => Array.from({ length: 8 }, r);
    const first = seq(a);
    expect(seq(b)).toEqual(first);
    expect(seq(c)).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('rolls a share of about that size, never for 0 and always for 1', () => {
    const f = new Faults({ randomSeed: 3 });
    const hits = Array.from({ length: 2000 }, () => f.roll(0.3)).filter(Boolean).length;
    expect(hits).toBeGreaterThan(500);
    expect(hits).toBeLessThan(700);
    expect(f.roll(0)).toBe(false);
    expect(f.roll(1)).toBe(true);
  });

  it('limits calls per one-second window and says how long to wait', () => {
    const w = new RateWindow();
    expect(w.take(2, 1000)).toEqual({ ok: true });
    expect(w.take(2, 1100)).toEqual({ ok: true });
    expect(w.take(2, 1200)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(w.take(2, 2001)).toEqual({ ok: true });
  });

  it('posting the board restarts the token-expiry count', () => {
    const f = new Faults();
    f.callsSincePost = 9;
    expect(f.post({ tokenExpiresAfter: 3 })).toMatchObject({ board: { tokenExpiresAfter: 3 } });
    expect(f.callsSincePost).toBe(0);
  });
});
