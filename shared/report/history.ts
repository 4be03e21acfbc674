/**
 * The import history record the main process keeps for each finished (or cancelled) import: the IPC contract's
 * HistoryEntry plus what a person needs to find the details again.
 */
import type { HistoryEntry } from '../ipc/contract';
import type { Bilingual } from '../text';
import type { ImportMode, ImportResult } from '../upload/types';

/** One import in the history. */
export interface ImportHistoryRecord extends HistoryEntry {
  /** Where the journal is (to resume, or to see what was sent). */
  journalPath?: string;
  /** Reports written for this import. */
  reportPaths?: string[];
  /** Why it stopped early, when it did. */
  stopped?: Bilingual;
  /** How many rows were invalid before sending (not part of `counts`, which counts the rows sent). */
  invalidRows?: number;
}

/** The history record of an import's result. */
export function historyRecord(
  result: ImportResult,
  meta: { fileName: string; mode: ImportMode; startedAt: number; finishedAt: number; journalPath?: string; reportPaths?: string[]; invalidRows?: number },
): ImportHistoryRecord {
  return {
    importId: result.importId,
    fileName: meta.fileName,
    startedAt: meta.startedAt,
    finishedAt: meta.finishedAt,
    mode: meta.mode,
    counts: { ...result.counts },
    cancelled: result.cancelled,
    ...(meta.journalPath ? { journalPath: meta.journalPath } : {}),
    ...(meta.reportPaths ? { reportPaths: meta.reportPaths } : {}),
    ...(result.stopped ? { stopped: result.stopped.text } : {}),
    ...(meta.invalidRows !== undefined ? { invalidRows: meta.invalidRows } : {}),
  };
}
