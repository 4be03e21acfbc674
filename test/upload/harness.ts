/**
 * Runs the upload engine against a real sandbox process with real time, a seeded jitter source and a journal
 * (memory or a file), and records what it reported, for the upload tests.
 */
import { createOmiClient } from '../../shared/omi/client';
import type { OmiApi } from '../../shared/omi/api';
import { startImport, type EngineDeps, type ImportJob } from '../../shared/upload/engine';
import { createMemoryJournal, type JournalStore } from '../../shared/upload/journal';
import { abortableSleep } from '../../shared/upload/sleep';
import type { ImportPlan, ImportProgress, RowOutcome } from '../../shared/upload/types';
import type { SandboxHandle } from '../support/sandbox';
import { seededRandom } from '../../shared/random';

/** A reproducible [0, 1) sequence (engine jitter in tests). */
export const seeded = seededRandom;


export interface Run {
  job: ImportJob;
  progress: ImportProgress[];
  rows: RowOutcome[];
  credentialsAsked: number;
}

export interface RunOptions {
  journal?: JournalStore;
  api?: OmiApi;
  timeoutMs?: number;
  seed?: number;
  onNeedCredentials?: () => Promise<void>;
}

/** The client for a sandbox. */
export function clientFor(sb: SandboxHandle, timeoutMs = 5_000): OmiApi {
  return createOmiClient({ baseUrl: sb.url, token: sb.token, timeoutMs });
}

/** Starts an import of `plan` into `sb`. */
export function run(sb: SandboxHandle, plan: ImportPlan, o: RunOptions = {}): Run {
  const r: Run = { job: undefined as unknown as ImportJob, progress: [], rows: [], credentialsAsked: 0 };
  const deps: EngineDeps = {
    api: o.api ?? clientFor(sb, o.timeoutMs),
    journal: o.journal ?? createMemoryJournal(),
    now: () => Date.now(),
    sleep: abortableSleep,
    random: seeded(o.seed ?? 42),
    onProgress: (p) => r.progress.push(p),
    onRows: (rows) => r.rows.push(...rows),
  };
  if (o.onNeedCredentials) {
    const ask = o.onNeedCredentials;
    deps.onNeedCredentials = async () => {
      r.credentialsAsked++;
      await ask();
    };
  }
  r.job = startImport(plan, deps);
  return r;
}
