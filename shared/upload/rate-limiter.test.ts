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
    const l = new RateLimiter(c);
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
});
