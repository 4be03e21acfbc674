/**
 * An adaptive request pacer. OMI's rate limit is not documented, so the limiter learns it: it starts unpaced
 * (concurrency alone bounds it), and on the first HTTP 429 it counts how many requests went out in the second
 * before the refused one (what the server took), paces just under that, and honours Retry-After before
 * anything else goes out. Afterwards it raises the pace very slowly (additive increase) and cuts it on each new
 * 429 (multiplicative decrease), so it follows a limit that changes without hammering the server. Each 429
 * costs a whole Retry-After (often a second), so the pace stays a few percent under the limit rather than
 * probing it often. Clock and sleep are injected: tests drive it with a fake clock.
 */

/** Tuning knobs; the defaults are what the engine uses. */
export interface RateLimiterOptions {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Requests per second to start with; Infinity = unpaced until the first 429. */
  initialRate?: number;
  /** Never pace slower than this (requests per second). */
  minRate?: number;
  /** On a 429 the pace becomes this share of the measured accepted rate. */
  decrease?: number;
  /** Additive increase: this share of the pace, per second without a 429. */
  increasePerSecond?: number;
  /** Wait when a 429 carries no Retry-After. */
  defaultRetryAfterMs?: number;
  /** The window over which the accepted rate is measured. */
  windowMs?: number;
}

/** Pacer shared by all workers of one import. */
export class RateLimiter {
  private rate: number;
  private base: number;
  private baseAt = 0;
  private nextAt = 0;
  private blockedUntil = 0;
  private lastCutAt = -Infinity;
  /** Send times of requests let go and not refused with 429, oldest first, over the last two windows. */
  private sent: number[] = [];
  private readonly o: Required<RateLimiterOptions>;

  constructor(opts: RateLimiterOptions) {
    this.o = {
      initialRate: Infinity, minRate: 0.2, decrease: 0.95, increasePerSecond: 0.001,
      defaultRetryAfterMs: 1000, windowMs: 1000, ...opts,
    };
    this.rate = this.o.initialRate;
    this.base = this.rate;
  }

  /** Current pace in requests per second (Infinity when unpaced). */
  get currentRate(): number {
    this.grow();
    return this.rate;
  }

  /** True while a Retry-After is being honoured. */
  get blocked(): boolean {
    return this.o.now() < this.blockedUntil;
  }

  /** Waits for this request's turn; returns the time it was let go (pass it to the result callbacks). */
  async acquire(signal?: AbortSignal): Promise<number> {
    for (;;) {
      const now = this.o.now();
      this.grow();
      const at = Math.max(now, this.blockedUntil, Number.isFinite(this.rate) ? this.nextAt : now);
      if (at <= now) {
        if (Number.isFinite(this.rate)) {
          // Timers wake late under load; a turn may use up to half a spacing of that lateness, so the pace is
          // kept on average instead of losing a few ms on every request.
          const spacing = 1000 / this.rate;
          this.nextAt = Math.max(this.nextAt, now - spacing / 2) + spacing;
        }
        this.sent.push(now);
        this.trim();
        return now;
      }
      // Re-check after waking: a 429 meanwhile may have pushed the turn further.
      await this.o.sleep(at - now, signal);
      if (signal?.aborted) return this.o.now();
    }
  }

  /** The request sent at `sentAt` was accepted (any answer but 429). Kept for symmetry: sends are counted at acquire. */
  onAccepted(_sentAt: number): void {}

  /** The request sent at `sentAt` got a 429. Only the first 429 of a burst cuts the pace. */
  onRateLimited(sentAt: number, retryAfterMs?: number): void {
    const now = this.o.now();
    const wait = retryAfterMs !== undefined && retryAfterMs >= 0 ? retryAfterMs : this.o.defaultRetryAfterMs;
    this.blockedUntil = Math.max(this.blockedUntil, now + wait);
    this.nextAt = Math.max(this.nextAt, this.blockedUntil);
    const i = this.sent.lastIndexOf(sentAt);
    if (i >= 0) this.sent.splice(i, 1);
    if (sentAt <= this.lastCutAt) return;
    // What the server took: the requests that went out in the window before the refused one.
    const measured = (this.sent.filter((t) => t >= sentAt - this.o.windowMs && t < sentAt).length * 1000) / this.o.windowMs;
    const from = Number.isFinite(this.rate) ? Math.min(this.rate, Math.max(measured, this.rate * 0.5)) : measured;
    this.rate = Math.max(this.o.minRate, from * this.o.decrease);
    this.base = this.rate;
    this.baseAt = this.blockedUntil;
    this.lastCutAt = now;
  }

  private grow(): void {
    if (!Number.isFinite(this.base)) return;
    const since = Math.max(0, this.o.now() - this.baseAt) / 1000;
    this.rate = this.base * (1 + this.o.increasePerSecond * since);
  }

  private trim(): void {
    const from = this.o.now() - 2 * this.o.windowMs;
    let i = 0;
    while (i < this.sent.length && this.sent[i] < from) i++;
    if (i > 0) this.sent.splice(0, i);
  }
}
