/**
 * The upload engine: ImportPlan → ImportResult. Pure code with its side effects injected (OMI client, journal,
 * clock, sleep, randomness), so the Electron main process, `omi-import` and tests drive the same thing.
 *
 * Exactly once: every call that can create a contact is written to the journal before it goes out and its
 * outcome after it comes back. Rows whose answer was lost (timeout, dropped connection, a crash between the two
 * journal lines) are checked with search before they are sent again. A finished import's journal turns a
 * re-import of the same file + mapping into "skipped, already imported".
 *
 * Flow per mode:
 * - create: addMany in chunks (several in flight); rows refused with detail fail with the server's reason; a
 *   chunk refused without detail is split in halves until single rows go through `add`. Dynamic attributes are
 *   written right after with `update` by refId (addMany cannot carry them). Funnel positions (filterContacts)
 *   are part of ContactInput, so they travel with the create itself and are not written again.
 * - update: `update` by the file's refId; rows whose refId was generated are found by search and updated by `_id`.
 * - upsert: search by phone / email; update by `_id` when found, otherwise created as in create mode.
 */
import type { Bilingual } from '../text';
import type { OmiApi } from '../omi/api';
import type { ContactItem, UpdateBody } from '../omi/types';
import { isOmiError } from '../omi/errors';
import type { OmiError } from '../omi/errors';
import { backoffDelay } from './backoff';
import { findContact } from './find';
import type { JournalRowResult, JournalStore } from './journal';
import { replayJournal } from './journal';
import { ProgressReporter } from './progress';
import { RateLimiter } from './rate-limiter';
import * as reasons from './reasons';
import type { ImportPlan, ImportProgress, ImportResult, PlannedRow, RowOutcome, RowOutcomeCode } from './types';

/** What the engine needs from its host. */
export interface EngineDeps {
  api: OmiApi;
  journal: JournalStore;
  /** Clock in ms. */
  now(): number;
  /** Waits `ms`; may resolve or reject early when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** In [0, 1): jitter. */
  random(): number;
  /** Throttled (~100 ms), monotonic, always a final event. */
  onProgress?(p: ImportProgress): void;
  /** Row outcomes as they settle. */
  onRows?(outcomes: RowOutcome[]): void;
  /** 401/403: resolves once the caller renewed the token (the api object uses it from then on); rejects to stop. */
  onNeedCredentials?(): Promise<void>;
}

/** A running import. */
export interface ImportJob {
  /** Stops taking new work; calls in flight finish. */
  pause(): void;
  resume(): void;
  /** Stops; calls in flight are aborted (their rows are checked by the next run). */
  cancel(): void;
  readonly done: Promise<ImportResult>;
}

/**
 * Starts (or resumes) an import. Reads `deps.journal` first: rows it records as done are not sent again, rows in
 * doubt are checked by search, and when the journal's last run finished, created rows are reported as skipped.
 */
export function startImport(plan: ImportPlan, deps: EngineDeps): ImportJob {
  const run = new ImportRun(plan, deps);
  const done = run.run();
  return { pause: () => run.pause(), resume: () => run.resume(), cancel: () => run.cancel(), done };
}

/** How far before our own send time a server's clock may be, for "created since" searches. */
const CLOCK_SKEW_MS = 10 * 60_000;
/** Batch checks read at most this many pages of recent contacts before falling back to one search per row. */
const BATCH_VERIFY_PAGES = 5;
const BATCH_VERIFY_PAGE_SIZE = 200;

/** Thrown inside the engine when the job is cancelled or stopped. */
class Stopped extends Error {}

/** Thrown by `request` when retries are used up. */
class GaveUp extends Error {
  readonly omiError: OmiError;
  constructor(readonly attempts: number, cause: OmiError) {
    super(cause.message);
    this.omiError = cause;
  }
}

type Task =
  | { kind: 'create'; rows: number[] }
  | { kind: 'verify'; row: number; purpose: 'doubt' | 'existing' }
  /** Rows of one create call whose answer was lost, sent at `sentAt` (engine clock; undefined if unknown). */
  | { kind: 'verify-batch'; rows: number[]; sentAt?: number }
  | { kind: 'update'; row: number; purpose: 'dynamic' | 'update'; omiId?: string }
  | { kind: 'find'; row: number };

interface RequestOpts {
  /** Safe to send again when the answer was lost. */
  idempotent: boolean;
  /** How many times a plain refusal (non-9999 without detail) is tried again before it is believed. */
  rejectRetries: number;
}

interface Track {
  created: boolean;
  updated: boolean;
  omiId?: string;
  sent: boolean;
  /** A create call for it went out without a settled answer (for the cancel message). */
  inFlight: boolean;
}

class ImportRun {
  private readonly rows = new Map<number, PlannedRow>();
  private readonly track = new Map<number, Track>();
  private readonly outcomes = new Map<number, RowOutcome>();
  private readonly queue: Task[] = [];
  /** Rows waiting to be created; cut into chunks of the current chunk size. */
  private readonly createPool: number[] = [];
  private chunkSize: number;
  private readonly limiter: RateLimiter;
  private readonly progress: ProgressReporter;
  private readonly ac = new AbortController();
  private paused = false;
  private pauseWaiters: (() => void)[] = [];
  private stopped = false;
  private stopReason: Bilingual | null = null;
  private credentialGate: Promise<void> | null = null;
  /** Resolves when the job stops, so nothing waits past a cancel (e.g. for credentials that never come). */
  private readonly stoppedSignal: Promise<void>;
  private signalStopped!: () => void;
  private credentialEpoch = 0;

  /** Passes settled outcomes to the host. The outcomes are settled by the caller first, listener or not. */
  private tell(outcomes: RowOutcome[]): void {
    this.deps.onRows?.(outcomes);
  }
  private inFlight = 0;
  private wakeups: (() => void)[] = [];
  private seq = 0;
  private runNo = 1;
  private retrying = 0;
  private sentCount = 0;
  private readonly tally = { created: 0, updated: 0, skipped: 0, failed: 0 };
  private readonly startedAt: number;

  constructor(private readonly plan: ImportPlan, private readonly deps: EngineDeps) {
    for (const r of plan.rows) {
      this.rows.set(r.rowNumber, r);
      this.track.set(r.rowNumber, { created: false, updated: false, sent: false, inFlight: false });
    }
    this.chunkSize = Math.max(1, plan.options.chunkSize);
    this.limiter = new RateLimiter({ now: deps.now, sleep: (ms, s) => this.safeSleep(ms, s) });
    this.progress = new ProgressReporter(deps.onProgress, deps.now, (ms) => this.safeSleep(ms));
    this.startedAt = deps.now();
    this.stoppedSignal = new Promise((res) => {
      this.signalStopped = res;
    });
  }

  pause(): void {
    if (this.stopped) return;
    this.paused = true;
    this.report();
  }

  resume(): void {
    this.paused = false;
    for (const w of this.pauseWaiters.splice(0)) w();
    this.report();
  }

  cancel(): void {
    this.stop(null);
  }

  private stop(reason: Bilingual | null): void {
    if (this.stopped) return;
    this.stopped = true;
    this.stopReason = reason;
    this.ac.abort();
    this.signalStopped();
    this.resume();
    this.wake();
  }

  async run(): Promise<ImportResult> {
    const { journal } = this.deps;
    const state = replayJournal(await journal.readAll());
    this.runNo = state.runs + 1;
    const reimport = state.finished;
    await journal.append({ t: 'start', importId: this.plan.importId, mode: this.plan.mode, total: this.plan.rows.length, at: this.deps.now() });

    const settled: RowOutcome[] = [];
    const doubtBySend = new Map<number, number[]>();
    for (const r of this.plan.rows) {
      const s = state.rows.get(r.rowNumber);
      if (!s) {
        this.enqueueFresh(r);
        continue;
      }
      const t = this.track.get(r.rowNumber)!;
      t.created = s.created;
      t.updated = s.updated;
      t.omiId = s.omiId;
      this.markSent(t);
      const keptFailure = s.outcome === 'failed' && !s.transient && !reimport;
      if (s.inDoubt) {
        const key = s.sentAt ?? -1;
        const group = doubtBySend.get(key);
        if (group) group.push(r.rowNumber);
        else doubtBySend.set(key, [r.rowNumber]);
      } else if (s.created) {
        if (r.dynamic.length > 0 && !s.updated) {
          if (keptFailure) settled.push(this.settle(r, 'failed', s.reason, s.code));
          else this.queue.push({ kind: 'update', row: r.rowNumber, purpose: 'dynamic' });
        } else if (!reimport) settled.push(this.settle(r, 'created'));
        else if (this.plan.mode === 'create') settled.push(this.settle(r, 'skipped', reasons.alreadyImported(state.firstStartedAt)));
        else this.enqueueFresh(r);
      } else if (s.outcome === 'skipped' || keptFailure || (s.outcome === 'updated' && !reimport)) {
        settled.push(this.settle(r, s.outcome!, s.reason, s.code));
      } else {
        this.enqueueFresh(r);
      }
    }
    for (const [sentAt, rows] of doubtBySend) this.queue.unshift({ kind: 'verify-batch', rows, sentAt: sentAt < 0 ? undefined : sentAt });
    if (settled.length > 0) this.deps.onRows?.(settled);
    if (this.plan.mode === 'create' && state.runs === 0) await this.probeEarlierImport();
    this.report();

    const workers: Promise<void>[] = [];
    const n = Math.max(1, this.plan.options.concurrency);
    for (let i = 0; i < n; i++) workers.push(this.worker());
    const results = await Promise.allSettled(workers);
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) {
      this.stop(null);
      throw failure.reason;
    }

    const cancelled = this.stopped;
    const late: RowOutcome[] = [];
    for (const r of this.plan.rows) {
      if (this.outcomes.has(r.rowNumber)) continue;
      const t = this.track.get(r.rowNumber)!;
      const reason = this.stopReason ?? (t.inFlight ? reasons.cancelledInFlight : reasons.cancelledBefore);
      // Created, its attributes still to write: it is in OMI, so it is not "skipped"; a resume writes the rest.
      if (t.created) late.push(this.settle(r, 'created', reasons.attributesNotWritten(reason)));
      else late.push(this.settle(r, 'skipped', reason));
    }
    if (late.length > 0) this.deps.onRows?.(late);
    await journal.append({ t: 'end', cancelled, at: this.deps.now() });
    const counts = this.counts();
    this.progress.finish(this.progressCounts(), cancelled ? 'cancelled' : 'done');
    return {
      importId: this.plan.importId,
      outcomes: this.plan.rows.map((r) => this.outcomes.get(r.rowNumber)!),
      counts,
      cancelled,
      durationMs: this.deps.now() - this.startedAt,
      ...(this.stopReason ? { stopped: { code: 'credentials' as const, text: this.stopReason } } : {}),
    };
  }

  /** Where a row starts when the journal says nothing settled about it. */
  private enqueueFresh(r: PlannedRow): void {
    if (this.plan.mode === 'create') this.createPool.push(r.rowNumber);
    else if (this.plan.mode === 'upsert' || r.refIdGenerated) this.queue.push({ kind: 'find', row: r.rowNumber });
    else this.queue.push({ kind: 'update', row: r.rowNumber, purpose: 'update' });
  }

  /**
   * A create import with no journal: was this file imported before (journal lost, another computer)? Search a
   * few rows; if one is found under its own refId, every row is checked before it is created.
   */
  private async probeEarlierImport(): Promise<void> {
    if (this.createPool.length === 0) return;
    const picks = [...new Set([0, Math.floor(this.createPool.length / 2), this.createPool.length - 1])];
    // The few searches go out together: this runs before anything is created, so it delays the whole import.
    const found = await Promise.all(picks.map(async (i) => {
      const row = this.rows.get(this.createPool[i])!;
      try {
        const item = await this.request(
          (signal) => findContact(this.deps.api, row.contact, row.refId, 'own', { signal }),
          { idempotent: true, rejectRetries: 1 },
        );
        return item?.ref_id === row.refId;
      } catch {
        // A probe that cannot run is not a reason to stop the import (a real stop is seen by the workers).
        return false;
      }
    }));
    if (this.stopped || !found.some(Boolean)) return;
    for (const row of this.createPool.splice(0)) this.queue.push({ kind: 'verify', row, purpose: 'existing' });
  }

  // ---- workers -------------------------------------------------------------------------------------------

  private async worker(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const task = this.nextTask();
      if (!task) {
        if (this.inFlight === 0) {
          this.wake();
          return;
        }
        await new Promise<void>((res) => this.wakeups.push(res));
        continue;
      }
      this.inFlight++;
      try {
        await this.runTask(task);
      } catch (e) {
        if (!(e instanceof Stopped)) {
          this.stop(null);
          throw e;
        }
      } finally {
        this.inFlight--;
        this.wake();
      }
    }
  }

  private wake(): void {
    for (const w of this.wakeups.splice(0)) w();
  }

  private nextTask(): Task | undefined {
    const t = this.queue.shift();
    if (t) return t;
    if (this.createPool.length === 0) return undefined;
    return { kind: 'create', rows: this.createPool.splice(0, this.chunkSize) };
  }

  private push(task: Task, front = true): void {
    if (front) this.queue.unshift(task);
    else this.queue.push(task);
    this.wake();
  }

  private runTask(task: Task): Promise<void> {
    switch (task.kind) {
      case 'create':
        return this.create(task.rows);
      case 'verify':
        return this.verify(task.row, task.purpose);
      case 'verify-batch':
        return this.verifyBatch(task.rows, task.sentAt);
      case 'update':
        return this.update(task.row, task.purpose, task.omiId);
      case 'find':
        return this.find(task.row);
    }
  }

  // ---- create ----------------------------------------------------------------------------------------------

  private async create(rowNumbers: number[]): Promise<void> {
    const rows = rowNumbers.map((n) => this.rows.get(n)!);
    const single = rows.length === 1;
    const id = `r${this.runNo}-${++this.seq}`;
    await this.gate();
    const sentAt = this.deps.now();
    await this.deps.journal.append({ t: 'send', id, op: single ? 'add' : 'addMany', rows: rowNumbers, at: sentAt });
    for (const n of rowNumbers) {
      const t = this.track.get(n)!;
      this.markSent(t);
      t.inFlight = true;
    }
    this.report();
    const contacts = rows.map((r) => r.contact);
    try {
      if (single) {
        const ok = await this.request((signal) => this.deps.api.add(contacts[0], { signal }), { idempotent: false, rejectRetries: 2 });
        if (ok) await this.created(id, rowNumbers, []);
        else await this.failRows(id, rowNumbers, () => reasons.refusedNoDetail());
      } else {
        const res = await this.request((signal) => this.deps.api.addMany(contacts, { signal }), { idempotent: false, rejectRetries: 2 });
        await this.created(id, rowNumbers, res.rejected);
      }
    } catch (e) {
      await this.createFailed(id, rowNumbers, e, sentAt);
    }
  }

  /** addMany / add answered: rejected rows fail with their reason (or are skipped when the refId exists), the rest are created. */
  private async created(id: string, rowNumbers: number[], rejected: { index: number; message: string }[]): Promise<void> {
    const bad = new Map<number, string>();
    for (const r of rejected) if (r.index >= 0 && r.index < rowNumbers.length) bad.set(rowNumbers[r.index], r.message);
    const results: JournalRowResult[] = rowNumbers.map((row) => {
      const msg = bad.get(row);
      if (msg === undefined) return { row, result: 'created' };
      if (refIdExists(msg)) return { row, result: 'skipped', reason: reasons.alreadyOnServer };
      return { row, result: 'failed', reason: reasons.refusedByServer(msg) };
    });
    await this.appendResult(id, results);
    this.applyCreateResults(results);
  }

  private applyCreateResults(results: JournalRowResult[]): void {
    const out: RowOutcome[] = [];
    for (const r of results) {
      const row = this.rows.get(r.row)!;
      const t = this.track.get(r.row)!;
      t.inFlight = false;
      if (r.result === 'created') {
        t.created = true;
        if (r.omiId) t.omiId = r.omiId;
        if (row.dynamic.length > 0) this.push({ kind: 'update', row: r.row, purpose: 'dynamic' }, false);
        else out.push(this.settle(row, 'created'));
      } else if (r.result === 'skipped' || r.result === 'failed') {
        out.push(this.settle(row, r.result, r.reason, r.code));
      }
    }
    if (out.length > 0) this.deps.onRows?.(out);
    this.report();
  }

  private async failRows(id: string, rowNumbers: number[], reason: () => Bilingual, transient = false): Promise<void> {
    const results: JournalRowResult[] = rowNumbers.map((row) => ({ row, result: 'failed', reason: reason(), ...(transient ? { transient } : {}) }));
    await this.appendResult(id, results);
    this.applyCreateResults(results);
  }

  /** The create call threw: decide per kind what the rows become. */
  private async createFailed(id: string, rowNumbers: number[], e: unknown, sentAt: number): Promise<void> {
    if (e instanceof Stopped) throw e;
    const unsent = async (): Promise<void> => {
      await this.appendResult(id, rowNumbers.map((row) => ({ row, result: 'unsent' })));
      for (const n of rowNumbers) this.track.get(n)!.inFlight = false;
    };
    if (e instanceof GaveUp) {
      if (e.omiError.maybeProcessed) return this.doubt(id, rowNumbers, sentAt);
      return this.failRows(id, rowNumbers, () => reasons.gaveUp(e.attempts, e.omiError), true);
    }
    if (!isOmiError(e)) throw e;
    if (e.maybeProcessed) return this.doubt(id, rowNumbers, sentAt);
    if (e.kind === 'too-large') {
      if (rowNumbers.length === 1) return this.failRows(id, rowNumbers, () => reasons.tooLarge);
      await unsent();
      this.chunkSize = Math.min(this.chunkSize, Math.max(1, Math.floor(rowNumbers.length / 2)));
      for (let i = rowNumbers.length; i > 0; i -= this.chunkSize) {
        this.push({ kind: 'create', rows: rowNumbers.slice(Math.max(0, i - this.chunkSize), i) });
      }
      return;
    }
    if (e.kind === 'rejected') {
      if (e.rows && e.rows.length > 0) {
        // Named rows are refused; whether the others were created depends on the server, so they are checked.
        const named = new Map(e.rows.map((r) => [rowNumbers[r.index], r.message] as const));
        const results: JournalRowResult[] = [];
        const check: number[] = [];
        for (const row of rowNumbers) {
          const msg = named.get(row);
          if (msg === undefined) {
            results.push({ row, result: 'doubt' });
            check.push(row);
          } else if (refIdExists(msg)) results.push({ row, result: 'skipped', reason: reasons.alreadyOnServer });
          else results.push({ row, result: 'failed', reason: reasons.refusedByServer(msg) });
        }
        await this.appendResult(id, results);
        this.applyCreateResults(results);
        if (check.length > 0) this.push({ kind: 'verify-batch', rows: check, sentAt });
        return;
      }
      if (rowNumbers.length === 1) {
        if (refIdExists(e.serverMessage ?? e.text.en)) {
          const results: JournalRowResult[] = [{ row: rowNumbers[0], result: 'skipped', reason: reasons.alreadyOnServer }];
          await this.appendResult(id, results);
          this.applyCreateResults(results);
          return;
        }
        return this.failRows(id, rowNumbers, () => reasons.refusalOf(e));
      }
      // Refused without saying which rows: split until the bad ones stand alone.
      await unsent();
      const mid = Math.ceil(rowNumbers.length / 2);
      this.push({ kind: 'create', rows: rowNumbers.slice(mid) });
      this.push({ kind: 'create', rows: rowNumbers.slice(0, mid) });
      return;
    }
    // credentials / rate-limited are handled inside request(); anything else: the rows fail with its text.
    return this.failRows(id, rowNumbers, () => e.text, true);
  }

  /** Appends a result entry, tagging each reason with its code so a later run can tell what it meant. */
  private appendResult(id: string, rows: JournalRowResult[]): Promise<void> {
    for (const r of rows) if (r.reason && !r.code) r.code = reasons.codeOf(r.reason);
    return this.deps.journal.append({ t: 'result', id, rows, at: this.deps.now() });
  }

  /** The answer was lost: record the doubt, then check each row before sending it again. */
  private async doubt(id: string, rowNumbers: number[], sentAt: number): Promise<void> {
    await this.appendResult(id, rowNumbers.map((row) => ({ row, result: 'doubt' })));
    this.push({ kind: 'verify-batch', rows: rowNumbers, sentAt });
  }

  // ---- verify / find ---------------------------------------------------------------------------------------

  /**
   * Checks a row whose creation is in doubt (`doubt`: found → it is ours, created) or that an earlier import
   * may have created (`existing`: found → skipped). Not found → created again.
   */
  private async verify(rowNumber: number, purpose: 'doubt' | 'existing'): Promise<void> {
    const row = this.rows.get(rowNumber)!;
    const t = this.track.get(rowNumber)!;
    let item: ContactItem | null | undefined;
    try {
      item = await this.request((signal) => findContact(this.deps.api, row.contact, row.refId, 'own', { signal }), { idempotent: true, rejectRetries: this.plan.options.maxRetries });
    } catch (e) {
      if (e instanceof GaveUp) {
        // Still in doubt in the journal: the next run checks again. This run reports it as failed for now.
        t.inFlight = false;
        this.tell([this.settle(row, 'failed', reasons.gaveUp(e.attempts, e.omiError))]);
        this.report();
        return;
      }
      throw e;
    }
    const id = `r${this.runNo}-v${++this.seq}`;
    if (item === undefined) {
      if (purpose === 'existing') {
        this.createPool.unshift(rowNumber);
        this.wake();
        return;
      }
      await this.failRows(id, [rowNumber], () => reasons.cannotCheck(row.refId));
      return;
    }
    if (item) {
      const result: JournalRowResult = purpose === 'doubt'
        ? { row: rowNumber, result: 'created', omiId: item.public_id }
        : { row: rowNumber, result: 'skipped', omiId: item.public_id, reason: reasons.alreadyOnServer };
      await this.appendResult(id, [result]);
      t.omiId = item.public_id;
      this.applyCreateResults([result]);
      return;
    }
    await this.appendResult(id, [{ row: rowNumber, result: 'unsent' }]);
    t.inFlight = false;
    this.createPool.unshift(rowNumber);
    this.wake();
  }

  /**
   * Checks the rows of one create call whose answer was lost, with as few searches as possible: contacts created
   * since shortly before the call, newest first, matched by the ref_id the server echoes. Stops as soon as every
   * row is found (the usual case: the call was processed). When the server echoes no ref_id, or the listing is
   * cut short, the rows still unresolved are checked one by one (phone / email).
   */
  private async verifyBatch(rowNumbers: number[], sentAt?: number): Promise<void> {
    const want = new Map(rowNumbers.map((n) => [this.rows.get(n)!.refId, n] as const));
    const found = new Map<number, string>();
    let echo = false;
    let seen = 0;
    let complete = false;
    const body = sentAt === undefined ? {} : { ranges: [{ field: 'created_date', from: sentAt - CLOCK_SKEW_MS }] };
    try {
      for (let page = 1; page <= BATCH_VERIFY_PAGES; page++) {
        const res = await this.request((signal) => this.deps.api.search(body, { page, size: BATCH_VERIFY_PAGE_SIZE }, { signal }), { idempotent: true, rejectRetries: this.plan.options.maxRetries });
        for (const item of res.items) {
          seen++;
          if (typeof item.ref_id !== 'string' || item.ref_id === '') continue;
          echo = true;
          const n = want.get(item.ref_id);
          if (n !== undefined && !found.has(n) && !item.is_deleted) found.set(n, item.public_id);
        }
        if (found.size === want.size || !res.has_next || res.items.length === 0) {
          complete = true;
          break;
        }
      }
    } catch (e) {
      if (!(e instanceof GaveUp)) throw e;
      complete = false;
    }
    const conclusive = complete && (echo || seen === 0);
    const id = `r${this.runNo}-v${++this.seq}`;
    const results: JournalRowResult[] = [];
    const again: number[] = [];
    for (const n of rowNumbers) {
      const omiId = found.get(n);
      if (omiId !== undefined) results.push({ row: n, result: 'created', omiId });
      else if (conclusive) {
        results.push({ row: n, result: 'unsent' });
        again.push(n);
      } else this.push({ kind: 'verify', row: n, purpose: 'doubt' });
    }
    if (results.length === 0) return;
    await this.appendResult(id, results);
    for (const r of results) if (r.omiId) this.track.get(r.row)!.omiId = r.omiId;
    this.applyCreateResults(results.filter((r) => r.result === 'created'));
    for (const n of again) this.track.get(n)!.inFlight = false;
    if (again.length > 0) {
      this.createPool.unshift(...again);
      this.wake();
    }
  }

  /** Upsert (and update by a generated refId): find the contact by phone / email; update it, or create it. */
  private async find(rowNumber: number): Promise<void> {
    const row = this.rows.get(rowNumber)!;
    let item: ContactItem | null | undefined;
    try {
      item = await this.request((signal) => findContact(this.deps.api, row.contact, row.refId, 'same-person', { signal }), { idempotent: true, rejectRetries: this.plan.options.maxRetries });
    } catch (e) {
      if (e instanceof GaveUp) {
        this.tell([this.settle(row, 'failed', reasons.gaveUp(e.attempts, e.omiError))]);
        this.report();
        return;
      }
      throw e;
    }
    this.markSent(this.track.get(rowNumber)!);
    if (item) {
      this.push({ kind: 'update', row: rowNumber, purpose: 'update', omiId: item.public_id });
    } else if (this.plan.mode === 'upsert') {
      this.createPool.push(rowNumber);
      this.wake();
    } else {
      this.tell([this.settle(row, 'failed', reasons.notFoundForUpdate)]);
      this.report();
    }
  }

  // ---- update ----------------------------------------------------------------------------------------------

  /** `dynamic`: write the dynamic attributes of a row just created. `update`: update mode / upsert's found contact. */
  private async update(rowNumber: number, purpose: 'dynamic' | 'update', omiId?: string): Promise<void> {
    const row = this.rows.get(rowNumber)!;
    const t = this.track.get(rowNumber)!;
    const body: UpdateBody = purpose === 'dynamic'
      ? { refId: row.refId, otherDynamicUpdates: row.dynamic }
      : { ...(row.update ?? { otherDynamicUpdates: row.dynamic }) };
    if (purpose === 'update') {
      if (omiId) {
        delete body.refId;
        body._id = omiId;
      } else body.refId = row.refId;
    }
    const id = `r${this.runNo}-${++this.seq}`;
    await this.gate();
    await this.deps.journal.append({ t: 'send', id, op: 'update', rows: [rowNumber], at: this.deps.now() });
    this.markSent(t);
    this.report();
    let result: JournalRowResult;
    try {
      const ok = await this.request((signal) => this.deps.api.update(body, { signal }), { idempotent: true, rejectRetries: 2 });
      if (ok) result = { row: rowNumber, result: 'updated', ...(omiId ? { omiId } : {}) };
      else if (purpose === 'dynamic') result = { row: rowNumber, result: 'failed', reason: reasons.attributesNotWritten(reasons.refusedNoDetail()) };
      else result = { row: rowNumber, result: 'failed', reason: reasons.notFoundForUpdate };
    } catch (e) {
      if (e instanceof Stopped) throw e;
      const cause = e instanceof GaveUp ? reasons.gaveUp(e.attempts, e.omiError) : isOmiError(e) ? reasons.refusalOf(e, row.dynamic.map((d) => d.fieldCode), this.plan.fieldLabels) : null;
      if (!cause) throw e;
      const notFound = isOmiError(e) && e.httpStatus === 404 && purpose === 'update';
      const reason = purpose === 'dynamic' ? reasons.attributesNotWritten(cause) : notFound ? reasons.notFoundForUpdate : cause;
      result = { row: rowNumber, result: 'failed', reason, ...(e instanceof GaveUp ? { transient: true } : {}) };
    }
    await this.appendResult(id, [result]);
    if (result.result === 'updated') {
      t.updated = true;
      if (omiId) t.omiId = omiId;
      this.tell([this.settle(row, t.created ? 'created' : 'updated')]);
    } else {
      this.tell([this.settle(row, 'failed', result.reason, result.code)]);
    }
    this.report();
  }

  // ---- one request, with pacing and retries ----------------------------------------------------------------

  /**
   * Sends one request through the gate (pause, credentials) and the rate limiter, and retries what is safe to
   * retry: 401/403 after new credentials, 429 after Retry-After, 5xx / network / timeout with backoff (only when
   * the request was certainly not processed, unless it is idempotent). Throws GaveUp when retries run out, the
   * OmiError itself for anything the caller must decide (refusal, too large, answer lost), Stopped on cancel.
   */
  private async request<T>(send: (signal: AbortSignal) => Promise<T>, opts: RequestOpts): Promise<T> {
    let attempts = 0;
    let rejects = 0;
    let limited = 0;
    for (;;) {
      await this.gate();
      const sentAt = await this.limiter.acquire(this.ac.signal);
      if (this.stopped) throw new Stopped();
      const epoch = this.credentialEpoch;
      try {
        const value = await send(this.ac.signal);
        this.limiter.onAccepted(sentAt);
        return value;
      } catch (e) {
        // Every call let go by the limiter is answered to it exactly once (it counts calls out at once).
        const limitedNow = isOmiError(e) && e.kind === 'rate-limited';
        if (limitedNow) this.limiter.onRateLimited(sentAt, e.retryAfterMs);
        else this.limiter.onAccepted(sentAt);
        if (this.stopped) throw new Stopped();
        if (!isOmiError(e)) throw e;
        if (e.kind === 'aborted') throw new Stopped();
        if (e.kind === 'rate-limited') {
          this.report();
          if (++limited > 100 + 20 * this.plan.options.maxRetries) throw new GaveUp(attempts + limited, e);
          continue;
        }
        if (e.kind === 'credentials') {
          await this.needCredentials(epoch);
          continue;
        }
        // A refusal with an HTTP error status is the server's considered answer; a non-9999 status_code on an
        // HTTP 200 without detail may be a passing failure, so it is tried again a few times before it is believed.
        const passing = e.httpStatus === undefined || e.httpStatus < 400;
        if (e.kind === 'rejected' && passing && !(e.rows && e.rows.length > 0) && rejects < opts.rejectRetries) {
          rejects++;
          await this.backoff(rejects - 1);
          continue;
        }
        if (e.kind === 'retryable' || e.kind === 'timeout') {
          if (e.maybeProcessed && !opts.idempotent) throw e;
          if (attempts >= this.plan.options.maxRetries) throw new GaveUp(attempts + 1, e);
          await this.backoff(attempts++);
          continue;
        }
        throw e;
      }
    }
  }

  private async backoff(attempt: number): Promise<void> {
    this.retrying++;
    this.report();
    try {
      await this.safeSleep(backoffDelay(attempt, this.deps.random), this.ac.signal);
    } finally {
      this.retrying--;
    }
    if (this.stopped) throw new Stopped();
  }

  /** Waits while paused or while credentials are being renewed. */
  private async gate(): Promise<void> {
    for (;;) {
      if (this.stopped) throw new Stopped();
      if (this.paused) {
        await new Promise<void>((res) => this.pauseWaiters.push(res));
        continue;
      }
      if (this.credentialGate) {
        await Promise.race([this.credentialGate, this.stoppedSignal]);
        continue;
      }
      return;
    }
  }

  /** 401/403: one renewal for all workers; a request sent before the last renewal just goes again. */
  private async needCredentials(epochAtSend: number): Promise<void> {
    if (epochAtSend < this.credentialEpoch) return;
    if (!this.credentialGate) {
      const ask = this.deps.onNeedCredentials;
      if (!ask) {
        this.stop(reasons.stoppedCredentials);
        throw new Stopped();
      }
      this.credentialGate = (async () => {
        try {
          await ask();
          this.credentialEpoch++;
        } catch {
          this.stop(reasons.stoppedCredentials);
        } finally {
          this.credentialGate = null;
          this.report();
        }
      })();
      this.report();
    }
    await Promise.race([this.credentialGate, this.stoppedSignal]);
    if (this.stopped) throw new Stopped();
  }

  private async safeSleep(ms: number, signal?: AbortSignal): Promise<void> {
    try {
      await this.deps.sleep(ms, signal);
    } catch {
      // An aborted sleep is how cancel wakes us; the caller checks `stopped`.
    }
  }

  // ---- outcomes and progress -------------------------------------------------------------------------------

  private settle(row: PlannedRow, outcome: RowOutcome['outcome'], reason?: Bilingual, code?: RowOutcomeCode): RowOutcome {
    const t = this.track.get(row.rowNumber)!;
    const o: RowOutcome = { rowNumber: row.rowNumber, refId: row.refId, outcome };
    if (t.omiId) o.omiId = t.omiId;
    if (reason) o.reason = reason;
    const c = code ?? reasons.codeOf(reason);
    if (c) o.code = c;
    t.inFlight = false;
    this.markSent(t);
    const before = this.outcomes.get(row.rowNumber);
    if (before) this.tally[before.outcome]--;
    this.tally[outcome]++;
    this.outcomes.set(row.rowNumber, o);
    return o;
  }

  private markSent(t: Track): void {
    if (t.sent) return;
    t.sent = true;
    this.sentCount++;
  }

  private counts(): ImportResult['counts'] {
    return { total: this.plan.rows.length, ...this.tally };
  }

  private progressCounts(): Pick<ImportProgress, 'total' | 'sent' | 'created' | 'updated' | 'skipped' | 'failed'> {
    return { ...this.counts(), sent: this.sentCount };
  }

  private report(): void {
    let state: ImportProgress['state'] = 'running';
    if (this.paused) state = 'paused';
    else if (this.credentialGate) state = 'waiting-credentials';
    else if (this.limiter.blocked) state = 'rate-limited';
    else if (this.retrying > 0) state = 'retrying';
    this.progress.update(this.progressCounts(), state);
  }
}

/** Whether a per-row refusal says the refId is already taken (then the contact exists: skipped, not failed). */
function refIdExists(message: string): boolean {
  return /ref_?id/i.test(message) && /(exist|already|duplicate|tồn tại|trùng|đã có)/i.test(message);
}
