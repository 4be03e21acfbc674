/**
 * The faults switchboard (../shared/DESIGN.md, `POST /__sandbox/faults`): every way the real OMI service
 * might misbehave, as a switch, so the importer is tested against each one.
 */
import { seededRandom } from '../../shared/random';

/** Re-exported: the sandbox's faults are drawn from it. */
export { seededRandom };

/** How addMany reports invalid rows. */
export type AddManyErrorShape = 'detail-by-index' | 'detail-list' | 'no-detail';
/** What addMany / add do with a refId that already exists. */
export type RefIdDuplicates = 'reject' | 'allow';

/** The whole switchboard; `POST /__sandbox/faults` takes any subset and answers with all of it. */
export interface FaultBoard {
  /** Added delay (ms) before each answer. */
  latencyMs: number;
  /** Calls per second (a token bucket of one second's worth) above which the answer is HTTP 429 with Retry-After (seconds); null = no limit. */
  ratePerSecond: number | null;
  /** Share (0..1) of calls answered 5xx without being processed. */
  errorRate: number;
  /** Share of calls processed, then the connection dropped with no answer. */
  dropRate: number;
  /** Share of calls processed, then the answer held for 120 s. */
  timeoutRate: number;
  /** Share of calls processed, then answered with a body that is not JSON. */
  malformedRate: number;
  /** Share of calls answered with a non-9999 status_code and nothing done. */
  statusCodeRate: number;
  /** After this many calls the token is refused (401) until the board is posted again; null = never. */
  tokenExpiresAfter: number | null;
  /** addMany with more rows than this: HTTP 413; null = no limit. */
  maxBatch: number | null;
  addManyErrors: AddManyErrorShape;
  refIdDuplicates: RefIdDuplicates;
  /** Seed of the random draws behind the *Rate switches; setting it restarts the sequence (reproducible tests). */
  randomSeed: number;
}

/** The board a fresh sandbox starts with: nothing goes wrong. */
export const DEFAULT_FAULTS: Readonly<FaultBoard> = Object.freeze({
  latencyMs: 0,
  ratePerSecond: null,
  errorRate: 0,
  dropRate: 0,
  timeoutRate: 0,
  malformedRate: 0,
  statusCodeRate: 0,
  tokenExpiresAfter: null,
  maxBatch: null,
  addManyErrors: 'detail-by-index',
  refIdDuplicates: 'reject',
  randomSeed: 1,
});

const RATE_KEYS = ['errorRate', 'dropRate', 'timeoutRate', 'malformedRate', 'statusCodeRate'] as const;
const COUNT_OR_NULL_KEYS = ['ratePerSecond', 'tokenExpiresAfter', 'maxBatch'] as const;

/**
 * Checks a posted subset of the board. Returns the merged board, or a sentence saying which key is wrong,
 * so a typo in a test's fault setup fails loudly instead of silently testing nothing.
 */
export function mergeFaults(current: FaultBoard, input: unknown): { board: FaultBoard } | { error: string } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { error: 'the faults body must be a JSON object of switchboard keys' };
  }
  const next: FaultBoard = { ...current };
  for (const [key, value] of Object.entries(input)) {
    if (!(key in DEFAULT_FAULTS)) return { error: `unknown fault key "${key}"; known keys: ${Object.keys(DEFAULT_FAULTS).join(', ')}` };
    if ((RATE_KEYS as readonly string[]).includes(key)) {
      if (typeof value !== 'number' || !(value >= 0 && value <= 1)) return { error: `${key} must be a number from 0 to 1` };
      next[key as (typeof RATE_KEYS)[number]] = value;
    } else if ((COUNT_OR_NULL_KEYS as readonly string[]).includes(key)) {
      if (value !== null && !(typeof value === 'number' && Number.isInteger(value) && value >= 0)) {
        return { error: `${key} must be a whole number of 0 or more, or null` };
      }
      next[key as (typeof COUNT_OR_NULL_KEYS)[number]] = value as number | null;
    } else if (key === 'latencyMs') {
      if (typeof value !== 'number' || !(value >= 0 && value <= 600_000)) return { error: 'latencyMs must be a number of ms from 0 to 600000' };
      next.latencyMs = value;
    } else if (key === 'addManyErrors') {
      if (value !== 'detail-by-index' && value !== 'detail-list' && value !== 'no-detail') {
        return { error: 'addManyErrors must be "detail-by-index", "detail-list" or "no-detail"' };
      }
      next.addManyErrors = value;
    } else if (key === 'refIdDuplicates') {
      if (value !== 'reject' && value !== 'allow') return { error: 'refIdDuplicates must be "reject" or "allow"' };
      next.refIdDuplicates = value;
    } else if (key === 'randomSeed') {
      if (typeof value !== 'number' || !Number.isInteger(value)) return { error: 'randomSeed must be a whole number' };
      next.randomSeed = value;
    }
  }
  return { board: next };
}


/**
 * The limit behind `ratePerSecond`: a token bucket holding at most one second's worth of calls, refilled
 * continuously at the rate. This is how rate limits are commonly built (and what "N per second" means to most
 * API gateways): a client pacing evenly at the rate is never refused because two calls land a few ms closer
 * together than planned, while a burst above the rate is refused as soon as the second's worth is used up.
 * A refused call takes no token. Retry-After is the whole seconds until the next token, at least 1.
 */
export class TokenBucket {
  private tokens = 0;
  private at = 0;
  private limit: number | undefined;

  /** Takes a token at `now` (ms), or returns the seconds to wait (for Retry-After) when there is none. */
  take(limit: number, now: number): { ok: true } | { ok: false; retryAfterSeconds: number } {
    if (this.limit !== limit) {
      // A new limit (or the first call) starts with a full bucket.
      this.limit = limit;
      this.tokens = limit;
    } else {
      this.tokens = Math.min(limit, this.tokens + (Math.max(0, now - this.at) * limit) / 1000);
    }
    this.at = Math.max(this.at, now);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    const waitMs = limit > 0 ? ((1 - this.tokens) * 1000) / limit : Infinity;
    return { ok: false, retryAfterSeconds: Number.isFinite(waitMs) ? Math.max(1, Math.ceil(waitMs / 1000)) : 3600 };
  }

  /** Forgets every call (the bucket is full again at the next one). */
  clear(): void {
    this.limit = undefined;
    this.tokens = 0;
    this.at = 0;
  }
}

/** The earlier name of TokenBucket (it replaced a sliding window; see the README's omi-sandbox section). */
export const RateWindow = TokenBucket;
/** The earlier name of TokenBucket, as a type. */
export type RateWindow = TokenBucket;

/** The live switchboard: the board, its random sequence, its rate window and the token-expiry counter. */
export class Faults {
  board: FaultBoard;
  private random: () => number;
  readonly rate = new TokenBucket();
  /** API calls accepted since the board was last posted (for tokenExpiresAfter). */
  callsSincePost = 0;

  constructor(initial: Partial<FaultBoard> = {}) {
    this.board = { ...DEFAULT_FAULTS, ...initial };
    this.random = seededRandom(this.board.randomSeed);
  }

  /** Applies a posted subset; posting always restarts the token-expiry count and the rate window. */
  post(input: unknown): { board: FaultBoard } | { error: string } {
    const merged = mergeFaults(this.board, input);
    if ('error' in merged) return merged;
    const reseed = typeof input === 'object' && input !== null && 'randomSeed' in input;
    this.board = merged.board;
    if (reseed) this.random = seededRandom(this.board.randomSeed);
    this.callsSincePost = 0;
    this.rate.clear();
    return merged;
  }

  /** Back to the default board (keeps the seed the process started with). */
  reset(initial: Partial<FaultBoard> = {}): void {
    this.board = { ...DEFAULT_FAULTS, ...initial };
    this.random = seededRandom(this.board.randomSeed);
    this.callsSincePost = 0;
    this.rate.clear();
  }

  /** One draw against a share: never draws for 0 so that unrelated switches don't shift each other's sequence. */
  roll(share: number): boolean {
    if (share <= 0) return false;
    if (share >= 1) return true;
    return this.random() < share;
  }

  /** A uniform draw, for picking among simulated answers. */
  pick<T>(choices: readonly T[]): T {
    return choices[Math.floor(this.random() * choices.length) % choices.length];
  }
}
