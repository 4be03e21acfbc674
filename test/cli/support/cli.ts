/**
 * Runs the BUILT `omi-import` (dist/omi-import.mjs) as a child process, the way a scheduler runs it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const CLI = join(ROOT, 'dist', 'omi-import.mjs');

/** The bundles `omi-import` is made of, as scripts/build-node.mjs builds them (the second is its file-reading worker). */
const BUNDLES = [
  { entry: 'electron/cli/main.ts', out: 'omi-import.mjs' },
  { entry: 'electron/cli/read-worker.ts', out: 'omi-import-read.mjs' },
];

/**
 * Builds dist/omi-import.mjs and its worker with the options of scripts/build-node.mjs. They are built in a private
 * folder and renamed into place, so test files building at the same time never run a half-written file.
 */
export async function buildCli(): Promise<void> {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, 'dist', '.build-'));
  try {
    await Promise.all(BUNDLES.map((b) => build({
      entryPoints: [join(ROOT, b.entry)],
      outfile: join(dir, b.out),
      bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', sourcemap: true, logLevel: 'warning',
    })));
    // The worker first: a command renamed into place must find its worker there already.
    for (const b of [...BUNDLES].reverse()) {
      renameSync(join(dir, `${b.out}.map`), join(ROOT, 'dist', `${b.out}.map`));
      renameSync(join(dir, b.out), join(ROOT, 'dist', b.out));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A fresh user data folder (OMI_IMPORTER_HOME) and a place for the test's files. */
export function tempDir(prefix = 'omi-cli-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: Record<string, string>;
  home: string;
  cwd?: string;
  /** Hard bound on the run (the child is killed after it). */
  timeoutMs?: number;
  /** The script to run instead of dist/omi-import.mjs (e.g. bin/omi-import.js, as npm installs it). */
  script?: string;
}

/** Starts the command; stdout and stderr are collected on the returned object. */
export function spawnCli(args: string[], o: CliOptions): ChildProcess & { out: { stdout: string; stderr: string } } {
  mkdirSync(o.home, { recursive: true });
  const child = spawn(process.execPath, [o.script ?? CLI, ...args], {
    cwd: o.cwd ?? o.home,
    env: { PATH: process.env.PATH ?? '', OMI_IMPORTER_HOME: o.home, ...o.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  }) as ChildProcess & { out: { stdout: string; stderr: string } };
  child.out = { stdout: '', stderr: '' };
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (child.out.stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (child.out.stderr += d));
  return child;
}

/** Resolves when the child has exited and its output is all read. */
export function finished(child: ReturnType<typeof spawnCli>, timeoutMs = 60_000): Promise<CliRun> {
  return new Promise((res, rej) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rej(new Error(`omi-import did not finish in ${timeoutMs} ms; stderr so far:\n${child.out.stderr}`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      rej(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      res({ code, signal, stdout: child.out.stdout, stderr: child.out.stderr });
    });
  });
}

/** Runs the command to the end. */
export function runCli(args: string[], o: CliOptions): Promise<CliRun> {
  return finished(spawnCli(args, o), o.timeoutMs);
}

/** Resolves once the child's stderr contains `text` (or rejects when it exits first / after `timeoutMs`). */
export function waitForStderr(child: ReturnType<typeof spawnCli>, text: string | RegExp, timeoutMs = 30_000): Promise<void> {
  const has = () => (typeof text === 'string' ? child.out.stderr.includes(text) : text.test(child.out.stderr));
  return new Promise((res, rej) => {
    if (has()) return res();
    const timer = setTimeout(() => done(new Error(`no "${String(text)}" on stderr in ${timeoutMs} ms:\n${child.out.stderr}`)), timeoutMs);
    const onData = () => has() && done();
    const onExit = () => done(has() ? undefined : new Error(`exited before "${String(text)}":\n${child.out.stderr}`));
    function done(err?: Error) {
      clearTimeout(timer);
      child.stderr!.off('data', onData);
      child.off('exit', onExit);
      if (err) rej(err); else res();
    }
    child.stderr!.on('data', onData);
    child.on('exit', onExit);
  });
}
