import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter';

/** A fake clock: sleep advances it. */
function clock() {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => { t += ms; }, advance: (ms: number) => { t += ms; } };
}

describe('RateLimiter', () => {
  it('is unpaced until the first 429', async () => {
    const c = clock();
    const l = new RateLimiter(c);
    for (let i = 0; i < 50; i++) l.onAccepted(await l.acquire());
    expect(c.now()).toBe(0);
    expect(l.currentRate).toBe(Infinity);
  });

  it('on a 429 it honours Retry-After and paces just under the rate the server took in the last second', async () => {
    const c = clock();
    const l = new RateLimiter(c);
    for (let i = 0; i < 20; i++) {
      l.onAccepted(await l.acquire());
      c.advance(10);
    }
    l.onRateLimited(c.now(), 1000);
    expect(l.blocked).toBe(true);
    expect(l.currentRate).toBeCloseTo(19, 0);
    const t0 = c.now();
    const first = await l.acquire();
    expect(first - t0).toBe(1000);
    const second = await l.acquire();
    expect(second - first).toBeGreaterThanOrEqual(Math.floor(1000 / 19.5));
  });

  it('only the first 429 of a burst cuts the pace', async () => {
    const c = clock();
    // Ten calls out at once (no slow start), answered together.
    const l = new RateLimiter({ ...c, initialWindow: 10 });
    const sent: number[] = [];
    for (let i = 0; i < 10; i++) sent.push(await l.acquire());
    for (const s of sent) l.onAccepted(s);
    l.onRateLimited(sent[0], 500);
    const after = l.currentRate;
    l.onRateLimited(sent[1], 500);
    l.onRateLimited(sent[2], 500);
    expect(l.currentRate).toBe(after);
  });

  it('grows back slowly while no 429 comes (additive increase)', async () => {
    const c = clock();
    const l = new RateLimiter({ ...c, increasePerSecond: 0.01 });
    for (let i = 0; i < 10; i++) l.onAccepted(await l.acquire());
    l.onRateLimited(c.now(), 0);
    const r0 = l.currentRate;
    c.advance(10_000);
    expect(l.currentRate).toBeCloseTo(r0 * 1.1, 5);
  });

  it('never paces below minRate', async () => {
    const c = clock();
    const l = new RateLimiter({ ...c, minRate: 0.5 });
    l.onRateLimited(c.now(), 100);
    expect(l.currentRate).toBe(0.5);
  });

  it('paced requests with the measured rate never exceed it within any one-second window', async () => {
    const c = clock();
    const l = new RateLimiter({ ...c, increasePerSecond: 0 });
    for (let i = 0; i < 30; i++) l.onAccepted(await l.acquire());
    l.onRateLimited(c.now(), 1000);
    const times: number[] = [];
    for (let i = 0; i < 100; i++) times.push(await l.acquire());
    for (let i = 0; i < times.length; i++) {
      const inWindow = times.filter((t) => t >= times[i] && t < times[i] + 1000).length;
      expect(inWindow).toBeLessThanOrEqual(29);
    }
  });

  it('starts slowly: only initialWindow calls out at once, one more per accepted answer', async () => {
    const c = clock();
    const l = new RateLimiter({ ...c, initialWindow: 2 });
    const a = await l.acquire();
    await l.acquire();
    let third = false;
    const pending = l.acquire().then((t) => { third = true; return t; });
    await Promise.resolve();
    await Promise.resolve();
    expect(third).toBe(false);
    l.onAccepted(a);
    await pending;
    expect(third).toBe(true);
    // The accepted answer widened the window to 3: with 2 out, one more goes at once, then it waits again.
    await l.acquire();
    let fifth = false;
    void l.acquire().then(() => { fifth = true; });
    await Promise.resolve();
    await Promise.resolve();
    expect(fifth).toBe(false);
    expect(c.now()).toBe(0);
  });

  /** A limiter that learned ~20/s from a first 429, then ran paced for two seconds. */
  async function paced() {
    const c = clock();
    const l = new RateLimiter({ ...c, increasePerSecond: 0 });
    for (let i = 0; i < 20; i++) {
      l.onAccepted(await l.acquire());
      c.advance(50);
    }
    l.onRateLimited(c.now(), 1000);
    const times: number[] = [];
    while (c.now() < 4000) {
      const t = await l.acquire();
      times.push(t);
      l.onAccepted(t);
    }
    return { c, l, times };
  }

  it('a 429 while paced cuts the pace to just under what the server took, and only that call waits its turn', async () => {
    const { c, l } = await paced();
    const before = l.currentRate;
    const refused = await l.acquire();
    l.onRateLimited(refused, 1000);
    // What went out in the last second at the old pace, a little lower: not a freeze.
    expect(l.currentRate).toBeLessThan(before);
    expect(l.currentRate).toBeGreaterThan(before * 0.9);
    const t0 = c.now();
    const next = await l.acquire();
    expect(next - t0).toBeLessThanOrEqual(Math.ceil(1000 / l.currentRate));
    expect(l.blocked).toBe(true);
  });

  it('still makes everyone wait out a long Retry-After, or one after 429s back to back', async () => {
    const long = await paced();
    const t = await long.l.acquire();
    long.l.onRateLimited(t, 30_000);
    const t0 = long.c.now();
    expect((await long.l.acquire()) - t0).toBeCloseTo(30_000, 3);

    const streak = await paced();
    for (let i = 0; i < 3; i++) streak.l.onRateLimited(await streak.l.acquire(), 1000);
    const t1 = streak.c.now();
    expect((await streak.l.acquire()) - t1).toBeCloseTo(1000, 3);
  });

  it('spreads paced calls evenly: never two within three quarters of a spacing', async () => {
    const { times, l } = await paced();
    const spacing = 1000 / l.currentRate;
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(spacing * 0.75 - 1e-9);
  });
});
