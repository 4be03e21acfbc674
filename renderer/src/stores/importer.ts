/** The import and results screens' state: settings, live progress from the main process, the result, history. */
import { create } from 'zustand';
import type { HistoryEntry, PendingImport } from '../../../shared/ipc/contract';
import type { Bilingual } from '../../../shared/text';
import { DEFAULT_IMPORT_OPTIONS } from '../../../shared/upload/types';
import type { ImportMode, ImportOptions, ImportProgress, ImportResult, RowOutcome } from '../../../shared/upload/types';
import { expandGroups } from '../../../shared/upload/compact-result';
import { on, request } from '../bridge';
import { callWorker } from '../workers/client';
import { toBilingual } from './errors';
import { useFile } from './file';
import { useWizard } from './wizard';

/** Rows/s over time for the live chart; one point per progress event, the last few minutes only. */
export interface ThroughputPoint {
  seconds: number;
  rowsPerSecond: number;
}

/** Which run the screens are about: a first import, a re-import of chosen rows, or the rest of a cancelled one. */
export interface ImportRun {
  kind: 'import' | 'reimport' | 'remaining';
  /** When it started (ms since the epoch). */
  at: number;
}

const MAX_POINTS = 240;
const MAX_FAILURES_SHOWN = 500;

/** The import store's state and actions. */
export interface ImportState {
  mode: ImportMode;
  options: ImportOptions;
  importId: string | null;
  fileName: string | null;
  startedAt: number;
  progress: ImportProgress | null;
  throughput: ThroughputPoint[];
  failures: RowOutcome[];
  failureCount: number;
  /** Rows a cancel (or a refused token) left unsent, as main reported them: the same import sends them on. */
  unsentCount: number;
  /** The run under way or last finished (for "Re-import at 10:32" over the results). */
  run: ImportRun | null;
  result: ImportResult | null;
  needsCredentials: boolean;
  history: HistoryEntry[];
  pending: PendingImport[];
  busy: boolean;
  error: Bilingual | null;
  setMode(mode: ImportMode): void;
  setOptions(options: Partial<ImportOptions>): void;
  start(onlyRows?: number[]): Promise<boolean>;
  pause(): Promise<void>;
  resume(importId?: string): Promise<void>;
  cancel(): Promise<void>;
  /** Sends the rows a cancel left unsent: the same import continued from its journal, nothing sent twice. */
  sendRemaining(): Promise<boolean>;
  renew(token: string): Promise<boolean>;
  loadHistory(): Promise<void>;
  loadPending(): Promise<void>;
}

/** Set while a new import's plan is being handed to main (see start). */
let handOver: Promise<void> | null = null;

export const useImport = create<ImportState>((set, get) => ({
  mode: 'create',
  options: { ...DEFAULT_IMPORT_OPTIONS },
  importId: null,
  fileName: null,
  startedAt: 0,
  progress: null,
  throughput: [],
  failures: [],
  failureCount: 0,
  unsentCount: 0,
  run: null,
  result: null,
  needsCredentials: false,
  history: [],
  pending: [],
  busy: false,
  error: null,
  setMode: (mode) => set({ mode }),
  setOptions: (options) => set((s) => ({ options: { ...s.options, ...options } })),
  start: async (onlyRows) => {
    set({ busy: true, error: null });
    try {
      const { mode, options } = get();
      performance.mark('omi:import-start');
      const plan = await callWorker('planEncoded', { mode, options, onlyRows });
      performance.mark('omi:plan-built');
      if (plan.rowCount === 0) {
        set({
          error: {
            vi: 'Không có dòng hợp lệ nào để nhập. Hãy quay lại bước Kiểm tra và sửa các dòng lỗi.',
            en: 'There are no valid rows to import. Go back to Review and fix the rows with errors.',
          },
        });
        return false;
      }
      const fileName = useFile.getState().fileName ?? '';
      set({
        importId: plan.importId, fileName, startedAt: Date.now(), result: null, failures: [], failureCount: 0, unsentCount: 0, throughput: [],
        run: { kind: onlyRows ? 'reimport' : 'import', at: Date.now() },
        needsCredentials: false,
        progress: { total: plan.rowCount, sent: 0, created: 0, updated: 0, skipped: 0, failed: 0, rowsPerSecond: 0, etaMs: null, state: 'running', final: false },
      });
      // The progress card is drawn in this task, the plan handed to main in the next: the IPC copies the plan (tens
      // of MB for 100,000 rows) on this thread, and the two in one task made it a long one. A pause or cancel
      // pressed before main has the import waits for the hand-over (main would not know the import yet).
      const sent = new Promise((resolve) => setTimeout(resolve, 0)).then(() => request('import:start-encoded', { plan: plan.bytes, fileName }));
      handOver = sent.then(() => undefined, () => undefined);
      const r = await sent.finally(() => (handOver = null));
      performance.mark('omi:plan-taken');
      if (!r.ok) {
        set({ error: r.error.text, importId: null, progress: null });
        return false;
      }
      set({ importId: r.value.importId });
      return true;
    } catch (e) {
      set({ error: toBilingual(e), importId: null, progress: null });
      return false;
    } finally {
      set({ busy: false });
    }
  },
  pause: async () => {
    await handOver;
    const id = get().importId;
    if (id) await request('import:pause', { importId: id }).catch((e) => set({ error: toBilingual(e) }));
  },
  resume: async (importId) => {
    const id = importId ?? get().importId;
    if (!id) return;
    if (importId) {
      const p = get().pending.find((x) => x.importId === importId);
      // Under way from now on (no Start button): the bar shows the rows to go until main's first progress event.
      const progress: ImportProgress | null = p
        ? { total: p.total, sent: 0, created: 0, updated: 0, skipped: 0, failed: 0, rowsPerSecond: 0, etaMs: null, state: 'running', final: false }
        : null;
      set({
        importId, fileName: p?.fileName ?? null, startedAt: Date.now(), result: null, error: null, failures: [], failureCount: 0, unsentCount: 0,
        throughput: [], progress, run: { kind: 'remaining', at: Date.now() },
      });
      useWizard.getState().go('import');
    }
    if (!importId) {
      await request('import:resume', { importId: id }).catch((e) => set({ error: toBilingual(e) }));
      return;
    }
    // An import interrupted in an earlier session: main continues it from its journal and saved plan.
    const r = await request('import:continue', { importId: id }).catch((e) => ({ ok: false as const, error: { code: 'x', text: toBilingual(e) } }));
    if (!r.ok) set({ error: r.error.text, importId: null, progress: null });
  },
  cancel: async () => {
    await handOver;
    const id = get().importId;
    if (id) await request('import:cancel', { importId: id }).catch((e) => set({ error: toBilingual(e) }));
  },
  sendRemaining: async () => {
    const before = get();
    const { importId, result } = before;
    if (!importId || !result) return false;
    // main replays the journal: rows already created or failed settle as they were, the unsent ones are sent.
    set({
      busy: true, startedAt: Date.now(), result: null, error: null, failures: [], failureCount: 0, unsentCount: 0, throughput: [],
      run: { kind: 'remaining', at: Date.now() },
      progress: { total: result.counts.total, sent: 0, created: 0, updated: 0, skipped: 0, failed: 0, rowsPerSecond: 0, etaMs: null, state: 'running', final: false },
    });
    useWizard.getState().go('import');
    try {
      const r = await request('import:continue', { importId }).catch((e) => ({ ok: false as const, error: { code: 'x', text: toBilingual(e) } }));
      if (r.ok) return true;
      // Nothing was sent: the cancelled result (and its button) stays, with the reason above it.
      set({ error: r.error.text, result, progress: before.progress, failures: before.failures, failureCount: before.failureCount, unsentCount: before.unsentCount, run: before.run });
      return false;
    } finally {
      set({ busy: false });
    }
  },
  renew: async (token) => {
    const r = await request('credentials:renew', { token }).catch((e) => ({ ok: false as const, error: { code: 'x', text: toBilingual(e) } }));
    if (!r.ok) {
      set({ error: r.error.text });
      return false;
    }
    set({ needsCredentials: false, error: null });
    return true;
  },
  loadHistory: async () => {
    try {
      set({ history: await request('import:history', undefined) });
    } catch {
      /* history is informative only */
    }
  },
  loadPending: async () => {
    try {
      set({ pending: await request('import:pending', undefined) });
    } catch {
      /* nothing to offer */
    }
  },
}));

/**
 * An import is under way or finishing: it was started (or continued), no result and no error came back yet. The
 * import screen offers no Start button then (the rows would be imported twice) and, after the last progress
 * event, says it is finishing. Review clears `progress` when it prepares new data, which ends this state.
 */
export function importInFlight(s: Pick<ImportState, 'importId' | 'result' | 'error' | 'progress'>): boolean {
  return s.importId !== null && s.result === null && s.error === null && s.progress !== null;
}

/**
 * A row the import never got to (cancelled, or stopped on a refused token): main counts it as skipped, but it is
 * not done, and continuing the same import sends it.
 */
export function isUnsent(o: Pick<RowOutcome, 'outcome' | 'code'>): boolean {
  return o.outcome === 'skipped' && (o.code === 'cancelled' || o.code === 'stopped');
}

/** How many rows of `result` were left unsent (see isUnsent), grouped rows counted by their row numbers. */
export function unsentOf(result: ImportResult | null): number {
  if (!result) return 0;
  let n = 0;
  for (const o of result.outcomes) if (isUnsent(o)) n++;
  for (const g of result.grouped ?? []) if (isUnsent(g)) n += g.rowNumbers.length;
  return n;
}

/**
 * Progress and row events are gathered and applied to the store at most once a task. Every store change
 * re-renders the import screen synchronously (zustand reads the store through useSyncExternalStore), and main
 * sends events in bursts (a cancel settles every chunk still queued at once; a busy window takes in many events in
 * one task): fifty renders of the progress card in a row made one task of 180–280 ms. The burst's changes are
 * staged here and land in one render in the next task. import:done / import:failed / needs-credentials apply what
 * is staged first, so they see every event before them, in order.
 */
let staged: Partial<ImportState> = {};
/** The import the staged events are about. */
let stagedFor: string | null = null;
let stagedTimer: ReturnType<typeof setTimeout> | null = null;

/** The store's value of `key` with the staged (not yet applied) events counted in. */
function current<K extends keyof ImportState>(key: K): ImportState[K] {
  return key in staged ? (staged[key] as ImportState[K]) : useImport.getState()[key];
}

function stage(importId: string, patch: Partial<ImportState>): void {
  staged = { ...staged, ...patch };
  stagedFor = importId;
  stagedTimer ??= setTimeout(applyStaged, 0);
}

/** Applies the staged events to the store now (one render), unless the store moved on to another import meanwhile. */
function applyStaged(): void {
  if (stagedTimer !== null) clearTimeout(stagedTimer);
  stagedTimer = null;
  const [patch, importId] = [staged, stagedFor];
  staged = {};
  stagedFor = null;
  if (Object.keys(patch).length === 0) return;
  const id = useImport.getState().importId;
  // Another import started (Start, a resume) between the events and now: they belong to the one before.
  if (id !== null && id !== importId) return;
  useImport.setState(patch);
}

/** Wires the main process's import events into the store; call once at start. Returns the unsubscribe. */
export function subscribeImportEvents(): () => void {
  const offs = [
    on('import:progress', (p) => {
      const importId = current('importId');
      if (importId && p.importId !== importId) return;
      // The chart's clock starts at the first progress event (planning and sending the plan come before it).
      const before = current('throughput');
      const t0 = before.length === 0 ? Date.now() : current('startedAt');
      const seconds = Math.round((Date.now() - t0) / 100) / 10;
      // One chart point a second (the first event of each second), so the chart redraws at most once a second.
      // The last event adds none: its figure is no news (after a cancel it is the unsent rows settling at once,
      // not a speed anyone saw), and the chart stays as it was while the screen turns to the outcome.
      const last = before[before.length - 1];
      const throughput = p.final || (last && Math.floor(last.seconds) === Math.floor(seconds))
        ? before
        : [...before, { seconds, rowsPerSecond: Math.round(p.rowsPerSecond) }].slice(-MAX_POINTS);
      // For the end-to-end measurements: the first progress event (main took the plan and sends) and the last one
      // (the result follows once main has settled).
      if (before.length === 0 && !p.final) performance.mark('omi:import-sending');
      if (p.final) performance.mark('omi:import-final');
      stage(p.importId, { progress: p, throughput, startedAt: t0, importId: p.importId, needsCredentials: p.state === 'waiting-credentials' });
    }),
    on('import:rows', (batch) => {
      const importId = current('importId');
      if (importId && batch.importId !== importId) return;
      // Failed rows kept whole and failed groups (many rows, one reason): counted all, the first few listed. Only
      // the rows still to show are expanded, and the list changes only while it is not full.
      const unsent = batch.outcomes.filter(isUnsent).length + (batch.grouped ?? []).filter(isUnsent).reduce((n, g) => n + g.rowNumbers.length, 0);
      if (unsent > 0) stage(batch.importId, { unsentCount: current('unsentCount') + unsent });
      const groups = (batch.grouped ?? []).filter((g) => g.outcome === 'failed');
      const failed = batch.outcomes.filter((o) => o.outcome === 'failed');
      const count = failed.length + groups.reduce((n, g) => n + g.rowNumbers.length, 0);
      if (count === 0) return;
      const failures = current('failures');
      const room = MAX_FAILURES_SHOWN - failures.length;
      const shown = room > 0 ? expandGroups(failed, groups.map((g) => ({ ...g, rowNumbers: g.rowNumbers.slice(0, room) }))).slice(0, room) : [];
      stage(batch.importId, {
        ...(shown.length > 0 ? { failures: [...failures, ...shown] } : {}),
        failureCount: current('failureCount') + count,
      });
    }),
    on('import:done', (result) => {
      applyStaged();
      const s = useImport.getState();
      if (s.importId && result.importId !== s.importId) return;
      performance.mark('omi:import-done');
      useImport.setState({ result, pending: s.pending.filter((p) => p.importId !== result.importId) });
      void s.loadHistory();
      // No automatic jump: the import screen shows the full bar and a "see results" button.
    }),
    on('import:failed', (e) => {
      applyStaged();
      const s = useImport.getState();
      if (s.importId && e.importId !== s.importId) return;
      // No result will come: say what happened, and offer the import again (its journal lets it continue): with no
      // current import, the pending-import banner lists it.
      // The bar stops where it was (no more events will move it) and the pause / cancel buttons go.
      const progress = s.progress ? { ...s.progress, final: true, state: 'cancelled' as const, etaMs: null } : null;
      useImport.setState({ error: e.error.text, needsCredentials: false, progress, importId: null });
      void s.loadPending();
      void s.loadHistory();
    }),
    on('import:needs-credentials', (e) => {
      applyStaged();
      if (useImport.getState().importId === e.importId) useImport.setState({ needsCredentials: true });
    }),
  ];
  return () => offs.forEach((off) => off());
}
