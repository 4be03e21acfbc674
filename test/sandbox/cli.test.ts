/** The `omi-sandbox` command line: --help, clear usage errors (exit 2, no stack trace), SIGINT flushes --data. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, startSandbox } from '../support/sandbox';

/** Runs the command to its end (bounded to 30 s). */
function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/sandbox/main.ts', ...args], { cwd: REPO_ROOT, timeout: 30_000 });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe.concurrent('omi-sandbox command line', () => {
  it('--help lists every option and the admin routes', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    for (const s of ['--port', '--token', '--data', '--seed', '--seed-random', '/__sandbox/faults']) expect(r.out).toContain(s);
  });

  it.each([
    [['--port', 'abc'], /--port must be a whole number/],
    [['--port', '70000'], /--port must be a whole number/],
    [['--bogus'], /Unknown option/],
    [['--token', ''], /--token must not be empty/],
    [['--seed', '/no/such/seed.json'], /cannot read the seed file/],
  ])('%j is a usage error: exit 2 and one clear line', async (args, why) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(why);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('a port already in use is a clear error', async () => {
    const first = await startSandbox();
    try {
      const r = await run(['--port', new URL(first.url).port]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/already in use/);
    } finally {
      await first.stop();
    }
  });

  it('SIGINT writes pending data before exiting', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'omi-sandbox-sigint-'));
    try {
      const file = join(dir, 'data.json');
      const sb = await startSandbox({ dataFile: file, args: ['--seed-random', '9'] });
      expect((await sb.faults({})).randomSeed).toBe(9);
      const exited = new Promise<number | null>((r) => sb.process.once('exit', (code) => r(code)));
      // The write is debounced: SIGINT right after the answer must still flush it.
      const res = await fetch(`${sb.url}/api/v2/contact/add`, {
        method: 'POST', headers: { authorization: `Bearer ${sb.token}` }, body: JSON.stringify({ refId: 'sigint', fullName: 'Ngắt' }),
      });
      sb.process.kill('SIGINT');
      expect(((await res.json()) as { payload: unknown }).payload).toBe(true);
      expect(await exited).toBe(0);
      expect(JSON.parse(readFileSync(file, 'utf8')).contacts.map((c: { refId: string }) => c.refId)).toEqual(['sigint']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
