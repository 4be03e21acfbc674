/**
 * The plan of an import, saved beside its journal (`<journal>.cli-plan.json`) when the import starts. `--resume`
 * sends exactly that plan — the rows as they were cleaned the first time, even if the cleaning rules changed
 * since — and, when no report or cleaned table is asked for, skips reading and cleaning the file again, which
 * is most of a big file's start-up. The file must still be the same (its fingerprint is checked).
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { ImportPlan } from '../../shared/upload/types';
import type { PreparedTable } from '../../shared/prepare/types';

/** What the summary needs from the stages the fast path skips. */
export interface SnapshotSummary {
  file: string;
  sheet: string;
  headerRow: number;
  mapping: Record<string, string>;
  counts: PreparedTable['counts'];
}

interface PlanSnapshot {
  format: 'omi-import/plan';
  version: 1;
  fileFingerprint: string;
  /** The options that shape the plan (sheet, header row, mapping, mode), as given. */
  argsKey: string;
  summary: SnapshotSummary;
  plan: ImportPlan;
}

/**
 * The snapshot's path for a journal. Not `*.plan.json`: the app lists `<journals>/*.plan.json` as imports it can
 * continue, in its own format.
 */
export function snapshotPath(journalPath: string): string {
  return `${journalPath}.cli-plan.json`;
}

/** Writes the snapshot atomically (a kill mid-write leaves the old state, never half a file). */
export async function saveSnapshot(journalPath: string, s: Omit<PlanSnapshot, 'format' | 'version'>): Promise<void> {
  const path = snapshotPath(journalPath);
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify({ format: 'omi-import/plan', version: 1, ...s }));
  await rename(tmp, path);
}

/** The saved plan when it exists and was made from the same file with the same options; otherwise null. */
export async function loadSnapshot(journalPath: string, fileFingerprint: string, argsKey: string): Promise<{ plan: ImportPlan; summary: SnapshotSummary } | null> {
  let data: PlanSnapshot;
  try {
    data = JSON.parse(await readFile(snapshotPath(journalPath), 'utf8')) as PlanSnapshot;
  } catch {
    return null;
  }
  if (data?.format !== 'omi-import/plan' || data.version !== 1) return null;
  if (data.fileFingerprint !== fileFingerprint || data.argsKey !== argsKey) return null;
  // The command wrote this file itself (atomically) and the fingerprint matched: a shape check of the parts the
  // engine relies on is enough, without the cost of validating every row again on each resume.
  const plan = data.plan;
  const ok = typeof plan?.importId === 'string' && Array.isArray(plan.rows) && ['create', 'update', 'upsert'].includes(plan.mode)
    && typeof plan.options?.chunkSize === 'number' && typeof plan.options?.concurrency === 'number'
    && plan.rows.every((r) => Number.isInteger(r?.rowNumber) && typeof r.refId === 'string' && typeof r.contact === 'object' && Array.isArray(r.dynamic))
    && typeof data.summary?.sheet === 'string';
  return ok ? { plan, summary: data.summary } : null;
}
