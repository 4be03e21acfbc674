/**
 * Ctrl+C stops an import cleanly: the engine is cancelled, the journal closed, the command prints the exact
 * --resume command, and running that command finishes the import without sending any row twice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../support/sandbox';
import { buildCli, finished, runCli, spawnCli, tempDir, waitForStderr } from './support/cli';
import { fieldsOf } from './support/contacts';
import { writeLeadsCsv, type LeadsFile } from './fixtures/leads';

let sandbox: SandboxHandle;
let tmp: ReturnType<typeof tempDir>;
let file: string;
let expected: LeadsFile;

beforeAll(async () => {
  tmp = tempDir('omi-sigint-');
  file = join(tmp.dir, 'leads.csv');
  expected = writeLeadsCsv(file, 1500, Number.POSITIVE_INFINITY);
  [sandbox] = await Promise.all([startSandbox(), buildCli()]);
  // Slow enough that Ctrl+C lands in the middle.
  await sandbox.faults({ latencyMs: 150 });
});
afterAll(async () => {
  await sandbox?.stop();
  tmp?.remove();
});

describe('Ctrl+C', () => {
  it('stops cleanly, says how to resume, and the resume finishes without duplicates', async () => {
    const opts = { home: tmp.dir, env: { OMI_TOKEN: sandbox.token } };
    const args = [file, '--auto', '--base-url', sandbox.url, '--token-env', 'OMI_TOKEN', '--chunk-size', '20', '--concurrency', '1', '--json'];
    const child = spawnCli(args, opts);
    await waitForStderr(child, /journal: (\S+)/);
    const journal = /journal: (\S+)/.exec(child.out.stderr)![1];
    // The default journal lives in the user's data folder, named after the import.
    expect(journal.startsWith(join(tmp.dir, 'journals'))).toBe(true);
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGINT');
    const stopped = await finished(child, 30_000);

    expect(stopped.code).toBe(1);
    const first = JSON.parse(stopped.stdout) as { rows: Record<string, number>; journalPath: string };
    expect(first.journalPath).toBe(journal);
    expect(first.rows.created).toBeGreaterThan(0);
    expect(first.rows.created).toBeLessThan(expected.valid.length);
    const hint = stopped.stderr.split('\n').find((l) => l.includes('--resume'))!;
    expect(hint).toContain(`omi-import ${args.join(' ')} --resume ${journal}`);
    // The journal was closed with an end line: nothing torn.
    const lines = readFileSync(journal, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { t: string; cancelled?: boolean });
    expect(lines.at(-1)).toMatchObject({ t: 'end', cancelled: true });
    const createdBefore = (await sandbox.contacts()).length;
    // A request cut off by the stop may still have been processed: at most one chunk more, checked on resume.
    expect(createdBefore).toBeGreaterThanOrEqual(first.rows.created);
    expect(createdBefore).toBeLessThanOrEqual(first.rows.created + 20);

    await sandbox.faults({ latencyMs: 0 });
    const resumed = await runCli([...args, '--resume', journal], opts);
    expect(resumed.code, resumed.stderr).toBe(0);
    const second = JSON.parse(resumed.stdout) as { rows: Record<string, number> };
    expect(second.rows).toMatchObject({ valid: expected.valid.length, failed: 0 });

    const stored = (await sandbox.contacts()).map(fieldsOf);
    expect(stored.length).toBe(expected.valid.length);
    expect(new Set(stored.flatMap((c) => c.phones)).size).toBe(expected.valid.length);
  });

  it('a token refused in the middle stops with exit 3, and the same import resumes once the token works', async () => {
    await sandbox.reset();
    const opts = { home: join(tmp.dir, 'token-home'), env: { OMI_TOKEN: sandbox.token } };
    const args = [file, '--auto', '--base-url', sandbox.url, '--token-env', 'OMI_TOKEN', '--chunk-size', '100', '--concurrency', '1', '--json'];
    // The layout and funnel lists take two calls; the token dies a few chunks later.
    await sandbox.faults({ tokenExpiresAfter: 6 });
    const stopped = await runCli(args, opts);
    expect(stopped.code, stopped.stderr).toBe(3);
    const first = JSON.parse(stopped.stdout) as { rows: Record<string, number>; journalPath: string };
    expect(first.rows.created).toBeGreaterThan(0);
    expect(first.rows.created).toBeLessThan(expected.valid.length);
    const lines = stopped.stderr.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/token/i);
    expect(stopped.stderr).toContain(`--resume ${first.journalPath}`);

    await sandbox.faults({ tokenExpiresAfter: null });
    const resumed = await runCli([...args, '--resume', first.journalPath], opts);
    expect(resumed.code, resumed.stderr).toBe(0);
    const stored = (await sandbox.contacts()).map(fieldsOf);
    expect(stored.length).toBe(expected.valid.length);
    expect(new Set(stored.flatMap((c) => c.phones)).size).toBe(expected.valid.length);
  });
});
