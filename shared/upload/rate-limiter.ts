/**
 * An adaptive request pacer. OMI's rate limit is not documented, so the limiter learns it: it starts unpaced
 * (concurrency alone bounds it), and on the first HTTP 429 it measures how many requests the server took in
 * the last second, paces just under that, and honours Retry-After before anything else goes out. Afterwards
 * it raises the pace slowly (additive increase) and cuts it on each new 429 (multiplicative decrease), so it
 * follows a limit that changes without hammering the server. Clock and sleep are injected: tests drive it
 * with a fake clock.
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
  /** Send times of requests that the server accepted (not 429), oldest first, within the window. */
  private accepted: number[] = [];
  private readonly o: Required<RateLimiterOptions>;

  constructor(opts: RateLimiterOptions) {
    this.o = {
      initialRate: Infinity, minRate: 0.2, decrease: 0.95, increasePerSecond: 0.004,
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
        if (Number.isFinite(this.rate)) this.nextAt = Math.max(this.nextAt, now) + 1000 / this.rate;
        return now;
      }
      // Re-check after waking: a 429 meanwhile may have pushed the turn further.
      await this.o.sleep(at - now, signal);
      if (signal?.aborted) return this.o.now();
    }
  }

  /** The request sent at `sentAt` was accepted (any answer but 429). */
  onAccepted(sentAt: number): void {
    this.accepted.push(sentAt);
    this.trim();
  }

  /** The request sent at `sentAt` got a 429. Only the first 429 of a burst cuts the pace. */
  onRateLimited(sentAt: number, retryAfterMs?: number): void {
    const now = this.o.now();
    const wait = retryAfterMs !== undefined && retryAfterMs >= 0 ? retryAfterMs : this.o.defaultRetryAfterMs;
    this.blockedUntil = Math.max(this.blockedUntil, now + wait);
    this.nextAt = Math.max(this.nextAt, this.blockedUntil);
    if (sentAt <= this.lastCutAt) return;
    this.trim();
    const measured = (this.accepted.length * 1000) / this.o.windowMs;
    const from = Number.isFinite(this.rate) ? Math.min(this.rate, Math.max(measured, this.rate * 0.5)) : measured;
    this.rate = Math.max(this.o.minRate, from * this.o.decrease);
    this.base = this.rate;
    this.baseAt = this.blockedUntil;
    this.lastCutAt = now;
    this.accepted = [];
  }

  private grow(): void {
    if (!Number.isFinite(this.base)) return;
    const since = Math.max(0, this.o.now() - this.baseAt) / 1000;
    this.rate = this.base * (1 + this.o.increasePerSecond * since);
  }

  private trim(): void {
    const from = this.o.now() - this.o.windowMs;
    let i = 0;
    while (i < this.accepted.length && this.accepted[i] < from) i++;
    if (i > 0) this.accepted.splice(0, i);
  }
}
