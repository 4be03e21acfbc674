/**
 * The crash test of issue 5: `omi-import` killed with SIGKILL at 20 random (seeded) moments of a 20,000-row
 * import and resumed each time with --resume; at the end the sandbox holds every valid row exactly once — count
 * and content — and no invalid row. The sandbox answers slowly and now and then drops a connection after doing
 * the work, so lost answers and torn journal lines both happen.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../support/sandbox';
import { buildCli, finished, runCli, spawnCli, tempDir, waitForStderr } from './support/cli';
import { fieldsOf } from './support/contacts';
import { writeLeadsCsv, type LeadsFile } from './fixtures/leads';
import { seededRandom as seeded } from '../../shared/random';

const ROWS = 20_000;
const KILLS = 20;
const SEED = 20_261_129;

let sandbox: SandboxHandle;
let tmp: ReturnType<typeof tempDir>;
let file: string;
let expected: LeadsFile;

beforeAll(async () => {
  tmp = tempDir('omi-crash-');
  file = join(tmp.dir, 'su-kien-20000.csv');
  expected = writeLeadsCsv(file, ROWS);
  [sandbox] = await Promise.all([startSandbox(), buildCli()]);
  await sandbox.faults({ latencyMs: 5, dropRate: 0.01 });
}, 90_000);
afterAll(async () => {
  await sandbox?.stop();
  tmp?.remove();
});

describe('omi-import killed 20 times', () => {
  it('lands every valid row exactly once', async () => {
    const random = seeded(SEED);
    const journal = join(tmp.dir, 'crash.jsonl');
    const args = (first: boolean) => [
      file, '--auto', '--base-url', sandbox.url, '--token-env', 'OMI_TOKEN', '--chunk-size', '25', '--concurrency', '2',
      first ? '--journal' : '--resume', journal, '--json',
    ];
    const opts = { home: tmp.dir, env: { OMI_TOKEN: sandbox.token } };

    let killed = 0;
    const t0 = performance.now();
    const moments: string[] = [];
    for (let i = 0; i < KILLS; i++) {
      const child = spawnCli(args(i === 0), opts);
      if (i > 0 && random() < 0.2) {
        // One kill in five lands anywhere in start-up (reading the plan, replaying the journal, checking rows).
        await sleep(Math.floor(random() * 2500));
      } else {
        // The others land while rows are being sent, spread over the whole import: each waits until the
        // sandbox has created a random share of the rows within its twenty-first of the import, then a jitter.
        await waitForStderr(child, /journal: /, 60_000);
        const target = Math.floor((expected.valid.length * (i + random())) / (KILLS + 1));
        await until(async () => (await created()) >= target || child.exitCode !== null, 60_000);
        await sleep(Math.floor(random() * 60));
      }
      const stillRunning = child.exitCode === null && child.signalCode === null;
      child.kill('SIGKILL');
      const run = await finished(child, 30_000);
      moments.push(`${Math.round(performance.now() - t0)} ms/${await created()} rows`);
      if (stillRunning) {
        expect(run.signal).toBe('SIGKILL');
        killed++;
      }
    }
    // The import is long enough that every kill interrupted it.
    expect(killed).toBe(KILLS);
    console.log(`killed at (time since the first start / rows the sandbox had created): ${moments.join(', ')}`);

    const last = await runCli(args(false), { ...opts, timeoutMs: 60_000 });
    const summary = JSON.parse(last.stdout) as { rows: Record<string, number> };
    expect(summary.rows).toMatchObject({
      total: ROWS, valid: expected.valid.length, invalid: expected.invalidRows.length, duplicates: 0, failed: 0,
    });
    expect(summary.rows.created + summary.rows.skipped).toBe(expected.valid.length);
    expect(last.code).toBe(1); // some rows were invalid (reported, never sent)

    const stored = (await sandbox.contacts()).map(fieldsOf);
    expect(stored.length).toBe(expected.valid.length);
    const byPhone = new Map<string, typeof stored>();
    for (const c of stored) for (const p of c.phones) byPhone.set(p, [...(byPhone.get(p) ?? []), c]);
    const wrong: string[] = [];
    for (const lead of expected.valid) {
      const found = byPhone.get(lead.phone) ?? [];
      if (found.length !== 1) wrong.push(`row ${lead.rowNumber}: ${found.length} contacts with ${lead.phone}`);
      else if (found[0].fullName !== lead.fullName || !found[0].emails.includes(lead.email)) {
        wrong.push(`row ${lead.rowNumber}: ${JSON.stringify(found[0])} ≠ ${JSON.stringify(lead)}`);
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    // No invalid row reached the server.
    expect(stored.some((c) => c.phones.includes('12345'))).toBe(false);
  }, 300_000);
});

/** Contacts the sandbox created since it started (add and addMany, answered or not). */
async function created(): Promise<number> {
  return ((await sandbox.stats()) as { contactsCreated: number }).contactsCreated;
}

/** Polls `check` every 25 ms until it holds (bounded). */
async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`still waiting after ${timeoutMs} ms`);
    await sleep(25);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
