/**
 * Progress on stderr: a bar redrawn in place on a terminal, plain throttled lines in a log file
 * (Task Scheduler and cron write to files, where a bar would be thousands of carriage returns).
 */
import type { ImportProgress } from '../../shared/upload/types';

/** Where progress is written and how often; injected so tests need no terminal and no clock. */
export interface ProgressSink {
  write(text: string): void;
  isTTY: boolean;
  /** Terminal width; default 80. */
  columns?: number;
  now(): number;
}

/** Minimum time between two redraws of the bar. */
const TTY_INTERVAL_MS = 100;
/** Minimum time between two plain lines (a log should not grow by a line every chunk). */
const PLAIN_INTERVAL_MS = 2000;

const STATE_TEXT: Record<ImportProgress['state'], string> = {
  running: 'đang gửi / sending',
  paused: 'tạm dừng / paused',
  'waiting-credentials': 'chờ token / waiting for credentials',
  'rate-limited': 'máy chủ yêu cầu chậm lại / rate limited',
  retrying: 'đang thử lại / retrying',
  done: 'xong / done',
  cancelled: 'đã dừng / stopped',
};

/** "12 400/20 000 (62%) · created 12 350 · failed 50 · 850 rows/s · 9 s left" — the numbers of one event. */
export function formatProgress(p: ImportProgress): string {
  const pct = p.total > 0 ? Math.floor((p.sent / p.total) * 100) : 100;
  const parts = [`${p.sent}/${p.total} (${pct}%)`];
  if (p.created) parts.push(`tạo mới / created ${p.created}`);
  if (p.updated) parts.push(`cập nhật / updated ${p.updated}`);
  if (p.skipped) parts.push(`bỏ qua / skipped ${p.skipped}`);
  if (p.failed) parts.push(`lỗi / failed ${p.failed}`);
  if (!p.final) {
    parts.push(`${Math.round(p.rowsPerSecond)} dòng/s / rows/s`);
    if (p.etaMs !== null) parts.push(`còn / left ${formatDuration(p.etaMs)}`);
  }
  if (p.state !== 'running') parts.push(STATE_TEXT[p.state]);
  return parts.join(' · ');
}

/** 75 s → "1 m 15 s". */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} m ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} m`;
}

/** A bar like "[########------------]" for the share sent. */
export function bar(sent: number, total: number, width: number): string {
  const share = total > 0 ? Math.min(1, sent / total) : 1;
  const full = Math.round(share * width);
  return `[${'#'.repeat(full)}${'-'.repeat(width - full)}]`;
}

/**
 * Draws import progress. Events are throttled, the numbers never go backwards on screen, and the final
 * event is always drawn.
 */
export class ProgressView {
  private lastDraw = -Infinity;
  private lastSent = 0;
  private lineOpen = false;

  constructor(private readonly sink: ProgressSink) {}

  /** Called for every engine progress event. */
  update(p: ImportProgress): void {
    // The engine promises monotonic counts; keep the bar from flickering back even if it ever did not.
    if (p.sent < this.lastSent && !p.final) return;
    this.lastSent = Math.max(this.lastSent, p.sent);
    const now = this.sink.now();
    const interval = this.sink.isTTY ? TTY_INTERVAL_MS : PLAIN_INTERVAL_MS;
    if (!p.final && now - this.lastDraw < interval) return;
    this.lastDraw = now;
    if (this.sink.isTTY) {
      // Some terminals (and pseudo-terminals) report 0 columns: fall back to the usual 80.
      const width = this.sink.columns && this.sink.columns >= 40 ? this.sink.columns : 80;
      // A fixed-width bar, so it does not jump as the numbers grow; the text is cut to the terminal's width.
      const line = `${bar(p.sent, p.total, 20)} ${formatProgress(p)}`.slice(0, width - 1);
      this.sink.write(`\r\x1b[2K${line}`);
      this.lineOpen = true;
      if (p.final) this.closeLine();
    } else {
      this.sink.write(`${formatProgress(p)}\n`);
    }
  }

  /** A message line (a stage, a warning); ends the bar's line first so the two never mix. */
  note(text: string): void {
    this.closeLine();
    this.sink.write(`${text}\n`);
  }

  /** Ends the bar's line (before the summary or an error message). */
  closeLine(): void {
    if (this.lineOpen) {
      this.sink.write('\n');
      this.lineOpen = false;
    }
  }
}

/** A sink writing to this process's stderr. */
export function stderrSink(): ProgressSink {
  return {
    write: (t) => void process.stderr.write(t),
    isTTY: Boolean(process.stderr.isTTY),
    columns: process.stderr.columns,
    now: () => Date.now(),
  };
}
