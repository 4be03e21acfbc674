import { describe, expect, it } from 'vitest';
import { DEFAULT_FAULTS, Faults, mergeFaults, RateWindow, seededRandom, TokenBucket } from './faults';

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

  it('rate limit as a token bucket: even pacing with timer jitter passes, a burst beyond a second\'s worth does not', () => {
    const b = new TokenBucket();
    const jitter = seededRandom(4);
    // 20/s for 30 s, each call up to 40 ms early or late around its 50 ms slot: never refused.
    for (let i = 0; i < 600; i++) expect(b.take(20, 1000 + i * 50 + (jitter() - 0.5) * 80)).toEqual({ ok: true });
    // 30/s for 3 s: refused once the bucket is empty, and a refused call takes no token.
    const later = new TokenBucket();
    const answers = Array.from({ length: 90 }, (_, i) => later.take(20, (i * 1000) / 30).ok);
    const accepted = answers.filter(Boolean).length;
    expect(answers.slice(0, 20).every(Boolean)).toBe(true);
    expect(accepted).toBeGreaterThanOrEqual(20 + 59);
    expect(accepted).toBeLessThanOrEqual(20 + 61);
    later.take(20, 2967);
    expect(later.take(20, 2967)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(new TokenBucket().take(0, 0)).toMatchObject({ ok: false });
  });

  it('posting the board restarts the token-expiry count', () => {
    const f = new Faults();
    f.callsSincePost = 9;
    expect(f.post({ tokenExpiresAfter: 3 })).toMatchObject({ board: { tokenExpiresAfter: 3 } });
    expect(f.callsSincePost).toBe(0);
  });
});
