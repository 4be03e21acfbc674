/**
 * Upload throughput against a real sandbox process with 50 ms added latency and a rate limit:
 * 1. the engine's rows/s against the ceiling the server allows (rate × chunk size): target ≥ 0.9;
 * 2. the engine against a loop that sends one `add` per row, in order, on the same sandbox: target ≥ 50×.
 * The engine runs as in the app: file journal (fsync'd), real clock, default adaptive pacing learned from 429s.
 * The sandbox's limit is a token bucket of one second's worth of calls (README, omi-sandbox): its first full
 * bucket lets at most RATE calls through beyond RATE per second, i.e. at most 1 s of the run's ~20 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openFileJournal } from '../../electron/main/journal/file-journal';
import { createOmiClient } from '../../shared/omi/client';
import { isOmiError } from '../../shared/omi/errors';
import { startImport } from '../../shared/upload/engine';
import { buildPlan } from '../../shared/upload/plan';
import { abortableSleep } from '../../shared/upload/sleep';
import { makeRows } from '../upload/rows';
import { startSandbox } from '../support/sandbox';
import { report } from './report';

const LATENCY_MS = 50;
const RATE = 20;
const CHUNK = 100;
const CONCURRENCY = 6;
const SECONDS = 20;

const sb = await startSandbox();
const dir = mkdtempSync(join(tmpdir(), 'upload-bench-'));
try {
  const api = createOmiClient({ baseUrl: sb.url, token: sb.token, timeoutMs: 30_000 });

  // 1. The engine, against the default board (refIdDuplicates "reject": the sandbox checks every refId, by index).
  await sb.faults({ latencyMs: LATENCY_MS, ratePerSecond: RATE });
  const n = RATE * CHUNK * SECONDS;
  const plan = buildPlan(makeRows(n), {
    fileName: 'bench.xlsx', fileFingerprint: `bench-${Date.now()}`, mappingKey: 'm', mode: 'create',
    options: { chunkSize: CHUNK, concurrency: CONCURRENCY, maxRetries: 8 },
  });
  const journal = await openFileJournal(join(dir, 'bench.jsonl'));
  const t0 = performance.now();
  const result = await startImport(plan, { api, journal, now: () => Date.now(), sleep: abortableSleep, random: Math.random }).done;
  const engineSeconds = (performance.now() - t0) / 1000;
  await journal.close();
  if (result.counts.created !== n) throw new Error(`engine created ${result.counts.created} of ${n}`);
  const engineRate = n / engineSeconds;
  const ceiling = RATE * CHUNK;

  // 2. One add per row, in order, for a few seconds (waiting out any 429).
  await sb.reset();
  await sb.faults({ latencyMs: LATENCY_MS, ratePerSecond: RATE });
  const rows = makeRows(400, { phoneBase: 50_000_000 });
  let sent = 0;
  const t1 = performance.now();
  for (const r of rows) {
    if (performance.now() - t1 > 4000) break;
    for (;;) {
      try {
        await api.add(r.contact);
        break;
      } catch (e) {
        if (isOmiError(e) && e.kind === 'rate-limited') await abortableSleep(e.retryAfterMs ?? 1000);
        else throw e;
      }
    }
    sent++;
  }
  const loopRate = sent / ((performance.now() - t1) / 1000);

  report({
    name: 'upload-vs-ceiling', measured: `engine rows/s, ${LATENCY_MS} ms latency, ${RATE} calls/s limit, chunks of ${CHUNK}, ${n} rows`,
    value: engineRate, baseline: ceiling, unit: 'rows/s', target: 0.9, direction: 'min',
  });
  report({
    name: 'upload-vs-one-add-per-row', measured: 'engine rows/s against a loop of one add per row (same sandbox, latency, limit)',
    value: engineRate, baseline: loopRate, unit: 'rows/s', target: 50, direction: 'min',
  });
} finally {
  await sb.stop();
  rmSync(dir, { recursive: true, force: true });
}
