import { join } from 'node:path';
import { z } from 'zod';
import type { HistoryEntry } from '../../../shared/ipc/contract';
import { JsonFile } from '../store/json-file';

const HISTORY_LIMIT = 200;

const historySchema = z.array(
  z.object({
    importId: z.string(),
    fileName: z.string(),
    startedAt: z.number(),
    finishedAt: z.number(),
    mode: z.enum(['create', 'update', 'upsert']),
    counts: z.object({ total: z.number(), created: z.number(), updated: z.number(), skipped: z.number(), failed: z.number() }),
    cancelled: z.boolean(),
    unsent: z.number().int().nonnegative().optional(),
  }),
);

/** history.json: one line per finished (or cancelled) import, newest first. */
export function historyFile(userDataDir: string): JsonFile<HistoryEntry[]> {
  return new JsonFile(join(userDataDir, 'history.json'), historySchema, () => []);
}

export function addToHistory(file: JsonFile<HistoryEntry[]>, entry: HistoryEntry): Promise<HistoryEntry[]> {
  return file.update((list) => [entry, ...list.filter((e) => !(e.importId === entry.importId && e.startedAt === entry.startedAt))].slice(0, HISTORY_LIMIT));
}
