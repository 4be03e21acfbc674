import { describe, expect, it } from 'vitest';
import { ProgressReporter } from './progress';
import type { ImportProgress } from './types';

function setup() {
  let t = 0;
  const timers: { at: number; fire: () => void }[] = [];
  const events: ImportProgress[] = [];
  const p = new ProgressReporter((e) => events.push(e), () => t, (ms) => new Promise<void>((res) => timers.push({ at: t + ms, fire: res })));
  const advance = async (ms: number) => {
    t += ms;
    const due = timers.filter((x) => x.at <= t);
    timers.splice(0, timers.length, ...timers.filter((x) => x.at > t));
    for (const x of due) x.fire();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { p, events, advance };
}

const counts = (created: number, failed = 0) => ({ total: 100, sent: created + failed, created, updated: 0, skipped: 0, failed });

describe('ProgressReporter', () => {
  it('emits at most one event per 100 ms, with a trailing one for the latest counts', async () => {
    const { p, events, advance } = setup();
    p.update(counts(1), 'running');
    for (let i = 2; i <= 10; i++) {
      await advance(10);
      p.update(counts(i), 'running');
    }
    expect(events).toHaveLength(1);
    await advance(20);
    expect(events).toHaveLength(2);
    expect(events[1].created).toBe(10);
  });

  it('never goes backwards and always ends with a final event', async () => {
    const { p, events, advance } = setup();
    p.update(counts(50), 'running');
    await advance(200);
    p.update(counts(40), 'running');
    const last = p.finish(counts(60, 40), 'done');
    expect(events.map((e) => e.created)).toEqual([50, 50, 60]);
    expect(last).toMatchObject({ final: true, state: 'done', etaMs: 0 });
    p.update(counts(70), 'running');
    await advance(200);
    expect(events).toHaveLength(3);
  });

  it('measures rows per second and time left', async () => {
    const { p, events, advance } = setup();
    p.update(counts(0), 'running');
    for (let i = 1; i <= 10; i++) {
      await advance(1000);
      p.update(counts(i * 5), 'running');
    }
    const e = events[events.length - 1];
    expect(e.rowsPerSecond).toBeCloseTo(5, 0);
    expect(e.etaMs).toBeCloseTo(10_000, -3);
  });
});
