import type { Bilingual } from '../text';
import type { RowRejection } from './types';

/**
 * What kind of failure a call met. The upload engine decides what to do from the kind alone:
 * - credentials: 401/403 — pause and ask for a new token; never fail rows for it.
 * - rate-limited: 429 — wait `retryAfterMs`, slow down.
 * - too-large: 413 — send smaller chunks.
 * - retryable: 5xx, network failure, malformed answer — back off and retry.
 * - timeout: no answer in time — the request may have been processed.
 * - rejected: the server answered and refused (non-9999 status_code or addMany row errors).
 * - aborted: the caller cancelled.
 */
export type OmiErrorKind = 'credentials' | 'rate-limited' | 'too-large' | 'retryable' | 'timeout' | 'rejected' | 'aborted';

export class OmiError extends Error {
  readonly kind: OmiErrorKind;
  /** HTTP status when there was one. */
  readonly httpStatus?: number;
  /** The envelope's status_code when there was one. */
  readonly statusCode?: number;
  /** For rate-limited: the server's Retry-After, in ms. */
  readonly retryAfterMs?: number;
  /** For rejected addMany: per-row detail when the server gave any. */
  readonly rows?: RowRejection[];
  /**
   * True when the request may have been processed although no usable answer came back
   * (timeout, dropped connection, malformed body): the caller must check before sending again.
   */
  readonly maybeProcessed: boolean;
  /**
   * The server's own explanation (the envelope's `message`), token removed, when it gave one: the upload engine
   * reads which field a refusal is about from it. Also quoted in `text.detail`.
   */
  readonly serverMessage?: string;
  readonly text: Bilingual;

  constructor(init: {
    kind: OmiErrorKind; text: Bilingual; httpStatus?: number; statusCode?: number; retryAfterMs?: number;
    rows?: RowRejection[]; maybeProcessed?: boolean; serverMessage?: string;
  }) {
    super(init.text.en);
    this.name = 'OmiError';
    this.kind = init.kind;
    this.text = init.text;
    this.httpStatus = init.httpStatus;
    this.statusCode = init.statusCode;
    this.retryAfterMs = init.retryAfterMs;
    this.rows = init.rows;
    this.maybeProcessed = init.maybeProcessed ?? false;
    if (init.serverMessage !== undefined) this.serverMessage = init.serverMessage;
  }
}

export function isOmiError(e: unknown): e is OmiError {
  return e instanceof OmiError;
}
