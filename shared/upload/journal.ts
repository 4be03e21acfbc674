/**
 * The import journal: an append-only record of what was sent and what came back, written before and after
 * every call that can create something. Replaying it tells a resumed import which rows are done, which were
 * refused, and which are "in doubt" (sent, answer never recorded) and must be checked on the server before
 * they are sent again. The store itself is injected (a file in the main process / CLI, memory in tests).
 */
import type { Bilingual } from '../text';
import type { ImportMode, RowOutcomeCode } from './types';

/** Which API call a `send` entry stands for. `add`/`addMany` create (not idempotent); `update` is idempotent. */
export type JournalOp = 'addMany' | 'add' | 'update';

/** What one row came to in one call (or in a check by search). */
export interface JournalRowResult {
  row: number;
  /**
   * created / updated / skipped / failed: settled by this call.
   * unsent: the server certainly did not process it (5xx before processing, 429, 413, batch refused) — may be sent again.
   * doubt: the server may have processed it (answer lost) — must be checked before it is sent again.
   */
  result: 'created' | 'updated' | 'skipped' | 'failed' | 'unsent' | 'doubt';
  omiId?: string;
  reason?: Bilingual;
  code?: RowOutcomeCode;
  /** For failed: the failure was the connection (retries used up), not the row — a later run tries it again. */
  transient?: boolean;
}

/** One line of the journal. `at` is ms since epoch (the engine's clock). */
export type JournalEntry =
  | { t: 'start'; importId: string; mode: ImportMode; total: number; at: number }
  | { t: 'send'; id: string; op: JournalOp; rows: number[]; at: number }
  | { t: 'result'; id: string; rows: JournalRowResult[]; at: number }
  | { t: 'end'; cancelled: boolean; at: number };

/** Where journal entries are kept. `append` resolves once the entry is durable (flushed). */
export interface JournalStore {
  append(entry: JournalEntry): Promise<void>;
  readAll(): Promise<JournalEntry[]>;
  close(): Promise<void>;
}

/** What the journal says about one row. */
export interface JournalRowState {
  row: number;
  /** The contact exists on the server because of this import (creation acknowledged or found by search). */
  created: boolean;
  omiId?: string;
  /** A create call carrying this row went out and its outcome was never recorded: check before sending again. */
  inDoubt: boolean;
  /** When the last create call carrying it was sent (engine clock): rows of one call are checked together. */
  sentAt?: number;
  /** The row's update (update / upsert mode, or the dynamic attributes after create) succeeded. */
  updated: boolean;
  /** The last settled outcome, if any. */
  outcome?: 'created' | 'updated' | 'skipped' | 'failed';
  reason?: Bilingual;
  code?: RowOutcomeCode;
  /** For failed: a connection failure, to be tried again by any later run. */
  transient?: boolean;
}

/** The journal replayed: per-row state and how the last run ended. */
export interface JournalState {
  importId?: string;
  mode?: ImportMode;
  /** How many runs started (0 = empty journal). */
  runs: number;
  /** The last run reached its end without being cancelled: a new run is a re-import, not a resume. */
  finished: boolean;
  /** The last run ended by cancel. */
  cancelled: boolean;
  /** When the first run started. */
  firstStartedAt?: number;
  /** When the last run ended, if it did. */
  lastEndedAt?: number;
  rows: Map<number, JournalRowState>;
  /** Row numbers whose creation is in doubt, ascending. */
  inDoubt: number[];
}

function rowState(rows: Map<number, JournalRowState>, row: number): JournalRowState {
  let s = rows.get(row);
  if (!s) {
    s = { row, created: false, inDoubt: false, updated: false };
    rows.set(row, s);
  }
  return s;
}

/**
 * Replays journal entries in order into per-row state. Tolerant: a `result` whose `send` is missing still counts,
 * unknown entry kinds are ignored. A `send` of a create op marks its rows in doubt until a result settles them.
 */
export function replayJournal(entries: JournalEntry[]): JournalState {
  const state: JournalState = { runs: 0, finished: false, cancelled: false, rows: new Map(), inDoubt: [] };
  const sends = new Map<string, { op: JournalOp; rows: number[] }>();
  for (const e of entries) {
    switch (e.t) {
      case 'start':
        state.runs += 1;
        state.importId ??= e.importId;
        state.mode = e.mode;
        state.firstStartedAt ??= e.at;
        state.finished = false;
        state.cancelled = false;
        break;
      case 'send':
        sends.set(e.id, { op: e.op, rows: e.rows });
        if (e.op !== 'update') {
          for (const r of e.rows) {
            const s = rowState(state.rows, r);
            s.inDoubt = true;
            s.sentAt = e.at;
          }
        }
        break;
      case 'result':
        for (const r of e.rows) applyResult(rowState(state.rows, r.row), r);
        sends.delete(e.id);
        break;
      case 'end':
        state.finished = !e.cancelled;
        state.cancelled = e.cancelled;
        state.lastEndedAt = e.at;
        break;
      default:
        break;
    }
  }
  state.inDoubt = [...state.rows.values()].filter((s) => s.inDoubt).map((s) => s.row).sort((a, b) => a - b);
  return state;
}

function applyResult(s: JournalRowState, r: JournalRowResult): void {
  switch (r.result) {
    case 'created':
      s.created = true;
      s.inDoubt = false;
      s.omiId = r.omiId ?? s.omiId;
      s.outcome = 'created';
      s.reason = r.reason;
      s.code = r.code;
      s.transient = undefined;
      break;
    case 'updated':
      s.updated = true;
      s.inDoubt = false;
      s.omiId = r.omiId ?? s.omiId;
      s.outcome = s.created ? 'created' : 'updated';
      s.reason = r.reason;
      s.code = r.code;
      s.transient = undefined;
      break;
    case 'skipped':
      s.inDoubt = false;
      s.omiId = r.omiId ?? s.omiId;
      s.outcome = 'skipped';
      s.reason = r.reason;
      s.code = r.code;
      break;
    case 'failed':
      s.inDoubt = false;
      s.outcome = 'failed';
      s.reason = r.reason;
      s.code = r.code;
      s.transient = r.transient;
      break;
    case 'unsent':
      s.inDoubt = false;
      break;
    case 'doubt':
      s.inDoubt = true;
      break;
  }
}

/** A journal kept in memory (tests, dry runs). `entries` is the live array. */
export function createMemoryJournal(initial: JournalEntry[] = []): JournalStore & { entries: JournalEntry[] } {
  const entries = initial.map((e) => structuredClone(e));
  return {
    entries,
    async append(entry) {
      entries.push(structuredClone(entry));
    },
    async readAll() {
      return entries.map((e) => structuredClone(e));
    },
    async close() {},
  };
}
