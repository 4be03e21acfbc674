/**
 * Runs the upload engine for the command: the journal file opened (and always closed), progress drawn on
 * stderr, Ctrl+C turned into a clean cancel, and a refused token turned into a stop — there is nobody at a
 * scheduled job to type a new one, so the run ends with exit 3 and says how to resume.
 */
import { openFileJournal } from '../main/journal/file-journal';
import type { OmiApi } from '../../shared/omi/api';
import type { Bilingual } from '../../shared/text';
import type { JournalEntry } from '../../shared/upload/journal';
import { startImport } from '../../shared/upload/engine';
import { abortableSleep } from '../../shared/upload/sleep';
import type { ImportPlan, ImportResult } from '../../shared/upload/types';
import type { RunContext } from './run';

/** How the engine run ended. */
export interface EngineRun {
  result: ImportResult;
  /** Rows that went out to OMI in any run of this import, from the journal. */
  sent: number;
  /** Set when the server refused the token during the import: the engine's sentence. */
  credentialsRefused?: Bilingual;
}

/** Extra checks before the engine starts. */
export interface EngineRunOptions {
  /** Looks at the journal as found on disk; throws to refuse it (e.g. a journal of another import). */
  checkJournal?(entries: JournalEntry[]): void;
}

/**
 * Distinct rows named by a `send` entry: what really went out, in this run or an earlier one. (The engine's
 * progress `sent` also counts rows settled without a call, such as those skipped by a stop.)
 */
export function sentRows(entries: JournalEntry[]): number {
  const rows = new Set<number>();
  for (const e of entries) if (e.t === 'send') for (const r of e.rows) rows.add(r);
  return rows.size;
}

/** Runs the plan to its end (or to a clean stop). The journal is closed whatever happens. */
export async function runEngine(plan: ImportPlan, api: OmiApi, journalPath: string, ctx: RunContext, opts: EngineRunOptions = {}): Promise<EngineRun> {
  const journal = await openFileJournal(journalPath);
  // Printed once the file exists, so whoever reads it (a person, a log, a test) can always --resume from it.
  ctx.progress.note(`Nhật ký / journal: ${journalPath}`);
  try {
    opts.checkJournal?.(await journal.readAll());
    const job = startImport(plan, {
      api,
      journal,
      now: () => Date.now(),
      sleep: abortableSleep,
      random: Math.random,
      onProgress: (p) => ctx.progress.update(p),
      // No onNeedCredentials: nobody is at a scheduled run to type a new token, so the engine stops with
      // result.stopped and the journal lets the next run continue.
    });
    const undo = ctx.stop.onStop(() => {
      ctx.progress.note('Đang dừng, chờ các yêu cầu đang gửi… (Ctrl+C lần nữa để thoát ngay) / Stopping, waiting for requests in flight… (Ctrl+C again to quit at once)');
      job.cancel();
    });
    try {
      const result = await job.done;
      return { result, sent: sentRows(await journal.readAll()), credentialsRefused: result.stopped?.code === 'credentials' ? result.stopped.text : undefined };
    } finally {
      undo();
    }
  } finally {
    await journal.close();
  }
}
