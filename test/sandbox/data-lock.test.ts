/**
 * One sandbox per data file, with real processes: a second `omi-sandbox` on a held --data file is refused with a
 * sentence naming the holder; `omi-import --sandbox` sends to the sandbox that holds its data folder's store (the
 * app's, in real use) instead of starting a second writer, and is refused when that sandbox does not answer; a
 * lock left by a killed process is taken over.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedSandbox } from '../../electron/main/embedded-sandbox';
import { createOmiClient } from '../../shared/omi/client';
import { writeLeadsCsv } from '../cli/fixtures/leads';
import { buildCli, runCli, tempDir } from '../cli/support/cli';
import { REPO_ROOT, startSandbox, type SandboxHandle } from '../support/sandbox';

let tmp: ReturnType<typeof tempDir>;
const running: SandboxHandle[] = [];

beforeAll(async () => {
  tmp = tempDir('omi-sandbox-lock-');
  await buildCli();
});
afterAll(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
  tmp?.remove();
});

async function hold(dataFile: string): Promise<SandboxHandle> {
  const s = await startSandbox({ dataFile });
  running.push(s);
  return s;
}

/** Runs `omi-sandbox` to its end (bounded to 30 s). */
function runSandbox(args: string[]): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/sandbox/main.ts', ...args], { cwd: REPO_ROOT, timeout: 30_000 });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('close', (code) => resolve({ code, err }));
  });
}

/** A user data folder whose sandbox store is held by a running omi-sandbox (standing in for the app). */
async function heldHome(name: string): Promise<{ home: string; dataFile: string; holder: SandboxHandle }> {
  const home = join(tmp.dir, name);
  mkdirSync(join(home, 'sandbox'), { recursive: true });
  const dataFile = join(home, 'sandbox', 'data.json');
  return { home, dataFile, holder: await hold(dataFile) };
}

describe.concurrent('one sandbox per data file', () => {
  it('a second omi-sandbox on a held --data file is refused, naming the holder; a killed holder\'s lock is taken over', async () => {
    const file = join(tmp.dir, 'shared.json');
    const first = await hold(file);
    await createOmiClient({ baseUrl: first.url, token: first.token }).add({ refId: 'a1', fullName: 'Người đầu tiên' });

    const second = await runSandbox(['--port', '0', '--data', file]);
    expect(second.code).toBe(2);
    expect(second.err).toContain(`omi-sandbox (tiến trình ${first.process.pid}, địa chỉ ${first.url})`);
    expect(second.err).toContain(`omi-sandbox (process ${first.process.pid} at ${first.url})`);
    expect(second.err).not.toMatch(/\n\s+at /);

    // A crash leaves the lock behind; its process is gone, so the next start takes the file over, contacts and all.
    // The add reaches the file soon (a write waits at most about a second): poll, bounded.
    const written = () => existsSync(file) && readFileSync(file, 'utf8').includes('"a1"');
    for (let i = 0; i < 200 && !written(); i++) await new Promise((r) => setTimeout(r, 50));
    first.kill();
    await new Promise((r) => first.process.once('exit', r));
    expect(existsSync(`${file}.lock`)).toBe(true);
    const third = await hold(file);
    expect((await third.contacts()).map((c) => c.ref_id)).toEqual(['a1']);
    await third.stop();
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it('omi-import --sandbox sends to the sandbox that holds the store, which alone writes the file', async () => {
    const { home, dataFile, holder } = await heldHome('joined');
    await createOmiClient({ baseUrl: holder.url, token: holder.token }).add({ refId: 'before', fullName: 'Đã có sẵn' });
    const csv = join(tmp.dir, 'joined.csv');
    const leads = writeLeadsCsv(csv, 25, Number.POSITIVE_INFINITY);

    const r = await runCli([csv, '--auto', '--sandbox', '--json'], { home, timeoutMs: 90_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).rows.created).toBe(leads.valid.length);
    expect(r.stderr).toContain(`using the running sandbox of omi-sandbox (process ${holder.process.pid})`);
    // Both programs' contacts are in the one store, and stay in the file once the holder stops.
    const names = (await holder.contacts()).map((c) => c.attribute_structure.find((a) => a.field_code === 'full_name')?.value[0].display_value);
    expect(names.sort()).toEqual(['Đã có sẵn', ...leads.valid.map((l) => l.fullName)].sort());
    await holder.stop();
    const saved = JSON.parse(readFileSync(dataFile, 'utf8')) as { contacts: { fullName: string }[] };
    expect(saved.contacts.map((c) => c.fullName).sort()).toEqual(names.sort());
  });

  it('omi-import --sandbox is refused, in both languages, when the holder does not answer', async () => {
    const { home, holder } = await heldHome('silent');
    const csv = join(tmp.dir, 'silent.csv');
    writeLeadsCsv(csv, 5, Number.POSITIVE_INFINITY);
    holder.process.kill('SIGSTOP');
    try {
      const r = await runCli([csv, '--auto', '--sandbox'], { home, timeoutMs: 90_000 });
      expect(r.code).toBe(3);
      expect(r.stderr).toContain(`đang được omi-sandbox (tiến trình ${holder.process.pid}, địa chỉ ${holder.url}) dùng, và sandbox đó không trả lời`);
      expect(r.stderr).toContain(`is in use by omi-sandbox (process ${holder.process.pid} at ${holder.url}), and that sandbox does not answer`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      holder.process.kill('SIGCONT');
    }
    // Nothing was sent: the holder's store is as it was.
    expect(await holder.contacts()).toEqual([]);
  });

  it("the app's sandbox uses the running sandbox that holds the store while it lasts, then starts its own on it", async () => {
    const { home, dataFile, holder } = await heldHome('app');
    const app = embeddedSandbox(home);
    try {
      expect(await app()).toEqual({ url: holder.url, token: holder.token });
      await createOmiClient({ baseUrl: holder.url, token: holder.token }).add({ refId: 'tu-lenh', fullName: 'Từ dòng lệnh' });
      await holder.stop();
      // The holder is gone: the app starts its own sandbox on the same file, with what the holder wrote.
      const own = await app();
      expect(own.url).not.toBe(holder.url);
      const lock = JSON.parse(readFileSync(`${dataFile}.lock`, 'utf8')) as { pid: number; program: { en: string } };
      expect(lock).toMatchObject({ pid: process.pid, program: { en: 'the OMI Importer app' } });
      const res = await fetch(`${own.url}/__sandbox/contacts`);
      expect(((await res.json()) as { ref_id: string }[]).map((c) => c.ref_id)).toEqual(['tu-lenh']);
    } finally {
      await app.close();
    }
    expect(existsSync(`${dataFile}.lock`)).toBe(false);
  });
});
