/**
 * The upload engine against a real sandbox process, one fault switch at a time: whatever the server does,
 * every row it accepts lands exactly once (count and content read back from /__sandbox/contacts), and every
 * row it refuses is reported failed with the server's reason.
 */
import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../shared/upload/plan';
import type { ImportPlan } from '../../shared/upload/types';
import type { StatsReport } from '../../electron/sandbox/stats';
import type { FaultBoard } from '../support/sandbox';
import { sandboxPerFile } from '../support/sandbox-per-file';
import { run } from './harness';
import { expectExactlyOnce, makeRows, type RowsOptions } from './rows';

const sb = sandboxPerFile();

function planOf(n: number, rows: RowsOptions, chunkSize: number, concurrency = 3, tag = 'faults'): ImportPlan {
  return buildPlan(makeRows(n, rows), {
    fileName: `${tag}.xlsx`, fileFingerprint: `fp-${tag}-${n}`, mappingKey: 'm1', mode: 'create',
    options: { chunkSize, concurrency, maxRetries: 10 },
  });
}

async function importWith(board: Partial<FaultBoard>, plan: ImportPlan, timeoutMs = 5_000) {
  await sb.faults({ ...board, randomSeed: 7 });
  // Renewing takes a person a moment: 250 ms here, so the waiting state shows in the (throttled) progress.
  const renew = async () => {
    await new Promise((res) => setTimeout(res, 250));
    await sb.faults({ tokenExpiresAfter: board.tokenExpiresAfter ?? null });
  };
  const r = run(sb, plan, { timeoutMs, onNeedCredentials: renew });
  const result = await r.job.done;
  await sb.faults({ timeoutRate: 0, dropRate: 0, latencyMs: 0, ratePerSecond: null, tokenExpiresAfter: null });
  const contacts = await sb.contacts();
  expectExactlyOnce(plan, result, contacts);
  expect(result.cancelled).toBe(false);
  const last = r.progress[r.progress.length - 1];
  expect(last.final).toBe(true);
  expect(last.created + last.failed + last.skipped).toBe(plan.rows.length);
  return { result, r, contacts };
}

describe('each fault switch alone', () => {
  it('no faults: 300 rows in chunks of 40, invalid rows failed with the server reason', async () => {
    const plan = planOf(300, { invalidEvery: 29 }, 40);
    const { result } = await importWith({}, plan);
    expect(result.counts.failed).toBe(10);
    expect(result.counts.created).toBe(290);
  });

  it('latencyMs', async () => {
    await importWith({ latencyMs: 40 }, planOf(200, { invalidEvery: 31 }, 25));
  });

  it('ratePerSecond: obeys 429 + Retry-After', async () => {
    // 12 calls, 4 at a time, against 2 calls a second (one second of burst): the first four alone overrun the
    // bucket unless each call takes over 2 s, so a 429 comes however loaded the machine is (at 15 a second a
    // slow machine never reached the limit and the test failed with no 429 at all).
    const plan = planOf(120, {}, 10, 4);
    const { r } = await importWith({ ratePerSecond: 2 }, plan);
    const stats = (await sb.stats()) as StatsReport;
    // Pacing learned from the first 429s: far fewer refusals than calls.
    const limited = stats.byOutcome['rate-limited'] ?? 0;
    expect(limited).toBeGreaterThan(0);
    expect(limited).toBeLessThan(6);
    expect(r.progress.some((p) => p.state === 'rate-limited')).toBe(true);
  });

  it('errorRate: 5xx retried with backoff, rows behind a maybe-processed 5xx checked first', async () => {
    await importWith({ errorRate: 0.25 }, planOf(200, { invalidEvery: 23 }, 20));
  });

  it('dropRate: processed, connection dropped → checked by search, never sent twice', async () => {
    await importWith({ dropRate: 0.25 }, planOf(200, { invalidEvery: 23 }, 20));
    const stats = (await sb.stats()) as StatsReport;
    // A lost answer is checked with one listing of recent contacts, not one search per row.
    const lostBatches = stats.byEndpoint.addMany.dropped ?? 0;
    expect(lostBatches).toBeGreaterThan(0);
    const searches = Object.values(stats.byEndpoint.search ?? {}).reduce((a, b) => a + (b ?? 0), 0);
    expect(searches).toBeLessThan(20 * lostBatches);
  });

  it('timeoutRate with a short client timeout', async () => {
    await importWith({ timeoutRate: 0.2 }, planOf(150, { invalidEvery: 23 }, 20), 400);
  });

  it('malformedRate', async () => {
    await importWith({ malformedRate: 0.25 }, planOf(200, { invalidEvery: 23 }, 20));
  });

  it('statusCodeRate: non-9999 on HTTP 200 is retried, never blamed on rows', async () => {
    const { result } = await importWith({ statusCodeRate: 0.25 }, planOf(200, {}, 20));
    expect(result.counts.failed).toBe(0);
  });

  it('tokenExpiresAfter: waits for new credentials, never fails rows for it', async () => {
    const plan = planOf(200, { invalidEvery: 37 }, 10);
    const { r, result } = await importWith({ tokenExpiresAfter: 6 }, plan);
    expect(r.credentialsAsked).toBeGreaterThan(0);
    expect(r.progress.some((p) => p.state === 'waiting-credentials')).toBe(true);
    expect(result.counts.failed).toBe(5);
  });

  it('maxBatch: 413 halves the chunk size', async () => {
    const plan = planOf(200, { invalidEvery: 41 }, 50);
    await importWith({ maxBatch: 12 }, plan);
    const stats = (await sb.stats()) as StatsReport;
    expect(stats.byEndpoint.addMany['too-large']).toBeGreaterThan(0);
    expect(stats.byEndpoint.addMany.ok).toBeGreaterThan(0);
  });

  for (const shape of ['detail-by-index', 'detail-list', 'no-detail'] as const) {
    it(`addManyErrors ${shape}: only the bad rows fail`, async () => {
      const plan = planOf(240, { invalidEvery: 17 }, 30);
      const { result } = await importWith({ addManyErrors: shape }, plan);
      expect(result.counts.failed).toBe(14);
      expect(result.counts.created).toBe(226);
    });
  }

  it('without onNeedCredentials a refused token stops the import, rows are not failed, the journal resumes it', async () => {
    const plan = planOf(60, {}, 10, 1);
    // 3 calls: the engine's look for an earlier import of this file (3 searches); then 2 addMany calls go through.
    await sb.faults({ tokenExpiresAfter: 5 });
    const r = run(sb, plan);
    const result = await r.job.done;
    expect(result.stopped?.code).toBe('credentials');
    expect(result.counts.failed).toBe(0);
    expect(result.counts.created).toBe(20);
    expect(result.outcomes.filter((o) => o.outcome === 'skipped')).toHaveLength(40);
  });

  it('cancel while waiting for credentials ends the job at once', async () => {
    const plan = planOf(60, {}, 10, 2);
    await sb.faults({ tokenExpiresAfter: 4 });
    let asked = false;
    const r = run(sb, plan, { onNeedCredentials: () => { asked = true; return new Promise<void>(() => {}); } });
    for (let i = 0; i < 1000 && !asked; i++) await new Promise((res) => setTimeout(res, 10));
    expect(asked).toBe(true);
    r.job.cancel();
    const result = await r.job.done;
    expect(result.cancelled).toBe(true);
    expect(result.counts.failed).toBe(0);
    expect(result.counts.created + result.counts.skipped).toBe(60);
    expect(r.progress[r.progress.length - 1]).toMatchObject({ final: true, state: 'cancelled' });
  });
});
