/**
 * An adaptive request pacer. OMI's rate limit is not documented, so the limiter learns it.
 *
 * Start: nothing is known, so calls are not paced by time but by answers, like TCP's slow start: at first only
 * `initialWindow` calls may be out at once, and each accepted answer lets one more out, so the rate doubles
 * every round trip until the workers' concurrency bounds it or the server answers HTTP 429. A slow server
 * therefore never gets the whole burst at once, a fast one is reached within a few round trips.
 *
 * First 429: the limiter counts what the server took in the second before the refused call, paces just under
 * that, and honours Retry-After before anything else goes out (it knows nothing better yet).
 *
 * Afterwards the pace grows slowly (additive increase) and each later 429 cuts it to just under the rate the
 * server accepted in the last window (multiplicative decrease, at most once per half window). Such a 429
 * while paced means the pace was a little too fast, not that the server is closed: the other workers go on at
 * the lowered pace and the refused call simply takes its next paced turn, instead of all of them freezing for
 * a whole Retry-After (Retry-After is whole seconds, so that freeze wasted most of a second each time). The
 * whole Retry-After is still honoured by everyone when it is long (a quota rather than a rate) or when 429s
 * come back to back with nothing accepted in between. Calls are spread evenly, one per 1/rate.
 * Clock and sleep are injected: tests drive it with a fake clock.
 */

/** Tuning knobs; the defaults are what the engine uses. */
export interface RateLimiterOptions {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Requests per second to start with; Infinity = not paced by time until the first 429 (slow start). */
  initialRate?: number;
  /** Before the first 429: calls that may be out at once at first, one more per accepted answer. */
  initialWindow?: number;
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
  /** A Retry-After longer than this is honoured by every worker even while paced (a quota, not a rate). */
  longRetryAfterMs?: number;
  /** This many 429s in a row with nothing accepted in between: every worker honours Retry-After. */
  streakLimit?: number;
}

/** Pacer shared by all workers of one import. Every acquire() must be followed by onAccepted or onRateLimited. */
export class RateLimiter {
  private rate: number;
  private base: number;
  private baseAt = 0;
  private nextAt = 0;
  private blockedUntil = 0;
  /** Until when the progress shows "rate-limited" after a 429 that did not block everyone. */
  private limitedUntil = 0;
  private lastCutAt = -Infinity;
  private window: number;
  private inFlight = 0;
  private streak = 0;
  private waiters: (() => void)[] = [];
  /** Send times of requests let go and not refused with 429, oldest first, over the last two windows. */
  private sent: number[] = [];
  private readonly o: Required<RateLimiterOptions>;

  constructor(opts: RateLimiterOptions) {
    this.o = {
      initialRate: Infinity, initialWindow: 2, minRate: 0.2, decrease: 0.97, increasePerSecond: 0.02,
      defaultRetryAfterMs: 1000, windowMs: 1000, longRetryAfterMs: 2000, streakLimit: 3, ...opts,
    };
    this.rate = this.o.initialRate;
    this.base = this.rate;
    this.window = Math.max(1, this.o.initialWindow);
  }

  /** Current pace in requests per second (Infinity while not paced by time). */
  get currentRate(): number {
    this.grow();
    return this.rate;
  }

  /** True while a Retry-After is being honoured, or shortly after a 429 (for the progress display). */
  get blocked(): boolean {
    return this.o.now() < Math.max(this.blockedUntil, this.limitedUntil);
  }

  /** Waits for this request's turn; returns the time it was let go (pass it to the result callbacks). */
  async acquire(signal?: AbortSignal): Promise<number> {
    for (;;) {
      if (signal?.aborted) return this.o.now();
      const now = this.o.now();
      this.grow();
      const paced = Number.isFinite(this.rate);
      if (!paced && now >= this.blockedUntil && this.inFlight >= this.window) {
        await this.answered(signal);
        continue;
      }
      const at = Math.max(now, this.blockedUntil, paced ? this.nextAt : now);
      if (at <= now) {
        if (paced) {
          // Timers wake late under load; a turn may use up to a quarter spacing of that lateness, so the pace is
          // kept on average without letting two calls bunch together.
          const spacing = 1000 / this.rate;
          this.nextAt = Math.max(this.nextAt, now - spacing / 4) + spacing;
        }
        this.inFlight++;
        this.sent.push(now);
        this.trim();
        return now;
      }
      // Re-check after waking: a 429 meanwhile may have pushed the turn further.
      await this.o.sleep(at - now, signal);
    }
  }

  /** The request sent at `sentAt` got an answer other than 429 (or none: it failed or was abandoned). */
  onAccepted(_sentAt: number): void {
    this.settle();
    this.streak = 0;
    if (!Number.isFinite(this.rate)) this.window++;
  }

  /** The request sent at `sentAt` got a 429. Only the first 429 of a burst cuts the pace. */
  onRateLimited(sentAt: number, retryAfterMs?: number): void {
    this.settle();
    const now = this.o.now();
    const wait = retryAfterMs !== undefined && retryAfterMs >= 0 ? retryAfterMs : this.o.defaultRetryAfterMs;
    const paced = Number.isFinite(this.rate);
    this.streak++;
    const i = this.sent.lastIndexOf(sentAt);
    if (i >= 0) this.sent.splice(i, 1);
    this.limitedUntil = Math.max(this.limitedUntil, now + Math.min(wait, this.o.windowMs));
    if (!paced || wait > this.o.longRetryAfterMs || this.streak >= this.o.streakLimit) {
      this.blockedUntil = Math.max(this.blockedUntil, now + wait);
      this.nextAt = Math.max(this.nextAt, this.blockedUntil);
    }
    if (sentAt <= this.lastCutAt || now - this.lastCutAt < this.o.windowMs / 2) return;
    // What the server took: the requests that went out in the window before the refused one.
    const measured = (this.sent.filter((t) => t >= sentAt - this.o.windowMs && t < sentAt).length * 1000) / this.o.windowMs;
    const from = paced ? Math.min(this.rate, Math.max(measured, this.rate * 0.5)) : measured;
    this.rate = Math.max(this.o.minRate, from * this.o.decrease);
    this.base = this.rate;
    this.baseAt = Math.max(now, this.blockedUntil);
    this.lastCutAt = now;
    // The refused call and the rest go on at the new pace, not all at once.
    this.nextAt = Math.max(this.nextAt, now);
  }

  private settle(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves when an answer frees a place in the slow-start window (or on abort). */
  private answered(signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        signal?.removeEventListener('abort', done);
        resolve();
      };
      this.waiters.push(done);
      signal?.addEventListener('abort', done, { once: true });
    });
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
