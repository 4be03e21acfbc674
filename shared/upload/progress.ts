/**
 * Progress events for an import: at most one per ~100 ms, counts that never go backwards, and always a final
 * event. Rows per second is measured over a sliding window of settled rows, and time left follows from it.
 */
import type { ImportProgress } from './types';

type Counts = Pick<ImportProgress, 'total' | 'sent' | 'created' | 'updated' | 'skipped' | 'failed'>;

/** Throttles and shapes progress events; the engine calls `update` whenever something changed. */
export class ProgressReporter {
  private last: ImportProgress | null = null;
  private lastEmitAt = -Infinity;
  private trailing = false;
  private finished = false;
  private samples: { at: number; settled: number }[] = [];
  private pending: { counts: Counts; state: ImportProgress['state'] } | null = null;

  constructor(
    private readonly emit: ((p: ImportProgress) => void) | undefined,
    private readonly now: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
    private readonly intervalMs = 100,
    private readonly windowMs = 5000,
  ) {}

  /** Records the latest counts and state; emits now or schedules one trailing emit. */
  update(counts: Counts, state: ImportProgress['state']): void {
    if (this.finished) return;
    this.pending = { counts, state };
    const now = this.now();
    this.sample(now, counts);
    if (now - this.lastEmitAt >= this.intervalMs && !this.trailing) {
      this.flush(false);
    } else if (!this.trailing) {
      this.trailing = true;
      void this.sleep(Math.max(0, this.intervalMs - (now - this.lastEmitAt))).then(() => {
        this.trailing = false;
        if (!this.finished) this.flush(false);
      });
    }
  }

  /** Emits the last event (final: true). Later updates are ignored. */
  finish(counts: Counts, state: 'done' | 'cancelled'): ImportProgress {
    this.pending = { counts, state };
    this.sample(this.now(), counts);
    const p = this.flush(true);
    this.finished = true;
    return p;
  }

  private flush(final: boolean): ImportProgress {
    const pending = this.pending ?? { counts: { total: 0, sent: 0, created: 0, updated: 0, skipped: 0, failed: 0 }, state: 'running' as const };
    const c = this.monotonic(pending.counts);
    const rps = this.rowsPerSecond();
    const settled = c.created + c.updated + c.skipped + c.failed;
    const left = Math.max(0, c.total - settled);
    const p: ImportProgress = {
      ...c,
      rowsPerSecond: rps,
      etaMs: final ? 0 : rps > 0 ? Math.round((left / rps) * 1000) : null,
      state: pending.state,
      final,
    };
    this.last = p;
    this.lastEmitAt = this.now();
    this.pending = null;
    this.emit?.(p);
    return p;
  }

  /** Never lets a count go below what was already shown. */
  private monotonic(c: Counts): Counts {
    const l = this.last;
    if (!l) return { ...c };
    return {
      total: Math.max(c.total, l.total), sent: Math.max(c.sent, l.sent), created: Math.max(c.created, l.created),
      updated: Math.max(c.updated, l.updated), skipped: Math.max(c.skipped, l.skipped), failed: Math.max(c.failed, l.failed),
    };
  }

  private sample(at: number, c: Counts): void {
    const settled = c.created + c.updated + c.skipped + c.failed;
    const s = this.samples;
    if (s.length === 0 || s[s.length - 1].settled !== settled) s.push({ at, settled });
    while (s.length > 2 && s[1].at < at - this.windowMs) s.shift();
  }

  private rowsPerSecond(): number {
    const s = this.samples;
    if (s.length < 2) return 0;
    const first = s[0];
    const last = s[s.length - 1];
    const dt = this.now() - first.at;
    return dt > 0 ? Math.round(((last.settled - first.settled) * 1000) / dt * 10) / 10 : 0;
  }
}
