/**
 * Starts a real `omi-sandbox` process on loopback for a test (never mocked HTTP):
 * `node --import tsx electron/sandbox/main.ts --port 0 --token T …`, waits for `listening on …`,
 * and gives its address, token and admin routes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FaultBoard } from '../../electron/sandbox/faults';
import type { ContactItem } from '../../shared/omi/types';

export type { FaultBoard } from '../../electron/sandbox/faults';

/** Repository root (the child runs there). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface SandboxHandle {
  /** http://127.0.0.1:PORT */
  url: string;
  /** The accepted Bearer token. */
  token: string;
  /** POST /__sandbox/faults: sets any subset of the switchboard, answers the whole board. */
  faults(board: Partial<FaultBoard>): Promise<FaultBoard>;
  /** POST /__sandbox/reset: seed (or built-in) store, default board, zero stats. */
  reset(): Promise<void>;
  /** GET /__sandbox/contacts: every stored contact. */
  contacts(): Promise<ContactItem[]>;
  /** GET /__sandbox/stats: request counts by endpoint and outcome. */
  stats(): Promise<unknown>;
  /** SIGTERM, then wait for the process to flush its data file and exit (SIGKILL after 10 s). */
  stop(): Promise<void>;
  /** SIGKILL: a crash, nothing flushed. */
  kill(): void;
  /** The child process (e.g. to read its pid). */
  process: ChildProcess;
  /** Everything the process wrote to stderr so far. */
  stderr(): string;
}

export interface StartSandboxOptions {
  /** Default: a fresh random token per sandbox. */
  token?: string;
  /** Extra command-line arguments (e.g. ['--seed-random', '7']). */
  args?: string[];
  /** A seed object ({layout, funnels, contacts}), written to a temp file and passed as --seed. */
  seed?: object;
  /** Passed as --data. */
  dataFile?: string;
  /** How long to wait for `listening on` (default 30 s: tsx start-up on a busy machine). */
  startTimeoutMs?: number;
}

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of live) c.kill('SIGKILL');
});

/** Starts one sandbox process; stop (or kill) it in afterAll / afterEach. */
export async function startSandbox(opts: StartSandboxOptions = {}): Promise<SandboxHandle> {
  const token = opts.token ?? `t-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  const args = ['--import', 'tsx', 'electron/sandbox/main.ts', '--port', '0', '--token', token];
  let tmp: string | undefined;
  if (opts.seed) {
    tmp = mkdtempSync(join(tmpdir(), 'omi-sandbox-seed-'));
    const seedFile = join(tmp, 'seed.json');
    writeFileSync(seedFile, JSON.stringify(opts.seed));
    args.push('--seed', seedFile);
  }
  if (opts.dataFile) args.push('--data', opts.dataFile);
  args.push(...(opts.args ?? []));

  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let err = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => {
    err += d;
  });
  const exited = new Promise<void>((r) => child.once('exit', () => {
    live.delete(child);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    r();
  }));

  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`omi-sandbox did not start within ${opts.startTimeoutMs ?? 30_000} ms; stderr: ${err}`));
    }, opts.startTimeoutMs ?? 30_000);
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`omi-sandbox exited before listening (code ${code}, signal ${signal}); stderr: ${err}`));
    });
  });

  async function admin(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${url}/__sandbox/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const json = (await res.json()) as unknown;
    if (!res.ok) {
      const why = (json as { error?: unknown } | null)?.error;
      throw new Error(`/__sandbox/${path} answered ${res.status}: ${typeof why === 'string' ? why : JSON.stringify(json)}`);
    }
    return json;
  }

  return {
    url,
    token,
    process: child,
    stderr: () => err,
    faults: async (board) => (await admin('POST', 'faults', board)) as FaultBoard,
    reset: async () => {
      await admin('POST', 'reset', {});
    },
    contacts: async () => (await admin('GET', 'contacts')) as ContactItem[],
    stats: () => admin('GET', 'stats'),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(force);
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
