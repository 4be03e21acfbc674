/**
 * The OMI Contact API v2 client on `fetch`: every call has a timeout and honours the caller's AbortSignal,
 * checks the envelope (status_code 9999) and throws a typed OmiError whose kind tells the upload engine what
 * to do. The token goes in the Authorization header only; it never appears in an error.
 */
import type { AddManyResult, CallOptions, OmiApi, OmiClientConfig } from './api';
import { checkBaseUrl } from './base-url';
import { OmiError } from './errors';
import { readFunnelList } from './funnel-list';
import { readLayoutList } from './layout-list';
import { msg, scrub } from './messages';
import { readRowRejections } from './row-errors';
import { SUCCESS_STATUS, type ContactItem, type SearchPage } from './types';

/** Default time allowed for one call. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Wait used when a 429 carries no usable Retry-After. */
const DEFAULT_RETRY_AFTER_MS = 1_000;
/** Network failures where the request surely never reached the server. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ERR_INVALID_URL', 'UND_ERR_CONNECT_TIMEOUT']);

interface Reply {
  http: number;
  envelope: { status_code: number; payload: unknown; message?: unknown };
}

function causeCode(e: unknown): string | undefined {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur; i++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Seconds or an HTTP date, as Retry-After allows, in ms. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const s = Number(header.trim());
  if (Number.isFinite(s) && s >= 0) return Math.round(s * 1000);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/** Creates the client for one account (base URL + token). */
export function createOmiClient(config: OmiClientConfig): OmiApi {
  const base = config.baseUrl.trim().replace(/\/+$/, '');
  const token = config.token;
  const doFetch = config.fetch ?? ((...a: Parameters<typeof fetch>) => globalThis.fetch(...a));
  // The token must never travel in clear: an address checkBaseUrl refuses gets no request at all.
  const addressProblem = checkBaseUrl(base);
  const serverText = (m: unknown) => (typeof m === 'string' && m.trim() !== '' ? scrub(m.trim(), token) : undefined);

  async function call(method: 'GET' | 'POST', path: string, body: unknown, opts: CallOptions = {}): Promise<Reply> {
    const timeoutMs = opts.timeoutMs ?? config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (addressProblem) throw new OmiError({ kind: 'rejected', text: addressProblem });
    if (opts.signal?.aborted) throw new OmiError({ kind: 'aborted', text: msg.aborted() });
    const timer = AbortSignal.timeout(timeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timer]) : timer;
    const lost = (e: unknown, whileReading: boolean): OmiError => {
      if (opts.signal?.aborted) return new OmiError({ kind: 'aborted', text: msg.aborted(), maybeProcessed: method === 'POST' });
      if (timer.aborted) return new OmiError({ kind: 'timeout', text: msg.timeout(timeoutMs), maybeProcessed: true });
      const code = causeCode(e);
      const maybeProcessed = whileReading || !(code && NOT_SENT.has(code));
      return new OmiError({ kind: 'retryable', text: msg.network(code ?? 'network error', maybeProcessed), maybeProcessed });
    };
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (e) {
      throw lost(e, false);
    }
    let text: string;
    try {
      text = await res.text();
    } catch (e) {
      throw lost(e, true);
    }
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    const env = typeof parsed === 'object' && parsed !== null && typeof (parsed as { status_code?: unknown }).status_code === 'number'
      ? (parsed as Reply['envelope'])
      : undefined;
    const http = res.status;
    const server = serverText(env?.message);
    if (http === 401 || http === 403) throw new OmiError({ kind: 'credentials', httpStatus: http, statusCode: env?.status_code, serverMessage: server, text: msg.credentials(http, server) });
    if (http === 429) {
      const retryAfterMs = parseRetryAfter(res.headers.get('retry-after')) ?? DEFAULT_RETRY_AFTER_MS;
      throw new OmiError({ kind: 'rate-limited', httpStatus: http, retryAfterMs, text: msg.rateLimited(Math.ceil(retryAfterMs / 1000)) });
    }
    if (http === 413) throw new OmiError({ kind: 'too-large', httpStatus: http, statusCode: env?.status_code, serverMessage: server, text: msg.tooLarge(server) });
    if (http >= 500) {
      // 503 says the server did not take the request; other 5xx (a gateway giving up, a crash) may come after it was done.
      throw new OmiError({ kind: 'retryable', httpStatus: http, statusCode: env?.status_code, serverMessage: server, text: msg.serverError(http, server), maybeProcessed: http !== 503 });
    }
    if (http >= 400 || (env && env.status_code !== SUCCESS_STATUS)) {
      // Refusals keep the envelope so addMany can read its row detail.
      return { http, envelope: env ?? { status_code: Number.NaN, payload: undefined } };
    }
    if (!env) {
      // A web page where JSON belongs usually means the address is a website, not the API.
      const html = /^\s*<(!doctype|html)/i.test(text) && !(res.headers.get('content-type') ?? '').includes('json');
      const what = html ? msg.webPage() : msg.malformed(text === '' ? 'empty body' : 'not an OMI JSON envelope');
      throw new OmiError({ kind: 'retryable', httpStatus: http, text: what, maybeProcessed: true });
    }
    return { http, envelope: env };
  }

  function refused(r: Reply): OmiError {
    const sc = Number.isNaN(r.envelope.status_code) ? undefined : r.envelope.status_code;
    if (r.http === 404 && sc === undefined) return new OmiError({ kind: 'rejected', httpStatus: 404, text: msg.notFound() });
    const server = serverText(r.envelope.message);
    return new OmiError({ kind: 'rejected', httpStatus: r.http, statusCode: sc, serverMessage: server, text: msg.rejected(r.http, sc, server) });
  }

  async function ok(method: 'GET' | 'POST', path: string, body: unknown, opts?: CallOptions): Promise<unknown> {
    const r = await call(method, path, body, opts);
    if (r.http >= 400 || r.envelope.status_code !== SUCCESS_STATUS) throw refused(r);
    return r.envelope.payload;
  }

  function malformedPayload(what: string): OmiError {
    return new OmiError({ kind: 'retryable', text: msg.malformed(what), maybeProcessed: true });
  }

  return {
    async add(contact, opts) {
      return (await ok('POST', '/api/v2/contact/add', contact, opts)) === true;
    },

    async addMany(contacts, opts): Promise<AddManyResult> {
      const r = await call('POST', '/api/v2/contact/addMany', { data: contacts }, opts);
      const payload = r.envelope.payload;
      const rows = readRowRejections(payload, contacts.length);
      const success = r.http < 400 && r.envelope.status_code === SUCCESS_STATUS;
      if (success && rows.length > 0) return { rejected: rows };
      const p = payload as { success?: unknown; error?: unknown } | null | undefined;
      const saysError = p !== null && typeof p === 'object' && p.error !== undefined && p.error !== null;
      if (success && !saysError && payload !== false) return { rejected: [] };
      const sc = Number.isNaN(r.envelope.status_code) ? undefined : r.envelope.status_code;
      const server = serverText(r.envelope.message);
      if (rows.length > 0) {
        // A refused call that still names rows: the caller learns which rows, and that the call as a whole failed.
        throw new OmiError({ kind: 'rejected', httpStatus: r.http, statusCode: sc, rows, serverMessage: server, text: msg.rowsRejected(rows.length, contacts.length) });
      }
      throw new OmiError({ kind: 'rejected', httpStatus: r.http, statusCode: sc, serverMessage: server, text: msg.batchRejected(contacts.length, server, r.http, sc) });
    },

    async update(body, opts) {
      return (await ok('POST', '/api/v2/contact/update', body, opts)) === true;
    },

    async search(body, page = {}, opts) {
      const q = `?page=${page.page ?? 1}&size=${page.size ?? 50}`;
      const payload = await ok('POST', `/api/v2/contact/search${q}`, body, opts);
      if (typeof payload !== 'object' || payload === null || !Array.isArray((payload as SearchPage).items)) throw malformedPayload('search page without items');
      return payload as SearchPage;
    },

    async get(id, opts) {
      const payload = await ok('GET', `/api/v2/contact/get/${encodeURIComponent(id)}`, undefined, opts);
      if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw malformedPayload('contact is not an object');
      return payload as ContactItem;
    },

    async layoutList(opts) {
      return readLayoutList(await ok('GET', '/api/v2/contact/layout/list', undefined, opts));
    },

    async funnelList(opts) {
      return readFunnelList(await ok('GET', '/api/v2/contact/filterContact/list', undefined, opts));
    },
  };
}
