/**
 * Exactly once across crashes, cancels and re-imports. A "crash" stops the engine dead at the n-th journal
 * write: that write (and every later one) never lands — optionally half of it is left in the file as a torn
 * line — and no further call reaches the server, while calls already in flight still land there (their answers
 * are lost). A new engine on the same journal file must then finish the import without sending a row twice.
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsReport } from '../../electron/sandbox/stats';
import { openFileJournal } from '../../electron/main/journal/file-journal';
import type { OmiApi } from '../../shared/omi/api';
import { createMemoryJournal, type JournalStore } from '../../shared/upload/journal';
import { buildPlan } from '../../shared/upload/plan';
import type { ImportPlan } from '../../shared/upload/types';
import { sandboxPerFile } from '../support/sandbox-per-file';
import { clientFor, run, seeded } from './harness';
import { expectExactlyOnce, makeRows } from './rows';

const sb = sandboxPerFile();
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'omi-journal-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const never = new Promise<never>(() => {});

/** Wraps a journal and a client so that everything stops at the `crashAt`-th journal write. */
function crashable(journal: JournalStore, api: OmiApi, crashAt: number, tornFile?: string) {
  let writes = 0;
  let crashed = false;
  const pending: Promise<void>[] = [];
  let torn: Promise<void> = Promise.resolve();
  const j: JournalStore = {
    append(entry) {
      if (crashed) return never;
      if (++writes >= crashAt) {
        crashed = true;
        if (tornFile) {
          // The write in progress at the crash is the last one in the file: the earlier ones land first.
          const line = JSON.stringify(entry);
          torn = Promise.allSettled(pending).then(() => {
            appendFileSync(tornFile, line.slice(0, Math.max(1, Math.floor(line.length / 2))));
          });
        }
        return never;
      }
      const p = journal.append(entry);
      pending.push(p);
      return p;
    },
    readAll: () => journal.readAll(),
    close: async () => {
      await torn;
      await journal.close();
    },
  };
  const a = Object.fromEntries(
    (Object.keys(api) as (keyof OmiApi)[]).map((k) => [k, (...args: unknown[]) => (crashed ? never : (api[k] as (...x: unknown[]) => unknown)(...args))]),
  ) as unknown as OmiApi;
  return { journal: j, api: a, crashed: () => crashed };
}

function planOf(n: number, tag: string, dynamic = false): ImportPlan {
  return buildPlan(makeRows(n, { invalidEvery: 19, dynamic }), {
    fileName: `${tag}.csv`, fileFingerprint: `fp-${tag}`, mappingKey: 'm', mode: 'create',
    options: { chunkSize: 15, concurrency: 3, maxRetries: 10 },
  });
}

async function waitFor(cond: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
}

describe('resume from the journal', () => {
  for (const torn of [false, true]) {
    it(`killed at random journal writes${torn ? ', leaving a torn last line' : ''}, resumed each time: every row once`, async () => {
      await sb.faults({ latencyMs: 15, dropRate: 0.08, randomSeed: 11 });
      const plan = planOf(240, `crash-${torn}`, true);
      const path = join(dir, `crash-${torn}.jsonl`);
      const random = seeded(torn ? 5 : 6);
      let crashes = 0;
      for (let round = 0; round < 12; round++) {
        const file = await openFileJournal(path);
        const lastRound = round >= 6;
        const crashAt = lastRound ? Infinity : 3 + Math.floor(random() * 40);
        const c = crashable(file, clientFor(sb), crashAt, torn ? path : undefined);
        const r = run(sb, plan, { journal: c.journal, api: c.api });
        let finished = false;
        const done = r.job.done.then((res) => {
          finished = true;
          return res;
        });
        await waitFor(() => finished || c.crashed(), 20_000);
        if (c.crashed()) {
          crashes++;
          // Calls in flight at the crash still reach the server; give them time to land.
          await new Promise((res) => setTimeout(res, 100));
          await c.journal.close();
          continue;
        }
        const result = await done;
        await file.close();
        await sb.faults({ dropRate: 0, latencyMs: 0 });
        expectExactlyOnce(plan, result, await sb.contacts());
        expect(crashes).toBeGreaterThan(2);
        return;
      }
      throw new Error('the import never finished');
    });
  }

  it('cancelled mid-import (calls in flight aborted), then resumed: every row once', async () => {
    await sb.faults({ latencyMs: 30, randomSeed: 3 });
    const plan = planOf(200, 'cancel', true);
    const journal = createMemoryJournal();
    const first = run(sb, plan, { journal });
    await waitFor(() => first.rows.length > 40, 10_000);
    first.job.cancel();
    const partial = await first.job.done;
    expect(partial.cancelled).toBe(true);
    expect(partial.counts.created).toBeGreaterThan(0);
    expect(partial.counts.created).toBeLessThan(190);
    const left = partial.outcomes.filter((o) => o.outcome === 'skipped');
    expect(left.length).toBeGreaterThan(0);
    for (const o of left) expect(o.reason?.en).toMatch(/cancelled/);
    // Rows created whose attributes were still to be written say so (and the resume writes them).
    for (const o of partial.outcomes.filter((x) => x.code === 'attributes')) expect(o.outcome).toBe('created');
    expect(first.progress[first.progress.length - 1]).toMatchObject({ final: true, state: 'cancelled' });

    const second = run(sb, plan, { journal });
    const result = await second.job.done;
    await sb.faults({ latencyMs: 0 });
    expectExactlyOnce(plan, result, await sb.contacts());
    expect(result.counts.created).toBe(190);
  });

  it('paused: nothing is sent until resumed', async () => {
    await sb.faults({ latencyMs: 20 });
    const plan = planOf(150, 'pause');
    const r = run(sb, plan);
    await waitFor(() => r.rows.length > 0, 10_000);
    r.job.pause();
    await new Promise((res) => setTimeout(res, 150));
    const before = ((await sb.stats()) as StatsReport).total;
    await new Promise((res) => setTimeout(res, 300));
    expect(((await sb.stats()) as StatsReport).total).toBe(before);
    expect(r.progress[r.progress.length - 1].state).toBe('paused');
    r.job.resume();
    const result = await r.job.done;
    await sb.faults({ latencyMs: 0 });
    expectExactlyOnce(plan, result, await sb.contacts());
  });
});

describe('importing the same file again', () => {
  it('with the finished journal: nothing is sent again, every row skipped with a reason', async () => {
    await sb.faults({ refIdDuplicates: 'allow' });
    const plan = planOf(120, 'again');
    const journal = createMemoryJournal();
    const first = await run(sb, plan, { journal }).job.done;
    expect(first.counts.created).toBe(114);
    const statsBefore = (await sb.stats()) as StatsReport;
    const second = await run(sb, plan, { journal }).job.done;
    const statsAfter = (await sb.stats()) as StatsReport;
    expect(statsAfter.contactsCreated).toBe(statsBefore.contactsCreated);
    expect(second.counts.created).toBe(0);
    expect(second.counts.skipped).toBe(114);
    for (const o of second.outcomes.filter((x) => x.outcome === 'skipped')) expect(o.reason?.vi).toMatch(/Đã bỏ qua/);
    // The rows OMI refused are tried again (they may have been fixed on the server side) and refused again.
    expect(second.counts.failed).toBe(6);
    expectExactlyOnce(plan, second, await sb.contacts());
  });

  it('without the journal (lost, another computer) and a server that accepts duplicate refIds: found by search, skipped', async () => {
    await sb.faults({ refIdDuplicates: 'allow' });
    const plan = planOf(120, 'lost');
    await run(sb, plan).job.done;
    const second = await run(sb, plan).job.done;
    expect(second.counts.created).toBe(0);
    expect(second.counts.skipped).toBe(114);
    for (const o of second.outcomes.filter((x) => x.outcome === 'skipped')) {
      expect(o.reason?.en).toMatch(/already holds/);
      expect(o.omiId).toBeTruthy();
    }
    expectExactlyOnce(plan, second, await sb.contacts());
  });
});
